"""What a newsletter carries besides its news, never read: an e-mail export's headers (its Subject is the title),
rules between sections, "View in browser", unsubscribe and preference lines, copyright and address footers, sign-offs
and sponsor blocks marked as such, and the lines a show's house style names. Each dropped line is kept, with why,
for `podcast outline`."""

from __future__ import annotations

import datetime as dt
import email.utils
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Final

_HEADER: Final = re.compile(
    r"(?:>\s*)?(?P<name>from|to|cc|bcc|date|sent|subject|reply-to|message-id|mime-version|content-type|"
    r"content-transfer-encoding|return-path|received|delivered-to|list-unsubscribe|list-id|importance|"
    r"organization|x-[\w-]+)\s*:\s*(?P<value>.*)$", re.IGNORECASE)
_FORWARDED: Final = re.compile(r"[-\s]*(?:forwarded message|original message|begin forwarded message:?)[-\s]*$",
                               re.IGNORECASE)
_REPLY: Final = re.compile(r"(?:(?:fwd?|re|tr|rv|enc|i)\s*:\s*)+", re.IGNORECASE)
RULE: Final = re.compile(r"[\s=\-_*~#•·.+<>|\u2500-\u257f—–]{3,}$")
"""A line of rule characters alone (`=====`, `-----`, `* * *`): a separator, never a name."""
_FURNITURE: Final = re.compile(
    r"^[\s\[(|>]*(?:unsubscribe\b|manage (?:your )?(?:preferences|subscriptions?|e-?mail)|update (?:your )?"
    r"(?:preferences|profile|subscription)|e-?mail preferences|subscription preferences|view (?:this |it )?"
    r"(?:e-?mail |newsletter |issue )?(?:in|on|online)\b|view online\b|read (?:it )?online\b|open in (?:your )?"
    r"browser|(?:having )?trouble viewing|forwarded this|was this (?:e-?mail |newsletter )?forwarded|"
    r"(?:did )?someone forward|you(?:'re|’re| are) receiving|you received this|this (?:e-?mail|message|newsletter)"
    r" was sent|(?:this e-?mail was )?sent to \S+@|to (?:stop receiving|unsubscribe)|if you no longer|"
    r"add us to your|follow us\b|share this (?:e-?mail|newsletter|issue)|privacy (?:policy|notice)|"
    r"terms (?:of (?:use|service)|and conditions)|advertise with us|copyright\b|©|\(c\)\s*\d{4}|"
    r"all rights reserved|thanks for reading|thank you for reading|that'?s (?:all|it) for today|"
    r"see you (?:tomorrow|next week|on monday)|until tomorrow\b)", re.IGNORECASE)
"""A newsletter's own lines: how to view, forward, leave or find it, its copyright, its sign-off."""
_MENU: Final = re.compile(r"(?:unsubscribe|preferences|privacy|view in browser|contact us|terms)", re.IGNORECASE)
_ADDRESS: Final = re.compile(
    r"\b(?:Ltd|Limited|Inc|LLC|L\.L\.C|GmbH|S\.A|PLC|Pty|Corp)\b|\bP\.?\s?O\.? Box\b|"
    r"\b\d+\s+[A-Z][\w'.-]*(?:\s+[A-Z][\w'.-]*)*\s+(?:Street|St|Road|Rd|Avenue|Ave|Lane|Ln|Way|Drive|Dr|"
    r"Boulevard|Blvd|Square|Sq|Place|Pl|Court|Ct|Wharf|Quay)\b|\b[A-Z]{1,2}\d[A-Z\d]?\s\d[A-Z]{2}\b|"
    r"\b[A-Z]{2}\s\d{5}(?:-\d{4})?\b")
"""A sender's postal address: a company form, a street, a UK postcode or a US state and ZIP code."""
_FOOTER_START: Final = re.compile(
    r"unsubscribe|preferences|copyright|©|\(c\)\s*\d{4}|all rights reserved|receiving this|received this|"
    r"sent to|no longer wish|privacy|thanks? (?:you )?for reading|that'?s (?:all|it) for today|see you", re.IGNORECASE)
_SPONSOR: Final = re.compile(
    r"[\s\[(—–\-*|]*(?:sponsored(?: by\b.*| content)?|sponsors?|advertisement|ad|promoted|partner content|"
    r"paid (?:post|content)|presented by\b.*|brought to you by\b.*|"
    r"a (?:word|message|note) from (?:our|this week'?s|today'?s) sponsors?\b.*|from our sponsors?)"
    r"[\s\])—–\-*:|]*$", re.IGNORECASE)
"""A line that opens a sponsor block, alone on its line."""
_SPONSORED_LINE: Final = re.compile(r"[\s\[(]*(?:sponsored|advertisement|ad|sponsor|promoted)\s*[\]):|—–-]",
                                    re.IGNORECASE)
"""A sponsor's message on one line: "Sponsored: …", "[Ad] …"."""
_SPONSOR_LINES: Final = 8
"""A sponsor block longer than this, with no blank line or rule to end it, is doubtful."""


