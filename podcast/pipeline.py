"""The stages, in order, in one place: digest -> script -> parts -> audio -> tags -> feed."""

from __future__ import annotations

import ctypes
import dataclasses
import datetime as dt
import hashlib
import json
import os
import re
import shutil
import signal
import sys
import tempfile
import urllib.parse
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from filelock import FileLock, Timeout

from .assemble import tags, transcript
from .config import RenderSettings, VoiceProfile, load_voice
from .digest import load_digest, slugify
from .engines import Voice, all_voices, make_engine
from .errors import ConfigError, DigestError, PodcastError, PublishError
from .layout import (
    EPISODES,
    FEED_FILE,
    LOCK_FILE,
    Identity,
    Show,
    build_inputs,
    key_of,
    load_identity,
    now,
    rebuild_reason,
    save_identity,
    up_to_date,
)
from .models import Chapter, EpisodeRecord, Script, SectionClip
from .parts import Part, part_key, plan_parts
from .publish import cover, episodes
from .publish import feeds as feed
from .publish import pages as page
from .render import cluster
from .render import make as produce
from .render.make import PartJob, PartResult
from .script import build_script
from .sound import mix as audio
from .speech import load_lexicon

__all__ = ["ConfigError", "EpisodeRecord", "build", "list_voices", "load_script", "publish_feed"]

LOCK_TIMEOUT_S: Final = 1800
PAGE_FILE: Final = "index.html"

def _stderr(message: str) -> None:
    print(message, file=sys.stderr)


@dataclass(frozen=True)
class Reporter:
    """Where a build's messages go, by verbosity: 0 errors only (--quiet), 1 a short summary, 2 what is
    rebuilt and why (--verbose). Errors are raised, never reported here."""

    level: int = 1
    out: Callable[[str], None] = _stderr

    def say(self, message: str) -> None:
        if self.level >= 1:
            self.out(message)

    def detail(self, message: str) -> None:
        if self.level >= 2:
            self.out(message)


def load_script(show: Show, date: dt.date, digest_file: Path | None, force: bool = False) -> Script:
    """Parse the day's digest (or `digest_file`) and build its spoken script."""
    source = digest_file if digest_file is not None else show.digest_path(date)
    if digest_file is None and not source.exists():
        raise DigestError(source, f"no digest for {date.isoformat()} (use --digest FILE)")
    digest = load_digest(source, force)
    if digest.date != date:
        if not force:
            raise DigestError(
                source, f"title date {digest.date.isoformat()} differs from {date.isoformat()} (--force builds anyway)"
            )
        digest = dataclasses.replace(digest, date=date)  # forced: it is DATE's episode, dated and said so
    return build_script(digest, show.config.title, load_lexicon(show.root), rundown=show.config.rundown,
                        date_order=show.config.numeric_date_order)


def episode_title(script: Script) -> str:
    """The day's lead story, dated: not the show's name, not a bare date."""
    lead = script.digest.sections[0].stories[0].headline or script.digest.sections[0].title
    return f"{lead} ({script.digest.date:%-d %b %Y})"


def build(
    show: Show,
    date: dt.date,
    digest_file: Path | None = None,
    *,
    force: bool = False,
    report: Reporter = Reporter(),
    lock_timeout_s: float = LOCK_TIMEOUT_S,
    scheduler: str | None = None,
    fallback_local: bool = False,
) -> EpisodeRecord | None:
    """Build and publish one episode, then regenerate the feed; None when it was already up to date."""
    source = digest_file if digest_file is not None else show.digest_path(date)
    script = load_script(show, date, digest_file, force)
    for warning in script.digest.warnings:
        report.say(f"warning: {warning}")
    names = {show.config.voice, show.config.anchor_voice or show.config.voice}
    sounds = tuple(sorted(load_lexicon(show.root).phonemes.items()))
    profiles = {name: dataclasses.replace(load_voice(show.root, name), phonemes=sounds) for name in names}
    engine_keys = {}
    for name, profile in profiles.items():
        engine = make_engine(profile)
        engine.start()  # a bad voice or a missing model fails here, before anything is written
        engine_keys[name] = engine.key
    lock = _lock(show, lock_timeout_s, report)
    try:
        _sweep(show)
        inputs = build_inputs(show, source, force)
        if up_to_date(show, date, key_of(inputs)):
            episodes.clear_failure(show, date)
            report.say(f"{EPISODES}/{date.isoformat()} is up to date")
            return None
        report.detail(f"building {EPISODES}/{date.isoformat()}: {rebuild_reason(show, date, inputs)}")
        try:
            render = show.config.render if scheduler is None else dataclasses.replace(show.config.render,
                                                                                       scheduler=scheduler)
            return _build_locked(show, script, profiles, engine_keys, digest_file, inputs, report, render,
                                 fallback_local)
        except PodcastError as error:  # `podcast list` shows it; the published episode, if any, is untouched
            episodes.note_failure(show, date, str(error))
            raise
    finally:
        lock.release()


