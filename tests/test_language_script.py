"""Shows in other languages: a digest written in each language's newsroom style parses, and its script reads in
that language only (golden scripts, reviewed once), with the show's phrases from the language pack or the show."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from podcast.digest import load_digest, parse_digest, parse_title_date
from podcast.errors import ConfigError
from podcast.language import PACKS, language_for, pack_for
from podcast.language.phrases import load_phrases
from podcast.language.verbalizer import FORBIDDEN
from podcast.script import build_script

GOLDEN = Path(__file__).parent / "golden" / "languages"
SECTIONS = {
    "es": [("Economía", 2), ("Internacional", 2), ("Deportes", 1)],
    "fr": [("Économie", 2), ("Politique", 1), ("Sport", 1)],
    "it": [("Economia", 2), ("Politica", 1), ("Sport", 1)],
    "pt-BR": [("Economia", 2), ("Política", 1), ("Esportes", 1)],
    "hi": [("अर्थव्यवस्था", 1), ("राजनीति", 1), ("खेल", 1)],
}
ENGLISH = re.compile(r"\b(?:Good morning|headlines|stories|story|Thanks|listening|and|percent|billion|thousand|"
                     r"dollars? and|cents|January|Tuesday|twenty|one|two|three)\b")
"""Words of the English show and verbalizer that must never be spoken in another language's show."""


@pytest.mark.parametrize("code", list(PACKS))
def test_golden_script_per_language(code: str) -> None:
    digest = load_digest(GOLDEN / f"{code}.digest.txt")
    assert digest.date == dt.date(2027, 1, 12)
    assert [(s.title, len(s.stories)) for s in digest.sections] == SECTIONS[code]
    assert not digest.warnings
    text = build_script(digest, "Daily Buzz", language=language_for(code)).to_text()
    assert text == (GOLDEN / f"{code}.script.txt").read_text(encoding="utf-8")
    assert not FORBIDDEN.search(text)
    assert not ENGLISH.findall(text.replace("Daily Buzz", "")), ENGLISH.findall(text)


@pytest.mark.parametrize(("title", "date"), [
    pytest.param("Noticias: 12 de enero de 2027", dt.date(2027, 1, 12), id="es"),
    pytest.param("Noticias del martes, 3 de dic. de 2027", dt.date(2027, 12, 3), id="es-abbreviated"),
    pytest.param("Le Journal : 12 janvier 2027", dt.date(2027, 1, 12), id="fr"),
    pytest.param("Le Journal : 1er février 2027", dt.date(2027, 2, 1), id="fr-premier"),
    pytest.param("Le Journal : 3 fevrier 2027", dt.date(2027, 2, 3), id="fr-without-accent"),
    pytest.param("Notiziario: 12 gennaio 2027", dt.date(2027, 1, 12), id="it"),
    pytest.param("Jornal: 1º de março de 2027", dt.date(2027, 3, 1), id="pt"),
    pytest.param("समाचार: 12 जनवरी 2027", dt.date(2027, 1, 12), id="hi"),
    pytest.param("समाचार: १२ जनवरी २०२७", dt.date(2027, 1, 12), id="hi-devanagari-digits"),
    pytest.param("Daily Buzz: 2 February 2026", dt.date(2026, 2, 2), id="english-unchanged"),
    pytest.param("Noticias: 31 de febrero de 2027", None, id="impossible-date"),
    pytest.param("Noticias de hoy", None, id="no-date"),
])
def test_title_dates_in_the_show_language(title: str, date: dt.date | None) -> None:
    assert parse_title_date(title) == date


def test_story_counts_take_the_plural_form_and_gender_of_the_language() -> None:
    assert load_phrases("es").count(21) == ("veintiuna noticias", "21 noticias")
    assert load_phrases("es").count(1) == ("una noticia", "una noticia")
    assert load_phrases("fr").count(21) == ("vingt et un sujets", "21 sujets")
    assert load_phrases("fr").count(1_000_000)[0] == "un million de sujets"
    assert load_phrases("pt-BR").count(2) == ("duas notícias", "2 notícias")
    assert load_phrases("hi").count(3) == ("तीन ख़बरें", "3 ख़बरें")


