"""A show in another language, built and published with the tone voice: the feed's <language>, the pages' lang and
words, chapters and captions in that language; `podcast init --language`, `podcast voices --language`, and a voice
of the wrong language refused when the show loads."""

from __future__ import annotations

import json
from pathlib import Path

import feedparser
import pytest

from podcast import dates, layout, pipeline
from podcast.engines import load_voice
from podcast.errors import ConfigError

from .conftest import podcast, use_tone_voices, write_digest

GOLDEN = Path(__file__).parent / "golden" / "languages"
EXPECTED = {
    "es": {"lang": "es", "chapter": "Titulares", "transcript": "Transcripción", "date": "martes, 12 de enero de 2027",
           "title": "El Ibex 35 cierra en máximos y supera los 13.800 puntos (12 ene 2027)",
           "headlines_feed": ": titulares", "subscribe": "Suscribirse", "edition": "Edición de titulares"},
    "fr": {"lang": "fr", "chapter": "Les titres", "transcript": "Transcription", "date": "mardi 12 janvier 2027",
           "title": "Le CAC 40 termine en hausse de 1,2 % (12 janv. 2027)",
           "headlines_feed": " : les titres", "subscribe": "S&#x27;abonner", "edition": "Édition des titres"},
}


def build(show: Path, date: str = "2027-01-12") -> pipeline.EpisodeRecord | None:
    return pipeline.build(layout.Show.open(show), dates.parse_date(date), report=pipeline.Reporter(level=0))


@pytest.mark.slow
@pytest.mark.parametrize("code", list(EXPECTED))
def test_a_show_in_another_language_builds_and_publishes_in_it(tone_show: Path, code: str) -> None:
    (tone_show / "podcast.toml").write_text(f'[show]\nlanguage = "{code}"\n')
    (tone_show / "voices" / "lexicon.toml").write_text("[words]\n")
    write_digest(tone_show, "2027-01-12", (GOLDEN / f"{code}.digest.txt").read_text(encoding="utf-8"))
    record = build(tone_show)
    assert record is not None
    want = EXPECTED[code]
    assert record.title == want["title"]
    feed = feedparser.parse((tone_show / "feed.xml").read_bytes())
    assert feed.feed.language == want["lang"] and not feed.bozo
    folder = tone_show / "episodes" / "2027-01-12"
    page = (folder / "index.html").read_text(encoding="utf-8")
    assert f'<html lang="{want["lang"]}">' in page and want["transcript"] in page and want["date"] in page
    assert "Transcript<" not in page and "Sections on their own" not in page
    chapters = json.loads((folder / "chapters.json").read_text())["chapters"]
    assert chapters[0]["title"] == want["chapter"]
    captions = (folder / "transcript.vtt").read_text(encoding="utf-8")
    assert "13.812,6" in captions or "8 214,35" in captions  # captions show the figures as the digest wrote them
    show_page = (tone_show / "index.html").read_text(encoding="utf-8")
    assert want["date"].split()[-1] in show_page
    assert want["subscribe"] in show_page and want["edition"] in show_page and "Headlines edition" not in show_page
    short = feedparser.parse((tone_show / layout.HEADLINES_FEED).read_bytes())  # the headlines edition's own feed
    assert short.feed.title.endswith(want["headlines_feed"]) and short.feed.language == want["lang"]


@pytest.mark.slow
def test_the_shows_phrases_override_the_packs_and_trigger_a_rebuild(tone_show: Path) -> None:
    (tone_show / "podcast.toml").write_text('[show]\nlanguage = "es"\n')
    write_digest(tone_show, "2027-01-12", (GOLDEN / "es.digest.txt").read_text(encoding="utf-8"))
    assert build(tone_show) is not None
    assert build(tone_show) is None  # up to date
    (tone_show / "phrases.toml").write_text('greeting = "Hola, esto es {show}."\n[page]\ntranscript = "Lo dicho"\n',
                                            encoding="utf-8")
    assert build(tone_show) is not None  # the phrases changed: the episode is rebuilt
    page = (tone_show / "episodes" / "2027-01-12" / "index.html").read_text(encoding="utf-8")
    assert "Lo dicho" in page and "Hola, esto es Daily Buzz." in page


def test_init_writes_the_languages_reader_and_anchor(tmp_path: Path) -> None:
    ran = podcast(tmp_path, "init", "radio", "--title", "La Mañana", "--author", "Redacción",
                  "--email", "redaccion@example.org", "--base-url", "https://radio.example.org/", "--language", "es")
    assert ran.returncode == 0, ran.stderr
    voices = tmp_path / "radio" / "voices"
    assert 'voice = "ef_dora"' in (voices / "default.toml").read_text()
    assert 'voice = "em_alex"' in (voices / "anchor.toml").read_text()
    assert not (voices / "piper.toml").exists()  # an English voice has no place in a Spanish show
    assert 'language = "es"' in (tmp_path / "radio" / "podcast.toml").read_text()
    assert load_voice(tmp_path / "radio", "default", "es").voice == "ef_dora"