def _lock(show: Show, timeout_s: float, report: Reporter) -> FileLock:
    """The show's lock, held: builds and removals of one show never interleave."""
    lock = FileLock(str(show.root / LOCK_FILE))
    try:
        lock.acquire(timeout=0)
    except Timeout:
        report.say(f"waiting for another build of this show to finish (up to {timeout_s:g} s)...")
        try:
            lock.acquire(timeout=timeout_s)
        except Timeout as exc:
            raise PublishError(
                f"{show.root / LOCK_FILE}: another build still holds the lock after {timeout_s:g} s"
            ) from exc
    return lock


def remove(show: Show, date: dt.date, purge: bool = False, report: Reporter = Reporter(),
           lock_timeout_s: float = LOCK_TIMEOUT_S) -> episodes.EpisodeState:
    """Take an episode out of the feeds and the page (each file replaced atomically); `purge` deletes its files."""
    lock = _lock(show, lock_timeout_s, report)
    try:
        state = episodes.unpublish(show, date, purge)
        publish_feed(show)
    finally:
        lock.release()
    report.say(f"removed {EPISODES}/{date.isoformat()} from the feeds" + (" and deleted its files" if purge else ""))
    return state


def _apply_retention(show: Show, report: Reporter) -> None:
    """keep_episodes / keep_days: older episodes leave the feeds (and, with prune_audio, lose their files)."""
    config = show.config
    if not (config.keep_episodes or config.keep_days):
        return
    today = now(config.tz).date()
    for date in episodes.expired(episodes.published_records(show), config.keep_episodes, config.keep_days, today):
        episodes.unpublish(show, dt.date.fromisoformat(date), config.prune_audio)
        report.say(f"expired {EPISODES}/{date} from the feeds" + (" and deleted its files" * config.prune_audio))


def _make_on_cluster(show: Show, missing: list[PartJob], render: RenderSettings, fallback_local: bool,
                     progress: produce.Progress, report: Reporter) -> None:
    """The parts not in the cache, made on the Dask cluster and stored here as a local build stores them."""
    audio_settings = show.config.audio
    files = {name: (show.root / name).read_bytes() for name in (audio_settings.intro_jingle, audio_settings.stinger,
                                                               audio_settings.outro_jingle, audio_settings.music_bed)
             if name}
    report.detail(f"sending {len(missing)} parts to {render.scheduler}")
    try:
        for made in cluster.make_on_cluster(missing, render, files, progress):
            produce.store(show.root, made)
    except cluster.SchedulerUnreachable as error:
        if not fallback_local:
            raise
        report.say(f"warning: {error}; making the parts on this machine (--fallback-local)")


