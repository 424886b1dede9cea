"""Written forms with a shape of their own: telephone numbers, clock times, numeric dates, digit strings,
regnal numbers, addresses and ZIP codes, tickers, finance shorthand and idioms like 24/7.

These run before money, dates and plain numbers, which would otherwise read
"555-123-4567" as a sum and a range, "03/05/2026" as fractions, "III" as letters.
"""

from __future__ import annotations

import re
from typing import Final

from . import measures, numerals, words
from .hygiene import Rule
from .places import POSTAL_STATES

spell_digits = words.spell_digits
DIGIT: Final = re.compile(r"\d")


_TOLL_FREE: Final = {"800": "eight hundred", "888": "triple eight", "877": "eight seven seven",
                      "866": "eight six six", "855": "eight five five", "844": "eight four four"}


def _phone(match: re.Match[str]) -> str:
    """In digit groups, as people read them out: "one eight hundred, five five five, oh one nine nine"."""
    groups = [g for g in re.split(r"\D+", match.group(0)) if g]
    lead = ""
    if len(groups) == 4 and groups[0] == "1":
        lead, groups = "one ", groups[1:]
    if len(groups) == 3 and groups[0] in _TOLL_FREE:
        spoken = lead + _TOLL_FREE[groups[0]] + "".join(", " + spell_digits(g) for g in groups[1:])
    else:
        spoken = (lead.strip() + ", " if lead else "") + ", ".join(spell_digits(g) for g in groups)
    if match.group(0).lstrip().startswith("+"):
        spoken = "plus " + spoken
    return spoken


def _extension(match: re.Match[str]) -> str:
    return "extension " + spell_digits(match["num"])


# --- clock times ---------------------------------------------------------------------------------

ZONES: Final = {
    "ET": "Eastern", "EST": "Eastern", "EDT": "Eastern", "CT": "Central", "CST": "Central", "CDT": "Central",
    "MT": "Mountain", "MST": "Mountain", "MDT": "Mountain", "PT": "Pacific", "PST": "Pacific", "PDT": "Pacific",
    "GMT": "G M T", "UTC": "U T C", "BST": "British Summer Time", "CET": "Central European Time",
    "CEST": "Central European Summer Time", "HKT": "Hong Kong time", "JST": "Tokyo time",
    "SGT": "Singapore time", "AEST": "Sydney time", "AEDT": "Sydney time", "IST": "India time",
    "MYT": "Malaysia time", "WIB": "Jakarta time", "ICT": "Bangkok time", "PHT": "Manila time", "KST": "Seoul time",
    "GST": "Gulf time", "CAT": "Central Africa time", "EAT": "East Africa time", "WAT": "West Africa time",
}
_ZONE: Final = r"(?:\s+(?P<zone>" + "|".join(sorted(ZONES, key=len, reverse=True)) + r")\b)?"


_CALENDAR_WORD: Final = re.compile(r"\s+(?:Mon|Tues?|Wed|Thu|Fri|Sat|Sun|Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|"
                                   r"Dec)[a-z]*\b")


def _minutes(minute: int) -> str:
    return "" if minute == 0 else f" oh {words.integer(minute)}" if minute < 10 else f" {words.integer(minute)}"


def _seconds(match: re.Match[str]) -> str:
    if not match["sec"] or int(match["sec"]) == 0:
        return ""
    sec = int(match["sec"])
    return f" and {words.integer(sec)} second{'s' if sec != 1 else ''}"


def _zone(match: re.Match[str]) -> str:
    return f" {ZONES[match['zone']]}" if match["zone"] else ""


def _twelve_hour(match: re.Match[str]) -> str:
    hour, minute = int(match["h"]), int(match["min"] or 0)
    if not 0 < hour <= 12 or minute > 59:
        return match.group(0)
    spoken = f"{words.integer(hour)}{_minutes(minute)}{_seconds(match)} {match['ampm'].upper()} M{_zone(match)}"
    rest = match.string[match.end():]
    # "p.m." ends the sentence at the end of the text or before a new one ("p.m. The index"), never
    # before its zone or a day ("a.m. ET Monday").
    ends = match["stop"] and not match["zone"] and (
        not rest.strip() or (re.match(r"\s+[\"'(]?[A-Z]", rest) and not _CALENDAR_WORD.match(rest)))
    return spoken + ("." if ends else "")


