"""Roman numerals after a name: monarchs and popes by ordinal ("Henry VIII", "the Eighth"), wars, councils,
events and sequels by cardinal ("World War II", "Vatican II", "Super Bowl LIX", "Rocky IV"); never the pronoun I."""

from __future__ import annotations

import re
from typing import Final

from . import guesses, words

_VALUES: Final = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}


def roman(text: str) -> int:
    total = 0
    for char, following in zip(text, text[1:] + " ", strict=True):
        value = _VALUES[char]
        total += -value if following in _VALUES and _VALUES[following] > value else value
    return total


def _write(n: int) -> str:
    out = ""
    for value, letters in ((50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        count, n = divmod(n, value)
        out += letters * count
    return out


VALID: Final = {_write(n): n for n in range(1, 90)}
"""The numerals read here, 1 to 89, each in its one well-formed spelling ("IIII" and "VX" are not numbers)."""

TITLES: Final = frozenset("King Queen Pope Emperor Empress Tsar Czar Tsarina Prince Princess Sultan Shah Kaiser "
                          "Pharaoh Duke Grand".split())
RULERS: Final = frozenset(
    """Henry Edward George Louis Charles Elizabeth William James Richard John Paul Pius Leo Benedict Gregory Clement
    Innocent Urban Boniface Alexander Frederick Philip Felipe Ferdinand Napoleon Peter Catherine Victoria Mary Anne
    Nicholas Ivan Gustav Gustaf Carl Harald Olav Haakon Christian Felix Juan Carlos Willem Alfonso Victor Umberto
    Ludwig Wilhelm Otto Rudolf Friedrich Sixtus Stephen David Malcolm Robert Rama Abdullah Hussein Mohammed Mohammad
    Muhammad Constantine Justinian Selim Suleiman Mehmed Murad Francis Joseph Leopold Albert Baudouin Margrethe
    Ramesses Ramses Amenhotep Thutmose Ptolemy Antiochus Darius Xerxes Cyrus Artaxerxes Edmund Harold Ethelred
    Isabella Sancho Manuel Pedro Afonso Sebastian Emmanuel Hirohito Akihito Naruhito Pedro Casimir Sigismund
    Vladislav Władysław Boleslaw Mieszko Augustus Lothair Conrad Henri Jean Honoré Rainier Hans Adam Bhumibol
    Innocentius Marcellus Sergius Adrian Hadrian Celestine Callixtus Julius Nicholas Eugene Martin Calixtus""".split()
)
EVENTS: Final = frozenset("WrestleMania Bowl Olympiad Games Con Summit Expo".split())
"""Words after which even a numeral that is also a size ("XL") is a number."""
_ARTICLES: Final = frozenset("The A An This That Its His Her Their Our".split())
_SIZES: Final = frozenset({"XL", "XXL", "XXXL", "L", "XS"})
_GENERATIONS: Final = frozenset({"III", "IV"})
_CAPITALIZED_BEFORE: Final = re.compile(r"\b[A-Z][\w'’-]*\s+\Z")

_AFTER_NAME: Final = re.compile(
    r"(?P<prev>(?:\b[A-Z][\w'’-]*[a-z][\w'’-]*\s+)?)(?P<name>\b[A-Z][A-Za-z'’-]*[a-z][A-Za-z'’]*):?\s+"
    r"(?P<num>[IVXL]{1,7})\b(?P<s>['’]s\b)?(?![\w'’-]|\.\w)"
)


def _one(match: re.Match[str]) -> str:
    numeral, name, prev = match["num"], match["name"], match["prev"].strip()
    number = VALID.get(numeral)
    if number is None:
        return match.group(0)
    # A title after a first name is a surname, and its numeral a generation: "Martin Luther King III".
    ruler = name in RULERS or prev in TITLES or (name in TITLES and bool(prev) and prev not in _ARTICLES)
    # "Thurston Howell III": III or IV after a first name and a surname is a generation. A longer capitalized run
    # is a title ("Grand Theft Auto IV"), and II after two words mostly a sequel ("Top Gun II").
    ruler = ruler or (numeral in _GENERATIONS and bool(prev) and prev not in _ARTICLES and prev not in EVENTS
                      and not _CAPITALIZED_BEFORE.search(match.string, 0, match.start()))
    if name == "War" and prev == "World":
        ruler = False
    elif numeral in _SIZES and name not in EVENTS:
        return match.group(0)
    elif len(numeral) == 1 and prev not in TITLES and (numeral == "X" or numeral == "I" and not ruler):
        return match.group(0)  # "so I said", "Malcolm X", "Generation X"; "King Rama X" and "Henry I" read
    ordinal, cardinal = f"the {words.ordinal(number).capitalize()}", words.integer(number).capitalize()
    said, other = (ordinal, cardinal) if ruler else (cardinal, ordinal)
    guesses.note(f"{name} {numeral}", f"{name} {said}", (f"{name} {other}",),
                 "a ruler or a generation" if ruler else "a war, an event or a sequel")
    return f"{match['prev']}{name} {said}{match['s'] or ''}"


def regnal(text: str) -> str:
    """"King Charles III" -> "King Charles the Third", "World War II" -> "World War Two", "Rocky IV" -> "Rocky
    Four"; "Henry I" is a king, but "so I said" keeps its pronoun."""
    if not re.search(r"\b[IVXL]+\b", text):
        return text
    return _AFTER_NAME.sub(_one, text)
