"""The digest parser on the sample and on the variants other producers send."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from podcast.digest import load_digest, parse_digest, parse_title_date, slugify
from podcast.errors import DigestError

from .conftest import SAMPLE_DIGEST


def test_sample_parses_into_four_sections() -> None:
    digest = load_digest(SAMPLE_DIGEST)
    assert digest.date == dt.date(2026, 2, 2)
    assert [s.title for s in digest.sections] == [
        "Top News", "Top Business", "Economy & Markets", "Corporate",
    ]
    assert [len(s.stories) for s in digest.sections] == [4, 4, 3, 5]
    assert [s.slug for s in digest.sections][2] == "economy-markets"
    iran = digest.sections[0].stories[2]
    assert iran.headline == "Iran Warns of Regional War if US Attacks"
    assert len(iran.paragraphs) == 2 and iran.paragraphs[1].startswith("Separately, Iran")
    assert any("In Case You Missed It" in w for w in digest.warnings)


BASE = [
    "Daily Buzz: 2 February 2026",
    "Top News",
    "Rates Held Steady",
    "The central bank kept rates unchanged on Monday.",
    "Markets",
    "Will Oil Keep Falling?",
    "Crude fell again.",
    "Analysts expect more declines this week.",
]


def _variant(lines: list[str], sep: str = "\n", prefix: str = "") -> str:
    return prefix + sep.join(lines) + sep


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(_variant(BASE), id="no-blank-lines"),
        pytest.param(_variant(BASE, "\n\n"), id="blank-lines-between-items"),
        pytest.param(_variant(BASE, "\r\n"), id="crlf"),
        pytest.param(_variant(BASE, "\r\n\r\n", "\ufeff"), id="bom-crlf-blank-lines"),
        pytest.param(_variant(BASE + ["", "", "Empty Section", "", ""]), id="trailing-empty-section"),
        pytest.param(_variant(["  " + line + "  " for line in BASE]), id="stray-whitespace"),
        pytest.param(_variant([f"## {line}" if line in {"Top News", "Markets"} else line
                               for line in BASE]), id="markdown-headers"),
    ],
)
def test_variants_parse_alike(text: str) -> None:
    digest = parse_digest(text)
    assert [s.title for s in digest.sections] == ["Top News", "Markets"]
    assert [[st.headline for st in s.stories] for s in digest.sections] == [
        ["Rates Held Steady"], ["Will Oil Keep Falling?"],
    ]
    assert digest.sections[1].stories[0].paragraphs == (
        "Crude fell again.", "Analysts expect more declines this week.",
    )


def test_exclamation_headline_and_one_story_sections() -> None:
    digest = parse_digest(
        "Morning Wire — February 3, 2026\nSport\nUnderdogs Win the Cup!\nA stunning upset.\n"
        "Weather\nStorm Warning Issued\nHeavy rain is expected in São Paulo.\n"
    )
    assert digest.date == dt.date(2026, 2, 3)
    assert [s.stories[0].headline for s in digest.sections] == [
        "Underdogs Win the Cup!", "Storm Warning Issued",
    ]


def test_long_headline_ending_in_question_mark_is_still_a_headline() -> None:
    digest = parse_digest(
        "Daily Buzz: 2026-02-02\nTech\nIs the Race for Orbital Computing the Next Big Arms Race?\n"
        "Several firms launched satellites this year.\n"
    )
    assert digest.sections[0].stories[0].headline.endswith("Arms Race?")


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Daily Buzz: 2 February 2026", dt.date(2026, 2, 2)),
        ("Daily Buzz — February 2, 2026", dt.date(2026, 2, 2)),
        ("Daily Buzz 2026-02-02", dt.date(2026, 2, 2)),
        ("Daily Buzz: Mon 2nd Feb 2026", dt.date(2026, 2, 2)),
        ("Daily Buzz: Sept. 9, 2026", dt.date(2026, 9, 9)),
        ("Daily Buzz", None),
        ("Daily Buzz: 30 February 2026", None),
    ],
)
def test_title_dates(title: str, expected: dt.date | None) -> None:
    assert parse_title_date(title) == expected


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        pytest.param("", "is empty", id="empty"),
        pytest.param(" \n\t\n  \n", "is empty", id="whitespace-only"),
        pytest.param("Top News\nHeadline\nA paragraph.\n", "not a title with a date", id="no-title"),
        pytest.param("Daily Buzz: 2 February 2026\nTop News\nCorporate\n", "no stories", id="no-stories"),
    ],
)
def test_bad_digests_name_the_problem(text: str, problem: str) -> None:
    with pytest.raises(DigestError, match=problem):
        parse_digest(text, "digest.txt")


def test_latin1_digest_is_read_with_a_warning(tmp_path: Path) -> None:
    path = tmp_path / "digest.txt"
    path.write_bytes("Daily Buzz: 2 February 2026\nNews\nNestlé Cuts Jobs\nNestlé said so.\n".encode("cp1252"))
    digest = load_digest(path)
    assert digest.sections[0].stories[0].headline == "Nestlé Cuts Jobs"
    assert any("not UTF-8" in w for w in digest.warnings)


@pytest.mark.parametrize(
    ("make", "problem"),
    [
        pytest.param(lambda p: p, "no such file", id="missing"),
        pytest.param(lambda p: (p.mkdir(), p)[1], "is a folder", id="folder"),
        pytest.param(lambda p: (p.write_bytes(b"\x00\x01\xff" * 100), p)[1], "binary", id="binary"),
    ],
)
def test_unreadable_files(tmp_path: Path, make, problem: str) -> None:  # type: ignore[no-untyped-def]
    path = make(tmp_path / "digest.txt")
    with pytest.raises(DigestError, match=problem):
        load_digest(path)


def test_control_characters_and_markup_are_not_headings() -> None:
    digest = parse_digest("Daily Buzz: 2 February 2026\nNews\nA\x07 Headline\nBody\x1b text.\n")
    assert digest.sections[0].stories[0].headline == "A Headline"
    assert digest.sections[0].stories[0].paragraphs == ("Body text.",)


@pytest.mark.parametrize(
    ("title", "slug"),
    [("Economy & Markets", "economy-markets"), ("In Case You Missed It...", "in-case-you-missed-it"),
     ("São Paulo Ünïcode", "sao-paulo-unicode"), ("!!!", "section")],
)
def test_slugs_are_ascii(title: str, slug: str) -> None:
    assert slugify(title) == slug


UNPUNCTUATED = """Daily Buzz: 4 February 2026
Markets
Acme Shares Jump
Acme shares jumped 12% after the company raised its outlook for the year (see chart)
Bond Yields Fall
Yields on ten-year notes fell to their lowest level since March as traders priced in more cuts…
Oil Steadies
Crude was little changed.
Analysts pointed to a shrinking surplus in the months ahead, citing "tight supply"
Gold Hits a Record
Gold rose 1.5% to a record, its third in a week.
"""


def test_paragraphs_without_end_punctuation_stay_paragraphs() -> None:
    digest = parse_digest(UNPUNCTUATED, "digest.txt")
    assert [s.title for s in digest.sections] == ["Markets"]
    stories = digest.sections[0].stories
    assert [st.headline for st in stories] == ["Acme Shares Jump", "Bond Yields Fall", "Oil Steadies",
                                               "Gold Hits a Record"]
    assert stories[0].paragraphs[0].endswith("(see chart)")
    assert stories[1].paragraphs[0].endswith("cuts…")
    assert stories[2].paragraphs[1].endswith('"tight supply"')
    assert not digest.warnings


@pytest.mark.parametrize(
    ("text", "line"),
    [
        pytest.param("Daily Buzz: 4 February 2026\nMarkets\nAcme Shares Jump\nAcme rose.\n"
                     "and then some more happened later on\nBonds Fall\nYields fell.\n", 5, id="lowercase-start"),
        pytest.param("Daily Buzz: 4 February 2026\nMarkets\nAcme Shares Jump\nAcme rose.\n(see chart)\n"
                     "Bonds Fall\nYields fell.\n", 5, id="bracketed"),
    ],
)
def test_doubtful_structure_is_an_error_naming_the_line_unless_forced(text: str, line: int) -> None:
    with pytest.raises(DigestError, match=rf"digest.txt: line {line}: .*\(--force builds anyway\)"):
        parse_digest(text, "digest.txt")
    forced = parse_digest(text, "digest.txt", force=True)
    assert any(f"line {line}:" in warning for warning in forced.warnings)


def test_a_doubtful_digest_publishes_nothing(tone_show: Path) -> None:
    from .conftest import podcast, write_digest

    write_digest(tone_show, "2026-02-04", "Daily Buzz: 4 February 2026\nMarkets\nAcme Shares Jump\nAcme rose.\n"
                 "(see chart)\nBonds Fall\nYields fell.\n")
    result = podcast(tone_show, "build", "2026-02-04")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert result.stderr.strip().splitlines()[-1].endswith(
        "digest.txt: line 5: '(see chart)' starts or ends like part of a sentence but stands where a section "
        "header goes; check the digest, or name its house style in podcast.toml [show.digest] (sections, headlines, "
        "credits, drop) (--force builds anyway)")
    assert not (tone_show / "feed.xml").exists()
