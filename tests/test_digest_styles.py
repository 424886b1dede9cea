"""House styles other newsrooms send: Markdown newsletters, numbered lists, wire copy with datelines and credit
lines, paragraphs without final full stops. Each parses to its real sections and stories, markup removed."""

from __future__ import annotations

from pathlib import Path

import pytest

from podcast.digest import clean_markup, counts, outline, parse_digest, split_dateline
from podcast.errors import DigestError
from podcast.models import Dateline
from podcast.script import build_script

from .conftest import write_digest

NEWSLETTER = """# The Riverside Bulletin — March 2, 2026

## City Hall

- **Council OKs $4M budget for road repairs** — The council [approved](https://example.com/budget) the plan 7-2 \
on Monday, with *most* of the money going to Elm St.
- **Library hours extended**: The main branch will stay open until 9 p.m. on weekdays from April.

## Schools

1. Board Picks New Superintendent: The school board chose Dana Ortiz after a four-month search.
2. Lunch Prices Rise: Meals will cost 25 cents more from the fall term, the district said.
Read more: https://example.com/lunch
"""


def test_markdown_newsletter_with_bullets_numbers_links_and_emphasis() -> None:
    digest = parse_digest(NEWSLETTER, "bulletin.md")
    assert not digest.warnings
    assert [(s.title, [st.headline for st in s.stories]) for s in digest.sections] == [
        ("City Hall", ["Council OKs $4M budget for road repairs", "Library hours extended"]),
        ("Schools", ["Board Picks New Superintendent", "Lunch Prices Rise"]),
    ]
    council = digest.sections[0].stories[0]
    assert council.paragraphs == ("The council approved the plan 7-2 on Monday, with most of the money going to "
                                  "Elm St.",)
    assert council.link == "https://example.com/budget"
    lunch = digest.sections[1].stories[1]
    assert lunch.paragraphs == ("Meals will cost 25 cents more from the fall term, the district said.",)
    assert lunch.link == "https://example.com/lunch" and not lunch.credits


def test_list_markers_and_markup_are_never_spoken_or_written() -> None:
    script = build_script(parse_digest(NEWSLETTER), "Daily Buzz")
    for segment in script.segments:
        for chunk in (*segment.spoken_paragraphs, *segment.written_paragraphs):
            assert not any(mark in chunk for mark in ("**", "](", "- **")), chunk
            assert not chunk.startswith(("1. ", "2. ", "- ", "* ")), chunk
    stories = [s for s in script.segments if s.kind == "story"]
    assert stories[2].written_paragraphs[0] == "Board Picks New Superintendent"
    assert not stories[2].spoken_paragraphs[0].lower().startswith("one")


WIRE = """DAILY WIRE BRIEFING — 2 March 2026
MARKETS
Stocks Slide as Yields Jump
LONDON (Reuters) - Global shares fell on Monday as bond yields rose to their highest in a month.
Reporting by Amy Lee; Editing by Tom Hart
Oil Steadies After Three-Day Fall
NEW YORK, Mar 2 (Reuters) - Oil prices were little changed, with Brent at $81.20 a barrel.
(Source: Reuters)
COMPANIES
Acme to Cut 1,200 Jobs
By Jane Smith
FRANKFURT (Reuters) - Acme said it would cut 1,200 jobs by 2027 to save costs.
Additional reporting by Li Wei
"""


def test_wire_copy_credit_lines_belong_to_the_story_above_and_are_never_sections() -> None:
    digest = parse_digest(WIRE, "wire.txt")
    assert not digest.warnings
    assert [(s.title, [st.headline for st in s.stories]) for s in digest.sections] == [
        ("Markets", ["Stocks Slide as Yields Jump", "Oil Steadies After Three-Day Fall"]),
        ("Companies", ["Acme to Cut 1,200 Jobs"]),
    ]
    stocks, oil = digest.sections[0].stories
    assert stocks.credits == ("Reporting by Amy Lee; Editing by Tom Hart",)
    assert stocks.dateline == Dateline("London", "Reuters", "", "LONDON (Reuters) -")
    assert stocks.paragraphs == ("Global shares fell on Monday as bond yields rose to their highest in a month.",)
    assert oil.dateline == Dateline("New York", "Reuters", "Mar 2", "NEW YORK, Mar 2 (Reuters) -")
    assert oil.credits == ("Source: Reuters",)
    assert digest.sections[1].stories[0].credits == ("By Jane Smith", "Additional reporting by Li Wei")


