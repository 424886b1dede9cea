"""Where a show keeps things, what DATE means, and whether an episode is already up to date.

Light on purpose (standard library only): `podcast build` answers "up to date"
without loading the audio stack.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import json
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from . import __version__
from .config import CONFIG_FILE, ShowConfig, load_config
from .errors import InputError, PublishError
from .models import EpisodeRecord

EPISODES: Final = "episodes"
FEED_FILE: Final = "feed.xml"
FEEDS_DIR: Final = "feeds"
"""One feed per section: feeds/<slug>.xml."""
PAGE_FILE: Final = "index.html"
"""The show's page, and each episode's own page in its folder."""
RECORD_FILE: Final = "episode.json"
"""An episode's record in its folder: what the feeds and pages are made from."""
DIGEST_FILE: Final = "digest.txt"
"""An episode's digest in its folder: the build's input, kept when the episode is rebuilt or purged."""
EDITION_FILE: Final = "headlines.json"
"""The headlines edition's record in the episode's folder."""
HEADLINES_FEED: Final = "feed-headlines.xml"
"""The headlines edition's own feed."""
SEARCH_FILE: Final = "search.json"
"""The show page's search index: every published episode's caption cues."""
CONTENT_HASH_LENGTH: Final = 10
"""Hex digits of an audio file's SHA-256 in its published name: `episode-<hash>.mp3`."""
VERSIONED_AUDIO: Final = re.compile(rf"-[0-9a-f]{{{CONTENT_HASH_LENGTH}}}\.(mp3|opus)$")
"""A published audio file's name, which carries its content hash (`assemble.versioned` makes them)."""
LOCK_FILE: Final = ".podcast.lock"
BUILD_FORMAT: Final = "build-4"
"""Bump when what a build writes changes, so old episodes count as out of date."""


@dataclass(frozen=True)
class Show:
    """A show folder and its settings."""

    root: Path
    config: ShowConfig

    @classmethod
    def open(cls, root: Path) -> Show:
        return cls(root, load_config(root))

    def episode_dir(self, date: dt.date) -> Path:
        return self.root / EPISODES / date.isoformat()

    def digest_path(self, date: dt.date) -> Path:
        return self.episode_dir(date) / DIGEST_FILE


def find_show(explicit: Path | None, start: Path) -> Path:
    """The show folder: `explicit` (--show or $PODCAST_SHOW), else the nearest folder at or above `start` that
    holds podcast.toml, as git finds its repository. Never a folder without one: no show is made by accident."""
    if explicit is not None:
        if not (explicit / CONFIG_FILE).is_file():
            raise InputError(explicit, f"not a show folder (no {CONFIG_FILE}); "
                                       f"create one with `podcast init {explicit}`")
        return explicit.resolve()
    for folder in (start.resolve(), *start.resolve().parents):
        if (folder / CONFIG_FILE).is_file():
            return folder
    raise InputError(start, f"no show here or in any folder above (no {CONFIG_FILE}); create one with `podcast init`, "
                            "or name one with --show DIR")


def now(tz: dt.tzinfo) -> dt.datetime:
    """The current time in the show's zone; $PODCAST_NOW (ISO 8601) pins it, for tests and replays."""
    pinned = os.environ.get("PODCAST_NOW")
    if pinned:
        try:
            moment = dt.datetime.fromisoformat(pinned)
        except ValueError as exc:
            raise InputError("PODCAST_NOW", f"{pinned!r} is not an ISO 8601 date and time") from exc
        return (moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)).astimezone(tz)
    return dt.datetime.now(tz)


def parse_date(text: str, tz: dt.tzinfo = dt.UTC) -> dt.date:
    """A real calendar date written YYYY-MM-DD, or "today" / "yesterday" in the show's time zone."""
    if text in ("today", "yesterday"):
        return now(tz).date() - dt.timedelta(days=1 if text == "yesterday" else 0)
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        raise InputError(f"DATE {text!r}", "must be a date written YYYY-MM-DD, today or yesterday")
    try:
        return dt.date.fromisoformat(text)
    except ValueError as exc:
        raise InputError(f"DATE {text!r}", "is not a real calendar date") from exc


