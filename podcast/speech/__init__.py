"""Written news text -> words an engine reads right: the rule tables applied in order.

Order matters: markup and typography first, then the producer's lexicon, then
the most specific figures (money, dates) before the general ones (plain numbers),
and acronyms last so that unit and currency codes have been consumed.
"""

from __future__ import annotations

import re
from typing import Final

from ..lexicon import Lexicon
from . import (
    capitals,
    codes,
    contextual,
    forms,
    guesses,
    hygiene,
    measures,
    money,
    names,
    places,
    ranges,
    spoken_dates,
    trade,
    words,
)

__all__ = ["speak", "sentences", "split_written", "FORBIDDEN"]

FORBIDDEN: Final = re.compile(r"[0-9$£€¥₩%&<>]")
"""What the spoken text never contains."""


def speak(text: str, context: str = "", lexicon: Lexicon | None = None, date_order: str = "MDY",
          domain: str = "") -> str:
    """The spoken form of one written sentence; `context` is the whole story, for decisions like yen or
    yuan; `date_order` ("MDY" or "DMY") reads numeric dates such as 03/05/2026; `domain` is the show's ([show]
    domain, e.g. "shipping"), for what the story's words cannot settle. Readings chosen between are recorded
    (guesses.py)."""
    since = guesses.count()
    spoken = _speak(text, context, lexicon, date_order, domain)
    guesses.mark(since, text)
    return spoken


def _speak(text: str, context: str, lexicon: Lexicon | None, date_order: str, domain: str) -> str:
    text = hygiene.clean(capitals.dateline(text))
    if lexicon is not None:
        text = lexicon.apply(text)
    text = capitals.words_in_capitals(text, names.WORD_ACRONYMS)
    figures = forms.DIGIT.search(text) is not None  # rules that read figures are skipped when there are none
    text = trade.verbalize(text, context, domain) if figures or "/" in text else text
    text = money.pairs(places.parties(contextual.verbalize(text)))
    if figures:
        text = codes.verbalize(spoken_dates.month_case(text))
    text = ranges.verbalize(text)
    text = forms.verbalize(text, date_order)
    text = names.abbreviations(text)
    text = hygiene.apply(measures.WORDS, text)
    if figures:
        text = _figures(text, context)
    text = money.conversions(text)
    text = names.acronyms(text)
    text = _leftovers(text)
    return hygiene.finish(text)


def _figures(text: str, context: str) -> str:
    """Money, dates, measures, years, names with numbers and plain numbers, most specific first."""
    text = money.verbalize(text, context or text)
    text = hygiene.apply(spoken_dates.RULES, text)
    text = hygiene.apply(measures.RULES, text)
    text = spoken_dates.years(text)
    text = names.names_with_numbers(text)
    return measures.numbers(text)


def _leftovers(text: str) -> str:
    """A digit or sign no rule claimed is still said, never passed through."""
    if not FORBIDDEN.search(text):
        return text
    text = re.sub(r"\d+", lambda m: " " + words.digits(m.group(0)) + " ", text)
    replacements = {"$": " dollars ", "£": " pounds ", "€": " euros ", "¥": " yen ",
                    "₩": " won ", "%": " percent ", "&": " and ", "<": " ", ">": " "}
    return FORBIDDEN.sub(lambda m: replacements[m.group(0)], text)


_WRITTEN_END = re.compile(r"(?<=[.!?])[\"'”’)\]]*\s+(?=[\"'“‘(]?[A-Z0-9])")
_NEVER_ENDS: Final = frozenset(t.lower() for t in names.TITLES) | {"no.", "st.", "ext.", "approx.", "vs.", "cf.",
                                                                     "fig.", "vol.", "op.", "pp.", "p."}
_STREET_ENDINGS: Final = frozenset({"st.", "dr."})
_CONTINUES_AFTER_CLOCK: Final = re.compile(
    r"[\"'(]?(?:[ECMP][SD]?T|GMT|UTC|BST|CET|CEST|HKT|JST|SGT|AEST|AEDT|IST|Monday|Tuesday|Wednesday|Thursday|"
    r"Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|"
    r"December)\b")


def _after_a_street(text: str, abbreviation: int, following: int) -> bool:
    name = re.search(r"(\S+)\s+$", text[max(0, abbreviation - 40):abbreviation])
    if not name:
        return False
    return contextual.is_street(text, abbreviation - len(name.group(0)), text[following:following + 40])


def split_written(text: str) -> list[str]:
    """A paragraph as the digest wrote it, cut into sentences: never inside a number ("1.5m", "3.2%"), a web
    address, or after an abbreviation that leads on ("Dr.", "St.", "Jan.", an initial, "a.m. ET")."""
    parts, start = [], 0
    for match in _WRITTEN_END.finditer(text):
        before = text[start:match.start()]
        token = before.rsplit(None, 1)[-1] if before.strip() else ""
        bare = token.lstrip("(\"'“‘").lower()
        if text[match.end():match.end() + 1] == "(":
            continue  # "Apple Inc. (NASDAQ: AAPL) reported": a bracket goes on with the sentence
        if re.match(r"[NSEW]\.\s+[a-z]", text[match.end():match.end() + 6]):
            continue  # "5 mi. N. of town": a compass point leads on
        if bare in _STREET_ENDINGS and _after_a_street(text, match.start() - len(token), match.end()):
            pass  # "1420 Elm St. Mayor Whitfield said": the street's full stop ends the sentence
        elif bare == "no." and not text[match.end():match.end() + 1].isdigit():
            pass  # "No. 5" leads on; a quoted "no." ends a sentence
        elif bare in _NEVER_ENDS or re.fullmatch(r"[A-Z]\.", token.lstrip("(\"'“‘")):
            continue
        if bare in ("a.m.", "p.m.") and _CONTINUES_AFTER_CLOCK.match(text, match.end()):
            continue
        parts.append(text[start:match.end()].strip())
        start = match.end()
    parts.append(text[start:].strip())
    return [part for part in parts if part]


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
