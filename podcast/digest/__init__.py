"""Reading a digest file and parsing it into sections and stories.

A digest is a title line with its date, then section headers, headlines and paragraphs, one per line, with or
without blank lines between them, in a newsroom's house style: plain, Markdown, or wire copy. Each line is read
by its marks (lines.py) and its shape (prose.py), then given its role by its place (structure.py).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import unicodedata
from pathlib import Path
from typing import Final

from ..config import DigestSettings
from ..dates import parse_title_date
from ..errors import DigestError
from ..models import Digest, Section
from .furniture import Sorted, sort_lines
from .lines import Line, clean_markup, read_line, split_dateline
from .prose import is_paragraph
from .structure import Parser
from .titles import acronyms, title_case

__all__ = ["MAX_DIGEST_BYTES", "clean_markup", "counts", "load_day_digest", "load_digest", "outline", "outline_day",
           "parse_digest", "parse_title_date", "read_digest_text", "slugify", "split_dateline"]
MAX_DIGEST_BYTES: Final = 5_000_000
"""Digests larger than this are refused: a day's news is a few tens of kilobytes."""

def read_digest_text(path: Path) -> tuple[str, list[str]]:
    """The file's text and any warnings (see `decode`)."""
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
    return decode(raw, path)


def _utf16(raw: bytes) -> str | None:
    """The UTF-16 byte order of text without a byte-order mark: ASCII letters leave every other byte zero."""
    even, odd = raw[0::2], raw[1::2]
    if len(raw) % 2 or len(raw) < 4:
        return None
    if odd.count(0) > 0.3 * len(odd) and even.count(0) < 0.05 * len(even):
        return "utf-16-le"
    if even.count(0) > 0.3 * len(even) and odd.count(0) < 0.05 * len(odd):
        return "utf-16-be"
    return None


def decode(raw: bytes, path: Path | str) -> tuple[str, list[str]]:
    """The text of a digest's bytes and any warnings: UTF-8, UTF-16 (with or without its byte-order mark), else
    Windows-1252 with a warning; bytes that are none of these are refused, saying how to save the file."""
    save = "save it as UTF-8 text (in most editors: Save As, Encoding: UTF-8)"
    encoding = "utf-16" if raw.startswith((b"\xff\xfe", b"\xfe\xff")) else _utf16(raw)
    if encoding:
        try:
            return raw.decode(encoding), []
        except UnicodeDecodeError:
            raise DigestError(path, f"looks like UTF-16 text but does not decode as it; {save}") from None
    if b"\x00" in raw:
        raise DigestError(path, "is binary, not a text digest")
    try:
        return raw.decode("utf-8-sig"), []
    except UnicodeDecodeError:
        pass
    try:
        text = raw.decode("cp1252")
    except UnicodeDecodeError:
        raise DigestError(path, f"is neither UTF-8 nor Windows-1252 text; {save}") from None
    if sum(unicodedata.category(ch) == "Cc" and ch not in "\r\n\t" for ch in text) > 0.01 * len(text):
        raise DigestError(path, "is binary, not a text digest")
    return text, [f"{path}: not UTF-8; read as Windows-1252 (Latin-1)"]


def slugify(title: str) -> str:
    """ASCII file-name form: "Economy & Markets" -> "economy-markets"."""
    ascii_text = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    return slug[:60].strip("-") or "section"


def _taught(style: DigestSettings) -> dict[str, list[re.Pattern[str]]]:
    return {key: [re.compile(p) for p in getattr(style, key)] for key in ("sections", "headlines", "credits", "drop")}


def _read_lines(text: str, source: str, style: DigestSettings) -> tuple[list[Line], Sorted]:
    """The digest's lines read by their marks, its furniture and e-mail headers taken out, the house style's
    patterns applied, and the title first (an e-mail export's Subject)."""
    taught = _taught(style)
    found = sort_lines(text.splitlines(), taught["drop"])
    lines = []
    for number, written in found.lines:
        line = read_line(number, written)
        if line is None:
            continue
        for key, role in (("sections", "section"), ("headlines", "headline"), ("credits", "credit")):
            if any(pattern.search(written) for pattern in taught[key]):
                line.taught = role
                break
        lines.append(line)
    if found.title is not None:
        number, subject = found.title
        if lines and lines[0].kind != "rule" and parse_title_date(lines[0].text) and not lines[0].prose:
            found.dropped.append((lines[0].number, lines[0].text, "the newsletter's title; the Subject is the title"))
            lines.pop(0)  # the newsletter's own title line under its Subject
        if subject:
            lines.insert(0, Line(number, "plain", subject))
    while lines and lines[0].kind == "rule":
        lines.pop(0)
    return _ruled(lines), found


def _ruled(lines: list[Line]) -> list[Line]:
    """Rules are separators: a short name between two rules, or underlined by one, is a section header; the rules
    themselves are never read."""
    for i, line in enumerate(lines[1:-1], 1):
        before, after = lines[i - 1].kind == "rule", lines[i + 1].kind == "rule"
        underlined = after and lines[i + 1].text[:1] in "=-" and (i + 2 >= len(lines) or lines[i + 2].kind != "rule")
        if line.kind in ("plain", "bold") and not line.taught and not line.sentence and (before and after or (
                underlined and not before)):
            line.taught = "section"
    return [line for line in lines if line.kind != "rule"]


