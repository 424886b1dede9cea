"""The show's RSS 2.0 feed with iTunes tags, regenerated from the per-episode records."""

from __future__ import annotations

import datetime as dt
import html
import uuid
from typing import Any, Final

from feedgen.ext.base import BaseEntryExtension, BaseExtension
from feedgen.feed import FeedGenerator
from lxml import etree

from ..config import ShowConfig
from ..language import Language, language_for
from ..layout import FEED_FILE, FEEDS_DIR
from ..models import EpisodeRecord, SectionClip
from .times import stamp

ITUNES_NS: Final = "http://www.itunes.com/dtds/podcast-1.0.dtd"
PODCAST_NS: Final = "https://podcastindex.org/namespace/1.0"
PODCAST_GUID_NAMESPACE: Final = uuid.UUID("ead4c236-bf58-58c6-a2c6-a6b28d128cb6")


def podcast_guid(feed_url: str) -> str:
    """Podcasting 2.0 channel guid: UUIDv5 of the feed URL without scheme or trailing slashes."""
    bare = feed_url.split("://", 1)[-1].rstrip("/")
    return str(uuid.uuid5(PODCAST_GUID_NAMESPACE, bare))


class ShowExtension(BaseExtension):
    """Channel tags feedgen cannot write: itunes:explicit true/false, podcast:guid and locked."""

    def __init__(self) -> None:
        self.explicit = False
        self.guid = ""
        self.locked = False

    def extend_ns(self) -> dict[str, str]:
        return {"podcast": PODCAST_NS, "itunes": ITUNES_NS}

    def extend_rss(self, feed: Any) -> Any:
        channel = feed[0]
        explicit = etree.SubElement(channel, f"{{{ITUNES_NS}}}explicit")
        explicit.text = "true" if self.explicit else "false"
        if self.guid:
            etree.SubElement(channel, f"{{{PODCAST_NS}}}guid").text = self.guid
        etree.SubElement(channel, f"{{{PODCAST_NS}}}locked").text = "yes" if self.locked else "no"
        return feed


class ShowEntryExtension(BaseEntryExtension):
    """Item tags feedgen cannot write: podcast:transcript and podcast:chapters."""

    def __init__(self) -> None:
        self.transcripts: list[tuple[str, str, str]] = []
        """(url, MIME type, rel); podcastparser keeps the last, so the preferred one goes last."""
        self.chapters_url = ""

    def extend_ns(self) -> dict[str, str]:
        return {"podcast": PODCAST_NS}

    def extend_rss(self, item: Any) -> Any:
        for url, mime, rel in self.transcripts:
            tag = etree.SubElement(item, f"{{{PODCAST_NS}}}transcript", url=url, type=mime)
            if rel:
                tag.set("rel", rel)
        if self.chapters_url:
            etree.SubElement(item, f"{{{PODCAST_NS}}}chapters", url=self.chapters_url,
                             type="application/json+chapters")
        return item


def pub_date(config: ShowConfig, date: str) -> dt.datetime:
    """An episode's publication time: its date at the show's publish time, in its time zone."""
    day = dt.date.fromisoformat(date)
    return dt.datetime.combine(day, dt.time.fromisoformat(config.publish_time), tzinfo=config.tz)


MAX_NOTES_BYTES: Final = 4000
"""Apple's limit for an item's description."""


def show_notes(record: EpisodeRecord, config: ShowConfig) -> str:
    """HTML: every story with its time stamp, from 00:00 (Apple and Pocket Casts make them links, Spotify reads
    them as chapters), grouped under each section with a link to its clip; stories are left out from the end of
    the longest section to stay within Apple's 4000 bytes."""
    clips = {clip.title: clip for clip in record.clips}
    opening = [c for c in record.chapters if not c.section]
    groups: dict[str, list[str]] = {}
    for chapter in record.chapters:
        if chapter.section:
            line = f"{stamp(chapter.start_ms // 1000)} {html.escape(chapter.title)}"
            groups.setdefault(chapter.section, []).append(line)
    if not groups:  # a record from before per-story chapters: its headlines
        groups = {title: [html.escape(h) for h in headlines] for title, headlines in record.headlines}
    head = "".join(f"<p>{stamp(c.start_ms // 1000)} {html.escape(c.title)}</p>" for c in opening)

    def render() -> str:
        body = []
        for title, lines in groups.items():
            heading = html.escape(title)
            if title in clips:
                heading = f'<a href="{html.escape(config.url(clips[title].file))}">{heading}</a>'
            body.append(f"<p><b>{heading}</b>" + "".join(f"<br/>{line}" for line in lines) + "</p>")
        return head + "".join(body)

    notes = render()
    while len(notes.encode()) > MAX_NOTES_BYTES and any(len(lines) > 1 for lines in groups.values()):
        max(groups.values(), key=len).pop()
        notes = render()
    return notes


def section_guid(show_guid: str, slug: str) -> str:
    """A section feed's own podcast:guid, derived from the show's frozen one: stable and never shared."""
    return str(uuid.uuid5(uuid.UUID(show_guid), slug))


