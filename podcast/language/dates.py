"""Dates written in a digest's title line in the show languages: "Noticias: 12 de enero de 2027",
"Le Journal : 1er janvier 2027", "Notiziario: 12 gennaio 2027", "समाचार: 12 जनवरी 2027". Month names come from CLDR."""

from __future__ import annotations

import datetime as dt
import functools
import re
import unicodedata
from typing import Final

from .. import cldr

LANGUAGES: Final = ("es", "fr", "it", "pt-BR", "hi")

_DATE: Final = re.compile(
    r"(?P<day>[0-3]?[0-9])(?:er|re|º|°|ª|\.º)?\s+(?:de\s+)?(?P<month>[^\s\d,.]+)\.?,?\s+(?:de\s+|del\s+)?"
    r"(?P<year>[12][0-9]{3})")


def _fold(word: str) -> str:
    """Lowercase without accents, so "février", "fevrier" and "Février" are one month."""
    return "".join(c for c in unicodedata.normalize("NFD", word.lower()) if unicodedata.category(c) != "Mn")


@functools.lru_cache(maxsize=1)
def months() -> dict[str, int]:
    """Every month name and abbreviation of the show languages, folded -> month number."""
    table: dict[str, int] = {}
    for language in LANGUAGES:
        names = cldr.locale(language).months["format"]
        for width in ("wide", "abbreviated"):
            for number, name in names[width].items():
                table.setdefault(_fold(str(name)).rstrip("."), int(number))
    return table


def parse_title_date(title: str) -> dt.date | None:
    """The first "day month year" date in the title in any show language, or None."""
    title = title.translate(str.maketrans("०१२३४५६७८९", "0123456789"))
    for match in _DATE.finditer(title):
        month = months().get(_fold(match["month"]).rstrip("."))
        if month is None:
            continue
        try:
            return dt.date(int(match["year"]), month, int(match["day"]))
        except ValueError:
            continue
    return None
