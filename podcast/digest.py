"""Reading a digest file and parsing it into sections and stories.

A digest is a title line with its date, then section headers, headlines and
paragraphs, one per line, with or without blank lines between them. Lines are
told apart by shape and place (see `parse_digest`).
"""

from __future__ import annotations

import collections
import dataclasses
import datetime as dt
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Final

from .errors import DigestError
from .models import Dateline, Digest, Section, Story

MAX_DIGEST_BYTES: Final = 5_000_000
"""Digests larger than this are refused: a day's news is a few tens of kilobytes."""

_MONTHS: Final = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"),
            ("may",), ("june", "jun"), ("july", "jul"), ("august", "aug"),
            ("september", "sep", "sept"), ("october", "oct"), ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
_MONTH = r"(?P<month>[A-Za-z]{3,9})\.?"
_TITLE_DATES: Final = (
    re.compile(r"(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+" + _MONTH + r",?\s+(?P<year>\d{4})"),
    re.compile(_MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<year>\d{4})"),
    re.compile(r"(?P<year>\d{4})-(?P<mnum>\d{2})-(?P<day>\d{2})"),
)
_CLOSERS: Final = "\"'”’)]»"
_SENTENCE_END: Final = re.compile(r"[.!?][" + re.escape(_CLOSERS) + r"]*$")
_CONTROL: Final = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u200b-\u200f\u2028\u2029\ufeff]")


def read_digest_text(path: Path) -> tuple[str, list[str]]:
    """The file's text and any warnings; UTF-8, else cp1252 with a warning."""
    try:
        if path.is_dir():
            raise DigestError(path, "is a folder, not a digest file")
        size = path.stat().st_size
        if size > MAX_DIGEST_BYTES:
            raise DigestError(path, f"is {size} bytes; the limit is {MAX_DIGEST_BYTES}")
        raw = path.read_bytes()
    except FileNotFoundError as exc:
        raise DigestError(path, "no such file") from exc
    except OSError as exc:
        raise DigestError(path, f"cannot read: {exc.strerror}") from exc
    if b"\x00" in raw:
        raise DigestError(path, "is binary, not a text digest")
    warnings: list[str] = []
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = raw.decode("cp1252", errors="replace")
        warnings.append(f"{path}: not UTF-8; read as Windows-1252 (Latin-1)")
    return text, warnings


def slugify(title: str) -> str:
    """ASCII file-name form: "Economy & Markets" -> "economy-markets"."""
    ascii_text = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    return slug[:60].strip("-") or "section"


def parse_title_date(title: str) -> dt.date | None:
    """The date written in a title line, in any of the common forms."""
    for pattern in _TITLE_DATES:
        for match in pattern.finditer(title):
            parts = match.groupdict()
            month = int(parts["mnum"]) if parts.get("mnum") else _MONTHS.get(
                parts["month"].lower()
            )
            if month is None:
                continue
            try:
                return dt.date(int(parts["year"]), month, int(parts["day"]))
            except ValueError:
                continue
    return None


_HEADING: Final = re.compile(r"(#{1,6})\s+")
_ITEM: Final = re.compile(r"(?:[-*+•▪◦‣●]|(?P<number>\d{1,3})[.)])\s+(?=\S)")
_BOLD_LEAD: Final = re.compile(r"(\*\*|__)(?P<head>\S(?:.*?\S)?)\1(?P<rest>.*)$")
_LEAD_SEPARATOR: Final = re.compile(r"\s*(?:(?:[-–—:|]+|\.(?!\.))\s*)?")
_ITEM_SPLIT: Final = re.compile(r"(?P<head>.+?)(?::\s+|\s+[-–—]+\s+)(?P<body>\S.*)$")
_ESCAPED: Final = re.compile(r"\\([\\`*_{}\[\]()#+\-.!~|>])")
_IMAGE: Final = re.compile(r"!\[(?P<text>[^\]]*)\]\([^)\s]*(?:\s+\"[^\"]*\")?\)")
_LINK: Final = re.compile(r"\[(?P<text>[^\]]+)\]\((?P<url>[^)\s]+)(?:\s+\"[^\"]*\")?\)")
_AUTOLINK: Final = re.compile(r"<(?P<url>(?:https?|mailto):[^>\s]+)>")
_BARE_URL: Final = re.compile(r"(?:https?://|www\.)\S+$")
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
    "compiled by", "source:", "sources:", "read more:", "read more at", "photo:", "photograph:",
)
"""How a credit line opens (lower case, after an optional bracket): it belongs to the story above it."""
_BYLINE_JOINERS: Final = frozenset({"and", "&", "de", "da", "van", "von", "der", "le", "la", "in"})
_INLINE_CREDIT: Final = re.compile(
    r"\s*\((?:" + "|".join(re.escape(o) for o in CREDIT_OPENERS) + r")[^()]*\)$", re.IGNORECASE)
