"""The stages, in order, in one place: digest -> script -> speech -> audio -> tags -> feed."""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from filelock import FileLock, Timeout

from . import audio, cover, feed, render, tags
from .config import ShowConfig, load_config, load_voice
from .digest import load_digest, slugify
from .errors import DigestError, InputError, PodcastError, PublishError
from .models import Chapter, EpisodeRecord, Script, SectionClip
from .script import build_script
from .speech import load_lexicon
from .tts import Engine, make_engine

EPISODES: Final = "episodes"
FEED_FILE: Final = "feed.xml"
LOCK_FILE: Final = ".podcast.lock"
LOCK_TIMEOUT_S: Final = 1800

Report = Callable[[str], None]


def _stderr(message: str) -> None:
    print(message, file=sys.stderr)


@dataclass(frozen=True)
class Show:
    """A show folder and its settings."""

    root: Path
    config: ShowConfig

    @classmethod
    def open(cls, root: Path) -> Show:
        return cls(root, load_config(root))

    def episode_dir(self, date: dt.date) -> Path:
        return self.root / EPISODES / date.isoformat()


def parse_date(text: str) -> dt.date:
    """A real calendar date written YYYY-MM-DD."""
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        raise InputError(f"DATE {text!r}", "must be a date written YYYY-MM-DD")
    try:
        return dt.date.fromisoformat(text)
    except ValueError as exc:
        raise InputError(f"DATE {text!r}", "is not a real calendar date") from exc


def load_script(show: Show, date: dt.date, digest_file: Path | None, force: bool = False) -> Script:
    """Parse the day's digest (or `digest_file`) and build its spoken script."""
    source = digest_file if digest_file is not None else show.episode_dir(date) / "digest.txt"
    if digest_file is None and not source.exists():
        raise DigestError(source, f"no digest for {date.isoformat()} (use --digest FILE)")
    digest = load_digest(source)
    if digest.date != date and not force:
        raise DigestError(
            source, f"title date {digest.date.isoformat()} differs from {date.isoformat()} (--force builds anyway)"
        )
    return build_script(digest, show.config.title, load_lexicon(show.root))


def episode_title(script: Script) -> str:
    """The day's lead story, dated: not the show's name, not a bare date."""
    lead = script.digest.sections[0].stories[0].headline or script.digest.sections[0].title
    return f"{lead} ({script.digest.date:%-d %b %Y})"


def build(
    show: Show,
    date: dt.date,
    digest_file: Path | None = None,
    *,
    engine: Engine | None = None,
    force: bool = False,
    report: Report = _stderr,
) -> EpisodeRecord:
    """Build and publish one episode, then regenerate the feed."""
    script = load_script(show, date, digest_file, force)
    for warning in script.digest.warnings:
        report(f"warning: {warning}")
    if engine is None:
        engine = make_engine(load_voice(show.root, show.config.voice))
    engine.start()
    lock = FileLock(str(show.root / LOCK_FILE))
    try:
        lock.acquire(timeout=0)
    except Timeout:
        report("waiting for another build of this show to finish...")
        try:
            lock.acquire(timeout=LOCK_TIMEOUT_S)
        except Timeout as exc:
            raise PublishError(f"{show.root / LOCK_FILE}: another build holds the lock") from exc
    try:
        return _build_locked(show, script, engine, digest_file, report)
    finally:
        lock.release()


def _build_locked(
    show: Show, script: Script, engine: Engine, digest_file: Path | None, report: Report
) -> EpisodeRecord:
    config, date = show.config, script.digest.date
    audio.require_ffmpeg()
    cover_path = ensure_cover(show)
    chunks = [chunk for segment in script.segments for chunk in segment.chunks]
    report(f"rendering {len(chunks)} spoken chunks...")
    wavs = render.render_all(engine, chunks, show.root / render.CACHE_DIR)
    report("mixing and encoding...")
    programme = audio.assemble(script, wavs, config.audio, show.root)

    (show.root / EPISODES).mkdir(exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=f".{date.isoformat()}-", dir=show.root / EPISODES))
    try:
        record = _write_episode(show, script, programme, cover_path, work)
        if digest_file is not None:
            shutil.copyfile(digest_file, work / "digest.txt")
        _publish(work, show.episode_dir(date))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    publish_feed(show)
    report(f"published {record.audio_file} ({record.duration_s / 60:.1f} min, {record.length} bytes)")
    return record


