"""Text hygiene: markup, control characters, quotes, dashes, symbols, URLs and addresses."""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Callable
from typing import Final

from . import words

Rule = tuple[re.Pattern[str], str | Callable[[re.Match[str]], str]]


_SAID_AS_WORDS: Final = frozenset("com org net gov edu info biz news co my go me we to in on at by of do".split())


_SEPARATORS: Final = {"-": " dash ", "_": " underscore ", ".": " dot ", "~": " tilde "}


def _label(label: str) -> str:
    """One part of an address: two-letter runs and vowel-less ones spelled ("ir" -> "I R", "eu" -> "E U"),
    words said ("com", "bank", "co"), digits one by one, hyphens and underscores said ("dash", "underscore")."""
    spoken = []
    for part in re.findall(r"[A-Za-z]+|\d+|[-_.~]", label):
        if part in _SEPARATORS:
            spoken.append(_SEPARATORS[part])
        elif part.isdigit():
            spoken.append(" " + words.spell_digits(part) + " ")
        elif part.lower() not in _SAID_AS_WORDS and (
                len(part) <= 2 or (len(part) <= 4 and not re.search(r"[aeiouy]", part.lower()))):
            spoken.append(" " + " ".join(part.upper()) + " ")
        else:
            spoken.append(" " + part + " ")
    return " ".join("".join(spoken).split())


def _spell_host(host: str) -> str:
    """"example-bank.eu" -> "example dash bank dot E U"; "coindesk.com" -> "coindesk dot com"."""
    return " dot ".join(_label(part) for part in host.split(".") if part)


def _path_part(part: str) -> str:
    """A path's part as said: words as words, "report-2024" -> "report dash two oh two four"; a short code
    whose letters and digits alternate ("3xYz9") one character at a time."""
    if len(re.findall(r"[A-Za-z]+|\d+", part)) >= 3 and re.fullmatch(r"[A-Za-z0-9]{3,16}", part):
        return " ".join(words.spell_digits(c) if c.isdigit() else c for c in part)
    return " ".join("".join(_SEPARATORS.get(p, f" {words.spell_digits(p)} " if p.isdigit() else f" {p} ")
                            for p in re.findall(r"[A-Za-z]+|\d+|[-_.~]", part)).split())


def _url(match: re.Match[str]) -> str:
    """A web address as read aloud: its host and path ("example dot gov slash help"); a full stop or comma
    after it still ends the sentence or clause."""
    address = match.group(0)
    trailing = re.search(r"[.,;:!?]+$", address)
    tail = trailing.group(0) if trailing else ""
    address = address[: len(address) - len(tail)]
    address = re.sub(r"^(?:https?://)?(?:www\.)?", "", address, flags=re.I)
    host, _, path = address.partition("/")
    path = re.split(r"[?#]", path, maxsplit=1)[0].strip("/")
    spoken = _spell_host(host)
    if path and len(path.split("/")) <= 3 and len(path) <= 40:
        spoken += "".join(" slash " + _path_part(part) for part in path.split("/"))
    return spoken + tail


def _email(match: re.Match[str]) -> str:
    """"jane.doe42@news.co.uk" -> "jane dot doe four two at news dot co dot U K"."""
    local = _label(match.group(1))
    return f"{local} at {_spell_host(match.group(2))}"


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
_TLD_NAMES: Final = ("com org net io ai gov edu co cn hk uk tv news ly me us ca de fr eu info app dev au jp kr sg "
                     "nz ie ch nl se es it in ru br mx za").split()
_TLDS: Final = tuple("." + tld for tld in _TLD_NAMES)
_SYMBOL_CHARS: Final = re.compile(r"[&+=<>{}\[\]|\\^_~`*#@/]")

TYPOGRAPHY: Final[list[Rule]] = [
    (re.compile(r"[\u2018\u2019\u201a\u201b\u2032]"), "'"),
    (re.compile(r"[\u201c\u201d\u201e\u201f\u00ab\u00bb\u2033]"), '"'),
    (re.compile(r"\u2026"), "..."),
    (re.compile(r"[\u2212\u2012]"), "-"),
    (re.compile(r"(?<=\d)\s*[\u2013\u2014]\s*(?=\d)"), "-"),  # 30–40: a range
    (re.compile(r"(?<=[\w.%)'])\u2013(?=[\w$£€¥'])"), "-"),  # 9am–noon, March 3–5, $5–$10: a range too
    (re.compile(r"(?:(?<=[apAP][mM])|(?<=[ap]\.m\.))\s+[-\u2013\u2014]\s+(?=\d|[Nn]oon|[Mm]idnight)"), "-"),
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
    (re.compile(r"\bmailto:(?=\S+@)", re.I), ""),
    (re.compile(r"\b([\w.+-]+)@([A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+)"), _email),
    (re.compile(r"\bhttps?://[^\s<>\"')]+", re.I), _url),
    (re.compile(r"\bwww\.[^\s<>\"')]+", re.I), _url),
    (
        re.compile(
            r"\b[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.(?:" + "|".join(_TLD_NAMES) + r")"
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