def _build_locked(show: Show, script: Script, profiles: dict[str, VoiceProfile], engine_keys: dict[str, str],
                  digest_file: Path | None, inputs: dict[str, str], report: Reporter, render: RenderSettings,
                  fallback_local: bool) -> EpisodeRecord:
    config = show.config
    cover_path = ensure_cover(show)
    parts = plan_parts(script, config.audio, config.anchor_voice or config.voice, config.voice)
    fingerprints = audio.jingle_fingerprints(config.audio, show.root)
    jobs = [
        PartJob(part, part_key(part, engine_keys[part.voice], config.audio, fingerprints), profiles[part.voice],
                config.audio, show.root)
        for part in parts
    ]
    missing = [job for job in jobs if produce.cached(job) is None]
    report.detail(f"{len(jobs)} parts: {len(missing)} to make, {len(jobs) - len(missing)} from the cache")
    for job in missing:
        report.detail(f"  making {describe(job.part)}: not in the cache (new or changed text, voice or sound)")
    update, close = produce.progress_reporter("making parts")
    try:
        if render.scheduler and missing:
            _make_on_cluster(show, missing, render, fallback_local, update, report)
        results = produce.make_parts(jobs, progress=update)  # what the cluster made is in the cache now
    finally:
        close()

    (show.root / EPISODES).mkdir(exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=f".{script.digest.date.isoformat()}-", dir=show.root / EPISODES))
    os.chmod(work, 0o777 & ~_umask())  # mkdtemp makes it 0700: a web server running as another user got 403
    try:
        record = _write_episode(show, script, jobs, results, cover_path, work, inputs)
        if digest_file is not None:
            shutil.copyfile(digest_file, work / "digest.txt")
        _publish(work, show.episode_dir(script.digest.date), show.root)
    finally:
        shutil.rmtree(work, ignore_errors=True)  # after the swap it holds the previous folder
    _apply_retention(show, report)
    publish_feed(show)
    report.say(f"published {record.audio_file} ({record.duration_s / 60:.1f} min, {record.length} bytes)")
    return record


def describe(part: Part) -> str:
    """A part as a producer knows it: "story 'Markets Rally' (Top News)"."""
    first = part.lines[0].text if part.lines else ""
    label = f"{part.kind} {first[:50]!r}" if part.kind == "story" else part.kind
    return f"{label} ({part.section})" if part.section else label


@dataclass(frozen=True)
class Timeline:
    """When everything is heard, from the parts' real durations."""

    chapters: tuple[Chapter, ...]
    """The opening, then one chapter per story; a section's first story starts with the section's lead-in."""
    sentences: tuple[page.SpokenSentence, ...]
    """Every sentence as written, with when it is spoken: the page's live transcript."""
    cues: list[transcript.Cue]
    """Caption cues of at most two lines."""


def _timeline(jobs: list[PartJob], results: list[PartResult]) -> Timeline:
    starts, at = [], 0.0
    for result in results:
        starts.append(at)
        at += result.duration_s
    marks: list[tuple[str, float, str]] = []  # (title, start, section)
    pending_section: float | None = None
    for job, start in zip(jobs, starts, strict=True):
        part = job.part
        if part.kind == "intro":
            marks.append(("Headlines", 0.0, ""))
        elif part.kind == "section":
            pending_section = start
        elif part.kind == "story":
            title = part.lines[0].written or part.lines[0].text
            marks.append((title.rstrip("."), start if pending_section is None else pending_section,
                          part.section or ""))
            pending_section = None
    if marks:
        marks[0] = (marks[0][0], 0.0, marks[0][2])  # the first chapter always starts the episode
    chapters = tuple(
        Chapter(title, round(begin * 1000), round((marks[i + 1][1] if i + 1 < len(marks) else at) * 1000), section)
        for i, (title, begin, section) in enumerate(marks)
    )
    sentences, cues = [], []
    for job, result, start in zip(jobs, results, starts, strict=True):
        for number, (line, (a, b)) in enumerate(zip(job.part.lines, result.spans, strict=True)):
            text = line.written or line.text
            sentences.append(page.SpokenSentence(round(start + a, 3), round(start + b, 3), text, job.part.kind,
                                                 job.part.section or "", headline=job.part.kind == "story"
                                                 and number == 0, ends_paragraph=line.ends_paragraph))
            cues += transcript.caption_cues(start + a, start + b, text)
    return Timeline(chapters, tuple(sentences), cues)


