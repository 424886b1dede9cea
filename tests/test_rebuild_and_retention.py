"""What a rebuild leaves online, and what a build says when retention keeps its episode out of the feeds."""

from __future__ import annotations

import http.client
import json
import os
import subprocess
import sys
from pathlib import Path

import feedparser
import pytest

from .conftest import SHORT_DIGEST, VERSIONED, serving, write_digest

pytestmark = pytest.mark.slow  # each test builds or serves in real subprocesses

BUILT_NOT_FED = 3
"""The exit status of a build that made the episode but left it out of the feeds (docs/building.md, exit status)."""


def run(show: Path, *args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "podcast", *args], cwd=show, capture_output=True, text=True,
                          timeout=300, env={**os.environ, **(env or {})})


def digest_for(day: str) -> str:
    import datetime as dt

    return SHORT_DIGEST.replace("3 February 2026", f"{dt.date.fromisoformat(day):%-d %B %Y}")


def build(show: Path, day: str, *options: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return run(show, "build", day, *options, env={"PODCAST_NOW": "2026-03-10T05:30:00Z", **(env or {})})


def feed_dates(show: Path) -> list[str]:
    return [entry.id[-10:] for entry in feedparser.parse(show / "feed.xml").entries]  # guids end in the date


def test_an_older_episode_kept_out_by_keep_episodes_is_not_called_published(tone_show: Path) -> None:
    (tone_show / "podcast.toml").write_text("[show]\nkeep_episodes = 1\n")
    for day in ("2026-03-05", "2026-03-04"):
        write_digest(tone_show, day, digest_for(day))
    assert build(tone_show, "2026-03-05").returncode == 0
    older = build(tone_show, "2026-03-04")
    assert older.returncode == BUILT_NOT_FED, older.stderr
    assert "published" not in older.stderr and "expired" not in older.stderr
    record = json.loads((tone_show / "episodes/2026-03-04/episode.json").read_text())
    assert older.stderr.strip().splitlines()[-1] == (
        f"built {record['audio_file']} (2 sections, 2 stories, {record['duration_s'] / 60:.1f} min, "
        f"{record['length']} bytes), not in the feeds: older than the newest 1 kept (keep_episodes = 1)")
    assert feed_dates(tone_show) == ["2026-03-05"]
    listed = {e["date"]: e["state"] for e in json.loads(run(tone_show, "list", "--json").stdout)}
    assert listed == {"2026-03-05": "published", "2026-03-04": "unpublished"}

    # Cron mails only output: with --quiet the line still says why the exit status is not 0.
    again = build(tone_show, "2026-03-04", "--quiet")
    assert again.returncode == BUILT_NOT_FED
    assert again.stderr.strip().endswith("not in the feeds: older than the newest 1 kept (keep_episodes = 1)")


def test_an_episode_older_than_keep_days_says_so(tone_show: Path) -> None:
    (tone_show / "podcast.toml").write_text("[show]\nkeep_days = 7\n")
    write_digest(tone_show, "2026-03-01", digest_for("2026-03-01"))
    result = build(tone_show, "2026-03-01")
    assert result.returncode == BUILT_NOT_FED
    assert result.stderr.strip().endswith("not in the feeds: older than 7 days (keep_days = 7)")
    assert feed_dates(tone_show) == []


def test_a_newer_episode_still_expires_the_older_ones_and_exits_0(tone_show: Path) -> None:
    (tone_show / "podcast.toml").write_text("[show]\nkeep_episodes = 1\n")
    for day in ("2026-03-04", "2026-03-05"):
        write_digest(tone_show, day, digest_for(day))
        result = build(tone_show, day)
        assert result.returncode == 0, result.stderr
    assert "expired episodes/2026-03-04 from the feeds" in result.stderr
    assert result.stderr.strip().splitlines()[-1].startswith("published episodes/2026-03-05/episode-")


def status(port: int, path: str) -> int:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    connection.request("GET", "/" + path)
    response = connection.getresponse()
    response.read()
    return response.status


def snapshot(folder: Path) -> dict[str, object]:
    """An episode folder's record as the build left it: its date and every audio file its feeds point at (the
    episode's MP3 and Opus files, its section clips, its headlines edition)."""
    record = json.loads((folder / "episode.json").read_text())
    audio = {str(record["audio_file"]), *(str(c["file"]) for c in record["clips"])}
    if record.get("opus_file"):
        audio.add(str(record["opus_file"]))
    if (folder / "headlines.json").exists():
        audio.add(str(json.loads((folder / "headlines.json").read_text())["audio_file"]))
    return {"date": record["date"], "audio": audio}


def audio_of(record: dict[str, object]) -> set[str]:
    return set(record["audio"])  # type: ignore[call-overload]


def files(folder: Path) -> set[str]:
    return {p.relative_to(folder.parent.parent).as_posix() for p in folder.rglob("*")
            if p.is_file() and not p.name.startswith(".")}


def made_by(record: dict[str, object], folder: Path) -> set[str]:
    """Everything a build of `record` writes into its episode folder (with the plain names of its audio)."""
    rel = f"episodes/{record['date']}"
    names = {f"{rel}/{name}" for name in ("episode.json", "index.html", "script.json", "script.txt",
                                          "transcript.vtt", "transcript.srt", "chapters.json", "headlines.json",
                                          "headlines.vtt", "headlines.srt", "headlines-chapters.json",
                                          "proof.json", "proof.html")}
    return names | audio_of(record) | {VERSIONED.sub(r".\1", path) for path in audio_of(record)}


def test_a_rebuild_leaves_only_what_it_made_and_what_a_feed_still_points_at(tone_show: Path) -> None:
    day, folder = "2026-02-03", tone_show / "episodes" / "2026-02-03"
    write_digest(tone_show, day, SHORT_DIGEST)
    assert build(tone_show, day).returncode == 0
    first = snapshot(folder)

    write_digest(tone_show, day, SHORT_DIGEST.replace("Top News", "World"))  # the sections changed
    assert build(tone_show, day).returncode == 0
    second = snapshot(folder)
    digest = {f"episodes/{day}/digest.txt"}
    # The previous build's published audio stays one build longer (apps mid-download); its plain names go.
    assert files(folder) == made_by(second, folder) | audio_of(first) | digest
    assert not (folder / "sections" / "01-top-news.mp3").exists()
    with serving(tone_show) as (port, _):
        assert status(port, f"episodes/{day}/sections/01-top-news.mp3") == 404
        assert status(port, f"episodes/{day}/sections/01-world.mp3") == 200
        assert all(status(port, path) == 200 for path in audio_of(first))

    edited = SHORT_DIGEST.replace("Top News", "World").replace("Stocks rose", "Stocks and bonds rose")
    write_digest(tone_show, day, edited)
    assert build(tone_show, day).returncode == 0
    third = snapshot(folder)
    assert audio_of(third) != audio_of(second)
    assert files(folder) == made_by(third, folder) | audio_of(second) | digest
    with serving(tone_show) as (port, _):
        assert all(status(port, path) == 404 for path in audio_of(first) - audio_of(second) - audio_of(third))


def test_a_rebuild_of_a_removed_episode_keeps_no_old_audio(tone_show: Path) -> None:
    """No feed points at a removed episode's audio, so its rebuild has no reason to keep it."""
    day, folder = "2026-02-03", tone_show / "episodes" / "2026-02-03"
    write_digest(tone_show, day, SHORT_DIGEST)
    assert build(tone_show, day).returncode == 0
    first = snapshot(folder)
    assert run(tone_show, "remove", day).returncode == 0
    write_digest(tone_show, day, SHORT_DIGEST.replace("Stocks rose", "Stocks and bonds rose"))
    assert build(tone_show, day).returncode == 0
    second = snapshot(folder)
    assert audio_of(first) != audio_of(second)
    assert files(folder) == made_by(second, folder) | {f"episodes/{day}/digest.txt"}