_DATELINE: Final = re.compile(
    r"(?P<place>[^\W\d_][^(),]{1,40}?)"
    r"(?:,\s*(?P<date>[^\W\d_]{3,9}\.?\s+\d{1,2}|\d{1,2}\s+[^\W\d_]{3,9}\.?))?"
    r"\s*\((?P<agency>[^\W\d_][^()]{1,30})\)\s*[-–—]+\s*(?=\S)")
_PLACE_PARTICLES: Final = frozenset({
    "de", "da", "do", "dos", "das", "del", "della", "di", "du", "la", "le", "les", "el", "al", "am", "an",
    "der", "den", "van", "von", "of", "upon", "on", "sur", "y",
})
"""Small words inside place names that stay lower case when a dateline in capitals is put in words."""


def _clean_line(line: str) -> str:
    line = _CONTROL.sub("", line)
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


def _is_paragraph(line: str) -> bool:
    """Prose that ends a sentence; an ellipsis ("In Case You Missed It...") does not."""
    bare = line.rstrip(_CLOSERS)
    if bare.endswith("...") or bare.endswith("…"):
        return False
    if not _SENTENCE_END.search(line):
        return False
    # A short line ending in ? or ! is a headline ("Will Rates Fall?"); ending in "." it is prose.
    return bare.endswith(".") or len(line.split()) > 14


_INNER_SENTENCE: Final = re.compile(r"[a-z0-9][.!?][\"'”’)]* [A-Z“\"]")


def _looks_like_prose(line: str) -> bool:
    """A line that does not end a sentence but reads as prose: long, with a sentence inside it, or trailing
    off in "(see chart)" or an ellipsis after several words. (A closing quote is no sign: headlines end in
    quotes too.)"""
    words = len(line.split())
    if words > 15 or _INNER_SENTENCE.search(line):
        return True
    return words >= 6 and line.endswith((")", "…", "..."))


def _may_be_prose(line: str) -> bool:
    """Weaker signs of prose: eight words or more with a comma, or ending in a quotation."""
    return len(line.split()) >= 8 and ("," in line or line[-1:] in "\"”’")


def _sentence_like(line: str, figures: bool = True) -> bool:
    """Reads as a sentence rather than a name: a section header is a few words in title case or capitals,
    without figures. A sentence starts in lower case, runs long, carries figures, or has the lower-case
    words of running text ("homes remain on alert"), in any language that capitalizes names."""
    words = line.split()
    if _looks_like_prose(line) or _may_be_prose(line) or line[:1].islower() or len(words) > 9:
        return True
    if figures and len(words) >= 4 and any(ch.isdigit() for ch in line):
        return True
    lower = [w for w in words[1:] if w[:1].islower()]
    long_lower = [w for w in lower if len(w) >= 4]  # title case leaves only short words in lower case
    rest = len(words) - 1
    return len(words) >= 4 and (len(long_lower) >= 2 and 3 * len(long_lower) >= rest
                                or len(long_lower) >= 1 and 5 * len(lower) >= 3 * rest)


def _headline_case(text: str) -> str | None:
    """"title" when every longer word after the first is capitalized, "sentence" when most are not, else None
    (too few words to tell): how a house style writes its headlines."""
    words = [w for w in text.split()[1:] if w[:1].isalpha()]
    longer = [w for w in words if len(w) >= 4]
    if longer and all(w[:1].isupper() for w in longer):
        return "title"
    lower = [w for w in words if w[:1].islower()]
    return "sentence" if any(len(w) >= 4 for w in lower) and 2 * len(lower) > len(words) else None


