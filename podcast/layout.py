"""Where a show keeps things: its folder, its settings, and the names of the files a build writes there.

Light on purpose (standard library only): `podcast build` answers "up to date"
without loading the audio stack.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from .config import CONFIG_FILE, ShowConfig, load_config
from .errors import InputError

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


