"""Hindi (Indian newsroom style): lakh and crore grouping ("1,23,456"), "₹500 करोड़", "।" ends a sentence."""

from __future__ import annotations

from typing import Final

from ..numbers import cardinal, ordinal
from ..rules import LanguageRules


def clock(hour: int, minute: int) -> str:
    """"10:30" -> "दस बजकर तीस मिनट"; "10:00" -> "दस बजे"."""
    if minute == 0:
        return f"{cardinal(hour, 'hi')} बजे"
    return f"{cardinal(hour, 'hi')} बजकर {cardinal(minute, 'hi')} मिनट"


def _short(name: str) -> str:
    """"भारतीय रुपए" -> "रुपए": Hindi puts the adjective first."""
    words = name.split()
    return " ".join(words[1:]) if len(words) > 1 else name


RULES: Final = LanguageRules(
    code="hi",
    decimal=".",
    point_word="दशमलव",
    fraction_as_number=False,
    to_word="से",
    and_word="और",
    plus_word="प्लस",
    times_word="गुना",
    url_words=("डॉट", "स्लैश", "एट", "डैश"),
    scales={"हज़ार": 3, "हजार": 3, "लाख": 5, "lakh": 5, "करोड़": 7, "crore": 7, "cr": 7, "अरब": 9,
            "खरब": 11},
    scale_words={3: ("हज़ार", "हज़ार"), 5: ("लाख", "लाख"), 7: ("करोड़", "करोड़"), 9: ("अरब", "अरब"),
                 11: ("खरब", "खरब"), 6: ("मिलियन", "मिलियन")},
    of_currency=lambda name: "",
    short_currency=_short,
    minor_unit=("पैसा", "पैसे"),
    cents=lambda whole, cents, name: f"{whole} {cents} {name}",
    points={"bps": ("आधार अंक", "आधार अंक"), "bp": ("आधार अंक", "आधार अंक"),
            "पीपी": ("प्रतिशत अंक", "प्रतिशत अंक")},
    abbreviations={"डॉ.": "डॉक्टर", "प्रो.": "प्रोफेसर", "सं.": "संख्या", "ई.": "ईस्वी",
                   "ई.पू.": "ईसा पूर्व"},
    leads_on=frozenset("डॉ. प्रो. श्री. सं. dr. mr.".split()),
    word_acronyms=frozenset("NASA NATO ISRO SEBI COVID".split()),
    gender=lambda noun: "m",
    clock=clock,
    date=lambda day, month, year: f"{day} {month} {year}",
    first_day="एक",
    ordinal_suffixes={"वां": "m", "वाँ": "m", "वीं": "f", "वें": "m", "ला": "m", "ली": "f"},
    regnal=lambda number: cardinal(number, "hi"),
    century=lambda number: ordinal(number, "hi", "f"),
    century_word="सदी",
    sentence_end=".!?।",
    digits_from="०१२३४५६७८९",
)
