"""The headlines edition: made from the full episode's rendered sentences (only its two transitions are new
speech), one chapter per story, never over three and a half minutes, in its own feed; and the Opus file."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import feedparser
import podcastparser
import pytest

from podcast import dates, layout, pipeline, records
from podcast.assemble import headlines
from podcast.language import ENGLISH
from podcast.sound import opus
from podcast.takes import CACHE_DIR

from .conftest import write_digest
from .test_build import LONGER

STORIES = ["Markets Rally on Rate Hopes", "China's Exports Beat Forecasts?", "Chipmaker Posts Record Profit",
           "Retailer Opens 20 Stores"]

pytestmark = pytest.mark.slow


def build(show: Path, date: str = "2026-02-03") -> pipeline.EpisodeRecord | None:
    return pipeline.build(layout.Show.open(show), dates.parse_date(date), report=pipeline.Reporter(level=0))


def rendered(show: Path) -> set[Path]:
    """Every sentence the speech engine has rendered for this show: one cache file per engine call."""
    return {p for p in (show / CACHE_DIR).rglob("*") if p.is_file() and not p.name.startswith(".")}


def test_the_edition_reuses_the_rendered_sentences_and_has_a_chapter_per_story(tone_show: Path) -> None:
    (tone_show / "podcast.toml").write_text("[show]\nheadlines_edition = false\n")
    write_digest(tone_show, "2026-02-03", LONGER)
    assert build(tone_show) is not None
    folder = tone_show / "episodes" / "2026-02-03"
    assert not (folder / layout.EDITION_FILE).exists() and not (tone_show / "feed-headlines.xml").exists()
    before = rendered(tone_show)

    (tone_show / "podcast.toml").write_text("[show]\nheadlines_edition = true\n")
    assert build(tone_show) is not None
    new = rendered(tone_show) - before
    assert len(new) == 2  # the opener and the closer: every other sentence came from the cache

    edition = records.read_edition(folder)
    assert edition is not None and edition.duration_s <= headlines.MAX_S
    assert [c.title for c in edition.chapters] == [s.rstrip(".") for s in STORIES]
    probed = json.loads(subprocess.run(
        ["ffprobe", "-v", "error", "-show_chapters", "-show_format", "-of", "json",
         str(tone_show / edition.audio_file)], capture_output=True, text=True, check=True).stdout)
    assert [c["tags"]["title"] for c in probed["chapters"]] == [s.rstrip(".") for s in STORIES]
    assert abs(float(probed["format"]["duration"]) - edition.duration_s) < 0.2
    full = json.loads((folder / "episode.json").read_text())
    assert edition.duration_s < full["duration_s"] * 0.8

    captions = (tone_show / edition.transcript_vtt).read_text()
    assert "Good morning, and welcome to Daily Buzz." in captions and ENGLISH.headlines_opener() in captions
    assert "Exports grew 7.1% in January" in captions  # a story's first sentence...
    assert "Analysts had expected" not in captions  # ...but not its second
    chapters_json = json.loads((tone_show / edition.chapters_file).read_text())
    assert len(chapters_json["chapters"]) == 4 and chapters_json["chapters"][0]["startTime"] == 0

    parsed = feedparser.parse(tone_show / "feed-headlines.xml")
    assert not parsed.bozo and parsed.feed.title == "Daily Buzz: Headlines"
    assert [e.id for e in parsed.entries] == [edition.guid] and edition.guid != full["guid"]
    assert parsed.entries[0].enclosures[0].href.endswith(edition.audio_file)
    with (tone_show / "feed-headlines.xml").open("rb") as fh:
        gpodder = podcastparser.parse("http://localhost:8000/feed-headlines.xml", fh)
    assert [c["title"] for c in gpodder["episodes"][0]["chapters"]] == [s.rstrip(".") for s in STORIES]
    assert 'headlines.vtt" type="text/vtt"' in (tone_show / "feed-headlines.xml").read_text()
    show_page = (tone_show / "index.html").read_text()
    assert edition.audio_file in show_page and "feed-headlines.xml" in show_page

    # The small file: Opus, in the feed next to the MP3, as long as the MP3.
    assert full["opus_file"].endswith(".opus") and full["opus_kbps"] == 28
    small = tone_show / full["opus_file"]
    assert small.stat().st_size == full["opus_length"] and small.stat().st_size < full["length"] / 2
    assert abs(opus.duration(small) - full["duration_s"]) < 0.5
    assert full["opus_file"] in (tone_show / "feed.xml").read_text()

    (tone_show / "podcast.toml").write_text("[show]\nheadlines_edition = false\nopus_kbps = 0\n")
    assert build(tone_show) is not None  # turned off: no edition feed, no Opus file in the feed
    assert not (tone_show / "feed-headlines.xml").exists()
    assert "alternateEnclosure" not in (tone_show / "feed.xml").read_text()


def many_stories(count: int) -> str:
    """A digest with `count` stories of long first sentences, in three sections."""
    lines = ["Daily Buzz: 3 February 2026"]
    for section in range(3):
        lines.append(f"Section {section + 1}")
        for n in range(count // 3):
            lines.append(f"Story {section * 100 + n} Makes Its Own Headline Today")
            lines.append("The first sentence of this story runs on for quite a while, with many words about "
                         f"its subject number {n}, so the edition must choose. A second sentence follows.")
    return "\n".join(lines) + "\n"


def test_a_long_day_still_fits_in_three_and_a_half_minutes(tone_show: Path) -> None:
    write_digest(tone_show, "2026-02-03", many_stories(24))
    assert build(tone_show) is not None
    edition = records.read_edition(tone_show / "episodes" / "2026-02-03")
    assert edition is not None and edition.duration_s <= headlines.MAX_S
    assert len(edition.chapters) == 24  # every story still has its headline, and a chapter
    captions = (tone_show / edition.transcript_vtt).read_text()
    assert "The first sentence of this story" in captions  # the first stories keep their first sentence
    assert "Story 207 Makes Its Own Headline Today" in captions.replace("\n", " ")
