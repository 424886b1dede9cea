"""Dates, times, years, decades, year ranges, fiscal years, quarters and halves."""

from __future__ import annotations

import re
from typing import Final

from . import words
from .hygiene import Rule

MONTHS: Final = {
    "jan": "January", "feb": "February", "mar": "March", "apr": "April", "may": "May",
    "jun": "June", "jul": "July", "aug": "August", "sep": "September", "sept": "September",
    "oct": "October", "nov": "November", "dec": "December",
}
_MONTH_NAMES = "|".join(
    sorted({m for m in MONTHS.values()} | {k.capitalize() for k in MONTHS}, key=len, reverse=True)
)
_NAMES_SET: Final = frozenset(_MONTH_NAMES.split("|"))
_MONTH = r"(?P<month>" + _MONTH_NAMES + r")(?:\.(?=\s))?"
_OTHER_CASE: Final = re.compile(
    r"\b(?P<month>(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]{0,6}|(?:JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|"
    r"SEP|OCT|NOV|DEC)[A-Z]{0,6})(?=\.?\s+[0-3]?\d(?!\d)|[-/][0-3]?\d[-/])"
)


def month_case(text: str) -> str:
    """A month in lower case or capitals before a day, written as a name ("march 3 2025" -> "March 3 2025",
    "SEPT. 15" -> "Sept. 15"), so that the date rules, which read names, read it. "they may 3-D print" and
    "march 5 miles" keep their verbs: a lower-case "may" or "march" needs a year or an ordinal day."""

    def one(match: re.Match[str]) -> str:
        month = match["month"]
        name = month.capitalize()
        if name not in _NAMES_SET:
            return month
        if month in ("may", "march") and not re.match(r"\s+\d{1,2}(?:st|nd|rd|th|,?\s+[12]\d{3})\b",
                                                       text[match.end():match.end() + 12]):
            return month
        return name

    return _OTHER_CASE.sub(one, text)
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>[12]\d{3})"
_ORDINAL_WORDS = ("first", "second", "third", "fourth")


def _month(name: str) -> str:
    return MONTHS.get(name[:4].lower().rstrip("."), MONTHS.get(name[:3].lower(), name))


def _day_month_year(match: re.Match[str]) -> str:
    day = int(match["day"])
    if not 1 <= day <= 31:
        return match.group(0)
    if match.group(0)[0].isdigit() and re.match(r"\d+(?:st|nd|rd|th)", match.group(0)) and not match["year"]:
        # "the 3rd November": "the third of November"
        article = "" if match.string[max(0, match.start() - 4):match.start()].lower().endswith("the ") else "the "
        return f"{article}{words.ordinal(day)} of {_month(match['month'])}"
    spoken = f"{_month(match['month'])} {words.ordinal(day)}"
    if match["year"]:
        spoken += f", {words.year(int(match['year']))}"
    return spoken


def _dashed(match: re.Match[str]) -> str:
    """"Jan-15-2020", "15-Jan-2020", "15/JAN/20"."""
    day, year = int(match["day"]), match["year"]
    if not 1 <= day <= 31:
        return match.group(0)
    full = int(year) if len(year) == 4 else 2000 + int(year)
    return f"{_month(match['month'])} {words.ordinal(day)}, {words.year(full)}"


def _iso_date(match: re.Match[str]) -> str:
    month, day = int(match["mon"]), int(match["day"])
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return match.group(0)
    name = list(dict.fromkeys(MONTHS.values()))[month - 1]
    return f"{name} {words.ordinal(day)}, {words.year(int(match['year']))}"


def _year_range(match: re.Match[str]) -> str:
    start, end = match["start"], match["end"]
    first = int(start)
    if len(end) == 2:
        last = first - first % 100 + int(end)
        if last < first:
            last += 100
        tail = words.year(last)
    else:
        tail = words.year(int(end))
    return f"{words.year(first)} to {tail}"


def _decade(match: re.Match[str]) -> str:
    if match["short"]:
        n = int(match["short"])
        return words.plural_year(1900 + n if n >= 30 else 2000 + n).split(" ", 1)[-1]
    return words.plural_year(int(match["full"]))


def _fiscal(match: re.Match[str]) -> str:
    number, other = match["fy"], match["to"]
    spoken = words.year(int(number)) if len(number) == 4 else words.model_number(number)
    if other:
        if len(number) == 4 and len(other) == 2:
            other = number[:2] + other  # FY2025/26: the century carries over
        spoken += " to " + (words.year(int(other)) if len(other) == 4 else words.integer(int(other)))
    return f"fiscal year {spoken}"