def test_a_producer_overrides_phrases_in_the_show_folder(tmp_path: Path) -> None:
    (tmp_path / "phrases.toml").write_text('greeting = "Hola, esto es {show}."\n[stories]\nother = "{n} temas"\n'
                                           'gender = "m"\n', encoding="utf-8")
    phrases = load_phrases("es", tmp_path)
    assert phrases.greeting == "Hola, esto es {show}."
    assert phrases.count(21) == ("veintiún temas", "21 temas")
    assert phrases.count(1) == ("una noticia", "una noticia")  # the pack's forms stay where not overridden
    assert phrases.thanks == load_phrases("es").thanks
    digest = parse_digest("Noticias: 12 de enero de 2027\nEconomía\nSube la bolsa\nEl Ibex gana un 1 %.\n")
    script = build_script(digest, "La Mañana", language=language_for("es", tmp_path))
    assert script.segments[0].paragraphs[0][0].spoken == "Hola, esto es La Mañana."
    assert build_script(digest, "La Mañana", language=language_for("es")).segments[0].paragraphs[0][0].spoken == \
        "Buenos días y bienvenidos a La Mañana."


@pytest.mark.parametrize(("content", "message"), [
    ('greting = "Hola"\n', "unknown phrase 'greting'"),
    ("first_section = []\n", "first_section must be a list of texts"),
    ("greeting = 3\n", "greeting must be text in quotes"),
    ('[page]\nfooter = "x"\n', "unknown page word 'footer'"),
    ('greeting = "unclosed\n', "cannot read phrases"),
])
def test_bad_show_phrases_name_the_file(tmp_path: Path, content: str, message: str) -> None:
    (tmp_path / "phrases.toml").write_text(content, encoding="utf-8")
    with pytest.raises(ConfigError, match=message) as caught:
        load_phrases("fr", tmp_path)
    assert "phrases.toml" in str(caught.value)


def test_language_codes_are_found_whatever_their_case() -> None:
    assert pack_for("pt-br") is PACKS["pt-BR"]
    assert pack_for("ES") is PACKS["es"]
    assert pack_for("en") is None
    assert pack_for("de") is None


@pytest.mark.parametrize("code", list(PACKS))
def test_every_pack_has_every_phrase_and_page_word(code: str) -> None:
    from podcast.language.phrases import PAGE_WORDS

    phrases = load_phrases(code)
    assert set(phrases.page) == set(PAGE_WORDS)
    assert phrases.first_section and phrases.next_section and phrases.last_section


@pytest.mark.parametrize(("text", "expected"), [
    pytest.param("समाचार: 12 जनवरी 2027\nअर्थव्यवस्था\nसेंसेक्स 1.2% चढ़ा\nबाज़ार में तेज़ी रही।\nबैंकों के शेयर ऊपर रहे।\n"
                 "रुपया मज़बूत हुआ\nडॉलर के मुकाबले रुपया 83 पर बंद हुआ।\nखेल\nभारत जीता\nभारत ने मैच जीत लिया।\n",
                 [("अर्थव्यवस्था", [2, 1]), ("खेल", [1])], id="hi-danda-ends-paragraphs"),
    pytest.param("Noticias: 12 de enero de 2027\n\nEconomía\n\n¿Subirán los tipos?\n\nEl BCE decide hoy.\n\n"
                 "Los mercados esperan.\n\nÉl dijo que no\n\nÉl habló ayer. «No habrá cambios», afirmó.\n",
                 [("Economía", [2, 1])], id="es-question-headline-and-guillemets"),
    pytest.param("Le Journal : 12 janvier 2027\nÉconomie\nLe CAC 40 recule\nL'indice a perdu 1,2 %.\nSport\n"
                 "Le PSG gagne\n« C'est mérité », a dit l'entraîneur.\n",
                 [("Économie", [1]), ("Sport", [1])], id="fr-guillemets-paragraph"),
])
def test_digests_in_other_languages_parse_into_their_stories(text: str, expected: list[tuple[str, list[int]]]) -> None:
    digest = parse_digest(text)
    assert [(s.title, [len(story.paragraphs) for story in s.stories]) for s in digest.sections] == expected
    assert not digest.warnings


def test_the_lexicon_respells_before_the_languages_verbalizer() -> None:
    from podcast.lexicon import parse_lexicon

    lexicon = parse_lexicon({"words": {"Xi": "Si", "BYD": "bi uai di"}}, "voices/lexicon.toml")
    said = language_for("es").speak("Xi visitó BYD y pagó 3 €.", "", lexicon, "DMY")
    assert said == "Si visitó bi uai di y pagó tres euros."
