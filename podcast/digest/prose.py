"""How a digest line reads: a sentence, prose that runs on, or a name (a headline, a section header)."""

from __future__ import annotations

import re
from typing import Final

CLOSERS: Final = "\"'”’)]»"
SENTENCE_END: Final = re.compile(r"[.!?।][" + re.escape(CLOSERS) + r"]*$")
"""Devanagari's danda (।) ends a Hindi sentence as the full stop does."""


def is_paragraph(line: str) -> bool:
    """Prose that ends a sentence; an ellipsis ("In Case You Missed It...") does not."""
    bare = line.rstrip(CLOSERS)
    if bare.endswith("...") or bare.endswith("…"):
        return False
    if not SENTENCE_END.search(line):
        return False
    # A short line ending in ? or ! is a headline ("Will Rates Fall?"); ending in "." it is prose.
    return bare.endswith((".", "।")) or len(line.split()) > 14


INNER_SENTENCE: Final = re.compile(r"[a-z0-9][.!?][\"'”’)]* [A-Z“\"]")


LONG_HEADLINE: Final = 25
"""Words in the longest headline of a house style that ends every paragraph with a full stop."""


BRACKETED_FIGURES: Final = re.compile(r"\((?:[^()\w]|\d)*\d(?:[^()\w]|\d)*\)$")
"""A closing bracket of figures only, as agency headlines end on a score or a change: "(2-1)", "(+2,5 %)"."""


def looks_like_prose(line: str, longest: int = 15) -> bool:
    """A line that does not end a sentence but reads as prose: longer than a headline (`longest` words), with a
    sentence inside it, or trailing off in "(see chart)" or an ellipsis after several words. (A closing quote is no
    sign: headlines end in quotes too; nor are figures in brackets, "Serie A, il Milan vince a Bergamo (2-1)".)"""
    words = len(line.split())
    if words > longest or INNER_SENTENCE.search(line):
        return True
    return words >= 6 and (line.endswith(("…", "...")) or line.endswith(")") and not BRACKETED_FIGURES.search(line))


def may_be_prose(line: str) -> bool:
    """Weaker signs of prose: eight words or more with a comma, or ending in a quotation."""
    return len(line.split()) >= 8 and ("," in line or line[-1:] in "\"”’")


def sentence_like(line: str, figures: bool = True) -> bool:
    """Reads as a sentence rather than a name: a section header is a few words in title case or capitals,
    without figures. A sentence starts in lower case, runs long, carries figures, or has the lower-case
    words of running text ("homes remain on alert"), in any language that capitalizes names."""
    words = line.split()
    if looks_like_prose(line) or may_be_prose(line) or line[:1].islower() or len(words) > 9:
        return True
    if figures and len(words) >= 4 and any(ch.isdigit() for ch in line):
        return True
    lower = [w for w in words[1:] if w[:1].islower()]
    long_lower = [w for w in lower if len(w) >= 4]  # title case leaves only short words in lower case
    rest = len(words) - 1
    return len(words) >= 4 and (len(long_lower) >= 2 and 3 * len(long_lower) >= rest
                                or len(long_lower) >= 1 and 5 * len(lower) >= 3 * rest)


def headline_case(text: str) -> str | None:
    """"title" when every longer word after the first is capitalized and most words are, "sentence" when most
    are not, else None (too few words to tell): how a house style writes its headlines. (A sentence's names are
    capitalized too: "Shares of Globex cut a 25 bp cut in São Paulo" is no title.)"""
    words = [w for w in text.split()[1:] if w[:1].isalpha()]
    longer = [w for w in words if len(w) >= 4]
    lower = [w for w in words if w[:1].islower()]
    if longer and all(w[:1].isupper() for w in longer) and 2 * len(lower) < len(words):
        return "title"
    return "sentence" if any(len(w) >= 4 for w in lower) and 2 * len(lower) > len(words) else None


def sentence_case(text: str) -> bool:
    """Most words after the first start in lower case, as running text does (title case capitalizes them)."""
    words = text.split()[1:]
    return len(words) >= 3 and 2 * sum(w[:1].islower() for w in words) >= len(words)


def doubtful_section(line: str) -> str | None:
    """Why a line taken as a section header may really be prose, or None."""
    if looks_like_prose(line) or may_be_prose(line):
        return "reads like prose but stands where a section header goes"
    if line[:1].islower() or line.startswith("(") or line.endswith(")"):
        return "starts or ends like part of a sentence but stands where a section header goes"
    return None
