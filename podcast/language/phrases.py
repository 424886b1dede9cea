"""The show's own words in a language: greeting, rundown, transitions, story counts, sign-off and the page's fixed
words, read from the language's phrases.toml and the producer's phrases.toml in the show folder."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any, Final

from .. import cldr
from ..errors import ConfigError
from . import numbers
from .english import PageWords

SHOW_PHRASES: Final = Path("phrases.toml")
"""A show's own phrases, overriding the language's key by key."""

PAGE_WORDS: Final = tuple(f.name for f in fields(PageWords))
"""The pages' fixed words, named as the English PageWords names them: a pack gives every one."""


@dataclass(frozen=True)
class Phrases:
    """One language's phrases; templates take {show}, {title}, {weekday}, {day}, {month}, {year}, {stories},
    {sections}."""

    language: str
    greeting: str
    date: str
    rundown: str
    more: str
    summary: str
    first_section: tuple[str, ...]
    next_section: tuple[str, ...]
    last_section: tuple[str, ...]
    goodbye: str
    thanks: str
    description: str
    """The episode's description in the feed: {show}, {date} (the long date), {headlines} (joined by "; ")."""
    section_feed: str
    """A section feed's description: {section}, {show}."""
    headlines_opener: str
    """The headlines edition's words after the greeting."""
    headlines_closer: str
    """The headlines edition's words before the thanks: the full episode has the rest."""
    headlines_title: str
    """The headlines edition's item title: {title} (the full episode's)."""
    headlines_description: str
    """The headlines edition's summary in its feed: {show}, {headlines} (joined by "; ")."""
    headlines_feed_title: str
    """The headlines edition's feed title: {show}."""
    headlines_feed_description: str
    """The headlines edition's feed description: {show}."""
    stories: dict[str, str]
    """CLDR plural category ("one", "few", "many", "other") -> "{n} noticias"; "gender" -> the noun's gender."""
    page: dict[str, str] = field(default_factory=dict)

    def count(self, n: int) -> tuple[str, str]:
        """(spoken, written) of "n stories" with the plural form CLDR's rules choose: "veintiuna noticias"."""
        form = self.stories.get(cldr.plural(n, self.language)) or self.stories["other"]
        gender = self.stories.get("gender", "m")
        spoken_n = numbers.before_noun(numbers.cardinal(n, self.language, gender), self.language, gender)
        return form.replace("{n}", spoken_n), form.replace("{n}", str(n))

    def word(self, key: str, **values: str) -> str:
        """A fixed word of the page, filled: word("play", title="...")."""
        return self.page[key].format(**values)


def _pack_file(language: str) -> Path:
    return Path(__file__).parent / language.lower().replace("-", "_") / "phrases.toml"


def _read(path: Path) -> dict[str, Any]:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(path, f"cannot read phrases: {exc}") from exc


def _check(data: dict[str, Any], where: str) -> None:
    known = {f.name for f in fields(Phrases)} - {"language"}
    for key, value in data.items():
        if key not in known:
            raise ConfigError(where, f"unknown phrase {key!r} (known: {', '.join(sorted(known))})")
        if key in ("stories", "page"):
            if not isinstance(value, dict) or not all(isinstance(v, str) for v in value.values()):
                raise ConfigError(where, f"[{key}] must be a table of texts")
            if key == "page" and set(value) - set(PAGE_WORDS):
                raise ConfigError(where, f"unknown page word {sorted(set(value) - set(PAGE_WORDS))[0]!r}")
        elif key.endswith("_section"):
            if not isinstance(value, list) or not value or not all(isinstance(v, str) for v in value):
                raise ConfigError(where, f"{key} must be a list of texts")
        elif not isinstance(value, str):
            raise ConfigError(where, f"{key} must be text in quotes")


def load_phrases(language: str, show_dir: Path | None = None) -> Phrases:
    """The language's phrases, with the show folder's phrases.toml laid over them key by key."""
    pack = _pack_file(language)
    data = _read(pack)
    _check(data, str(pack))
    if show_dir is not None and (show_dir / SHOW_PHRASES).exists():
        path = show_dir / SHOW_PHRASES
        own = _read(path)
        _check(own, str(path))
        for key in ("stories", "page"):
            if key in own:
                own[key] = {**data.get(key, {}), **own[key]}
        data = {**data, **own}
    if "other" not in data["stories"]:
        raise ConfigError(str(pack), "[stories] needs an 'other' form")
    values: dict[str, Any] = {key: tuple(value) if isinstance(value, list) else value for key, value in data.items()}
    return Phrases(language=language, **values)
