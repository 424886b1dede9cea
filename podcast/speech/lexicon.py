"""The producer's pronunciation lexicon: voices/lexicon.toml, word or pattern -> how to say it."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from ..errors import ConfigError

LEXICON_FILE: Final = Path("voices") / "lexicon.toml"


@dataclass(frozen=True)
class Lexicon:
    """Ordered replacements applied to the written text before any other rule."""

    rules: tuple[tuple[re.Pattern[str], str], ...] = ()

    def apply(self, text: str) -> str:
        for pattern, replacement in self.rules:
            text = pattern.sub(replacement, text)
        return text


def parse_lexicon(data: dict[str, object], where: str) -> Lexicon:
    """[words] entries match whole words, case-sensitively; [patterns] are regular expressions."""
    rules: list[tuple[re.Pattern[str], str]] = []
    unknown = set(data) - {"words", "patterns"}
    if unknown:
        raise ConfigError(where, f"unknown table {sorted(unknown)[0]!r} (use [words] or [patterns])")
    word_table = data.get("words", {})
    pattern_table = data.get("patterns", {})
    if not isinstance(word_table, dict) or not isinstance(pattern_table, dict):
        raise ConfigError(where, "[words] and [patterns] must be tables")
    for word, spoken in sorted(word_table.items(), key=lambda kv: -len(kv[0])):
        if not isinstance(spoken, str):
            raise ConfigError(where, f"{word!r} must map to a string")
        rules.append((re.compile(r"(?<!\w)" + re.escape(word) + r"(?!\w)"), spoken))
    for pattern, spoken in pattern_table.items():
        if not isinstance(spoken, str):
            raise ConfigError(where, f"{pattern!r} must map to a string")
        try:
            rules.append((re.compile(pattern), spoken))
        except re.error as exc:
            raise ConfigError(where, f"bad pattern {pattern!r}: {exc}") from exc
    return Lexicon(tuple(rules))


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