def _clock(match: re.Match[str]) -> str:
    hour, minute = int(match["h"]), int(match["min"])
    if hour > 23 or minute > 59:
        return match.group(0)
    if hour >= 13 or match["h"].startswith("0"):  # a 24-hour clock, read as a newsreader does
        if hour >= 13 or hour == 0:  # "14:00 UTC" -> "two P M U T C", "00:30" -> "twelve thirty A M"
            twelve = hour - 12 if hour >= 13 else 12
            return (f"{words.integer(twelve)}{_minutes(minute)}{_seconds(match)} {'P' if hour else 'A'} M"
                    f"{_zone(match)}")
        tail = " o'clock" if minute == 0 and not match["sec"] and not match["zone"] else _minutes(minute)
        head = f"{words.integer(hour)}{tail}" if tail else f"{words.integer(hour)} A M"
        return f"{head}{_seconds(match)}{_zone(match)}"  # "09:15 MYT" -> "nine fifteen Malaysia time"
    tail = " o'clock" if minute == 0 and not match["sec"] else _minutes(minute)
    return f"{words.integer(hour)}{tail}{_seconds(match)}{_zone(match)}"


def _feet_inches(match: re.Match[str]) -> str:
    """5'11" -> "five feet eleven inches"."""
    feet, inches = int(match["ft"] or match["ft2"]), int(match["inch"] or match["in2"])
    return (f"{words.integer(feet)} {'foot' if feet == 1 else 'feet'} "
            f"{words.integer(inches)} {'inch' if inches == 1 else 'inches'}")


# --- numeric dates -------------------------------------------------------------------------------

_MONTH_NAMES: Final = ("January February March April May June July August September October November "
                       "December").split()


def _date(day: int, month: int, year: str | None) -> str | None:
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    if not year:
        return f"{_MONTH_NAMES[month - 1]} {words.ordinal(day)}"
    full = int(year) if len(year) == 4 else 2000 + int(year)
    return f"{_MONTH_NAMES[month - 1]} {words.ordinal(day)}, {words.year(full)}"


def numeric_dates(text: str, order: str) -> str:
    """03/05/2026 in the show's order (MDY or DMY); 2025/11/03 year first; 03.11.2025 day first."""

    def slashed(match: re.Match[str]) -> str:
        a, b = int(match["a"]), int(match["b"])
        month, day = (a, b) if order == "MDY" else (b, a)
        return _date(day, month, match["y"] or None) or match.group(0)[len(match.groupdict().get("lead") or ""):]

    def year_first(match: re.Match[str]) -> str:
        return _date(int(match["d"]), int(match["m"]), match["y"]) or match.group(0)

    text = _YEAR_FIRST.sub(year_first, text)
    text = _DOTTED.sub(year_first, text)
    text = _SLASHED.sub(slashed, text)
    return _DAY_MONTH_AFTER_WORD.sub(lambda m: m["lead"] + slashed(m), text) if "/" in text else text


_SLASHED: Final = re.compile(r"(?<![\w/.])(?P<a>[01]?\d|[0-3]?\d)/(?P<b>[0-3]?\d)/(?P<y>\d{4}|\d{2})(?![\w/])")
_DAY_MONTH_AFTER_WORD: Final = re.compile(
    r"(?P<lead>\b(?:on|by|until|till|through|since|before|after|from|due|dated|starting|ending|effective) )"
    r"(?!9/11\b|24/7\b)(?P<a>[01]?\d|[0-3]?\d)/(?P<b>[0-3]?\d)(?P<y>)(?![\w/]|\.\d)"
)
"""A date without its year only after a word that leads to a date: "on 3/15"; "3/15 of" stays a fraction."""
_YEAR_FIRST: Final = re.compile(r"(?<![\w/.])(?P<y>[12]\d{3})/(?P<m>[01]?\d)/(?P<d>[0-3]?\d)(?![\w/])")
_DOTTED: Final = re.compile(r"(?<![\w.])(?P<d>[0-3]?\d)\.(?P<m>[01]?\d)\.(?P<y>[12]\d{3})(?![\w.]|\.\d)")


STATES: Final = POSTAL_STATES


def _zip(match: re.Match[str]) -> str:
    spoken = f", {STATES[match['state']]}, {spell_digits(match['zip'])}"
    return spoken + (f", {spell_digits(match['plus4'])}" if match["plus4"] else "")


_STREET_KINDS: Final = {"St": "Street", "Ave": "Avenue", "Rd": "Road", "Blvd": "Boulevard", "Ln": "Lane",
                        "Dr": "Drive", "Pl": "Place", "Ct": "Court", "Sq": "Square", "Hwy": "Highway"}


