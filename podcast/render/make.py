"""Making each part's MP3: speech rendered, mixed, levelled and encoded, cached, across the cores.

Workers are started with `spawn`: forking a process after pyttsx3 is initialised
hangs the child inside eSpeak NG.
"""

from __future__ import annotations

import json
import multiprocessing
import os
import sys
from collections.abc import Callable
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final

from ..config import AudioSettings, VoiceProfile
from ..engines import Engine, make_engine
from ..errors import RenderError
from ..parts import Part
from ..sound import mix as audio
from . import sentences as render

PARTS_DIR: Final = Path(".cache") / "parts"
IN_PROCESS_LIMIT: Final = 1
"""So few parts to make are made here: starting workers would cost more than it saves."""


@dataclass(frozen=True)
class PartJob:
    part: Part
    key: str
    profile: VoiceProfile
    settings: AudioSettings
    show_dir: Path


@dataclass(frozen=True)
class PartResult:
    key: str
    mp3: Path
    duration_s: float
    spans: tuple[tuple[float, float], ...]
    """(start, end) of each line in seconds from the start of the part's decoded audio."""


def _paths(show_dir: Path, key: str) -> tuple[Path, Path]:
    folder = show_dir / PARTS_DIR / key[:2]
    return folder / f"{key}.mp3", folder / f"{key}.json"


def cached(job: PartJob) -> PartResult | None:
    """The part as made before, when both its audio and its timings are in the cache."""
    mp3, meta = _paths(job.show_dir, job.key)
    try:
        data = json.loads(meta.read_text())
        if mp3.stat().st_size != data["size"]:
            return None
        return PartResult(job.key, mp3, float(data["duration_s"]), tuple(tuple(s) for s in data["spans"]))
    except (OSError, ValueError, KeyError, TypeError):
        return None


_engines: dict[str, Engine] = {}


def _engine(profile: VoiceProfile) -> Engine:
    """One engine per voice per process, started once."""
    key = repr(profile)
    if key not in _engines:
        engine = make_engine(profile)
        engine.start()
        _engines[key] = engine
    return _engines[key]


@dataclass(frozen=True)
class MadePart:
    """A part's encoded audio and timings, before it is stored: what a cluster worker sends back."""

    key: str
    mp3: bytes
    duration_s: float
    spans: tuple[tuple[float, float], ...]


def encode_part(job: PartJob, sentence_cache: Path, show_dir: Path) -> MadePart:
    """Render the part's sentences (cached in `sentence_cache`), mix, level and encode it; a pure function of
    the job, so any machine with the voice makes the same bytes. `show_dir` holds the producer's jingles."""
    engine = _engine(job.profile)
    texts = [line.text for line in job.part.lines]
    wavs = render.render_all(engine, texts, sentence_cache, timeout_s=job.settings.render_timeout_s)
    speech = [audio.load_speech(wavs[text]) for text in texts]
    mixed = audio.mix_part(job.part, speech, job.settings, show_dir)
    data = audio.encode_mp3_bytes(mixed.samples, job.settings)
    spans = tuple((a + audio.ENCODER_DELAY_S, b + audio.ENCODER_DELAY_S) for a, b in mixed.spans)
    return MadePart(job.key, data, audio.mp3_duration(data), spans)


def store(show_dir: Path, made: MadePart) -> PartResult:
    """Put a made part in the show's cache (audio first, then the timings that vouch for it)."""
    mp3, meta = _paths(show_dir, made.key)
    mp3.parent.mkdir(parents=True, exist_ok=True)
    partial = mp3.with_name(f".{mp3.name}.{os.getpid()}.part")
    partial.write_bytes(made.mp3)
    os.replace(partial, mp3)
    meta_partial = meta.with_name(f".{meta.name}.{os.getpid()}.part")
    meta_partial.write_text(json.dumps({"size": len(made.mp3), "duration_s": made.duration_s,
                                        "spans": made.spans}))
    os.replace(meta_partial, meta)
    return PartResult(made.key, mp3, made.duration_s, made.spans)


def make_part(job: PartJob) -> PartResult:
    """Make the part here and store it in the show's cache."""
    return store(job.show_dir, encode_part(job, job.show_dir / render.CACHE_DIR, job.show_dir))


Progress = Callable[[int, int], None]


def render_sentence(profile: VoiceProfile, text: str, cache_dir: Path, timeout_s: float) -> None:
    """One sentence into the render cache, in a worker: the first phase of a cold build."""
    engine = _engine(profile)
    render.render_chunk(engine, text, render.cache_path(cache_dir, engine, text), timeout_s)


