"""The build, as one list of stages in order: script -> sentences -> parts -> episode -> feeds.

One `Build` context is made once (the show, its settings, the language, the lexicon,
the date order, the started voices, the backend, where messages go) and handed to
every stage. Each stage takes the build and the record the stage before it returned,
and returns the record the next one takes; nothing is read back from disk that the
build already holds. `podcast proof --recheck` runs the same first stages, then its
own last one (rehear.py). Where sentences are made (render.Backend) and where files
go (publish.Destination) are chosen inside their stages: the build never asks which.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Final

from . import proof, publish, render, timings
from .assemble import headlines, write_episode, write_opus
from .config import ShowConfig, VoiceProfile
from .digest import counts, load_day_digest
from .engines import Voice, all_voices, built_engine, load_voice, started_engine
from .errors import PodcastError, RemotePublishError
from .inputs import build_inputs, is_current, key_of, rebuild_reason
from .langtag import same_language
from .language import Language, language_for
from .layout import EPISODES, Show
from .lexicon import Lexicon, load_lexicon
from .models import EpisodeRecord, Script
from .parts import MixedPart, Part, part_key, plan_parts
from .publish import episodes
from .publish.cover import embeddable
from .records import published_record
from .report import SUMMARY, Reporter
from .script import build_script
from .sound.mix import jingle_fingerprints
from .takes import AS_RENDERED, take_key
from .terminal import progress_reporter

__all__ = ["Build", "EpisodeRecord", "Reporter", "build", "list_voices", "load_script", "publish_feed", "publish_to",
           "remove", "run"]

LOCK_TIMEOUT_S: Final = 1800
TAKE_ID: Final = 16
"""Hex digits of a sentence's first-take key that name it in the episode record's `takes`."""
publish_feed = publish.publish_feed
publish_to = publish.publish_to


@dataclass(frozen=True)
class Build:
    """One build's context, resolved once and handed to every stage."""

    show: Show
    date: dt.date
    digest_file: Path | None
    """A digest given with --digest, else None (the show's own episodes/DATE/digest.txt)."""
    force: bool
    language: Language
    lexicon: Lexicon
    date_order: str
    report: Reporter
    profiles: dict[str, VoiceProfile] = field(default_factory=dict)
    """Each voice profile the script uses, its engine started, with the lexicon's phonemes."""
    backend: render.Backend | None = None
    previous: EpisodeRecord | None = None
    """The episode published for the date before this build, if any."""
    inputs: dict[str, str] = field(default_factory=dict)
    copies: Sequence[publish.Destination] = ()
    """Where the show folder is mirrored after the feed (build --publish)."""
    recheck: bool = False
    """Hear every sentence again, from no cache, repairing nothing (podcast proof --recheck)."""

    @property
    def config(self) -> ShowConfig:
        return self.show.config

    @property
    def digest(self) -> Path:
        return self.digest_file if self.digest_file is not None else self.show.digest_path(self.date)

    @classmethod
    def open(cls, show: Show, date: dt.date, digest_file: Path | None = None, *, force: bool = False,
             report: Reporter = SUMMARY, voices: bool = True, scheduler: str | None = None,
             fallback_local: bool = False) -> Build:
        """The build's context; with `voices`, each voice's engine started and the backend chosen (a bad voice or
        a missing model fails here, before anything is written)."""
        config = show.config
        language = language_for(config.language, show.root)
        lexicon = load_lexicon(show.root)
        date_order = config.date_order or language.numeric_date_order(config.language)
        build = cls(show, date, digest_file, force, language, lexicon, date_order, report)
        if not voices:
            return build
        names = {config.voice, config.anchor_voice or config.voice}
        sounds = tuple(sorted(lexicon.phonemes.items()))
        profiles = {name: dataclasses.replace(load_voice(show.root, name, config.language), phonemes=sounds)
                    for name in names}
        for profile in profiles.values():
            started_engine(profile)
        proof.ready(config, profiles)
        settings = config.render if scheduler is None else dataclasses.replace(config.render, scheduler=scheduler)
        return dataclasses.replace(build, profiles=profiles,
                                   backend=render.backend_for(settings, report, fallback_local))

    def roles(self) -> tuple[str, str]:
        """(the anchor's profile name, the reader's)."""
        return self.config.anchor_voice or self.config.voice, self.config.voice


