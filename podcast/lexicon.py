"""The producer's pronunciation lexicon, one for every language: voices/lexicon.toml, word or pattern -> how to
say it."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Final

from .errors import ConfigError

LEXICON_FILE: Final = Path("voices") / "lexicon.toml"


@dataclass(frozen=True)
class Lexicon:
    """Whole-word replacements (one combined pattern), then the producer's own patterns."""

    words: dict[str, str] = field(default_factory=dict)
    rules: tuple[tuple[re.Pattern[str], str], ...] = ()
    phonemes: dict[str, str] = field(default_factory=dict)
    """Spoken word -> its phonemes, for engines that take phonemes (Kokoro); the others say the word."""

    def __post_init__(self) -> None:
        alternatives = "|".join(re.escape(w) for w in sorted(self.words, key=len, reverse=True))
        pattern = re.compile(r"(?<!\w)(?:" + alternatives + r")(?!\w)") if self.words else None
        object.__setattr__(self, "_words_pattern", pattern)

    def apply(self, text: str) -> str:
        pattern: re.Pattern[str] | None = self._words_pattern  # type: ignore[attr-defined]
        if pattern is not None:
            text = pattern.sub(lambda m: self.words[m.group(0)], text)
        for rule, replacement in self.rules:
            text = rule.sub(replacement, text)
        return text


def parse_lexicon(data: dict[str, object], where: str) -> Lexicon:
    """[words] entries match whole words, case-sensitively; [patterns] are regular expressions; [phonemes]
    give engines that accept phonemes the exact sounds of a word as it is spoken (after [words])."""
    rules: list[tuple[re.Pattern[str], str]] = []
    spoken_words: dict[str, str] = {}
    unknown = set(data) - {"words", "patterns", "phonemes"}
    if unknown:
        raise ConfigError(where, f"unknown table {sorted(unknown)[0]!r} (use [words], [patterns] or [phonemes])")
    phoneme_table = data.get("phonemes", {})
    if not isinstance(phoneme_table, dict) or not all(
            isinstance(k, str) and isinstance(v, str) and v.strip() for k, v in phoneme_table.items()):
        raise ConfigError(where, "[phonemes] must map words to phoneme strings")
    word_table = data.get("words", {})
    pattern_table = data.get("patterns", {})
    if not isinstance(word_table, dict) or not isinstance(pattern_table, dict):
        raise ConfigError(where, "[words] and [patterns] must be tables")
    for word, spoken in word_table.items():
        if not isinstance(spoken, str):
            raise ConfigError(where, f"{word!r} must map to a string")
        spoken_words[word] = spoken
    for pattern, spoken in pattern_table.items():
        if not isinstance(spoken, str):
            raise ConfigError(where, f"{pattern!r} must map to a string")
        try:
            rules.append((re.compile(pattern), spoken))
        except re.error as exc:
            raise ConfigError(where, f"bad pattern {pattern!r}: {exc}") from exc
    return Lexicon(spoken_words, tuple(rules), dict(phoneme_table))


def load_lexicon(show_dir: Path) -> Lexicon:
    """The show's lexicon; empty when voices/lexicon.toml does not exist."""
    path = show_dir / LEXICON_FILE
    if not path.exists():
        return Lexicon()
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(path, f"cannot read lexicon: {exc}") from exc
    return parse_lexicon(data, str(path))
