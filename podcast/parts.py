"""The script cut into parts: the units that are mixed, levelled, encoded and cached on their own.

One part per segment (the intro, each section's lead-in, each story, the sign-off),
each a list of sentences with the pause after each. The episode and every section
clip are these parts' MP3s joined end to end, so nothing is encoded twice and an
edited story re-encodes only its own part.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass, replace
from pathlib import Path
from typing import Final, Literal

from .config import AudioSettings
from .models import Script, SegmentKind, Sentence

FORMAT_VERSION: Final = "parts-3"
"""Bump when the mixing or encoding changes, so cached parts are made again."""

Jingle = Literal["", "theme", "stinger", "outro"]


@dataclass(frozen=True)
class Part:
    kind: SegmentKind
    section: str | None
    voice: str
    """Voice profile name: the anchor for intro, section and outro, the reader for stories."""
    sentences: tuple[Sentence, ...]
    pause_before_ms: int = 0
    lead: Jingle = ""
    """Jingle played before the speech."""
    tail: Jingle = ""
    """Jingle played after the speech."""
    bed: bool = False
    """Music bed under the speech."""


@dataclass(frozen=True)
class MixedPart:
    """A part mixed from its takes, levelled and encoded, kept in the show's cache: its MP3 frames and timings."""

    part: Part
    key: str
    """The content hash of everything that shapes its audio (part_key)."""
    mp3: Path
    duration_s: float
    spans: tuple[tuple[float, float], ...]
    """(start, end) of each sentence, in seconds from the start of the part's decoded audio."""
    opus: Path | None = None
    """Its Opus packets (sound.opus.part_packets), when the show publishes an Opus version."""


def plan_parts(script: Script, settings: AudioSettings, anchor: str, reader: str) -> tuple[Part, ...]:
    """Every segment as a part, with sentence, paragraph, story and section pauses."""
    parts = []
    for segment in script.segments:
        lines: list[Sentence] = []
        for paragraph in segment.paragraphs:
            lines += [replace(s, pause_ms=settings.pause_sentence_ms) for s in paragraph[:-1]]
            lines.append(replace(paragraph[-1], pause_ms=settings.pause_paragraph_ms, ends_paragraph=True))
        lines[-1] = replace(lines[-1], pause_ms=0, ends_paragraph=True)
        if segment.kind == "intro":
            part = Part("intro", None, anchor, tuple(lines), lead="theme", bed=True)
        elif segment.kind == "section":
            part = Part("section", segment.section, anchor, tuple(lines), settings.pause_section_ms, lead="stinger")
        elif segment.kind == "story":
            part = Part("story", segment.section, reader, tuple(lines), settings.pause_story_ms)
        else:
            part = Part("outro", None, anchor, tuple(lines), settings.pause_section_ms * 2, tail="outro")
        parts.append(part)
    return tuple(parts)


def part_key(part: Part, engine_key: str, settings: AudioSettings, jingles: dict[str, str],
             recipes: tuple[str, ...] = ()) -> str:
    """Content hash of everything that shapes the part's audio; `engine_key` names the engine, model and voice,
    and `recipes` each sentence's take when one is not the first (a repaired part is another part)."""
    used = {name: jingles[name] for name in (part.lead, part.tail, "bed" if part.bed else "") if name}
    sound = asdict(part)
    sound["lines"] = sound.pop("sentences")  # the keys' names from before the fields were renamed: caches stay valid
    for line in sound["lines"]:
        del line["written"], line["ends_paragraph"]  # for captions and the page: the audio is the same
        line["text"] = line.pop("spoken")
    blob = json.dumps(
        [FORMAT_VERSION, sound, engine_key, asdict(settings), used, *([list(recipes)] if recipes else [])],
        sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(blob.encode()).hexdigest()
