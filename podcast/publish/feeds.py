"""The show's RSS 2.0 feed with iTunes tags, regenerated from the per-episode records."""

from __future__ import annotations

import datetime as dt
import html
import uuid
from dataclasses import dataclass
from typing import Any, Final

from feedgen.ext.base import BaseEntryExtension, BaseExtension
from feedgen.feed import FeedGenerator
from lxml import etree

from ..config import ShowConfig
from ..language import Language, language_for
from ..layout import FEED_FILE, FEEDS_DIR
from ..models import Chapter, EpisodeRecord, SectionClip
from .times import stamp

ITUNES_NS: Final = "http://www.itunes.com/dtds/podcast-1.0.dtd"
PODCAST_NS: Final = "https://podcastindex.org/namespace/1.0"
PSC_NS: Final = "http://podlove.org/simple-chapters"
"""Podlove Simple Chapters: read by gPodder (whose parser misses the podcast: chapters), AntennaPod, web players."""
ATOM_NS: Final = "http://www.w3.org/2005/Atom"
PODCAST_GUID_NAMESPACE: Final = uuid.UUID("ead4c236-bf58-58c6-a2c6-a6b28d128cb6")


def podcast_guid(feed_url: str) -> str:
    """Podcasting 2.0 channel guid: UUIDv5 of the feed URL without scheme or trailing slashes."""
    bare = feed_url.split("://", 1)[-1].rstrip("/")
    return str(uuid.uuid5(PODCAST_GUID_NAMESPACE, bare))


def _podcast(parent: Any, tag: str, text: str = "", **attributes: str) -> Any:
    element = etree.SubElement(parent, f"{{{PODCAST_NS}}}{tag}", attributes)
    if text:
        element.text = text
    return element


class ShowExtension(BaseExtension):
    """Channel tags feedgen cannot write: itunes:explicit true/false, the Podcasting 2.0 tags apps read (guid,
    locked, person, funding, txt; each optional one only when its setting is not empty), the WebSub hub."""

    def __init__(self) -> None:
        self.explicit = False
        self.guid = ""
        self.locked = False
        self.owner = ""
        self.people: list[tuple[str, str, str]] = []
        """(name, role, group) in the Podcasting 2.0 person taxonomy."""
        self.funding: tuple[str, str] | None = None
        """(url, the line shown with it)."""
        self.apple_verification = ""
        self.hub = ""
        """A WebSub hub's URL: apps that subscribe there hear of a new episode at once instead of polling."""

    def extend_ns(self) -> dict[str, str]:
        return {"podcast": PODCAST_NS, "itunes": ITUNES_NS, "psc": PSC_NS}

    def extend_rss(self, feed: Any) -> Any:
        channel = feed[0]
        explicit = etree.SubElement(channel, f"{{{ITUNES_NS}}}explicit")
        explicit.text = "true" if self.explicit else "false"
        if self.guid:
            _podcast(channel, "guid", self.guid)
        _podcast(channel, "locked", "yes" if self.locked else "no", **({"owner": self.owner} if self.owner else {}))
        for name, role, group in self.people:
            _podcast(channel, "person", name, role=role, group=group)
        if self.funding:
            _podcast(channel, "funding", self.funding[1], url=self.funding[0])
        if self.apple_verification:
            _podcast(channel, "txt", self.apple_verification, purpose="applepodcastsverify")
        if self.hub:
            etree.SubElement(channel, f"{{{ATOM_NS}}}link", href=self.hub, rel="hub")
        return feed


@dataclass(frozen=True)
class AlternateEnclosure:
    """One more file of the same episode (podcast:alternateEnclosure)."""

    url: str
    mime: str
    length: int
    bitrate: int
    """Bits per second."""
    title: str
    default: bool = False


