"""Postal codes (US ZIP and ZIP+4, UK postcodes, Canadian postal codes) and serial, part and order codes: read
character by character, as people read them out, never as amounts."""

from __future__ import annotations

import re
from typing import Final

from . import words
from .places import POSTAL_STATES, PROVINCES

_ZIP: Final = re.compile(
    r"(?P<lead>\b(?:ZIP|Zip|zip)(?:[- ]?[Cc]ode)?:?\s+|\b(?:[Pp]ostal|[Pp]ost)\s?[Cc]ode:?\s+)"
    r"(?P<zip>\d{5})(?:-(?P<plus4>\d{4}))?\b"
)
_UK: Final = re.compile(r"\b(?P<out>[A-Z]{1,2}\d[A-Z\d]?)\s(?P<in>\d[ABD-HJLNP-UW-Z]{2})\b")
_CANADA: Final = re.compile(r"\b(?P<out>[ABCEGHJ-NPRSTVXY]\d[A-Z])\s?(?P<in>\d[A-Z]\d)\b")
_LABELLED: Final = re.compile(
    r"(?P<lead>\b(?:[Ss]erial(?: [Nn]umber| [Nn]o\.?)?|S/N|[Pp]art(?: [Nn]umber| [Nn]o\.?)|[Oo]rder(?: [Nn]umber| "
    r"[Nn]o\.?)|[Tt]racking(?: [Nn]umber)?|[Cc]ase(?: [Nn]umber| [Nn]o\.)|VIN|[Cc]onfirmation(?: [Nn]umber| "
    r"[Cc]ode)?|[Pp]olicy(?: [Nn]umber)|[Ii]nvoice(?: [Nn]umber)?|[Bb]atch(?: [Nn]umber)?|[Ll]ot(?: [Nn]umber)|"
    r"[Rr]egistration(?: [Nn]umber)?|[Ll]icen[cs]e [Pp]late|[Pp]late|[Cc]ode|SKU|UPC|ISBN)[:#]?\s+#?)"
    r"(?P<code>(?=[A-Z0-9-]*\d)[A-Z0-9][A-Z0-9-]{2,})\b"
)
_HYPHENATED: Final = re.compile(
    r"(?<![\w.-])(?!1-8\d\d-)(?P<code>(?=[A-Z0-9-]*[A-Z])(?=[A-Z0-9-]*\d)[A-Z0-9]+(?:-[A-Z0-9]+){2,})(?![\w-])"
)
"""A code of three or more hyphenated groups mixing capitals and digits: "SN-4471-XB", "AB-12-CD"."""


_STATE_ZIP: Final = re.compile(r"(?<=[a-z]) (?P<state>" + "|".join(POSTAL_STATES) + r")\s+(?P<zip>\d{5})"
                               r"(?:-(?P<plus4>\d{4}))?\b")
_PROVINCE: Final = re.compile(r"(?:(?<=[a-z]),? |(?<=,) |^)(?P<prov>" + "|".join(PROVINCES) + r")"
                              r"\s+(?=[A-Z]\d[A-Z]\s?\d[A-Z]\d\b)")
_LONG: Final = re.compile(r"(?<![\w-])(?P<code>(?=[A-Z0-9]*[A-Z])(?=[A-Z0-9]*\d)[A-Z0-9]{10,})(?![\w-])")
"""Ten characters or more mixing capitals and digits: a VIN, a tracking or booking code."""
_VARIANT: Final = re.compile(
    r"(?:\b(?P<name>Boeing|Airbus|Embraer|Comac|A|E|C)[ -]?|(?<![\w.-])(?=7[0-8]7-))"
    r"(?P<num>\d{3})-(?P<var>\d{1,4})\b(?!-)"
)
"""An aircraft and its variant: "Boeing 787-9", "737-800", "A350-1000" (never a range)."""


_MODEL_SUFFIX: Final = re.compile(
    r"(?<![\w.,$£€¥₩-])(?P<num>\d{4,5})(?P<suffix>(?!GB|MB|TB|KB|MW|GW|KW|KM|KG|MP)[A-Z]{1,2})\b"
)
"""A processor or graphics model: "7950X", "14900K" (a figure of four digits or more with capitals glued on)."""
_JOINED_MODEL: Final = re.compile(r"\b(?P<a>[A-Za-z]+\d+)-(?P<b>\d+[A-Z]*)\b")
""""i9-14900K": two model parts joined by a hyphen, said one after the other."""
_DOCKET: Final = re.compile(r"\b(?P<year>\d{2})-(?P<kind>cv|cr|mj|mc|CV|CR|MJ|MC)-(?P<num>\d{3,6})\b")


def _model_suffix(match: re.Match[str]) -> str:
    """"7950X" -> "seventy-nine fifty X", "14900K" -> "fourteen nine hundred K"."""
    num = match["num"]
    said = words.model_number(num) if len(num) == 4 else f"{words.integer(int(num[:2]))} {words.model_number(num[2:])}"
    return f"{said} {' '.join(match['suffix'])}"


def _postal(match: re.Match[str]) -> str:
    return f"{words.spell_code(match['out'])}, {words.spell_code(match['in'])}"


def _zip(match: re.Match[str]) -> str:
    spoken = (match.groupdict().get("lead") or "") + words.spell_digits(match["zip"])
    return spoken + (f", {words.spell_digits(match['plus4'])}" if match["plus4"] else "")


def verbalize(text: str) -> str:
    """Postal codes and labelled or hyphenated codes, character by character."""
    if not re.search(r"\d", text):
        return text
    text = _ZIP.sub(_zip, text)
    text = _STATE_ZIP.sub(lambda m: f", {POSTAL_STATES[m['state']]}, {_zip(m)}", text)
    text = _PROVINCE.sub(lambda m: f"{', ' if m.start() else ''}{PROVINCES[m['prov']]}, ", text)
    text = _LONG.sub(lambda m: words.spell_code(m["code"]), text)
    text = _VARIANT.sub(lambda m: f"{m['name'] or ''} {words.model_number(m['num'])} {words.model_number(m['var'])}",
                        text)
    text = _LABELLED.sub(lambda m: m["lead"] + words.spell_code(m["code"]), text)
    text = _HYPHENATED.sub(lambda m: words.spell_code(m["code"]), text)
    text = _JOINED_MODEL.sub(r"\g<a> \g<b>", text)
    text = _MODEL_SUFFIX.sub(_model_suffix, text)
    text = _DOCKET.sub(lambda m: f"{words.integer(int(m['year']))} {words.spell_code(m['kind'])} "
                                 f"{words.spell_digits(m['num'])}", text)
    text = _UK.sub(_postal, text)
    return _CANADA.sub(_postal, text)
