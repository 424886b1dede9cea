"""How the pages, feeds and `podcast list` write a time: "04:05", or "1:02:03" past the hour, for a point in an
episode; a length as the show's language writes one ("5 min 41 sec"), which no one reads as a time of day."""

from __future__ import annotations

from .. import cldr


def stamp(seconds: float) -> str:
    """Whole seconds as [h:]mm:ss, the way podcast apps print a chapter's start."""
    minutes, secs = divmod(int(seconds), 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes:02d}:{secs:02d}"


def length(seconds: float, language: str) -> str:
    """An episode's or a clip's length on the pages, rounded to the second as `podcast list` rounds it."""
    return cldr.duration(seconds, language)


def list_length(seconds: float) -> str:
    """The length `podcast list` prints: [h:]mm:ss, rounded to the second as the pages round it."""
    return stamp(round(seconds))