class ShowEntryExtension(BaseEntryExtension):
    """Item tags feedgen cannot write: podcast:transcript, chapters, soundbite and alternateEnclosure, and
    Podlove Simple Chapters."""

    def __init__(self) -> None:
        self.transcripts: list[tuple[str, str, str]] = []
        """(url, MIME type, rel); podcastparser keeps the last, so the preferred one goes last."""
        self.chapters_url = ""
        self.chapters: tuple[Chapter, ...] = ()
        """Written as psc:chapters, each with its story's source link when known."""
        self.soundbite: tuple[float, float, str] | None = None
        """(start, duration in seconds, title)."""
        self.alternates: list[AlternateEnclosure] = []

    def extend_ns(self) -> dict[str, str]:
        return {"podcast": PODCAST_NS, "psc": PSC_NS}

    def extend_rss(self, item: Any) -> Any:
        for url, mime, rel in self.transcripts:
            _podcast(item, "transcript", url=url, type=mime, **({"rel": rel} if rel else {}))
        if self.chapters_url:
            _podcast(item, "chapters", url=self.chapters_url, type="application/json+chapters")
        if self.soundbite:
            start, duration, title = self.soundbite
            _podcast(item, "soundbite", title, startTime=f"{start:.3f}", duration=f"{duration:.3f}")
        for alternate in self.alternates:
            enclosure = _podcast(item, "alternateEnclosure", type=alternate.mime, length=str(alternate.length),
                                 bitrate=str(alternate.bitrate), title=alternate.title,
                                 **({"default": "true"} if alternate.default else {}))
            _podcast(enclosure, "source", uri=alternate.url)
        if self.chapters:
            chapters = etree.SubElement(item, f"{{{PSC_NS}}}chapters", version="1.2")
            for chapter in self.chapters:
                etree.SubElement(chapters, f"{{{PSC_NS}}}chapter", start=_npt(chapter.start_ms), title=chapter.title,
                                 **({"href": chapter.link} if chapter.link else {}))
        return item


def _npt(ms: int) -> str:
    """Normal Play Time, as Podlove Simple Chapters write it: HH:MM:SS.mmm."""
    seconds, millis = divmod(ms, 1000)
    minutes, seconds = divmod(seconds, 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours:02d}:{minutes:02d}:{seconds:02d}.{millis:03d}"


SOUNDBITE_S: Final = (15.0, 60.0)
"""The shortest and longest soundbite: the spec asks for 15 to 120 seconds; a minute of the lead story."""


def soundbite(record: EpisodeRecord) -> tuple[float, float, str] | None:
    """The lead story as a soundbite: its first minute, or all of it when shorter (never under 15 s)."""
    lead = next((c for c in record.chapters if c.section), None)
    if lead is None:
        return None
    start = lead.start_ms / 1000
    length = min(max((lead.end_ms - lead.start_ms) / 1000, SOUNDBITE_S[0]), SOUNDBITE_S[1],
                 record.duration_s - start)
    return (start, length, lead.title) if length > 0 else None


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
    fg.show.locked = config.locked
    fg.show.owner = config.email
    fg.show.people = [(name, role, group) for name, role, group in
                      ((config.host, "host", "cast"), (config.editor, "editor", "writing")) if name]
    fg.show.funding = (config.funding_url, config.funding_text or config.funding_url) if config.funding_url else None
    fg.show.apple_verification = config.apple_verification
    fg.show.hub = config.publish.websub_hub
    return fg


def _finish(fg: FeedGenerator, config: ShowConfig, newest: str | None) -> bytes:
    """Date the feed by its newest episode, never by the clock: the same episodes give the same bytes."""
    fg.lastBuildDate(pub_date(config, newest) if newest else dt.datetime(2000, 1, 1, tzinfo=dt.UTC))
    xml: bytes = fg.rss_str(pretty=True, xml_declaration=True, encoding="UTF-8")
    return xml


def build_feed(config: ShowConfig, records: list[EpisodeRecord], cover_url: str, show_guid: str | None = None,
               *, path: str = FEED_FILE, title: str = "", description: str = "") -> bytes:
    """The show's feed XML, newest first; `show_guid` is the frozen podcast:guid (None: from the feed URL).
    `path`, `title` and `description` make another feed of the same show (the headlines edition's)."""
    fg = _channel(config, title or config.title, description or config.description, config.url(path), cover_url,
                  show_guid)
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
        entry.show.chapters = record.chapters
        entry.show.soundbite = soundbite(record)
        if record.opus_file:
            entry.show.alternates = [
                AlternateEnclosure(config.url(record.audio_file), "audio/mpeg", record.length,
                                   int(config.audio.bitrate.removesuffix("k")) * 1000, "MP3",
                                   default=True),
                AlternateEnclosure(config.url(record.opus_file), "audio/opus", record.opus_length,
                                   record.opus_kbps * 1000, "Small file (Opus)")]
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
