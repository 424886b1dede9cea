"""Currency names: symbols by hand, ISO codes from Babel's CLDR locale data (through podcast/cldr.py)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from ..cldr import get_currency_name


@dataclass(frozen=True)
class Currency:
    one: str
    many: str
    minor_one: str = ""
    minor_many: str = ""


MOST_TRADED: Final = (
    "USD EUR JPY GBP CNY AUD CAD CHF HKD SGD SEK KRW NOK NZD INR MXN TWD ZAR BRL DKK PLN THB ILS IDR CZK AED "
    "TRY HUF CLP SAR PHP MYR COP RUB RON PEN KWD QAR EGP NGN VND PKR KZT BGN ISK UAH ARS BDT"
).split()
"""The BIS survey's most traded currencies first, then other codes common in news copy."""

_MINOR: Final = {
    "USD": ("cent", "cents"), "EUR": ("cent", "cents"), "GBP": ("penny", "pence"), "AUD": ("cent", "cents"),
    "CAD": ("cent", "cents"), "HKD": ("cent", "cents"), "SGD": ("cent", "cents"), "NZD": ("cent", "cents"),
    "TWD": ("cent", "cents"), "CHF": ("centime", "centimes"), "BRL": ("centavo", "centavos"),
    "MXN": ("centavo", "centavos"), "INR": ("paisa", "paise"), "ZAR": ("cent", "cents"), "CNY": ("fen", "fen"),
}
_SAID_SHORT: Final = {"CNY": "yuan", "JPY": "yen", "KRW": "won"}
"""Codes whose CLDR name carries a country adjective that newsreaders drop when the country is the story's."""


def _from_cldr(code: str) -> Currency:
    one, many = get_currency_name(code, 1, "en"), get_currency_name(code, 2, "en")
    # CLDR capitalizes some plurals ("Turkish Lira"): the adjectives keep the singular's case.
    ones, manys = one.split(), many.split()
    if len(ones) == len(manys):
        last = manys[-1][0].lower() + manys[-1][1:] if ones[-1][0].islower() else manys[-1]
        many = " ".join([*ones[:-1], last])
    if code in _SAID_SHORT:
        one = many = _SAID_SHORT[code]
    if code == "BRL":
        many = "Brazilian reais"
    minor_one, minor_many = _MINOR.get(code, ("", ""))
    return Currency(one, many, minor_one, minor_many)


_DOLLAR = Currency("dollar", "dollars", "cent", "cents")
BY_CODE: Final[dict[str, Currency]] = {code: _from_cldr(code) for code in MOST_TRADED}
BY_CODE["RMB"] = BY_CODE["CNY"]
BY_SYMBOL: Final[dict[str, Currency]] = {
    "US$": BY_CODE["USD"], "HK$": BY_CODE["HKD"], "A$": BY_CODE["AUD"], "AU$": BY_CODE["AUD"],
    "C$": BY_CODE["CAD"], "CA$": BY_CODE["CAD"], "S$": BY_CODE["SGD"], "NZ$": BY_CODE["NZD"],
    "NT$": BY_CODE["TWD"], "R$": BY_CODE["BRL"], "$": _DOLLAR,
    "€": Currency("euro", "euros", "cent", "cents"), "£": Currency("pound", "pounds", "penny", "pence"),
    "₩": Currency("won", "won"), "₹": Currency("rupee", "rupees", "paisa", "paise"), "Rs": Currency("rupee", "rupees"),
    "₽": Currency("ruble", "rubles"), "₺": Currency("lira", "lira"), "₫": Currency("dong", "dong"),
    "฿": Currency("baht", "baht"), "₱": Currency("peso", "pesos"),
}
YEN: Final = Currency("yen", "yen")
YUAN: Final = Currency("yuan", "yuan", "fen", "fen")
