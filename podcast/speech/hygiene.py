"""Text hygiene: markup, control characters, quotes, dashes, symbols, URLs and addresses."""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Callable
from typing import Final

Rule = tuple[re.Pattern[str], str | Callable[[re.Match[str]], str]]


def _spell_host(host: str) -> str:
    """"coindesk.com" -> "coindesk dot com"."""
    return " dot ".join(part for part in host.split(".") if part)


def _url(match: re.Match[str]) -> str:
    host = re.sub(r"^(?:https?://)?(?:www\.)?", "", match.group(0), flags=re.I)
    host = re.split(r"[/?#]", host, maxsplit=1)[0]
    return _spell_host(host)


def _email(match: re.Match[str]) -> str:
    return f"{match.group(1).replace('.', ' dot ')} at {_spell_host(match.group(2))}"


def _keep_speakable(char: str) -> str:
    """Latin letters (with accents), digits and punctuation stay; other scripts and symbols go."""
    if char.isascii():
        return char
    category = unicodedata.category(char)
    if category.startswith("L") and "LATIN" in unicodedata.name(char, ""):
        return char
    if category == "Sc" or char in "°º²³µ×":
        return char
    if category == "Zs":
        return " "
    folded = unicodedata.normalize("NFKD", char).encode("ascii", "ignore").decode()
    return folded if folded.isalnum() else " "


_NON_ASCII: Final = re.compile(r"[^\x00-\x7f]")
_CONTROL: Final = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u200b-\u200f\u2028\u2029\ufeff]")
_TLDS: Final = (".com", ".org", ".net", ".io", ".ai", ".gov", ".edu", ".co", ".cn", ".hk", ".uk", ".tv", ".news")
_SYMBOL_CHARS: Final = re.compile(r"[&+=<>{}\[\]|\\^_~`*#@/]")

TYPOGRAPHY: Final[list[Rule]] = [
    (re.compile(r"[\u2018\u2019\u201a\u201b\u2032]"), "'"),
    (re.compile(r"[\u201c\u201d\u201e\u201f\u00ab\u00bb\u2033]"), '"'),
    (re.compile(r"\u2026"), "..."),
    (re.compile(r"[\u2212\u2012]"), "-"),
    (re.compile(r"(?<=\d)\s*[\u2013\u2014]\s*(?=\d)"), "-"),  # 30–40: a range
    (re.compile(r"\s*(?:--+|[\u2013\u2014\u2015])\s*"), ", "),  # a dash between clauses
    (re.compile(r"\s+-\s+"), ", "),
    (re.compile(r"[\u00a0\u2009\u202f\u2007]"), " "),
]

MARKUP: Final[list[Rule]] = [
    (re.compile(r"<!--.*?-->", re.S), " "),
    (re.compile(r"</?[A-Za-z][^<>]*>"), " "),  # HTML, SSML and other tags
    (re.compile(r"\[(?:\d+|[a-z ]+)\]"), ""),  # footnote marks like [1]
]

ADDRESSES: Final[list[Rule]] = [
    (re.compile(r"\b([\w.+-]+)@([A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+)"), _email),
    (re.compile(r"\bhttps?://[^\s<>\"')]+", re.I), _url),
    (re.compile(r"\bwww\.[^\s<>\"')]+", re.I), _url),
    (
        re.compile(
            r"\b[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.(?:com|org|net|io|ai|gov|edu|co|cn|hk|uk|tv|news)"
            r"\b(?:/[^\s<>\"')]*)?",
        ),
        _url,
    ),
    (re.compile(r"(?<![\w@])@([A-Za-z0-9_]{2,})"), r"at \1"),
    (re.compile(r"(?<![\w&])#([A-Za-z][A-Za-z0-9_]+)"), r"hashtag \1"),
]

SYMBOLS: Final[list[Rule]] = [
    (re.compile(r"\s*&\s*"), " and "),
    (re.compile(r"\s*\+\s*(?=[A-Za-z])"), " plus "),
    (re.compile(r"(?<=\w)\s*=\s*(?=\w)"), " equals "),
    (re.compile(r"[<>{}\[\]|\\^_~`*#@=+]"), " "),
    (re.compile(r"(?<![\w.])/|/(?![\w.])"), " "),
]


def apply(rules: list[Rule], text: str) -> str:
    for pattern, replacement in rules:
        text = pattern.sub(replacement, text)
    return text


def clean(text: str) -> str:
    """Unescape entities, drop markup and control characters, straighten typography."""
    # Each group runs only when its characters occur: most news text needs few of them.
    if "&" in text:
        text = html.unescape(html.unescape(text))
    if "<" in text or "[" in text:
        text = apply(MARKUP, text)
    text = _CONTROL.sub("", text)
    if not text.isascii():
        text = unicodedata.normalize("NFC", text)
    if not text.isascii() or "-" in text:
        text = apply(TYPOGRAPHY, text)
    if not text.isascii():
        text = _NON_ASCII.sub(lambda m: _keep_speakable(m.group(0)), text)
    if "@" in text or "#" in text or "www." in text or "://" in text or any(t in text for t in _TLDS):
        text = apply(ADDRESSES, text)
    return text


def finish(text: str) -> str:
    """Last pass: remaining symbols spoken or dropped, punctuation and spaces tidied."""
    if _SYMBOL_CHARS.search(text):
        text = apply(SYMBOLS, text)
    text = re.sub(r"\(\s*\)", " ", text)
    text = re.sub(r"\s+([,.;:!?)])", r"\1", text)
    text = re.sub(r"([,;:])(?:\s*[,;:])+", r"\1", text)
    text = re.sub(r",(\s*[.!?])", r"\1", text)
    text = re.sub(r"\(\s*", "(", text)
    return " ".join(text.split())
