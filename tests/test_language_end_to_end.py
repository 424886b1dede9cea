"""The real thing in each show language: a short digest read by the language's native Kokoro voices into a
published episode whose feed and page speak that language."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import feedparser
import pytest

from podcast.engines import load_voice, make_engine
from podcast.language import PACKS, language_for
from podcast.language.verbalizer import FORBIDDEN
from podcast.takes import cache_path

from .conftest import write_digest
from .test_end_to_end import probe_seconds

pytestmark = pytest.mark.slow  # each test renders speech with Kokoro

TINY = {
    "es": "Noticias: 12 de enero de 2027\nEconomía\nLa bolsa sube\nEl Ibex 35 ganó un 1,2 % hasta los 13.812 puntos.\n",
    "fr": "Le Journal : 12 janvier 2027\nÉconomie\nLa Bourse monte\nLe CAC 40 a gagné 1,2 % à 8 214 points.\n",
    "it": "Notiziario: 12 gennaio 2027\nEconomia\nLa Borsa sale\nIl Ftse Mib ha guadagnato l'1,2% a 34.512 punti.\n",
    "pt-BR": "Jornal: 12 de janeiro de 2027\nEconomia\nA Bolsa sobe\nO Ibovespa subiu 1,2% aos 128.512 pontos.\n",
    "hi": "समाचार: 12 जनवरी 2027\nअर्थव्यवस्था\nबाज़ार चढ़ा\nसेंसेक्स 1.2% बढ़कर 78,512 पर बंद हुआ।\n",
}


@pytest.mark.parametrize("code", list(TINY))
def test_a_short_show_in_the_language_with_its_own_voices(tmp_path: Path, code: str) -> None:
    show = tmp_path / "show"
    show.mkdir()
    (show / "podcast.toml").write_text(f'[show]\nlanguage = "{code}"\n')  # no voice files: the language's own
    write_digest(show, "2027-01-12", TINY[code])
    result = subprocess.run([sys.executable, "-m", "podcast", "build", "2027-01-12", "--verbose"], cwd=show,
                            capture_output=True, text=True, timeout=900)
    assert result.returncode == 0, result.stderr
    folder = show / "episodes" / "2027-01-12"
    segments = json.loads((folder / "script.json").read_text())["segments"]
    spoken = " ".join(s["text"] for s in segments)
    assert not FORBIDDEN.search(spoken)
    words = len(spoken.split())
    assert words * 0.25 < probe_seconds(folder / "episode.mp3") < words * 0.7 + 25
    assert feedparser.parse((show / "feed.xml").read_bytes()).feed.language == code
    assert f'<html lang="{code}">' in (folder / "index.html").read_text(encoding="utf-8")
    proof = json.loads((folder / "proof.json").read_text())
    if code == "hi":  # the ear writes Hindi in Urdu script: nothing it hears can be compared, so nothing is judged
        assert "Urdu script" in proof["skipped"] and "proof: skipped" in result.stderr
    else:
        assert not proof["skipped"] and proof["sentences"], proof
    # The headline in the language's reader, the greeting in its anchor: both in the sentence cache.
    pack, language = PACKS[code], language_for(code)
    reader, anchor = (make_engine(load_voice(show, name, code)) for name in ("default", "anchor"))
    assert (reader.profile.voice, anchor.profile.voice) == (pack.reader, pack.anchor)
    headline = TINY[code].splitlines()[2]
    greeting = language.greeting("Daily Buzz")
    cache = show / ".cache" / "tts"
    assert cache_path(cache, reader, language.speak(headline, "", None, "DMY") + ".").exists()
    assert cache_path(cache, anchor, language.speak(greeting, "", None, "DMY")).exists()