@dataclass(frozen=True)
class Sentences:
    """The script cut into parts, and every sentence made final: its take chosen, heard, repaired."""

    script: Script
    parts: tuple[Part, ...]
    finals: dict[tuple[str, str], render.Take]
    """(engine key, spoken) -> the sentence's final take."""
    outcome: proof.Outcome | None
    skipped: str
    """Why the proof did not run ("" when it did)."""


@dataclass(frozen=True)
class Mixed:
    """The parts mixed from the final takes."""

    sentences: Sentences
    made: list[MixedPart]


@dataclass(frozen=True)
class Published:
    """The episode as it went out."""

    record: EpisodeRecord
    checked: proof.Proof
    cover: Path
    stories: str
    """"4 sections, 16 stories": what the digest held."""
    kept_out: str = ""
    """Why retention keeps it out of the feeds ("" when it is in them)."""


Stage = Callable[[Build, Any], Any]


def run(build: Build, stages: Sequence[Stage]) -> Any:
    """Each stage in turn, given what the one before returned."""
    record: Any = None
    for stage in stages:
        with timings.span(stage.__name__):
            record = stage(build, record)
    return record


def read_script(build: Build, _: None = None) -> Script:
    """The day's digest (or --digest) parsed and turned into the spoken script."""
    config = build.config
    digest = load_day_digest(build.digest, build.date, build.force, chosen=build.digest_file is not None,
                             style=config.digest)
    for warning in digest.warnings:
        build.report.say(f"warning: {warning}")
    return build_script(digest, config.title, build.lexicon, rundown=config.rundown, date_order=build.date_order,
                        language=build.language, datelines=config.read_datelines, credits=config.read_credits,
                        domain=config.domain)


def settle_sentences(build: Build, script: Script) -> Sentences:
    """Every sentence rendered, heard and repaired where it must be (by the backend), each take recorded in the
    previous record reused as it is."""
    config, previous = build.config, build.previous
    parts = plan_parts(script, config.audio, *build.roles())
    recorded = previous.takes if previous is not None else {}
    engines = [built_engine(build.profiles[part.voice]).key for part in parts]
    wanted = [render.Wanted(build.profiles[part.voice], line.spoken, line.written,
                            recorded.get(take_key(key, line.spoken)[:TAKE_ID], ""))
              for part, key in zip(parts, engines, strict=True) for line in part.sentences]
    skipped = proof.skipped(config.proof, list(build.profiles.values()), config.language)
    listening = None if skipped else proof.Listening(config.proof, config.language, build.lexicon, build.date_order)
    jobs = render.batches(wanted, listening, config.audio.render_timeout_s, build.show.root, build.recheck)
    if config.headlines_edition:  # its own few sentences, made with the rest rather than alone at the end
        anchor = build.profiles[build.roles()[0]]
        jobs += render.batches([render.Wanted(anchor, text, text) for text in headlines.own_sentences(build.language)],
                               None, config.audio.render_timeout_s, build.show.root)
    update, close = progress_reporter("making sentences")
    try:
        made = final_takes(build, jobs, update)
    finally:
        close()
    finals = {(final.engine_key, final.spoken): final for batch in made for final in batch.finals}
    outcome = None
    if listening is not None:
        heard = [(finals[(key, line.spoken)].checked, n) for n, (key, line) in enumerate(
            (key, line) for part, key in zip(parts, engines, strict=True) for line in part.sentences)]
        checked = tuple((c, n) for c, n in heard if c is not None)
        cached = sum(batch.from_cache for batch in made)
        outcome = proof.Outcome(tuple(c for c, _ in checked), cached, tuple(n for _, n in checked))
        heard_here = sum(1 for final in finals.values() if final.checked is not None) - cached
        build.report.detail(f"proof: {heard_here} sentences heard, {cached} from the cache")
    return Sentences(script, parts, finals, outcome, skipped)


def final_takes(build: Build, jobs: list[render.TakeJob],
          progress: Callable[[int, int], None] | None = None) -> list[render.Takes]:
    """The batches made final by the build's backend, the time their workers spent added to the build's."""
    assert build.backend is not None
    made = build.backend.takes(jobs, progress)
    for batch in made:
        timings.add(dict(batch.spent))
    return made


