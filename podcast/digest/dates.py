"""The date a title line (or a byline) writes, in the common English forms and the show languages'."""

from __future__ import annotations

import datetime as dt
import re
from typing import Final

from ..language.dates import parse_title_date as _parse_title_date_in_show_languages

_MONTHS: Final = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"),
            ("may",), ("june", "jun"), ("july", "jul"), ("august", "aug"),
            ("september", "sep", "sept"), ("october", "oct"), ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
_MONTH = r"(?P<month>[A-Za-z]{3,9})\.?"
_TITLE_DATES: Final = (
    re.compile(r"(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+" + _MONTH + r",?\s+(?P<year>\d{4})"),
    re.compile(_MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<year>\d{4})"),
    re.compile(r"(?P<year>\d{4})-(?P<mnum>\d{2})-(?P<day>\d{2})"),
)


def parse_title_date(title: str) -> dt.date | None:
    """The date written in a title line, in any of the common forms."""
    for pattern in _TITLE_DATES:
        for match in pattern.finditer(title):
            parts = match.groupdict()
            month = int(parts["mnum"]) if parts.get("mnum") else _MONTHS.get(
                parts["month"].lower()
            )
            if month is None:
                continue
            try:
                return dt.date(int(parts["year"]), month, int(parts["day"]))
            except ValueError:
                continue
    return _parse_title_date_in_show_languages(title)
