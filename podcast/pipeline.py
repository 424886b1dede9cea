"""The build, as one list of stages in order: digest -> script -> parts -> audio -> episode -> publication.

Each stage lives in its own module or package; this is the one place that calls
them all. Where parts are made (render.Backend) and where files go
(publish.Destination) are chosen inside their stages: the build never asks which.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Final

from . import proof, publish, render
from .assemble import Made, headlines, start_opus, write_episode
from .config import VoiceProfile
from .digest import counts, load_day_digest
from .engines import Voice, all_voices, load_voice, started_engine
from .errors import PodcastError, RemotePublishError
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

__all__ = ["EpisodeRecord", "Reporter", "build", "list_voices", "load_script", "make_parts", "publish_feed",
           "publish_to", "remove", "start_voices"]

LOCK_TIMEOUT_S: Final = 1800
ON_CLUSTER: Final = "the sentences were made on the cluster; `podcast proof DATE --recheck` hears them here"
"""Hearing needs each sentence's audio, which a cluster build keeps on its workers: rendering it all again here
would undo the cluster."""
publish_feed = publish.publish_feed
publish_to = publish.publish_to


def load_script(show: Show, date: dt.date, digest_file: Path | None, force: bool = False,
                lexicon: Lexicon | None = None) -> Script:
    """Parse the day's digest (or `digest_file`) and build its spoken script."""
    source = digest_file if digest_file is not None else show.digest_path(date)
    digest = load_day_digest(source, date, force, chosen=digest_file is not None, style=show.config.digest)
    config, language = show.config, language_for(show.config.language, show.root)
    return build_script(digest, config.title, lexicon or load_lexicon(show.root), rundown=config.rundown,
                        date_order=config.date_order or language.numeric_date_order(config.language),
                        language=language, datelines=config.read_datelines, credits=config.read_credits)


def build(show: Show, date: dt.date, digest_file: Path | None = None, *, force: bool = False,
          report: Reporter = SUMMARY, lock_timeout_s: float = LOCK_TIMEOUT_S, scheduler: str | None = None,
          fallback_local: bool = False, publish_remote: bool = False) -> EpisodeRecord | None:
    """Build and publish one episode, then regenerate the feeds; None when it was already up to date.
    `publish_remote` then copies the show to [show.publish] to (also when the episode was up to date)."""
    config, language = show.config, language_for(show.config.language, show.root)
    copies = publish.mirrors(show, report) if publish_remote else []
    lexicon = load_lexicon(show.root)
    script = load_script(show, date, digest_file, force, lexicon)
    for warning in script.digest.warnings:
        report.say(f"warning: {warning}")
    profiles = start_voices(show, lexicon)  # a bad voice or a missing model fails here, before anything is written
    proof.ready(config, profiles)
    render_settings = config.render if scheduler is None else dataclasses.replace(config.render, scheduler=scheduler)
    backend = render.backend_for(render_settings, report, fallback_local)
    with publish.holding(show, lock_timeout_s, report):
        publish.sweep(show)
        inputs = build_inputs(show, digest_file if digest_file is not None else show.digest_path(date), force)
        previous = published_record(show, date)
        if is_current(show, previous, key_of(inputs)):
            episodes.clear_failure(show, date)
            report.say(f"{EPISODES}/{date.isoformat()} is up to date")
            for copy in copies:  # the remote copy may lag behind the show folder
                copy.catch_up()
            return None
        report.detail(f"building {EPISODES}/{date.isoformat()}: {rebuild_reason(previous, inputs)}")
        try:
            cover = publish.ensure_cover(show)
            made = make_parts(show, script, profiles, backend, report)
            date_order = config.date_order or language.numeric_date_order(config.language)
            outcome, skipped = (None, ON_CLUSTER) if render_settings.scheduler else proof.hear(
                config, language, lexicon, date_order, made, profiles, show.root, report.detail)
            if outcome is not None and outcome.remix:  # a repaired sentence: its part is made again
                made = make_parts(show, script, profiles, backend, report)
            with publish.staging(show, date) as work, ThreadPoolExecutor(max_workers=1) as pool:
                opus = start_opus(config, made, work, pool)  # encoded meanwhile, on the other core
                # On a cluster the edition's parts go there too (this machine renders nothing); here they are
                # made in this process: all but two sentences are cached, and starting workers costs more.
                edition = _make_edition(show, script, profiles, backend if render_settings.scheduler
                                        else render.in_this_process()) if config.headlines_edition else None
                guid = previous.guid if previous else f"{publish.show_identity(show).item_prefix}-{date.isoformat()}"
                art = embeddable(cover)
                record, heard = write_episode(config, language, script, made, art, work, inputs, guid, digest_file,
                                              opus)
                checked = proof.finish(config, date.isoformat(), outcome, skipped,
                                       [(s.start_s, s.end_s) for s in heard.sentences], work, record.title,
                                       record.audio_file, show.root)  # strict: a flagged sentence stops here
                if edition is not None:
                    headlines.write(record, language, config.title, config.author, edition, work,
                                    f"{EPISODES}/{date.isoformat()}", art)
                publish.publish_episode(show, work, record, heard.sentences, cover, previous, copies)
            kept_out = publish.apply_retention(show, report, date)
            publish.publish_feed(show, copies)
        except RemotePublishError:  # the episode is out in the show folder; only its copy lags
            raise
        except PodcastError as error:  # `podcast list` shows it; the published episode, if any, is untouched
            episodes.note_failure(show, date, str(error))
            raise
    report.say(checked.summary())  # before the outcome: cron's last line says what went out
    summary = (f"{record.audio_file} ({counts(script.digest)}, {record.duration_s / 60:.1f} min, "
               f"{record.length} bytes)")
    if kept_out:  # an older date than the show keeps: not "published", and the exit status says so too
        report.outcome(f"built {summary}, not in the feeds: {kept_out}")
    else:
        report.say(f"published {summary}")
    return record


def start_voices(show: Show, lexicon: Lexicon) -> dict[str, VoiceProfile]:
    """The reader's and the anchor's profiles, with the lexicon's phonemes, each engine started once."""
    names = {show.config.voice, show.config.anchor_voice or show.config.voice}
    sounds = tuple(sorted(lexicon.phonemes.items()))
    profiles = {name: dataclasses.replace(load_voice(show.root, name, show.config.language), phonemes=sounds)
                for name in names}
    for profile in profiles.values():
        started_engine(profile)
    return profiles


def make_parts(show: Show, script: Script, profiles: dict[str, VoiceProfile], backend: render.Backend,
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


def _make_edition(show: Show, script: Script, profiles: dict[str, VoiceProfile], backend: render.Backend) -> list[Made]:
    """The headlines edition's parts, from the cache where they can be, the rest made by `backend`."""
    config = show.config
    fingerprints = jingle_fingerprints(config.audio, show.root)
    keys = {name: started_engine(profile).key for name, profile in profiles.items()}

    def make(parts: tuple[Part, ...]) -> list[Made]:
        jobs = [render.PartJob(part, part_key(part, keys[part.voice], config.audio, fingerprints),
                               profiles[part.voice], config.audio, show.root) for part in parts]
        results = render.make_parts(jobs, backend)
        return [Made(job.part, r.mp3, r.duration_s, r.spans) for job, r in zip(jobs, results, strict=True)]

    return list(headlines.make(script, language_for(config.language, show.root), config.audio,
                               config.anchor_voice or config.voice, config.voice, make))


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