def _street(match: re.Match[str]) -> str:
    kind = _STREET_KINDS.get(match["kind"], match["kind"])
    stop = "." if match.group(0).endswith(".") and kind == match["kind"] else ""  # "Street." ended a sentence
    return f"{words.model_number(match['num'])} {match['street']}{kind}{stop}"


def _leading_zero(match: re.Match[str]) -> str:
    return spell_digits(match["num"])


def _digit_string(match: re.Match[str]) -> str:
    return match["ctx"] + spell_digits(match["num"])


def _mixed_fraction(match: re.Match[str]) -> str:
    whole, top, bottom = int(match["whole"]), int(match["top"]), int(match["bottom"])
    if not 0 < top < bottom <= 16:
        return match.group(0)
    if (top, bottom) == (1, 2):
        part = "a half"
    elif bottom == 4:
        part = "a quarter" if top == 1 else f"{words.integer(top)} quarters"
    else:
        name = words.ordinal(bottom)
        part = f"{words.integer(top)} {name}{'s' if top > 1 else ''}"
        part = part.replace("one ", "a ", 1) if top == 1 else part
    unit = measures.UNITS.get(match["unit"] or "")
    return f"{words.integer(whole)} and {part}" + (f" {unit[1]}" if unit else "")


IDIOMS: Final = {"24/7": "twenty-four seven", "9/11": "nine eleven", "50/50": "fifty-fifty",
                 "20/20": "twenty-twenty", "24/365": "twenty-four three sixty-five", "365/24/7": "three sixty-five"}


def _decade_word(match: re.Match[str]) -> str:
    return match["lead"] + words.plural_year(1900 + int(match["d"])).removeprefix("nineteen ")