def mix_parts(build: Build, sentences: Sentences, parts: tuple[Part, ...] | None = None) -> Mixed:
    """The parts (the episode's, or `parts`) mixed from their final takes: each once, or from the cache. A
    sentence without a final take (the headlines edition's own few) is rendered first, as it is written. The
    episode's parts are Opus-encoded with their MP3 when the show publishes Opus."""
    config = build.config
    opus_kbps = config.opus_kbps if parts is None else 0
    parts = sentences.parts if parts is None else parts
    keys = [built_engine(build.profiles[part.voice]).key for part in parts]
    new = [render.Wanted(build.profiles[part.voice], line.spoken, line.written)
           for part, key in zip(parts, keys, strict=True) for line in part.sentences
           if (key, line.spoken) not in sentences.finals]
    finals = dict(sentences.finals)
    if new:
        batches = render.batches(new, None, config.audio.render_timeout_s, build.show.root)
        finals |= {(f.engine_key, f.spoken): f for batch in final_takes(build, batches) for f in batch.finals}
    fingerprints = jingle_fingerprints(config.audio, build.show.root)
    jobs = []
    for part, key in zip(parts, keys, strict=True):
        takes = [finals[(key, line.spoken)] for line in part.sentences]
        recipes = tuple(take.recipe for take in takes)
        jobs.append(render.PartJob(part, part_key(part, key, config.audio, fingerprints,
                                                  recipes if set(recipes) != {AS_RENDERED} else ()),
                                   tuple(take.path for take in takes), config.audio, build.show.root, opus_kbps))
    todo = {job.key: job for job in jobs if render.cached(job) is None}
    build.report.detail(f"{len(jobs)} parts: {len(todo)} to mix, {len(jobs) - len(todo)} from the cache")
    for job in todo.values():
        build.report.detail(f"  mixing {describe(job.part)}: not in the cache (new or changed text, take, voice "
                            "or sound)")
    update, close = progress_reporter("mixing parts")
    try:
        results = render.mix_parts(jobs, config.render.workers, update)
    finally:
        close()
    return Mixed(sentences, results)


def write_and_publish(build: Build, mixed: Mixed) -> Published:
    """The episode's files assembled in a staging folder, its proof written (strict mode stops here), the
    headlines edition beside it, then swapped into the show folder and its mirrors."""
    config, show, sentences = build.config, build.show, mixed.sentences
    script, made, previous = sentences.script, mixed.made, build.previous
    cover = publish.ensure_cover(show)
    with publish.staging(show, build.date) as work:
        with timings.span("write_and_publish: Opus"):
            opus = write_opus(config, made, work)
        with timings.span("write_and_publish: headlines edition"):
            edition = list(headlines.make(script, build.language, config.audio, *build.roles(),
                                          lambda parts: mix_parts(build, sentences, parts).made)
                           ) if config.headlines_edition else None
        guid = previous.guid if previous else f"{publish.show_identity(show).item_prefix}-{build.date.isoformat()}"
        art = embeddable(cover)
        with timings.span("write_and_publish: episode (MP3, clips, tags, pages)"):
            record, heard = write_episode(config, build.language, script, made, art, work, build.inputs, guid,
                                          build.digest_file, opus, taken(sentences))
        checked = proof.finish(config, build.date.isoformat(), sentences.outcome, sentences.skipped,
                               [(s.start_s, s.end_s) for s in heard.sentences], work, record.title,
                               record.audio_file, show.root, build.language.page,
                               script.guesses)  # strict: a flagged sentence stops here
        with timings.span("write_and_publish: headlines edition"):
            short = headlines.write(record, build.language, config.title, config.author, edition, work,
                                    f"{EPISODES}/{build.date.isoformat()}", art) if edition is not None else None
        with timings.span("write_and_publish: publish"):
            publish.publish_episode(show, work, record, heard.sentences, cover, previous, short, build.language,
                                    build.copies)
    return Published(record, checked, cover, counts(script.digest))


def publish_feeds(build: Build, published: Published) -> Published:
    """Retention applied, then the feeds and pages written (feed.xml last) and mirrored."""
    kept_out = publish.apply_retention(build.show, build.report, build.date)
    publish.publish_feed(build.show, build.copies, published.cover, build.language)
    return dataclasses.replace(published, kept_out=kept_out)