def parse_digest(text: str, source: str = "digest", force: bool = False,
                 style: DigestSettings | None = None) -> Digest:
    """Parse digest text; raises DigestError naming `source` when it is not a digest.

    A newsletter's furniture (its e-mail headers, links to itself, footer and sponsor blocks) is taken out first.
    Lines are told apart by their marks (Markdown headings, bullets and numbers, bold headlines, kickers in
    capitals, credit lines, rules), then by shape and place: a line is a headline when a story's text follows it,
    and a section header only when it looks like one (a few words, no sentence) and no text follows it. A line that
    reads like a sentence is never a section header. The show's house `style` ([show.digest]) names what shape
    cannot tell. A structure that is still doubtful is an error naming the line, unless `force`.
    """
    style = style or DigestSettings()
    lines, found = _read_lines(text, source, style)
    if not lines:
        raise DigestError(source, "is empty")
    title = lines[0].text
    date = parse_title_date(title) or (found.sent if found.title else None)
    if date is None or is_paragraph(title):
        raise DigestError(source, f"first line is not a title with a date: {title[:60]!r}")
    parser = Parser(lines[1:], source, force)
    for number, written, problem in found.doubts:
        parser.doubt(number, written, problem, "sponsor line")
    parser.run()
    if not any(drafts for _, _, drafts in parser.sections):
        raise DigestError(source, "has a title but no stories")
    parser.check_shapes()
    warnings = parser.warnings
    known = acronyms(split_dateline(line.body if line.kicker else line.text)[1] for line in lines)
    parsed: list[Section] = []
    used_slugs: set[str] = set()
    for index, (written_title, number, drafts) in enumerate(parser.sections):
        title_text = title_case(written_title, known)
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
        stories = tuple(dataclasses.replace(story, headline=title_case(story.headline, known))
                        for story in (d.story() for d in drafts))
        parsed.append(Section(title=title_text, slug=slug, stories=stories))
    if not parsed:
        raise DigestError(source, "has a title but no stories")
    dropped = [f"line {n}: {t[:70]!r} ({why})" for n, t, why in found.dropped]
    greeting = tuple(parser.greeting)
    if greeting and style.greeting == "skip":
        dropped.extend(f"line {n}: {t[:70]!r} (greeting; [show.digest] greeting = \"skip\")"
                       for n, t in parser.greeting_lines)
        greeting = ()
    return Digest(title=title, date=date, sections=tuple(parsed), warnings=tuple(warnings), greeting=greeting,
                  dropped=tuple(sorted(dropped, key=lambda d: int(d.split(":")[0].split()[1]))))


def counts(digest: Digest) -> str:
    """The digest's size as the build's summary line says it: "4 sections, 16 stories"."""
    sections = len(digest.sections)
    stories = sum(len(s.stories) for s in digest.sections)
    return f"{sections} section{'s' * (sections != 1)}, {stories} stor{'y' if stories == 1 else 'ies'}"


def outline(digest: Digest) -> str:
    """Sections and stories as parsed, with counts and warnings: what `podcast outline` prints."""
    out = [f"{digest.title} ({digest.date.isoformat()}): {counts(digest)}"]
    if digest.greeting:
        out.append(f"\ngreeting (read in the opening): {' '.join(digest.greeting)[:120]!r}")
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
    out.extend(f"dropped: {d}" for d in digest.dropped)
    out.extend(f"warning: {w}" for w in digest.warnings)
    return "\n".join(out) + "\n"

def load_digest(path: Path, force: bool = False, style: DigestSettings | None = None) -> Digest:
    """Read and parse a digest file."""
    text, warnings = read_digest_text(path)
    digest = parse_digest(text, str(path), force, style)
    return dataclasses.replace(digest, warnings=tuple(warnings) + digest.warnings)


def load_day_digest(source: Path, date: dt.date, force: bool = False, *, chosen: bool = False,
                    style: DigestSettings | None = None) -> Digest:
    """The digest of the episode for `date`: its title date must be `date` (with `force` it is made so).
    `chosen` says the file was named by the producer, not found in the show folder."""
    if not chosen and not source.exists():
        raise DigestError(source, f"no digest for {date.isoformat()} (use --digest FILE)")
    digest = load_digest(source, force, style)
    if digest.date != date:
        if not force:
            raise DigestError(
                source, f"title date {digest.date.isoformat()} differs from {date.isoformat()} (--force builds anyway)"
            )
        digest = dataclasses.replace(digest, date=date)  # forced: it is DATE's episode, dated and said so
    return digest


def outline_day(default: Path, date: dt.date, force: bool = False, chosen: Path | None = None,
                style: DigestSettings | None = None) -> str:
    """What `podcast outline` prints: the digest for `date` (the `chosen` file, else the show's `default`) as
    parsed in the show's house `style`, with every line it left out."""
    return outline(load_day_digest(chosen or default, date, force, chosen=chosen is not None, style=style))
