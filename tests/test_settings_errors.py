"""Settings errors point at the table the producer wrote, suggest the near miss, and explain profiles."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import SHORT_DIGEST, write_digest


def run(show: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "podcast", *args], cwd=show, capture_output=True, text=True,
                          timeout=300, env=os.environ)


def last_error(show: Path, *args: str) -> str:
    result = run(show, *args)
    assert result.returncode == 1 and "Traceback" not in result.stderr, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, lines
    return lines[0]


@pytest.mark.parametrize(("text", "message"), [
    ('[show.audio]\nbitrat = "128k"\n',
     "podcast.toml [show.audio]: unknown setting 'bitrat' (did you mean 'bitrate'?)"),
    ('[show.audio]\nencoder_quality = "3"\n',
     "podcast.toml [show.audio]: encoder_quality must be a whole number, not '3'"),
    ('[show.render]\nschedular = "tcp://a:8786"\n',
     "podcast.toml [show.render]: unknown setting 'schedular' (did you mean 'scheduler'?)"),
    ('[show.render]\nscheduler = "a b"\n', "podcast.toml [show.render]: scheduler 'a b' must look like"),
    ('[show]\ntitel = "Typo"\n', "podcast.toml: unknown setting 'titel' (did you mean 'title'?)"),
    ('[show]\nzzz = 1\n', "podcast.toml: unknown setting 'zzz'"),
    ('[show.digest]\nsections = "^[A-Z]+$"\n',
     "podcast.toml [show.digest]: sections must be a list of text in quotes, not '^[A-Z]+$'"),
    ('[show.digest]\ndrop = ["(unclosed"]\n', "[show.digest] drop: '(unclosed' is not a regular expression"),
    ('[show.digest]\ngreeting = "mute"\n', "[show.digest] greeting must be \"read\" or \"skip\", not 'mute'"),
])
def test_a_typo_names_its_table_and_the_near_miss(tone_show: Path, text: str, message: str) -> None:
    (tone_show / "podcast.toml").write_text(text)
    line = last_error(tone_show, "feed")
    assert line.startswith("podcast: error: ") and message in line, line
    if "zzz" in text:
        assert "did you mean" not in line  # nothing near: no guess


@pytest.mark.slow
def test_a_near_miss_profile_name_is_suggested(tone_show: Path) -> None:
    (tone_show / "podcast.toml").write_text('[show]\nanchor_voice = "anchr"\n')
    write_digest(tone_show, "2026-02-03", SHORT_DIGEST)
    line = last_error(tone_show, "build", "2026-02-03")
    assert "voices/anchr.toml: no voice profile named 'anchr'" in line
    assert "did you mean 'anchor'?" in line
    assert not (tone_show / "feed.xml").exists()


@pytest.mark.slow
def test_a_near_miss_voice_id_is_suggested(show: Path) -> None:
    (show / "voices" / "default.toml").write_text('engine = "kokoro"\nvoice = "af_bela"\n')
    write_digest(show, "2026-02-03", SHORT_DIGEST)
    line = last_error(show, "build", "2026-02-03")
    assert line.endswith("voices/default.toml: unknown Kokoro voice 'af_bela' (did you mean 'af_bella'?); "
                         "`podcast voices` lists them"), line


@pytest.mark.slow
def test_a_voice_id_given_as_a_profile_is_explained(show: Path) -> None:
    (show / "podcast.toml").write_text('[show]\nvoice = "af_bella"\n')
    write_digest(show, "2026-02-03", SHORT_DIGEST)
    line = last_error(show, "build", "2026-02-03")
    assert "voices/af_bella.toml: no voice profile named 'af_bella'" in line
    assert "a profile is a file in voices/" in line
    assert "'af_bella' is a kokoro voice id, which goes inside one" in line
    assert 'voice = "af_bella"' in line and "voices/default.toml" in line