def test_wire_datelines_are_read_in_words_and_credits_are_not_by_default() -> None:
    script = build_script(parse_digest(WIRE), "Daily Buzz")
    text = "\n".join(s.text for s in script.segments)
    assert "London, Reuters. Global shares fell" in text
    assert "New York, March second, Reuters. Oil prices" in text
    assert "L O N D O N" not in text and "Reporting by" not in text and "Source" not in text
    intro = script.segments[0].text
    assert "Reporting" not in intro and "Editing" not in intro
    story = next(s for s in script.segments if s.kind == "story")
    assert story.written_paragraphs[1].startswith("LONDON (Reuters) - Global shares fell")  # captions: as written


def test_settings_drop_datelines_and_read_credits() -> None:
    script = build_script(parse_digest(WIRE), "Daily Buzz", datelines=False, credits=True)
    text = "\n".join(s.text for s in script.segments)
    assert "Reuters. Global" not in text and "Global shares fell" in text
    assert "Reporting by Amy Lee; Editing by Tom Hart." in text


@pytest.mark.parametrize(
    ("text", "stories"),
    [
        pytest.param("Daily Buzz: 2 March 2026\nCourts\nJudge Blocks Port Sale\nThe ruling came late on Friday.\n"
                     "Lawyers for the buyer said they would appeal\n(Reporting by Ana Ruiz)\n\n"
                     "Harbor Authority Names New Chief\nMaria Costa takes over in April\n"
                     "She ran the Lisbon port for six years\n",
                     [("Judge Blocks Port Sale", 2), ("Harbor Authority Names New Chief", 2)],
                     id="title-case-headline-after-a-credit-over-unstopped-text"),
        pytest.param("Daily Buzz: 2 March 2026\nBusiness\nGlobex Opens Plant in Ohio\nThe factory will employ 800\n"
                     "Acme Buys Rival Chipmaker\nAcme agreed to pay cash for Initech\nShares of both rose\n",
                     [("Globex Opens Plant in Ohio", 1), ("Acme Buys Rival Chipmaker", 2)],
                     id="title-case-headline-after-unstopped-text"),
        pytest.param("Daily Buzz: 2 March 2026\nBusiness\nStorm hits the coast\nCrews restored power to *most* homes.\n"
                     "Schools stay closed\nThe district said so on Monday.\n",
                     [("Storm hits the coast", 1), ("Schools stay closed", 1)],
                     id="sentence-case-headlines-and-stopped-text-with-emphasis"),
    ],
)
def test_headlines_among_paragraphs_without_full_stops(text: str, stories: list[tuple[str, int]]) -> None:
    """In a house style with headlines in title case, a line in sentence case under a title-case line is its text
    (generated digest, seed 12436); emphasis inside text that ends in a full stop says nothing."""
    digest = parse_digest(text, "digest.txt")
    assert [(st.headline, len(st.paragraphs)) for s in digest.sections for st in s.stories] == stories
    assert not digest.warnings


@pytest.mark.parametrize(
    ("text", "sections"),
    [
        pytest.param("# Morning Notes — 2 March 2026\n## Markets\nBank holds rates again\nThe bank held its rate. "
                     "Markets barely moved\n## Sport\nCity win at home\nThe club won on a late goal\n",
                     [("Markets", ["Bank holds rates again"]), ("Sport", ["City win at home"])],
                     id="headers-of-one-level-alike-without-full-stops"),
        pytest.param("Daily Buzz: 2 March 2026\nCITY\nHARBOR BRIDGE REOPENS TO TRAFFIC: The bridge reopened on Monday "
                     "after six weeks of repairs\nCouncil members toured the deck with 40 residents\n"
                     "LIBRARY HOURS EXTENDED AGAIN: The main branch stays open until 9 p.m. from April\n",
                     [("City", ["Harbor Bridge Reopens to Traffic", "Library Hours Extended Again"])],
                     id="kicker-headlines-after-text-without-full-stops"),
    ],
)
def test_headers_and_kickers_where_paragraphs_lack_full_stops(text: str,
                                                              sections: list[tuple[str, list[str]]]) -> None:
    """A house style writes its section headers alike (generated digest, seed 19217); a headline in capitals before
    a colon is no wire place when it runs longer than a place's few words (seed 19805)."""
    digest = parse_digest(text, "digest.txt")
    assert [(s.title, [st.headline for st in s.stories]) for s in digest.sections] == sections


