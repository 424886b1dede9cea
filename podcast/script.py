"""Digest -> spoken script: the show intro, section intros and transitions, stories, sign-off."""

from __future__ import annotations

import datetime as dt
import re
from typing import Final

from .models import Digest, Script, Section, Segment, Story
from .speech import Lexicon, speak, words

_FIRST_SECTION: Final = ("We begin with {title}.", "First up, {title}.", "Let's start with {title}.")
_NEXT_SECTION: Final = (
    "Turning now to {title}.",
    "Next, {title}.",
    "Moving on to {title}.",
    "Now to {title}.",
    "In {title} today.",
    "Over to {title}.",
)
_LAST_SECTION: Final = ("And finally, {title}.", "Finally today, {title}.")


def spoken_date(day: dt.date) -> str:
    """"Monday, February second, twenty twenty-six"."""
    return f"{day:%A}, {day:%B} {words.ordinal(day.day)}, {words.year(day.year)}"


def _section_intro(index: int, count: int, section: Section, day: dt.date) -> str:
    """A varied, deterministic lead-in: the same digest always reads the same way."""
    stories = len(section.stories)
    title = section.title.rstrip(".")
    if index == 0:
        template = _FIRST_SECTION[day.toordinal() % len(_FIRST_SECTION)]
    elif index == count - 1 and count > 2:
        template = _LAST_SECTION[day.toordinal() % len(_LAST_SECTION)]
    else:
        template = _NEXT_SECTION[(day.toordinal() + index) % len(_NEXT_SECTION)]
    noun = "story" if stories == 1 else "stories"
    return template.format(title=title) + f" {words.integer(stories).capitalize()} {noun}."


def _as_sentence(text: str) -> str:
    """A headline is read as a statement of its own: it ends with a full stop."""
    return text if re.search(r"[.!?][\"')\]]*$", text) else text + "."


def _story_chunks(story: Story, lexicon: Lexicon | None) -> tuple[str, ...]:
    context = " ".join((story.headline, *story.paragraphs))
    chunks = [_as_sentence(speak(story.headline, context, lexicon))] if story.headline else []
    chunks += [speak(p, context, lexicon) for p in story.paragraphs]
    return tuple(chunk for chunk in chunks if chunk.strip(" .,;:!?\"'"))


def build_script(digest: Digest, show_title: str, lexicon: Lexicon | None = None) -> Script:
    """Every story of the digest in order, framed by an intro, section intros and a sign-off."""
    say = lambda text: speak(text, "", lexicon)  # noqa: E731
    day = digest.date
    titles = [s.title.rstrip(".") for s in digest.sections]
    if len(titles) <= 2:
        rundown = " and ".join(titles)
    else:
        rundown = ", ".join(titles[:-1]) + ", and " + titles[-1]
    total = sum(len(s.stories) for s in digest.sections)
    segments = [
        Segment(
            "intro",
            None,
            (
                say(f"Good morning, and welcome to {show_title}. It's {spoken_date(day)}."),
                say(f"Today, {words.integer(total)} stories in {rundown}."),
            ),
        )
    ]
    for index, section in enumerate(digest.sections):
        intro = say(_section_intro(index, len(digest.sections), section, day))
        segments.append(Segment("section", section.title, (intro,)))
        for story in section.stories:
            chunks = _story_chunks(story, lexicon)
            if chunks:
                segments.append(Segment("story", section.title, chunks))
    segments.append(
        Segment(
            "outro",
            None,
            (say(f"That's {show_title} for {day:%A}, {day:%B} {words.ordinal(day.day)}. "
                 "Thanks for listening, and join us again tomorrow."),),
        )
    )
    return Script(digest=digest, segments=tuple(segments))
