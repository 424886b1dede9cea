"""Transcripts (WebVTT, SubRip) and Podcasting 2.0 JSON chapters, from the rendered timings."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Final

from ..models import Chapter

LINE_CHARS: Final = 42
"""Characters per caption line; a cue holds at most two lines."""


@dataclass(frozen=True)
class Cue:
    start_s: float
    end_s: float
    text: str


def _wrap(words: list[str]) -> list[str]:
    lines: list[str] = []
    for word in words:
        if lines and len(lines[-1]) + 1 + len(word) <= LINE_CHARS:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return lines


def caption_cues(start_s: float, end_s: float, sentence: str) -> list[Cue]:
    """One sentence as cues of at most two lines, timed in proportion to their characters."""
    lines = _wrap(sentence.split())
    blocks = ["\n".join(lines[i : i + 2]) for i in range(0, len(lines), 2)]
    total = sum(len(b) for b in blocks) or 1
    cues, at = [], start_s
    for block in blocks:
        length = (end_s - start_s) * len(block) / total
        cues.append(Cue(at, at + length, block))
        at += length
    return cues


def _stamp(seconds: float, separator: str) -> str:
    ms = max(0, round(seconds * 1000))
    hours, rest = divmod(ms, 3_600_000)
    minutes, rest = divmod(rest, 60_000)
    secs, millis = divmod(rest, 1000)
    return f"{hours:02d}:{minutes:02d}:{secs:02d}{separator}{millis:03d}"


def to_vtt(cues: list[Cue]) -> str:
    blocks = [f"{_stamp(c.start_s, '.')} --> {_stamp(c.end_s, '.')}\n{c.text}" for c in cues]
    return "WEBVTT\n\n" + "\n\n".join(blocks) + "\n"


def to_srt(cues: list[Cue]) -> str:
    blocks = [f"{i}\n{_stamp(c.start_s, ',')} --> {_stamp(c.end_s, ',')}\n{c.text}" for i, c in enumerate(cues, 1)]
    return "\n\n".join(blocks) + "\n"


def to_chapters_json(chapters: tuple[Chapter, ...], title: str) -> str:
    """Podcasting 2.0 JSON chapters, version 1.2.0: one per story, titled by its headline, with its source as
    "url" when the digest gives one; "section" (an extra field apps ignore) names the section it is under."""
    data = {
        "version": "1.2.0",
        "title": title,
        "chapters": [
            {"startTime": round(c.start_ms / 1000, 3), "endTime": round(c.end_ms / 1000, 3), "title": c.title}
            | ({"section": c.section} if c.section else {})
            | ({"url": c.link} if c.link else {})
            for c in chapters
        ],
    }
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"
