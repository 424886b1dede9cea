"""Currencies by symbol or code, before or after the number, with scale words."""

from __future__ import annotations

import re
from typing import Final

from . import forms, words
from .currencies import BY_CODE, BY_SYMBOL, YEN, YUAN, Currency

CURRENCIES: Final[dict[str, Currency]] = {**BY_SYMBOL, **BY_CODE}

_CHINA = re.compile(r"\b(?:China|Chinese|Beijing|Shanghai|Shenzhen|yuan|RMB|renminbi|CNY|PBOC)\b")
_JAPAN = re.compile(r"\b(?:Japan|Japanese|Tokyo|Osaka|Nikkei|yen|JPY|BOJ|Topix)\b")

_CODES = "|".join(
    re.escape(code) for code in sorted(CURRENCIES, key=len, reverse=True) if code.isalpha()
)
_SYMBOLS = "|".join(
    re.escape(s) for s in sorted(CURRENCIES, key=len, reverse=True) if not s.isalpha()
)
_NUMBER = r"(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)"
_SCALE = r"(?:[\s-]?(?P<scale>" + words.SCALE_PATTERN + r"))?"
_PER = r"(?:\s?/\s?(?P<per>[A-Za-z]+))?"
_PREFIX = (
    r"(?P<sign>[-+])?(?P<cur>" + _SYMBOLS + r"|¥"
    r"|(?<![A-Za-z])(?=[A-Z][A-Za-z]{1,2}\s?\d)(?:" + _CODES + r")(?=\s?\d))\s?"  # the lookahead fails fast
)
_UPPER = r"(?:\s?(?:-|to)\s?(?:" + _SYMBOLS + r")?(?P<upper>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?))?"
AMOUNT_BEFORE = re.compile(_PREFIX + _NUMBER + _UPPER + _SCALE + _PER)
AMOUNT_AFTER = re.compile(
    r"(?<![\w.,])" + _NUMBER + _SCALE + r"\s?(?P<cur>" + _CODES + r"|€|£|¥|₩)(?![A-Za-z])" + _PER
)
_BY_NAME: Final = {"yen": YEN, "yuan": YUAN}
AMOUNT_NAMED = re.compile(r"(?<![\w.,])(?P<num>\d{1,3}(?:,\d{3})+\.\d+|\d+\.\d+)\s(?P<name>(?i:yen|yuan))\b")
"""A decimal before a currency without cents ("151.20 Yen"): trailing zeros are not read."""
PENCE = re.compile(r"(?<![\w.,$£€])(?P<num>\d+(?:\.\d+)?)p\b(?!\.?\s?m\b)")
"""45p: pence after a number (never video lines such as 1080p)."""
_VIDEO_LINES: Final = frozenset({"240", "360", "480", "576", "720", "1080", "1440", "2160", "4320"})
CONVERSION = re.compile(r",?\s*\(\s*(?P<inner>(?:about |around |roughly |or )?[^()]*?)\s*\)")

PER_UNIT: Final = {
    "oz": "ounce", "ounce": "ounce", "t": "tonne", "tonne": "tonne", "ton": "ton",
    "bbl": "barrel", "barrel": "barrel", "kg": "kilogram", "lb": "pound", "g": "gram",
    "kwh": "kilowatt hour", "mwh": "megawatt hour", "share": "share", "sqm": "square metre",
    "month": "month", "mo": "month", "year": "year", "yr": "year", "day": "day",
    "hour": "hour", "hr": "hour", "h": "hour", "person": "person", "unit": "unit",
    "mmbtu": "million British thermal units", "l": "litre", "litre": "litre", "liter": "liter",
    "gal": "gallon", "night": "night", "week": "week", "wk": "week",
}


def _currency(symbol: str, context: str) -> Currency:
    if symbol != "¥":
        return CURRENCIES[symbol]
    chinese, japanese = len(_CHINA.findall(context)), len(_JAPAN.findall(context))
    return YUAN if chinese > japanese else YEN