def _sentence_case(text: str) -> bool:
    """Most words after the first start in lower case, as running text does (title case capitalizes them)."""
    words = text.split()[1:]
    return len(words) >= 3 and 2 * sum(w[:1].islower() for w in words) >= len(words)


def _doubtful_section(line: str) -> str | None:
    """Why a line taken as a section header may really be prose, or None."""
    if _looks_like_prose(line) or _may_be_prose(line):
        return "reads like prose but stands where a section header goes"
    if line[:1].islower() or line.startswith("(") or line.endswith(")"):
        return "starts or ends like part of a sentence but stands where a section header goes"
    return None


def _credit(text: str) -> bool:
    """A credit line: who reported, edited or wrote the story, its source, or a link to read more."""
    bare = text.strip("()[] ").lower()
    if _BARE_URL.match(text.strip("<>")) and " " not in text:
        return True
    if any(bare.startswith(opener) and bare[len(opener):len(opener) + 1] in ("", " ")
           for opener in CREDIT_OPENERS):
        return True
    words = text.strip("()").rstrip(".").split()
    if len(words) < 2 or len(words) > 9 or words[0] != "By":
        return False
    names = [w.strip(",;") for w in words[1:]]
    return all(w[:1].isupper() or w.lower() in _BYLINE_JOINERS for w in names if w) and names[0][:1].isupper()


def _place_in_words(place: str) -> str:
    """A dateline's place as a name is written: "RIO DE JANEIRO" -> "Rio de Janeiro"."""
    if not place.isupper():
        return place.replace("/", " and ")
    words = place.replace("/", " and ").split()
    return " ".join(w.lower() if i and w.lower() in _PLACE_PARTICLES | {"and"} else w.title()
                    for i, w in enumerate(words))


def split_dateline(text: str) -> tuple[Dateline | None, str]:
    """A wire story's opening `LONDON, Mar 2 (Reuters) -` taken off its text, or (None, text)."""
    match = _DATELINE.match(text)
    if not match:
        return None, text
    place = match.group("place").strip()
    words = place.replace("/", " ").split()
    capitals = place.isupper()
    if len(words) > 5 or not all(w[:1].isupper() or w.lower() in _PLACE_PARTICLES for w in words):
        return None, text
    if not capitals and (len(words) > 3 or match.group("date") is None and len(words) > 2):
        return None, text
    agency = match.group("agency").strip()
    if len(agency.split()) > 4 or not agency[:1].isupper():
        return None, text
    dateline = Dateline(place=_place_in_words(place), agency=agency, date=match.group("date") or "",
                        written=match.group().strip())
    return dateline, text[match.end():]


@dataclass
class _Line:
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

    @property
    def ends(self) -> bool:
        return self.kind == "plain" and _is_paragraph(self.text)

    @property
    def prose(self) -> bool:
        """Surely a story's text: it ends a sentence, reads as prose, or opens with a dateline."""
        return self.kind == "plain" and (
            self.ends or _looks_like_prose(self.text) or split_dateline(self.text)[0] is not None)

    @property
    def sentence(self) -> bool:
        """Plain text that reads like a sentence, though it may still be a headline in sentence case."""
        return self.kind == "plain" and (self.prose or _sentence_like(self.text))


def _read_line(number: int, raw: str) -> _Line | None:
    """A line's kind from its marks: `#`, a bullet or number, a bold headline, a credit; else plain."""
    line = _clean_line(raw)
    if not line:
        return None
    level, item = 0, False
    if heading := _HEADING.match(line):
        level, line = len(heading.group(1)), line[heading.end():].rstrip("#").strip()
    elif marker := _ITEM.match(line):
        item, line = True, line[marker.end():]
    text, links = clean_markup(line)
    if not text:
        return None
    if level:
        return _Line(number, "heading", text, level=level, headline=text, links=links)
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
            return _Line(number, "item" if item else "lead", text, headline=head, body=body,
                         links=head_links + body_links)
        if head and not body.strip(".:—–-| "):
            return _Line(number, "item" if item else "bold", text, headline=head, links=links)
    if item:
        head, body = _split_item(text)
        return _Line(number, "item", text, headline=head, body=body, links=links)
    if _credit(text):
        return _Line(number, "credit", text, links=links)
    return _Line(number, "plain", text, links=links)


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
            _INNER_SENTENCE.search(head))
        text_like = _is_paragraph(body) or len(body.split()) >= 10 or len(words) >= 3 and _sentence_case(body)
        if headline_like and text_like:
            return head, body
    if _is_paragraph(text) or _looks_like_prose(text):
        return "", text
    return text, ""


