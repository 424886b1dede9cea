"""Publishing: the episode folder swapped in, the feeds and pages regenerated, episodes removed and expired.

The public face of the stage. Everything published goes through a `Destination`
(destination.py): the show folder first, then any remote copy (mirror.py, for
`podcast build --publish`). Nothing outside this package writes under episodes/.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from contextlib import AbstractContextManager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..dates import now
from ..language import Language, language_for
from ..layout import EPISODES, FEED_FILE, FEEDS_DIR, HEADLINES_FEED, PAGE_FILE, SEARCH_FILE, Show
from ..models import EpisodeRecord, SpokenSentence
from ..records import read_edition
from ..report import Reporter
from . import episodes, feeds, pages, search
from .cover import ensure_cover, relative_cover
from .destination import Destination, ShowFolder, checkpoint
from .identity import show_identity
from .lock import holding

if TYPE_CHECKING:
    from .mirror import Mirror, Result

__all__ = ["Destination", "ShowFolder", "apply_retention", "ensure_cover", "holding", "publish_episode", "publish_feed",
           "mirrors", "publish_to", "remove", "show_identity", "staging", "sweep"]


def destinations(show: Show, copies: Sequence[Destination] = ()) -> list[Destination]:
    """Where this show's files go, in order: the show folder first (it is what the others mirror), then remote
    copies (`mirrors`, for `podcast build --publish`)."""
    return [ShowFolder(show), *copies]


def mirrors(show: Show, report: Reporter) -> list[Mirror]:
    """The remote copy `[show.publish] to` names, for `podcast build --publish` (a ConfigError when none)."""
    from .mirror import mirrors as remote_copies  # fsspec and the network stack only when a copy is made

    return remote_copies(show, report)


def publish_to(show: Show, to: str = "", **options: Any) -> Result:
    """`podcast publish`: copy what the show folder publishes to `to` (default: [show.publish] to)."""
    from .mirror import publish_to as copy

    return copy(show, to, **options)


def staging(show: Show, date: dt.date) -> AbstractContextManager[Path]:
    """An empty folder to assemble DATE's episode in, beside the published ones; removed afterwards."""
    return ShowFolder(show).staging(date.isoformat())


def sweep(show: Show) -> None:
    """Remove what killed builds left behind; only called while holding the show's lock."""
    ShowFolder(show).sweep()


def publish_episode(show: Show, work: Path, record: EpisodeRecord, sentences: tuple[SpokenSentence, ...],
                    cover: Path, previous: EpisodeRecord | None, edition: EpisodeRecord | None, language: Language,
                    copies: Sequence[Destination] = ()) -> None:
    """Add the episode's page to its finished folder and swap the folder in; `previous` is the record it
    replaces, `edition` the headlines edition's record beside it (None without one). Its audio (and its Opus file
    and headlines edition) stays one build longer, for apps mid-download, when the feeds point at it (not when the
    episode was removed or expired)."""
    (work / PAGE_FILE).write_text(pages.episode_page(show.config, record, sentences, relative_cover(show, cover),
                                                     edition, language))
    fed = previous is not None and episodes.in_feeds(show, dt.date.fromisoformat(previous.date))
    keep = {previous.audio_file, previous.opus_file, *(clip.file for clip in previous.clips)} if previous and fed \
        else set()
    previous_edition = read_edition(show.root / EPISODES / record.date) if fed else None
    keep |= {previous_edition.audio_file} if previous_edition else set()
    keep.discard("")  # a previous build without an Opus file
    local, *others = destinations(show, copies)
    local.put_episode(record.date, work, keep)  # `work` now holds the previous version
    for other in others:  # they copy what the show folder publishes
        other.put_episode(record.date, show.root / EPISODES / record.date, keep)


def publish_feed(show: Show, copies: Sequence[Destination] = (), cover: Path | None = None,
                 language: Language | None = None) -> Path:
    """Regenerate feed.xml, the section feeds, the headlines edition's feed, index.html and its search index
    from all episode records; a build passes the cover and the language it already holds."""
    config = show.config
    cover_rel = relative_cover(show, cover or ensure_cover(show))
    records = episodes.published_records(show)
    guid = show_identity(show).podcast_guid
    language = language or language_for(config.language, show.root)
    sections = feeds.section_feeds(show.config, records, show.config.url(cover_rel), guid, language)
    stale = sorted(f"{FEEDS_DIR}/{path.name}" for path in (show.root / FEEDS_DIR).glob("*.xml"))
    editions = {}
    if config.headlines_edition:  # turned off: its feed goes, and the page no longer offers it
        editions = {r.date: e for r in records if (e := read_edition(show.root / EPISODES / r.date))}
    short_feed = feeds.build_feed(
        config, list(editions.values()), config.url(cover_rel), feeds.section_guid(guid, "headlines"),
        path=HEADLINES_FEED, title=language.headlines_feed_title(config.title),
        description=language.headlines_feed_description(config.title)) if editions else None
    index = search.build_index(show.root, records)
    had_short_feed = (show.root / HEADLINES_FEED).exists()
    for destination in destinations(show, copies):
        for relative, xml in sections.items():
            destination.put_file(relative, xml)
        checkpoint("after-section-feeds")
        for relative in stale:
            if relative not in sections:
                destination.delete(relative)
        if short_feed is not None:
            destination.put_file(HEADLINES_FEED, short_feed)
        elif had_short_feed:
            destination.delete(HEADLINES_FEED)
        destination.put_file(SEARCH_FILE, index)
        destination.put_file(PAGE_FILE, pages.show_page(show.config, records, cover_rel, editions, language).encode())
        destination.put_file(FEED_FILE, feeds.build_feed(show.config, records, show.config.url(cover_rel), guid))
    return show.root / FEED_FILE


def remove(show: Show, date: dt.date, purge: bool, report: Reporter, lock_timeout_s: float) -> episodes.EpisodeState:
    """Take an episode out of the feeds and the page (each file replaced atomically); `purge` deletes its files."""
    with holding(show, lock_timeout_s, report):
        state = episodes.unpublish(show, date, purge)
        publish_feed(show)
    report.say(f"removed {EPISODES}/{date.isoformat()} from the feeds" + (" and deleted its files" if purge else ""))
    return state


def apply_retention(show: Show, report: Reporter, built: dt.date | None = None) -> str:
    """keep_episodes / keep_days: older episodes leave the feeds (and, with prune_audio, lose their files).

    Returns why the episode just `built` left the feeds too ("" when it stays): the build then
    says so instead of "published".
    """
    config = show.config
    if not (config.keep_episodes or config.keep_days):
        return ""
    today = now(config.tz).date()
    reasons = episodes.expiry_reasons(episodes.published_records(show), config.keep_episodes, config.keep_days,
                                      today)
    own = built.isoformat() if built else ""
    for date in sorted(reasons):
        episodes.unpublish(show, dt.date.fromisoformat(date), config.prune_audio)
        if date != own:
            report.say(f"expired {EPISODES}/{date} from the feeds" + (" and deleted its files" * config.prune_audio))
    why = reasons.get(own, "")
    return why + ("; its files were deleted (prune_audio = true)" if why and config.prune_audio else "")