def _write_episode(show: Show, script: Script, jobs: list[PartJob], results: list[PartResult], cover_path: Path,
                   work: Path, inputs: dict[str, str]) -> EpisodeRecord:
    config, digest = show.config, script.digest
    date_text = digest.date.isoformat()
    rel = f"{EPISODES}/{date_text}"
    art = cover.embeddable(cover_path)
    long_date = f"{digest.date:%-d %B %Y}"
    title = episode_title(script)
    timeline = _timeline(jobs, results)
    chapters, cues = timeline.chapters, timeline.cues

    (work / "sections").mkdir()
    clips = []
    for number, section in enumerate(digest.sections, 1):
        name = f"sections/{number:02d}-{section.slug}.mp3"
        members = [r.mp3 for j, r in zip(jobs, results, strict=True) if j.part.section == section.title]
        audio.join_mp3(members, work / name)
        seconds = tags.write_tags(work / name, title=f"{section.title} — {config.title}, {long_date}",
                                  show=config.title, artist=config.author, date=date_text, cover_jpeg=art,
                                  chapters=_clip_chapters(chapters, section.title,
                                                          sum(r.duration_s for r in results
                                                              if r.mp3 in members)))
        published = _versioned(work / name)
        clips.append(SectionClip(section.title, section.slug, f"{rel}/sections/{published.name}",
                                 published.stat().st_size, seconds))

    audio.join_mp3([r.mp3 for r in results], work / "episode.mp3")
    seconds = tags.write_tags(work / "episode.mp3", title=title, show=config.title, artist=config.author,
                              date=date_text, cover_jpeg=art, chapters=chapters)
    episode = _versioned(work / "episode.mp3")
    (work / "transcript.vtt").write_text(transcript.to_vtt(cues))
    (work / "transcript.srt").write_text(transcript.to_srt(cues))
    (work / "chapters.json").write_text(transcript.to_chapters_json(chapters, title))
    page_path = f"{rel}/{page.PAGE_FILE}"
    previous = _record(show.episode_dir(digest.date))
    record = EpisodeRecord(
        date=date_text,
        title=title,
        description=f"{config.title} for {long_date}: "
        + "; ".join(story.headline for s in digest.sections for story in s.stories[:1]),
        guid=previous.guid if previous else f"{show_identity(show).item_prefix}-{date_text}",
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
        page_file=page_path,
    )
    (work / page.PAGE_FILE).write_text(page.episode_page(
        config, record, timeline.sentences, cover_path.relative_to(show.root).as_posix()
        if cover_path.is_relative_to(show.root) else cover.GENERATED_NAME))
    (work / "script.json").write_text(json.dumps(script.to_dict(), indent=2, ensure_ascii=False) + "\n")
    (work / "script.txt").write_text(script.to_text())
    (work / "episode.json").write_text(json.dumps(record.to_dict(), indent=2, ensure_ascii=False) + "\n")
    return record


def _clip_chapters(chapters: tuple[Chapter, ...], section: str, clip_s: float) -> tuple[Chapter, ...]:
    """A section's story chapters, timed from the start of its clip."""
    own = [c for c in chapters if c.section == section]
    if not own:
        return ()
    offset, end = own[0].start_ms, round(clip_s * 1000)
    return tuple(Chapter(c.title, c.start_ms - offset, min(c.end_ms - offset, end), c.section) for c in own)


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _versioned(path: Path) -> Path:
    """A hard link named after the file's content: a published audio URL never changes content.

    `episode.mp3` stays the current version's plain name; the feed points at
    `episode-<hash>.mp3`, so players that cached byte ranges of an earlier build
    never get a mix of two files.
    """
    digest = hashlib.sha256(path.read_bytes()).hexdigest()[:10]
    versioned = path.with_name(f"{path.stem}-{digest}{path.suffix}")
    os.link(path, versioned)
    return versioned


def _record(folder: Path) -> EpisodeRecord | None:
    """The episode record published in `folder`, if any."""
    try:
        return EpisodeRecord.from_dict(json.loads((folder / "episode.json").read_text()))
    except (OSError, ValueError, KeyError, TypeError):
        return None


def _previous_audio(target: Path) -> set[str]:
    """The audio files the episode's current record publishes (kept one build longer)."""
    record = _record(target)
    return {record.audio_file, *(clip.file for clip in record.clips)} if record else set()


_LOCAL_HOSTS: Final = ("localhost", "127.0.0.1", "::1", "0.0.0.0", "")


def show_identity(show: Show) -> Identity:
    """The show's identity, fixed the first time it publishes.

    The channel guid is the Podcasting 2.0 UUIDv5 of the feed URL, or of the one a
    feed already published carries; a show still on a local address gets a random
    UUID, so that two shows never share one.
    """
    identity = load_identity(show)
    if identity is not None:
        return identity
    published = None
    try:
        published = re.search(rb"<podcast:guid>([0-9a-f-]{36})</podcast:guid>", (show.root / FEED_FILE).read_bytes())
    except OSError:
        pass
    feed_url = show.config.url(FEED_FILE)
    if published:
        guid = published.group(1).decode()
    elif (urllib.parse.urlsplit(feed_url).hostname or "") in _LOCAL_HOSTS:
        guid = str(uuid.uuid4())
    else:
        guid = feed.podcast_guid(feed_url)
    identity = Identity(guid, slugify(show.config.title))
    save_identity(show, identity)
    return identity


