"""Abbreviations read by their neighbours: Dr. and St. (a title before a name, a street after one), compass
points (N., W., NW), council and police titles, "OKs", and sports shorthand (HRs, RBIs, TDs)."""

from __future__ import annotations

import re
from typing import Final

from . import guesses, words

STREET_KINDS: Final = {"St": "Street", "Dr": "Drive", "Ave": "Avenue", "Rd": "Road", "Blvd": "Boulevard",
                       "Ln": "Lane", "Pl": "Place", "Ct": "Court", "Pkwy": "Parkway", "Hwy": "Highway",
                       "Sq": "Square", "Ter": "Terrace", "Cres": "Crescent"}
_OTHER_EXPANSIONS: Final = {"St": "Saint", "Dr": "Doctor"}
"""Street abbreviations with another reading before a name."""
_PLACE_PREFIXES: Final = frozenset("Mount Mt Port Fort Ft Lake Cape Sault Great Little Grand Pointe Isle".split())
_STREET_ABBR: Final = re.compile(
    r"(?:\b|(?<=\s))(?P<prev>[A-Z][a-z]+|Jr\.|\d+(?:st|nd|rd|th))\s+"
    r"(?P<abbr>" + "|".join(STREET_KINDS) + r")\.(?P<next>\s+\S+)?"
)
STARTERS: Final = frozenset(
    """The A An He She It They We I You His Her Its Their Our This That These Those There Here In On At By For From
    With After Before When While As But And Or So Yet If Although Since Police Officials Authorities Residents
    Mayor Officers Firefighters Neighbors Neighbours Witnesses Crews Workers Council City County State Fire
    No One Two Three Some Many Most All Both Each Several Nearly About More Its Traffic Emergency Investigators
    Construction Work Repairs Students Parents Teachers Owners Drivers Tenants Businesses Shoppers Visitors""".split()
)
"""Capitalized words that begin sentences and are not names: after "Elm St." they start a new sentence."""


def _sentence_initial(text: str, pos: int) -> bool:
    """Whether the word at `pos` begins the text or a sentence (its capital says nothing about it)."""
    return _SENTENCE_START.search(text[max(0, pos - 12):pos]) is not None if pos > 12 else \
        _SENTENCE_START.search(text[:pos]) is not None


_SENTENCE_START: Final = re.compile(r"(?:^|(?<![A-Z])(?<!\b(?:St|Dr|Mr|Ms|Jr|Sr|Lt))[.!?][\"')\]]*\s+)[\"'(]*$")
"""The end of a sentence, not of an initial ("E.") or a title ("Mr."), then the next one's first word."""


def is_street(text: str, start: int, following: str) -> bool:
    """Whether "Elm St." / "Oak Dr." whose name begins at `start` names a street: the name is not a sentence's
    first word nor a place prefix ("Mount St. Helens"), and what follows is not a name ("Dr. Smith")."""
    prev = re.match(r"[A-Za-z0-9]+", text[start:])
    if re.match(r"\d{1,3}(?:st|nd|rd|th)\s+(?:St|Ave|Av|Blvd|Rd)\.", text[start:]) and not (
            start and text[start - 1] in ",.0123456789"):
        return True  # "16th St. Mall": saints are not numbered
    if not prev or _sentence_initial(text, start) or prev.group(0) in _PLACE_PREFIXES:
        return False
    word = (following.split() or [""])[0].lstrip("\"'(")
    return not word[:1].isupper() or word.rstrip(".,;:") in STARTERS


def streets(text: str) -> str:
    """"Elm St. near" -> "Elm Street near"; "Elm St. Mayor Whitfield" -> "Elm Street. Mayor Whitfield": after a
    street's name the abbreviation is the street, and a sentence starting after it keeps the full stop. "Visited
    St. Paul", "Mount St. Helens" and "the Treasury St. Paul" keep the saint."""

    def one(match: re.Match[str]) -> str:
        nxt = match["next"] or ""
        other = _OTHER_EXPANSIONS.get(match["abbr"])
        written = f"{match['prev']} {match['abbr']}."
        if not is_street(text, match.start(), nxt):
            if other:
                guesses.note(written, f"{match['prev']} {other}", (f"{match['prev']} {STREET_KINDS[match['abbr']]}",),
                             "no street's name before it")
            return match.group(0)
        if other:
            guesses.note(written, f"{match['prev']} {STREET_KINDS[match['abbr']]}", (f"{match['prev']} {other}",),
                         "after a street's name")
        place = re.match(r"\s*(?:Mall|Station|Bridge|Plaza|Market|Park|Tunnel|Pier|Subway|Crossing|Garage|Center|"
                         r"Centre|Line|Corridor|Promenade|Terminal)\b", nxt)
        stop = "." if (not nxt or not nxt.strip()[:1].islower()) and not place else ""
        return f"{match['prev']} {STREET_KINDS[match['abbr']]}{stop}{nxt}"

    return _STREET_ABBR.sub(one, text)


_POINTS: Final = {"N": "north", "S": "south", "E": "east", "W": "west", "NW": "northwest", "NE": "northeast",
                  "SW": "southwest", "SE": "southeast"}
_STREET_WORDS: Final = r"(?:St|Street|Ave|Avenue|Rd|Road|Blvd|Boulevard|Dr|Drive|Ln|Lane|Way|Pl|Place|Ct|Court|Pkwy" \
                       r"|Parkway|Hwy|Highway|Side|End)\b"
