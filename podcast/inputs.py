"""What a build reads, hashed: whether an episode is already up to date, and why it is built again."""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import json
from pathlib import Path
from typing import Final

from . import __version__
from .config import CONFIG_FILE, ShowConfig
from .layout import Show
from .models import EpisodeRecord
from .records import published_record, read_feed

BUILD_FORMAT: Final = "build-4"
"""Bump when what a build writes changes, so old episodes count as out of date."""


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
