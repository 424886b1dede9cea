"""A whole build on a tone-voiced show: files, chapters, transcripts, cache and two voices."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import pytest
from mutagen.id3 import ID3

from podcast import dates, layout, pipeline
from podcast.errors import ConfigError
from podcast.publish.identity import IDENTITY_FILE

from .conftest import SHORT_DIGEST, VERSIONED, write_digest

pytestmark = pytest.mark.slow  # every test here builds an episode or drives a browser

LONGER = SHORT_DIGEST + """Corporate
Chipmaker Posts Record Profit
The company said profit rose 46 percent to 1 billion yuan. Shares jumped 8% in Shanghai.
Retailer Opens 20 Stores
The chain will open 20 stores across Europe by 2027.
"""


def parts_in_cache(show: Path) -> dict[str, int]:
    return {p.name: p.stat().st_mtime_ns for p in (show / ".cache" / "parts").rglob("*.mp3")}


def build(show: Path, date: str = "2026-02-03") -> pipeline.EpisodeRecord | None:
    return pipeline.build(layout.Show.open(show), dates.parse_date(date), report=pipeline.Reporter(level=0))


def test_episode_files_chapters_and_transcripts(tone_show: Path) -> None:
    write_digest(tone_show, "2026-02-03", LONGER)
    record = build(tone_show)
    assert record is not None
    folder = tone_show / "episodes" / "2026-02-03"
    assert sorted(p.name for p in (folder / "sections").iterdir() if not VERSIONED.search(p.name)) == [
        "01-top-news.mp3", "02-economy-markets.mp3", "03-corporate.mp3",
    ]
    stories = ["Markets Rally on Rate Hopes", "China's Exports Beat Forecasts?", "Chipmaker Posts Record Profit",
               "Retailer Opens 20 Stores"]
    chapters = json.loads(subprocess.run(
        ["ffprobe", "-v", "error", "-show_chapters", "-of", "json", str(folder / "episode.mp3")],
        capture_output=True, text=True, check=True).stdout)["chapters"]
    assert [c["tags"]["title"] for c in chapters] == ["Headlines", *stories]  # in play order, one per story
    tags = ID3(str(folder / "episode.mp3"))
    tocs = {toc.element_id: toc for toc in tags.getall("CTOC")}
    assert tocs["toc"].child_element_ids == ["chp0", "toc1", "toc2", "toc3"]  # the opening, then each section
    assert [str(tocs[f"toc{n}"].sub_frames["TIT2"]) for n in (1, 2, 3)] == ["Top News", "Economy & Markets",
                                                                            "Corporate"]
    assert tocs["toc3"].child_element_ids == ["chp3", "chp4"]

    data = json.loads((folder / "chapters.json").read_text())  # a real JSON-chapters parse
    assert data["version"] == "1.2.0" and data["chapters"][0]["startTime"] == 0
    assert [c["title"] for c in data["chapters"]] == ["Headlines", *stories]
    assert [c.get("section") for c in data["chapters"]] == [None, "Top News", "Economy & Markets", "Corporate",
                                                            "Corporate"]
    starts = [c["startTime"] for c in data["chapters"]]
    assert starts == sorted(starts) and all(c["endTime"] > c["startTime"] for c in data["chapters"])
    clip = json.loads(subprocess.run(
        ["ffprobe", "-v", "error", "-show_chapters", "-of", "json", str(tone_show / record.clips[2].file)],
        capture_output=True, text=True, check=True).stdout)["chapters"]
    assert [c["tags"]["title"] for c in clip] == stories[2:] and float(clip[0]["start_time"]) == 0
    assert (folder / "index.html").read_text().count('class="seek"') == 5

    vtt = (folder / "transcript.vtt").read_text()
    assert vtt.startswith("WEBVTT\n")
    times = [tuple(map(_seconds, m)) for m in re.findall(r"([\d:.]+) --> ([\d:.]+)", vtt)]
    assert times and all(a < b for a, b in times)
    assert [a for a, _ in times] == sorted(a for a, _ in times)
    assert times[-1][1] <= record.duration_s
    for block in vtt.split("\n\n")[1:]:
        assert 2 <= len(block.strip().splitlines()) <= 3  # the timing line and at most two text lines
    srt = (folder / "transcript.srt").read_text()
    assert srt.startswith("1\n00:00:") and srt.count(" --> ") == len(times)

    for clip in record.clips:
        tags = ID3(str(tone_show / clip.file))
        assert str(tags["TIT2"]) == f"{clip.title} — Daily Buzz, February 3, 2026"  # en: American dates


def _seconds(stamp: str) -> float:
    h, m, s = stamp.split(":")
    return int(h) * 3600 + int(m) * 60 + float(s)


def test_rebuilds_use_the_cache(tone_show: Path) -> None:
    digest = write_digest(tone_show, "2026-02-03", LONGER)
    build(tone_show)
    first = parts_in_cache(tone_show)
    published = (tone_show / "episodes" / "2026-02-03" / "episode.mp3").read_bytes()

    assert build(tone_show) is None  # nothing changed: nothing made, nothing published
    assert parts_in_cache(tone_show) == first

    digest.write_text(LONGER.replace("open 20 stores", "open 25 stores"))
    assert build(tone_show) is not None
    after = parts_in_cache(tone_show)
    # Only the edited story's part is made again (a headline and one sentence: the headlines edition's is the same).
    assert len(set(after) - set(first)) == 1
    assert (tone_show / "episodes" / "2026-02-03" / "episode.mp3").read_bytes() != published

    (tone_show / "episodes" / "2026-02-03" / "episode.json").unlink()  # a lost record: rebuilt from the cache
    assert build(tone_show) is not None
    assert parts_in_cache(tone_show) == after


def test_a_new_destination_rebuilds_nothing(tone_show: Path) -> None:
    """Settings that only say where files go, where parts are made or whom to tell are not build inputs."""
    write_digest(tone_show, "2026-02-03", SHORT_DIGEST)
    assert build(tone_show) is not None
    (tone_show / "podcast.toml").write_text('[show]\n# the web host\n[show.publish]\nto = "/srv/www/harbor/"\n'
                                            '[show.render]\nscheduler = "tcp://10.0.0.5:8786"\n')
    assert build(tone_show) is None  # up to date
    (tone_show / "podcast.toml").write_text('[show]\ntitle = "Harbor Ledger"\n[show.publish]\nto = "/srv/www/"\n')
    assert build(tone_show) is not None  # the title is read in the intro: rebuilt


def test_anchor_and_reader_voices(tone_show: Path) -> None:
    (tone_show / "voices" / "anchor.toml").write_text('engine = "tone"\nvoice = "anchor"\nrate = 150\n')
    (tone_show / "podcast.toml").write_text('[show]\nanchor_voice = "anchor"\n')
    write_digest(tone_show, "2026-02-03", SHORT_DIGEST)
    assert build(tone_show) is not None
    assert len(parts_in_cache(tone_show)) == 6 + 4  # and the headlines edition's: opening, two stories, closing


@pytest.mark.parametrize("setting", ['voice = "missing"', 'anchor_voice = "missing"'])
def test_unknown_voice_profile_is_an_error(tone_show: Path, setting: str) -> None:
    (tone_show / "podcast.toml").write_text(f"[show]\n{setting}\n")
    write_digest(tone_show, "2026-02-03", SHORT_DIGEST)
    with pytest.raises(ConfigError, match="no voice profile named 'missing'"):
        build(tone_show)


def _channel_guid(show: Path) -> str:
    match = re.search(r"<podcast:guid>([0-9a-f-]{36})</podcast:guid>", (show / "feed.xml").read_text())
    assert match
    return match.group(1)


def test_guids_are_fixed_at_first_publication(tone_show: Path) -> None:
    (tone_show / "podcast.toml").write_text('[show]\ntitle = "Harbor Ledger"\nbase_url = "https://harbor.example/"\n')
    write_digest(tone_show, "2026-02-03", SHORT_DIGEST)
    first = build(tone_show)
    assert first is not None and first.guid == "harbor-ledger-2026-02-03"
    from podcast.publish.feeds import podcast_guid

    channel = _channel_guid(tone_show)
    assert channel == podcast_guid("https://harbor.example/feed.xml")  # the spec's UUIDv5, then frozen
    sections = {re.search(r"<podcast:guid>(.*?)</", p.read_text()).group(1)  # type: ignore[union-attr]
                for p in (tone_show / "feeds").glob("*.xml")}
    assert len(sections) == 2 and channel not in sections

    # Renamed and moved: the episode keeps its guid, the channel keeps its guid, new episodes keep the prefix.
    (tone_show / "podcast.toml").write_text('[show]\ntitle = "Morning Ledger"\nbase_url = "https://ledger.example/"\n')
    again = build(tone_show)
    assert again is not None and again.guid == "harbor-ledger-2026-02-03"
    assert _channel_guid(tone_show) == channel
    write_digest(tone_show, "2026-02-04", SHORT_DIGEST.replace("3 February", "4 February"))
    newer = build(tone_show, "2026-02-04")
    assert newer is not None and newer.guid == "harbor-ledger-2026-02-04"
    assert _channel_guid(tone_show) == channel


def test_two_shows_on_the_default_address_never_share_a_guid(tmp_path: Path) -> None:
    import shutil

    from .conftest import REPO, use_tone_voices

    guids = []
    for name in ("one", "two"):
        root = tmp_path / name
        shutil.copytree(REPO / "voices", root / "voices")
        use_tone_voices(root)
        write_digest(root, "2026-02-03", SHORT_DIGEST)
        assert build(root) is not None
        guids.append(_channel_guid(root))
    assert guids[0] != guids[1]


def test_a_show_published_before_identities_keeps_its_feed_guid(tone_show: Path) -> None:
    write_digest(tone_show, "2026-02-03", SHORT_DIGEST)
    assert build(tone_show) is not None
    channel = _channel_guid(tone_show)
    (tone_show / IDENTITY_FILE).unlink()  # as a show published by an earlier version
    pipeline.publish_feed(layout.Show.open(tone_show))
    assert _channel_guid(tone_show) == channel


def test_transcripts_show_what_the_digest_wrote(tone_show: Path) -> None:
    """Captions read "$1.3 billion" and "Xi", timed from the audio: the written sentences, in order."""
    text = LONGER.replace("to US$310 billion", "to US$310 billion, Xi Jinping's office said,")
    write_digest(tone_show, "2026-02-03", text)
    assert build(tone_show) is not None
    folder = tone_show / "episodes" / "2026-02-03"
    script = pipeline.load_script(layout.Show.open(tone_show), dates.parse_date("2026-02-03"), None)
    written = [s.written for seg in script.segments for paragraph in seg.paragraphs for s in paragraph]
    cues = [block.split("\n", 1)[1].replace("\n", " ").strip()
            for block in (folder / "transcript.vtt").read_text().split("\n\n")[1:] if "-->" in block]
    assert " ".join(cues) == " ".join(written)
    digest = (folder / "digest.txt").read_text()
    story_cues = [c for c in cues if not c.startswith(("Good morning", "It's", "Here are", "All that", "That's",
                                                        "Thanks", "Let's", "We begin", "First up", "Turning",
                                                        "Next,", "Moving", "Now to", "In ", "Over to", "And finally",
                                                        "Finally today"))]
    for cue in story_cues:
        assert cue.rstrip(".") in digest.replace("\n", " "), cue
    assert any("US$310 billion, Xi Jinping's office said" in c for c in cues)
    assert not any("Shee" in c or "three hundred and ten" in c for c in cues)
    spoken = (folder / "script.txt").read_text()
    assert "three hundred and ten billion U S dollars" in spoken and "Shee" in spoken
