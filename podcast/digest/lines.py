"""One digest line read by its marks: a Markdown heading, a bullet or number, a bold headline, a credit line, a
dateline, links and emphasis; what is left is plain text."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Final

from ..dates import parse_title_date
from ..models import Dateline
from .furniture import RULE
from .prose import INNER_SENTENCE, is_paragraph, looks_like_prose, sentence_case, sentence_like

CONTROL: Final = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u200b-\u200f\u2028\u2029\ufeff]")
_HEADING: Final = re.compile(r"(#{1,6})\s+")
_ITEM: Final = re.compile(r"(?:[-*+•▪◦‣●]|(?P<number>\d{1,3})[.)])\s+(?=\S)")
_BOLD_LEAD: Final = re.compile(r"(\*\*|__)(?P<head>\S(?:.*?\S)?)\1(?P<rest>.*)$")
_LEAD_SEPARATOR: Final = re.compile(r"\s*(?:(?:[-–—:|]+|\.(?!\.))\s*)?")
_ITEM_SPLIT: Final = re.compile(r"(?P<head>.+?)(?::\s+|\s+[-–—]+\s+)(?P<body>\S.*)$")
_ESCAPED: Final = re.compile(r"\\([\\`*_{}\[\]()#+\-.!~|>])")
_IMAGE: Final = re.compile(r"!\[(?P<text>[^\]]*)\]\([^)\s]*(?:\s+\"[^\"]*\")?\)")
_LINK: Final = re.compile(r"\[(?P<text>[^\]]+)\]\((?P<url>[^)\s]+)(?:\s+\"[^\"]*\")?\)")
_AUTOLINK: Final = re.compile(r"<(?P<url>(?:https?|mailto):[^>\s]+)>")
BARE_URL: Final = re.compile(r"(?:https?://|www\.)\S+$")
_EMPHASIS: Final = (
    re.compile(r"(\*\*|__)(?=\S)(?P<text>.+?)(?<=\S)\1"),
    re.compile(r"(?<![\w*\\])\*(?=[^\s*])(?P<text>.+?)(?<=[^\s*])\*(?![\w*])"),
    re.compile(r"(?<![\w_\\])_(?=[^\s_])(?P<text>.+?)(?<=[^\s_])_(?![\w_])"),
    re.compile(r"~~(?=\S)(?P<text>.+?)(?<=\S)~~"),
    re.compile(r"`(?P<text>[^`]+)`"),
)
_HELD: Final = re.compile("\ue000(\\d+)\ue001")

CREDIT_OPENERS: Final = (
    "reporting by", "additional reporting by", "editing by", "writing by", "written by", "edited by",
    "compiled by", "source:", "sources:", "read more:", "read more at", "read more ›", "read more →",
    "read the full story", "full story:", "continue reading", "link:", "photo:", "photograph:",
    # the show languages' newsrooms: es, fr, it, pt-BR, hi
    "información de", "con información de", "reportaje de", "redacción de", "edición de", "fuente:", "fuentes:",
    "reportage de", "rédaction :", "rédaction:", "édition de", "avec la contribution de", "source :", "sources :",
    "servizio di", "a cura di", "redazione:", "fonte:", "fonti:", "reportagem de", "edição de",
    "com informações de", "स्रोत:", "रिपोर्ट:",
)
"""How a credit line opens (lower case, after an optional bracket): it belongs to the story above it."""
_BYLINE_OPENERS: Final = frozenset({"By"})
"""A byline's first word. Not "Par", "Por" or "Di": the parser does not know the show's language, and an English
title-case headline can open with them ("Di Maria Joins Benfica")."""
_BYLINE_JOINERS: Final = frozenset({"and", "&", "de", "da", "van", "von", "der", "le", "la", "in"})
_CREDIT_PARTS: Final = re.compile(r"\s+[|·•/]\s+|\s+[—–-]\s+|,\s+(?=\d)")
"""What separates a byline's name from its date or place: "By Ana Ruiz | 12 March 2026"."""
_KICKER: Final = re.compile(r"(?P<head>[^\W\d_][^:]{2,80}?):\s+(?P<body>[\"“‘'(]?[^\W_].*)$")
"""A story in one paragraph opening with its headline in capitals: "HARBOR BRIDGE REOPENS: The bridge…"."""
_MARK_CATEGORIES: Final = frozenset({"So", "Sk", "Sm", "Mn", "Cf", "Co"})
_ARROWS: Final = frozenset("»›>|")
"""Emoji and other marks before a name or after it ("📈 ECONOMY & MARKETS", "► Sports"): not words."""
INLINE_CREDIT: Final = re.compile(
    r"\s*\((?:" + "|".join(re.escape(o) for o in CREDIT_OPENERS) + r")[^()]*\)$", re.IGNORECASE)
