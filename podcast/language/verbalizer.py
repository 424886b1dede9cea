"""Written news text -> words an engine reads right, for any language described by a `LanguageRules`.

The order follows the English verbalizer's: markup and typography first, then the producer's lexicon, then
the most specific written forms (addresses, times, dates, money, percentages, units) before plain numbers,
and acronyms last. Whatever no rule claimed is still said: no digit or symbol reaches the engine.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Final

from .. import cldr
from ..lexicon import Lexicon
from ..speech import guesses
from ..speech.names import sayable
from ..speech.trade import SEA_DOMAINS
from . import numbers
from .rules import LanguageRules
from .typography import Typography

FORBIDDEN: Final = re.compile(r"[0-9०-९$£€¥₩₹%&<>]")
"""What the spoken text never contains."""

SYMBOLS: Final = {"US$": "USD", "U$S": "USD", "HK$": "HKD", "R$": "BRL", "A$": "AUD", "AU$": "AUD", "C$": "CAD",
                  "CA$": "CAD", "NZ$": "NZD", "S$": "SGD", "MX$": "MXN", "$": "USD", "€": "EUR", "£": "GBP",
                  "¥": "JPY", "₹": "INR", "रु.": "INR", "Rs.": "INR", "Rs": "INR", "₩": "KRW", "₽": "RUB",
                  "₺": "TRY", "₱": "PHP", "฿": "THB", "₫": "VND", "₪": "ILS"}
"""Currency signs -> ISO codes; the names come from CLDR in the show's language."""

UNITS: Final = {
    "km/h": "speed-kilometer-per-hour", "km²": "area-square-kilometer", "km2": "area-square-kilometer",
    "m²": "area-square-meter", "m2": "area-square-meter", "m³": "volume-cubic-meter", "km": "length-kilometer",
    "cm": "length-centimeter", "mm": "length-millimeter", "m": "length-meter", "kg": "mass-kilogram",
    "g": "mass-gram", "t": "mass-tonne", "l": "volume-liter", "L": "volume-liter", "ml": "volume-milliliter",
    "ha": "area-hectare", "°C": "temperature-celsius", "ºC": "temperature-celsius", "°F": "temperature-fahrenheit",
    "MW": "power-megawatt", "GW": "power-gigawatt", "kW": "power-kilowatt", "kWh": "energy-kilowatt-hour",
    "MWh": "energy-megawatt-hour", "GWh": "energy-gigawatt-hour", "GB": "digital-gigabyte", "TB": "digital-terabyte",
    "MB": "digital-megabyte", "mph": "speed-mile-per-hour", "°": "angle-degree", "nm": "length-nanometer",
    "min": "duration-minute",
}
"""International unit symbols -> CLDR unit ids; their names come from CLDR in the show's language."""

OTHER_UNITS: Final = {"nm": "length-nautical-mile", "m": ""}
"""Unit letters that could be another word after a figure: nautical miles for "nm", a million ("") for "m"."""

COUNTED: Final = re.compile(r"\s+(?:de |di |d'|d’|des |of )?(?:TEU|FEU|TEUs)\b")
"""What a figure with "m" counts when it is no length: containers ("4,3 m de TEU")."""

_SCRIPT_LETTER: Final = r"[^\W\d_]"


@dataclass(frozen=True)
class Amount:
    """A written number, read: its value, whole part and the digits after the decimal separator."""

    value: Decimal
    whole: int
    fraction: str
    negative: bool


