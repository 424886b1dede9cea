"""Reading a digest file and parsing it into sections and stories.

A digest is a title line with its date, then section headers, headlines and
paragraphs, one per line, with or without blank lines between them. Lines are
told apart by shape and place (see `parse_digest`).
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from pathlib import Path
from typing import Final

from .errors import DigestError
from .language.dates import parse_title_date as _parse_title_date_in_show_languages
from .models import Digest, Section, Story

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
_SENTENCE_END: Final = re.compile(r"[.!?।][" + re.escape(_CLOSERS) + r"]*$")
"""Devanagari's danda (।) ends a Hindi sentence as the full stop does."""
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
    return _parse_title_date_in_show_languages(title)


def _clean_line(line: str) -> str:
    line = _CONTROL.sub("", line)
    line = unicodedata.normalize("NFC", line)
    line = re.sub(r"^\s*#{1,6}\s+", "", line)  # markdown-style headers
    return " ".join(line.split())


def _is_paragraph(line: str) -> bool:
    """Prose that ends a sentence; an ellipsis ("In Case You Missed It...") does not."""
    bare = line.rstrip(_CLOSERS)
    if bare.endswith("...") or bare.endswith("…"):
        return False
    if not _SENTENCE_END.search(line):
        return False
    # A short line ending in ? or ! is a headline ("Will Rates Fall?"); ending in "." it is prose.
    return bare.endswith((".", "।")) or len(line.split()) > 14


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


def _doubtful_section(line: str) -> str | None:
    """Why a line taken as a section header may really be prose, or None."""
    if _looks_like_prose(line) or _may_be_prose(line):
        return "reads like prose but stands where a section header goes"
    if line[:1].islower() or line.startswith("(") or line.endswith(")"):
        return "starts or ends like part of a sentence but stands where a section header goes"
    return None


def parse_digest(text: str, source: str = "digest", force: bool = False) -> Digest:
    """Parse digest text; raises DigestError naming `source` when it is not a digest.

    A line after a headline is that story's paragraph, whatever it ends with. A
    line that does not end a sentence is a paragraph when it reads as prose and
    follows a paragraph; otherwise it is a headline when a paragraph follows it,
    and a section header when not. A structure that is still doubtful (a section
    header that reads like prose) is an error naming the line, unless `force`.
    """
    numbered = [(n, cleaned) for n, raw in enumerate(text.splitlines(), 1) if (cleaned := _clean_line(raw))]
    if not numbered:
        raise DigestError(source, "is empty")
    title = numbered[0][1]
    date = parse_title_date(title)
    if date is None or _is_paragraph(title):
        raise DigestError(source, f"first line is not a title with a date: {title[:60]!r}")

    warnings: list[str] = []
    sections: list[tuple[str, list[Story]]] = []
    body = numbered[1:]
    previous = "title"
    for i, (number, line) in enumerate(body):
        following = body[i + 1][1] if i + 1 < len(body) else None
        before_prose = following is not None and (_is_paragraph(following) or _looks_like_prose(following))
        continues = previous == "paragraph" and (
            _looks_like_prose(line) or (_may_be_prose(line) and not before_prose))
        if _is_paragraph(line) or previous == "headline" or continues:
            if not sections or not sections[-1][1]:
                # Prose before any headline: keep it under a headline-less story.
                if not sections:
                    sections.append(("News", []))
                sections[-1][1].append(Story(headline="", paragraphs=()))
            story = sections[-1][1][-1]
            sections[-1][1][-1] = Story(story.headline, story.paragraphs + (line,))
            previous = "paragraph"
        elif before_prose:
            if not sections:
                warnings.append(f"{source}: line {number}: story {line!r} has no section; filed under 'News'")
                sections.append(("News", []))
            sections[-1][1].append(Story(headline=line, paragraphs=()))
            previous = "headline"
        else:
            problem = _doubtful_section(line)
            if problem:
                message = f"line {number}: {line[:60]!r} {problem}"
                if not force:
                    raise DigestError(source, f"{message}; check the digest (--force builds anyway)")
                warnings.append(f"{source}: {message}")
            sections.append((line, []))
            previous = "section"

    parsed: list[Section] = []
    used_slugs: set[str] = set()
    for title_text, stories in sections:
        if not stories:
            warnings.append(f"{source}: section {title_text!r} has no stories; dropped")
            continue
        slug = slugify(title_text)
        base, n = slug, 2
        while slug in used_slugs:
            slug, n = f"{base}-{n}", n + 1
        used_slugs.add(slug)
        parsed.append(Section(title=title_text, slug=slug, stories=tuple(stories)))
    if not parsed:
        raise DigestError(source, "has a title but no stories")
    return Digest(title=title, date=date, sections=tuple(parsed), warnings=tuple(warnings))


def load_digest(path: Path, force: bool = False) -> Digest:
    """Read and parse a digest file."""
    text, warnings = read_digest_text(path)
    digest = parse_digest(text, str(path), force)
    return Digest(digest.title, digest.date, digest.sections, tuple(warnings) + digest.warnings)