def _shape(line: _Line) -> str:
    """How a section header is written, apart from its words: "heading 2", "bold", "capitals", "colon"..."""
    kind = f"heading {line.level}" if line.kind == "heading" else line.kind
    letters = [ch for ch in line.text if ch.isalpha()]
    case = "capitals" if letters and all(ch.isupper() for ch in letters) else "mixed"
    return f"{kind} {case}{' colon' if line.text.endswith(':') else ''}"


@dataclass
class _Draft:
    """A story being assembled, line by line."""

    headline: str
    number: int
    paragraphs: list[str] = field(default_factory=list)
    links: list[str] = field(default_factory=list)
    credits: list[str] = field(default_factory=list)
    dateline: Dateline | None = None

    def add(self, text: str, links: tuple[str, ...] = ()) -> None:
        """A paragraph: a leading dateline and trailing credits in brackets are taken off it."""
        if not self.paragraphs and self.dateline is None:
            self.dateline, text = split_dateline(text)
        credit = _INLINE_CREDIT.search(text)
        if credit and credit.start() > 0:
            self.credits.append(credit.group().strip(" ()"))
            text = text[:credit.start()].rstrip()
        self.paragraphs.append(text)
        self.links.extend(links)

    def story(self) -> Story:
        return Story(headline=self.headline, paragraphs=tuple(self.paragraphs),
                     link=self.links[0] if self.links else "", dateline=self.dateline, credits=tuple(self.credits))


