"""The show's identity: the channel guid and the episode guid prefix, fixed the first time it publishes."""

from __future__ import annotations

import json
import os
import re
import urllib.parse
import uuid
from dataclasses import dataclass
from typing import Final

from ..digest import slugify
from ..errors import InputError
from ..layout import FEED_FILE, Show
from ..records import read_feed
from .feeds import podcast_guid

IDENTITY_FILE: Final = ".podcast-show.json"
"""The show's identity, fixed at first publication: keep it with the show (back it up, move it with it)."""
_LOCAL_HOSTS: Final = ("localhost", "127.0.0.1", "::1", "0.0.0.0", "")


@dataclass(frozen=True)
class Identity:
    """What podcast apps know the show by; never recomputed once published, whatever is renamed or moved."""

    podcast_guid: str
    """The channel's Podcasting 2.0 guid."""
    item_prefix: str
    """New episodes' guids are PREFIX-DATE (the show title's slug at first publication)."""


def load_identity(show: Show) -> Identity | None:
    """The identity saved at first publication; None before it."""
    try:
        data = json.loads((show.root / IDENTITY_FILE).read_text())
        return Identity(str(data["podcast_guid"]), str(data["item_prefix"]))
    except FileNotFoundError:
        return None
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise InputError(show.root / IDENTITY_FILE, f"damaged show identity: {exc}") from exc


def save_identity(show: Show, identity: Identity) -> None:
    """Keep the identity with the show, replaced in one step."""
    path = show.root / IDENTITY_FILE
    partial = path.with_name(f".{path.name}.part")
    partial.write_text(json.dumps({"podcast_guid": identity.podcast_guid, "item_prefix": identity.item_prefix},
                                  indent=2) + "\n")
    os.replace(partial, path)


def show_identity(show: Show) -> Identity:
    """The show's identity, fixed the first time it publishes.

    The channel guid is the Podcasting 2.0 UUIDv5 of the feed URL, or of the one a
    feed already published carries; a show still on a local address gets a random
    UUID, so that two shows never share one.
    """
    identity = load_identity(show)
    if identity is not None:
        return identity
    published = re.search(rb"<podcast:guid>([0-9a-f-]{36})</podcast:guid>", read_feed(show))
    feed_url = show.config.url(FEED_FILE)
    if published:
        guid = published.group(1).decode()
    elif (urllib.parse.urlsplit(feed_url).hostname or "") in _LOCAL_HOSTS:
        guid = str(uuid.uuid4())
    else:
        guid = podcast_guid(feed_url)
    identity = Identity(guid, slugify(show.config.title))
    save_identity(show, identity)
    return identity
