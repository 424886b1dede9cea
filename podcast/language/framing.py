"""Digest -> spoken script in a show language other than English: the same programme as `script.py` (intro with a
rundown, section lead-ins, stories, sign-off), its words from the language's phrases and verbalizer."""

from __future__ import annotations

import re

from ..models import Digest, Script, Segment, Sentence, Story
from ..speech.lexicon import Lexicon
from . import cldr, numbers
from .packs import LanguagePack
from .phrases import Phrases


def _stop(pack: LanguagePack) -> str:
    return "।" if "।" in pack.rules.sentence_end else "."


def _date_values(pack: LanguagePack, day: object) -> tuple[dict[str, str], dict[str, str]]:
    """Spoken and written values for a date template: weekday and month from CLDR, day and year in words."""
    import datetime as dt

    assert isinstance(day, dt.date)
    code = pack.rules.code
    common = {"weekday": cldr.day_names(code)[day.weekday()], "month": cldr.month_names(code)[day.month - 1]}
    spoken_day = pack.rules.first_day if day.day == 1 else numbers.cardinal(day.day, code)
    written_day = "1er" if code == "fr" and day.day == 1 else str(day.day)
    return ({**common, "day": spoken_day, "year": numbers.cardinal(day.year, code)},
            {**common, "day": written_day, "year": str(day.year)})


class _Builder:
    def __init__(self, pack: LanguagePack, phrases: Phrases, lexicon: Lexicon | None) -> None:
        self.pack, self.phrases, self.lexicon = pack, phrases, lexicon

    def say(self, text: str, context: str = "") -> str:
        return self.pack.verbalizer.speak(text, context, self.lexicon)

    def paragraph(self, text: str, context: str, headline: bool = False) -> tuple[Sentence, ...]:
        pieces = [text] if headline else self.pack.verbalizer.split_written(text)
        sentences = []
        for written in pieces:
            spoken = self.say(written, context)
            if headline and not re.search(r"[.!?।][\"')\]»]*$", spoken):
                spoken += _stop(self.pack)
            if spoken.strip(" .,;:!?\"'।"):
                sentences.append(Sentence(spoken, written))
        return tuple(sentences)

    def framing(self, written: str) -> tuple[Sentence, ...]:
        return (Sentence(self.say(written), written),)

    def framing_pair(self, spoken: str, written: str) -> tuple[Sentence, ...]:
        """The show's own words where figures are said by the phrases themselves (dates, counts)."""
        return (Sentence(self.say(spoken), written),)

    def story(self, story: Story) -> tuple[tuple[Sentence, ...], ...]:
        context = " ".join((story.headline, *story.paragraphs))
        paragraphs = [self.paragraph(story.headline, context, headline=True)] if story.headline else []
        paragraphs += [self.paragraph(p, context) for p in story.paragraphs]
        return tuple(p for p in paragraphs if p)


def build_script(digest: Digest, show_title: str, pack: LanguagePack, phrases: Phrases,
                 lexicon: Lexicon | None = None, *, rundown: bool = True) -> Script:
    """Every story of the digest in order, framed in the show's language."""
    b = _Builder(pack, phrases, lexicon)
    code, day = pack.rules.code, digest.date
    titles = [s.title.rstrip(".") for s in digest.sections]
    sections = cldr.series(titles, code)
    total = sum(len(s.stories) for s in digest.sections)
    stories_spoken, stories_written = phrases.count(total)
    spoken_date, written_date = _date_values(pack, day)
    intro = [b.framing(phrases.greeting.format(show=show_title)),
             b.framing_pair(phrases.date.format(**spoken_date), phrases.date.format(**written_date))]
    leads = [s.stories[0] for s in digest.sections if s.stories and s.stories[0].headline]
    template = phrases.more if rundown and leads else phrases.summary
    if rundown and leads:
        intro.append(b.framing(phrases.rundown))
        for story in leads:
            intro.append(b.paragraph(story.headline, " ".join((story.headline, *story.paragraphs)), headline=True))
    intro.append(b.framing_pair(template.format(stories=stories_spoken, sections=sections),
                                template.format(stories=stories_written, sections=sections)))
    segments = [Segment("intro", None, tuple(intro))]
    for index, section in enumerate(digest.sections):
        title = section.title.rstrip(".")
        if index == 0:
            choices = phrases.first_section
        elif index == len(digest.sections) - 1 and len(digest.sections) > 2:
            choices = phrases.last_section
        else:
            choices = phrases.next_section
        lead_in = choices[(day.toordinal() + (index if choices is phrases.next_section else 0)) % len(choices)]
        spoken_count, written_count = phrases.count(len(section.stories))
        stop = _stop(pack)
        spoken = f"{lead_in.format(title=title)} {spoken_count[:1].upper()}{spoken_count[1:]}{stop}"
        written = f"{lead_in.format(title=title)} {written_count[:1].upper()}{written_count[1:]}{stop}"
        segments.append(Segment("section", section.title, (b.framing_pair(spoken, written),)))
        for story in section.stories:
            paragraphs = b.story(story)
            if paragraphs:
                segments.append(Segment("story", section.title, paragraphs))
    goodbye = (b.framing_pair(phrases.goodbye.format(show=show_title, **spoken_date),
                              phrases.goodbye.format(show=show_title, **written_date))
               + b.framing(phrases.thanks))
    segments.append(Segment("outro", None, (goodbye,)))
    return Script(digest=digest, segments=tuple(segments))
