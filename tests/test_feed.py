"""The feed, parsed back by the parsers podcast apps use."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

import feedparser
import podcastparser
from lxml import etree

from podcast.config import ShowConfig
from podcast.models import Chapter, EpisodeRecord, SectionClip
from podcast.publish.feeds import build_feed, podcast_guid, pub_date

NS = {"itunes": "http://www.itunes.com/dtds/podcast-1.0.dtd", "podcast": "https://podcastindex.org/namespace/1.0",
      "atom": "http://www.w3.org/2005/Atom"}


def record(date: str, length: int = 123456) -> EpisodeRecord:
    return EpisodeRecord(
        date=date, title=f"Lead Story ({date})", description="Daily Buzz for today",
        guid=f"daily-buzz-{date}", audio_file=f"episodes/{date}/episode.mp3", length=length,
        duration_s=612.4,
        chapters=(Chapter("Top News", 0, 300000), Chapter("Economy & Markets", 300000, 612400)),
        clips=(SectionClip("Top News", "top-news", f"episodes/{date}/sections/01-top-news.mp3", 9, 300.0),),
        headlines=(("Top News", ("Lead Story", "Second <Story>")), ("Economy & Markets", ("Rates",))),
    )


def test_feed_parses_in_feedparser_and_podcastparser(tmp_path: Path) -> None:
    config = ShowConfig()
    xml = build_feed(config, [record("2026-02-02"), record("2026-02-03", 999)], config.url("cover.png"))
    (tmp_path / "feed.xml").write_bytes(xml)

    parsed = feedparser.parse(xml)
    assert not parsed.bozo
    assert parsed.feed.title == "Daily Buzz" and parsed.feed.language == "en"
    assert [e.id for e in parsed.entries] == ["daily-buzz-2026-02-03", "daily-buzz-2026-02-02"]
    newest = parsed.entries[0]
    assert newest.enclosures[0].href == "http://localhost:8000/episodes/2026-02-03/episode.mp3"
    assert newest.enclosures[0].length == "999" and newest.enclosures[0].type == "audio/mpeg"
    assert newest.itunes_duration == "612"
    assert newest.published == "Tue, 03 Feb 2026 06:00:00 +0000"

    with (tmp_path / "feed.xml").open("rb") as fh:
        gpodder = podcastparser.parse(config.url("feed.xml"), fh)
    assert [e["guid"] for e in gpodder["episodes"]] == ["daily-buzz-2026-02-03", "daily-buzz-2026-02-02"]
    assert gpodder["episodes"][0]["enclosures"][0]["file_size"] == 999
    assert gpodder["episodes"][0]["total_time"] == 612


def test_channel_tags(tmp_path: Path) -> None:
    config = ShowConfig(explicit=False)
    root = etree.fromstring(build_feed(config, [record("2026-02-02")], config.url("cover.png")))
    channel = root.find("channel")
    assert channel is not None
    assert channel.findtext("itunes:explicit", namespaces=NS) == "false"
    assert channel.find("itunes:category", NS).get("text") == "News"  # type: ignore[union-attr]
    assert channel.find("itunes:category/itunes:category", NS).get("text") == "Daily News"  # type: ignore[union-attr]
    assert channel.find("itunes:image", NS).get("href") == "http://localhost:8000/cover.png"  # type: ignore[union-attr]
    assert channel.findtext("itunes:owner/itunes:email", namespaces=NS) == config.email
    assert channel.find("atom:link[@rel='self']", NS).get("href") == "http://localhost:8000/feed.xml"  # type: ignore[union-attr]
    assert channel.findtext("link") == "http://localhost:8000/"
    assert channel.findtext("podcast:guid", namespaces=NS) == podcast_guid("http://localhost:8000/feed.xml")
    item = channel.find("item")
    assert item is not None and item.find("guid").get("isPermaLink") == "false"  # type: ignore[union-attr]
    notes = item.findtext("description") or ""
    assert "00:00 Top News" in notes and "05:00 Economy &amp; Markets" in notes
    assert "Second &lt;Story&gt;" in notes and "sections/01-top-news.mp3" in notes


def test_feed_is_byte_stable_and_dated_by_its_newest_episode() -> None:
    config = ShowConfig(timezone="Asia/Hong_Kong")
    records = [record("2026-02-02"), record("2026-02-03")]
    first = build_feed(config, records, config.url("cover.png"))
    assert build_feed(config, list(reversed(records)), config.url("cover.png")) == first
    root = etree.fromstring(first)
    assert root.findtext("channel/lastBuildDate") == "Tue, 03 Feb 2026 06:00:00 +0800"


def test_podcast_guid_follows_the_spec() -> None:
    # The Podcasting 2.0 spec's own example.
    assert podcast_guid("https://mp3s.nashownotes.com/pc20rss.xml") == "917393e3-1b1e-5cef-ace4-edaa54e1f810"


def test_pub_date_weekday_and_zone() -> None:
    assert pub_date(ShowConfig(timezone="America/New_York"), "2026-07-01") == dt.datetime(
        2026, 7, 1, 6, 0, tzinfo=ShowConfig(timezone="America/New_York").tz
    )


def test_show_notes_stay_within_apples_limit() -> None:
    big = EpisodeRecord(
        date="2026-02-02", title="t", description="d", guid="g", audio_file="episodes/2026-02-02/e.mp3",
        length=1, duration_s=1.0, chapters=(Chapter("Headlines", 0, 1000),
                                            *(Chapter(f"Headline number {n} about something", 1000 + n * 1000,
                                                      2000 + n * 1000, "Top News") for n in range(80)),
                                            Chapter("Only one", 81000, 82000, "World")),
    )
    from podcast.publish.feeds import show_notes

    notes = show_notes(big, ShowConfig())
    assert len(notes.encode()) <= 4000
    assert notes.startswith("<p>00:00 Headlines</p><p><b>Top News</b><br/>00:01 Headline number 0 about")
    assert "01:21 Only one" in notes


def test_urls_are_ascii() -> None:
    config = ShowConfig(base_url="https://exämple.org/podcasts/día/")
    url = config.url("episodes/2026-02-02/episode.mp3")
    assert url == "https://xn--exmple-cua.org/podcasts/d%C3%ADa/episodes/2026-02-02/episode.mp3"


PARTYTIME = Path(sys.prefix) / "share" / "npm" / "node_modules" / "podcast-partytime"
READ_WITH_PARTYTIME = """
const { parseFeed } = require(process.argv[1]);
const feed = parseFeed(require('fs').readFileSync(0, 'utf8'));
const item = feed.items[0];
console.log(JSON.stringify({
  people: feed.podcastPeople, funding: feed.podcastFunding, txt: feed.podcastTxt, locked: feed.locked,
  owner: feed.podcastOwner, items: feed.items.length, alternates: item.alternativeEnclosures,
  soundbites: item.podcastSoundbites,
}));
"""


def listener_config() -> ShowConfig:
    return ShowConfig(host="Ada Lovelace", editor="Grace Hopper", funding_url="https://example.org/support",
                      funding_text="Keep the briefing free", apple_verification="S3cr3t-t0ken", locked=True,
                      email="owner@example.org")


def opus_record(date: str) -> EpisodeRecord:
    """An episode with an Opus file and a lead story that names its source."""
    return dataclasses.replace(
        record(date), opus_file=f"episodes/{date}/episode-0123456789.opus", opus_length=2_100_000, opus_kbps=28,
        chapters=(Chapter("Headlines", 0, 41_000), Chapter("Lead Story", 41_000, 300_000, "Top News",
                                                           "https://example.org/news/lead?id=7&lang=en"),
                  Chapter("Rates", 300_000, 612_400, "Economy & Markets")))


def test_podcasting_tags_read_by_partytime() -> None:
    assert PARTYTIME.is_dir(), f"{PARTYTIME} missing: `make browser` installs podcast-partytime from npm"
    config = listener_config()
    xml = build_feed(config, [opus_record("2026-02-02"), opus_record("2026-02-03")], config.url("cover.png"))
    answer = subprocess.run(["node", "-e", READ_WITH_PARTYTIME, str(PARTYTIME)], input=xml.decode(),
                            capture_output=True, text=True, check=True)
    read = json.loads(answer.stdout)
    assert read["items"] == 2
    assert [(p["name"], p["role"].lower(), p["group"].lower()) for p in read["people"]] == [
        ("Ada Lovelace", "host", "cast"), ("Grace Hopper", "editor", "writing")]
    assert read["funding"] == [{"url": "https://example.org/support", "message": "Keep the briefing free"}]
    assert [(t["value"], t.get("purpose")) for t in read["txt"]] == [("S3cr3t-t0ken", "applepodcastsverify")]
    assert read["locked"] is True and read["owner"] == "owner@example.org"
    small = [a for a in read["alternates"] if a["type"] == "audio/opus"]
    assert len(small) == 1 and small[0]["length"] == 2_100_000 and small[0]["bitrate"] == 28_000
    assert small[0]["source"][0]["uri"] == "http://localhost:8000/episodes/2026-02-03/episode-0123456789.opus"
    default = [a for a in read["alternates"] if a.get("default")]
    assert [a["type"] for a in default] == ["audio/mpeg"]
    assert read["soundbites"] == [{"startTime": 41, "duration": 60, "title": "Lead Story"}]


def test_nothing_is_written_for_empty_settings() -> None:
    config = ShowConfig()
    xml = build_feed(config, [record("2026-02-02")], config.url("cover.png")).decode()
    for tag in ("podcast:person", "podcast:funding", "podcast:txt", "podcast:alternateEnclosure"):
        assert f"<{tag}" not in xml, tag
    assert "<podcast:locked>no</podcast:locked>" not in xml  # the owner's address goes with it
    assert '<podcast:locked owner="newsroom@example.com">no</podcast:locked>' in xml


def test_gpodder_reads_the_chapters_with_their_links_and_feedparser_every_item(tmp_path: Path) -> None:
    config = listener_config()
    records = [opus_record("2026-02-02"), opus_record("2026-02-03"), record("2026-02-04")]
    xml = build_feed(config, records, config.url("cover.png"))
    (tmp_path / "feed.xml").write_bytes(xml)
    with (tmp_path / "feed.xml").open("rb") as fh:
        gpodder = podcastparser.parse(config.url("feed.xml"), fh)
    assert len(gpodder["episodes"]) == 3
    chapters = gpodder["episodes"][1]["chapters"]
    assert [(c["start"], c["title"], c.get("href")) for c in chapters] == [
        (0, "Headlines", None), (41, "Lead Story", "https://example.org/news/lead?id=7&lang=en"),
        (300, "Rates", None)]
    assert [c["title"] for c in gpodder["episodes"][0]["chapters"]] == ["Top News", "Economy & Markets"]
    parsed = feedparser.parse(xml)
    assert not parsed.bozo and [e.id for e in parsed.entries] == [f"daily-buzz-2026-02-0{n}" for n in (4, 3, 2)]
    assert all(e.enclosures[0].type == "audio/mpeg" for e in parsed.entries)  # the MP3 stays what apps play


def test_lengths_agree_and_never_read_as_a_time_of_day() -> None:
    """`podcast list` and both pages round a length alike; the pages write it as a length in the show's
    language, not "05:43", which reads as a time of day beside a date."""
    from podcast.publish.episodes import EpisodeState
    from podcast.publish.pages import episode_page, show_page

    episode = dataclasses.replace(record("2026-03-10"), duration_s=343.6, clips=(
        SectionClip("Top News", "top-news", "episodes/2026-03-10/sections/01-top-news.mp3", 1000, 61.7),))
    assert EpisodeState("2026-03-10", "published", episode).columns()[2] == "05:44"
    show = show_page(ShowConfig(), [episode], "cover.png")
    assert "Tuesday, March 10, 2026</time> · 5 min 44 sec · " in show and "05:4" not in show
    page = episode_page(ShowConfig(), episode, (), "cover.png")
    assert "· 5 min 44 sec</p>" in page and "The episode, 5 min 44 sec" in page and "1 min 2 sec" in page
    portuguese = show_page(ShowConfig(language="pt-BR"), [episode], "cover.png")
    assert " · 5 min 44 s · " in portuguese
