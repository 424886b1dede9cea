"""Frozen records passed between the stages; no I/O here."""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, field
from typing import Any, Literal

SegmentKind = Literal["intro", "section", "story", "outro"]


@dataclass(frozen=True)
class Dateline:
    """Where and from whom a wire story comes, as its text opened: `LONDON, Mar 2 (Reuters) -`."""

    place: str
    """The place in words, "London" for "LONDON"."""
    agency: str
    date: str = ""
    """The date as written ("Mar 2"); empty when the dateline has none."""
    written: str = ""
    """The dateline exactly as the digest wrote it."""


@dataclass(frozen=True)
class Story:
    """One news item as written in the digest, markup removed."""

    headline: str
    paragraphs: tuple[str, ...]
    link: str = ""
    """The story's source: its first link, or a "Read more: URL" line; empty when it has none."""
    dateline: Dateline | None = None
    """A wire story's dateline, taken off the front of its first paragraph."""
    credits: tuple[str, ...] = ()
    """Credit lines under the story ("Reporting by ...; Editing by ..."), not read by default."""


@dataclass(frozen=True)
class Section:
    """A titled group of stories, in digest order."""

    title: str
    slug: str
    """ASCII file-name form of the title, e.g. "economy-markets"."""
    stories: tuple[Story, ...]


@dataclass(frozen=True)
class Digest:
    """A parsed digest: its title line, its date and its non-empty sections."""

    title: str
    date: dt.date
    sections: tuple[Section, ...]
    warnings: tuple[str, ...] = ()
    """What the parser dropped or repaired, for the producer to see."""
    greeting: tuple[str, ...] = ()
    """The newsletter's own greeting before its first section ("Good morning! Here is…"), read in the opening."""
    dropped: tuple[str, ...] = ()
    """Each line left out as newsletter furniture or e-mail headers, with its number and why (`podcast outline`)."""


@dataclass(frozen=True)
class Sentence:
    """One sentence as the engine says it and as the digest wrote it (for captions and the page); in a part, with
    the silence after it. The unit the build renders, hears and repairs (each rendering of it is a take)."""

    spoken: str
    written: str = ""
    pause_ms: int = 0
    """The silence after it in its part (parts.plan_parts sets it; 0 in the script)."""
    ends_paragraph: bool = False
    """The last sentence of a headline or paragraph: where the page's transcript starts a new paragraph."""


@dataclass(frozen=True)
class Segment:
    """One stretch of the programme: what the engine says, in play order."""

    kind: SegmentKind
    section: str | None
    """Title of the section this segment belongs to; None for intro and outro."""
    paragraphs: tuple[tuple[Sentence, ...], ...]
    """Breath groups (a headline, a paragraph), each its sentences."""

    @property
    def spoken_paragraphs(self) -> tuple[str, ...]:
        """What the engine says, one string per paragraph (its sentences are still rendered one by one)."""
        return tuple(" ".join(s.spoken for s in paragraph) for paragraph in self.paragraphs)

    @property
    def written_paragraphs(self) -> tuple[str, ...]:
        """The digest's own text, one string per paragraph."""
        return tuple(" ".join(s.written for s in paragraph) for paragraph in self.paragraphs)

    @property
    def text(self) -> str:
        """The spoken text, paragraphs apart: what `podcast script` prints."""
        return "\n\n".join(self.spoken_paragraphs)


@dataclass(frozen=True)
class Guess:
    """One choice between readings."""

    written: str
    """What the digest wrote ("4.3m", "3,400 nm", "Charles III")."""
    chosen: str
    """The reading said ("four point three million")."""
    others: tuple[str, ...]
    """The readings not said, each as words the engine can say ("four point three metres")."""
    why: str
    """The rule or context that decided ("millions before what they count")."""
    sentence: str = ""
    """The written sentence it was made in."""

    def lexicon_line(self) -> str:
        """A voices/lexicon.toml [words] line that says the first other reading instead."""
        other = self.others[0] if self.others else self.chosen
        return f'"{_toml(self.written)}" = "{_toml(other)}"'

    def to_dict(self) -> dict[str, object]:
        return {"written": self.written, "chosen": self.chosen, "others": list(self.others), "why": self.why,
                "sentence": self.sentence, "lexicon": self.lexicon_line()}


def _toml(text: str) -> str:
    return text.replace("\\", "\\\\").replace('"', '\\"')


