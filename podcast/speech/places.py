"""Place abbreviations of North American news copy: AP-style state abbreviations ("Ill.", "Calif."), postal
codes of states and Canadian provinces, and the party-and-state tag after a legislator ("R-Ohio", "D-Mass.")."""

from __future__ import annotations

import re
from typing import Final


def _table(pairs: str) -> dict[str, str]:
    return {key: value.replace("_", " ") for key, value in (pair.split("=") for pair in pairs.split())}


AP_STATES: Final = _table(
    "Ala.=Alabama Ariz.=Arizona Ark.=Arkansas Calif.=California Colo.=Colorado Conn.=Connecticut Del.=Delaware "
    "Fla.=Florida Ga.=Georgia Ill.=Illinois Ind.=Indiana Kan.=Kansas Ky.=Kentucky La.=Louisiana Md.=Maryland "
    "Mass.=Massachusetts Mich.=Michigan Minn.=Minnesota Miss.=Mississippi Mo.=Missouri Mont.=Montana "
    "Neb.=Nebraska Nev.=Nevada N.H.=New_Hampshire N.J.=New_Jersey N.M.=New_Mexico N.Y.=New_York "
    "N.C.=North_Carolina N.D.=North_Dakota Okla.=Oklahoma Ore.=Oregon Pa.=Pennsylvania R.I.=Rhode_Island "
    "S.C.=South_Carolina S.D.=South_Dakota Tenn.=Tennessee Vt.=Vermont Va.=Virginia Wash.=Washington "
    "W.Va.=West_Virginia Wis.=Wisconsin Wyo.=Wyoming D.C.=D_C")
PROVINCES: Final = _table(
    "ON=Ontario QC=Quebec BC=British_Columbia AB=Alberta MB=Manitoba SK=Saskatchewan NS=Nova_Scotia "
    "NB=New_Brunswick NL=Newfoundland_and_Labrador PE=Prince_Edward_Island YT=Yukon NT=Northwest_Territories "
    "NU=Nunavut")
POSTAL_STATES: Final = _table(
    "AL=Alabama AK=Alaska AZ=Arizona AR=Arkansas CA=California CO=Colorado CT=Connecticut DE=Delaware "
    "FL=Florida GA=Georgia HI=Hawaii ID=Idaho IL=Illinois IN=Indiana IA=Iowa KS=Kansas KY=Kentucky "
    "LA=Louisiana ME=Maine MD=Maryland MA=Massachusetts MI=Michigan MN=Minnesota MS=Mississippi "
    "MO=Missouri MT=Montana NE=Nebraska NV=Nevada NH=New_Hampshire NJ=New_Jersey NM=New_Mexico "
    "NY=New_York NC=North_Carolina ND=North_Dakota OH=Ohio OK=Oklahoma OR=Oregon PA=Pennsylvania "
    "RI=Rhode_Island SC=South_Carolina SD=South_Dakota TN=Tennessee TX=Texas UT=Utah VT=Vermont "
    "VA=Virginia WA=Washington WV=West_Virginia WI=Wisconsin WY=Wyoming DC=D_C")

_STATE_WORD: Final = (r"(?P<state>" + "|".join(re.escape(k) for k in sorted(AP_STATES, key=len, reverse=True))
                      + r"|[A-Z][a-z]+(?: [A-Z][a-z]+)?)")
_PARTY: Final = re.compile(r"(?<![\w-])(?P<party>[RDI])-" + _STATE_WORD + r"(?![\w-])")
_PARTIES: Final = {"R": "Republican", "D": "Democrat", "I": "Independent"}


def state(name: str) -> str:
    """"Ill." -> "Illinois", "TX" -> "Texas"; a name already spelled out stays."""
    return AP_STATES.get(name, POSTAL_STATES.get(name, name))


def parties(text: str) -> str:
    """"Sen. Warren, D-Mass." -> "Sen. Warren, Democrat of Massachusetts."; the full stop of "Mass." stays when
    nothing follows (it ended the sentence)."""

    def one(match: re.Match[str]) -> str:
        written = match["state"]
        said = state(written)
        if said == written and written not in POSTAL_STATES.values():
            return match.group(0)  # "D-Day", "I-Ohio"? only real states
        stop = "." if written.endswith(".") and not text[match.end():].strip() else ""
        return f"{_PARTIES[match['party']]} of {said}{stop}"

    return _PARTY.sub(one, text) if "-" in text else text
