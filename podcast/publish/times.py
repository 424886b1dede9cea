"""How the pages, feeds and `podcast list` write a time: "04:05", or "1:02:03" past the hour."""

from __future__ import annotations


def stamp(seconds: float) -> str:
    """Whole seconds as [h:]mm:ss, the way podcast apps print a chapter's start."""
    minutes, secs = divmod(int(seconds), 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes:02d}:{secs:02d}"
