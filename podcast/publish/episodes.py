"""A show's episodes as a producer manages them: their states, unpublishing, purging, and retention.

An episode folder holds its record (episode.json) once built. Two markers, dotfiles
that are never served, carry its state: `.unpublished` (taken out of the feeds by
`podcast remove` or retention) and `.build-failed` (the last build's error).
"""

from __future__ import annotations

import datetime as dt
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from ..errors import InputError
from ..layout import EPISODES, Show
from ..models import EpisodeRecord
from ..records import read_record
from .times import list_length

COLUMNS: Final = ("date", "state", "length", "size", "sections", "title")
UNPUBLISHED: Final = ".unpublished"
FAILED: Final = ".build-failed"
KEPT_ON_PURGE: Final = ("digest.txt", UNPUBLISHED)


@dataclass(frozen=True)
class EpisodeState:
    date: str
    state: str
    """"published", "unpublished", "failed" (never published: its last build failed), or "not built"."""
    record: EpisodeRecord | None
    error: str = ""
    """The last build's error, when it failed (a published episode keeps its previous version)."""
    purged: bool = False

    def columns(self) -> tuple[str, ...]:
        """The row `podcast list` prints (see COLUMNS)."""
        record = self.record
        state = self.state + (" (purged)" if self.purged else "")
        if self.error and self.state == "published":
            state += " (last build failed)"
        if record is None:
            return self.date, state, "-", "-", "-", self.error[:80]
        return (self.date, state, list_length(record.duration_s), f"{record.length / 1e6:.1f} MB",
                str(len(record.clips)), record.title)

    def to_dict(self) -> dict[str, object]:
        record = self.record
        return {
            "date": self.date,
            "state": self.state,
            "title": record.title if record else "",
            "duration_s": round(record.duration_s, 1) if record else None,
            "size_bytes": record.length if record else None,
            "sections": [clip.title for clip in record.clips] if record else [],
            "last_error": self.error,
            "purged": self.purged,
        }


def folders(show: Show) -> list[Path]:
    """Every episode folder, by date (not unfinished builds' hidden folders)."""
    root = show.root / EPISODES
    return sorted(p for p in root.iterdir() if p.is_dir() and not p.name.startswith(".")) if root.exists() else []


def states(show: Show) -> list[EpisodeState]:
    out = []
    for folder in folders(show):
        record = read_record(folder)
        failed = (folder / FAILED).read_text().strip() if (folder / FAILED).exists() else ""
        if (folder / UNPUBLISHED).exists():
            state = "unpublished"
        elif record is not None:
            state = "published"
        else:
            state = "failed" if failed else "not built"
        purged = state == "unpublished" and record is None
        out.append(EpisodeState(folder.name, state, record, failed, purged))
    return out


def published_records(show: Show) -> list[EpisodeRecord]:
    """The records the feeds list: built and not unpublished."""
    return [s.record for s in states(show) if s.state == "published" and s.record is not None]


def note_failure(show: Show, date: dt.date, message: str) -> None:
    folder = show.episode_dir(date)
    folder.mkdir(parents=True, exist_ok=True)
    (folder / FAILED).write_text(message + "\n")


def clear_failure(show: Show, date: dt.date) -> None:
    (show.episode_dir(date) / FAILED).unlink(missing_ok=True)


def unpublish(show: Show, date: dt.date, purge: bool) -> EpisodeState:
    """Mark the episode unpublished (the caller regenerates the feeds); with `purge`, delete its files too."""
    folder = show.episode_dir(date)
    record = read_record(folder) if folder.is_dir() else None
    if record is None and not (folder / UNPUBLISHED).exists():
        raise InputError(f"DATE {date.isoformat()}", "no episode built for this date; `podcast list` shows them")
    (folder / UNPUBLISHED).write_text(f"unpublished {dt.datetime.now(dt.UTC).isoformat(timespec='seconds')}\n")
    if purge:
        for path in sorted(folder.iterdir()):
            if path.name in KEPT_ON_PURGE:
                continue
            if path.is_dir():
                shutil.rmtree(path)
            else:
                path.unlink()
    return EpisodeState(date.isoformat(), "unpublished", None if purge else record, purged=purge)


def expiry_reasons(records: list[EpisodeRecord], keep_episodes: int, keep_days: int,
                   today: dt.date) -> dict[str, str]:
    """Each published date retention takes out of the feeds (0 keeps all), with why, as a producer reads it."""
    newest_first = sorted(records, key=lambda r: r.date, reverse=True)
    drop: dict[str, str] = {}
    if keep_days:
        cutoff = (today - dt.timedelta(days=keep_days)).isoformat()
        drop |= {r.date: f"older than {keep_days} days (keep_days = {keep_days})"
                 for r in newest_first if r.date < cutoff}
    if keep_episodes:
        drop |= {r.date: f"older than the newest {keep_episodes} kept (keep_episodes = {keep_episodes})"
                 for r in newest_first[keep_episodes:]}
    return drop


def in_feeds(show: Show, date: dt.date) -> bool:
    """Whether the episode is built and not unpublished (by `podcast remove` or retention)."""
    folder = show.episode_dir(date)
    return (folder / "episode.json").exists() and not (folder / UNPUBLISHED).exists()