class Verbalizer(Typography):
    """One language's verbalizer: `speak` turns a written sentence into words, `split_written` cuts a paragraph
    into sentences, `sentences` cuts spoken text."""

    def __init__(self, rules: LanguageRules) -> None:
        super().__init__(rules)
        r = rules
        if r.decimal == ",":
            number = (r"\d{1,3}(?:[.\u202f]\d{3})+(?:,\d+)?(?![\d.,]\d)|\d{1,3}(?: \d{3})+(?:,\d+)?(?![\d.,]\d)"
                      r"|\d+,\d+|\d+\.(?:\d{1,2}|\d{4,})(?!\d)|\d+")
        else:
            number = r"\d{1,3}(?:,\d{2,3})*,\d{3}(?:\.\d+)?(?![\d,]\d)|\d+\.\d+|\d+"
        self.number = number
        num = r"(?P<num>[-+−]?(?:" + number + r"))"
        scales = "|".join(re.escape(s) for s in sorted(r.scales, key=len, reverse=True))
        scale = r"(?:\s?(?P<scale>" + scales + r")(?!\w))?"
        signs = "|".join(re.escape(s) for s in sorted(SYMBOLS, key=len, reverse=True))
        currency = r"(?P<cur>" + signs + r"|(?<![\w])[A-Z]{3}(?![\w]))"
        self._money_before = re.compile(currency + r"\s?" + num + scale)
        self._money_after = re.compile(r"(?<![\w.,])" + num + scale + r"\s?(?:de |d'|di )?" + currency)
        self._percent = re.compile(r"(?<![\w.,])(?:(?P<low>" + number + r")\s?%?\s?(?:-|–|" + re.escape(r.to_word)
                                   + r")\s?)?" + num + r"\s?%")
        points = "|".join(re.escape(p) for p in sorted(r.points, key=len, reverse=True))
        self._points = re.compile(r"(?<![\w.,])" + num + r"\s?(?P<unit>" + points + r")(?!\w)")
        units = "|".join(re.escape(u) for u in sorted(UNITS, key=len, reverse=True))
        self._units = re.compile(r"(?<![\w.,])" + num + r"\s?(?P<unit>" + units + r")(?![\w²³/])")
        self._scaled = re.compile(r"(?<![\w.,])" + num + r"\s?(?P<scale>" + scales + r")(?!\w)")
        self._range = re.compile(r"(?<![\w.,/:])(?P<a>" + number + r")\s?[-–]\s?(?P<b>" + number + r")(?![\w/]|[.,]\d)")
        self._times_x = re.compile(r"(?<![\w.,])" + num + r"\s?[xX×](?![\w])")
        self._road = re.compile(r"(?<![\w-])(?P<letters>[A-Z]{1,3})-?(?P<num>[1-9]\d{0,2})(?![\w]|[.,]\d)")
        """A road, a route or a model written as capitals and a number, joined or with a hyphen ("A10", "SS36",
        "A-6", "AP-7", "BR-116"): the number said whole ("A dieci", "A seis"), never digit by digit, and apart
        from the letters (eSpeak NG ran "A-seis" into one syllable)."""
        self._degree_ordinal = re.compile(r"\b(?P<article>(?i:il|al|del|nel|dal|sul|col|el|ao|do|no|pelo|le|au|du))"
                                          r"\s+(?P<num>\d{1,3})°(?!\s?[CFK]\b)")
        """A degree sign written for the ordinal sign after a singular article: "al 23° minuto" is the
        twenty-third minute, never degrees."""
        self._score = re.compile(r"(?<![\w.,])(?P<a>\d{1,2})\s[xX×]\s(?P<b>\d{1,2})(?![\w.,]|\s?(?:c?m|mm|km|metros?|"
                                 r"metri|mètres|pés|piedi)\b)")
        """A football score written "2 x 1" (as Brazil's papers do): "dois a um", not "dois vezes um"."""
        self._sets = re.compile(r"(?<![\w.,/:])(?P<score>\d{1,2}[-–]\d{1,2}) (?=\d{1,2}[-–]\d{1,2}(?![\w/]|[.,]\d))")
        """Scores in a row with only a space between them are a match's sets ("6-4 6-2"): said with a pause
        between them, as a newsreader reads them, not run into one figure ("sei a quattro sei a due")."""
        self._plain = re.compile(r"(?<![\w.,])" + num + r"(?![\w])")
        if r.code in ("fr", "pt-BR"):  # "10 h 30", "10h30", "6 h"
            clock = r"(?P<h>[01]?\d|2[0-3])(?:(?::|\s?h\s?)(?P<m>[0-5]\d)|(?P<hour_only>\s?h))"
        else:
            clock = r"(?P<h>[01]?\d|2[0-3]):(?P<m>[0-5]\d)(?:\s?h\b|\s?बजे)?(?P<hour_only>)"
        if r.dot_time_after:
            after = "|".join(r"(?<=\b" + re.escape(said) + ")" for word in r.dot_time_after
                             for said in dict.fromkeys((word, word[:1].upper() + word[1:])))  # "Alle 18.30"
            clock = (r"(?:(?:" + after + r")(?P<dh>[01]?\d|2[0-3])\.(?P<dm>[0-5]\d)(?:\s?h\b)?|"
                     + clock + ")")
        self._times = re.compile(r"(?<![\w.,:])" + clock + r"(?![\w:]|[.,]\d)")
        self._numeric_date = re.compile(
            r"(?<![\w/.-])(?P<d>[0-3]?\d)(?P<sep>[/.-])(?P<m>[01]?\d)(?P=sep)(?P<y>\d{4}|\d{2})(?![\w/]|[.-]\d)")
        self._iso_date = re.compile(r"(?<![\w-])(?P<y>[12]\d{3})-(?P<m>[01]\d)-(?P<d>[0-3]\d)(?![\w-])")
        months = "|".join(re.escape(m) for m in cldr.month_names(r.code))
        self._first_day = re.compile(r"(?<![\w.,])1(?:er|º|°|\.º)?(?=\s+(?:de\s+)?(?:" + months + r")\b)", re.I)
        suffixes = "|".join(re.escape(s) for s in sorted(r.ordinal_suffixes, key=len, reverse=True))
        self._ordinal = re.compile(r"(?<![\w.,])(?P<num>\d+)\.?(?P<suffix>" + suffixes + r")(?![\w])")
        word = re.escape(r.century_word)
        self._century = re.compile(r"\b(?P<word>" + word + r")\s+(?P<num>[IVXL]{1,6})\b(?![\w'])"
                                   r"|\b(?P<num2>[IVXL]{1,6})(?:e|ème)?\s+(?=" + word + r"\b)")
        self._regnal = re.compile(r"\b(?P<name>[A-ZÁÉÍÓÚ][a-záéíóúñçãõâêôèàì]{2,}) "
                                  r"(?P<num>X{0,2}(?:IX|IV|V?I{1,3}|V|X))\b(?![\w'’-]|\.\w)")
        self._acronym = re.compile(r"(?<![\w-])(?P<word>[A-Z][A-Z]{1,4})(?P<plural>s)?(?![\w-])")

    # --- the whole sentence -----------------------------------------------------------------------------------

    def speak(self, text: str, context: str = "", lexicon: Lexicon | None = None, domain: str = "") -> str:
        """The spoken form of one written sentence; `context` is the story (kept for the English signature),
        `domain` the show's ("shipping": "nm" is nautical miles). Readings chosen between are recorded with the
        sentence (speech/guesses.py)."""
        since = guesses.count()
        spoken = self._speak(text, lexicon, domain)
        guesses.mark(since, text)
        return spoken

    def _speak(self, text: str, lexicon: Lexicon | None, domain: str) -> str:
        r = self.rules
        opens_on_figure = re.match(r"(?:^|.*[.!?]\s)[\"'“‘«(¿¡ ]*\d", text) is not None
        text = self.clean(text)
        if lexicon is not None:
            text = lexicon.apply(text)
        text = self.addresses(text)
        text = self.abbreviations(text)
        text = self._numeric_date.sub(self._date, text)
        text = self._degree_ordinal.sub(lambda m: f"{m['article']} {m['num']}º", text)
        text = self._iso_date.sub(self._date, text)
        text = self._times.sub(self._clock, text)
        text = self._money_before.sub(self._money, text)
        text = self._money_after.sub(self._money, text)
        text = self._percent.sub(self._percentage, text)
        text = self._points.sub(self._point, text)
        text = self._units.sub(lambda m: self._unit(m, domain), text)
        text = self._scaled.sub(self._scaled_words, text)
        text = self._first_day.sub(self.rules.first_day, text)
        text = self._ordinal.sub(self._ordinal_words, text)
        text = self._century.sub(self._century_words, text)
        text = self._regnal.sub(self._regnal_words, text)
        text = self._road.sub(self._road_words, text)
        text = self._score.sub(lambda m: f"{self.say_number(self.parse(m['a']), noun=False)} {r.to_word} "
                               f"{self.say_number(self.parse(m['b']), noun=False)}", text)
        text = self._range.sub(self._range_words, self._sets.sub(r"\g<score>, ", text))
        text = self._times_x.sub(lambda m: f"{self.say_number(self.parse(m['num']), noun=False)} {r.times_word}",
                                 text)
        text = self._plain.sub(self._plain_number, text)
        text = self.house_acronyms(self._acronym.sub(self._acronym_words, text))
        text = self.finish(self._leftovers(text))
        if opens_on_figure:  # "2 noticias." -> "Dos noticias."
            text = re.sub(r"(^|[.!?]\s+)([\"'(¿¡]*)(\w)", lambda m: m[1] + m[2] + m[3].upper(), text)
        return text

    # --- numbers ----------------------------------------------------------------------------------------------

    def parse(self, written: str) -> Amount:
        """"13.812,6" -> 13812.6 (decimal comma), "1,23,456.7" -> 123456.7 (decimal point)."""
        written = written.strip().replace("−", "-")
        negative = written.startswith("-")
        written = written.lstrip("+-")
        if self.rules.decimal == ",":
            if re.fullmatch(r"\d+\.(?:\d{1,2}|\d{4,})", written):  # a decimal point in a comma language
                whole, fraction = written.split(".")
            else:
                whole, _, fraction = written.replace(".", "").replace("\u202f", "").replace(" ", "").partition(",")
        else:
            whole, _, fraction = written.replace(",", "").partition(".")
        try:
            value = Decimal(f"{whole or 0}.{fraction}" if fraction else whole or "0")
        except InvalidOperation:
            value = Decimal(0)
        return Amount(-value if negative else value, int(whole or 0), fraction, negative)

    def say_number(self, amount: Amount, gender: str = "m", noun: bool = True) -> str:
        """An amount as words; `gender` of the noun it counts, `noun` whether one follows ("veintiún años")."""
        r = self.rules
        spoken = numbers.cardinal(amount.whole, r.code, gender)
        if noun and not amount.fraction:
            spoken = numbers.before_noun(spoken, r.code, gender)
        if amount.fraction:
            if r.fraction_as_number and len(amount.fraction) <= 2 and not amount.fraction.startswith("0"):
                tail = numbers.cardinal(int(amount.fraction), r.code, gender)
                if noun:  # the noun follows the decimals: "dos coma cuarenta y un millones"
                    tail = numbers.before_noun(tail, r.code, gender)
            else:
                tail = numbers.digits(amount.fraction, r.code)
            spoken += f" {r.point_word} {tail}"
        return (numbers.minus_word(r.code) + " " + spoken) if amount.negative else spoken

    _NOT_NOUNS: Final = frozenset("de del a al en y e o u con por para que à au aux et ou di da in con per e o "
                                  "com em no na do se के की का से और में "
                                  # articles and prepositions joined: "2-1 nel derby" is "due a uno", no noun
                                  "nel nella nei negli nelle della dei degli delle dal dalla dai sul sulla sui col "
                                  "alla alle ai agli dans sur pour avec des du sous dos das nos nas pelo pela pelos "
                                  "pelas entre contra sobre tras ante".split())

    def _noun_gender(self, text: str, end: int) -> str:
        """The gender of the noun a number counts, or "" when no noun follows ("el 21 de enero", "ganó 3-1")."""
        following = re.match(r"\s+(" + _SCRIPT_LETTER + r"+)", text[end:end + 40])
        if not following or following.group(1).lower() in self._NOT_NOUNS:
            return ""
        return self.rules.gender(following.group(1).lower())

    def _plain_number(self, match: re.Match[str]) -> str:
        gender = self._noun_gender(match.string, match.end())
        return self.say_number(self.parse(match["num"]), gender or "m", noun=bool(gender))

    def _range_words(self, match: re.Match[str]) -> str:
        gender = self._noun_gender(match.string, match.end())
        return (f"{self.say_number(self.parse(match['a']), gender or 'm', noun=bool(gender))} {self.rules.to_word} "
                f"{self.say_number(self.parse(match['b']), gender or 'm', noun=bool(gender))}")

    # --- money ------------------------------------------------------------------------------------------------

    def _money(self, match: re.Match[str]) -> str:
        code = SYMBOLS.get(match["cur"], match["cur"])
        if code not in cldr.currency_codes():
            return match.group(0)  # three capitals that are no currency: "500 PIB"
        bare = match["cur"] in ("$", "€", "£", "¥", "₹")
        return self.say_money(self.parse(match["num"]), match["scale"], code, bare=bare)

    def currency(self, code: str, count: Decimal | int, bare: bool) -> str:
        """The currency's CLDR name; a bare "$" or "€" gets the short name a newsreader uses."""
        full = cldr.currency_name(code, count, self.rules.code)
        full = full[:1].lower() + full[1:] if full[1:2].islower() else full
        ambiguous = code in ("USD", "HKD", "AUD", "CAD", "NZD", "SGD", "MXN", "TWD")
        return self.rules.short_currency(full) if bare or not ambiguous else full

    def say_money(self, amount: Amount, scale: str | None, code: str, bare: bool = True) -> str:
        """"1,5", "M", EUR -> "uno coma cinco millones de euros"; "2,50", None, EUR -> "dos euros con cincuenta
        céntimos"."""
        r = self.rules
        if scale:
            power = r.scales[scale]
            one, many = r.scale_words[power]
            value = abs(amount.value)
            name = self.currency(code, 10**6, bare)
            scale_word = one if cldr.plural(value, r.code) == "one" else many
            if power < 6:  # "veinte mil euros": no "de" after thousands, lakh or crore
                gender = r.gender(name.split()[0])
                spoken = f"{self.say_number(amount, gender)} {scale_word} {name}"
            else:
                spoken = f"{self.say_number(amount, 'm')} {scale_word} {r.of_currency(name)}{name}"
            if r.code == "es" and power == 9 and amount.value == 1:
                spoken = spoken.removeprefix("un ")
            return spoken
        name = self.currency(code, abs(amount.value), bare)
        gender = r.gender(name.split()[0])
        if len(amount.fraction) == 2 and code not in ("JPY", "KRW"):
            whole = Amount(Decimal(amount.whole), amount.whole, "", amount.negative)
            cents = int(amount.fraction)
            minor = r.minor_unit[0] if cents == 1 else r.minor_unit[1]
            cents_said = numbers.before_noun(numbers.cardinal(cents, r.code), r.code, r.gender(minor))
            if amount.whole == 0:
                return f"{cents_said} {minor}"
            whole_name = self.currency(code, amount.whole, bare)
            said = f"{self.say_number(whole, gender)} {whole_name}"
            return r.cents(said, cents_said, minor) if cents else said
        return f"{self.say_number(amount, gender)} {name}"

    def _scaled_words(self, match: re.Match[str]) -> str:
        """"20 mln di euro" -> "venti milioni di euro"; "1,5 M de habitantes"."""
        amount = self.parse(match["num"])
        power = self.rules.scales[match["scale"]]
        one, many = self.rules.scale_words[power]
        word = one if cldr.plural(abs(amount.value), self.rules.code) == "one" else many
        gender = (self._noun_gender(match.string, match.end()) or "m") if power < 6 else "m"
        spoken = f"{self.say_number(amount, gender)} {word}"
        return spoken.removeprefix("un ") if self.rules.code == "es" and power == 9 and amount.value == 1 else spoken

    # --- percentages, points and units ------------------------------------------------------------------------

    def _percentage(self, match: re.Match[str]) -> str:
        amount = self.parse(match["num"])
        phrase = cldr.unit_phrase("concentr-percent", abs(amount.value), self.say_number(amount, "m", noun=False),
                                  self.rules.code)
        if match["low"]:
            return f"{self.say_number(self.parse(match['low']), 'm', noun=False)} {self.rules.to_word} {phrase}"
        return phrase

    def _point(self, match: re.Match[str]) -> str:
        amount = self.parse(match["num"])
        one, many = self.rules.points[match["unit"]]
        name = one if cldr.plural(abs(amount.value), self.rules.code) == "one" else many
        ends = re.match(r"\s*$|\s+[\"'«¿¡]?[A-ZÁÉÍÓÚ]", match.string[match.end():])
        stop = "." if match["unit"].endswith(".") and ends else ""
        return f"{self.say_number(amount, self.rules.gender(name.split()[0]))} {name}{stop}"

    def _road_words(self, match: re.Match[str]) -> str:
        """"A10" -> "A dieci": the letters by their names, as an acronym's (Italian "E45" is no "e", "and"), the
        number whole."""
        return f"{self.spell(match['letters'])} {self.say_number(self.parse(match['num']), noun=False)}"

    def _unit(self, match: re.Match[str], domain: str = "") -> str:
        amount = self.parse(match["num"])
        if match["unit"] == "ha" and self.rules.code in ("es", "it") and re.match(
                r"\s+(?!(?:de|di|del|della|dei|en|in|y|e|o)\b)" + _SCRIPT_LETTER, match.string[match.end():], re.I):
            said = f"{self.say_number(amount, noun=False)} ha"  # the verb: "el COVID-19 ha causado", "ha detto"
            guesses.note(match.group(0), said, (self._unit_phrase(UNITS["ha"], amount),),
                         "a word follows that the verb takes")
            return said
        if match["unit"] == "m" and COUNTED.match(match.string, match.end()):  # "4,3 m de TEU": a count, in millions
            said = self._millions(amount)
            guesses.note(match.group(0), said, (self._unit_phrase(UNITS["m"], amount),), "a count follows the figure")
            return said
        if match["unit"] == "nm" and domain in SEA_DOMAINS:
            said = self._unit_phrase(OTHER_UNITS["nm"], amount)
            guesses.note(match.group(0), said, (self._unit_phrase(UNITS["nm"], amount),),
                         f"the show's domain is {domain}")
            return said
        spoken = self._unit_phrase(UNITS[match["unit"]], amount)
        if match["unit"] == "ha" and self.rules.code in ("es", "it"):
            guesses.note(match.group(0), spoken, (f"{self.say_number(amount, noun=False)} ha",),
                         "no word follows that the verb would take")
        elif match["unit"] in OTHER_UNITS:
            other = OTHER_UNITS[match["unit"]]
            said = self._unit_phrase(other, amount) if other else self._millions(amount)
            guesses.note(match.group(0), spoken, (said,), "the unit's symbol after a figure")
        return spoken

    def _millions(self, amount: Amount) -> str:
        """"4,3" -> "cuatro coma tres millones"."""
        one, many = self.rules.scale_words[6]
        return f"{self.say_number(amount)} {one if cldr.plural(abs(amount.value), self.rules.code) == 'one' else many}"

    def _unit_phrase(self, unit: str, amount: Amount) -> str:
        name = cldr.unit_name(unit, abs(amount.value), self.rules.code)
        gender = self.rules.gender(name.split()[0].lower()) if name else "m"
        return cldr.unit_phrase(unit, abs(amount.value), self.say_number(amount, gender), self.rules.code)

    # --- times, dates, ordinals, roman numerals ---------------------------------------------------------------

    def _clock(self, match: re.Match[str]) -> str:
        if match.groupdict().get("dh"):
            return self.rules.clock(int(match["dh"]), int(match["dm"]))
        if match["m"] is None and not match["hour_only"]:
            return match.group(0)
        return self.rules.clock(int(match["h"]), int(match["m"] or 0))

    def _date(self, match: re.Match[str]) -> str:
        day, month, year = int(match["d"]), int(match["m"]), match["y"]
        if not (1 <= day <= 31 and 1 <= month <= 12):
            return match.group(0)
        full = int(year) if len(year) == 4 else 2000 + int(year)
        day_said = self.rules.first_day if day == 1 else numbers.cardinal(day, self.rules.code)
        return self.rules.date(day_said, cldr.month_names(self.rules.code)[month - 1],
                               numbers.cardinal(full, self.rules.code))

    def _ordinal_words(self, match: re.Match[str]) -> str:
        gender = self.rules.ordinal_suffixes[match["suffix"]]
        spoken = numbers.ordinal(int(match["num"]), self.rules.code, gender)
        if self.rules.code == "es" and match["suffix"] == "er":  # "1.er puesto": "primer"
            spoken = re.sub(r"(prim|terc)ero$", r"\1er", spoken)
        return spoken

    def _century_words(self, match: re.Match[str]) -> str:
        if match["num2"]:  # "XXIe siècle", "XXI secolo"
            return self.rules.century(_roman(match["num2"])) + " "
        return f"{match['word']} {self.rules.century(_roman(match['num']))}"

    def _regnal_words(self, match: re.Match[str]) -> str:
        number = _roman(match["num"])
        if number == 1 and self.rules.code == "it":
            return match.group(0)  # "I" is also Italian's plural article
        said = f"{match['name']} {self.rules.regnal(number)}"
        other = f"{match['name']} {numbers.cardinal(number, self.rules.code)}"
        if other != said:  # French says "Louis quatorze" either way
            guesses.note(match.group(0), said, (other,), "a Roman numeral after a name is a ruler's or a generation's")
        return said

    # --- acronyms and what is left ----------------------------------------------------------------------------

    def _acronym_words(self, match: re.Match[str]) -> str:
        word, r = match["word"], self.rules
        as_word = word[:1] + word[1:].lower() + (match["plural"] or "")  # eSpeak NG spells capitals ("O-N-U")
        spelled = self.spell(word) + (match["plural"] or "")
        if word in r.word_acronyms:
            return as_word
        if r.pronounceable is not None and r.pronounceable(word):
            guesses.note(word, as_word, (spelled,), "capitals that can be said as a word are said as one")
            return as_word
        if len(word) > 4:
            guesses.note(word, word, (spelled,), "capitals longer than four letters are left to the voice")
            return match.group(0)
        if re.fullmatch(r"[IVXL]+", word) and len(word) > 1:
            said = numbers.cardinal(_roman(word), r.code)
            guesses.note(word, said, (spelled,), "capitals that make a Roman numeral are a number")
            return said
        if len(word) >= 3 and sayable(word):
            guesses.note(word, spelled, (as_word,), "capitals are spelled unless known as a word")
        return spelled

    def _leftovers(self, text: str) -> str:
        """A digit or sign no rule claimed is still said, never passed through."""
        text = re.sub(r"\d+", lambda m: " " + numbers.digits(m.group(0), self.rules.code) + " ", text)

        def sign(match: re.Match[str]) -> str:
            char = match.group(0)
            if char in SYMBOLS:
                return " " + self.currency(SYMBOLS[char], 2, True) + " "
            if char == "%":
                return " " + cldr.unit_name("concentr-percent", Decimal(2), self.rules.code) + " "
            if char == "&":
                return f" {self.rules.and_word} "
            return " "

        return FORBIDDEN.sub(sign, text)



_ROMAN: Final = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}


def _roman(text: str) -> int:
    total = 0
    for char, following in zip(text, text[1:] + " ", strict=True):
        value = _ROMAN[char]
        total += -value if following in _ROMAN and _ROMAN[following] > value else value
    return total
