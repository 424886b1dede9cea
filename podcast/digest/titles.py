"""A name written all in capitals ("FREIGHT RATES & MARKETS") put in title case for the page and the ear, its
acronyms kept: those the digest writes in capitals inside ordinary text, those without vowels, and short codes."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Final

_SMALL: Final = frozenset({
    "a", "an", "the", "and", "or", "nor", "but", "of", "in", "on", "at", "to", "for", "by", "with", "as", "from",
    "vs", "via", "per", "into", "over", "off", "up", "amid",
    "de", "del", "la", "las", "el", "los", "y", "e", "en", "con", "por", "para", "al", "un", "una",
    "des", "du", "le", "les", "et", "au", "aux", "sur", "dans", "pour",
    "di", "da", "il", "lo", "gli", "dei", "della", "delle", "nel", "nella", "sul", "ed",
    "do", "dos", "das", "no", "na", "nos", "nas", "o", "os", "um", "uma",
})
"""Short words that stay in lower case inside a title, in the show languages."""
_WORDS: Final = frozenset({
    "is", "it", "be", "no", "so", "up", "do", "go", "my", "we", "he", "me", "if", "am", "ok", "oh",
    "se", "su", "ya", "lo", "ne", "si", "ou", "sa", "ha", "ho", "mi", "tu", "te", "va", "ni",
}) | _SMALL
"""Two-letter words, not codes: "IS" is "Is", while "EU" stays "EU". ("US" is both; in a headline in capitals it is
read as a word only when the digest never writes it in capitals elsewhere.)"""
_TOKEN: Final = re.compile(r"[^\W\d_][\w'’.-]*")
_VOWELS: Final = set("AEIOUYÁÉÍÓÚÀÈÌÒÙÂÊÎÔÛÄËÏÖÜÃÕ")


def capitals(text: str) -> bool:
    """Written all in capitals, with enough letters to be a name rather than a code."""
    letters = [ch for ch in text if ch.isalpha()]
    return len(letters) >= 4 and all(ch.isupper() for ch in letters)


_CAPITAL_RUN: Final = re.compile(r"(?:\b[A-Z][A-Z'’&.-]+\b[\s,:&-]*){3,}")
"""Three words or more in capitals: a phrase written so (a kicker, a dateline's city), not acronyms."""


def acronyms(lines: Iterable[str]) -> frozenset[str]:
    """The words a digest writes in capitals inside text that is not all capitals: "ECB", "TEU", "US"."""
    found: set[str] = set()
    for line in lines:
        if capitals(line):
            continue
        line = _CAPITAL_RUN.sub(" ", line)
        found.update(w for w in re.findall(r"\b[A-Z][A-Z0-9&]+s?\b", line) if sum(c.isupper() for c in w) >= 2)
    return frozenset(found)


def _word(word: str, first: bool, known: frozenset[str]) -> str:
    core = word.strip(".'’")
    if core in known or core.rstrip("s") in known and core.endswith("s"):
        return word
    letters = [ch for ch in core if ch.isalpha()]
    if len(letters) >= 2 and not set(core.upper()) & _VOWELS or len(letters) == 2 and core.lower() not in _WORDS:
        return word  # "TSMC", "LNG", "EU"
    if not first and core.lower() in _SMALL:
        return word.lower()
    parts = re.split(r"([-'’])", word.lower())
    out = []
    for i, part in enumerate(parts):
        after_apostrophe = i >= 2 and parts[i - 1] in "'’"
        out.append(part if after_apostrophe and len(part) <= 2 else part[:1].upper() + part[1:])
    return "".join(out)


def title_case(text: str, known: frozenset[str] = frozenset()) -> str:
    """`text` in title case when it is written all in capitals (else as it is); `known` are the digest's acronyms."""
    if not capitals(text):
        return text
    words = list(_TOKEN.finditer(text))
    out, last = [], 0
    for index, match in enumerate(words):
        out.append(text[last:match.start()])
        out.append(_word(match.group(), index == 0, known))
        last = match.end()
    out.append(text[last:])
    return "".join(out)
