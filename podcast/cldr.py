"""CLDR data through Babel, the only importer of babel: month and day names, currency names, unit names, plural
categories and list patterns for each show language; podcast/dates.py and speech/currencies.py reach Babel here."""

from __future__ import annotations

import functools
import re
from decimal import Decimal
from typing import Final

from babel import Locale, UnknownLocaleError
from babel.dates import format_date, format_skeleton
from babel.lists import format_list
from babel.numbers import get_currency_name, list_currencies
from babel.units import format_unit

LOCALES: Final = {"es": "es", "fr": "fr", "it": "it", "pt-BR": "pt_BR", "hi": "hi", "en": "en", "en-GB": "en_GB"}


@functools.lru_cache(maxsize=16)
def locale(language: str) -> Locale:
    return Locale.parse(LOCALES.get(language, language.replace("-", "_")))


def plural(value: Decimal | int, language: str) -> str:
    """CLDR's plural category of a number: "one", "few", "many" or "other" (French 1,5 is "one")."""
    return str(locale(language).plural_form(value))


def month_names(language: str) -> list[str]:
    """January..December in the language, as CLDR writes them in running text."""
    names = locale(language).months["format"]["wide"]
    return [str(names[i]) for i in range(1, 13)]


def day_names(language: str) -> list[str]:
    """Monday..Sunday."""
    names = locale(language).days["format"]["wide"]
    return [str(names[i]) for i in range(7)]


@functools.lru_cache(maxsize=1)
def currency_codes() -> frozenset[str]:
    return frozenset(list_currencies())


def currency_name(code: str, count: Decimal | int, language: str) -> str:
    """"EUR", 2 -> "euros"; the number agrees as CLDR's plural rules say."""
    return str(get_currency_name(code, count=count, locale=locale(language)))


_NUMBER: Final = re.compile(r"[-+]?\d[\d\s\u00a0\u202f.,]*")


def unit_phrase(unit: str, value: Decimal, spoken_number: str, language: str) -> str:
    """CLDR's long unit pattern with the number said: ("length-kilometer", 1.5, "uno coma cinco") ->
    "uno coma cinco kilómetros"."""
    written = str(format_unit(value, unit, length="long", locale=locale(language)))
    return _NUMBER.sub(lambda _: spoken_number + " ", written, count=1).replace("  ", " ").strip()


def unit_name(unit: str, value: Decimal, language: str) -> str:
    """The unit's long name alone, in the number's plural form: "toneladas"."""
    written = str(format_unit(value, unit, length="long", locale=locale(language)))
    return _NUMBER.sub(" ", written, count=1).strip()


def duration(seconds: float, language: str) -> str:
    """A length as the language writes it, never read as a time of day: "5 min 41 sec", "5 min 41 s",
    "1 hr 2 min 3 sec"; rounded to the second, as `podcast list` rounds it."""
    hours, rest = divmod(round(seconds), 3600)
    minutes, secs = divmod(rest, 60)
    units = [(hours, "duration-hour"), (minutes, "duration-minute"), (secs, "duration-second")]
    parts = [str(format_unit(value, unit, length="short", locale=locale(language))) for value, unit in units if value]
    return str(format_list(parts or [str(format_unit(0, "duration-second", length="short", locale=locale(language)))],
                           style="unit-narrow", locale=locale(language)))


def series(items: list[str], language: str) -> str:
    """"a, b y c": CLDR's list pattern."""
    return str(format_list(items, locale=locale(language)))


__all__ = ["Locale", "UnknownLocaleError", "format_date", "format_skeleton", "get_currency_name"]
"""Babel's own names the show's dates (podcast/dates.py) and English currency names (speech/currencies.py) use."""
