"""Assembling an episode from its made parts: the timeline, the episode and section MP3s with their tags,
transcripts, chapters, the script and the record, all written into one folder that publishing then swaps in."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from collections.abc import Sequence
from pathlib import Path

from ..config import ShowConfig
from ..errors import AudioError
from ..inputs import key_of
from ..language import Language
from ..layout import CONTENT_HASH_LENGTH, EPISODES, PAGE_FILE, RECORD_FILE
from ..models import EpisodeRecord, Script, SectionClip
from ..parts import MixedPart
from ..sound.mp3 import join_mp3
from ..sound.opus import write_opus as write_opus_file
from . import transcript
from .tags import write_tags
from .timeline import Timeline, clip_chapters, timeline, with_links

__all__ = ["Timeline", "episode_title", "versioned", "write_episode", "write_opus"]


def episode_title(script: Script, language: Language) -> str:
    """The day's lead story, dated: not the show's name, not a bare date."""
    lead = script.digest.sections[0].stories[0].headline or script.digest.sections[0].title
    return f"{lead} ({language.short_date(script.digest.date)})"


def write_episode(config: ShowConfig, language: Language, script: Script, made: Sequence[MixedPart], art: bytes,
                  work: Path, inputs: dict[str, str], guid: str, digest_file: Path | None,
                  opus: Path | None = None, takes: dict[str, str] | None = None
                  ) -> tuple[EpisodeRecord, Timeline]:
    """Every file of the episode into `work`, and its record; `art` is the cover embedded in the tags, a
    digest given with --digest (`digest_file`) is kept as digest.txt, and `opus` is the Opus version
    (`write_opus`), published beside the MP3; `takes` is each heard sentence's chosen take, recorded."""
    digest = script.digest
    date_text = digest.date.isoformat()
    rel = f"{EPISODES}/{date_text}"
    long_date = language.long_date(digest.date)
    title = episode_title(script, language)
    heard = timeline([m.part for m in made], [m.duration_s for m in made], [m.spans for m in made],
                     language.page.headlines_chapter)
    chapters = with_links(heard.chapters, digest)

    (work / "sections").mkdir()
    clips = []
    for number, section in enumerate(digest.sections, 1):
        name = f"sections/{number:02d}-{section.slug}.mp3"
        members = [m for m in made if m.part.section == section.title]
        join_mp3([m.mp3 for m in members], work / name)
        seconds = write_tags(work / name, title=f"{section.title} — {config.title}, {long_date}",
                             show=config.title, artist=config.author, date=date_text, cover_jpeg=art,
                             chapters=clip_chapters(chapters, section.title, sum(m.duration_s for m in members)))
        published = versioned(work / name)
        clips.append(SectionClip(section.title, section.slug, f"{rel}/sections/{published.name}",
                                 published.stat().st_size, seconds))

    join_mp3([m.mp3 for m in made], work / "episode.mp3")
    seconds = write_tags(work / "episode.mp3", title=title, show=config.title, artist=config.author,
                         date=date_text, cover_jpeg=art, chapters=chapters)
    episode = versioned(work / "episode.mp3")
    small = versioned(opus) if opus is not None else None
    (work / "transcript.vtt").write_text(transcript.to_vtt(heard.cues))
    (work / "transcript.srt").write_text(transcript.to_srt(heard.cues))
    (work / "chapters.json").write_text(transcript.to_chapters_json(chapters, title))
    record = EpisodeRecord(
        date=date_text,
        title=title,
        description=language.description(config.title, digest.date,
                                         [story.headline for s in digest.sections for story in s.stories[:1]]),
        guid=guid,
        audio_file=f"{rel}/{episode.name}",
        length=episode.stat().st_size,
        duration_s=seconds,
        chapters=chapters,
        clips=tuple(clips),
        headlines=tuple((s.title, tuple(st.headline for st in s.stories)) for s in digest.sections),
        build_key=key_of(inputs),
        inputs=inputs,
        transcript_vtt=f"{rel}/transcript.vtt",
        transcript_srt=f"{rel}/transcript.srt",
        chapters_file=f"{rel}/chapters.json",
        page_file=f"{rel}/{PAGE_FILE}",
        opus_file=f"{rel}/{small.name}" if small else "",
        opus_length=small.stat().st_size if small else 0,
        opus_kbps=config.opus_kbps if small else 0,
        takes=dict(takes or {}),
    )
    (work / "script.json").write_text(json.dumps(script.to_dict(), indent=2, ensure_ascii=False) + "\n")
    (work / "script.txt").write_text(script.to_text())
    if digest_file is not None:
        shutil.copyfile(digest_file, work / "digest.txt")
    (work / RECORD_FILE).write_text(json.dumps(record.to_dict(), indent=2, ensure_ascii=False) + "\n")
    return record, heard


def write_opus(config: ShowConfig, made: Sequence[MixedPart], work: Path) -> Path | None:
    """The Opus version of the episode, joined from the parts' packets made with them; None when `opus_kbps`
    is 0."""
    if not config.opus_kbps:
        return None
    if any(m.opus is None for m in made):
        raise AudioError("a part was made without its Opus packets")
    write_opus_file([m.opus.read_bytes() for m in made if m.opus is not None], work / "episode.opus")
    return work / "episode.opus"


def versioned(path: Path) -> Path:
    """A hard link named after the file's content: a published audio URL never changes content.

    `episode.mp3` stays the current version's plain name; the feed points at
    `episode-<hash>.mp3`, so players that cached byte ranges of an earlier build
    never get a mix of two files.
    """
    digest = hashlib.sha256(path.read_bytes()).hexdigest()[:CONTENT_HASH_LENGTH]
    versioned = path.with_name(f"{path.stem}-{digest}{path.suffix}")
    os.link(path, versioned)
    return versioned
