"""Percentages, basis points, units, ordinals, fractions, ranges, multiples and plain numbers."""

from __future__ import annotations

import re
from typing import Final

from . import guesses, words
from .hygiene import Rule

NUMBER: Final = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+"
_N = r"(?P<num>[-+]?(?:" + NUMBER + r"))"

# unit -> (singular, plural); matched case-sensitively after a number.
UNITS: Final[dict[str, tuple[str, str]]] = {
    "km/h": ("kilometre per hour", "kilometres per hour"),
    "kph": ("kilometre per hour", "kilometres per hour"),
    "mph": ("mile per hour", "miles per hour"),
    "m/s": ("metre per second", "metres per second"),
    "km²": ("square kilometre", "square kilometres"),
    "km2": ("square kilometre", "square kilometres"),
    "sq km": ("square kilometre", "square kilometres"),
    "m²": ("square metre", "square metres"),
    "sqm": ("square metre", "square metres"),
    "sq ft": ("square foot", "square feet"),
    "km": ("kilometre", "kilometres"),
    "m": ("metre", "metres"),
    "cm": ("centimetre", "centimetres"),
    "mm": ("millimetre", "millimetres"),
    "nm": ("nanometre", "nanometres"),
    "µm": ("micrometre", "micrometres"),
    "kg": ("kilogram", "kilograms"),
    "mg": ("milligram", "milligrams"),
    "g": ("gram", "grams"),
    "lb": ("pound", "pounds"),
    "lbs": ("pound", "pounds"),
    "oz": ("ounce", "ounces"),
    "t": ("tonne", "tonnes"),
    "mt": ("metric tonne", "metric tonnes"),
    "tonnes": ("tonne", "tonnes"),
    "ft": ("foot", "feet"),
    "mi": ("mile", "miles"),
    "ml": ("millilitre", "millilitres"),
    "mL": ("millilitre", "millilitres"),
    "ppm": ("part per million", "parts per million"),
    "ppb": ("part per billion", "parts per billion"),
    "L": ("litre", "litres"),
    "°C": ("degree Celsius", "degrees Celsius"),
    "°F": ("degree Fahrenheit", "degrees Fahrenheit"),
    "ºC": ("degree Celsius", "degrees Celsius"),
    "°": ("degree", "degrees"),
    "kW": ("kilowatt", "kilowatts"),
    "MW": ("megawatt", "megawatts"),
    "GW": ("gigawatt", "gigawatts"),
    "TW": ("terawatt", "terawatts"),
    "kWh": ("kilowatt hour", "kilowatt hours"),
    "MWh": ("megawatt hour", "megawatt hours"),
    "GWh": ("gigawatt hour", "gigawatt hours"),
    "TWh": ("terawatt hour", "terawatt hours"),
    "kV": ("kilovolt", "kilovolts"),
    "mAh": ("milliamp hour", "milliamp hours"),
    "GHz": ("gigahertz", "gigahertz"),
    "MHz": ("megahertz", "megahertz"),
    "Hz": ("hertz", "hertz"),
    "KB": ("kilobyte", "kilobytes"),
    "MB": ("megabyte", "megabytes"),
    "GB": ("gigabyte", "gigabytes"),
    "TB": ("terabyte", "terabytes"),
    "Mbps": ("megabit per second", "megabits per second"),
    "kbps": ("kilobit per second", "kilobits per second"),
    "Kbps": ("kilobit per second", "kilobits per second"),
    "Tbps": ("terabit per second", "terabits per second"),
    "Mbit/s": ("megabit per second", "megabits per second"),
    "Gbit/s": ("gigabit per second", "gigabits per second"),
    "kb": ("kilobit", "kilobits"),
    "Mb": ("megabit", "megabits"),
    "Gb": ("gigabit", "gigabits"),
    "kB": ("kilobyte", "kilobytes"),
    "PB": ("petabyte", "petabytes"),
    "Wh": ("watt hour", "watt hours"),
    "W": ("watt", "watts"),
    "dB": ("decibel", "decibels"),
    "rpm": ("revolution per minute", "revolutions per minute"),
    "psi": ("pound per square inch", "pounds per square inch"),
    "fl oz": ("fluid ounce", "fluid ounces"),
    "sq mi": ("square mile", "square miles"),
    "sq m": ("square metre", "square metres"),
    "yd": ("yard", "yards"),
    "yds": ("yard", "yards"),
    "mg/dL": ("milligram per decilitre", "milligrams per decilitre"),
    "Gbps": ("gigabit per second", "gigabits per second"),
    "bpd": ("barrel per day", "barrels per day"),
    "bbl": ("barrel", "barrels"),
    "ha": ("hectare", "hectares"),
    "hrs": ("hour", "hours"),
    "hr": ("hour", "hours"),
    "min": ("minute", "minutes"),
    "mins": ("minute", "minutes"),
    "sec": ("second", "seconds"),
    "ms": ("millisecond", "milliseconds"),
    "yrs": ("year", "years"),
    "yr": ("year", "years"),
    "mo": ("month", "months"),
    "mos": ("month", "months"),
    "wk": ("week", "weeks"),
    "wks": ("week", "weeks"),
    "KM": ("kilometre", "kilometres"),
    "KG": ("kilogram", "kilograms"),
    "MPH": ("mile per hour", "miles per hour"),
    "TEU": ("T E U", "T E U"),
    "TEUs": ("T E U", "T E Us"),
}
UNIT_ALT: Final = "|".join(re.escape(u) for u in sorted(UNITS, key=len, reverse=True))
_UNIT_RE = re.compile(
    _N + r"(?P<scale> (?:thousand|million|billion))?(?:\s?|-)(?P<unit>" + UNIT_ALT + r")(?![A-Za-z0-9²])"
    r"(?P<per>/(?:h|hr|day|yr|year|s))?"
)
_PER_WORDS: Final = {"h": "hour", "hr": "hour", "day": "day", "yr": "year", "year": "year", "s": "second"}
_FRACTION_NAMES: Final = {2: ("half", "halves"), 4: ("quarter", "quarters")}


