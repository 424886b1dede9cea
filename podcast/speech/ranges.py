"""Ranges written with a hyphen or an en dash: clock times ("9am–noon", "6-8 p.m."), days of a month
("March 3–5"), ordinals, decades ("1960s-80s"), weekdays, and a team's win–loss record ("24-6" said "twenty-four
and six") as against a score ("won 31-17", "thirty-one to seventeen")."""

from __future__ import annotations

import re
from typing import Final

from . import words
from .spoken_dates import MONTHS

_AMPM: Final = r"\s?[apAP]\.?\s?[mM]\b\.?"
_TIME: Final = r"(?:\d{1,2}(?:[:.][0-5]\d)?(?:" + _AMPM + r")?|[Nn]oon|[Mm]idnight)"
_CLOCK_RANGE: Final = re.compile(r"(?<![\w.:/$£€-])(?P<a>" + _TIME + r")\s?-\s?(?P<b>" + _TIME + r")(?![\w:/-]|\.\d)")

_MONTH: Final = r"(?P<month>" + "|".join(sorted({*(m.capitalize() for m in MONTHS), *MONTHS.values()},
                                                 key=len, reverse=True)) + r")\.?"
_ORD: Final = r"(?:st|nd|rd|th)?"
_MONTH_DAYS: Final = re.compile(
    r"\b" + _MONTH + r"\s+(?P<d1>[0-3]?\d)" + _ORD + r"\s?-\s?(?P<d2>[0-3]?\d)" + _ORD + r"\b(?![-\d%])"
    r"(?:,?\s+(?P<year>[12]\d{3})\b)?"
)
_DAYS_MONTH: Final = re.compile(
    r"(?<![\w.-])(?P<d1>[0-3]?\d)" + _ORD + r"\s?-\s?(?P<d2>[0-3]?\d)" + _ORD + r"\s+" + _MONTH + r"\b"
    r"(?:,?\s+(?P<year>[12]\d{3})\b)?"
)
_MONTH_TO_MONTH: Final = re.compile(
    r"(?<=\d)(?:st|nd|rd|th)?\s?-\s?(?=(?:" + "|".join(dict.fromkeys(MONTHS.values())) + r"|"
    + "|".join(m.capitalize() for m in MONTHS) + r")\.?\s+\d)"
)
_ORDINALS: Final = re.compile(r"(?<![\w.])(?P<a>\d+(?:st|nd|rd|th|d))\s?-\s?(?P<b>\d+(?:st|nd|rd|th|d))\b")
_DECADES: Final = re.compile(r"(?P<a>\b[12]\d{2}0s|'\d0s)\s?-\s?(?P<b>'?\d0s|[12]\d{2}0s)\b")
_WEEKDAY: Final = r"(?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)(?:day|nesday|rsday|urday|sday)?\.?"
_WEEKDAYS: Final = re.compile(r"\b(?P<a>" + _WEEKDAY + r")-(?P<b>" + _WEEKDAY + r")(?!\w)")
_DAY_NAMES: Final = {d[:3]: d for d in "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()}

_PAIR: Final = re.compile(r"(?<![\w.,$£€¥/:-])(?P<a>\d{1,3})-(?P<b>\d{1,3})(?:-(?P<c>\d{1,2}))?(?![\w%/:-]|[.,]\d)")
_RECORD_BEFORE: Final = re.compile(
    r"(?:\b(?:improv|fell|fall|dropp|drop|mov|slipp|slip|climb|even|sitt|sit|stand)(?:ed|s|ing)?\s+(?:to|at)"
    r"|\brecord\s+(?:of|to|at|is)|\b(?:is|are|now|went|go|goes|finished|finish)|\(\s*)\s*$", re.I)
_RECORD_AFTER: Final = re.compile(
    r"\s*(?:\)|record|mark|overall|start|season|on the season|this season|in conference|in league|at home|on the "
    r"road|away|in the (?:[A-Z]|regular season)|this year|last season|all-time|lifetime|career|[,;]? [A-Z][\w ]{0,20}"
    r"\))", )
_SCORE_BEFORE: Final = re.compile(
    r"\b(?:won|win|wins|beat|beats|lost|lose|loses|defeated|defeats|drew|draw|edged|routed|rallied|tied|trail\w*|"
    r"led|leads?|leading|score[ds]?|victory|final)\b[^.;]{0,40}$", re.I)


def _record(match: re.Match[str]) -> str:
    """"24-6" after "improved to" or in brackets is a record: "24 and 6" ("24, 6 and 2" with ties)."""
    before = match.string[max(0, match.start() - 50):match.start()]
    after = match.string[match.end():match.end() + 30]
    a, b, c = match["a"], match["b"], match["c"]
    if int(a) > 200 or int(b) > 200 or _SCORE_BEFORE.search(before):
        return match.group(0)
    if _RECORD_BEFORE.search(before) and (before.rstrip().endswith("(") or _RECORD_AFTER.match(after) or
                                          not re.match(r"\s*(?:%|percent|per|[a-z]+s\b)", after)):
        return f"{a}, {b} and {c}" if c else f"{a} and {b}"
    team_aside = re.search(r"[A-Z][a-z]+,\s*$", before) and after.startswith(",")  # "the Celtics, 40-12, lead"
    if team_aside or _RECORD_AFTER.match(after) and not re.search(r"\d\s*$", before):
        return f"{a}, {b} and {c}" if c else f"{a} and {b}"
    return match.group(0)


def _month_days(match: re.Match[str]) -> str:
    d1, d2 = int(match["d1"]), int(match["d2"])
    if not (1 <= d1 < d2 <= 31):
        return match.group(0)
    name = MONTHS.get(match["month"].lower()[:4], MONTHS.get(match["month"].lower()[:3], match["month"]))
    spoken = f"{name} {words.ordinal(d1)} to {words.ordinal(d2)}"
    return spoken + (f", {words.year(int(match['year']))}" if match["year"] else "")


def _clock(match: re.Match[str]) -> str:
    a, b = match["a"], match["b"]
    timed = [re.search(r"[:.]|[apAP]\.?\s?[mM]|oon|ight", side) is not None for side in (a, b)]
    if not any(timed) or (timed[0] and not timed[1] and re.fullmatch(r"\d+[:.]\d\d", a)):
        return match.group(0)
    if not timed[1] and not re.search(r"[apAP]\.?\s?[mM]", a):
        return match.group(0)
    return f"{a} to {b}"


def verbalize(text: str) -> str:
    """Each range's dash said as "to" (or "and" for a record), the figures left for the rules after."""
    if "-" not in text:
        return text
    text = _CLOCK_RANGE.sub(_clock, text)
    text = _MONTH_DAYS.sub(_month_days, text)
    text = _DAYS_MONTH.sub(_month_days, text)
    text = _MONTH_TO_MONTH.sub(lambda m: m.group(0).split("-")[0].rstrip() + " to ", text)
    text = _ORDINALS.sub(r"\g<a> to \g<b>", text)
    text = _DECADES.sub(r"\g<a> to \g<b>", text)
    text = _WEEKDAYS.sub(lambda m: f"{_DAY_NAMES[m['a'][:3]]} to {_DAY_NAMES[m['b'][:3]]}", text)
    return _PAIR.sub(_record, text)
