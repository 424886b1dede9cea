"""Dates as the show writes them, in its own locale: Babel's CLDR formats, not hand-written patterns.

An en-US show writes "Monday, March 2, 2026" and "Mar 2, 2026"; an en-GB show "Monday, 2 March 2026" and
"2 Mar 2026". Babel itself is reached through podcast/cldr.py, its one importer.
"""

from __future__ import annotations

import datetime as dt
import functools
import re

from .cldr import Locale, UnknownLocaleError, format_date, format_skeleton


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
