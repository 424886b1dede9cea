"""Newsletters as producers receive them: e-mail exports (headers, rules, bullets, a footer), a greeting before the
first section, sections opening with an emoji, kickers in capitals, bylines and "Read more" links, sponsor blocks,
files in UTF-16 or Windows-1252, and the sample's own layout in every show language. Each parses to its real
sections and stories, and whatever is left out is listed."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from podcast.config import DigestSettings
from podcast.digest import load_digest, outline, parse_digest
from podcast.errors import DigestError
from podcast.script import build_script

EMAIL = """From: Trade Lanes Daily <news@tradelanes.example>
To: producer@example.com
Date: Tue, 3 Mar 2026 05:42:10 +0000
Subject: Fwd: Trade Lanes Daily

View in browser
Forwarded this e-mail? Subscribe here: https://tradelanes.example/subscribe

=====
FREIGHT RATES & MARKETS
=====
• Spot Rates Climb on Red Sea Diversions
By Ana Ruiz | 3 March 2026
Spot rates from Asia to North Europe rose for a third week as carriers kept sailing around the Cape.
Read more: https://tradelanes.example/spot-rates

• Air Cargo Volumes Hold Steady
Air cargo volumes were flat on the day, according to the latest data from the IATA.
Read more: https://tradelanes.example/air-cargo

=====
PORTS & TERMINALS
=====
• Singapore Adds Berth Capacity
By Lim Wei | 3 March 2026
The port of Singapore opened two new berths on Monday.
Read more: https://tradelanes.example/singapore

SPONSORED
ShipSure: insurance for every box. Get a quote in minutes.
Visit shipsure.example today.