_DATELINE: Final = re.compile(
    r"(?P<place>[^\W\d_][^(),:]{1,40}?)"
    r"(?:,\s*(?P<date>[^\W\d_]{3,9}\.?\s+\d{1,2}|\d{1,2}\s+[^\W\d_]{3,9}\.?|(?P<day>\d{1,2})))?"
    r"\s*\((?P<agency>[^\W\d_][^()]{1,30})\)(?P<dash>(?P<stop>\.)?\s*[-–—]+)?\s*(?=\S)")
"""A wire dateline: "LONDON, Mar 2 (Reuters) -", as EFE writes it "Madrid, 10 mar (EFE).-", as Europa Press
writes it "MADRID, 10 (EUROPA PRESS)" (no dash: place and agency in capitals)."""
_AGENCY_FIRST: Final = re.compile(
    r"\((?P<agency>[^\W\d_][^()]{1,30})\)\s*[-–—]+\s*(?P<place>[^\W\d_][^(),:]{1,40}?)"
    r",\s*(?P<date>\d{1,2}\s+[^\W\d_]{3,9}\.?)\s*[-–—]+\s*(?=\S)")
"""ANSA's dateline, the agency first: "(ANSA) - ROMA, 10 MAR -"."""
_PLACE_PARTICLES: Final = frozenset({
    "de", "da", "do", "dos", "das", "del", "della", "di", "du", "la", "le", "les", "el", "al", "am", "an",
    "der", "den", "van", "von", "of", "upon", "on", "sur", "y",
})
"""Small words inside place names that stay lower case when a dateline in capitals is put in words."""


def clean_line(line: str) -> str:
    line = CONTROL.sub("", line)
    line = unicodedata.normalize("NFC", line)
    return " ".join(line.split())


def clean_markup(text: str) -> tuple[str, tuple[str, ...]]:
    """Text without Markdown emphasis, code or link syntax, and the URLs of its links: `[the plan](url)` is
    read and written as "the plan"; the URL is kept apart."""
    held: list[str] = []

    def hold(match: re.Match[str]) -> str:
        held.append(match.group(1))
        return f"\ue000{len(held) - 1}\ue001"

    links: list[str] = []

    def link(match: re.Match[str]) -> str:
        links.append(match.group("url"))
        return match.group("text") if "text" in match.groupdict() else match.group("url")

    text = _ESCAPED.sub(hold, text)
    text = _IMAGE.sub(lambda m: m.group("text"), text)
    text = _LINK.sub(link, text)
    text = _AUTOLINK.sub(link, text)
    for pattern in _EMPHASIS:
        previous = None
        while previous != text:  # nested emphasis: ***both***
            previous, text = text, pattern.sub(lambda m: m.group("text"), text)
    text = _HELD.sub(lambda m: held[int(m.group(1))], text)
    return " ".join(text.split()), tuple(links)


def _credit(text: str) -> bool:
    """A credit line: who reported, edited or wrote the story, its source, or a link to read more."""
    bare = text.strip("()[] ").lower()
    if BARE_URL.match(text.strip("<>")) and " " not in text:
        return True
    if any(bare.startswith(opener) and bare[len(opener):len(opener) + 1] in ("", " ")
           for opener in CREDIT_OPENERS):
        return True
    if _dated(text.strip("()")):
        return True  # a dateline under a headline: "12 March 2026", "Published March 12, 2026"
    first, *rest = _CREDIT_PARTS.split(text.strip("()").rstrip("."))
    if rest and not all(_dated(part) or len(part.split()) <= 4 for part in rest):
        return False
    words = first.split()
    if len(words) < 2 or len(words) > 9 or words[0] not in _BYLINE_OPENERS:
        return False
    names = [w.strip(",;") for w in words[1:]]
    return all(w[:1].isupper() or w.lower() in _BYLINE_JOINERS for w in names if w) and names[0][:1].isupper()