def _publish(work: Path, target: Path, root: Path) -> None:
    """Swap the finished episode folder in, in one atomic step.

    `work` is completed first with hard links to what must stay: the digest, any
    producer files, and the audio the current record publishes (apps may be
    mid-download; anything older goes). Then the two folders are exchanged with
    renameat2(RENAME_EXCHANGE): readers see the old folder or the new one, never
    a mix, whenever the process dies.
    """
    if not target.exists():
        _checkpoint("before-swap")
        work.rename(target)
        return
    keep = _previous_audio(target)
    for old in sorted(target.rglob("*")):
        new = work / old.relative_to(target)
        if old.is_dir() or new.exists() or old.name.startswith("."):
            continue  # markers (unpublished, failed) describe the old build, not this one
        if _VERSIONED.search(old.name) and old.relative_to(root).as_posix() not in keep:
            continue
        new.parent.mkdir(parents=True, exist_ok=True)
        os.link(old, new)
    _checkpoint("before-swap")
    _exchange(work, target)
    _checkpoint("after-swap")


def _exchange(a: Path, b: Path) -> None:
    """Atomically swap two directory entries (Linux renameat2 with RENAME_EXCHANGE)."""
    libc = ctypes.CDLL(None, use_errno=True)
    at_fdcwd, rename_exchange = -100, 2
    if libc.renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), rename_exchange) != 0:
        error = ctypes.get_errno()
        raise PublishError(f"{b}: cannot publish: {os.strerror(error)}")


def _checkpoint(name: str) -> None:
    """Test hook: PODCAST_KILL_AT=name kills this process here, to prove publishing is crash-safe."""
    if os.environ.get("PODCAST_KILL_AT") == name:
        os.kill(os.getpid(), signal.SIGKILL)


def _sweep(show: Show) -> None:
    """Remove what killed builds left behind; only called while holding the show's lock."""
    for leftover in (show.root / EPISODES).glob(".*"):
        if leftover.is_dir():
            shutil.rmtree(leftover, ignore_errors=True)
    for partial in [*show.root.glob(".*.part"), *(show.root / "feeds").glob(".*.part")]:
        partial.unlink(missing_ok=True)


_VERSIONED: Final = re.compile(r"-[0-9a-f]{10}\.mp3$")


def ensure_cover(show: Show) -> Path:
    """The configured artwork, checked; or the generated cover, made once."""
    if show.config.artwork:
        path = show.root / show.config.artwork
        cover.check_artwork(path)
        return path
    path = show.root / cover.GENERATED_NAME
    wanted = (show.config.title, show.config.cover_subtitle)
    if not path.exists() or cover.generated_for(path) != wanted:  # made again when the title or subtitle changes
        cover.generate_cover(path, *wanted)
    return path


def publish_feed(show: Show) -> Path:
    """Regenerate feed.xml, the section feeds and index.html from all episode records."""
    cover_path = ensure_cover(show)
    cover_rel = cover_path.relative_to(show.root).as_posix()
    records = episodes.published_records(show)
    feed_path = show.root / FEED_FILE
    feeds_dir = show.root / "feeds"
    guid = show_identity(show).podcast_guid
    sections = feed.section_feeds(show.config, records, show.config.url(cover_rel), guid)
    if sections:
        feeds_dir.mkdir(exist_ok=True)
    for relative, xml in sections.items():
        feed.write_atomically(show.root / relative, xml)
    _checkpoint("after-section-feeds")
    for stale in feeds_dir.glob("*.xml") if feeds_dir.exists() else ():
        if f"feeds/{stale.name}" not in sections:
            stale.unlink()
    feed.write_atomically(show.root / PAGE_FILE, page.render_page(show.config, records, cover_rel).encode())
    feed.write_atomically(feed_path, feed.build_feed(show.config, records, show.config.url(cover_rel), guid))
    return feed_path


def list_voices() -> list[tuple[str, Voice]]:
    """(engine, voice) for every voice of every installed engine."""
    return all_voices()
