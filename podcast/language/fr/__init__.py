"""French (France's newsroom style): "8 214,35", "1,5 milliard d'euros", "3 Md€", "10 h 30", "1er janvier"."""

from __future__ import annotations

import re
from typing import Final

from ..numbers import cardinal, ordinal
from ..rules import LanguageRules

_FEMININE: Final = re.compile(r"(?:tion|sion|té|ure|ette|ée|ie|ine|onne|elle|ance|ence|ise|ade|aine|ite|ière|"
                              r"ande|ale|ole|ue|eure|ine|ouse|euse|ité)s?$")
_ALWAYS: Final = {"fois": "f", "voix": "f", "personne": "f", "personnes": "f", "tonne": "f", "tonnes": "f",
                  "heure": "f", "heures": "f", "semaine": "f", "semaines": "f", "livre": "f", "livres": "f",
                  "roupie": "f", "roupies": "f", "couronne": "f", "couronnes": "f", "victime": "f", "victimes": "f",
                  "place": "f", "places": "f", "entreprise": "f", "entreprises": "f", "centime": "m", "centimes": "m"}
"""Nouns counted often in news whose gender the endings do not tell."""


def gender(noun: str) -> str:
    """French endings that are mostly feminine; only "un/une" depends on it."""
    return _ALWAYS.get(noun) or ("f" if _FEMININE.search(noun) else "m")


def clock(hour: int, minute: int) -> str:
    """"10 h 30" -> "dix heures trente"; "une heure", "vingt et une heures"."""
    said = cardinal(hour, "fr", "f") + (" heure" if hour == 1 else " heures")
    if hour == 0:
        said = "minuit"
    elif hour == 12 and minute == 0:
        said = "midi"
    return said if minute == 0 else f"{said} {cardinal(minute, 'fr')}"


def _elide(name: str) -> str:
    return "d'" if re.match(r"[aeiouyéèêh]", name, re.I) else "de "


RULES: Final = LanguageRules(
    code="fr",
    decimal=",",
    point_word="virgule",
    fraction_as_number=True,
    to_word="à",
    and_word="et",
    plus_word="plus",
    times_word="fois",
    url_words=("point", "slash", "arobase", "tiret"),
    scales={"k": 3, "M": 6, "Md": 9, "Mds": 9, "Mrd": 9, "Mrds": 9, "millions": 6, "million": 6, "milliards": 9,
            "milliard": 9},
    scale_words={3: ("mille", "mille"), 6: ("million", "millions"), 9: ("milliard", "milliards"),
                 12: ("billion", "billions")},
    of_currency=_elide,
    short_currency=lambda name: name.split()[0],
    minor_unit=("centime", "centimes"),
    cents=lambda whole, cents, name: f"{whole} {cents}",
    points={"pt": ("point", "points"), "pts": ("point", "points"), "pb": ("point de base", "points de base"),
            "pdb": ("point de base", "points de base")},
    abbreviations={
        "M.": "monsieur", "MM.": "messieurs", "Mme": "madame", "Mmes": "mesdames", "Mlle": "mademoiselle",
        "Dr": "docteur", "Pr": "professeur", "Me": "maître", "Mgr": "monseigneur", "St": "saint", "Ste": "sainte",
        "Ier": "premier", "n°": "numéro", "N°": "numéro", "no.": "numéro", "etc.": "et cetera",
        "c.-à-d.": "c'est-à-dire", "env.": "environ", "av. J.-C.": "avant Jésus-Christ",
        "apr. J.-C.": "après Jésus-Christ", "bd": "boulevard", "av.": "avenue", "p.": "page", "tél.": "téléphone",
        "cf.": "voir", "vs": "contre", "É.-U.": "États-Unis",
    },
    leads_on=frozenset("m. mm. mme mlle dr pr me mgr st ste n° av. bd p. tél. cf. env. c.-à-d.".split()),
    word_acronyms=frozenset("OTAN ONU OPEP UNESCO FIFA UEFA CAC INSEE COVID ENA UNEF CNIL MEDEF CEDEAO "
                            "SAMU".split()),
    gender=gender,
    clock=clock,
    date=lambda day, month, year: f"{day} {month} {year}",
    first_day="premier",
    ordinal_suffixes={"er": "m", "re": "f", "ère": "f", "e": "m", "ème": "m", "eme": "m", "nd": "m", "nde": "f"},
    regnal=lambda number: "premier" if number == 1 else cardinal(number, "fr"),
    century=lambda number: ordinal(number, "fr"),
    century_word="siècle",
    letter_joiner="-",
)