def build_inputs(show: Show, digest: Path, force: bool) -> dict[str, str]:
    """A hash of each thing a build reads, by name: the digest, settings, voices and lexicon, producer files."""
    def file_hash(path: Path) -> str:
        try:
            return hashlib.sha256(path.read_bytes()).hexdigest()[:16]
        except OSError:
            return "-"

    inputs = {"format": f"{BUILD_FORMAT}|{__version__}|force={force}", "digest.txt": file_hash(digest),
              CONFIG_FILE: settings_hash(show.config)}
    files = sorted((show.root / "voices").glob("*.toml"))
    files += [show.root / f for f in (show.config.artwork, *show.config.audio.jingle_files().values()) if f]
    files += [path for path in (show.root / "phrases.toml",) if path.exists()]  # the show's own phrases
    for path in files:
        name = path.relative_to(show.root).as_posix() if path.is_relative_to(show.root) else str(path)
        inputs[name] = file_hash(path)
    return inputs


WHERE_ONLY: Final = ("publish", "render", "notify")
"""Settings that say where files go, where parts are made and whom to tell: never what an episode is."""


ADDED_LATER: Final = ("domain",)
"""Settings added after episodes were built: unset, they leave the hash as it was (no show rebuilds for them)."""


def settings_hash(config: ShowConfig) -> str:
    """A hash of the show's settings as read, less those that only say where (so a new destination, cluster or
    webhook rebuilds nothing; a comment or a default written out changes nothing either)."""
    values = {key: value for key, value in dataclasses.asdict(config).items() if key not in WHERE_ONLY
              and not (key in ADDED_LATER and not value)}
    return hashlib.sha256(json.dumps(values, sort_keys=True, default=str).encode()).hexdigest()[:16]


def key_of(inputs: dict[str, str]) -> str:
    return hashlib.sha256(json.dumps(inputs, sort_keys=True).encode()).hexdigest()


def build_key(show: Show, digest: Path, force: bool) -> str:
    """Hash of everything a build reads (`build_inputs`)."""
    return key_of(build_inputs(show, digest, force))


def read_record(folder: Path) -> EpisodeRecord | None:
    """The episode record in `folder` (the one reader of episode.json); None when there is none; a damaged one is
    an error that names the file."""
    path = folder / RECORD_FILE
    try:
        text = path.read_text()
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise PublishError(f"{path}: damaged episode record: {exc}") from exc
    try:
        return EpisodeRecord.from_dict(json.loads(text))
    except (ValueError, KeyError, TypeError) as exc:
        raise PublishError(f"{path}: damaged episode record: {exc}") from exc


def published_record(show: Show, date: dt.date) -> EpisodeRecord | None:
    """The record published for DATE; None when there is none or it is damaged (a build replaces it)."""
    try:
        return read_record(show.episode_dir(date))
    except PublishError:
        return None


def read_feed(show: Show) -> bytes:
    """The published feed.xml as bytes (the one reader of it); empty when there is none yet."""
    try:
        return (show.root / FEED_FILE).read_bytes()
    except OSError:
        return b""


def rebuild_reason(record: EpisodeRecord | None, inputs: dict[str, str]) -> str:
    """Why the episode must be built: which inputs differ from those it was published from (for --verbose)."""
    if record is None:
        return "not published yet"
    before = record.inputs
    if not before:
        return "published by an earlier version"
    changed = [name for name in sorted(set(inputs) | set(before)) if inputs.get(name) != before.get(name)]
    return f"{', '.join(changed)} changed" if changed else "its published files are incomplete"


def is_current(show: Show, record: EpisodeRecord | None, key: str) -> bool:
    """Whether `record` was built from the inputs `key` hashes and its publication is whole."""
    if record is None or record.build_key != key:
        return False
    files = [(record.audio_file, record.length)] + [(c.file, c.length) for c in record.clips]
    try:
        if not all((show.root / f).stat().st_size == size for f, size in files):
            return False
    except OSError:
        return False
    # The feed is written last: if it lists this build's audio, the whole publication finished.
    return record.audio_file.encode() in read_feed(show)


def up_to_date(show: Show, date: dt.date, key: str) -> bool:
    """Whether the published episode was built from the inputs `key` hashes and is still whole."""
    return is_current(show, published_record(show, date), key)


def read_edition(folder: Path) -> EpisodeRecord | None:
    """The headlines edition's record in an episode folder; None when there is none or it cannot be read (the
    full episode publishes without it)."""
    try:
        return EpisodeRecord.from_dict(json.loads((folder / EDITION_FILE).read_text()))
    except (OSError, ValueError, KeyError, TypeError):
        return None
