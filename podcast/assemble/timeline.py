"""When everything is heard: chapters, the page's sentences and caption cues, from the parts' real durations."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass

from ..models import Chapter, Digest, SpokenSentence
from ..parts import Part
from .transcript import Cue, caption_cues


@dataclass(frozen=True)
class Timeline:
    """When everything is heard, from the parts' real durations."""

    chapters: tuple[Chapter, ...]
    """The opening, then one chapter per story; a section's first story starts with the section's lead-in."""
    sentences: tuple[SpokenSentence, ...]
    """Every sentence as written, with when it is spoken: the page's live transcript."""
    cues: list[Cue]
    """Caption cues of at most two lines."""


def timeline(parts: Sequence[Part], durations: Sequence[float], spans: Sequence[tuple[tuple[float, float], ...]],
             opening: str) -> Timeline:
    """The episode's chapters, sentences and cues; `spans` are each part's (start, end) per sentence, `opening`
    the first chapter's title (the intro's rundown)."""
    starts, at = [], 0.0
    for duration in durations:
        starts.append(at)
        at += duration
    marks: list[tuple[str, float, str]] = []  # (title, start, section)
    pending_section: float | None = None
    for part, start in zip(parts, starts, strict=True):
        if part.kind == "intro":
            marks.append((opening, 0.0, ""))
        elif part.kind == "section":
            pending_section = start
        elif part.kind == "story":
            title = part.sentences[0].written or part.sentences[0].spoken
            marks.append((title.rstrip("."), start if pending_section is None else pending_section,
                          part.section or ""))
            pending_section = None
    if marks:
        marks[0] = (marks[0][0], 0.0, marks[0][2])  # the first chapter always starts the episode
    chapters = tuple(
        Chapter(title, round(begin * 1000), round((marks[i + 1][1] if i + 1 < len(marks) else at) * 1000), section)
        for i, (title, begin, section) in enumerate(marks)
    )
    sentences, cues = [], []
    for part, part_spans, start in zip(parts, spans, starts, strict=True):
        for number, (line, (a, b)) in enumerate(zip(part.sentences, part_spans, strict=True)):
            text = line.written or line.spoken
            sentences.append(SpokenSentence(round(start + a, 3), round(start + b, 3), text, part.kind,
                                            part.section or "", headline=part.kind == "story" and number == 0,
                                            ends_paragraph=line.ends_paragraph))
            cues += caption_cues(start + a, start + b, text)
    return Timeline(chapters, tuple(sentences), cues)


def clip_chapters(chapters: tuple[Chapter, ...], section: str, clip_s: float) -> tuple[Chapter, ...]:
    """A section's story chapters, timed from the start of its clip."""
    own = [c for c in chapters if c.section == section]
    if not own:
        return ()
    offset, end = own[0].start_ms, round(clip_s * 1000)
    return tuple(Chapter(c.title, c.start_ms - offset, min(c.end_ms - offset, end), c.section) for c in own)


def with_links(chapters: tuple[Chapter, ...], digest: Digest) -> tuple[Chapter, ...]:
    """Each story's chapter with the story's source link, when the digest gives a web address."""
    links = {story.headline.rstrip("."): link for s in digest.sections for story in s.stories
             if (link := getattr(story, "link", "")).startswith(("https://", "http://"))}
    return tuple(dataclasses.replace(c, link=links.get(c.title, "")) if c.section else c for c in chapters)
