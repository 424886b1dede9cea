"""The build, as one list of stages in order: digest -> script -> parts -> audio -> episode -> publication.

Each stage lives in its own module or package; this is the one place that calls
them all. Where parts are made (render.Backend) and where files go
(publish.Destination) are chosen inside their stages: the build never asks which.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path
from typing import Final

from . import publish, render
from .assemble import Made, write_episode
from .config import VoiceProfile
from .digest import load_digest
from .engines import Voice, all_voices, load_voice, started_engine
from .errors import DigestError, PodcastError
from .language import language_for
from .layout import EPISODES, Show, build_inputs, is_current, key_of, published_record, rebuild_reason
from .models import EpisodeRecord, Script
from .parts import Part, part_key, plan_parts
from .publish import episodes
from .publish.cover import embeddable
from .report import SUMMARY, Reporter
from .script import build_script
from .sound.mix import jingle_fingerprints
from .speech import Lexicon, load_lexicon
from .terminal import progress_reporter

__all__ = ["EpisodeRecord", "Reporter", "build", "list_voices", "load_script", "publish_feed", "remove"]

LOCK_TIMEOUT_S: Final = 1800
publish_feed = publish.publish_feed


def load_script(show: Show, date: dt.date, digest_file: Path | None, force: bool = False,
                lexicon: Lexicon | None = None) -> Script:
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
    config, language = show.config, language_for(show.config.language, show.root)
    return build_script(digest, config.title, lexicon or load_lexicon(show.root), rundown=config.rundown,
                        date_order=config.date_order or language.numeric_date_order(config.language),
                        language=language)


def build(show: Show, date: dt.date, digest_file: Path | None = None, *, force: bool = False,
          report: Reporter = SUMMARY, lock_timeout_s: float = LOCK_TIMEOUT_S, scheduler: str | None = None,
          fallback_local: bool = False) -> EpisodeRecord | None:
    """Build and publish one episode, then regenerate the feeds; None when it was already up to date."""
    config = show.config
    lexicon = load_lexicon(show.root)
    script = load_script(show, date, digest_file, force, lexicon)
    for warning in script.digest.warnings:
        report.say(f"warning: {warning}")
    profiles = _voices(show, lexicon)  # a bad voice or a missing model fails here, before anything is written
    render_settings = config.render if scheduler is None else dataclasses.replace(config.render, scheduler=scheduler)
    backend = render.backend_for(render_settings, report, fallback_local)
    with publish.holding(show, lock_timeout_s, report):
        publish.sweep(show)
        inputs = build_inputs(show, digest_file if digest_file is not None else show.digest_path(date), force)
        previous = published_record(show, date)
        if is_current(show, previous, key_of(inputs)):
            episodes.clear_failure(show, date)
            report.say(f"{EPISODES}/{date.isoformat()} is up to date")
            return None
        report.detail(f"building {EPISODES}/{date.isoformat()}: {rebuild_reason(previous, inputs)}")
        try:
            cover = publish.ensure_cover(show)
            made = _make_parts(show, script, profiles, backend, report)
            with publish.staging(show, date) as work:
                guid = previous.guid if previous else f"{publish.show_identity(show).item_prefix}-{date.isoformat()}"
                record, heard = write_episode(config, language_for(config.language, show.root), script, made,
                                              embeddable(cover), work, inputs, guid, digest_file)
                publish.publish_episode(show, work, record, heard.sentences, cover, previous)
            publish.apply_retention(show, report)
            publish.publish_feed(show)
        except PodcastError as error:  # `podcast list` shows it; the published episode, if any, is untouched
            episodes.note_failure(show, date, str(error))
            raise
    report.say(f"published {record.audio_file} ({record.duration_s / 60:.1f} min, {record.length} bytes)")
    return record


def _voices(show: Show, lexicon: Lexicon) -> dict[str, VoiceProfile]:
    """The reader's and the anchor's profiles, with the lexicon's phonemes, each engine started once."""
    names = {show.config.voice, show.config.anchor_voice or show.config.voice}
    sounds = tuple(sorted(lexicon.phonemes.items()))
    profiles = {name: dataclasses.replace(load_voice(show.root, name, show.config.language), phonemes=sounds)
                for name in names}
    for profile in profiles.values():
        started_engine(profile)
    return profiles


def _make_parts(show: Show, script: Script, profiles: dict[str, VoiceProfile], backend: render.Backend,
                report: Reporter) -> list[Made]:
    """The script cut into parts, each from the cache or made by the backend."""
    config = show.config
    parts = plan_parts(script, config.audio, config.anchor_voice or config.voice, config.voice)
    fingerprints = jingle_fingerprints(config.audio, show.root)
    keys = {name: started_engine(profile).key for name, profile in profiles.items()}
    jobs = [render.PartJob(part, part_key(part, keys[part.voice], config.audio, fingerprints), profiles[part.voice],
                           config.audio, show.root) for part in parts]
    done, todo = render.missing(jobs)
    report.detail(f"{len(jobs)} parts: {len(jobs) - len(done)} to make, {len(done)} from the cache")
    for job in todo:
        report.detail(f"  making {describe(job.part)}: not in the cache (new or changed text, voice or sound)")
    if todo:
        update, close = progress_reporter("making parts")
        try:
            done |= {result.key: result for result in backend.make(todo, update)}
        finally:
            close()
    return [Made(job.part, done[job.key].mp3, done[job.key].duration_s, done[job.key].spans) for job in jobs]


def describe(part: Part) -> str:
    """A part as a producer knows it: "story 'Markets Rally' (Top News)"."""
    first = part.lines[0].spoken if part.lines else ""
    label = f"{part.kind} {first[:50]!r}" if part.kind == "story" else part.kind
    return f"{label} ({part.section})" if part.section else label


def remove(show: Show, date: dt.date, purge: bool = False, report: Reporter = SUMMARY,
           lock_timeout_s: float = LOCK_TIMEOUT_S) -> episodes.EpisodeState:
    """Take an episode out of the feeds and the page; `purge` deletes its files."""
    return publish.remove(show, date, purge, report, lock_timeout_s)


def list_voices(language: str = "") -> list[tuple[str, Voice]]:
    """(engine, voice) for every voice of every installed engine; with a show language, only the voices that speak
    it ("es"; "fr" matches Kokoro's "fr-fr"; "en" also "en-us" and "en-gb")."""
    rows = all_voices()
    if not language:
        return rows
    wanted = language.lower().split("-")[0]
    return [(engine, voice) for engine, voice in rows
            if any(code.lower().replace("_", "-").split("-")[0] == wanted for code in voice.languages)]