def _mark(ch: str) -> bool:
    return ch.isspace() or ch in _ARROWS or unicodedata.category(ch) in _MARK_CATEGORIES and ch not in "+<=-"


def _unmarked(line: str) -> str:
    """The line without the emoji and symbols before or after its words (a symbol before a figure stays)."""
    start, end = 0, len(line)
    while start < end and _mark(line[start]):
        start += 1
    while end > start and _mark(line[end - 1]) and not line[end - 1].isspace() or end > start and (
            line[end - 1].isspace()):
        end -= 1
    return line[start:end]


def _dated(text: str) -> bool:
    """A date alone, or with a word or two: "12 March 2026", "Updated 2026-03-12 09:00"."""
    return len(text.split()) <= 6 and parse_title_date(text) is not None and not text.rstrip().endswith(".")


def _place_in_words(place: str) -> str:
    """A dateline's place as a name is written: "RIO DE JANEIRO" -> "Rio de Janeiro"."""
    if not place.isupper():
        return place.replace("/", " and ")
    words = place.replace("/", " and ").split()
    return " ".join(w.lower() if i and w.lower() in _PLACE_PARTICLES | {"and"} else w.title()
                    for i, w in enumerate(words))


def split_dateline(text: str) -> tuple[Dateline | None, str]:
    """A wire story's opening `LONDON, Mar 2 (Reuters) -` taken off its text, or (None, text)."""
    match = _DATELINE.match(text) or _AGENCY_FIRST.match(text)
    if not match:
        return None, text
    place = match.group("place").strip()
    agency_style = match.re is _AGENCY_FIRST or match.group("stop") or match.group("day")
    if match.re is _DATELINE and not match.group("dash") and not (place.isupper() and match["agency"].isupper()):
        return None, text  # "Paris (France) Le…" is no dateline; "MADRID, 10 (EUROPA PRESS) El…" is
    words = place.replace("/", " ").split()
    capitals = place.isupper()
    if len(words) > 5 or not all(w[:1].isupper() or w.lower() in _PLACE_PARTICLES for w in words):
        return None, text
    if not capitals and (len(words) > 3 or match.group("date") is None and len(words) > 2):
        return None, text
    agency = match.group("agency").strip()
    if agency.isupper() and len(agency.split()) > 1:
        agency = _place_in_words(agency)  # "EUROPA PRESS" is a name, not letters to spell
    if len(agency.split()) > 4 or not agency[:1].isupper():
        return None, text
    # an agency's own date ("10 MAR", "10 mar", "10") is the day's, in its abbreviations: not said
    date = "" if agency_style else match.group("date") or ""
    dateline = Dateline(place=_place_in_words(place), agency=agency, date=date, written=match.group().strip())
    return dateline, text[match.end():]


@dataclass
class Line:
    """One non-empty line of the digest, its markup read: what kind of line it is by its marks."""

    number: int
    kind: str
    """"heading", "item" (a bullet or number), "bold" (a bold line alone), "lead" (a bold headline and text),
    "credit", or "plain"."""
    text: str
    """The whole line without markers or markup."""
    level: int = 0
    """A heading's level: 1 for `#`, 2 for `##`."""
    headline: str = ""
    body: str = ""
    links: tuple[str, ...] = ()
    taught: str = ""
    """The role a show's house style gives this line ([show.digest] patterns): "section", "headline", "credit"."""
    kicker: bool = False
    """A "lead" whose headline is its opening in capitals, before a colon."""
    longest: int = 15
    """The most words a headline has in this digest's house style (more when every paragraph ends in a stop)."""
    inline: bool = False
    """A word or a few inside the line are emphasized or linked, as running text marks them ("amid *rising*
    costs"); a headline is marked whole or not at all."""

    @property
    def ends(self) -> bool:
        return self.kind == "plain" and is_paragraph(self.text)

    @property
    def prose(self) -> bool:
        """Surely a story's text: it ends a sentence, reads as prose, or opens with a dateline."""
        return self.kind == "plain" and (
            self.ends or looks_like_prose(self.text, self.longest) or split_dateline(self.text)[0] is not None)

    @property
    def sentence(self) -> bool:
        """Plain text that reads like a sentence, though it may still be a headline in sentence case."""
        return self.kind == "plain" and (self.prose or sentence_like(self.text))