_OTHER_READINGS: Final = {"m": ("million", "a metre after a figure, not a count"),
                          "nm": ("nautical miles", "no sea in the story")}
"""Unit letters that could be another word after a figure: the reading not taken, and why the unit was."""


def _unit(match: re.Match[str]) -> str:
    spoken = _said_unit(match)
    if match["unit"] in _OTHER_READINGS and not match["scale"]:
        other, why = _OTHER_READINGS[match["unit"]]
        guesses.note(match.group(0), spoken, (f"{words.cardinal(match['num'])} {other}",), why)
    return spoken


def _said_unit(match: re.Match[str]) -> str:
    number, unit = match["num"], match["unit"]
    one, many = UNITS[unit]
    if match["scale"]:
        number_words = words.cardinal(number) + match["scale"]
        return f"{number_words} {many}" + (" per " + _PER_WORDS[match["per"][1:]] if match["per"] else "")
    glued = match.group(0)[len(number)]
    # "2-nm chip", "2nm chips": a unit before a noun is said in the singular, "two-nanometre".
    attributive = glued == "-" or (
        glued != " " and not match["per"] and words.noun_follows(match.string, match.end())
    )
    spoken = words.cardinal(number)
    if attributive:
        spoken += "-" + one
    else:
        spoken += " " + (one if words.is_one(number) else many)
    if match["per"]:
        spoken += " per " + _PER_WORDS[match["per"][1:]]
    return spoken


def _fraction(match: re.Match[str]) -> str:
    top, bottom = int(match["top"]), int(match["bottom"])
    if bottom == 0:
        return match.group(0)
    if top + bottom == 100:  # a split of a whole: "60/40" is "sixty-forty"
        return f"{words.integer(top)}-{words.integer(bottom)}"
    one, many = _FRACTION_NAMES.get(bottom, (words.ordinal(bottom), words.ordinal(bottom) + "s"))
    return f"{words.integer(top)} {one if top == 1 else many}"


def _range(match: re.Match[str]) -> str:
    return f"{words.cardinal(match['a'])} to {words.cardinal(match['b'])}"


def _percent(match: re.Match[str]) -> str:
    spoken = words.cardinal(match["num"]) + " percent"
    return f"{words.cardinal(match['low'])} to {spoken}" if match["low"] else spoken


def _points(match: re.Match[str]) -> str:
    unit = match["unit"].lower()
    name = "basis point" if unit.startswith("b") else "percentage point"
    singular = words.is_one(match["num"]) or words.noun_follows(match.string, match.end())  # "a 25 bp cut"
    return f"{words.cardinal(match['num'])} {name}{'' if singular else 's'}"