class _Parser:
    """Gives each line its role, looking one or two lines ahead: section, headline, paragraph or credit."""

    def __init__(self, lines: list[_Line], source: str, force: bool) -> None:
        self.lines, self.source, self.force = lines, source, force
        self.warnings: list[str] = []
        self.sections: list[tuple[str, int, list[_Draft]]] = []
        self.shapes: dict[int, str] = {}
        """Each section header's look (by line number): a house style writes all of them alike."""
        self.previous = "title"
        self.marked_headline = False
        self.last_ended = True
        levels = sorted({line.level for line in lines if line.kind == "heading"})
        self.section_level = levels[0] if len(levels) > 1 else 0
        """With two levels of headings, the upper one names sections and the lower one stories."""
        self.marked_headlines = any(
            line.kind in ("item", "lead") or line.kind in ("bold", "heading") and lines[i + 1].prose
            or line.kind == "bold" == lines[i + 1].kind and i + 2 < len(lines) and lines[i + 2].kind == "plain"
            for i, line in enumerate(lines[:-1]))
        """Whether this house style marks its headlines: then a plain line is never one."""
        self.sentence_headlines = self._plain_sentence_headlines()
        """Whether this house style may write headlines as plain sentences (so a sentence-like line can be a
        headline rather than a paragraph's continuation)."""
        self.datelines = sum(line.kind == "plain" and split_dateline(line.text)[0] is not None for line in lines) > 1
        """Whether this is wire copy: there a story's text opens with a dateline."""

    def _plain_sentence_headlines(self) -> bool:
        """No marked headlines (bold, bullets, headings), and no plain headline in title case before text."""
        if any(line.kind in ("item", "lead") for line in self.lines):
            return False
        title_case = False
        for i, line in enumerate(self.lines[:-1]):
            following = self.lines[i + 1]
            if following.prose and line.kind in ("bold", "heading"):
                return False
            if line.kind != "plain" or line.prose:
                continue
            case = _headline_case(line.text)
            if following.prose and case == "title":
                title_case = True
            if case == "sentence" and split_dateline(following.text)[0] is not None:
                return True
        return not title_case

    def at(self, i: int) -> _Line | None:
        return self.lines[i] if 0 <= i < len(self.lines) else None

    def after(self, i: int) -> _Line | None:
        """The next line after line i that is not a credit line."""
        j = i + 1
        while (line := self.at(j)) is not None and line.kind == "credit":
            j += 1
        return line

    def starts_story(self, i: int) -> bool:
        line = self.at(i)
        if line is None or line.kind == "credit":
            return False
        return line.kind in ("item", "lead") or (line.kind != "plain" or not line.prose) and self.headline_at(i)

    def headline_at(self, i: int) -> bool:
        """A line is a headline when a story's text follows: text that is surely prose, or a sentence-like
        line with no prose after it (a sentence-case headline is followed by its own text)."""
        line = self.at(i)
        following = self.after(i)  # a byline may stand between a headline and its text
        after = self.after(i + 1) if following is not None else None
        if line is None or following is None or following.kind != "plain":
            return False
        if line.kind == "heading" and self.section_level:
            return line.level > self.section_level
        if following.prose or len(following.text.split()) > 12 and _headline_case(following.text) == "sentence":
            return True  # surely text: a headline in sentence case is rarely this long
        if _headline_case(following.text) == "title" or not _sentence_like(following.text, figures=False):
            return False  # a headline follows (headlines may carry figures)
        if after is not None and after.kind == "plain" and split_dateline(after.text)[0] is not None:
            return False  # the next line is the headline: a wire story's text opens with its dateline
        if after is not None and after.prose and self.sentence_headlines:
            return False  # the sentence-like line is itself a headline, of a story in this section
        if after is not None and after.sentence and line.kind == "plain":
            self.unsure(line, "could be a section header or a headline (the lines after it do not end in a full "
                             "stop): end the paragraphs with full stops", "headline")
        return True

    def unsure(self, line: _Line, problem: str, forced_as: str) -> None:
        self.doubt(line.number, line.text, problem, forced_as)

    def doubt(self, number: int, text: str, problem: str, forced_as: str) -> None:
        """An unsure structure: an error naming the line, or with --force a warning and `forced_as`."""
        message = f"line {number}: {text[:60]!r} {problem}"
        if not self.force:
            raise DigestError(self.source, f"{message}; check the digest (--force builds anyway)")
        self.warnings.append(f"{self.source}: {message}; read as a {forced_as}")

    def role(self, i: int) -> str:
        line = self.lines[i]
        if line.kind == "credit":
            return "credit"
        if line.kind in ("item", "lead"):
            return "story"
        if line.kind in ("heading", "bold"):
            if self.headline_at(i):
                return "headline"
            if line.kind == "bold" and _sentence_like(line.headline) and self.starts_story(i + 1):
                self.unsure(line, "reads like a sentence but stands where a section header goes", "section")
            return "section"
        return self.plain_role(i, line)

    def plain_role(self, i: int, line: _Line) -> str:
        """A plain line: a story's text, a headline when text follows it, or a section header when stories
        follow it and it does not read like a sentence."""
        continuing = self.previous in ("paragraph", "credit")
        stories_follow = self.starts_story(i + 1)
        if self.previous == "headline" and not (self.marked_headline and not line.sentence and stories_follow):
            return "paragraph"  # a bulleted headline may stand alone; any other is followed by its text
        if split_dateline(line.text)[0] is not None:
            return "story" if continuing else "paragraph"
        if line.ends or (continuing and _looks_like_prose(line.text)):
            return "paragraph"
        if continuing and (credit := self.at(i + 1)) is not None and credit.kind == "credit" and not (
                credit.text.startswith("By ")):
            return "paragraph"  # the credit line under it closes a story
        following = self.after(i)
        if following is not None and following.kind == "plain" and split_dateline(following.text)[0] is not None:
            return "headline"  # a wire story's text opens with its dateline
        headline = not self.marked_headlines and self.headline_at(i) and (
            self.sentence_headlines or _headline_case(line.text) != "sentence")
        title_headline = headline and _headline_case(line.text) == "title"
        if continuing and line.sentence and (self.marked_headlines or not title_headline and (
                _sentence_like(line.text, figures=False) or not headline)):
            words = line.text.split()
            if len(words) < 8 and not any(ch.isdigit() for ch in line.text) and "," not in line.text and (
                    stories_follow):
                self.unsure(line, "has no final full stop and stands where a section header goes (a story follows "
                                 "it): end it with a full stop if it continues the story above, or write the "
                                 "section header in title case", "paragraph")
                return "paragraph"
            if self.marked_headlines or not self.sentence_headlines:
                return "paragraph"  # headlines here are marked or in title case: this continues the story
        if headline:
            if continuing and _headline_case(line.text) == "sentence" and (not self.last_ended or self.datelines):
                self.unsure(line, "could be a headline or the text of the story above (headlines "
                           "here are in sentence case and paragraphs lack full stops): end paragraphs with full "
                           "stops", "headline")
            return "headline"
        if line.sentence or len(line.text.split()) > 6:  # a section header is a few words
            odd = line.text[:1].islower() or line.text.startswith("(") or line.text.endswith(")")
            figures = any(ch.isdigit() for ch in line.text)
            long = len(line.text.split()) >= 8
            if continuing and not odd and (figures or long or not self.last_ended):
                return "paragraph"
            if continuing:
                self.unsure(line, "reads like a sentence but has no final full stop and stands where a section "
                                 "header goes: end it with a full stop if it continues the story above",
                           "paragraph")
                return "paragraph"
            self.unsure(line, "reads like a sentence but stands where a section header goes", "section")
            return "section"
        problem = _doubtful_section(line.text)
        if problem:
            self.unsure(line, problem, "section")
        return "section"

    def story(self, headline: str, line: _Line) -> _Draft:
        if not self.sections:
            self.unsure(line, "comes before any section header: add one above it", "story in a section 'News'")
            self.sections.append(("News", line.number, []))
        draft = _Draft(headline, line.number)
        self.sections[-1][2].append(draft)
        return draft

    def current(self, line: _Line) -> _Draft:
        if not self.sections or not self.sections[-1][2]:
            return self.story("", line)
        return self.sections[-1][2][-1]

    def check_shapes(self) -> None:
        """Section headers that do not look like the others (a sentence taken for a header among headers in
        capitals) are doubtful."""
        counts = collections.Counter(self.shapes.values())
        if len(counts) < 2:
            return
        usual = counts.most_common(1)[0][0]
        for title, number, _ in self.sections:
            shape = self.shapes.get(number)
            if shape is not None and shape != usual:
                example = next(t for t, n, _ in self.sections if self.shapes.get(n) == usual)
                self.doubt(number, title, f"is taken as a section header but does not look like the others "
                           f"({example!r})", "section")

    def run(self) -> None:
        for i, line in enumerate(self.lines):
            role = self.role(i)
            if role == "section":
                self.sections.append(((line.headline or line.text).rstrip(":").rstrip(), line.number, []))
                self.shapes[line.number] = _shape(line)
            elif role == "headline":
                self.story(line.headline or line.text, line).links.extend(line.links)
            elif role == "story":
                draft = self.story(line.headline, line)
                if line.body:
                    draft.add(line.body, line.links)
                else:
                    draft.links.extend(line.links)
                role = "headline" if not line.body else "paragraph"
            elif role == "paragraph":
                self.current(line).add(line.text, line.links)
                self.last_ended = _is_paragraph(line.text)
            else:
                self.credit(line)
                continue  # a credit line leaves the story where it was: a byline still awaits its text
            self.marked_headline = role == "headline" and line.kind == "item"
            self.previous = role

    def credit(self, line: _Line) -> None:
        if not self.sections or not self.sections[-1][2]:
            self.warnings.append(f"{self.source}: line {line.number}: credit line {line.text[:60]!r} is above "
                                 "every story; left out")
            return
        draft = self.sections[-1][2][-1]
        bare = line.text.strip("<>")
        if _BARE_URL.match(bare) and " " not in bare:
            draft.links.append(bare)
            return
        if line.text.lower().startswith("read more"):
            url = line.links or tuple(w for w in line.text.split() if _BARE_URL.match(w))
            draft.links.extend(url)
            return
        draft.credits.append(line.text.strip("()"))
        draft.links.extend(line.links)


