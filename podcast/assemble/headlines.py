"""The headlines edition: a short episode from the same build, with the greeting, each story's headline and
first sentence, a sign-off and the show's jingles.

Its sentences are the full episode's own, spoken by the same voices, so the speech
engine's cache already holds them: only the two transitions (the language's opener
and closer) are new speech. Its parts are mixed, levelled and encoded like the full
episode's and joined the same way. When the stories are too many for MAX_S, the last
stories lose their first sentence, then (only on very long days) whole stories go
from the end.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Final

from ..config import AudioSettings
from ..language import Language
from ..layout import EDITION_FILE
from ..models import EpisodeRecord, Script, Segment, Sentence
from ..parts import MixedPart, Part
from ..sound.mp3 import join_mp3
from . import transcript, versioned
from .tags import write_tags
from .timeline import timeline

MAX_S: Final = 210.0
"""The edition's longest length: three and a half minutes."""
TARGET_S: Final = 200.0
"""What the plan aims under, so that the encoder's rounding never takes it past MAX_S."""
FILE: Final = "headlines.mp3"


@dataclass(frozen=True)
class Plan:
    """How much of the day goes in: stories in play order; the first `with_first` keep their first sentence."""

    stories: int
    with_first: int


def _line(sentence: Sentence, pause_ms: int, ends: bool = True) -> Sentence:
    return replace(sentence, pause_ms=pause_ms, ends_paragraph=ends)


def _said(text: str) -> Sentence:
    return Sentence(text, text)


def own_sentences(language: Language) -> tuple[str, str]:
    """What the edition says that the episode does not: its opener and its closer."""
    return language.headlines_opener(), language.headlines_closer()


def story_segments(script: Script) -> list[Segment]:
    """The full episode's stories, in play order."""
    return [s for s in script.segments if s.kind == "story" and s.paragraphs]


def plan_parts(script: Script, language: Language, settings: AudioSettings, anchor: str, reader: str,
               plan: Plan) -> tuple[Part, ...]:
    """The edition's parts: greeting and opener over the theme, one part per story (a stinger before each
    section's first), the closer and the show's thanks before the outro jingle."""
    intro = next(s for s in script.segments if s.kind == "intro")
    outro = next(s for s in script.segments if s.kind == "outro")
    greeting = [_line(s, settings.pause_sentence_ms, False) for s in intro.paragraphs[0]]
    opener, closer = own_sentences(language)
    parts = [Part("intro", None, anchor, (*greeting, _line(_said(opener), 0)), lead="theme", bed=True)]
    section: str | None = None
    for number, segment in enumerate(story_segments(script)[: plan.stories]):
        headline = segment.paragraphs[0][0]
        first = segment.paragraphs[1][0] if len(segment.paragraphs) > 1 and number < plan.with_first else None
        lines = [_line(headline, settings.pause_paragraph_ms if first else 0)]
        if first is not None:
            lines.append(_line(first, 0))
        new_section = segment.section != section
        section = segment.section
        parts.append(Part("story", segment.section, reader, tuple(lines),
                          settings.pause_section_ms if new_section else settings.pause_story_ms,
                          lead="stinger" if new_section else ""))
    thanks = outro.paragraphs[-1][-1]  # the show's own last words
    parts.append(Part("outro", None, anchor, (_line(_said(closer), settings.pause_sentence_ms, False),
                                              _line(thanks, 0)),
                      settings.pause_section_ms * 2, tail="outro"))
    return tuple(parts)


MakeParts = Callable[[tuple[Part, ...]], Sequence[MixedPart]]


def make(script: Script, language: Language, settings: AudioSettings, anchor: str, reader: str,
         make_parts: MakeParts) -> Sequence[MixedPart]:
    """The edition's parts, made (by `make_parts`, the build's own machinery and caches) within MAX_S."""
    total = len(story_segments(script))
    plan = Plan(total, total)
    while True:
        made = make_parts(plan_parts(script, language, settings, anchor, reader, plan))
        length = sum(m.duration_s for m in made)
        if length <= TARGET_S or plan.stories <= 1:
            return made
        plan = _shorter(plan, length - TARGET_S, made)


def _shorter(plan: Plan, over_s: float, made: Sequence[MixedPart]) -> Plan:
    """A plan about `over_s` shorter: first sentences go from the last stories back, then whole stories."""
    stories = [m for m in made if m.part.kind == "story"]
    with_first, saved = plan.with_first, 0.0
    while with_first > 0 and saved < over_s:
        story = stories[with_first - 1]
        if len(story.part.sentences) > 1:
            start, end = story.spans[1]
            saved += end - start + story.part.sentences[0].pause_ms / 1000
        with_first -= 1
    if saved >= over_s:
        return Plan(plan.stories, with_first)
    count = min(plan.stories, len(stories))
    while count > 1 and saved < over_s:
        saved += stories[count - 1].duration_s
        count -= 1
    return Plan(count, 0)


def write(full: EpisodeRecord, language: Language, show_title: str, artist: str, made: Sequence[MixedPart], work: Path,
          rel: str, cover_jpeg: bytes) -> EpisodeRecord:
    """The edition's files in the episode's folder `work` (published as `rel`): the tagged MP3 under its
    content-hashed name, captions, JSON chapters (one per story, the first from the start, each with the
    story's source link) and its record."""
    heard = timeline([m.part for m in made], [m.duration_s for m in made], [m.spans for m in made], "")
    links = {c.title: c.link for c in full.chapters if c.link}
    stories = [c for c in heard.chapters if c.section]
    chapters = tuple(dataclasses.replace(c, start_ms=0 if i == 0 else c.start_ms, link=links.get(c.title, ""))
                     for i, c in enumerate(stories))
    title = language.headlines_title(full.title)
    join_mp3([m.mp3 for m in made], work / FILE)
    seconds = write_tags(work / FILE, title=title, show=show_title, artist=artist, date=full.date,
                         cover_jpeg=cover_jpeg, chapters=chapters)
    published = versioned(work / FILE)
    (work / "headlines.vtt").write_text(transcript.to_vtt(heard.cues))
    (work / "headlines.srt").write_text(transcript.to_srt(heard.cues))
    (work / "headlines-chapters.json").write_text(transcript.to_chapters_json(chapters, title))
    record = EpisodeRecord(
        date=full.date, title=title, description=language.headlines_description(show_title,
                                                                                [c.title for c in chapters[:3]]),
        guid=f"{full.guid}-headlines", audio_file=f"{rel}/{published.name}", length=published.stat().st_size,
        duration_s=seconds, chapters=chapters, headlines=full.headlines, build_key=full.build_key,
        transcript_vtt=f"{rel}/headlines.vtt", transcript_srt=f"{rel}/headlines.srt",
        chapters_file=f"{rel}/headlines-chapters.json", page_file=full.page_file)
    (work / EDITION_FILE).write_text(json.dumps(record.to_dict(), indent=2, ensure_ascii=False) + "\n")
    return record
