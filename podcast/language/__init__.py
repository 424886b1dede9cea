"""Language as data: one object per spoken language holds every phrase the show says, its page's fixed words,
its date formats, and the verbalizer that turns written news into words.

The build reaches all of them through `language_for(show.config.language, show.root)`. English is
english.py over speech/. The other languages are packs: a folder each (es/, fr/, it/, pt_br/, hi/) with its
rules (rules.py's LanguageRules) and its phrases.toml, read by the shared verbalizer (verbalizer.py) and
PackedLanguage; a show's own phrases.toml overrides the pack's phrases key by key. Adding a language adds one
folder and one line in packs.PACKS; no stage changes.
"""

from __future__ import annotations

import datetime as dt
import functools
from pathlib import Path
from typing import Final, Protocol

from ..langtag import base
from ..lexicon import Lexicon
from .english import ENGLISH, PageWords
from .packed import PackedLanguage
from .packs import PACKS, LanguagePack, pack_for
from .phrases import SHOW_PHRASES, load_phrases

__all__ = ["ENGLISH", "LANGUAGES", "PACKS", "Language", "LanguagePack", "PageWords", "language_for", "pack_for"]


class Language(Protocol):
    """What the script, the episode record and the pages need to say in one language."""

    code: str
    """The ISO 639 code the show's `language` setting starts with."""
    locale: str
    """The show's whole language tag ("en-GB"): how its dates are written."""
    page: PageWords
    """The pages' fixed words."""

    def for_locale(self, locale: str) -> Language:
        """This language writing its dates as `locale` does ("en-US": "March 2, 2026"; "en-GB": "2 March 2026")."""
        ...

    def speak(self, text: str, context: str, lexicon: Lexicon | None, date_order: str, domain: str = "") -> str:
        """The spoken form of one written sentence; `context` is the whole story, `domain` the show's."""
        ...

    def split(self, text: str) -> list[str]:
        """A written paragraph cut into sentences."""
        ...

    def numeric_date_order(self, language: str) -> str:
        """How digests in this language (and region: "en-gb") write numeric dates: "MDY" or "DMY"."""
        ...

    def greeting(self, show: str) -> str: ...

    def date_line(self, day: dt.date) -> tuple[str, str]:
        """(spoken, written): the day the episode is for."""
        ...

    def headlines(self) -> str: ...

    def all_that_and_more(self, stories: int, sections: list[str]) -> str: ...

    def summary(self, stories: int, sections: list[str]) -> str: ...

    def section_lead_in(self, index: int, total: int, title: str, stories: int, day: dt.date) -> str:
        """A varied, deterministic lead-in to the section: the same digest always reads the same way."""
        ...

    def sign_off(self, show: str, day: dt.date) -> tuple[tuple[str, str], ...]:
        """(spoken, written) sentences that close the show."""
        ...

    def description(self, show: str, day: dt.date, headlines: list[str]) -> str:
        """An episode's one-line summary in the feed: the show, the day, each section's lead headline."""
        ...

    def section_feed_description(self, section: str, show: str) -> str:
        """What a section's own feed is."""
        ...

    def headlines_opener(self) -> str:
        """The headlines edition's words after the greeting."""
        ...

    def headlines_closer(self) -> str:
        """The headlines edition's words before the show's thanks: the full episode has the rest."""
        ...

    def headlines_title(self, episode_title: str) -> str:
        """The headlines edition's item title, from the full episode's."""
        ...

    def headlines_description(self, show: str, headlines: list[str]) -> str:
        """The headlines edition's one-line summary in its feed."""
        ...

    def headlines_feed_title(self, show: str) -> str:
        """The headlines edition's feed: "Daily Buzz: Headlines"."""
        ...

    def headlines_feed_description(self, show: str) -> str:
        ...

    def short_date(self, day: dt.date) -> str:
        """The date in an episode title: "Feb 2, 2026" (en-US), "2 Feb 2026" (en-GB)."""
        ...

    def long_date(self, day: dt.date) -> str:
        """The date in descriptions and tags: "February 2, 2026" (en-US), "2 February 2026" (en-GB)."""
        ...

    def page_date(self, day: dt.date) -> str:
        """The date on a page: "Monday, February 2, 2026" (en-US), "Monday, 2 February 2026" (en-GB)."""
        ...


LANGUAGES: Final[dict[str, Language]] = {"en": ENGLISH, **{
    base(code): PackedLanguage(pack, load_phrases(code)) for code, pack in PACKS.items()}}
"""ISO 639 language code -> its language, with the pack's own phrases."""


def language_for(code: str, show_dir: Path | None = None) -> Language:
    """The language a show's `language` setting names ("en", "en-GB", "es", "pt-BR"), writing its dates as that tag
    does; English for one not yet written. With the show folder, a pack language takes the show's own phrases.toml
    into account."""
    language = LANGUAGES.get(base(code))
    if language is None:
        return ENGLISH  # an unwritten language: English throughout
    if show_dir is not None and isinstance(language, PackedLanguage) and (show_dir / SHOW_PHRASES).exists():
        language = _with_show_phrases(language.pack.code, show_dir, (show_dir / SHOW_PHRASES).stat().st_mtime_ns)
    return language.for_locale(code)


@functools.lru_cache(maxsize=8)
def _with_show_phrases(code: str, show_dir: Path, mtime_ns: int) -> PackedLanguage:
    """One reading of the show's phrases.toml per version of the file."""
    return PackedLanguage(PACKS[code], load_phrases(code, show_dir))
