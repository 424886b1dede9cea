"""Words in capitals: a wire dateline ("LONDON (Reuters) -"), a shouted header or headline ("MARKETS"), and
the test that tells a word set in capitals from an acronym (NATO is said, BYD is spelled, SALES is a word)."""

from __future__ import annotations

import re
from typing import Final

from .currencies import BY_CODE
from .names import WORD_ACRONYMS
from .places import AP_STATES, state

AGENCIES: Final = frozenset(
    "Reuters AP AFP Bloomberg dpa DPA Xinhua Kyodo Yonhap PTI ANI CNA Bernama Anadolu TASS Tass EFE ANSA UPI IANS "
    "Agencies Interfax RIA Jiji PA Nikkei Dow Jones Caixin BBC CNN CNBC NHK WAFA KUNA SPA WAM".split()
)
_DATELINE: Final = re.compile(
    r"^(?P<city>[A-Z][A-Za-z.'’/ -]{1,40}?)(?:,\s*(?P<state>" + "|".join(re.escape(k) for k in AP_STATES) +
    r"|[A-Z][a-z]+(?: [A-Z][a-z]+)?))?(?:,\s*(?P<date>[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,\s*\d{4})?))?\s*"
    r"(?:\((?P<agency>[A-Za-z][\w .&'/-]{0,40})\)\s*(?:[-–—]+|,)|\s[-–—]+)\s*"
)
_ONSETS: Final = frozenset(
    "b c d f g h j k l m n p q r s t v w x y z bl br ch cl cr dr dw fl fr gl gr gn kn kr ph pl pr qu sc sch scr sh "
    "shr sk sl sm sn sp sph spl spr squ st str sw th thr tr ts tw wh wr zh".split()
)
_CODAS: Final = frozenset(
    "b c d f g h k l m n p r s t v w x y z ch ck ct dth ff ft ght gh ld lf lk ll lm ln lp lt lth mb mp nch nd ng nk "
    "ns nt nth pt rb rc rch rd rf rg rk rl rm rn rp rs rsh rst rt rth rv sh sk sm sp ss st tch th tt wn ws xt zz "
    "nce nge rce rge lse nse rld mn ngth tz lts nds nts nks mps sts cts fts pts ths ngs rds rks lls rns rts rms".split()
)
SPELLED: Final = frozenset(
    "US UK EU UN AI CEO CFO GDP IPO ECB BOE BOJ IMF WTO WHO FBI CIA NBA NFL NHL MLB UAE USA TV EV EVS BYD HSBC "
    "LVMH ICICI SEC DOJ FTC FDA CDC ICE GOP DNC RNC NYC LA PM MP MPS EPS ETF ETFS PC AP AFP BBC CNN".split()
)
"""Acronyms of three letters or fewer, or pronounceable ones, that are still said letter by letter."""
COMMON: Final = frozenset(
    "A AN THE AND OR BUT FOR NOR OF TO IN ON AT BY AS IS IT BE ARE WAS HAS HAD NEW OLD BIG TOP WAR WIN HIT CUT UP "
    "OUT OFF NOT NO YES ITS HIS HER OUR GET GOT SET PUT RUN RAN SAY ALL ANY ONE TWO TEN SIX AGO END DAY AGE OIL GAS "
    "TAX JOB LAW PAY AID ART CAR BID BUY LOW KEY FED MAY CAN DUE VIA PER LED SEE DIP ACT ADD AIR ARM BAN BAR BOX "
    "BOY EYE FAN FAR FEW FIX FLY GUN HOT ILL LAB LAG LEG LET LIE LOT MAN MEN MIX NET NOW ODD RAW RED ROW SEA SKY SON "
    "SUN TIE TIP TOY TRY WAY WET WON YET ZOO WE HE SHE YOU HIM OWN TOO HOW WHY ITS DO GO SO IF MY ME HIT".split()
)