@pytest.mark.parametrize(
    ("text", "sections"),
    [
        pytest.param("Le Journal : 10 mars 2027\nÉconomie\nLe chômage recule\nLe taux baisse encore.\nBourse\n"
                     "Le CAC 40 termine en hausse (+1,2 %)\nLes valeurs bancaires ont mené la hausse.\n",
                     [("Économie", ["Le chômage recule"]), ("Bourse", ["Le CAC 40 termine en hausse (+1,2 %)"])],
                     id="fr-change-in-brackets"),
        pytest.param("Notiziario: 10 marzo 2027\nCronaca\nNeve a Torino\nScuole chiuse domani.\nSport\n"
                     "Calcio, la Roma pareggia a Genova (1-1)\nI giallorossi restano sesti in classifica.\n",
                     [("Cronaca", ["Neve a Torino"]), ("Sport", ["Calcio, la Roma pareggia a Genova (1-1)"])],
                     id="it-score-in-brackets"),
        pytest.param("Noticias: 10 de marzo de 2027\nSucesos\nIncendio en Lugo\nNo hubo heridos.\nDeportes\n"
                     "Fútbol: el Sevilla cae en Vigo por la mínima (1-0)\nEl equipo andaluz sigue sin ganar fuera.\n",
                     [("Sucesos", ["Incendio en Lugo"]),
                      ("Deportes", ["Fútbol: el Sevilla cae en Vigo por la mínima (1-0)"])],
                     id="es-score-in-brackets"),
        pytest.param("Jornal: 10 de março de 2027\nBrasil\nChuva em Recife\nA cidade está em alerta.\nEsporte\n"
                     "Brasileirão: Palmeiras vence o Santos em casa (3-1, 2-0)\nO time segue na liderança.\n",
                     [("Brasil", ["Chuva em Recife"]),
                      ("Esporte", ["Brasileirão: Palmeiras vence o Santos em casa (3-1, 2-0)"])],
                     id="pt-scores-in-brackets"),
    ],
)
def test_a_headline_ending_in_figures_in_brackets_is_a_headline(text: str,
                                                                sections: list[tuple[str, list[str]]]) -> None:
    """Agency headlines end on a score or a change in brackets: not prose trailing off like "(see chart)", so the
    section header above stays a section header (it was read as a headline, the headline as its text)."""
    digest = parse_digest(text, "digest.txt")
    assert [(s.title, [st.headline for st in s.stories]) for s in digest.sections] == sections
    assert not digest.warnings


def test_a_paragraph_continuation_without_a_full_stop_is_never_a_section() -> None:
    digest = parse_digest(
        "Daily Buzz: 2 March 2026\nWeather\nFlood Warning for the Valley\n"
        "The river rose two metres overnight and more rain is due on Tuesday\n"
        "About 300 homes remain on alert\nRoads\nBridge Reopens After Repairs\n"
        "The Elm Street bridge reopened to traffic on Monday after six weeks\n", "digest.txt")
    assert [s.title for s in digest.sections] == ["Weather", "Roads"]
    assert digest.sections[0].stories[0].paragraphs[1] == "About 300 homes remain on alert"