RULES: Final[list[Rule]] = [
    # initials: "J. K. Rowling" is one sentence, "J K Rowling"
    (re.compile(r"(?<![\w.])(?P<initial>[A-Z])\.(?=\s+[A-Z])"), r"\g<initial>"),
    # tickers and exchange tags are for readers: "Apple (NASDAQ: AAPL) rose" is read "Apple rose"
    (re.compile(r"\s*\(\s*(?:NASDAQ|Nasdaq|NYSE(?: American)?|LSE|HKEX|HKSE|TSX|ASX|SGX|KRX|SSE|SZSE|TSE|TYO|"
                r"Euronext|Xetra|OTC|AMEX|BSE|NSE|SIX)\s*:\s*[A-Z0-9.]{1,12}\s*\)"), ""),
    (re.compile(r"\s*\(\s*(?:\d{3,6}\.(?:HK|T|SS|SZ|KS|TW)|[A-Z]{1,5}\.(?:O|N|L|PA|DE|HK|T|TO))\s*\)"), ""),
    (re.compile(r"\bEPS\b"), "earnings per share"),
    (re.compile(r"\bP/E\b(?:\s+ratio\b)?"), "price-to-earnings ratio"),
]
"""Rules that read letters; FIGURES below need a digit to match, so a sentence without one skips them."""
FIGURES: Final[list[Rule]] = [
    # "No. 5" before a date rule reads "5 Jan." as a day
    (re.compile(r"(?<![\w.])No\.\s?(?P<num>\d+)\b"), lambda m: "number " + words.integer(int(m["num"]))),
    # telephone numbers, before money and ranges take them; "+44 (0)20": the trunk zero is not dialled
    (re.compile(r"(?<=\d)\s?\(0\)\s?(?=\d)"), " "),
    (re.compile(r"(?<![\w.,$£€-])(?P<num>911|999|112)\b(?![\d,.-])(?!\s+(?:[a-z]+s|people|percent)\b)"),
     lambda m: spell_digits(m["num"]) if not re.search(r"[A-Z][a-z]+ $", m.string[:m.start()]) else m.group(0)),
    (re.compile(r"\b1-8(?P<toll>00|88|77|66|55|44)-(?P<word>[A-Z]{4,})\b"),
     lambda m: f"one {_TOLL_FREE['8' + m['toll']]} {m['word'].lower()}"),
    (re.compile(r"(?<![\w])\+\d{1,3}(?:[ .-]\(?\d{1,5}\)?){2,5}(?![\d-])"), _phone),
    (re.compile(r"(?<![\w+])0\d{3,4}[ -]\d{6}(?![\d-])"), _phone),
    (re.compile(r"(?<![\w+])(?:\+?1[-. ])?\(\d{3}\)\s?\d{3}[-. ]\d{4}(?!\d)"), _phone),
    (re.compile(r"(?<![\w+])(?:\(0\d{1,4}\)|\b0\d{2,4})[ -]?\d{3,4}[ -]\d{3,4}(?![\d-])"), _phone),  # (020) 7946 0958
    (re.compile(r"(?<![\w+])(?:1[-. ])?\d{3}[-.]\d{3}[-.]\d{4}(?![\d-])"), _phone),
    (re.compile(r"(?P<lead>\b(?:[Cc]all|[Pp]hone|[Tt]el|[Ff]ax|line|hotline|number|at|on):?\s+)"
                r"(?P<num>\d{3}-\d{4})(?![\d-])"),
     lambda m: m["lead"] + ", ".join(map(spell_digits, m["num"].split("-")))),
    (re.compile(r"\b(?:ext|Ext|x)\.?\s?(?P<num>\d{2,5})\b"), _extension),
    # heights in feet and inches, and military hours
    (re.compile(r"(?<![\w.])(?P<ft>[1-9])'\s?(?P<inch>\d{1,2})(?:\"|'')|(?<![\w.])(?P<ft2>\d{1,2})\s?ft\.?\s(?P<in2>\d{1,2})"
                r"\s?in\b\.?"), _feet_inches),
    (re.compile(r"(?<![\w.,:])(?P<h>[01]\d|2[0-3])(?P<min>[0-5]\d)(?=\s?(?:hours|hrs|h)\b)"),
     lambda m: f"{words.integer(int(m['h'])) if m['h'] >= '10' else 'oh ' + words.integer(int(m['h']))} "
               f"{'hundred' if m['min'] == '00' else words.integer(int(m['min']))}"),
    # clock times, with seconds, a dot, a.m./p.m. and a zone
    (re.compile(r"\b(?P<h>[01]?\d)(?:[:.](?P<min>[0-5]\d)(?::(?P<sec>[0-5]\d))?)?\s?(?P<ampm>[apAP])\.?\s?[mM]\b"
                r"(?P<stop>\.)?" + _ZONE), _twelve_hour),
    (re.compile(r"(?<![\d.:])\b(?P<h>[0-2]?\d):(?P<min>[0-5]\d)(?::(?P<sec>[0-5]\d))?\b" + _ZONE), _clock),
    # addresses: "123 Main St." and "St. Paul, MN 55101"
    (re.compile(r"\b(?P<num>\d{1,5})\s+(?P<street>(?:[A-Z][a-z]+\s+){1,3})(?P<kind>St|Street|Ave|Avenue|Rd|Road|"
                r"Blvd|Boulevard|Ln|Lane|Dr|Drive|Way|Pl|Place|Ct|Court|Sq|Square|Hwy|Highway)\b\.?"), _street),
    (re.compile(r",\s+(?P<state>" + "|".join(STATES) + r")\s+(?P<zip>\d{5})(?:-(?P<plus4>\d{4}))?\b"), _zip),
    # digit strings: codes, accounts and numbers with leading zeros are read digit by digit
    (re.compile(r"(?P<ctx>\b(?:ending in|ends in|account(?: number)?|card(?: number)?|PIN|code|passcode|"
                r"serial(?: number)?|reference|ref\.?|ID|ticket(?: number)?)\s+)(?P<num>\d{3,})\b"), _digit_string),
    (re.compile(r"(?<![\w.,:/$£€¥₩-])(?P<num>0\d+)(?![\w.,:/%])"), _leading_zero),
    # idioms and fractions
    (re.compile(r"(?<![\w/])(?:" + "|".join(re.escape(k) for k in IDIOMS) + r")(?![\w/])"),
     lambda m: IDIOMS[m.group(0)]),
    (re.compile(r"(?<![\w.])(?P<whole>\d{1,3})\s+(?P<top>\d{1,2})/(?P<bottom>\d{1,2})(?![\w/])"
                r"(?:\s?(?P<unit>" + measures.UNIT_ALT + r")(?![A-Za-z0-9²]))?"), _mixed_fraction),
    # decades without a century: "the mid-90s", "early 80s"
    (re.compile(r"(?P<lead>\b(?:mid|early|late|the|in|of|to)[- ])'?(?P<d>[2-9]0)'?s\b"), _decade_word),
]


def verbalize(text: str, date_order: str = "MDY") -> str:
    """Apply the rules above, in order."""
    for pattern, replacement in RULES:
        text = pattern.sub(replacement, text)
    if DIGIT.search(text):
        text = numeric_dates(text, date_order)
        for pattern, replacement in FIGURES:
            text = pattern.sub(replacement, text)
    return numerals.regnal(text)