@dataclass(frozen=True)
class Script:
    """The digest turned into spoken segments."""

    digest: Digest
    segments: tuple[Segment, ...]
    guesses: tuple[Guess, ...] = ()
    """Every reading the verbalizer chose between, each once (speech/guesses.py)."""

    def to_dict(self) -> dict[str, Any]:
        """The `podcast script --json` object."""
        return {
            "date": self.digest.date.isoformat(),
            "title": self.digest.title,
            "sections": [
                {
                    "title": s.title,
                    "slug": s.slug,
                    "stories": [
                        {"headline": st.headline, "paragraphs": list(st.paragraphs), "link": st.link,
                         "dateline": asdict(st.dateline) if st.dateline else None, "credits": list(st.credits)}
                        for st in s.stories
                    ],
                }
                for s in self.digest.sections
            ],
            "segments": [
                {"kind": seg.kind, "section": seg.section, "text": seg.text,
                 "written": "\n\n".join(seg.written_paragraphs)}
                for seg in self.segments
            ],
        }

    def to_text(self) -> str:
        """The script as a producer reads it: one block per segment."""
        blocks = []
        for seg in self.segments:
            label = seg.kind.upper() + (f" · {seg.section}" if seg.section else "")
            blocks.append(f"[{label}]\n{seg.text}")
        return "\n\n".join(blocks) + "\n"


@dataclass(frozen=True)
class Chapter:
    """A navigable part of the episode, timed from the rendered audio: the opening headlines, or a story."""

    title: str
    """The story's headline as written; "Headlines" for the opening rundown."""
    start_ms: int
    end_ms: int
    section: str = ""
    """The section a story belongs to (its first story also takes the section's lead-in); "" for the opening."""
    link: str = ""
    """The story's source, when the digest gives one (a "Read more: URL" line); "" otherwise."""


@dataclass(frozen=True)
class SectionClip:
    """A published single-section programme."""

    title: str
    slug: str
    file: str
    """Path relative to the show folder, e.g. "episodes/2026-02-02/sections/01-top-news.mp3"."""
    length: int
    duration_s: float


@dataclass(frozen=True)
class EpisodeRecord:
    """What the feed needs about one built episode; kept as episodes/DATE/episode.json."""

    date: str
    title: str
    description: str
    guid: str
    audio_file: str
    """Path of the tagged MP3 relative to the show folder."""
    length: int
    """Byte size of the tagged MP3, as published."""
    duration_s: float
    chapters: tuple[Chapter, ...] = ()
    clips: tuple[SectionClip, ...] = ()
    headlines: tuple[tuple[str, tuple[str, ...]], ...] = field(default=())
    """(section title, its headlines) in play order, for show notes."""
    build_key: str = ""
    """Hash of everything the build read; an unchanged key means nothing to rebuild."""
    transcript_vtt: str = ""
    transcript_srt: str = ""
    chapters_file: str = ""
    """Podcasting 2.0 JSON chapters, relative to the show folder."""
    page_file: str = ""
    """The episode's page (episodes/DATE/index.html), relative to the show folder: the feed item's link."""
    inputs: dict[str, str] = field(default_factory=dict)
    """A hash of each input the build read, by name: says what changed when it is rebuilt."""
    opus_file: str = ""
    """The small Opus version for slow connections, relative to the show folder; "" when there is none."""
    opus_length: int = 0
    opus_kbps: int = 0
    takes: dict[str, str] = field(default_factory=dict)
    """Each heard sentence's take, by the first 16 hex digits of its first take's key: the recipe the proof chose.
    A later build of the same sentences uses these, whatever the ear hears then, so the audio never follows the
    arithmetic of the machine it is built on."""

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        if not self.takes:
            del data["takes"]  # nothing was heard: the record reads as it did before takes were recorded
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> EpisodeRecord:
        return cls(
            date=data["date"],
            title=data["title"],
            description=data["description"],
            guid=data["guid"],
            audio_file=data["audio_file"],
            length=int(data["length"]),
            duration_s=float(data["duration_s"]),
            chapters=tuple(Chapter(**c) for c in data.get("chapters", ())),
            clips=tuple(SectionClip(**c) for c in data.get("clips", ())),
            headlines=tuple(
                (title, tuple(heads)) for title, heads in data.get("headlines", ())
            ),
            build_key=data.get("build_key", ""),
            transcript_vtt=data.get("transcript_vtt", ""),
            transcript_srt=data.get("transcript_srt", ""),
            chapters_file=data.get("chapters_file", ""),
            page_file=data.get("page_file", ""),
            inputs=dict(data.get("inputs", {})),
            takes={str(k): str(v) for k, v in data.get("takes", {}).items()},
            opus_file=data.get("opus_file", ""),
            opus_length=int(data.get("opus_length", 0)),
            opus_kbps=int(data.get("opus_kbps", 0)),
        )


@dataclass(frozen=True)
class SpokenSentence:
    """A sentence as the digest wrote it, and when it is heard."""

    start_s: float
    end_s: float
    text: str
    kind: str
    """The part it belongs to: intro, section, story or outro."""
    section: str
    headline: bool = False
    ends_paragraph: bool = True