def parse_digest(text: str, source: str = "digest", force: bool = False) -> Digest:
    """Parse digest text; raises DigestError naming `source` when it is not a digest.

    Lines are told apart by their marks first (Markdown headings, bullets and numbers, bold headlines, credit
    lines), then by shape and place: a line is a headline when a story's text follows it, and a section header
    only when it looks like one (a few words, no sentence) and no text follows it. A line that reads like a
    sentence is never a section header. A structure that is still doubtful is an error naming the line, unless
    `force`.
    """
    lines = [line for n, raw in enumerate(text.splitlines(), 1) if (line := _read_line(n, raw))]
    if not lines:
        raise DigestError(source, "is empty")
    title = lines[0].text
    date = parse_title_date(title)
    if date is None or _is_paragraph(title):
        raise DigestError(source, f"first line is not a title with a date: {title[:60]!r}")
    parser = _Parser(lines[1:], source, force)
    parser.run()
    if not any(drafts for _, _, drafts in parser.sections):
        raise DigestError(source, "has a title but no stories")
    parser.check_shapes()
    warnings = parser.warnings
    parsed: list[Section] = []
    used_slugs: set[str] = set()
    for index, (title_text, number, drafts) in enumerate(parser.sections):
        if not drafts and index < len(parser.sections) - 1:
            parser.doubt(number, title_text, "is a section header with no stories after it, only another section "
                         "header", "section with no stories (dropped)")
        if not drafts:
            warnings.append(f"{source}: line {number}: section {title_text!r} has no stories; dropped")
            continue
        slug = slugify(title_text)
        base, n = slug, 2
        while slug in used_slugs:
            slug, n = f"{base}-{n}", n + 1
        used_slugs.add(slug)
        parsed.append(Section(title=title_text, slug=slug, stories=tuple(d.story() for d in drafts)))
    if not parsed:
        raise DigestError(source, "has a title but no stories")
    return Digest(title=title, date=date, sections=tuple(parsed), warnings=tuple(warnings))


