"""The real thing: a short digest through pyttsx3 and eSpeak NG to a tagged MP3 and a feed."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import feedparser
import podcastparser

from .conftest import SHORT_DIGEST, VERSIONED, write_digest
from .test_audio_tags import ebur128


def probe_seconds(path: Path) -> float:
    out = subprocess.run(["ffprobe", "-v", "error", "-show_entries", "format=duration", "-of", "json",
                          str(path)], capture_output=True, text=True, check=True).stdout
    return float(json.loads(out)["format"]["duration"])


def mean_volume_db(path: Path) -> float:
    err = subprocess.run(["ffmpeg", "-hide_banner", "-nostats", "-i", str(path), "-af", "volumedetect",
                          "-f", "null", "-"], capture_output=True, text=True, check=True).stderr
    return float(err.split("mean_volume:")[1].split()[0])


def test_build_with_the_real_engine(show: Path) -> None:
    write_digest(show, "2026-02-03", SHORT_DIGEST)
    result = subprocess.run([sys.executable, "-m", "podcast", "build", "2026-02-03"], cwd=show,
                            capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr
    assert "Audio saved" not in result.stdout  # pyttsx3's chatter stays out of the output

    folder = show / "episodes" / "2026-02-03"
    episode = folder / "episode.mp3"
    words = sum(len(s["text"].split()) for s in json.loads((folder / "script.json").read_text())["segments"])
    seconds = probe_seconds(episode)
    # eSpeak at 175 wpm plus jingles and pauses: 0.3-0.6 s a word on the whole.
    assert words * 0.3 < seconds < words * 0.6 + 20
    assert mean_volume_db(episode) > -35  # speech, not silence
    clips = sorted(p for p in (folder / "sections").glob("*.mp3") if not VERSIONED.search(p.name))
    assert [c.name for c in clips] == ["01-top-news.mp3", "02-economy-markets.mp3"]
    assert all(3 < probe_seconds(c) < seconds for c in clips)
    for path in [episode, *clips]:
        lufs, peak = ebur128(path)
        assert -17.0 <= lufs <= -15.0, path
        assert peak <= -1.0, path
    chapters = json.loads(subprocess.run(["ffprobe", "-v", "error", "-show_chapters", "-of", "json", str(episode)],
                                         capture_output=True, text=True, check=True).stdout)["chapters"]
    assert sorted(c["tags"]["title"] for c in chapters) == ["Economy & Markets", "Top News"]

    parsed = feedparser.parse(show / "feed.xml")
    assert len(parsed.entries) == 1
    enclosure = parsed.entries[0].enclosures[0]
    assert int(enclosure.length) == episode.stat().st_size
    assert re.search(r"/episodes/2026-02-03/episode-[0-9a-f]{10}\.mp3$", enclosure.href)
    published = show / enclosure.href.removeprefix("http://localhost:8000/")
    assert published.read_bytes() == episode.read_bytes()  # the current version's plain name is the same file
    with (show / "feed.xml").open("rb") as fh:
        gpodder = podcastparser.parse("http://localhost:8000/feed.xml", fh)
    assert gpodder["episodes"][0]["enclosures"][0]["file_size"] == episode.stat().st_size
    assert abs(gpodder["episodes"][0]["total_time"] - seconds) <= 1
