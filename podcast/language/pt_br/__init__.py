"""Brazilian Portuguese (Brazil's newsroom style): "R$ 1,5 bilhão", "US$ 2 mi", "às 10h30", "1º de janeiro"."""

from __future__ import annotations

import re
from typing import Final

from ..numbers import cardinal, ordinal
from ..rules import LanguageRules

_MASCULINE_IN_A: Final = frozenset("dia dias problema problemas sistema sistemas programa programas tema temas "
                                   "mapa mapas clima planeta planetas idioma idiomas cinema".split())


def gender(noun: str) -> str:
    """Portuguese nouns in -a, -ção, -dade, -agem (and plurals) are mostly feminine."""
    if noun in _MASCULINE_IN_A:
        return "m"
    return "f" if re.search(r"(?:as?|ção|ções|são|sões|dade|dades|agem|agens|ez|tude|tudes)$", noun) else "m"


def clock(hour: int, minute: int) -> str:
    """"10h30" -> "dez e meia"; "uma hora", "duas horas"."""
    said = cardinal(hour, "pt-BR", "f")
    if minute == 0:
        return said + (" hora" if hour == 1 else " horas")
    if minute == 30:
        return f"{said} e meia"
    return f"{said} e {cardinal(minute, 'pt-BR')}"


def regnal(number: int) -> str:
    """"Dom Pedro II" -> "segundo", "Bento XVI" -> "dezesseis": ordinals up to ten, then cardinals."""
    return ordinal(number, "pt-BR") if number <= 10 else cardinal(number, "pt-BR")


RULES: Final = LanguageRules(
    code="pt-BR",
    decimal=",",
    point_word="vírgula",
    fraction_as_number=True,
    to_word="a",
    and_word="e",
    plus_word="mais",
    times_word="vezes",
    url_words=("ponto", "barra", "arroba", "hífen"),
    scales={"mil": 3, "mi": 6, "milhão": 6, "milhões": 6, "M": 6, "bi": 9, "bilhão": 9, "bilhões": 9, "tri": 12,
            "trilhão": 12, "trilhões": 12},
    scale_words={3: ("mil", "mil"), 6: ("milhão", "milhões"), 9: ("bilhão", "bilhões"), 12: ("trilhão", "trilhões")},
    of_currency=lambda name: "de ",
    short_currency=lambda name: name.split()[0],
    minor_unit=("centavo", "centavos"),
    cents=lambda whole, cents, name: f"{whole} e {cents} {name}",
    points={"p.p.": ("ponto percentual", "pontos percentuais"), "pp": ("ponto percentual", "pontos percentuais"),
            "pb": ("ponto-base", "pontos-base"), "bps": ("ponto-base", "pontos-base")},
    abbreviations={
        "Sr.": "senhor", "Sra.": "senhora", "Srta.": "senhorita", "Dr.": "doutor", "Dra.": "doutora",
        "Prof.": "professor", "Profa.": "professora", "Gov.": "governador", "Dep.": "deputado", "Sen.": "senador",
        "nº": "número", "n.º": "número", "pág.": "página", "tel.": "telefone", "etc.": "et cetera",
        "Av.": "avenida", "Ltda.": "limitada", "EUA": "Estados Unidos", "S.A.": "sociedade anônima",
        "aprox.": "aproximadamente", "vs.": "contra",
    },
    leads_on=frozenset("sr. sra. srta. dr. dra. prof. profa. gov. dep. sen. n.º pág. tel. av. aprox. vs.".split()),
    word_acronyms=frozenset("OTAN ONU OPEP UNESCO FIFA UEFA COVID PIX SELIC ANVISA PETROBRAS IBOVESPA "
                            "FUNAI".split()),
    gender=gender,
    clock=clock,
    date=lambda day, month, year: f"{day} de {month} de {year}",
    first_day="primeiro",
    ordinal_suffixes={"º": "m", "ª": "f", "°": "m"},
    regnal=regnal,
    century=regnal,
    century_word="século",
    letter_names={"O": "ó"},  # a lone "O" is the article "o" to eSpeak NG ("u"): the letter is "ó"
)
