"""Every date that is not spoken: the clock, a DATE argument, the date a digest's title line writes (in any
show language), and dates as the show writes them in its own locale.

An en-US show writes "Monday, March 2, 2026" and "Mar 2, 2026"; an en-GB show "Monday, 2 March 2026" and
"2 Mar 2026": Babel's CLDR formats, not hand-written patterns (Babel is reached through podcast/cldr.py, its one
importer). How dates are said is the verbalizer's (speech/spoken_dates.py, and each language pack's rules).
"""

from __future__ import annotations

import datetime as dt
import functools
import os
import re
import unicodedata
from typing import Final

from . import cldr
from .cldr import Locale, UnknownLocaleError, format_date, format_skeleton
from .errors import InputError


@functools.cache
def _locale(language: str) -> Locale:
    """The Babel locale of a language tag ("en-US", "en_gb", "fr"); ValueError when Babel has none."""
    try:
        return Locale.parse(language.replace("-", "_"))
    except (UnknownLocaleError, ValueError, TypeError) as exc:
        raise ValueError(f"unknown language {language!r}") from exc


def known_language(language: str) -> bool:
    """Whether dates can be written in this language tag."""
    try:
        _locale(language)
    except ValueError:
        return False
    return True


def written_date(day: dt.date, language: str) -> str:
    """The long date: "Monday, March 2, 2026" (en-US), "Monday, 2 March 2026" (en-GB)."""
    return format_date(day, "full", locale=_locale(language))


def long_date(day: dt.date, language: str) -> str:
    """The date in descriptions and tags: "March 2, 2026" (en-US), "2 March 2026" (en-GB)."""
    return format_date(day, "long", locale=_locale(language))


def short_date(day: dt.date, language: str) -> str:
    """The date in an episode's title: "Mar 2, 2026" (en-US), "2 Mar 2026" (en-GB)."""
    return format_skeleton("yMMMd", day, locale=_locale(language))


@functools.cache
def _day_pattern(language: str) -> str:
    """The locale's long date pattern without its year ("EEEE, MMMM d"): CLDR's skeletons for a weekday and
    day without a year abbreviate the weekday in some locales."""
    pattern = _locale(language).date_formats["full"].pattern
    return re.sub(r"[\s,.]*(?:'[^']*'\s*)?y+\.?", "", pattern).strip(" ,")


def written_day(day: dt.date, language: str) -> str:
    """The day without its year, as the sign-off writes it: "Monday, March 2" (en-US), "Monday, 2 March"."""
    return format_date(day, _day_pattern(language), locale=_locale(language))


# --- the clock and DATE arguments -----------------------------------------------------------------------

def now(tz: dt.tzinfo) -> dt.datetime:
    """The current time in the show's zone; $PODCAST_NOW (ISO 8601) pins it, for tests and replays."""
    pinned = os.environ.get("PODCAST_NOW")
    if pinned:
        try:
            moment = dt.datetime.fromisoformat(pinned)
        except ValueError as exc:
            raise InputError("PODCAST_NOW", f"{pinned!r} is not an ISO 8601 date and time") from exc
        return (moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)).astimezone(tz)
    return dt.datetime.now(tz)


def parse_date(text: str, tz: dt.tzinfo = dt.UTC) -> dt.date:
    """A real calendar date written YYYY-MM-DD, or "today" / "yesterday" in the show's time zone."""
    if text in ("today", "yesterday"):
        return now(tz).date() - dt.timedelta(days=1 if text == "yesterday" else 0)
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        raise InputError(f"DATE {text!r}", "must be a date written YYYY-MM-DD, today or yesterday")
    try:
        return dt.date.fromisoformat(text)
    except ValueError as exc:
        raise InputError(f"DATE {text!r}", "is not a real calendar date") from exc


# --- a title line's date -------------------------------------------------------------------------------

TITLE_LANGUAGES: Final = ("es", "fr", "it", "pt-BR", "hi")

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
    for language in TITLE_LANGUAGES:
        names = cldr.locale(language).months["format"]
        for width in ("wide", "abbreviated"):
            for number, name in names[width].items():
                table.setdefault(_fold(str(name)).rstrip("."), int(number))
    return table


def _title_date_in_show_languages(title: str) -> dt.date | None:
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
    return _title_date_in_show_languages(title)