@pytest.mark.parametrize(
    ("text", "line"),
    [
        pytest.param("Daily Buzz: 2 March 2026\nTop News\nRates Held\nThe bank held rates.\nIn case you missed it\n"
                     "Council Backs Plan\nThe council backed the plan.\n", 5, id="sentence-case-header"),
        pytest.param("Daily Buzz: 2 March 2026\nRates Held\nThe bank held rates.\n", 2, id="no-section"),
        pytest.param("Daily Buzz: 2 March 2026\nMARKETS\nRates Held\nThe bank held rates.\nCOMPANIES\nCORPORATE\n"
                     "Acme Grows\nAcme grew.\n", 5, id="section-followed-by-a-section"),
        pytest.param("Daily Buzz: 2 March 2026\n## Markets\n### Rates Held\nThe bank held rates.\nAcme rose sharply\n"
                     "### Acme Grows\nAcme grew.\n", 5, id="header-of-another-shape"),
        pytest.param("Daily Buzz: 2 March 2026\nWeather\nStorm hits the coast\nWinds reached 120 km/h overnight.\n\n"
                     "Crews restored power to *most* homes by noon\nSchools stay closed until Thursday.\n", 6,
                     id="unstopped-line-with-emphasis-after-text"),
        pytest.param("Noticias: 2 de marzo de 2027\nDeportes\nEl Betis gana en Vigo\nEl equipo sumó tres puntos.\n"
                     "Los aficionados celebraron la [victoria](https://example.com/v) en la plaza\n"
                     "El entrenador pidió calma.\n", 5, id="unstopped-line-with-a-link-inside-after-text"),
    ],
)
def test_unsure_structure_stops_with_one_line_naming_the_line(text: str, line: int) -> None:
    with pytest.raises(DigestError) as error:
        parse_digest(text, "digest.txt")
    message = str(error.value)
    assert "\n" not in message and message.startswith(f"digest.txt: line {line}: ")
    assert message.endswith("(--force builds anyway)")
    forced = parse_digest(text, "digest.txt", force=True)
    assert any(f"line {line}:" in warning for warning in forced.warnings)


@pytest.mark.parametrize(
    ("written", "clean", "links"),
    [
        pytest.param("**Bold** and __also__", "Bold and also", (), id="strong"),
        pytest.param("*italic* and _also_", "italic and also", (), id="emphasis"),
        pytest.param("snake_case_name and 5 * 3 * 2", "snake_case_name and 5 * 3 * 2", (), id="not-emphasis"),
        pytest.param("See [the plan](https://x.org/p \"Plan\").", "See the plan.", ("https://x.org/p",), id="link"),
        pytest.param("At <https://x.org/a>", "At https://x.org/a", ("https://x.org/a",), id="autolink"),
        pytest.param(r"A \*literal\* star", "A *literal* star", (), id="escaped"),
        pytest.param("~~old~~ new `code`", "old new code", (), id="strike-code"),
        pytest.param("***both***", "both", (), id="nested"),
    ],
)
def test_clean_markup(written: str, clean: str, links: tuple[str, ...]) -> None:
    assert clean_markup(written) == (clean, links)


@pytest.mark.parametrize(
    ("text", "place", "agency", "date"),
    [
        pytest.param("LONDON (Reuters) - Shares fell.", "London", "Reuters", "", id="capitals"),
        pytest.param("RIO DE JANEIRO, March 12 (AFP) — Rain fell.", "Rio de Janeiro", "AFP", "March 12", id="date"),
        pytest.param("São Paulo (Reuters) - Rain fell.", "São Paulo", "Reuters", "", id="title-case-accents"),
        pytest.param("WASHINGTON/LONDON (AP) - Talks ended.", "Washington and London", "AP", "", id="two-places"),
        pytest.param("ST. LOUIS, 2 Mar (AP) - Storms hit.", "St. Louis", "AP", "2 Mar", id="day-first"),
        pytest.param("(ANSA) - ROMA, 10 MAR - Il governo ha varato il decreto.", "Roma", "ANSA", "",
                     id="ansa-agency-first"),
        pytest.param("Sevilla, 4 abr (EFE).- La Junta aprobó el plan.", "Sevilla", "EFE", "", id="efe-stop-dash"),
        pytest.param("BARCELONA, 22 (EUROPA PRESS) El Parlament votó la ley.", "Barcelona", "Europa Press", "",
                     id="europa-press-no-dash"),
        pytest.param("(ANSA) - NAPOLI, 3 APR - Scossa nei Campi Flegrei.", "Napoli", "ANSA", "",
                     id="ansa-another-city"),
    ],
)
def test_datelines(text: str, place: str, agency: str, date: str) -> None:
    dateline, rest = split_dateline(text)
    assert dateline is not None and (dateline.place, dateline.agency, dateline.date) == (place, agency, date)
    assert rest[0].isupper()


@pytest.mark.parametrize(
    "text",
    ["The Fed (the US central bank) - as expected - held.", "US - China talks (round two) - resumed.",
     "Shares rose (see chart) - again.", "Paris (France) Le président a parlé.",
     "Roma (Italia) Il governo ha deciso."],
)
def test_not_datelines(text: str) -> None:
    assert split_dateline(text) == (None, text)