def _unit_range(match: re.Match[str]) -> str:
    _, many = UNITS[match["unit"]]
    return f"{words.cardinal(match['a'])} to {words.cardinal(match['b'])} {many}"


_METRES_AFTER: Final = re.compile(r"\s*(?:high|tall|long|deep|wide|away|sprint|race|dash|hurdles|freestyle|"
                                  r"relay|above|below|under|of\b)")


def _scaled(match: re.Match[str]) -> str:
    """"1.5m people" -> "one point five million people"; "100m sprint" stays metres (no rule claims it)."""
    if match["scale"] == "m" and (_METRES_AFTER.match(match.string, match.end())
                                  or not re.match(r"\s+[a-z]|\s*[.,;:]|\s*$", match.string[match.end():])):
        return match.group(0)
    spoken = f"{words.cardinal(match['num'])} {words.scale(match['scale'])}"
    if match["scale"] == "m":
        guesses.note(match.group(0), spoken, (f"{words.cardinal(match['num'])} metres",),
                     "a count follows the figure")
    return spoken


WORDS: Final[list[Rule]] = [
    (re.compile(r"\b(?P<a>y|q|m|w)/(?P=a)\b|\b(?:YoY|yoy|y-o-y)\b|\bQoQ\b|\bMoM\b"),
     lambda m: {"y": "year on year", "q": "quarter on quarter", "m": "month on month",
                "w": "week on week"}[(m["a"] or m.group(0)[0]).lower()]),
]
"""Shorthand without figures; RULES below need a digit."""
RULES: Final[list[Rule]] = [
    (re.compile(r"(?<![\w.])(?:(?P<low>" + NUMBER + r")\s?%?\s?(?:-|to)\s?)?" + _N + r"\s?(?:%|per\s?cent\b|pct\b)"),
     _percent),
    (re.compile(_N + r"\s?(?P<unit>bps|bp|basis points?|pp|ppts?|percentage points?)\b"), _points),
    (re.compile(r"(?<![\w/])(?P<top>\d{1,2})/(?P<bottom>\d{1,3})(?:st|nd|rd|th)(?P<s>s)?\b"),
     lambda m: f"{words.integer(int(m['top']))} {words.ordinal(int(m['bottom']))}{'' if m['top'] == '1' else 's'}"),
    (re.compile(r"(?<![\w/])(?P<top>\d{1,2})/(?P<bottom>\d{1,2})(?![\w/])"), _fraction),
    (re.compile(r"(?<![\w.])(?P<a>" + NUMBER + r")\s?(?:-|to)\s?(?P<b>" + NUMBER + r")\s?(?P<unit>" + UNIT_ALT
                + r")(?![A-Za-z0-9²])"), _unit_range),
    (re.compile(r"(?<![\w.])(?P<num>" + NUMBER + r")\s?(?P<scale>bn|mn|mln|tn|trn|m|M|B|Bn|BN)(?![\w])"), _scaled),
    (_UNIT_RE, _unit),
    (re.compile(r"(?<![\w.])(?P<a>" + NUMBER + r")\s?(?:-|to)\s?(?P<b>" + NUMBER + r")(?![\w]|\.\d|-\d)"),
     _range),
    (re.compile(r"\b(?P<num>" + NUMBER + r")\s?[xX×](?![A-Za-z0-9])"),
     lambda m: f"{words.cardinal(m['num'])} times"),
    (re.compile(r"(?<![\w.])(?P<num>\d{1,3}(?:,\d{3})+|\d+)(?:(?i:st|nd|rd|th)|(?<=[23])d(?=\s+[A-Z]))\b"),
     lambda m: words.ordinal(int(m["num"].replace(",", "")))),
    (re.compile(r"(?<![\d:])\b(?P<a>\d{1,2}):(?P<b>\d{1,2})\b(?=\s+(?:ratio|split|majority|vote|win|lead|margin|odds))"),
     lambda m: f"{words.integer(int(m['a']))} to {words.integer(int(m['b']))}"),
    (re.compile(r"(?<![\w.])No\.\s?(?P<num>\d+)\b"), lambda m: "number " + words.integer(int(m["num"]))),
    (re.compile(r"#(?P<num>\d+)\b"), lambda m: "number " + words.integer(int(m["num"]))),
]


_PLAIN = re.compile(r"(?<![\w])" + _N + r"(?![\w])")


def numbers(text: str) -> str:
    """Every remaining written number as words."""
    return _PLAIN.sub(lambda m: words.cardinal(m["num"]), text)
