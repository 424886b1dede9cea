"""Written news text -> words an engine reads right: the rule tables applied in order.

Order matters: markup and typography first, then the producer's lexicon, then
the most specific figures (money, dates) before the general ones (plain numbers),
and acronyms last so that unit and currency codes have been consumed.
"""

from __future__ import annotations

import re
from typing import Final

from . import dates, hygiene, measures, money, names, words
from .lexicon import Lexicon, load_lexicon, parse_lexicon

__all__ = ["Lexicon", "load_lexicon", "parse_lexicon", "speak", "sentences", "FORBIDDEN"]

FORBIDDEN: Final = re.compile(r"[0-9$£€¥₩%&<>]")
"""What the spoken text never contains."""


def speak(text: str, context: str = "", lexicon: Lexicon | None = None) -> str:
    """The spoken form of `text`; `context` is the whole story, for decisions like yen or yuan."""
    text = hygiene.clean(text)
    if lexicon is not None:
        text = lexicon.apply(text)
    text = names.abbreviations(text)
    text = money.verbalize(text, context or text)
    text = hygiene.apply(dates.RULES, text)
    text = hygiene.apply(measures.RULES, text)
    text = dates.years(text)
    text = names.names_with_numbers(text)
    text = measures.numbers(text)
    text = money.conversions(text)
    text = names.acronyms(text)
    text = _leftovers(text)
    return hygiene.finish(text)


def _leftovers(text: str) -> str:
    """A digit or sign no rule claimed is still said, never passed through."""
    text = re.sub(r"\d+", lambda m: " " + words.digits(m.group(0)) + " ", text)
    replacements = {"$": " dollars ", "£": " pounds ", "€": " euros ", "¥": " yen ",
                    "₩": " won ", "%": " percent ", "&": " and ", "<": " ", ">": " "}
    return FORBIDDEN.sub(lambda m: replacements[m.group(0)], text)


_SENTENCE_END = re.compile(r"(?<=[.!?])[\"')\]]*\s+(?=[\"'(]?[A-Z])")


def sentences(text: str) -> list[str]:
    """Spoken text split at sentence ends: the units the engine renders and captions show."""
    parts, start = [], 0
    for match in _SENTENCE_END.finditer(text):
        end = match.start() + len(match.group(0).rstrip())
        parts.append(text[start:end].strip())
        start = match.end()
    parts.append(text[start:].strip())
    return [part for part in parts if part]
