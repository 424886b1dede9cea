"""Digest -> spoken script: the show intro with a rundown, section intros and transitions, stories, sign-off.

Every sentence is kept twice: as the engine says it and as the digest wrote it,
so captions and the page show "$1.3 billion" while the listener hears it said.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable

from .language import ENGLISH, Language
from .lexicon import Lexicon
from .models import Dateline, Digest, Script, Segment, Sentence, Story
from .speech import guesses


def _as_sentence(text: str) -> str:
    """A headline is read as a statement of its own: it ends with a full stop."""
    return text if re.search(r"[.!?][\"')\]]*$", text) else text + "."


Say = Callable[[str, str], str]


def _paragraph(text: str, context: str, say: Say, language: Language, headline: bool = False) -> tuple[Sentence, ...]:
    """A written paragraph as sentences, each spoken on its own: a number or an abbreviation never ends
    a sentence, and the listener hears as many sentences as the digest wrote."""
    pieces = [text] if headline else language.split(text)
    sentences = []
    for written in pieces:
        spoken = say(written, context)
        if headline:
            spoken = _as_sentence(spoken)
        if spoken.strip(" .,;:!?\"'"):
            sentences.append(Sentence(spoken, written))
    return tuple(sentences)


def dateline_words(dateline: Dateline) -> str:
    """A dateline as the listener hears it: "London, Reuters." ("LONDON (Reuters) -"), the date kept if written."""
    return ", ".join(part for part in (dateline.place, dateline.date, dateline.agency) if part) + "."


def _story(story: Story, say: Say, language: Language, *, datelines: bool = True, credits: bool = False
           ) -> tuple[tuple[Sentence, ...], ...]:
    """A story's headline and paragraphs; its dateline opens the first paragraph when read, and its credit
    lines close it when read."""
    context = " ".join((story.headline, *story.paragraphs))
    paragraphs = [_paragraph(story.headline, context, say, language, headline=True)] if story.headline else []
    body = [_paragraph(p, context, say, language) for p in story.paragraphs]
    if datelines and story.dateline and body and body[0]:
        first = body[0][0]
        spoken = say(dateline_words(story.dateline), context)
        body[0] = (Sentence(f"{spoken} {first.spoken}", f"{story.dateline.written} {first.written}"), *body[0][1:])
    if credits and story.credits:
        body.append(tuple(Sentence(_as_sentence(say(c, context)), c) for c in story.credits))
    return tuple(p for p in paragraphs + body if p)


def _framing(*pairs: tuple[str, str]) -> tuple[Sentence, ...]:
    """The show's own words: (spoken, written) pairs."""
    return tuple(Sentence(spoken, written) for spoken, written in pairs)


def build_script(digest: Digest, show_title: str, lexicon: Lexicon | None = None, *, rundown: bool = True,
                 date_order: str = "MDY", language: Language = ENGLISH, datelines: bool = True,
                 credits: bool = False, domain: str = "") -> Script:
    """Every story of the digest in order, framed by an intro (the newsletter's greeting, if kept, then a rundown
    of the lead headlines),
    section intros and a sign-off, in the show's language. `datelines` reads wire datelines, `credits` the
    credit lines under stories. Every reading chosen between is kept in the script's `guesses`."""
    with guesses.recording() as found:
        script = _script(digest, show_title, lexicon, rundown, date_order, language, datelines, credits, domain)
    return dataclasses.replace(script, guesses=tuple(guesses.distinct(found)))


def _script(digest: Digest, show_title: str, lexicon: Lexicon | None, rundown: bool, date_order: str,
            language: Language, datelines: bool, credits: bool, domain: str) -> Script:
    def say(text: str, context: str = "") -> str:
        return language.speak(text, context, lexicon, date_order, domain)

    day = digest.date
    titles = [s.title.rstrip(".") for s in digest.sections]
    total = sum(len(s.stories) for s in digest.sections)
    greeting = language.greeting(show_title)
    intro = [_framing((say(greeting), greeting), language.date_line(day))]
    for words in digest.greeting:  # the newsletter's own greeting, unless the show skips it ([show.digest])
        intro.append(_paragraph(words, " ".join(digest.greeting), say, language))
    leads = [s.stories[0] for s in digest.sections if s.stories and s.stories[0].headline]
    if rundown and leads:
        intro.append(_framing((language.headlines(), language.headlines())))
        for story in leads:
            intro.append(_paragraph(story.headline, " ".join((story.headline, *story.paragraphs)), say, language,
                                    headline=True))
        more = language.all_that_and_more(total, titles)
        intro.append(_framing((say(more), more)))
    else:
        summary = language.summary(total, titles)
        intro.append(_framing((say(summary), summary)))
    segments = [Segment("intro", None, tuple(intro))]
    for index, section in enumerate(digest.sections):
        lead_in = language.section_lead_in(index, len(digest.sections), section.title.rstrip("."),
                                           len(section.stories), day)
        segments.append(Segment("section", section.title, (_framing((say(lead_in), lead_in)),)))
        for story in section.stories:
            paragraphs = _story(story, say, language, datelines=datelines, credits=credits)
            if paragraphs:
                segments.append(Segment("story", section.title, paragraphs))
    (goodbye, goodbye_written), *rest = language.sign_off(show_title, day)
    segments.append(Segment("outro", None, (_framing((say(goodbye), goodbye_written), *rest),)))
    return Script(digest=digest, segments=tuple(segments))
