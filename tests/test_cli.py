"""The command line as a producer uses it: exit codes, one-line errors, what gets written."""

from __future__ import annotations

import json
import re
from pathlib import Path

import feedparser
import pytest

from .conftest import SHORT_DIGEST, VERSIONED, podcast, write_digest

run = podcast


def test_script_json_prints_and_writes_nothing(tone_show: Path) -> None:
    write_digest(tone_show, "2026-02-03", SHORT_DIGEST)
    before = sorted(p.relative_to(tone_show) for p in tone_show.rglob("*"))
    result = run(tone_show, "script", "2026-02-03", "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert [s["kind"] for s in data["segments"]] == ["intro", "section", "story", "section", "story", "outro"]
    assert sorted(p.relative_to(tone_show) for p in tone_show.rglob("*")) == before
    text = run(tone_show, "script", "2026-02-03").stdout
    assert "[STORY · Top News]" in text and "two point five percent" in text


def test_script_with_digest_option(tone_show: Path, tmp_path: Path) -> None:
    other = tmp_path / "elsewhere.txt"
    other.write_text(SHORT_DIGEST)
    result = run(tone_show, "script", "2026-02-03", "--digest", str(other), "--json")
    assert result.returncode == 0 and json.loads(result.stdout)["date"] == "2026-02-03"
    assert not (tone_show / "episodes").exists()


@pytest.mark.slow
def test_build_rebuild_and_feed(tone_show: Path, tmp_path: Path) -> None:
    inbox = tmp_path / "inbox.txt"
    inbox.write_text(SHORT_DIGEST)
    result = run(tone_show, "build", "2026-02-03", "--digest", str(inbox))
    assert result.returncode == 0, result.stderr
    folder = tone_show / "episodes" / "2026-02-03"
    assert (folder / "digest.txt").read_text() == SHORT_DIGEST
    assert sorted(p.name for p in (folder / "sections").iterdir() if not VERSIONED.search(p.name)) == [
        "01-top-news.mp3", "02-economy-markets.mp3",
    ]
    assert json.loads((folder / "script.json").read_text()) == json.loads(
        run(tone_show, "script", "2026-02-03", "--json").stdout
    )
    assert (folder / "script.txt").read_text().startswith("[INTRO]")

    write_digest(tone_show, "2026-02-04", SHORT_DIGEST.replace("3 February", "4 February"))
    assert run(tone_show, "build", "2026-02-04").returncode == 0
    first_feed = (tone_show / "feed.xml").read_bytes()
    assert run(tone_show, "build", "2026-02-03").returncode == 0  # rebuild replaces, never duplicates
    parsed = feedparser.parse(tone_show / "feed.xml")
    assert [e.id for e in parsed.entries] == ["daily-buzz-2026-02-04", "daily-buzz-2026-02-03"]
    assert (tone_show / "feed.xml").read_bytes() == first_feed  # same audio: byte-identical feed

    (tone_show / "feed.xml").unlink()
    result = run(tone_show, "feed")
    assert result.returncode == 0 and (tone_show / "feed.xml").read_bytes() == first_feed


@pytest.mark.slow
def test_voices_lists_engine_voices(show: Path) -> None:
    result = run(show, "voices")
    assert result.returncode == 0, result.stderr
    rows = [line.split() for line in result.stdout.splitlines()]
    assert ["kokoro", "af_heart", "en-us", "female"] in rows
    assert ["piper", "en_US-joe-medium", "en_US", "-"] in rows
    assert ["pyttsx3", "gmw/en-us", "en-us", "-"] in rows


def test_unknown_voice_is_a_clear_error(show: Path) -> None:
    (show / "voices" / "default.toml").write_text('voice = "xx/nope"\n')
    write_digest(show, "2026-02-03", SHORT_DIGEST)
    result = run(show, "build", "2026-02-03")
    assert result.returncode == 1
    assert result.stderr.strip().splitlines()[-1].endswith(
        "voices/default.toml: unknown Kokoro voice 'xx/nope'; `podcast voices` lists them")
    assert not (show / "feed.xml").exists()


def test_bad_settings_name_the_file(tone_show: Path) -> None:
    (tone_show / "podcast.toml").write_text('[show]\ntitel = "Typo"\n')
    result = run(tone_show, "feed")
    assert result.returncode == 1 and "podcast.toml: unknown setting 'titel'" in result.stderr


def test_help_for_every_command(show: Path) -> None:
    for command in ("build", "script", "feed", "voices"):
        result = run(show, command, "--help")
        assert result.returncode == 0 and "Example: podcast" in result.stdout


def test_help_reads_like_a_man_page(show: Path) -> None:
    build_help = run(show, "build", "--help").stdout
    assert "Usage: podcast build [OPTIONS] DATE" in build_help
    assert "<bool>" not in build_help and "{" not in build_help
    assert re.search(r"^  --force +Build even", build_help, re.M)
    script_help = run(show, "script", "--help").stdout
    assert "Usage: podcast script [OPTIONS] DATE" in script_help
    assert "Build even" not in script_help and "copied" not in script_help
    outline_help = run(show, "outline", "--help").stdout  # it prints the outline, never the script
    assert re.search(r"^  --force +Print the outline even", outline_help, re.M) and "script" not in outline_help


@pytest.mark.parametrize(("file", "text", "message"), [
    ("voices/default.toml", 'engine = "pyttsx3"\npitch = 400\n',
     "voices/default.toml: pitch = 400 is out of range (0 to 99)"),
    ("voices/default.toml", 'engine = "pyttsx3"\nrate = -5\n',
     "voices/default.toml: rate = -5 is out of range (80 to 450)"),
    ("voices/default.toml", 'speed = 3.0\n', "voices/default.toml: speed = 3.0 is out of range (0.5 to 2)"),
    ("podcast.toml", '[show.audio]\nencoder_quality = "3"\n',
     "podcast.toml [show.audio]: encoder_quality must be a whole number, not '3'"),
    ("podcast.toml", '[show.audio]\nbitrate = "100k"\n', "podcast.toml: bitrate '100k' must be one of 32k, 40k"),
    ("podcast.toml", '[show.audio]\nloudness_lufs = -40\n',
     "podcast.toml [show.audio]: loudness_lufs = -40.0 is out of range (-30 to -10)"),
    ("podcast.toml", '[show]\nexplicit = "no"\n', "podcast.toml: explicit must be true or false, not 'no'"),
])
def test_settings_out_of_range_are_one_line_naming_file_and_key(tone_show: Path, file: str, text: str,
                                                                 message: str) -> None:
    (tone_show / file).write_text(text)
    write_digest(tone_show, "2026-02-03", SHORT_DIGEST)
    result = run(tone_show, "build", "2026-02-03")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    last = result.stderr.strip().splitlines()[-1]
    assert message in last, last
    assert not (tone_show / "feed.xml").exists()


def test_verbose_names_a_story_in_whole_words() -> None:
    from podcast.models import Sentence
    from podcast.parts import Part
    from podcast.pipeline import describe

    headline = "Regional Transit Authority Approves Sweeping Overhaul of Downtown Bus Routes"
    named = describe(Part("story", "Local", "default", (Sentence(headline, pause_ms=500),)))
    assert named == "story 'Regional Transit Authority Approves Sweeping Overhaul of…' (Local)", named
    assert describe(Part("story", None, "default", (Sentence("Rates Held", pause_ms=500),))) == "story 'Rates Held'"


@pytest.mark.slow
def test_output_fit_for_cron(tone_show: Path) -> None:
    """No progress off a terminal, the proof's line and a one-line summary, --quiet prints nothing, --verbose says
    what and why."""
    write_digest(tone_show, "2026-02-03", SHORT_DIGEST)
    quiet = run(tone_show, "build", "2026-02-03", "--quiet")
    assert quiet.returncode == 0 and quiet.stdout == "" and quiet.stderr == ""
    digest = tone_show / "episodes" / "2026-02-03" / "digest.txt"
    digest.write_text(digest.read_text().replace("Analysts had expected", "Economists had expected"))
    normal = run(tone_show, "build", "2026-02-03")
    assert normal.returncode == 0 and normal.stdout == ""
    assert re.fullmatch(r"proof: skipped \(the tone engine makes no speech to hear\)\n"
                        r"published episodes/2026-02-03/episode-[0-9a-f]{10}\.mp3 "
                        r"\(2 sections, 2 stories, \d+\.\d min, \d+ bytes\)\n",
                        normal.stderr), normal.stderr
    digest.write_text(digest.read_text().replace("Economists had expected", "Forecasters had expected"))
    verbose = run(tone_show, "build", "2026-02-03", "--verbose")
    lines = verbose.stderr.splitlines()
    assert lines[0] == "building episodes/2026-02-03: digest.txt changed"
    assert lines[1] == "6 parts: 1 to mix, 5 from the cache"
    assert lines[2].startswith('  mixing story "China\'s Exports Beat Forecasts?" (Economy & Markets): not')
    assert lines[-2].startswith("proof: ") and lines[-1].startswith("published ")
    assert run(tone_show, "build", "2026-02-03", "-q").stderr == ""