def _channel(config: ShowConfig, title: str, description: str, feed_url: str, cover_url: str,
             guid: str | None) -> FeedGenerator:
    fg = FeedGenerator()
    fg.load_extension("podcast")
    fg.register_extension("show", ShowExtension, ShowEntryExtension)
    fg.title(title)
    fg.description(description)
    fg.language(config.language)
    fg.link(href=feed_url, rel="self", type="application/rss+xml")
    fg.link(href=config.base_url, rel="alternate")  # the channel <link> is the last one set
    fg.image(url=cover_url, title=title, link=config.base_url)
    fg.copyright(config.copyright or f"Copyright {config.author}")
    fg.generator("podcast")
    fg.podcast.itunes_author(config.author)
    fg.podcast.itunes_owner(name=config.author, email=config.email)
    fg.podcast.itunes_image(cover_url)
    if config.subcategory:
        fg.podcast.itunes_category({"cat": config.category, "sub": config.subcategory})
    else:
        fg.podcast.itunes_category({"cat": config.category})
    fg.podcast.itunes_type("episodic")
    fg.podcast.itunes_summary(description)
    fg.show.explicit = config.explicit
    fg.show.guid = guid or podcast_guid(feed_url)
    return fg


def _finish(fg: FeedGenerator, config: ShowConfig, newest: str | None) -> bytes:
    """Date the feed by its newest episode, never by the clock: the same episodes give the same bytes."""
    fg.lastBuildDate(pub_date(config, newest) if newest else dt.datetime(2000, 1, 1, tzinfo=dt.UTC))
    xml: bytes = fg.rss_str(pretty=True, xml_declaration=True, encoding="UTF-8")
    return xml


def build_feed(config: ShowConfig, records: list[EpisodeRecord], cover_url: str, show_guid: str | None = None) -> bytes:
    """The show's feed XML, newest first; `show_guid` is the frozen podcast:guid (None: from the feed URL)."""
    fg = _channel(config, config.title, config.description, config.url(FEED_FILE), cover_url, show_guid)
    ordered = sorted(records, key=lambda r: r.date)
    for record in ordered:  # add_entry prepends: oldest first gives newest first
        notes = show_notes(record, config)
        entry = fg.add_entry()
        entry.id(record.guid)
        entry.guid(record.guid, permalink=False)
        entry.title(record.title)
        entry.description(notes)
        entry.content(notes, type="CDATA")
        entry.link(href=config.url(record.page_file or record.audio_file))  # the episode page: stories and transcript
        entry.enclosure(config.url(record.audio_file), str(record.length), "audio/mpeg")
        entry.pubDate(pub_date(config, record.date))
        entry.podcast.itunes_duration(int(round(record.duration_s)))
        entry.podcast.itunes_episode_type("full")
        entry.podcast.itunes_summary(record.description)
        transcripts = []
        if record.transcript_srt:
            transcripts.append((config.url(record.transcript_srt), "application/x-subrip", "captions"))
        if record.transcript_vtt:
            transcripts.append((config.url(record.transcript_vtt), "text/vtt", ""))
        entry.show.transcripts = transcripts
        entry.show.chapters_url = config.url(record.chapters_file) if record.chapters_file else ""
    return _finish(fg, config, ordered[-1].date if ordered else None)


def section_feeds(config: ShowConfig, records: list[EpisodeRecord], cover_url: str,
                  show_guid: str | None = None, language: Language | None = None) -> dict[str, bytes]:
    """One feed per section slug, feeds/<slug>.xml, listing that section's clips across days."""
    language = language or language_for(config.language)
    by_slug: dict[str, list[tuple[EpisodeRecord, SectionClip]]] = {}
    for record in sorted(records, key=lambda r: r.date):
        for clip in record.clips:
            by_slug.setdefault(clip.slug, []).append((record, clip))
    feeds = {}
    for slug, items in by_slug.items():
        name = items[-1][1].title
        path = f"{FEEDS_DIR}/{slug}.xml"
        fg = _channel(config, f"{config.title}: {name}", language.section_feed_description(name, config.title),
                      config.url(path), cover_url, section_guid(show_guid, slug) if show_guid else None)
        for record, clip in items:
            headlines = dict(record.headlines).get(clip.title, ())
            entry = fg.add_entry()
            guid = f"{record.guid}-{clip.slug}"
            entry.id(guid)
            entry.guid(guid, permalink=False)
            lead = f": {headlines[0]}" if headlines else ""
            entry.title(f"{clip.title}{lead} ({language.short_date(dt.date.fromisoformat(record.date))})")
            entry.description("<ul>" + "".join(f"<li>{html.escape(h)}</li>" for h in headlines) + "</ul>")
            entry.link(href=config.url(clip.file))
            entry.enclosure(config.url(clip.file), str(clip.length), "audio/mpeg")
            entry.pubDate(pub_date(config, record.date))
            entry.podcast.itunes_duration(int(round(clip.duration_s)))
            entry.podcast.itunes_episode_type("full")
        feeds[path] = _finish(fg, config, items[-1][0].date)
    return feeds
