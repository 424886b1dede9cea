"""Making parts on this machine, across its cores: the first backend.

Workers are started with `spawn`: forking a process after pyttsx3 is initialised
hangs the child inside eSpeak NG.
"""

from __future__ import annotations

import multiprocessing
import os
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import Any, Final

from ..config import VoiceProfile
from ..engines import built_engine, started_engine
from ..errors import RenderError
from .make import PartJob, PartResult, Progress, make_part, spoken_length
from .sentences import ATTEMPTS, CACHE_DIR, cache_path, render_sentence

IN_PROCESS_LIMIT: Final = 1
"""So few parts to make are made here: starting workers would cost more than it saves."""


def _render_in_worker(profile: VoiceProfile, text: str, cache_dir: Path, timeout_s: float) -> None:
    """One sentence into the render cache, in a worker: the first phase of a cold build."""
    engine = started_engine(profile)
    render_sentence(engine, text, cache_path(cache_dir, engine, text), timeout_s)


def _sentences_to_render(jobs: list[PartJob]) -> list[tuple[VoiceProfile, str, Path, float]]:
    """Every distinct sentence of these parts not yet in the render cache, longest first."""
    seen, todo = set(), []
    for job in jobs:
        engine = built_engine(job.profile)
        cache_dir = job.show_dir / CACHE_DIR
        for line in job.part.lines:
            path = cache_path(cache_dir, engine, line.spoken)
            if path in seen or path.exists():
                continue
            seen.add(path)
            todo.append((job.profile, line.spoken, cache_dir, job.settings.render_timeout_s))
    return sorted(todo, key=lambda item: -len(item[1]))


class LocalPool:
    """This machine's cores: a pool of worker processes, or this process for a part or two."""

    def __init__(self, workers: int | None = None) -> None:
        self.workers = workers or os.cpu_count() or 1

    def make(self, jobs: list[PartJob], progress: Progress | None = None) -> list[PartResult]:
        """Every job's part, made and stored in the show's cache, in the order given.

        Two phases in one pool: first every sentence to render, longest first, so that
        both cores stay busy to the end whatever the length of the stories (a neural
        voice spends nearly all its time here); then each part is mixed, levelled and
        encoded from the rendered sentences.
        """
        results: dict[str, PartResult] = {}
        if len(jobs) <= IN_PROCESS_LIMIT or self.workers == 1:
            for done, job in enumerate(jobs, 1):
                results[job.key] = make_part(job)
                if progress:
                    progress(done, len(jobs))
            return [results[job.key] for job in jobs]
        todo = sorted(jobs, key=lambda j: -spoken_length(j))
        sentences = _sentences_to_render(todo)
        total, done = len(sentences) + len(todo), 0
        # One BLAS thread per worker: the workers already fill the cores, and
        # oversubscribed BLAS threads made a cold build half again slower.
        for variable in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
            os.environ.setdefault(variable, "1")
        context = multiprocessing.get_context("spawn")
        # A worker stuck where no signal reaches (inside the engine's C code) is killed when nothing
        # has finished for longer than every retry of one sentence could take.
        stall_s = todo[0].settings.render_timeout_s * (ATTEMPTS + 1) + 60
        pool = ProcessPoolExecutor(max_workers=min(self.workers, max(len(todo), len(sentences))), mp_context=context)
        try:
            for phase in ("sentences", "parts"):
                pending: set[Future[Any]] = (
                    {pool.submit(_render_in_worker, *item) for item in sentences} if phase == "sentences"
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