=====
You are receiving this e-mail because you subscribed to Trade Lanes Daily.
Unsubscribe | Manage preferences | Privacy policy
Trade Lanes Media Ltd, 10 Dock Street, London E1 8AA
"""

GREETING = """The Morning Brief — 3 March 2026
Good morning! Here is what you need to know today…
📈 ECONOMY & MARKETS
Stocks Rise as Inflation Cools
Shares rose on Monday after inflation slowed for a third month.
Bond Yields Ease
Ten-year yields fell to their lowest since January.
🏛️ POLITICS
Senate Passes Budget Bill
The Senate passed the budget bill late on Monday by a vote of 52-48.
"""

KICKERS = """Harbor City Daily: 3 March 2026
LOCAL NEWS
HARBOR BRIDGE REOPENS: The Harbor Bridge reopened to traffic on Monday after six months of repairs. Officials \
said the work came in under budget.
LIBRARY HOURS EXTENDED: The main library will stay open until 9 p.m. on weekdays from April.
SPORTS
MARLINS WIN OPENER: The Marlins beat the Sharks 3-1 in the season opener on Sunday.
"""

BYLINES = """City Desk Digest — 3 March 2026
City Hall
Council Approves New Bus Lanes
By Ana Ruiz | 12 March 2026
The council approved new bus lanes on Main Street by a vote of 7-2.
Read more: https://example.com/bus-lanes
Mayor Names New Police Chief
By Tom Hart | 12 March 2026
The mayor named Dana Ortiz as police chief after a four-month search.
Read more: https://example.com/police-chief
Schools
Board Delays Vote on Closures
March 12, 2026
The school board delayed a vote on closing two schools until April.
Read more: https://example.com/closures
"""


def _shape(text: str, style: DigestSettings | None = None) -> list[tuple[str, list[str]]]:
    digest = parse_digest(text, "digest.txt", style=style)
    return [(s.title, [st.headline for st in s.stories]) for s in digest.sections]


@pytest.mark.parametrize(("text", "shape"), [
    pytest.param(EMAIL, [("Freight Rates & Markets", ["Spot Rates Climb on Red Sea Diversions",
                                                      "Air Cargo Volumes Hold Steady"]),
                         ("Ports & Terminals", ["Singapore Adds Berth Capacity"])], id="e-mail-export"),
    pytest.param(GREETING, [("Economy & Markets", ["Stocks Rise as Inflation Cools", "Bond Yields Ease"]),
                            ("Politics", ["Senate Passes Budget Bill"])], id="greeting-and-emoji"),
    pytest.param(KICKERS, [("Local News", ["Harbor Bridge Reopens", "Library Hours Extended"]),
                           ("Sports", ["Marlins Win Opener"])], id="kickers"),
    pytest.param(BYLINES, [("City Hall", ["Council Approves New Bus Lanes", "Mayor Names New Police Chief"]),
                           ("Schools", ["Board Delays Vote on Closures"])], id="bylines-and-links"),
])
def test_newsletter_forms_parse_to_their_sections_and_stories(text: str, shape: list[tuple[str, list[str]]]) -> None:
    assert _shape(text) == shape


def test_an_email_export_takes_its_subject_as_title_and_its_date_header_as_date() -> None:
    digest = parse_digest(EMAIL, "digest.txt")
    assert digest.title == "Trade Lanes Daily" and digest.date.isoformat() == "2026-03-03"
    spot = digest.sections[0].stories[0]
    assert spot.credits == ("By Ana Ruiz | 3 March 2026",) and spot.link == "https://tradelanes.example/spot-rates"
    assert spot.paragraphs == ("Spot rates from Asia to North Europe rose for a third week as carriers kept "
                               "sailing around the Cape.",)
    assert digest.sections[1].stories[0].paragraphs == ("The port of Singapore opened two new berths on Monday.",)


@pytest.mark.parametrize(("text", "line"), [
    pytest.param("From: Trade Lanes Daily <news@tradelanes.example>", "e-mail header", id="from"),
    pytest.param("View in browser", "newsletter furniture", id="view-in-browser"),
    pytest.param("Forwarded this e-mail? Subscribe here", "newsletter furniture", id="forwarded"),
    pytest.param("ShipSure: insurance for every box. Get a quote in minutes.", "sponsor block", id="sponsor"),
    pytest.param("Unsubscribe | Manage preferences | Privacy policy", "newsletter furniture", id="unsubscribe"),
    pytest.param("Trade Lanes Media Ltd, 10 Dock Street, London E1 8AA", "newsletter footer", id="address"),
])
def test_every_dropped_line_is_listed_by_outline_and_never_read(text: str, line: str) -> None:
    digest = parse_digest(EMAIL, "digest.txt")
    printed = outline(digest)
    assert any(text[:40] in row and f"({line})" in row for row in printed.splitlines() if row.startswith("dropped"))
    spoken = " ".join(s.spoken for seg in build_script(digest, "Show").segments for p in seg.paragraphs for s in p)
    assert text.split(":")[0].split("|")[0].strip() not in spoken
    assert "=" not in spoken


@pytest.mark.parametrize(("setting", "read"), [pytest.param("read", True, id="read"),
                                               pytest.param("skip", False, id="skip")])
def test_a_greeting_is_read_in_the_opening_unless_the_show_skips_it(setting: str, read: bool) -> None:
    digest = parse_digest(GREETING, "digest.txt", style=DigestSettings(greeting=setting))
    intro = build_script(digest, "Show").segments[0]
    written = " ".join(s.written for p in intro.paragraphs for s in p)
    assert ("Here is what you need to know today" in written) is read
    assert any("greeting" in row for row in outline(digest).splitlines())


@pytest.mark.parametrize(("text", "title"), [
    pytest.param("US FED HOLDS RATES AT 4.5%", "US Fed Holds Rates at 4.5%", id="two-letter-code"),
    pytest.param("TSMC AND LNG: WHAT THE EU SAID", "TSMC and LNG: What the EU Said", id="acronyms-without-vowels"),
    pytest.param("O'NEIL'S PLAN FOR THE RED-SEA ROUTE", "O'Neil's Plan for the Red-Sea Route", id="apostrophes"),
    pytest.param("EL GOBIERNO APRUEBA EL PLAN", "El Gobierno Aprueba el Plan", id="spanish"),
    pytest.param("Top News", "Top News", id="not-capitals"),
])
def test_names_in_capitals_are_written_in_title_case(text: str, title: str) -> None:
    from podcast.digest.titles import title_case
    assert title_case(text) == title


def test_a_capitals_word_the_digest_writes_as_an_acronym_stays_one() -> None:
    text = ("Daily: 3 March 2026\nSHIPPING\nTEU VOLUMES RISE AT THE PORT\nThe port handled more TEU than ever.\n")
    assert _shape(text) == [("Shipping", ["TEU Volumes Rise at the Port"])]


@pytest.mark.parametrize(("encoding", "bom"), [
    pytest.param("utf-16-le", codecs.BOM_UTF16_LE, id="utf-16-le-bom"),
    pytest.param("utf-16-be", codecs.BOM_UTF16_BE, id="utf-16-be-bom"),
    pytest.param("utf-16-le", b"", id="utf-16-le"),
    pytest.param("utf-16-be", b"", id="utf-16-be"),
    pytest.param("cp1252", b"", id="windows-1252"),
])
def test_other_encodings_are_read(tmp_path: Path, encoding: str, bom: bytes) -> None:
    path = tmp_path / "digest.txt"
    path.write_bytes(bom + "Daily Buzz: 2 February 2026\nNews\nNestlé Cuts Jobs\nNestlé said so.\n".encode(encoding))
    assert load_digest(path).sections[0].stories[0].headline == "Nestlé Cuts Jobs"


@pytest.mark.parametrize(("data", "problem"), [
    pytest.param(b"\xff\xfe" + "Daily Buzz: 2 February 2026\n".encode("utf-16-le") + b"\x00\xd8", "save it as UTF-8",
                 id="broken-utf-16"),
    pytest.param(b"Daily Buzz: 2 February 2026\n" + b"\x81\x8d\x8f\x90" * 3, "save it as UTF-8",
                 id="neither-utf-8-nor-1252"),
    pytest.param(bytes(range(256)) * 8, "is binary", id="binary"),
])
def test_undecodable_files_say_how_to_save_them(tmp_path: Path, data: bytes, problem: str) -> None:
    path = tmp_path / "digest.txt"
    path.write_bytes(data)
    with pytest.raises(DigestError, match=problem):
        load_digest(path)


HOUSE = """Port Notes 3 March 2026
>> Freight
Rates up again
Spot rates rose for a third week on Monday.
Photo by Jo Lee
>> Ports
New berths in Singapore
The port opened two berths.
Promo: our conference is in May
"""


def test_the_house_style_names_sections_headlines_credits_and_lines_to_drop() -> None:
    with pytest.raises(DigestError):
        parse_digest(HOUSE, "digest.txt")
    style = DigestSettings(sections=(r"^>> ",), headlines=(r"^[A-Z][a-z ]+$",), credits=(r"^Photo by ",),
                           drop=(r"^Promo:",))
    digest = parse_digest(HOUSE, "digest.txt", style=style)
    assert [(s.title, [st.headline for st in s.stories]) for s in digest.sections] == [
        ("Freight", ["Rates up again"]), ("Ports", ["New berths in Singapore"])]
    assert digest.sections[0].stories[0].credits == ("Photo by Jo Lee",)
    assert digest.sections[1].stories[0].paragraphs == ("The port opened two berths.",)
    assert "line 9: 'Promo: our conference is in May' ([show.digest] drop)" in outline(digest)


@pytest.mark.parametrize("text", [
    pytest.param("Daily: 3 March 2026\n=====\nMarkets\n=====\nStocks Rise\nShares rose.\n-----\n=====\n"
                 "Bonds Fall\nYields fell.\n", id="rules-around-nothing"),
    pytest.param("Daily: 3 March 2026\nMarkets\nStocks Rise\nShares rose\n***\n\n====\nOil Falls\n"
                 "Crude fell.\n", id="rules-between-stories"),
])
def test_a_forced_build_never_speaks_a_rule_or_an_empty_name(text: str) -> None:
    digest = parse_digest(text, "digest.txt", force=True)
    script = build_script(digest, "Show")
    for segment in script.segments:
        for sentence in (s for p in segment.paragraphs for s in p):
            assert "==" not in sentence.spoken and "**" not in sentence.spoken and "--" not in sentence.spoken
            assert any(ch.isalnum() for ch in sentence.spoken)
            assert " with. " not in sentence.spoken and "from, and" not in sentence.spoken
    assert all(any(ch.isalpha() for ch in s.title) for s in digest.sections)


SAMPLE_LAYOUT = {
    "en": ("Daily Buzz: 2 February 2026", "Top news", "Economy and markets",
           ["The central bank keeps its main interest rate unchanged for a third meeting in a row",
            "Regional airline adds new routes to three coastal cities from the end of March",
            "Steel output falls to its lowest level in five years as demand from builders weakens"]),
    "es": ("Resumen diario: 2 de febrero de 2026", "Noticias principales", "Economía y mercados",
           ["El Gobierno aprueba un plan de vivienda para jóvenes en las grandes ciudades",
            "El Banco de España mantiene su previsión de crecimiento para este año",
            "La bolsa de Madrid cierra la sesión con una subida impulsada por la banca"]),
    "fr": ("Le journal : 2 février 2026", "À la une", "Économie et marchés",
           ["Le gouvernement présente un plan pour le logement des jeunes dans les grandes villes",
            "La Banque de France maintient sa prévision de croissance pour cette année",
            "La Bourse de Paris termine la séance en hausse grâce aux valeurs bancaires"]),
    "it": ("Notiziario: 2 febbraio 2026", "Prima pagina", "Economia e mercati",
           ["Il governo approva un piano per la casa dei giovani nelle grandi città italiane",
            "La Banca d'Italia conferma la sua previsione di crescita per quest'anno",
            "La Borsa di Milano chiude la seduta in rialzo grazie ai titoli delle banche"]),
    "pt-BR": ("Resumo diário: 2 de fevereiro de 2026", "Destaques do dia", "Economia e mercados",
              ["O governo aprova um plano de moradia para jovens nas grandes cidades do país",
               "O Banco Central mantém a sua previsão de crescimento para este ano",
               "A bolsa de São Paulo fecha o pregão em alta puxada pelas ações dos bancos"]),
    "hi": ("समाचार: 2 फ़रवरी 2026", "मुख्य समाचार", "अर्थव्यवस्था और बाज़ार",
           ["सरकार ने बड़े शहरों में युवाओं के लिए आवास योजना को मंज़ूरी दी",
            "रिज़र्व बैंक ने इस साल के लिए विकास का अनुमान बरकरार रखा",
            "शेयर बाज़ार बैंकों के शेयरों में तेज़ी से बढ़त के साथ बंद हुआ"]),
}
_TEXT = {
    "en": ("Officials said the change takes effect next month.", "Analysts had expected the decision."),
    "es": ("Las autoridades dijeron que el cambio entra en vigor el próximo mes.", "Los analistas lo esperaban."),
    "fr": ("Les autorités ont indiqué que le changement entre en vigueur le mois prochain.",
           "Les analystes s'y attendaient."),
    "it": ("Le autorità hanno detto che il cambiamento entra in vigore il mese prossimo.",
           "Gli analisti se lo aspettavano."),
    "pt-BR": ("As autoridades disseram que a mudança entra em vigor no próximo mês.", "Os analistas esperavam."),
    "hi": ("अधिकारियों ने कहा कि यह बदलाव अगले महीने से लागू होगा।", "विश्लेषकों को इसकी उम्मीद थी।"),
}


@pytest.mark.parametrize("language", list(SAMPLE_LAYOUT))
def test_the_samples_layout_parses_in_every_show_language(language: str) -> None:
    """Headlines without full stops (long, in sentence case), paragraphs ending in them, no blank lines."""
    title, first, second, headlines = SAMPLE_LAYOUT[language]
    one, two = _TEXT[language]
    lines = [title, first, headlines[0], f"{one} {two}", two, headlines[1], one, second, headlines[2], f"{two} {one}"]
    assert _shape("\n".join(lines) + "\n") == [(first, headlines[:2]), (second, headlines[2:])]


def test_podcast_outline_applies_the_shows_house_style(tone_show: Path) -> None:
    from .conftest import podcast, write_digest

    write_digest(tone_show, "2026-03-03", HOUSE)
    refused = podcast(tone_show, "outline", "2026-03-03")
    assert refused.returncode == 1 and "[show.digest]" in refused.stderr
    (tone_show / "podcast.toml").write_text('[show.digest]\nsections = ["^>> "]\nheadlines = ["^[A-Z][a-z ]+$"]\n'
                                            'credits = ["^Photo by "]\ndrop = ["^Promo:"]\n')
    result = podcast(tone_show, "outline", "2026-03-03")
    assert result.returncode == 0, result.stderr
    assert "Freight (1 story)" in result.stdout and "([show.digest] drop)" in result.stdout
