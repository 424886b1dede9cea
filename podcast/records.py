"""The one reader of each record a build writes: an episode's episode.json and headlines.json, and feed.xml."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from .errors import PublishError
from .layout import EDITION_FILE, FEED_FILE, RECORD_FILE, Show
from .models import EpisodeRecord


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


def read_edition(folder: Path) -> EpisodeRecord | None:
    """The headlines edition's record in an episode folder; None when there is none or it cannot be read (the
    full episode publishes without it)."""
    try:
        return EpisodeRecord.from_dict(json.loads((folder / EDITION_FILE).read_text()))
    except (OSError, ValueError, KeyError, TypeError):
        return None