def _sentences_to_render(jobs: list[PartJob]) -> list[tuple[VoiceProfile, str, Path, float]]:
    """Every distinct sentence of these parts not yet in the render cache, longest first."""
    keys: dict[VoiceProfile, Engine] = {}
    seen, todo = set(), []
    for job in jobs:
        engine = keys.setdefault(job.profile, make_engine(job.profile))
        cache_dir = job.show_dir / render.CACHE_DIR
        for line in job.part.lines:
            path = render.cache_path(cache_dir, engine, line.text)
            if path in seen or path.exists():
                continue
            seen.add(path)
            todo.append((job.profile, line.text, cache_dir, job.settings.render_timeout_s))
    return sorted(todo, key=lambda item: -len(item[1]))


def make_parts(jobs: list[PartJob], workers: int | None = None, progress: Progress | None = None) -> list[PartResult]:
    """Every part's MP3, from the cache where it can be; the rest made across the cores.

    Two phases in one pool: first every sentence to render, longest first, so that
    both cores stay busy to the end whatever the length of the stories (a neural
    voice spends nearly all its time here); then each part is mixed, levelled and
    encoded from the rendered sentences.
    """
    results: dict[str, PartResult] = {}
    missing: dict[str, PartJob] = {}
    for job in jobs:
        hit = cached(job)
        if hit is not None:
            results[job.key] = hit
        else:
            missing[job.key] = job
    todo = list(missing.values())
    workers = workers or os.cpu_count() or 1
    if len(todo) <= IN_PROCESS_LIMIT or workers == 1:
        for done, job in enumerate(todo, 1):
            results[job.key] = make_part(job)
            if progress:
                progress(done, len(todo))
        return [results[job.key] for job in jobs]
    todo.sort(key=lambda j: -sum(len(line.text) for line in j.part.lines))
    sentences = _sentences_to_render(todo)
    total, done = len(sentences) + len(todo), 0
    # One BLAS thread per worker: the workers already fill the cores, and
    # oversubscribed BLAS threads made a cold build half again slower.
    for variable in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ.setdefault(variable, "1")
    context = multiprocessing.get_context("spawn")
    # A worker stuck where no signal reaches (inside the engine's C code) is killed when nothing
    # has finished for longer than every retry of one sentence could take.
    stall_s = todo[0].settings.render_timeout_s * (render.ATTEMPTS + 1) + 60
    pool = ProcessPoolExecutor(max_workers=min(workers, max(len(todo), len(sentences))), mp_context=context)
    try:
        for phase in ("sentences", "parts"):
            pending: set[Future[Any]] = (
                {pool.submit(render_sentence, *item) for item in sentences} if phase == "sentences"
                else {pool.submit(make_part, job) for job in todo})
            while pending:
                finished, pending = wait(pending, timeout=stall_s, return_when=FIRST_COMPLETED)
                if not finished:
                    raise RenderError(f"the speech engine made no progress for {stall_s:g} s; workers killed")
                for future in finished:
                    result = future.result()
                    if isinstance(result, PartResult):
                        results[result.key] = result
                    done += 1
                    if progress:
                        progress(done, total)
    except BrokenProcessPool as exc:
        raise RenderError("a worker process died while making the audio (out of memory?)") from exc
    finally:
        if len(results) < len(jobs):  # failed: stop the other workers now, not after their parts
            for process in list(getattr(pool, "_processes", {}).values()):
                process.kill()
        pool.shutdown(wait=True, cancel_futures=True)
    return [results[job.key] for job in jobs]


def progress_reporter(total_label: str) -> tuple[Progress, Callable[[], None]]:
    """A rich progress bar on a terminal, nothing otherwise (cron mails whatever is printed); (update, close)."""
    if not sys.stderr.isatty():
        return (lambda done, total: None), (lambda: None)
    from rich.progress import Progress as Bar

    bar = Bar(transient=True)
    task = bar.add_task(total_label, total=None)
    bar.start()

    def update(done: int, total: int) -> None:
        bar.update(task, completed=done, total=total)

    return update, bar.stop


def print_table(header: tuple[str, ...], rows: list[tuple[str, ...]]) -> None:
    """A table on the terminal (rich owns the terminal output)."""
    from rich.console import Console
    from rich.table import Table

    table = Table(*header)
    for row in rows:
        table.add_row(*row)
    Console().print(table)
