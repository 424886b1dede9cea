"""Spanish (Spain's newsroom style): decimal comma, thousands dot, "1.500 millones de euros", "a las 10:30"."""

from __future__ import annotations

import re
from typing import Final

from ..numbers import cardinal, ordinal
from ..rules import LanguageRules

_MASCULINE_IN_A: Final = frozenset(
    "día días problema problemas programa programas sistema sistemas tema temas mapa mapas clima planeta planetas "
    "idioma idiomas dilema esquema poema poemas drama dramas fantasma pijama cometa cometas mediodía tranvía "
    "sofá sofás papá papás".split())
"""Nouns in -a that are masculine: the ending rule's exceptions."""


_SYLLABLES: Final = re.compile(r"[AEIOU]*(?:[B-DF-HJ-NP-TV-Z][AEIOU]+)+[B-DF-HJ-NP-TV-Z]?")
"""Capitals that read as Spanish syllables, one consonant before each vowel ("SEPE", "DANA", "OTAN", "BOE")."""


def pronounceable(acronym: str) -> bool:
    """Spanish newsreaders say an acronym as a word when its letters read as Spanish syllables, without two
    consonants together ("el SEPE", "la DANA", "la UCI", "el AVE"); they spell the others ("PIB", "UGT", "OMS")
    and those of one syllable closed by a consonant ("PIB", "PNV"; "CIS" is a listed exception). Written with one
    capital ("Adif", "Renfe") it is a word already."""
    if not acronym.isupper():
        return True
    if re.fullmatch(r"[AEIOU][B-DF-HJ-NP-TV-Z][AEIOU]", acronym):
        return True  # "ONU", "IVA", "UCI"
    return len(acronym) >= 4 and _SYLLABLES.fullmatch(acronym) is not None or (
        len(acronym) == 3 and re.fullmatch(r"[B-DF-HJ-NP-TV-Z][AEIOU]{2}", acronym) is not None)


def gender(noun: str) -> str:
    """Spanish nouns in -a, -ión, -dad, -tud (and their plurals) are mostly feminine."""
    if noun in _MASCULINE_IN_A:
        return "m"
    return "f" if re.search(r"(?:as?|ión|iones|dad|dades|tud|tudes|umbre|umbres)$", noun) else "m"


def clock(hour: int, minute: int) -> str:
    """"10:30" -> "diez y media"; hours are feminine ("la una", "las veintiuna")."""
    said = cardinal(hour, "es", "f")
    if minute == 0:
        return said
    if minute == 15:
        return f"{said} y cuarto"
    if minute == 30:
        return f"{said} y media"
    return f"{said} y {cardinal(minute, 'es')}"


def regnal(number: int) -> str:
    """"Felipe VI" -> "sexto", "Alfonso XIII" -> "trece": ordinals up to ten, then cardinals."""
    return ordinal(number, "es") if number <= 10 else cardinal(number, "es")


RULES: Final = LanguageRules(
    code="es",
    decimal=",",
    point_word="coma",
    fraction_as_number=True,
    to_word="a",
    and_word="y",
    plus_word="más",
    times_word="veces",
    url_words=("punto", "barra", "arroba", "guion"),
    scales={"mil": 3, "M": 6, "mill.": 6, "millones": 6, "millón": 6, "mil millones": 9, "MM": 9, "millardos": 9,
            "bn": 9, "billones": 12, "billón": 12},
    scale_words={3: ("mil", "mil"), 6: ("millón", "millones"), 9: ("mil millones", "mil millones"),
                 12: ("billón", "billones")},
    of_currency=lambda name: "de ",
    short_currency=lambda name: name.split()[0],
    minor_unit=("céntimo", "céntimos"),
    cents=lambda whole, cents, name: f"{whole} con {cents} {name}",
    points={"pp": ("punto porcentual", "puntos porcentuales"), "p.p.": ("punto porcentual", "puntos porcentuales"),
            "pb": ("punto básico", "puntos básicos"), "pbs": ("punto básico", "puntos básicos")},
    abbreviations={
        "Sr.": "señor", "Sra.": "señora", "Srta.": "señorita", "Dr.": "doctor", "Dra.": "doctora",
        "D.": "don", "Dña.": "doña", "Lic.": "licenciado", "Ing.": "ingeniero", "Prof.": "profesor",
        "Excmo.": "excelentísimo", "Sto.": "santo", "Sta.": "santa", "Avda.": "avenida", "Av.": "avenida",
        "C/": "calle", "núm.": "número", "nº": "número", "n.º": "número", "pág.": "página", "tel.": "teléfono",
        "aprox.": "aproximadamente", "etc.": "etcétera", "p. ej.": "por ejemplo", "EE. UU.": "Estados Unidos",
        "EE.UU.": "Estados Unidos", "EEUU": "Estados Unidos", "S. A.": "sociedad anónima", "S.A.": "sociedad anónima",
        "S. L.": "sociedad limitada", "Cía.": "compañía", "vs.": "contra", "a. C.": "antes de Cristo",
        "d. C.": "después de Cristo", "km/h": "kilómetros por hora",
    },
    leads_on=frozenset("sr. sra. srta. dr. dra. d. dña. lic. ing. prof. excmo. sto. sta. avda. av. núm. n.º pág. "
                       "tel. p. ej. ee. vs. cía.".split()),
    word_acronyms=frozenset("OTAN ONU OPEP UNESCO FIFA UEFA IBEX COVID IVA ERE ERTE INE CIS PSOE PYME PYMES "
                            "ONCE".split()),
    gender=gender,
    pronounceable=pronounceable,
    clock=clock,
    date=lambda day, month, year: f"{day} de {month} de {year}",
    first_day="uno",
    ordinal_suffixes={"º": "m", "ª": "f", "°": "m", "er": "m", "a": "f", "o": "m"},
    regnal=regnal,
    century=lambda number: cardinal(number, "es"),
    century_word="siglo",
    dot_time_after=("la ", "las "),
)