def test_a_portuguese_show_has_a_portuguese_cover_line(tmp_path: Path) -> None:
    """`init --language pt-BR` writes the pack's subtitle; an older show that still has the English default gets
    the pack's words on its generated cover too."""
    from podcast.publish.cover import ensure_cover, generated_for

    ran = podcast(tmp_path, "init", "radio", "--title", "Manhã", "--author", "Redação", "--email",
                  "redacao@example.org", "--base-url", "https://radio.example.org/", "--language", "pt-BR")
    assert ran.returncode == 0, ran.stderr
    show = layout.Show.open(tmp_path / "radio")
    assert show.config.cover_subtitle == "Seu resumo diário de notícias"
    assert generated_for(ensure_cover(show)) == ("Manhã", "Seu resumo diário de notícias")
    (show.root / "podcast.toml").write_text('[show]\ntitle = "Manhã"\nlanguage = "pt-BR"\n')  # the English default
    assert generated_for(ensure_cover(layout.Show.open(show.root))) == ("Manhã", "Seu resumo diário de notícias")


def test_voices_lists_a_languages_voices(tmp_path: Path) -> None:
    ran = podcast(tmp_path, "voices", "--language", "fr")
    kokoro = [line.split()[1] for line in ran.stdout.splitlines() if line.startswith("kokoro")]
    assert ran.returncode == 0 and kokoro == ["ff_siwis"]
    assert all("fr" in line.split()[2] for line in ran.stdout.splitlines())


def test_built_in_voices_follow_the_show_language(tmp_path: Path) -> None:
    """A show folder without voice files reads in its language's Kokoro voices."""
    assert load_voice(tmp_path, "default", "it").voice == "if_sara"
    assert load_voice(tmp_path, "anchor", "it").voice == "im_nicola"
    assert load_voice(tmp_path, "anchor", "hi").voice == "hm_omega"
    assert load_voice(tmp_path, "default").voice == "af_heart"


def test_a_voice_of_another_language_is_refused_unless_on_purpose(show: Path) -> None:
    (show / "voices" / "default.toml").write_text('engine = "kokoro"\nvoice = "af_heart"\n')
    with pytest.raises(ConfigError, match=r"default.toml: voice 'af_heart' speaks en-us, but the show is in es"):
        load_voice(show, "default", "es")
    (show / "voices" / "default.toml").write_text('engine = "kokoro"\nvoice = "af_heart"\ncross_language = true\n')
    assert load_voice(show, "default", "es").voice == "af_heart"
    (show / "voices" / "default.toml").write_text('engine = "kokoro"\nvoice = "ef_dora"\n')
    with pytest.raises(ConfigError, match="speaks es, but the show is in en"):
        load_voice(show, "default")


def test_a_build_stops_on_a_voice_of_the_wrong_language_before_writing(show: Path) -> None:
    use_tone_voices(show)
    (show / "podcast.toml").write_text('[show]\nlanguage = "fr"\n')
    (show / "voices" / "default.toml").write_text('engine = "kokoro"\nvoice = "ef_dora"\n')
    write_digest(show, "2027-01-12", (GOLDEN / "fr.digest.txt").read_text(encoding="utf-8"))
    ran = podcast(show, "build", "2027-01-12")
    assert ran.returncode != 0 and "voice 'ef_dora' speaks es, but the show is in fr" in ran.stderr
    assert len(ran.stderr.strip().splitlines()) == 1 and not (show / "feed.xml").exists()


@pytest.mark.parametrize(
    ("code", "before", "name", "said"),
    [
        pytest.param("fr", "Au tour de ", "Économie", "Au tour d'Économie", id="fr-de-elided"),
        pytest.param("fr", "Au tour de ", "International", "Au tour d'International", id="fr-de-elided-plain-vowel"),
        pytest.param("fr", "Les nouvelles de ", "Océanie", "Les nouvelles d'Océanie", id="fr-de-in-a-show-phrase"),
        pytest.param("fr", "Au tour de ", "Sport", "Au tour de Sport", id="fr-consonant-kept"),
        pytest.param("fr", "Au tour de ", "Hockey", "Au tour de Hockey", id="fr-h-kept"),
        pytest.param("fr", "Place à ", "Économie", "Place à Économie", id="fr-a-never-elided"),
        pytest.param("fr", "Bande ", "Dessinée", "Bande Dessinée", id="fr-no-word-to-elide"),
        pytest.param("it", "Passiamo a ", "Ambiente", "Passiamo ad Ambiente", id="it-euphonic-d"),
        pytest.param("it", "Spazio a ", "Esteri", "Spazio ad Esteri", id="it-euphonic-d-before-any-vowel"),
        pytest.param("it", "Veniamo a ", "Interni", "Veniamo ad Interni", id="it-euphonic-d-before-i"),
        pytest.param("it", "Passiamo a ", "Sport", "Passiamo a Sport", id="it-consonant-kept"),
        pytest.param("es", "Pasamos a ", "Actualidad", "Pasamos a Actualidad", id="es-never-joined"),
    ],
)
def test_a_section_name_joins_the_phrase_before_it_as_the_language_says_it(code: str, before: str, name: str,
                                                                            said: str) -> None:
    """French elides "de" before a vowel, Italian says "ad" before an a: a section's name is the producer's,
    the phrase before it the pack's ("Au tour de Économie" was said)."""
    from podcast.language.packed import joined

    assert joined(code, before, name) == said