def test_outline_and_counts() -> None:
    digest = parse_digest(WIRE)
    assert counts(digest) == "2 sections, 3 stories"
    text = outline(digest)
    assert text.splitlines()[0] == "DAILY WIRE BRIEFING — 2 March 2026 (2026-03-02): 2 sections, 3 stories"
    assert "Markets (2 stories)" in text and "Companies (1 story)" in text
    assert "  - Oil Steadies After Three-Day Fall [1 paragraph; dateline New York, Reuters; 1 credit line]" in text


def test_outline_command_prints_the_parsed_digest_and_renders_nothing(tone_show: Path) -> None:
    from typer.testing import CliRunner

    from podcast.cli import app

    write_digest(tone_show, "2026-03-02", WIRE)
    result = CliRunner().invoke(app, ["--show", str(tone_show), "outline", "2026-03-02"])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("DAILY WIRE BRIEFING — 2 March 2026 (2026-03-02): 2 sections, 3 stories\n")
    assert sorted(p.name for p in (tone_show / "episodes" / "2026-03-02").iterdir()) == ["digest.txt"]
    doubtful = CliRunner().invoke(app, ["--show", str(tone_show), "outline", "2026-03-02", "--digest",
                                        str(write_digest(tone_show, "2026-03-03", "Daily Buzz: 2 March 2026\n"
                                                         "Rates Held\nThe bank held rates.\n"))])
    assert doubtful.exit_code == 1 and "line 2:" in doubtful.output and "Traceback" not in doubtful.output


@pytest.mark.slow
def test_markup_never_reaches_a_written_title(tone_show: Path) -> None:
    """Feed, show notes, ID3 and JSON chapters, both pages, captions and `podcast list` show clean text."""
    import subprocess
    import sys

    from mutagen.id3 import ID3

    write_digest(tone_show, "2026-03-02", NEWSLETTER)
    built = subprocess.run([sys.executable, "-m", "podcast", "build", "2026-03-02"], cwd=tone_show,
                           capture_output=True, text=True, timeout=300)
    assert built.returncode == 0, built.stderr
    listed = subprocess.run([sys.executable, "-m", "podcast", "list"], cwd=tone_show, capture_output=True,
                            text=True, timeout=60)
    folder = tone_show / "episodes" / "2026-03-02"
    written = {name: (folder / name).read_text() for name in ("episode.json", "chapters.json", "index.html",
                                                              "transcript.vtt", "transcript.srt")}
    written["feed.xml"] = (tone_show / "feed.xml").read_text()
    written["index.html (show)"] = (tone_show / "index.html").read_text()
    written["podcast list"] = listed.stdout
    tags = ID3(str(folder / "episode.mp3"))
    written["ID3"] = " | ".join(str(frame) for key in ("TIT2",) for frame in tags.getall(key)) + " | ".join(
        str(chapter.sub_frames.get("TIT2", "")) for chapter in tags.getall("CHAP"))
    for name, text in written.items():
        for mark in ("**", "](", "- **", "1. Board", "__"):
            assert mark not in text, (name, mark)
    assert "Council OKs $4M budget for road repairs" in written["feed.xml"]
    assert "Board Picks New Superintendent" in written["ID3"]


@pytest.mark.parametrize("credit", [
    "Reportage de Marie Dupont ; édition de Jean Martin", "Con información de Ana Ruiz y Luis Gómez",
    "A cura di Marco Rossi", "Reportagem de João da Silva", "Fonte: Ansa",
])
def test_credit_lines_in_the_show_languages_belong_to_the_story_above(credit: str) -> None:
    text = ("Le Journal : 4 mars 2027\n## MONDE\n1. Séisme au Chili : Un séisme a frappé le nord du pays mardi.\n"
            f"{credit}\n2. Élections au Portugal : Les électeurs votent dimanche.\n")
    digest = parse_digest(text, "digest.txt")
    (section,) = digest.sections
    first, second = section.stories
    assert first.credits == (credit,) and len(first.paragraphs) == 1 and second.headline == "Élections au Portugal"


def test_a_title_case_headline_opening_like_a_foreign_byline_stays_a_headline() -> None:
    digest = parse_digest("Daily Buzz: 3 February 2026\nSport\nDi Maria Joins Benfica\nThe winger signed a "
                          "two-year deal on Monday.\n", "digest.txt")
    assert [st.headline for st in digest.sections[0].stories] == ["Di Maria Joins Benfica"]
