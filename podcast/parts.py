"""The script cut into parts: the units that are mixed, levelled, encoded and cached on their own.

One part per segment (the intro, each section's lead-in, each story, the sign-off),
each a list of sentences with the pause after each. The episode and every section
clip are these parts' MP3s joined end to end, so nothing is encoded twice and an
edited story re-encodes only its own part.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass
from typing import Final, Literal

from .config import AudioSettings
from .models import Script, SegmentKind

FORMAT_VERSION: Final = "parts-3"
"""Bump when the mixing or encoding changes, so cached parts are made again."""

Jingle = Literal["", "theme", "stinger", "outro"]


@dataclass(frozen=True)
class Line:
    """One sentence and the silence after it."""

    spoken: str
    """What the engine says (verbalized: "two point five percent")."""
    pause_ms: int
    written: str = ""
    """The sentence as the digest wrote it: what captions show. Not part of the sound."""
    ends_paragraph: bool = False
    """The last sentence of a headline or paragraph: where the page's transcript starts a new paragraph."""


@dataclass(frozen=True)
class Part:
    kind: SegmentKind
    section: str | None
    voice: str
    """Voice profile name: the anchor for intro, section and outro, the reader for stories."""
    lines: tuple[Line, ...]
    pause_before_ms: int = 0
    lead: Jingle = ""
    """Jingle played before the speech."""
    tail: Jingle = ""
    """Jingle played after the speech."""
    bed: bool = False
    """Music bed under the speech."""


def plan_parts(script: Script, settings: AudioSettings, anchor: str, reader: str) -> tuple[Part, ...]:
    """Every segment as a part, with sentence, paragraph, story and section pauses."""
    parts = []
    for segment in script.segments:
        lines: list[Line] = []
        for paragraph in segment.paragraphs:
            lines += [Line(s.spoken, settings.pause_sentence_ms, s.written) for s in paragraph[:-1]]
            lines.append(Line(paragraph[-1].spoken, settings.pause_paragraph_ms, paragraph[-1].written, True))
        lines[-1] = Line(lines[-1].spoken, 0, lines[-1].written, True)
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
    for line in sound["lines"]:
        del line["written"], line["ends_paragraph"]  # for captions and the page: the audio is the same
        line["text"] = line.pop("spoken")  # the key's name from before the field was renamed: caches stay valid
    blob = json.dumps(
        [FORMAT_VERSION, sound, engine_key, asdict(settings), used, *([list(recipes)] if recipes else [])],
        sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(blob.encode()).hexdigest()
