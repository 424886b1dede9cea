"""Italian (Italy's newsroom style): "1,5 miliardi di euro", "mln", "mld", "alle 10.30", "Carlo III"."""

from __future__ import annotations

import re
from typing import Final

from ..numbers import cardinal, ordinal
from ..rules import LanguageRules

_MASCULINE_IN_A: Final = frozenset("problema problemi sistema programma tema clima pianeta dramma cinema "
                                   "papa poeta".split())


def gender(noun: str) -> str:
    """Italian nouns in -a, -ione, -tà are mostly feminine; only "un/una" depends on it."""
    if noun in _MASCULINE_IN_A:
        return "m"
    return "f" if re.search(r"(?:a|ione|tà|tù|ie|sterline|persone|aziende|tonnellate)$", noun) else "m"


_OPENINGS: Final = r"[bcdfgptv][rl]|s[bcdfgklmnpqrtv][rl]?|[cg]h|gn|qu|[bcdfghjklmnpqrstvwxz]"
_ONSET: Final = rf"(?:{_OPENINGS})?"
_WORD: Final = re.compile(rf"{_ONSET}[aeiouy]+(?:[lmnrs]?{_ONSET}[aeiouy]+)*[bcdfgklmnprstvxz]?", re.I)
"""Capitals an Italian reader says as one word: syllables that open on a consonant group Italian words open on
("tr", "st", "gn"), an "l", "m", "n", "r" or "s" closing a syllable before another, one consonant at the end."""
_NAME_OPENING: Final = re.compile(rf"(?:{_OPENINGS}|sh|kh|zh|th|ph|wh|ts|tz|ps|pf|kw|dj|sch)?[aeiouy]", re.I)
"""How a word with one capital may open and still be a name ("Ross", "Khan", "Tsai"), not an acronym."""


def pronounceable(acronym: str) -> bool:
    """"PIL", "ISTAT", "NATO", "FIAT" are said as words by Italian newsreaders; "BCE", "CGIL", "LVMH", "UE" are
    spelled. Written with one capital, as Italian newsrooms write acronyms, only what no word or name could open on is
    spelled ("Bce", "Pd", "Fmi", "Tv"): "Pil", "Ross", "Buzz" stay words."""
    if acronym.isupper():  # two capitals are always spelled: "UE", "IT", "TV"
        return len(acronym) > 2 and _WORD.fullmatch(acronym) is not None
    return _NAME_OPENING.match(acronym) is not None


LETTERS: Final = dict(zip("ABCDEFGHIJKLMNOPQRSTUVWXYZ", (
    "à bì cì dì é èffe gì àcca ì ilùnga càppa èlle èmme ènne ò pì cù èrre èsse tì ù vù doppiavù ìcs ìpsilon "
    "zèta").split(), strict=True))
"""The Italian letter names, each with its stress written: "B C E" reached the listener as "bi ci" and the word
"e" ("and"), "bì-cì-é" is said as a newsreader says "Bce"."""


def clock(hour: int, minute: int) -> str:
    """"10.30" -> "dieci e trenta"; "l'una"."""
    said = cardinal(hour, "it", "f")
    return said if minute == 0 else f"{said} e {cardinal(minute, 'it')}"


RULES: Final = LanguageRules(
    code="it",
    decimal=",",
    point_word="virgola",
    fraction_as_number=True,
    to_word="a",
    and_word="e",
    plus_word="più",
    times_word="volte",
    url_words=("punto", "barra", "chiocciola", "trattino"),
    scales={"mila": 3, "mln": 6, "milioni": 6, "milione": 6, "M": 6, "mld": 9, "mrd": 9, "miliardi": 9,
            "miliardo": 9},
    scale_words={3: ("mila", "mila"), 6: ("milione", "milioni"), 9: ("miliardo", "miliardi"),
                 12: ("bilione", "bilioni")},
    of_currency=lambda name: "di ",
    short_currency=lambda name: name.split()[0],
    minor_unit=("centesimo", "centesimi"),
    cents=lambda whole, cents, name: f"{whole} e {cents} {name}",
    points={"pp": ("punto percentuale", "punti percentuali"), "p.p.": ("punto percentuale", "punti percentuali"),
            "pb": ("punto base", "punti base"), "bp": ("punto base", "punti base")},
    abbreviations={
        "Sig.": "signor", "Sig.ra": "signora", "Sigg.": "signori", "Dott.": "dottor", "Dott.ssa": "dottoressa",
        "Prof.": "professor", "Prof.ssa": "professoressa", "On.": "onorevole", "Avv.": "avvocato",
        "Ing.": "ingegner", "Mons.": "monsignor", "Gen.": "generale", "S.p.A.": "società per azioni",
        "ecc.": "eccetera", "n.": "numero", "pag.": "pagina", "tel.": "telefono", "c.a.": "circa",
        "p.es.": "per esempio", "vs": "contro", "U.S.A.": "Stati Uniti", "USA": "Stati Uniti",
        "Ftse": "Futsi", "FTSE": "Futsi",
    },
    leads_on=frozenset("sig. sig.ra dott. dott.ssa prof. prof.ssa on. avv. ing. mons. gen. n. pag. tel. "
                       "p.es.".split()),
    word_acronyms=frozenset("NATO ONU OPEC UNESCO FIFA UEFA OCSE ISTAT INPS COVID IVA IRPEF CONSOB ANSA FIAT RAI "
                            "ENI ENEL".split()),
    gender=gender,
    clock=clock,
    date=lambda day, month, year: f"{day} {month} {year}",
    first_day="primo",
    ordinal_suffixes={"º": "m", "ª": "f", "°": "m"},
    regnal=lambda number: ordinal(number, "it"),
    century=lambda number: ordinal(number, "it"),
    century_word="secolo",
    dot_time_after=("alle ", "le ", "dalle ", "delle ", "ore ", "all'"),
    letter_names=LETTERS,
    letter_joiner="-",
    pronounceable=pronounceable,
)
