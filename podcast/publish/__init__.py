"""Publishing: the episode folder swapped in, the feeds and pages regenerated, episodes removed and expired.

The public face of the stage. Everything published goes through a `Destination`
(destination.py); the show folder is the first and, today, the only one. Nothing
outside this package writes under episodes/.
"""

from __future__ import annotations

import datetime as dt
from contextlib import AbstractContextManager
from pathlib import Path

from ..language import language_for
from ..layout import EPISODES, FEED_FILE, FEEDS_DIR, PAGE_FILE, Show, now
from ..models import EpisodeRecord, SpokenSentence
from ..report import Reporter
from . import episodes, feeds, pages
from .cover import ensure_cover, relative_cover
from .destination import Destination, ShowFolder, checkpoint
from .identity import show_identity
from .lock import holding

__all__ = ["Destination", "ShowFolder", "apply_retention", "ensure_cover", "holding", "publish_episode", "publish_feed",
           "remove", "show_identity", "staging", "sweep"]


def destinations(show: Show) -> list[Destination]:
    """Where this show's files go, in order: the show folder first (it is what the others mirror)."""
    return [ShowFolder(show)]


def staging(show: Show, date: dt.date) -> AbstractContextManager[Path]:
    """An empty folder to assemble DATE's episode in, beside the published ones; removed afterwards."""
    return ShowFolder(show).staging(date.isoformat())


def sweep(show: Show) -> None:
    """Remove what killed builds left behind; only called while holding the show's lock."""
    ShowFolder(show).sweep()


def publish_episode(show: Show, work: Path, record: EpisodeRecord, sentences: tuple[SpokenSentence, ...],
                    cover: Path, previous: EpisodeRecord | None) -> None:
    """Add the episode's page to its finished folder and swap the folder in; `previous` is the record it
    replaces (its audio stays one build longer, for apps mid-download)."""
    language = language_for(show.config.language, show.root)
    (work / PAGE_FILE).write_text(pages.episode_page(show.config, record, sentences, relative_cover(show, cover),
                                                     language))
    keep = {previous.audio_file, *(clip.file for clip in previous.clips)} if previous else set()
    local, *mirrors = destinations(show)
    local.put_episode(record.date, work, keep)  # `work` now holds the previous version
    for mirror in mirrors:  # they copy what the show folder publishes
        mirror.put_episode(record.date, show.root / EPISODES / record.date, keep)


def publish_feed(show: Show) -> Path:
    """Regenerate feed.xml, the section feeds and index.html from all episode records."""
    cover_rel = relative_cover(show, ensure_cover(show))
    records = episodes.published_records(show)
    guid = show_identity(show).podcast_guid
    language = language_for(show.config.language, show.root)
    sections = feeds.section_feeds(show.config, records, show.config.url(cover_rel), guid, language)
    stale = sorted(f"{FEEDS_DIR}/{path.name}" for path in (show.root / FEEDS_DIR).glob("*.xml"))
    for destination in destinations(show):
        for relative, xml in sections.items():
            destination.put_file(relative, xml)
        checkpoint("after-section-feeds")
        for relative in stale:
            if relative not in sections:
                destination.delete(relative)
        destination.put_file(PAGE_FILE, pages.show_page(show.config, records, cover_rel, language).encode())
        destination.put_file(FEED_FILE, feeds.build_feed(show.config, records, show.config.url(cover_rel), guid))
    return show.root / FEED_FILE


def remove(show: Show, date: dt.date, purge: bool, report: Reporter, lock_timeout_s: float) -> episodes.EpisodeState:
    """Take an episode out of the feeds and the page (each file replaced atomically); `purge` deletes its files."""
    with holding(show, lock_timeout_s, report):
        state = episodes.unpublish(show, date, purge)
        publish_feed(show)
    report.say(f"removed {EPISODES}/{date.isoformat()} from the feeds" + (" and deleted its files" if purge else ""))
    return state


def apply_retention(show: Show, report: Reporter) -> None:
    """keep_episodes / keep_days: older episodes leave the feeds (and, with prune_audio, lose their files)."""
    config = show.config
    if not (config.keep_episodes or config.keep_days):
        return
    today = now(config.tz).date()
    for date in episodes.expired(episodes.published_records(show), config.keep_episodes, config.keep_days, today):
        episodes.unpublish(show, dt.date.fromisoformat(date), config.prune_audio)
        report.say(f"expired {EPISODES}/{date} from the feeds" + (" and deleted its files" * config.prune_audio))
