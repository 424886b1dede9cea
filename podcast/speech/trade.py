"""Figures of the trades, read by their context. Each family is one rule in RULES, named, so that the reading it
guesses can be shown: scale letters after a figure ("4.3m TEU", "210k"), nautical miles in a story at sea,
changes period on period ("d/d"), a price's change to its new level ("rose $18 to $612/t"), and ZIP codes in a
list."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Final

from . import guesses
from .words import cardinal, spell_digits


@dataclass(frozen=True)
class TradeRule:
    """One family: where it applies, and what it writes for the later rules to read."""

    name: str
    pattern: re.Pattern[str]
    replace: Callable[[re.Match[str]], str]
    context: re.Pattern[str] | None = None
    """Applied only when the story matches this (nautical miles at sea, not nanometres in a chip story)."""
    readings: Callable[[re.Match[str]], tuple[str, ...]] | None = None
    """When the rule chose between readings: the one said, then the others (each in words), for guesses.note."""


_SEA: Final = re.compile(r"\b(?:ship(?:s|ping|ment)?|vessels?|tankers?|freighters?|carriers?|cargo|ports?|"
                         r"container|sail(?:s|ed|ing)?|voyage|maritime|naval|navy|fleet|harbou?r|strait|canal|"
                         r"Cape|knots|seas?|ocean|routes?|detour)\b", re.IGNORECASE)
_PERIODS: Final = {"d": "day on day", "w": "week on week", "m": "month on month", "q": "quarter on quarter",
                   "y": "year on year"}
_MOVES: Final = (r"rose|fell|climbed|jumped|gained|added|dropped|slipped|lost|declined|increased|decreased|"
                 r"rallied|slid|sank|surged|soared|tumbled|plunged|eased|edged (?:up|down|higher|lower)|"
                 r"was up|was down|were up|were down|is up|is down|up|down|higher|lower")
_MONEY: Final = r"(?:US|HK|S|A|C|NZ)?[$€£¥]\d[\d,]*(?:\.\d+)?(?:\s?(?:bn|m|k|billion|million|thousand))?"
_COUNTED: Final = r"(?=\s+(?:[A-Z]{2,}s?\b|[a-z]+s\b))"
"""What follows a count in millions: an acronym ("TEU", "bpd") or a plural ("tonnes", "passengers")."""

RULES: Final = (
    TradeRule("thousands: 210k, $28k", re.compile(
        r"(?<![\w.,])(?P<cur>(?:US|HK|S|A|C|NZ)?[$€£¥])?(?P<num>\d{1,3}(?:\.\d+)?)k\b(?![-\s]?(?:run|race|walk)\b)"),
        lambda m: f"{m['cur'] or ''}{m['num']} thousand",
        readings=lambda m: (f"{cardinal(m['num'])} thousand", f"{cardinal(m['num'])} K")),
    TradeRule("millions before what they count: 4.3m TEU", re.compile(
        r"(?<![\w.,$€£¥])(?P<num>\d{1,3}(?:\.\d+)?)m\b" + _COUNTED), lambda m: f"{m['num']} million",
        readings=lambda m: (f"{cardinal(m['num'])} million", f"{cardinal(m['num'])} metres")),
    TradeRule("nautical miles at sea: 3,400 nm", re.compile(r"(?P<num>\d[\d,]*(?:\.\d+)?)\s?nm\b"),
              lambda m: f"{m['num']} nautical miles", context=_SEA,
              readings=lambda m: (f"{cardinal(m['num'])} nautical miles", f"{cardinal(m['num'])} nanometres")),
    TradeRule("period on period: d/d, w/w, m/m, q/q, y/y", re.compile(r"\b(?P<p>[dwmqy])/(?P=p)\b"),
              lambda m: _PERIODS[m["p"]]),
    TradeRule("a change to a new level: rose $18 to $612/t", re.compile(
        r"\b(?P<move>" + _MOVES + r")\s+(?P<change>" + _MONEY + r")\s+to\s+(?P<level>" + _MONEY + r")"),
        lambda m: f"{m['move']} {m['change']}, to {m['level']}"),
    TradeRule("a price a tonne: $612/t", re.compile(r"(?P<money>" + _MONEY + r")/(?:t|tonne|mt)\b"),
              lambda m: f"{m['money']} a tonne"),
    TradeRule("ZIP codes in a list: 80302 and 80304", re.compile(
        r"\b(?P<lead>ZIP codes|zip codes|ZIPs|postcodes|postal codes)\s+(?P<list>\d{5}(?:(?:,\s*|\s+(?:and|or)\s+|"
        r",\s+(?:and|or)\s+)\d{5})+)\b"),
        lambda m: m["lead"] + " " + re.sub(r"\d{5}", lambda d: spell_digits(d.group()), m["list"])),
)


SEA_DOMAINS: Final = frozenset({"shipping", "maritime", "trade", "logistics", "ports"})
"""A show's [show] domain in which every story is at sea: "nm" is nautical miles wherever it is written."""
LAND_DOMAINS: Final = frozenset({"science", "technology", "tech", "semiconductors", "chips"})
"""Domains in which "nm" is a nanometre even in a story that mentions a port or a route."""


def at_sea(context: str, domain: str = "") -> bool:
    if domain in SEA_DOMAINS:
        return True
    return domain not in LAND_DOMAINS and _story_says(_SEA, context)


def _noted(rule: TradeRule, context: str) -> Callable[[re.Match[str]], str]:
    def replace(match: re.Match[str]) -> str:
        if rule.readings is not None:
            chosen, *others = rule.readings(match)
            why = rule.name.split(":")[0] + (f" ({context})" if context else "")
            guesses.note(match.group(0), chosen, others, why)
        return rule.replace(match)
    return replace


def verbalize(text: str, context: str = "", domain: str = "") -> str:
    """Each family's reading written out for the rules after it."""
    for rule in RULES:
        decided = ""
        if rule.context is not None:
            if not (rule.pattern.search(text) and at_sea(context or text, domain)):
                continue
            decided = f"the show's domain is {domain}" if domain in SEA_DOMAINS else "the story is about the sea"
        text = rule.pattern.sub(_noted(rule, decided), text)
    return text


@functools.lru_cache(maxsize=64)
def _story_says(context: re.Pattern[str], story: str) -> bool:
    """Whether the story matches a rule's context: searched once per story, not once per sentence (a story of
    thousands of sentences would otherwise be read thousands of times)."""
    return context.search(story) is not None
