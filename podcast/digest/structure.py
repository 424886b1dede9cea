"""The structure of a digest: each line's role (section, headline, paragraph, credit), decided from its marks,
its shape and the lines around it, and stories assembled from them."""

from __future__ import annotations

import collections
import re
from dataclasses import dataclass, field
from typing import Final

from ..errors import DigestError
from ..models import Dateline, Story
from .lines import BARE_URL, INLINE_CREDIT, Line, shape, split_dateline
from .prose import (
    INNER_SENTENCE,
    LONG_HEADLINE,
    doubtful_section,
    headline_case,
    is_paragraph,
    looks_like_prose,
    sentence_like,
)

GREETING: Final = re.compile(
    r"(?:good (?:morning|afternoon|evening|day)|morning|hello|hi|hey|welcome|greetings|dear\b|happy (?:monday|"
    r"tuesday|wednesday|thursday|friday|saturday|sunday|weekend)|buen(?:os|as) (?:días|dias|tardes|noches)|hola|"
    r"bienvenid|bonjour|bonsoir|salut|bienvenue|buongiorno|buonasera|ciao|benvenut|bom dia|boa (?:tarde|noite)|"
    r"olá|ola|bem-vind|नमस्ते|सुप्रभात)\b", re.IGNORECASE)
"""How a newsletter's greeting opens, in the show languages."""
HOUSE_STYLE: Final = "or name its house style in podcast.toml [show.digest] (sections, headlines, credits, drop)"
"""What a refusal says would fix it, besides the digest itself."""


@dataclass
class Draft:
    """A story being assembled, line by line."""

    headline: str
    paragraphs: list[str] = field(default_factory=list)
    links: list[str] = field(default_factory=list)
    credits: list[str] = field(default_factory=list)
    dateline: Dateline | None = None

    def add(self, text: str, links: tuple[str, ...] = ()) -> None:
        """A paragraph: a leading dateline and trailing credits in brackets are taken off it."""
        if not self.paragraphs and self.dateline is None:
            self.dateline, text = split_dateline(text)
        credit = INLINE_CREDIT.search(text)
        if credit and credit.start() > 0:
            self.credits.append(credit.group().strip(" ()"))
            text = text[:credit.start()].rstrip()
        self.paragraphs.append(text)
        self.links.extend(links)

    def story(self) -> Story:
        return Story(headline=self.headline, paragraphs=tuple(self.paragraphs),
                     link=self.links[0] if self.links else "", dateline=self.dateline, credits=tuple(self.credits))


