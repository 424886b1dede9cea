"""Number words: the only importer of num2words."""

from __future__ import annotations

import re
from typing import Final

from num2words import num2words

_DIGIT_NAMES: Final = "zero one two three four five six seven eight nine".split()
SCALES: Final = {
    "k": "thousand", "thousand": "thousand",
    "m": "million", "mn": "million", "mln": "million", "million": "million",
    "b": "billion", "bn": "billion", "bln": "billion", "billion": "billion",
    "t": "trillion", "tn": "trillion", "trn": "trillion", "trillion": "trillion",
    "crore": "crore", "lakh": "lakh",
}
SCALE_PATTERN: Final = r"(?i:trillion|billion|million|thousand|crore|lakh|trn|tn|bln|bn|mln|mn|[kmbt])(?![A-Za-z])"


def _tidy(words: str) -> str:
    return words.replace(",", "")


def integer(n: int) -> str:
    """42 -> "forty-two"."""
    return _tidy(num2words(n))


def digits(text: str) -> str:
    """"2082" -> "two zero eight two"."""
    return " ".join(_DIGIT_NAMES[int(d)] for d in text if d.isdigit())


_OH: Final = "oh one two three four five six seven eight nine".split()


def spell_digits(text: str) -> str:
    """"0199" -> "oh one nine nine": digit by digit, as phone numbers and codes are read."""
    return " ".join(_OH[int(d)] for d in text if d.isdigit())


def spell_code(code: str) -> str:
    """"SN-4471-XB" -> "S N four four seven one X B": letters and digits one by one, as codes are read out."""
    return " ".join(_OH[int(c)] if c.isdigit() else c.upper() for c in code if c.isalnum())


def cardinal(text: str) -> str:
    """A written number as words: "210,051", "53,412.67", "-0.4", ".5", "+3.2"."""
    text = text.strip()
    sign = ""
    if text[:1] in "-−–":
        sign, text = "minus ", text[1:]
    elif text[:1] == "+":
        sign, text = "plus ", text[1:]
    whole, _, fraction = text.replace(",", "").partition(".")
    spoken = integer(int(whole)) if whole else "zero"
    if fraction:
        spoken += " point " + digits(fraction)
    return sign + spoken


def ordinal(n: int) -> str:
    """21 -> "twenty-first"."""
    return _tidy(num2words(n, to="ordinal"))


def year(n: int) -> str:
    """2025 -> "twenty twenty-five", 2008 -> "two thousand eight", 1905 -> "nineteen oh five"."""
    if 2000 <= n <= 2009:
        return "two thousand" + (f" {integer(n % 10)}" if n % 10 else "")
    if n < 1000 or n % 1000 == 0:
        return integer(n)
    return _tidy(num2words(n, to="year")).replace("oh-", "oh ")


def plural_year(n: int) -> str:
    """1990 -> "nineteen nineties", 2020 -> "twenty twenties", 2000 -> "two thousands"."""
    spoken = year(n)
    if spoken.endswith("y"):
        return spoken[:-1] + "ies"
    return spoken + ("es" if spoken.endswith("x") else "s")


def model_number(text: str) -> str:
    """A number in a name, read as people say it: 737 -> "seven thirty-seven", 2082 -> pairs."""
    text = text.lstrip("0") or "0"
    if len(text) != len(text.lstrip("0")) or len(text) <= 2:
        return integer(int(text))
    if len(text) == 3:
        head, tail = text[0], int(text[1:])
        if tail == 0:
            return integer(int(text))
        return f"{integer(int(head))} {'oh ' + integer(tail) if tail < 10 else integer(tail)}"
    if len(text) == 4:
        return year(int(text))
    return digits(text)


def scale(word: str) -> str:
    """"bn" -> "billion"."""
    return SCALES[word.lower()]


def is_one(number: str) -> bool:
    return re.fullmatch(r"[+]?0*1(?:\.0*)?", number.replace(",", "")) is not None


_NOT_NOUNS = (
    "of in on at by to for from with into onto over under after before since during per via than as "
    "and or but nor so yet if when while where whereas because although though "
    "a an the this that these those last next each every its their his her our your my "
    "is are was were be been being has have had do does did will would shall should can could may might must "
    "away long wide high deep tall old apart off above below up down out back ago earlier later "
    "more less most least north south east west apiece annually yearly monthly daily each "
    "percent per cent times yesterday today tomorrow tonight overnight now then already also too instead "
    "abroad overseas again just only even still plus minus total worth "
    "one-way return round-trip roundtrip outbound inbound"  # a fare: "from $29 one-way" is dollars
).split()
_NOUN_AFTER = re.compile(r" (?!(?:" + "|".join(_NOT_NOUNS) + r")\b)(?![a-z]+ly\b)[a-z][a-z-]{2,}\b")


def noun_follows(text: str, pos: int) -> bool:
    """Whether a lowercase noun follows `pos`, making the figure before it attributive ("a 2nm chip")."""
    return _NOUN_AFTER.match(text, pos) is not None


def spell(n: int, language: str, to: str = "cardinal") -> str:
    """num2words in another of its languages ("es", "fr", "it", "pt_BR"), for the verbalizers in language/."""
    return str(num2words(n, lang=language, to=to))