_PREPOSITION_BEFORE = re.compile(
    r"\b(?:in|by|for|during|from|since|until|through|to|of|over|after|before|into|on)\s+$", re.I
)


def _with_article(match: re.Match[str], spoken: str) -> str:
    """"by Q1" reads "by the first quarter"; before a noun it qualifies it: "Q3 earnings", "third-quarter
    earnings"."""
    if " of " not in spoken and words.noun_follows(match.string, match.end()):
        return spoken.replace(" ", "-")
    before = match.string[max(0, match.start() - 16) : match.start()]  # a short window: linear time
    return "the " + spoken if _PREPOSITION_BEFORE.search(before) else spoken


def _period(match: re.Match[str]) -> str:
    n = int(match["n"])
    kind = "quarter" if match["kind"].upper() == "Q" else "half"
    if kind == "quarter" and not 1 <= n <= 4 or kind == "half" and not 1 <= n <= 2:
        return match.group(0)
    spoken = f"{_ORDINAL_WORDS[n - 1]} {kind}"
    if match["year"]:
        year_text = match["year"]
        year = int(year_text) if len(year_text) == 4 else 2000 + int(year_text)
        spoken += f" of {words.year(year)}"
    return _with_article(match, spoken)


def _period_with_short(match: re.Match[str]) -> str:
    n = int(match["n"])
    kind = "quarter" if match["kind"] == "Q" else "half"
    if kind == "half" and n > 2:
        return match.group(0)
    spoken = f"{_ORDINAL_WORDS[n - 1]} {kind}"
    if match["year"]:
        spoken += f" of {words.year(int(match['year']))}"
    elif match["y2"]:
        spoken += f" of {words.year(2000 + int(match['y2']))}"
    return _with_article(match, spoken)


_MONTH_CODE = r"(?P<month>" + _MONTH_NAMES + r")"
RULES: Final[list[Rule]] = [
    (re.compile(r"\b" + _MONTH_CODE + r"(?P<sep>[-/])(?P<day>[0-3]?\d)(?P=sep)(?P<year>[12]\d{3}|\d{2})\b(?![-/]\d)"),
     _dashed),
    (re.compile(r"(?<![\w/-])(?P<day>[0-3]?\d)(?P<sep>[-/])" + _MONTH_CODE + r"(?P=sep)(?P<year>[12]\d{3}|\d{2})\b"),
     _dashed),
    (re.compile(r"\b(?P<year>[12]\d{3})-(?P<mon>[01]\d)-(?P<day>[0-3]\d)\b"), _iso_date),
    (
        re.compile(r"\b" + _DAY + r"\s+" + _MONTH + r"(?:,?\s+" + _YEAR + r")?\b"),
        _day_month_year,
    ),
    (
        re.compile(r"\b" + _MONTH + r"\s+" + _DAY + r"\b(?!\s*(?:%|percent))(?:,?\s+" + _YEAR + r"\b)?"),
        _day_month_year,
    ),
    (
        re.compile(r"\bFY\s?'?(?P<fy>\d{4}|\d{2})(?:[-/](?P<to>\d{4}|\d{2}))?\b", re.I),
        _fiscal,
    ),
    (
        re.compile(r"\b(?P<n>[1-4])(?P<kind>[QH])\s?'?(?P<year>(?:20)?\d{2})?\b"),
        _period,
    ),
    (
        re.compile(r"\b(?P<kind>[QH])(?P<n>[1-4])(?:\s+(?P<year>[12]\d{3})|\s?'(?P<y2>\d{2}))?\b"),
        _period_with_short,
    ),
    (re.compile(r"\b(?P<start>[12]\d{3})\s?[-/]\s?(?P<end>\d{2}|[12]\d{3})\b(?![-/]\d)"), _year_range),
    (re.compile(r"(?:\b(?P<full>[12]\d{2}0)|'(?P<short>\d0))'?s\b"), _decade),
]


_BARE_YEAR = re.compile(r"(?<![\d,.$£€¥₩])\b(?P<year>1[1-9]\d{2}|20\d{2})\b(?![,.]\d|\s?%|\s?(?:percent|per cent)\b)")


def years(text: str) -> str:
    """A bare four-digit number between 1100 and 2099 is read as a year."""
    return _BARE_YEAR.sub(lambda m: words.year(int(m["year"])), text)