@dataclass
class Sorted:
    """A digest's lines with its furniture taken out."""

    lines: list[tuple[int, str]]
    """(line number, text as written) of every line still to read; a rule stays, as a separator."""
    dropped: list[tuple[int, str, str]] = field(default_factory=list)
    """(line number, text, why) of each line taken out."""
    title: tuple[int, str] | None = None
    """An e-mail export's Subject, as the title line."""
    sent: dt.date | None = None
    """An e-mail export's Date header, for a Subject without a date."""
    doubts: list[tuple[int, str, str]] = field(default_factory=list)
    """(line number, text, problem) of furniture whose extent is unsure."""


def _email_headers(raw: Sequence[str], found: Sorted) -> int:
    """Leading e-mail headers (From:, Date:, Subject: …, a forwarded message's too) taken out; the index of the
    first line after them."""
    headers: list[tuple[int, str, re.Match[str]]] = []
    i, names = 0, set()
    while i < len(raw):
        text = raw[i].strip()
        header = _HEADER.match(text)
        if not text or _FORWARDED.match(text) or RULE.match(text) and headers:
            i += 1
            continue
        if header:
            headers.append((i, text, header))
            names.add(header.group("name").lower())
            i += 1
            while i < len(raw) and raw[i][:1] in (" ", "\t") and raw[i].strip():  # a folded header
                i += 1
            continue
        break
    if not ({"from", "subject"} & names and len(headers) >= 2):
        return 0
    for number, text, header in headers:
        name, value = header.group("name").lower(), header.group("value").strip()
        if name == "subject" and value and found.title is None:
            found.title = (number + 1, _REPLY.sub("", value, count=1).strip())
            continue
        if name in ("date", "sent") and found.sent is None:
            found.sent = _header_date(value)
        found.dropped.append((number + 1, text, "e-mail header"))
    return i


def _header_date(value: str) -> dt.date | None:
    try:
        return email.utils.parsedate_to_datetime(value).date()
    except (TypeError, ValueError, IndexError):
        return None


def furniture(text: str) -> bool:
    """Whether a line is a newsletter's furniture: its links to itself, its footer, its sign-off."""
    if _FURNITURE.match(text):
        return True
    parts = [p for p in re.split(r"\s+[|·•]\s+", text) if p.strip()]
    return len(parts) >= 2 and any(_MENU.search(p) and len(p.split()) <= 4 for p in parts)


def sort_lines(raw: Sequence[str], drop: Sequence[re.Pattern[str]] = ()) -> Sorted:
    """The digest's lines (numbered from 1) with its furniture and the house style's `drop` patterns taken out."""
    found = Sorted(lines=[])
    start = _email_headers(raw, found)
    kept: list[tuple[int, str]] = []
    i = start
    while i < len(raw):
        text = " ".join(raw[i].split())
        number = i + 1
        i += 1
        if not text:
            kept.append((number, ""))
            continue
        if any(pattern.search(text) for pattern in drop):
            found.dropped.append((number, text, "[show.digest] drop"))
        elif _SPONSOR.fullmatch(text):
            found.dropped.append((number, text, "sponsor block"))
            i = _sponsor_block(raw, i, found)
        elif _SPONSORED_LINE.match(text):
            found.dropped.append((number, text, "sponsor"))
        elif furniture(text):
            found.dropped.append((number, text, "newsletter furniture"))
        else:
            kept.append((number, text))
    _footer(kept, found)
    found.lines = [(n, t) for n, t in kept if t]
    return found


def _sponsor_block(raw: Sequence[str], i: int, found: Sorted) -> int:
    """The lines of a sponsor block after its marker, up to a blank line or a rule: the index after them."""
    block: list[tuple[int, str]] = []
    while i < len(raw) and not block:  # the block's first line may follow a blank line
        if raw[i].strip():
            break
        i += 1
    while i < len(raw) and raw[i].strip() and not RULE.match(raw[i].strip()):
        block.append((i + 1, " ".join(raw[i].split())))
        i += 1
    if len(block) > _SPONSOR_LINES:
        found.doubts.append((block[0][0], block[0][1], "follows a sponsor's marker, and no blank line or rule ends "
                             "the sponsor block: end it with a blank line"))
        block, i = block[:1], block[0][0]
    found.dropped.extend((n, t, "sponsor block") for n, t in block)
    return i


def _address(text: str) -> bool:
    """A postal address: its marks, short, and no running text ("Acme Corp cut jobs in Leeds." is news)."""
    words = text.split()
    return bool(_ADDRESS.search(text)) and len(words) <= 16 and sum(w[:1].islower() for w in words) <= 1


def _footer(kept: list[tuple[int, str]], found: Sorted) -> None:
    """The footer: once a line of it (unsubscribe, copyright, who the e-mail was sent to) has been dropped, the lines
    after it that are not news (addresses, short lines, links) and an address just above it."""
    footer_lines = [n for n, t, why in found.dropped if why == "newsletter furniture" and _FOOTER_START.search(t)]
    if not footer_lines:
        return
    first = min(footer_lines)
    tail = [(n, t) for n, t in kept if n > first and t]
    if any(len(t.split()) > 12 and not _address(t) for _, t in tail if not RULE.match(t)):
        return  # news follows: this was no footer
    before = [(n, t) for n, t in kept if n < first and t]
    while before and (_address(before[-1][1]) or RULE.match(before[-1][1])):
        tail.insert(0, before.pop())
    gone = {n for n, _ in tail}
    found.dropped.extend((n, t, "newsletter footer") for n, t in tail if not RULE.match(t))
    kept[:] = [(n, t) for n, t in kept if n not in gone]
    found.dropped.sort()
