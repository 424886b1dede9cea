"""Mixing, loudness, MP3 export and ID3 tags, decoded back from the written files."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import numpy as np
import pytest
from mutagen.id3 import ID3

from podcast import audio, loudness
from podcast.config import AudioSettings
from podcast.digest import parse_digest
from podcast.models import Chapter
from podcast.render import render_all
from podcast.script import build_script
from podcast.tags import write_tags
from podcast.tts import ToneEngine

from .conftest import SHORT_DIGEST


def ebur128(path: Path) -> tuple[float, float]:
    """(integrated LUFS, true peak dBTP) as ffmpeg measures the decoded file."""
    out = subprocess.run(
        ["ffmpeg", "-hide_banner", "-nostats", "-i", str(path), "-af", "ebur128=peak=true",
         "-f", "null", "-"], capture_output=True, text=True, check=True,
    ).stderr
    summary = out[out.rindex("Summary:"):]
    lufs = float(summary.split("I:")[1].split()[0])
    peak = float(summary.split("Peak:")[1].split()[0])
    return lufs, peak


@pytest.fixture(scope="module")
def programme(tmp_path_factory: pytest.TempPathFactory) -> audio.Programme:
    script = build_script(parse_digest(SHORT_DIGEST), "Daily Buzz")
    cache = tmp_path_factory.mktemp("cache")
    wavs = render_all(ToneEngine(), [c for s in script.segments for c in s.chunks], cache)
    return audio.assemble(script, wavs, AudioSettings(), Path("."))


def test_programme_layout(programme: audio.Programme) -> None:
    assert [c.title for c in programme.chapters] == ["Top News", "Economy & Markets"]
    assert programme.chapters[0].start_ms == 0
    assert programme.chapters[0].end_ms == programme.chapters[1].start_ms
    assert programme.chapters[-1].end_ms == pytest.approx(programme.duration_s * 1000, abs=2)
    starts = [c.start_ms for c in programme.cues]
    assert starts == sorted(starts) and programme.cues[-1].end_ms <= programme.duration_s * 1000
    assert len(programme.clips) == 2
    # Each clip holds its section's speech: shorter than the episode, longer than its words alone.
    assert all(5 < len(c) / audio.RATE < programme.duration_s for c in programme.clips)


def test_exported_mp3_meets_loudness_and_format(programme: audio.Programme, tmp_path: Path) -> None:
    path = tmp_path / "episode.mp3"
    audio.export_mp3(programme.samples, path, AudioSettings())
    lufs, peak = ebur128(path)
    assert -17.0 <= lufs <= -15.0
    assert peak <= -1.0
    info = json.loads(subprocess.run(
        ["ffprobe", "-v", "error", "-show_streams", "-show_format", "-of", "json", str(path)],
        capture_output=True, text=True, check=True).stdout)
    stream = info["streams"][0]
    assert stream["codec_name"] == "mp3" and stream["sample_rate"] == "44100"
    assert stream["channels"] == 1 and int(stream["bit_rate"]) == 96000
    assert float(info["format"]["duration"]) == pytest.approx(programme.duration_s, abs=0.2)


def test_limiter_holds_the_ceiling() -> None:
    rate = 44100
    t = np.arange(rate * 2) / rate
    loud = (0.99 * np.sin(2 * np.pi * 3000 * t)).astype(np.float32)
    out = loudness.level(loud, rate, -10.0, -1.5)
    assert loudness.true_peak_envelope(out).max() <= 10 ** (-1.5 / 20) + 1e-3


def test_tags_round_trip(programme: audio.Programme, tmp_path: Path) -> None:
    path = tmp_path / "episode.mp3"
    audio.export_mp3(programme.samples, path, AudioSettings())
    chapters = (Chapter("Top News", 0, 5000), Chapter("Economy & Markets", 5000, 9000))
    seconds = write_tags(path, title="Markets Rally", show="Daily Buzz", artist="Newsroom",
                         date="2026-02-03", cover_jpeg=b"\xff\xd8\xff\xe0fake", chapters=chapters)
    assert seconds == pytest.approx(programme.duration_s, abs=0.2)
    tags = ID3(str(path))
    assert tags.version[:2] == (2, 3)
    assert str(tags["TIT2"]) == "Markets Rally" and str(tags["TALB"]) == "Daily Buzz"
    assert str(tags["TCON"]) == "Podcast" and str(tags["TDRC"]) == "2026-02-03"
    assert tags.getall("APIC")[0].mime == "image/jpeg"
    toc = tags.getall("CTOC")[0]
    assert toc.child_element_ids == ["chp0", "chp1"]
    titles = [str(tags[f"CHAP:{cid}"].sub_frames["TIT2"]) for cid in toc.child_element_ids]
    assert titles == ["Top News", "Economy & Markets"]
    listed = json.loads(subprocess.run(
        ["ffprobe", "-v", "error", "-show_chapters", "-of", "json", str(path)],
        capture_output=True, text=True, check=True).stdout)["chapters"]
    assert sorted(c["tags"]["title"] for c in listed) == sorted(titles)
