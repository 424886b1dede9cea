"""A show language from a pack (rules, phrases, voices): the `Language` the script, the record and the pages use."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import fields
from typing import Final

from .. import cldr, dates
from ..lexicon import Lexicon
from . import numbers
from .english import PageWords
from .packs import LanguagePack
from .phrases import Phrases

_ELISIONS: Final = {
    "fr": (re.compile(r"(?:(?<=\s)|^)(?P<word>de|le|la|que) $", re.I), "[aeiouyàâäéèêëîïôöùûü]",
           {"de": "d'", "le": "l'", "la": "l'", "que": "qu'"}),
    "it": (re.compile(r"(?:(?<=\s)|^)(?P<word>a) $", re.I), "[aeiouàèéìòù]", {"a": "ad "}),
}
"""The word before a name that opens with a vowel, as the language joins them: French elides ("au tour
d'Économie", "l'Europe"), Italian says "a" with a euphonic d ("ad Ambiente", "ad Economia": "Spazio a Economia"
ran together, and the ear heard "spazio economia")."""


def joined(language: str, before: str, name: str) -> str:
    """`before` and `name` put together as the language says them (see _ELISIONS): a phrase's words and a
    section's name, which the producer writes without knowing how the phrase ends."""
    rule = _ELISIONS.get(language)
    if rule is None or not re.match(rule[1], name, re.I):
        return before + name
    pattern, _, replacements = rule
    found = pattern.search(before)
    if found is None:
        return before + name
    word = found["word"]
    said = replacements[word.lower()]
    said = said[:1].upper() + said[1:] if word[:1].isupper() else said
    return before[:found.start()] + said + name


class PackedLanguage:
    """Spanish, French, Italian, Brazilian Portuguese, Hindi: the verbalizer and CLDR dates of the pack, the words
    of its phrases.toml (with the show folder's own laid over them)."""

    def __init__(self, pack: LanguagePack, phrases: Phrases, locale: str = "") -> None:
        self.pack, self.phrases = pack, phrases
        self.code = pack.code
        self.locale = locale if locale and dates.known_language(locale) else pack.code
        known = {f.name for f in fields(PageWords)}
        self.page = PageWords(**{key: value for key, value in phrases.page.items() if key in known})
        self._stop = "।" if "।" in pack.rules.sentence_end else "."

    def for_locale(self, locale: str) -> PackedLanguage:
        """The language writing its dates as `locale` does ("pt-BR"; "es-MX"), its phrases unchanged."""
        return self if locale == self.locale else PackedLanguage(self.pack, self.phrases, locale)

    def speak(self, text: str, context: str, lexicon: Lexicon | None, date_order: str, domain: str = "") -> str:
        """Numeric dates are always day first in these languages: `date_order` is the English shows' setting."""
        return self.pack.verbalizer.speak(text, context, lexicon, domain)

    def split(self, text: str) -> list[str]:
        return self.pack.verbalizer.split_written(text)

    def numeric_date_order(self, language: str) -> str:
        return "DMY"

    def greeting(self, show: str) -> str:
        return self.phrases.greeting.format(show=show)

    def _date_values(self, day: dt.date) -> tuple[dict[str, str], dict[str, str]]:
        """Spoken and written values for a date template: weekday and month from CLDR, day and year in words."""
        code = self.code
        common = {"weekday": cldr.day_names(code)[day.weekday()], "month": cldr.month_names(code)[day.month - 1]}
        spoken_day = self.pack.rules.first_day if day.day == 1 else numbers.cardinal(day.day, code)
        written_day = "1er" if code == "fr" and day.day == 1 else str(day.day)
        return ({**common, "day": spoken_day, "year": numbers.cardinal(day.year, code)},
                {**common, "day": written_day, "year": str(day.year)})

    def date_line(self, day: dt.date) -> tuple[str, str]:
        spoken, written = self._date_values(day)
        return self.phrases.date.format(**spoken), self.phrases.date.format(**written)

    def headlines(self) -> str:
        return self.phrases.rundown

    def _stories(self, n: int) -> str:
        """Written, so that captions show the figure; the verbalizer says it in the noun's gender."""
        return self.phrases.count(n)[1]

    def all_that_and_more(self, stories: int, sections: list[str]) -> str:
        return self.phrases.more.format(stories=self._stories(stories), sections=cldr.series(sections, self.code))

    def summary(self, stories: int, sections: list[str]) -> str:
        return self.phrases.summary.format(stories=self._stories(stories), sections=cldr.series(sections, self.code))

    def section_lead_in(self, index: int, total: int, title: str, stories: int, day: dt.date) -> str:
        p = self.phrases
        if index == 0:
            template = p.first_section[day.toordinal() % len(p.first_section)]
        elif index == total - 1 and total > 2:
            template = p.last_section[day.toordinal() % len(p.last_section)]
        else:
            template = p.next_section[(day.toordinal() + index) % len(p.next_section)]
        count = self._stories(stories)
        before, named, after = template.partition("{title}")
        lead_in = joined(self.code, before.format(), title) + after.format() if named else template.format()
        return f"{lead_in} {count[:1].upper()}{count[1:]}{self._stop}"

    def sign_off(self, show: str, day: dt.date) -> tuple[tuple[str, str], ...]:
        spoken, written = self._date_values(day)
        thanks = self.phrases.thanks
        return ((self.phrases.goodbye.format(show=show, **spoken), self.phrases.goodbye.format(show=show, **written)),
                (thanks, thanks))

    def description(self, show: str, day: dt.date, headlines: list[str]) -> str:
        return self.phrases.description.format(show=show, date=self.long_date(day), headlines="; ".join(headlines))

    def section_feed_description(self, section: str, show: str) -> str:
        return self.phrases.section_feed.format(section=section, show=show)

    def headlines_opener(self) -> str:
        return self.phrases.headlines_opener

    def headlines_closer(self) -> str:
        return self.phrases.headlines_closer

    def headlines_title(self, episode_title: str) -> str:
        return self.phrases.headlines_title.format(title=episode_title)

    def headlines_description(self, show: str, headlines: list[str]) -> str:
        return self.phrases.headlines_description.format(show=show, headlines="; ".join(headlines))

    def headlines_feed_title(self, show: str) -> str:
        return self.phrases.headlines_feed_title.format(show=show)

    def headlines_feed_description(self, show: str) -> str:
        return self.phrases.headlines_feed_description.format(show=show)

    def short_date(self, day: dt.date) -> str:
        return dates.short_date(day, self.locale)

    def long_date(self, day: dt.date) -> str:
        return dates.long_date(day, self.locale)

    def page_date(self, day: dt.date) -> str:
        return dates.written_date(day, self.locale)
