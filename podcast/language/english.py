"""English: the show's phrases, the pages' words, date formats, and the verbalizer in podcast/speech/."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Final

from .. import dates, speech
from ..lexicon import Lexicon
from ..speech import words

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
_DMY_REGIONS: Final = ("en-gb", "en-ie", "en-au", "en-nz")


@dataclass(frozen=True)
class PageWords:
    """The fixed words of the show's page and the episode pages."""

    opening: str = "Opening"
    """The heading over the intro's sentences and chapters."""
    sign_off: str = "Sign-off"
    stories: str = "Stories"
    transcript: str = "Transcript"
    on_their_own: str = "Sections on their own"
    copy_link: str = "Copy link"
    captions: str = "Captions (WebVTT)"
    chapters: str = "Chapters (JSON)"
    subscribe: str = "Subscribe (RSS)"
    no_episodes: str = "No episodes yet."
    headlines_chapter: str = "Headlines"
    """The first chapter's title: the intro's rundown."""
    copy_link_to: str = "Copy link to {title}"
    episode_audio: str = "The episode, {length}"
    clip_audio: str = "{title} on its own, {length}"
    play: str = "Play {title}"
    story_count: str = "{count} stories"
    one_story: str = "1 story"
    subscribe_heading: str = "Subscribe"
    rss_feed: str = "RSS feed"
    copy_feed: str = "Copy feed address"
    follow: str = "Follow the voice"
    keys: str = ("<kbd>Space</kbd> play/pause · <kbd>←</kbd> <kbd>→</kbd> 15 s · <kbd>P</kbd> <kbd>N</kbd> "
                 "previous/next story")
    """The keyboard shortcuts' hint, as HTML (the words are escaped where they come from, here)."""
    source: str = "Source"
    source_of: str = "Source of {title}"
    small_file: str = "Small file for slow connections (Opus, {size})"
    headlines_edition: str = "Headlines edition"
    headlines_feed: str = "Headlines edition (RSS)"
    rundown: str = "Headlines"
    search: str = "Search the transcripts"
    cover_subtitle: str = "Your daily news briefing"
    """The line under the title on a generated cover, unless the show's cover_subtitle says another."""
    # The producer's proof page (proof.html): its words, summary and reasons.
    proof_title: str = "Proof: {title}"
    proof_intro: str = ("Every sentence was heard back by a speech recognizer and compared with the script; each "
                        "one below plays where it sits in the episode. For the producer only: not linked from the "
                        "feed or the episode page.")
    proof_counts: str = "{sentences} sentences heard, {flagged} flagged, {repaired} repaired."
    proof_skipped: str = "Not checked: {reason}."
    proof_clean: str = "Every sentence was heard as written."
    proof_worst: str = "The three worst sentences"
    proof_said: str = "Said"
    proof_script: str = "Spoken script"
    proof_heard: str = "Heard"
    proof_score: str = "Score"
    proof_nothing: str = "nothing"
    proof_repaired: str = "repaired: {how}"
    proof_lexicon: str = "A lexicon line, checked: with it the sentence was rendered again and heard as written"
    proof_no_fix: str = "No fix to offer: {why}"
    proof_guesses: str = "Guessed readings"
    proof_guess: str = "“{written}” was said “{chosen}”; it could be “{other}”"
    proof_no_guesses: str = "No reading was guessed: every figure and abbreviation had one reading."
    proof_said_heard: str = "said {said}, heard {heard}"
    reason_figure: str = "a different figure"
    reason_missing: str = "words missing"
    reason_added: str = "words added"
    reason_garbled: str = "garbled"
    reason_word: str = "a different word"
    reason_silent: str = "silent or noise: no word was heard"
    reason_share: str = "{share} of the words heard"
    reason_language: str = "it sounds like another language ({language})"
    reason_off: str = "the proof is off for this show"
    reason_no_speech: str = "the voice makes no speech to hear"
    reason_no_ear: str = "the recognizer does not hear this language"


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


class English:
    """English as the show speaks it: American-style spoken dates, a morning greeting; written dates in the
    show's locale ("en-US": "Monday, March 2, 2026"; "en-GB": "Monday, 2 March 2026")."""

    code = "en"
    page = PageWords()

    def __init__(self, locale: str = "en") -> None:
        self.locale = locale if dates.known_language(locale) else "en"

    def for_locale(self, locale: str) -> English:
        """English written as `locale` ("en-GB") writes its dates."""
        return English(locale)

    def speak(self, text: str, context: str, lexicon: Lexicon | None, date_order: str, domain: str = "") -> str:
        return speech.speak(text, context, lexicon, date_order, domain)

    def split(self, text: str) -> list[str]:
        return speech.split_written(text)

    def numeric_date_order(self, language: str) -> str:
        return "DMY" if language.lower() in _DMY_REGIONS else "MDY"

    def greeting(self, show: str) -> str:
        return f"Good morning, and welcome to {show}."

    def date_line(self, day: dt.date) -> tuple[str, str]:
        return f"It's {spoken_date(day)}.", f"It's {dates.written_date(day, self.locale)}."

    def headlines(self) -> str:
        return "Here are the headlines."

    def all_that_and_more(self, stories: int, sections: list[str]) -> str:
        return f"All that and more, in {count(stories, 'story', 'stories')} from {series(sections)}."

    def summary(self, stories: int, sections: list[str]) -> str:
        return f"Today, {count(stories, 'story', 'stories')} in {series(sections)}."

    def section_lead_in(self, index: int, total: int, title: str, stories: int, day: dt.date) -> str:
        if index == 0:
            template = _FIRST_SECTION[day.toordinal() % len(_FIRST_SECTION)]
        elif index == total - 1 and total > 2:
            template = _LAST_SECTION[day.toordinal() % len(_LAST_SECTION)]
        else:
            template = _NEXT_SECTION[(day.toordinal() + index) % len(_NEXT_SECTION)]
        return template.format(title=title) + f" {count(stories, 'story', 'stories').capitalize()}."

    def sign_off(self, show: str, day: dt.date) -> tuple[tuple[str, str], ...]:
        thanks = "Thanks for listening, and join us again tomorrow."
        return ((f"That's {show} for {day:%A}, {day:%B} {words.ordinal(day.day)}.",
                 f"That's {show} for {dates.written_day(day, self.locale)}."), (thanks, thanks))

    def description(self, show: str, day: dt.date, headlines: list[str]) -> str:
        return f"{show} for {self.long_date(day)}: " + "; ".join(headlines)

    def section_feed_description(self, section: str, show: str) -> str:
        return f"{section}, the section of {show} on its own."

    def headlines_opener(self) -> str:
        return "Here are the headlines in brief."

    def headlines_closer(self) -> str:
        return "For every story in full, listen to today's full episode."

    def headlines_title(self, episode_title: str) -> str:
        return f"Headlines: {episode_title}"

    def headlines_description(self, show: str, headlines: list[str]) -> str:
        return f"The headlines of {show}: " + "; ".join(headlines)

    def headlines_feed_title(self, show: str) -> str:
        return f"{show}: Headlines"

    def headlines_feed_description(self, show: str) -> str:
        return f"The headlines of {show}, each story's headline and first sentence, in about three minutes."

    def short_date(self, day: dt.date) -> str:
        return dates.short_date(day, self.locale)

    def long_date(self, day: dt.date) -> str:
        return dates.long_date(day, self.locale)

    def page_date(self, day: dt.date) -> str:
        return dates.written_date(day, self.locale)


ENGLISH: Final = English()
