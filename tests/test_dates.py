"""Written dates in the show's locale, from Babel's data."""

from __future__ import annotations

import datetime as dt

import pytest

from podcast.dates import known_language, short_date, written_date, written_day

MONDAY = dt.date(2026, 3, 2)


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        pytest.param("en-US", "Monday, March 2, 2026", id="en-us"),
        pytest.param("en", "Monday, March 2, 2026", id="en-defaults-to-us"),
        pytest.param("en-GB", "Monday, 2 March 2026", id="en-gb"),
        pytest.param("en_gb", "Monday, 2 March 2026", id="underscore-lower-case"),
        pytest.param("en-AU", "Monday, 2 March 2026", id="en-au"),
        pytest.param("fr-FR", "lundi 2 mars 2026", id="fr"),
        pytest.param("de", "Montag, 2. März 2026", id="de"),
    ],
)
def test_written_date(language: str, expected: str) -> None:
    assert written_date(MONDAY, language) == expected


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        pytest.param("en-US", "Mar 2, 2026", id="en-us"),
        pytest.param("en-GB", "2 Mar 2026", id="en-gb"),
        pytest.param("de", "2. März 2026", id="de"),
    ],
)
def test_short_date(language: str, expected: str) -> None:
    assert short_date(MONDAY, language) == expected


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        pytest.param("en-US", "Monday, March 2", id="en-us"),
        pytest.param("en-GB", "Monday, 2 March", id="en-gb"),
        pytest.param("es", "lunes, 2 de marzo", id="es-literal-before-year"),
        pytest.param("de", "Montag, 2. März", id="de"),
    ],
)
def test_written_day(language: str, expected: str) -> None:
    assert written_day(MONDAY, language) == expected


@pytest.mark.parametrize(("language", "known"), [("en-US", True), ("fr", True), ("xx-YY", False), ("", False)])
def test_known_language(language: str, known: bool) -> None:
    assert known_language(language) is known
