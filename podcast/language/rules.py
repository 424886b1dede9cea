"""What a language's verbalizer needs to know about it: the data each language folder fills in.

The code that applies these rules is shared (`verbalizer.py`); number words come from num2words or ICU
(`numbers.py`), names of months, days, currencies and units and plural rules from CLDR (`podcast/cldr.py`). What is left
here is what no library holds: how a newsroom abbreviates, says a clock time, joins a scale to a currency.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field


@dataclass(frozen=True)
class LanguageRules:
    """One language's conventions for written news text."""

    code: str
    """The show's language code: "es", "fr", "it", "pt-BR", "hi"."""
    decimal: str
    """The decimal separator in writing: "," (Romance languages) or "." (Hindi)."""
    point_word: str
    """The decimal separator said: "coma", "virgule", "virgola", "vírgula", "दशमलव"."""
    fraction_as_number: bool
    """"2,35" read "dos coma treinta y cinco" (True) or digit by digit, "दो दशमलव तीन पाँच" (False)."""
    to_word: str
    """Ranges and scores: "3-1" -> "tres a uno"."""
    and_word: str
    plus_word: str
    times_word: str
    """"3x" -> "tres veces"."""
    url_words: tuple[str, str, str, str]
    """How an address is read: dot, slash, at, dash."""
    scales: dict[str, int]
    """Written scale words and abbreviations after a number -> power of ten ("M€", "mil millones")."""
    scale_words: dict[int, tuple[str, str]]
    """Power of ten -> (singular, plural) as said."""
    of_currency: Callable[[str], str]
    """What joins a scale word to a currency: "millones de euros", "millions d'euros", "करोड़ रुपये"."""
    short_currency: Callable[[str], str]
    """CLDR's full currency name -> the name a newsreader uses for a bare symbol ("dólares estadounidenses" ->
    "dólares")."""
    minor_unit: tuple[str, str]
    """Cents: ("céntimo", "céntimos")."""
    cents: Callable[[str, str, str], str]
    """(whole amount said with its currency, cents number said, cents name) -> the amount with cents."""
    points: dict[str, tuple[str, str]]
    """Abbreviation after a number -> (singular, plural): percentage points, basis points."""
    abbreviations: dict[str, str]
    """Abbreviations with their dots -> words ("Sr." -> "señor")."""
    leads_on: frozenset[str]
    """Abbreviations (lowercase) after which a sentence never ends."""
    word_acronyms: frozenset[str]
    """All-capital words said as words, not spelled ("OTAN", "ONU")."""
    gender: Callable[[str], str]
    """A noun -> "m" or "f", for the number before it ("veintiuna personas")."""
    clock: Callable[[int, int], str]
    """(hour, minute) -> the time said."""
    date: Callable[[str, str, str], str]
    """(day said, month name, year said) -> the date said: "doce de enero de dos mil veintisiete"."""
    first_day: str
    """The first of a month: "uno", "premier", "primo", "primeiro"."""
    ordinal_suffixes: dict[str, str]
    """Written ordinal suffix after a number -> gender: "º" -> "m", "ª" -> "f", "er" -> "m", "e" -> "m"."""
    regnal: Callable[[int], str]
    """A king's or pope's number: "Felipe VI" -> "sexto", "Louis XIV" -> "quatorze"."""
    century: Callable[[int], str]
    """A century's number: "siglo XXI" -> "veintiuno", "XXIe siècle" -> "vingt et unième"."""
    century_word: str
    """The word for century, to find roman numerals ("siglo", "siècle")."""
    dot_time_after: tuple[str, ...] = ()
    """Words (with the space after them) after which "10.30" is a clock time, not a decimal ("a las ", "alle ");
    empty: only "10:30" is."""
    sentence_end: str = ".!?"
    """Characters that end a sentence ("।" in Hindi)."""
    digits_from: str = ""
    """A native digit set written in news, mapped to 0-9 (Devanagari ०-९)."""
    letter_names: dict[str, str] = field(default_factory=dict)
    """How the letters of a spelled acronym are written for the speech engine, where eSpeak NG would not say a lone
    capital as the letter's name (Italian: "E" alone is the word "and", "B C E" came out "bi ci e"); a letter not
    here stays a capital."""
    letter_joiner: str = " "
    """Between the letters of a spelled acronym: " " ("P I B"), or "-" so that eSpeak NG says them as one word,
    with the pace and final stress of a newsreader's acronym ("B-C-E", "bì-cì-é")."""
    pronounceable: Callable[[str], bool] | None = None
    """Whether an acronym reads as a word in the language ("Pil", "Istat", "Nato" in Italian), so that only the
    others are spelled; a language with this rule also spells the one-capital acronyms of its house style that
    cannot be said as words ("Bce", "Pd"). None: only `word_acronyms` are said as words."""
    extra: dict[str, str] = field(default_factory=dict)
    """Words this language says for symbols left over: "%", "°", "#"."""