_REGIONS: Final = ("Korea|Africa|Carolina|Dakota|Sudan|America|Ireland|Vietnam|Pole|Island|Wales|Yorkshire|"
                    "Macedonia|Ossetia|Germany|Timor|Coast|Virginia|Bank|Berlin|Europe|Asia|Indies|Midlands|Sussex|"
                    "Side|End|Texas|London|Jerusalem|Bengal|Java|Sumatra|Kalimantan|Sulawesi|Cyprus|Darfur")
_COMPASS: Final = [
    # "N. Korea", "S. Africa", "W. Virginia"
    re.compile(r"(?<![\w.])(?P<d>[NSEW])\.(?=\s+(?:" + _REGIONS + r")\b)"),
    # "5 mi N. of Denver", "N.W. of the city"
    re.compile(r"(?<![\w.])(?P<d>[NSEW]|[NS]\.?[EW])\.(?=\s+of\b)"),
    # "W. Main Street", "1200 W Madison", "NW Portland", "the NE corner"
    re.compile(r"(?<![\w.])(?P<d>[NSEW])\.?(?=\s+(?:\d+(?:st|nd|rd|th)\s+|[A-Z][a-z]+\s+){1,2}" + _STREET_WORDS + r")"),
    re.compile(r"(?<=\d )(?P<d>[NSEW])\.?(?=\s+[A-Z0-9])"),
    re.compile(r"(?<!, )(?<![\w.])(?P<d>[NS]\.?[EW])\.?(?![\w.-])(?=\s+[A-Za-z0-9])"),
]


def _compass(match: re.Match[str]) -> str:
    point = _POINTS[match["d"].replace(".", "")]
    after = match.string[match.end():].lstrip()[:1]
    return point.capitalize() if after.isupper() or after.isdigit() else point


def compass(text: str) -> str:
    """Compass points in addresses and directions: "W. Main Street" -> "West Main Street"."""
    for pattern in _COMPASS:
        text = pattern.sub(_compass, text)
    return text


_SPORTS: Final = {"HR": ("home run", "home runs"), "RBI": ("run batted in", "runs batted in"),
                  "TD": ("touchdown", "touchdowns"), "INT": ("interception", "interceptions"),
                  "SB": ("stolen base", "stolen bases"), "FG": ("field goal", "field goals"),
                  "yd": ("yard", "yards"), "pt": ("point", "points"), "reb": ("rebound", "rebounds"),
                  "ast": ("assist", "assists"), "K": ("strikeout", "strikeouts"), "blk": ("block", "blocks"),
                  "stl": ("steal", "steals"), "GA": ("goal against", "goals against")}
_SPORTS_AFTER_NUMBER: Final = re.compile(
    r"(?<![\w.,])(?P<num>\d+(?:st|nd|rd|th)?)(?P<gap>\s?|-)(?P<abbr>HR|RBI|TD|INT|SB|FG|yd|pt|reb|ast|blk|stl)(?P<s>s?)\b(?!\.\w)"
    r"|(?<![\w.,])(?P<num2>\d+)\s(?P<ks>Ks)\b"
)
_SPORTS_ALONE: Final = re.compile(r"\b(?P<abbr>HR|RBI|TD)s\b|\bTD\b|(?:(?<=\ba )|(?<=solo )|(?<=-run ))HR\b")


def sports(text: str) -> str:
    """"2 HRs" -> "2 home runs", "a 3-TD game" -> "a 3-touchdown game", "TDs" -> "touchdowns"."""

    def after_number(match: re.Match[str]) -> str:
        if match["ks"]:
            return f"{match['num2']} strikeouts"
        one, many = _SPORTS[match["abbr"]]
        counted = match["num"].isdigit() and match["num"] != "1" and match["gap"] != "-"  # not "40th", "3-TD"
        plural = (bool(match["s"]) or counted) and not words.noun_follows(text, match.end())  # "2 TD passes"
        return f"{match['num']}{'-' if match['gap'] == '-' else ' '}{many if plural else one}"

    text = _SPORTS_AFTER_NUMBER.sub(after_number, text)
    return _SPORTS_ALONE.sub(lambda m: _SPORTS[m["abbr"] or m.group(0)][1 if m["abbr"] else 0], text)


_OKAY: Final = re.compile(r"(?<!, )(?<![\w-])OK(?P<tail>s|'s|'d|ed|'ed)?(?![\w'-])(?!\s+\d)")


def okay(text: str) -> str:
    """"Council OKs budget" -> "Council okays budget"; "OK'd" -> "okayed"."""
    def one(match: re.Match[str]) -> str:
        said = {"s": "okays", "'s": "okays", "'d": "okayed", "ed": "okayed", "'ed": "okayed"}.get(match["tail"] or "",
                                                                                                 "okay")
        return said.capitalize() if _sentence_initial(text, match.start()) else said

    return _OKAY.sub(one, text)


def verbalize(text: str) -> str:
    """The rules above, each only when its letters occur."""
    if "St." in text or "Dr." in text or re.search(r"[a-z] (?:Ave|Rd|Blvd|Ln|Pl|Ct|Pkwy|Hwy|Sq)\.", text):
        text = streets(text)
    if re.search(r"\b[NS]?[NSEW]\b", text):  # a compass point stands alone
        text = compass(text)
    text = sports(text)
    return okay(text) if "OK" in text else text