FIRST: Final[tuple[Stage, ...]] = (read_script, settle_sentences, mix_parts)
"""The stages every hearing of an episode runs: the build, and `podcast proof --recheck`."""
STAGES: Final[tuple[Stage, ...]] = (*FIRST, write_and_publish, publish_feeds)


def taken(sentences: Sentences) -> dict[str, str]:
    """The episode record's `takes`: each heard sentence's recipe, by its first take's key."""
    return {take_key(final.engine_key, final.spoken)[:TAKE_ID]: final.recipe
            for final in sentences.finals.values() if final.checked is not None}


def build(show: Show, date: dt.date, digest_file: Path | None = None, *, force: bool = False,
          report: Reporter = SUMMARY, lock_timeout_s: float = LOCK_TIMEOUT_S, scheduler: str | None = None,
          fallback_local: bool = False, publish_remote: bool = False) -> EpisodeRecord | None:
    """Build and publish one episode, then regenerate the feeds; None when it was already up to date.
    `publish_remote` then copies the show to [show.publish] to (also when the episode was up to date). Where
    the time went is written to the file PODCAST_TIMINGS names, when it is set (timings.py)."""
    timings.check()  # before anything is built: a bad PODCAST_TIMINGS must not fail a published build
    try:
        return _build(show, date, digest_file, force, report, lock_timeout_s, scheduler, fallback_local,
                      publish_remote)
    finally:
        timings.write()


def _build(show: Show, date: dt.date, digest_file: Path | None, force: bool, report: Reporter,
           lock_timeout_s: float, scheduler: str | None, fallback_local: bool,
           publish_remote: bool) -> EpisodeRecord | None:
    with timings.span("open (settings, voices, backend)"):
        context = Build.open(show, date, digest_file, force=force, report=report, scheduler=scheduler,
                             fallback_local=fallback_local)
    copies = publish.mirrors(show, report) if publish_remote else []
    with publish.holding(show, lock_timeout_s, report):
        publish.sweep(show)
        inputs = build_inputs(show, context.digest, force)
        previous = published_record(show, date)
        if is_current(show, previous, key_of(inputs)):
            episodes.clear_failure(show, date)
            report.say(f"{EPISODES}/{date.isoformat()} is up to date")
            for copy in copies:  # the remote copy may lag behind the show folder
                copy.catch_up()
            return None
        report.detail(f"building {EPISODES}/{date.isoformat()}: {rebuild_reason(previous, inputs)}")
        context = dataclasses.replace(context, previous=previous, inputs=inputs, copies=copies)
        try:
            done: Published = run(context, STAGES)
        except RemotePublishError:  # the episode is out in the show folder; only its copy lags
            raise
        except PodcastError as error:  # `podcast list` shows it; the published episode, if any, is untouched
            episodes.note_failure(show, date, str(error))
            raise
    for line in done.checked.dawn():  # before the outcome: cron's last line says what went out
        report.say(line)
    record = done.record
    summary = f"{record.audio_file} ({done.stories}, {record.duration_s / 60:.1f} min, {record.length} bytes)"
    if done.kept_out:  # an older date than the show keeps: not "published", and the exit status says so too
        report.outcome(f"built {summary}, not in the feeds: {done.kept_out}")
    else:
        report.say(f"published {summary}")
    return record


def load_script(show: Show, date: dt.date, digest_file: Path | None, force: bool = False,
                lexicon: Lexicon | None = None) -> Script:
    """Parse the day's digest (or `digest_file`) and build its spoken script (no voice is started)."""
    context = Build.open(show, date, digest_file, force=force, voices=False)
    return read_script(context if lexicon is None else dataclasses.replace(context, lexicon=lexicon))


def describe(part: Part) -> str:
    """A part as a producer knows it: "story 'Markets Rally' (Top News)"."""
    first = part.sentences[0].spoken if part.sentences else ""
    name = first if len(first) <= 60 else first[:60].rsplit(" ", 1)[0].rstrip(",;:") + "…"  # whole words
    label = f"{part.kind} {name!r}" if part.kind == "story" else part.kind
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
    return [(engine, voice) for engine, voice in rows if any(same_language(code, language) for code in voice.languages)]
