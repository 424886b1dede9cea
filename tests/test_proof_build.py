"""The proof in real builds: Kokoro reads a short story (the anchor is the tone, so only the story is heard)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import REPO, write_digest
from .faults import DECOY_PHONEMES

pytestmark = pytest.mark.slow

DIGEST = """Daily Buzz: 3 February 2026
Technology
Chipmaker Voltara Delays New Factory
Semiconductor maker Voltara said on Tuesday that it would delay the opening of its Dresden plant by a year. The \
company had planned to employ two thousand people at the site.
"""


def run(show: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "podcast", *args], cwd=show, capture_output=True, text=True,
                          timeout=1800, env={**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1])})


def published(show: Path) -> dict[str, bytes]:
    """Every published file: not the producer's settings and voices, not the caches or the build's markers."""
    return {p.relative_to(show).as_posix(): p.read_bytes() for p in show.rglob("*") if p.is_file()
            and not any(part.startswith(".") for part in p.relative_to(show).parts)
            and p.relative_to(show).parts[0] not in ("voices", "podcast.toml")}


@pytest.fixture(scope="module")
def built_story(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, subprocess.CompletedProcess[str]]:
    """A show whose reader is Kokoro and whose anchor is the test tone, with a one-story digest, built once for
    the module (a neural build costs tens of seconds): the folder and what its first build printed."""
    show = tmp_path_factory.mktemp("built") / "show"
    shutil.copytree(REPO / "voices", show / "voices")
    (show / "voices" / "default.toml").write_text('engine = "kokoro"\nvoice = "af_heart"\nlang = "en-us"\n')
    (show / "voices" / "anchor.toml").write_text('engine = "tone"\nvoice = "tone-anchor"\n')
    write_digest(show, "2026-02-03", DIGEST)
    # a generous render timeout: on a machine shared with other work a sentence can take minutes
    (show / "podcast.toml").write_text("[show]\n\n[show.audio]\nrender_timeout_s = 1800.0\n")
    return show, run(show, "build", "2026-02-03")


@pytest.fixture
def kokoro_story(built_story: tuple[Path, subprocess.CompletedProcess[str]], tmp_path: Path) -> Path:
    """A copy of the built show, caches and all, for one test to change."""
    show = tmp_path / "show"
    shutil.copytree(built_story[0], show, symlinks=True)
    return show


def test_a_build_hears_every_sentence_and_a_rebuild_hears_nothing_again(
        built_story: tuple[Path, subprocess.CompletedProcess[str]], kokoro_story: Path) -> None:
    first = built_story[1]
    assert first.returncode == 0, first.stderr
    folder = kokoro_story / "episodes" / "2026-02-03"
    proof = json.loads((folder / "proof.json").read_text())
    story = [s for s in proof["sentences"]]
    assert [s["text"] for s in story][:1] == ["Chipmaker Voltara Delays New Factory."]
    assert len(story) == 3 and not any(s["flagged"] for s in story), story
    assert all(0 < s["start"] < s["end"] <= json.loads((folder / "episode.json").read_text())["duration_s"]
               for s in story)
    assert "proof: 3 sentences, none flagged" in first.stderr.splitlines()
    assert "proof.html" not in (folder / "index.html").read_text() + (kokoro_story / "feed.xml").read_text()
    assert (folder / "proof.html").read_text().startswith("<!doctype html>")
    settings = kokoro_story / "podcast.toml"
    settings.write_text(settings.read_text().replace("[show]\n", '[show]\ndescription = "No sound changes."\n'))
    again = run(kokoro_story, "build", "2026-02-03", "--verbose")
    assert again.returncode == 0, again.stderr
    assert "proof: 0 sentences heard, 3 from the cache" in again.stderr.splitlines()
    before = (folder / "proof.json").read_bytes()
    rechecked = run(kokoro_story, "proof", "2026-02-03", "--recheck")
    assert rechecked.returncode == 0, rechecked.stderr
    assert rechecked.stdout.splitlines()[0] == "proof: 3 sentences, none flagged"
    assert json.loads((folder / "proof.json").read_bytes()) == json.loads(before)  # heard again, the same


def test_strict_refuses_a_sentence_that_says_another_word_and_publishes_nothing(
        built_story: tuple[Path, subprocess.CompletedProcess[str]], kokoro_story: Path) -> None:
    assert built_story[1].returncode == 0, built_story[1].stderr
    before = published(kokoro_story)
    with (kokoro_story / "voices" / "lexicon.toml").open("a") as lexicon:
        lexicon.write(f'\n[phonemes]\n"Voltara" = "{DECOY_PHONEMES}"\n')  # a wrong entry: it says "banana"
    settings = kokoro_story / "podcast.toml"
    # No repair: a lexicon entry is said the same way by every take (tests/test_proof_ear.py shows it)
    settings.write_text(settings.read_text() + '\n[show.proof]\nmode = "strict"\nrepair = false\n')
    refused = run(kokoro_story, "build", "2026-02-03")
    assert refused.returncode == 1
    lines = refused.stderr.strip().splitlines()
    assert len(lines) == 1 and "not published" in lines[0] and "Voltara" in lines[0], lines
    assert "Traceback" not in refused.stderr
    assert published(kokoro_story) == before
    listed = run(kokoro_story, "proof", "2026-02-03")
    assert listed.returncode == 0
    assert "flagged" in listed.stdout and "said:" in listed.stdout and '"Voltara" = ' in listed.stdout