def counts(digest: Digest) -> str:
    """The digest's size as the build's summary line says it: "4 sections, 16 stories"."""
    sections = len(digest.sections)
    stories = sum(len(s.stories) for s in digest.sections)
    return f"{sections} section{'s' * (sections != 1)}, {stories} stor{'y' if stories == 1 else 'ies'}"


def outline(digest: Digest) -> str:
    """Sections and stories as parsed, with counts and warnings: what `podcast outline` prints."""
    out = [f"{digest.title} ({digest.date.isoformat()}): {counts(digest)}"]
    for section in digest.sections:
        n = len(section.stories)
        out.append(f"\n{section.title} ({n} stor{'y' if n == 1 else 'ies'})")
        for story in section.stories:
            marks = []
            if story.dateline:
                marks.append(f"dateline {story.dateline.place}, {story.dateline.agency}")
            if story.credits:
                marks.append(f"{len(story.credits)} credit line{'s' * (len(story.credits) != 1)}")
            if story.link:
                marks.append(f"link {story.link}")
            paragraphs = len(story.paragraphs)
            marks.insert(0, f"{paragraphs} paragraph{'s' * (paragraphs != 1)}")
            out.append(f"  - {story.headline or '(no headline)'} [{'; '.join(marks)}]")
    out.extend(f"warning: {w}" for w in digest.warnings)
    return "\n".join(out) + "\n"

def load_digest(path: Path, force: bool = False) -> Digest:
    """Read and parse a digest file."""
    text, warnings = read_digest_text(path)
    digest = parse_digest(text, str(path), force)
    return Digest(digest.title, digest.date, digest.sections, tuple(warnings) + digest.warnings)


def load_day_digest(source: Path, date: dt.date, force: bool = False, *, chosen: bool = False) -> Digest:
    """The digest of the episode for `date`: its title date must be `date` (with `force` it is made so).
    `chosen` says the file was named by the producer, not found in the show folder."""
    if not chosen and not source.exists():
        raise DigestError(source, f"no digest for {date.isoformat()} (use --digest FILE)")
    digest = load_digest(source, force)
    if digest.date != date:
        if not force:
            raise DigestError(
                source, f"title date {digest.date.isoformat()} differs from {date.isoformat()} (--force builds anyway)"
            )
        digest = dataclasses.replace(digest, date=date)  # forced: it is DATE's episode, dated and said so
    return digest