def _write_episode(
    show: Show, script: Script, programme: audio.Programme, cover_path: Path, work: Path
) -> EpisodeRecord:
    config, digest = show.config, script.digest
    date_text = digest.date.isoformat()
    rel = f"{EPISODES}/{date_text}"
    art = cover.embeddable(cover_path)
    long_date = f"{digest.date:%-d %B %Y}"

    (work / "sections").mkdir()
    clips = []
    for number, (section, samples) in enumerate(zip(digest.sections, programme.clips, strict=True), 1):
        name = f"sections/{number:02d}-{section.slug}.mp3"
        audio.export_mp3(samples, work / name, config.audio)
        seconds = _tag(work / name, f"{section.title} — {config.title}, {long_date}", config, date_text, art)
        clips.append(SectionClip(section.title, section.slug, f"{rel}/{name}", (work / name).stat().st_size, seconds))

    audio.export_mp3(programme.samples, work / "episode.mp3", config.audio)
    title = episode_title(script)
    seconds = _tag(work / "episode.mp3", title, config, date_text, art, programme.chapters)
    record = EpisodeRecord(
        date=date_text,
        title=title,
        description=f"{config.title} for {long_date}: "
        + "; ".join(story.headline for s in digest.sections for story in s.stories[:1]),
        guid=f"{slugify(config.title)}-{date_text}",
        audio_file=f"{rel}/episode.mp3",
        length=(work / "episode.mp3").stat().st_size,
        duration_s=seconds,
        chapters=programme.chapters,
        clips=tuple(clips),
        headlines=tuple((s.title, tuple(st.headline for st in s.stories)) for s in digest.sections),
    )
    (work / "script.json").write_text(json.dumps(script.to_dict(), indent=2, ensure_ascii=False) + "\n")
    (work / "script.txt").write_text(script.to_text())
    (work / "episode.json").write_text(json.dumps(record.to_dict(), indent=2, ensure_ascii=False) + "\n")
    return record


def _tag(
    path: Path, title: str, config: ShowConfig, date: str, art: bytes, chapters: tuple[Chapter, ...] = ()
) -> float:
    return tags.write_tags(
        path, title=title, show=config.title, artist=config.author, date=date,
        cover_jpeg=art, chapters=chapters,
    )


def _publish(work: Path, target: Path) -> None:
    """Move the new files into the episode folder, each by an atomic rename."""
    target.mkdir(parents=True, exist_ok=True)
    old_sections = target / "sections"
    if old_sections.exists():
        trash = target.parent / f".{target.name}-old-sections"
        shutil.rmtree(trash, ignore_errors=True)
        old_sections.rename(trash)
        (work / "sections").rename(old_sections)
        shutil.rmtree(trash, ignore_errors=True)
    else:
        (work / "sections").rename(old_sections)
    # episode.json last: a record only ever points at files already in place.
    for name in ("digest.txt", "episode.mp3", "script.json", "script.txt", "episode.json"):
        if (work / name).exists():
            (work / name).replace(target / name)


def ensure_cover(show: Show) -> Path:
    """The configured artwork, checked; or the generated cover, made once."""
    if show.config.artwork:
        path = show.root / show.config.artwork
        cover.check_artwork(path)
        return path
    path = show.root / cover.GENERATED_NAME
    if not path.exists():
        cover.generate_cover(path, show.config.title, "Your daily news briefing")
    return path


def load_records(show: Show) -> list[EpisodeRecord]:
    """Every built episode's record; a damaged one is an error, not silently skipped."""
    records = []
    for path in sorted((show.root / EPISODES).glob("*/episode.json")):
        try:
            records.append(EpisodeRecord.from_dict(json.loads(path.read_text())))
        except (OSError, ValueError, KeyError, TypeError) as exc:
            raise PublishError(f"{path}: damaged episode record: {exc}") from exc
    return records


def publish_feed(show: Show) -> Path:
    """Regenerate feed.xml from all episode records."""
    cover_path = ensure_cover(show)
    cover_url = show.config.url(cover_path.relative_to(show.root).as_posix())
    xml = feed.build_feed(show.config, load_records(show), cover_url)
    path = show.root / FEED_FILE
    feed.write_atomically(path, xml)
    return path


def list_voices(show: Show) -> list[tuple[str, str, str]]:
    """(id, name, languages) of every voice the show's engine offers."""
    engine = make_engine(load_voice(show.root, show.config.voice))
    return [(v.id, v.name, ",".join(v.languages)) for v in engine.voices()]


__all__ = ["Show", "build", "load_script", "parse_date", "publish_feed", "list_voices", "PodcastError"]
