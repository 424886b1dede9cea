"""Digest -> spoken script: the show intro with a rundown, section intros and transitions, stories, sign-off.

Every sentence is kept twice: as the engine says it and as the digest wrote it,
so captions and the page show "$1.3 billion" while the listener hears it said.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from typing import Final

from .models import Digest, Script, Section, Segment, Sentence, Story
from .speech import Lexicon, speak, split_written, words

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


def count(n: int, noun: str, plural: str | None = None) -> str:
    """"one story", "sixteen stories": the number agrees with its noun."""
    return f"{words.integer(n)} {noun if n == 1 else plural or noun + 's'}"


def series(titles: list[str]) -> str:
    """Names in a spoken list; when a name has its own "and", commas keep them apart."""
    if len(titles) <= 1:
        return "".join(titles)
    own_and = any(re.search(r"\band\b|&", t) for t in titles)
    if len(titles) == 2 and not own_and:
        return f"{titles[0]} and {titles[1]}"
    return ", ".join(titles[:-1]) + ", and " + titles[-1]


def _section_intro(index: int, total: int, section: Section, day: dt.date) -> str:
    """A varied, deterministic lead-in: the same digest always reads the same way."""
    title = section.title.rstrip(".")
    if index == 0:
        template = _FIRST_SECTION[day.toordinal() % len(_FIRST_SECTION)]
    elif index == total - 1 and total > 2:
        template = _LAST_SECTION[day.toordinal() % len(_LAST_SECTION)]
    else:
        template = _NEXT_SECTION[(day.toordinal() + index) % len(_NEXT_SECTION)]
    return template.format(title=title) + f" {count(len(section.stories), 'story', 'stories').capitalize()}."


def _as_sentence(text: str) -> str:
    """A headline is read as a statement of its own: it ends with a full stop."""
    return text if re.search(r"[.!?][\"')\]]*$", text) else text + "."


Say = Callable[[str, str], str]


def _paragraph(text: str, context: str, say: Say, headline: bool = False) -> tuple[Sentence, ...]:
    """A written paragraph as sentences, each spoken on its own: a number or an abbreviation never ends
    a sentence, and the listener hears as many sentences as the digest wrote."""
    pieces = [text] if headline else split_written(text)
    sentences = []
    for written in pieces:
        spoken = say(written, context)
        if headline:
            spoken = _as_sentence(spoken)
        if spoken.strip(" .,;:!?\"'"):
            sentences.append(Sentence(spoken, written))
    return tuple(sentences)


def _story(story: Story, say: Say) -> tuple[tuple[Sentence, ...], ...]:
    context = " ".join((story.headline, *story.paragraphs))
    paragraphs = [_paragraph(story.headline, context, say, headline=True)] if story.headline else []
    paragraphs += [_paragraph(p, context, say) for p in story.paragraphs]
    return tuple(p for p in paragraphs if p)


def _framing(*pairs: tuple[str, str]) -> tuple[Sentence, ...]:
    """The show's own words: (spoken, written) pairs."""
    return tuple(Sentence(spoken, written) for spoken, written in pairs)


def build_script(digest: Digest, show_title: str, lexicon: Lexicon | None = None, *, rundown: bool = True,
                 date_order: str = "MDY") -> Script:
    """Every story of the digest in order, framed by an intro (with a rundown of the lead headlines),
    section intros and a sign-off."""

    def say(text: str, context: str = "") -> str:
        return speak(text, context, lexicon, date_order)

    day = digest.date
    titles = [s.title.rstrip(".") for s in digest.sections]
    total = sum(len(s.stories) for s in digest.sections)
    greeting = f"Good morning, and welcome to {show_title}."
    intro = [_framing((say(greeting), greeting),
                      (f"It's {spoken_date(day)}.", f"It's {day:%A}, {day:%-d %B %Y}."))]
    leads = [s.stories[0] for s in digest.sections if s.stories and s.stories[0].headline]
    if rundown and leads:
        intro.append(_framing(("Here are the headlines.", "Here are the headlines.")))
        for story in leads:
            intro.append(_paragraph(story.headline, " ".join((story.headline, *story.paragraphs)), say,
                                    headline=True))
        more = f"All that and more, in {count(total, 'story', 'stories')} from {series(titles)}."
        intro.append(_framing((say(more), more)))
    else:
        summary = f"Today, {count(total, 'story', 'stories')} in {series(titles)}."
        intro.append(_framing((say(summary), summary)))
    segments = [Segment("intro", None, tuple(intro))]
    for index, section in enumerate(digest.sections):
        lead_in = _section_intro(index, len(digest.sections), section, day)
        segments.append(Segment("section", section.title, (_framing((say(lead_in), lead_in)),)))
        for story in section.stories:
            paragraphs = _story(story, say)
            if paragraphs:
                segments.append(Segment("story", section.title, paragraphs))
    goodbye = f"That's {show_title} for {day:%A}, {day:%B} {words.ordinal(day.day)}."
    thanks = "Thanks for listening, and join us again tomorrow."
    segments.append(Segment("outro", None, (_framing(
        (say(goodbye), f"That's {show_title} for {day:%A}, {day:%-d %B}."), (thanks, thanks)),)))
    return Script(digest=digest, segments=tuple(segments))