def read_line(number: int, raw: str) -> Line | None:
    """A line's kind from its marks: `#`, a bullet or number, a bold headline, a credit; else plain."""
    line = clean_line(raw)
    if not line:
        return None
    if RULE.match(line):
        return Line(number, "rule", line)
    level, item = 0, False
    if heading := _HEADING.match(line):
        level, line = len(heading.group(1)), line[heading.end():].rstrip("#").strip()
    elif marker := _ITEM.match(line):
        item, line = True, line[marker.end():]
    unmarked = _unmarked(line)
    line = unmarked if any(ch.isalnum() for ch in unmarked) else line
    text, links = clean_markup(line)
    if not text:
        return None
    if level:
        return Line(number, "heading", text, level=level, headline=text, links=links)
    bold = _BOLD_LEAD.match(line)
    if bold:
        head, head_links = clean_markup(bold.group("head"))
        rest = bold.group("rest")
        separator = _LEAD_SEPARATOR.match(rest)
        body, body_links = clean_markup(rest[separator.end():] if separator else rest)
        head = head.rstrip(" :|–—-")
        if body and head.endswith(".") and not head.endswith(".."):
            head = head[:-1]
        if head and body:
            return Line(number, "item" if item else "lead", text, headline=head, body=body,
                         links=head_links + body_links)
        if head and not body.strip(".:—–-| "):
            return Line(number, "item" if item else "bold", text, headline=head, links=links)
    if item:
        head, body = _split_item(text)
        return Line(number, "item", text, headline=head, body=body, links=links)
    if _credit(text):
        return Line(number, "credit", text, links=links)
    kicker = _KICKER.match(text)
    body = kicker.group("body") if kicker else ""
    if kicker and _capitals(kicker.group("head")) and (is_paragraph(body) or len(body.split()) >= 6 or len(
            body.split()) >= 4 and sentence_like(body)) and split_dateline(text)[0] is None:
        return Line(number, "lead", text, headline=kicker.group("head"), body=body, links=links, kicker=True)
    return Line(number, "plain", text, links=links, inline=_inline_markup(line, text))


def _inline_markup(line: str, text: str) -> bool:
    """Emphasis or a link on part of the line, not on the whole of it."""
    for pattern in (*_EMPHASIS, _LINK):
        for match in pattern.finditer(line):
            inner = match.group("text").strip()
            if inner and inner != text and len(inner.split()) < len(text.split()):
                return True
    return False


def _capitals(text: str) -> bool:
    """Written in capitals: every letter upper case, and more than a short code ("UK:", "Q3")."""
    letters = [ch for ch in text if ch.isalpha()]
    return len(letters) >= 4 and all(ch.isupper() for ch in letters) and not INNER_SENTENCE.search(text)


def _split_item(text: str) -> tuple[str, str]:
    """A list item's headline and text: "Council Backs Plan: The council voted..." -> both; a lone headline
    or a lone paragraph stays whole."""
    if split_dateline(text)[0] is not None:
        return "", text
    split = _ITEM_SPLIT.match(text)
    if split:
        head, body = split.group("head").strip(), split.group("body").strip()
        words = head.split()
        balanced = head.count("(") == head.count(")") and head.count('"') % 2 == 0
        headline_like = balanced and 1 <= len(words) <= 14 and not head.endswith(".") and not (
            INNER_SENTENCE.search(head))
        text_like = (is_paragraph(body) or len(body.split()) >= 10 or len(words) >= 3 and sentence_case(body)
                     or split_dateline(body)[0] is not None)
        if headline_like and text_like:
            return head, body
    if is_paragraph(text) or looks_like_prose(text):
        return "", text
    return text, ""


def shape(line: Line) -> str:
    """How a section header is written, apart from its words: "heading 2", "bold", "capitals", "colon"..."""
    kind = f"heading {line.level}" if line.kind == "heading" else line.kind
    letters = [ch for ch in line.text if ch.isalpha()]
    case = "capitals" if letters and all(ch.isupper() for ch in letters) else "mixed"
    return f"{kind} {case}{' colon' if line.text.endswith(':') else ''}"