def pronounceable(word: str) -> bool:
    """Whether letters in capitals read as an English word: a vowel, and the consonants before the first vowel
    and after the last one form clusters English words begin and end with ("STR", "NGS"; not "CSP", "TL")."""
    word = word.lower()
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        word = word[:-1]
    onset = re.match(r"y?[^aeiouy]*", word).group(0)  # type: ignore[union-attr]  # always matches
    coda = re.search(r"[^aeiouy]*$", word[len(onset):]).group(0)  # type: ignore[union-attr]
    middle = word[len(onset):len(word) - len(coda)]
    if not middle or re.search(r"[^aeiouy]{4}", middle) or re.search(r"[aeiou]{3}", middle):
        return False
    return (not onset or onset in _ONSETS) and (not coda or coda in _CODAS)


def _titled(word: str) -> str:
    return "-".join("/".join(p[:1] + p[1:].lower() for p in part.split("/")) for part in word.split("-"))


def is_word(word: str, shouting: bool) -> bool:
    """A run of capitals said as a word: common short words in a line set in capitals, pronounceable longer
    ones (four letters in a shouted line, five or more anywhere), never a known spelled acronym."""
    bare = word[:-1] if word.endswith("S") and word[:-1] in SPELLED else word
    if bare in SPELLED:
        return False
    if len(word) <= 3:
        return shouting and word in COMMON
    return (shouting or len(word) >= 5) and pronounceable(word)


_CAPS_WORD: Final = re.compile(r"(?<![\w'’.-])(?P<word>[A-Z]{2,}(?:-[A-Z]{2,})*)(?P<s>['’]S\b)?(?![\w'’]|\.\w)")


_LOWER: Final = re.compile(r"[a-z]+")
_UPPER: Final = re.compile(r"[A-Z]+")


def shouting(text: str) -> bool:
    """Whether a line is set in capitals: four letters or more, four in five of them upper case."""
    upper = sum(map(len, _UPPER.findall(text)))
    lower = sum(map(len, _LOWER.findall(text)))
    return upper >= 4 and upper >= 4 * lower


def words_in_capitals(text: str, keep: frozenset[str]) -> str:
    """Words set in capitals said as words ("MARKETS" -> "Markets"); acronyms and the words in `keep` (said as
    words already, like NATO) stay as they are."""
    loud: list[bool] = []  # decided once, and only when a short word in capitals needs it

    def one(match: re.Match[str]) -> str:
        word, possessive = match["word"], "'s" if match["s"] else ""
        if word in keep or word in BY_CODE:
            return word + possessive
        if not loud and any(len(part) < 5 for part in word.split("-")):
            loud.append(shouting(text))
        if not all(is_word(part, bool(loud and loud[0])) for part in word.split("-")):
            return word + possessive
        return _titled(word) + possessive

    return _CAPS_WORD.sub(one, text)


def dateline(text: str) -> str:
    """"LONDON (Reuters) - Shares fell" -> "London, Reuters. Shares fell"; "SPRINGFIELD, Ill. - The" ->
    "Springfield, Illinois. The": the place, date and agency as a short sentence of their own. A city in mixed
    case counts only with a known agency; a city without an agency only in capitals and before a dash."""
    match = _DATELINE.match(text)
    if not match:
        return text
    city, agency = match["city"].strip(), (match["agency"] or "").strip()
    in_capitals = city.replace(" ", "").replace(".", "").replace("/", "").isupper()
    if not (in_capitals or agency in AGENCIES) or len(city.split()) > 4 or shouting(text[match.end():]):
        return text
    if not agency and (len(text[match.end():].split()) < 3 or not all(
            pronounceable(part) and part not in SPELLED | WORD_ACRONYMS for part in re.split(r"[ /]", city))):
        return text  # "NATO - Russia talks" is no dateline
    if match["state"] and not (match["state"] in AP_STATES or state(match["state"]) != match["state"]
                               or match["state"] in AP_STATES.values()):
        return text
    if in_capitals:
        city = " ".join(_titled(part) for part in city.split())
    city = " and ".join(part.strip() for part in city.split("/"))
    place = ", ".join(part for part in (city, state(match["state"] or ""), match["date"] or "", agency) if part)
    return f"{place}. {text[match.end():]}"