class Parser:
    """Gives each line its role, looking one or two lines ahead: section, headline, paragraph or credit."""

    def __init__(self, lines: list[Line], source: str, force: bool) -> None:
        self.lines, self.source, self.force = lines, source, force
        self.opening = self._opening(lines)
        """How many lines open the digest as its greeting: they say nothing of how its stories are written."""
        self.stops_kept = self._stops_kept()
        for line in lines if self.stops_kept else ():
            line.longest = LONG_HEADLINE
        self.warnings: list[str] = []
        self.sections: list[tuple[str, int, list[Draft]]] = []
        self.shapes: dict[int, str] = {}
        """Each section header's look (by line number): a house style writes all of them alike."""
        self.previous = "title"
        self.greeting: list[str] = []
        """The newsletter's greeting: text before the first section header or headline."""
        self.greeting_lines: list[tuple[int, str]] = []
        self._kickers(lines)
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
        self.loose_stops = any(line.kind == "plain" and not line.ends and (
            INNER_SENTENCE.search(line.text) or len(line.text.split()) > 12) for line in lines[self.opening:])
        """Whether some paragraphs here end without a full stop: then an unstopped line is no sign of a headline."""
        """Whether every paragraph here surely ends in a full stop, as in the sample's house style in any language:
        then a line without one, followed by text, is a headline however long (a Spanish headline runs long)."""

    @staticmethod
    def _opening(lines: list[Line]) -> int:
        count = 0
        for line in lines:
            if line.kind != "plain" or not (GREETING.match(line.text) or line.prose or count and line.sentence and (
                    line.text.endswith((":", "…", "...", "!")))):
                break
            count += 1
        return count

    def _stops_kept(self) -> bool:
        """No line without a full stop reads as prose, none that reads like a sentence is followed by another line
        without one (a paragraph's last line before a headline), and the last line ends in one."""
        plain = [line for line in self.lines[self.opening:] if line.kind != "credit"]
        if not plain or plain[-1].kind == "plain" and not plain[-1].ends:
            return False
        for line, following in zip(plain, plain[1:], strict=False):
            if line.kind != "plain" or line.ends:
                continue
            if looks_like_prose(line.text, LONG_HEADLINE):
                return False
            if following.kind == "plain" and not following.ends and sentence_like(line.text):
                return False
        return True

    def _kickers(self, lines: list[Line]) -> None:
        """A wire style's place in capitals opening a story's text under its headline ("NEW DELHI: The…") is no
        kicker: when every line in capitals before a colon follows a headline-like line, they are all text."""
        kickers = [i for i, line in enumerate(lines) if line.kicker]
        if not kickers or any(i == 0 or lines[i - 1].kind != "plain" or lines[i - 1].prose for i in kickers):
            return
        if any(len(lines[i].headline.split()) > 3 for i in kickers):
            return  # a place is a few words ("RIO DE JANEIRO"); "SCHOOL BOARD DELAYS LIBRARY HOURS" is a headline
        if any(len(lines[i - 1].text.split()) >= 4 or sentence_like(lines[i - 1].text) for i in kickers):
            for i in kickers:
                lines[i].kind, lines[i].kicker, lines[i].headline, lines[i].body = "plain", False, "", ""

    def _plain_sentence_headlines(self) -> bool:
        """No marked headlines (bold, bullets, headings), and plain headlines before text in sentence case rather
        than title case. A short headline of names ("Le PSG bat Marseille 2-0") reads as title case on its own, so
        one such line does not outvote several headlines plainly in sentence case."""
        if any(line.kind in ("item", "lead") for line in self.lines):
            return False
        title_case = sentence_case = 0
        for i, line in enumerate(self.lines[:-1]):
            following = self.lines[i + 1]
            if following.prose and line.kind in ("bold", "heading"):
                return False
            if line.kind != "plain" or line.prose:
                continue
            case = headline_case(line.text)
            if case == "title" and (following.prose or following.sentence and len(line.text.split()) >= 4):
                title_case += 1  # (a section header, a few words in title case, may precede a headline)
            if case == "sentence" and split_dateline(following.text)[0] is not None:
                return True
            if case == "sentence" and following.prose:
                sentence_case += 1
        return not title_case or sentence_case > 2 * title_case

    def at(self, i: int) -> Line | None:
        return self.lines[i] if 0 <= i < len(self.lines) else None

    def after(self, i: int) -> Line | None:
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
        if following.prose or len(following.text.split()) > 12 and headline_case(following.text) == "sentence" and (
                not self.stops_kept):
            return True  # surely text: a headline in sentence case is rarely this long
        if not self.sentence_headlines and headline_case(line.text) == "title" and (
                headline_case(following.text) == "sentence"):
            return True  # headlines here are in title case: a line in sentence case under one is its text
        if headline_case(following.text) == "title" or not sentence_like(following.text, figures=False):
            return False  # a headline follows (headlines may carry figures)
        if after is not None and after.kind == "plain" and split_dateline(after.text)[0] is not None:
            return False  # the next line is the headline: a wire story's text opens with its dateline
        if after is not None and after.prose and self.sentence_headlines:
            return False  # the sentence-like line is itself a headline, of a story in this section
        if after is not None and after.sentence and line.kind == "plain":
            self.unsure(line, "could be a section header or a headline (the lines after it do not end in a full "
                             "stop): end the paragraphs with full stops", "headline")
        return True

    def unsure(self, line: Line, problem: str, forced_as: str) -> None:
        self.doubt(line.number, line.text, problem, forced_as)

    def doubt(self, number: int, text: str, problem: str, forced_as: str) -> None:
        """An unsure structure: an error naming the line, or with --force a warning and `forced_as`."""
        message = f"line {number}: {text[:60]!r} {problem}"
        if not self.force:
            raise DigestError(self.source, f"{message}; check the digest, {HOUSE_STYLE} (--force builds anyway)")
        self.warnings.append(f"{self.source}: {message}; read as a {forced_as}")

    def role(self, i: int) -> str:
        line = self.lines[i]
        if line.taught:
            return {"section": "section", "credit": "credit"}.get(line.taught, "story" if line.body else "headline")
        if self.greets(i, line):
            return "greeting"
        if line.kind == "credit":
            return "credit"
        if line.kind in ("item", "lead"):
            return "story"
        if line.kind in ("heading", "bold"):
            if self.headline_at(i):
                following = self.after(i)
                if line.kind == "heading" and not (following is not None and following.prose) and (
                        shape(line) in self.shapes.values()):
                    return "section"  # headers are written alike: "## Tech" is one, as "## Health" was
                return "headline"
            if line.kind == "bold" and sentence_like(line.headline) and self.starts_story(i + 1):
                self.unsure(line, "reads like a sentence but stands where a section header goes", "section")
            return "section"
        return self.plain_role(i, line)

    def greets(self, i: int, line: Line) -> bool:
        """Text before the first section header or story is the newsletter's greeting, read in the opening."""
        if self.sections or line.kind != "plain":
            return False
        if self.greeting:
            return line.prose or GREETING.match(line.text) is not None or line.sentence and line.text.endswith(
                (":", "…", "...", "!"))
        return GREETING.match(line.text) is not None or line.prose and not split_dateline(line.text)[0]

    def plain_role(self, i: int, line: Line) -> str:
        """A plain line: a story's text, a headline when text follows it, or a section header when stories
        follow it and it does not read like a sentence."""
        continuing = self.previous in ("paragraph", "credit")
        stories_follow = self.starts_story(i + 1)
        if self.previous == "headline" and not (self.marked_headline and not line.sentence and stories_follow):
            return "paragraph"  # a bulleted headline may stand alone; any other is followed by its text
        if split_dateline(line.text)[0] is not None:
            return "story" if continuing else "paragraph"
        if line.ends or (continuing and looks_like_prose(line.text)):
            return "paragraph"
        if continuing and (credit := self.at(i + 1)) is not None and credit.kind == "credit" and not (
                credit.text.startswith("By ")):
            return "paragraph"  # the credit line under it closes a story
        following = self.after(i)
        if following is not None and following.kind == "plain" and split_dateline(following.text)[0] is not None:
            return "headline"  # a wire story's text opens with its dateline
        headline = not self.marked_headlines and self.headline_at(i) and (
            self.sentence_headlines or headline_case(line.text) != "sentence")
        title_headline = headline and headline_case(line.text) == "title"
        if continuing and line.sentence and (self.marked_headlines or not title_headline and (
                sentence_like(line.text, figures=False) or not headline)):
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
            long = len(line.text.split()) > 9  # a sentence-case headline is short
            if continuing and line.inline:
                self.unsure(line, "could be a headline or the text of the story above (it has no final full stop "
                            "but marks a word inside it, as text does): end paragraphs with full stops", "headline")
            if continuing and self.datelines and (not self.last_ended or self.loose_stops
                                                  or headline_case(line.text) == "sentence"):
                self.unsure(line, "could be a headline or the text of the story above (a headline here is followed "
                            "by a dateline): end paragraphs with full stops", "headline")
            if continuing and headline_case(line.text) == "sentence" and not self.stops_kept and (
                    not self.last_ended or self.loose_stops or long):
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
        problem = doubtful_section(line.text)
        if problem:
            self.unsure(line, problem, "section")
        return "section"

    def story(self, headline: str, line: Line) -> Draft:
        if not self.sections:
            self.unsure(line, "comes before any section header: add one above it", "story in a section 'News'")
            self.sections.append(("News", line.number, []))
        draft = Draft(headline)
        self.sections[-1][2].append(draft)
        return draft

    def current(self, line: Line) -> Draft:
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
            if role == "greeting":
                self.greeting.append(line.text)
                self.greeting_lines.append((line.number, line.text))
            elif role == "section":
                name = (line.headline or line.text).rstrip(":").rstrip()
                if not any(ch.isalnum() for ch in name):  # a forced doubt is never a name without words
                    self.warnings.append(f"{self.source}: line {line.number}: {name[:60]!r} has no words; left out")
                    continue
                self.sections.append((name, line.number, []))
                if not line.taught:
                    self.shapes[line.number] = shape(line)
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
                self.last_ended = is_paragraph(line.text)
            else:
                self.credit(line)
                continue  # a credit line leaves the story where it was: a byline still awaits its text
            self.marked_headline = role == "headline" and line.kind == "item"
            self.previous = role

    def credit(self, line: Line) -> None:
        if not self.sections or not self.sections[-1][2]:
            self.warnings.append(f"{self.source}: line {line.number}: credit line {line.text[:60]!r} is above "
                                 "every story; left out")
            return
        draft = self.sections[-1][2][-1]
        bare = line.text.strip("<>")
        if BARE_URL.match(bare) and " " not in bare:
            draft.links.append(bare)
            return
        if line.text.lower().startswith("read more"):
            url = line.links or tuple(w for w in line.text.split() if BARE_URL.match(w))
            draft.links.extend(url)
            return
        draft.credits.append(line.text.strip("()"))
        draft.links.extend(line.links)