def say_amount(
    number: str, scale_word: str | None, currency: Currency, per: str | None, attributive: bool = False
) -> str:
    """ "1.3", "bn", US$ -> "one point three billion US dollars"; before a noun, "... US dollar"."""
    if scale_word:
        name = currency.one if attributive else currency.many
        spoken = f"{words.cardinal(number)} {words.scale(scale_word)} {name}"
    else:
        whole, _, minor = number.replace(",", "").partition(".")
        whole = whole or "0"
        name = currency.one if words.is_one(whole) or attributive else currency.many
        spoken = f"{words.cardinal(whole)} {name}"
        if minor and currency.minor_many and len(minor) == 2:
            cents = int(minor)
            minor_name = currency.minor_one if cents == 1 else currency.minor_many
            if cents and int(whole) == 0:  # 79p: "seventy-nine pence", never "zero pounds and ..."
                spoken = f"{words.integer(cents)} {minor_name}"
            elif cents and attributive:  # "a £3.49 sandwich": "a three pound forty-nine sandwich"
                spoken += f" {words.integer(cents)}"
            elif cents:
                spoken += f" and {words.integer(cents)} {minor_name}"
        elif minor and len(minor) >= 3:  # a rate or quote, read as traders do: "one point oh eight seven five"
            spoken = f"{words.cardinal(whole)} point {forms.spell_digits(minor)} {currency.many}"
        elif minor and int(minor):  # no minor unit (yen): trailing zeros are not read
            spoken = f"{words.cardinal(whole + '.' + minor.rstrip('0'))} {currency.many}"
    if per:
        unit = PER_UNIT.get(per.lower())
        spoken += f" per {unit}" if unit else f" per {per}"
    return spoken


def _sign(sign: str | None) -> str:
    return {"-": "minus ", "+": "plus "}.get(sign or "", "")


def verbalize(text: str, context: str = "") -> str:
    """Every amount of money in `text` as words; `context` (the story) settles yen or yuan."""
    context = context or text

    def before(match: re.Match[str]) -> str:
        currency = _currency(match["cur"], context)
        attributive = not match["per"] and words.noun_follows(text, match.end())
        if match["upper"]:  # €3-4 billion: "three to four billion euros"
            amount = say_amount(match["upper"], match["scale"], currency, match["per"], attributive)
            cents = re.fullmatch(r"[\d,]*\.\d\d", match["num"]) and not match["scale"] and currency.minor_many
            low = say_amount(match["num"], None, currency, None) if cents else words.cardinal(match["num"])
            amount = f"{low} to {amount}"  # "$5.50-$7.25": each with its cents
        else:
            amount = say_amount(match["num"], match["scale"], currency, match["per"], attributive)
        return _sign(match["sign"]) + amount

    def after(match: re.Match[str]) -> str:
        return say_amount(match["num"], match["scale"], _currency(match["cur"], context), match["per"])

    def named(match: re.Match[str]) -> str:
        return say_amount(match["num"], None, _BY_NAME[match["name"].lower()], None)

    def pence(match: re.Match[str]) -> str:
        if match["num"] in _VIDEO_LINES:  # "1080p" is a picture's lines: "ten eighty P"
            return words.model_number(match["num"]) + " P"
        return words.cardinal(match["num"]) + (" penny" if words.is_one(match["num"]) else " pence")

    text = AMOUNT_BEFORE.sub(before, text)
    if "p" in text:
        text = PENCE.sub(pence, text)
    text = AMOUNT_AFTER.sub(after, text)
    return AMOUNT_NAMED.sub(named, text)


_PAIR = re.compile(r"\b(?P<a>[A-Z]{3})/(?P<b>[A-Z]{3})\b")


def pairs(text: str) -> str:
    """A currency pair as traders say it: "EUR/USD" -> "euro-dollar", "USD/JPY" -> "dollar-yen"."""

    def one(match: re.Match[str]) -> str:
        if match["a"] not in BY_CODE or match["b"] not in BY_CODE:
            return match.group(0)
        a, b = BY_CODE[match["a"]].one, BY_CODE[match["b"]].one
        short_a, short_b = a.split()[-1], b.split()[-1]
        return f"{short_a}-{short_b}" if short_a != short_b else f"{a}-{b}"

    return _PAIR.sub(one, text) if "/" in text else text


def conversions(text: str) -> str:
    """"nine billion yuan (one point three billion US dollars)" -> ", or ... ,"."""

    def reword(match: re.Match[str]) -> str:
        inner = match["inner"]
        money_words = {c.many.split()[-1] for c in CURRENCIES.values()} | {
            c.one.split()[-1] for c in CURRENCIES.values()
        }
        last_words = inner.split()
        if inner and not re.search(r"\d", inner) and last_words and any(
            w.strip(".,") in money_words for w in last_words[-4:]
        ) and len(last_words) <= 12:
            inner = re.sub(r"^(?:or )", "", inner)
            return f", or {inner},"
        return match.group(0)

    return CONVERSION.sub(reword, text)
