"""This machine's cores: the first backend for sentences, and where every part is mixed.

Workers are started with `spawn`: forking a process after pyttsx3 is initialised
hangs the child inside eSpeak NG.
"""

from __future__ import annotations

import dataclasses
import multiprocessing
import os
from collections.abc import Callable, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from typing import Any, Final, TypeVar

from ..errors import RenderError
from ..parts import MixedPart
from ..takes import ATTEMPTS
from .batch import TakeJob, Takes, in_cache, make_batch, spoken_words
from .make import PartJob, Progress, make_part, spoken_length

STALL_S: Final = 60
"""Beyond every retry of one sentence: a worker silent for longer is stuck where no signal reaches."""

Job = TypeVar("Job")
Result = TypeVar("Result")


def _run(work: Callable[[Job], Result], jobs: Sequence[Job], workers: int, timeout_s: float,
         progress: Progress | None) -> list[Result]:
    """`work` over `jobs` (the longest first) in a pool of `workers` processes, results in the order given."""
    results: dict[int, Result] = {}
    # One BLAS thread per worker: the workers already fill the cores, and
    # oversubscribed BLAS threads made a cold build half again slower.
    for variable in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ.setdefault(variable, "1")
    stall_s = timeout_s * (ATTEMPTS + 1) + STALL_S
    pool = ProcessPoolExecutor(max_workers=min(workers, len(jobs)), mp_context=multiprocessing.get_context("spawn"))
    try:
        pending: dict[Future[Any], int] = {pool.submit(work, jobs[n]): n for n in range(len(jobs))}
        while pending:
            finished, _ = wait(pending, timeout=stall_s, return_when=FIRST_COMPLETED)
            if not finished:
                raise RenderError(f"the speech engine made no progress for {stall_s:g} s; workers killed")
            for future in finished:
                results[pending.pop(future)] = future.result()
                if progress:
                    progress(len(results), len(jobs))
    except BrokenProcessPool as exc:
        raise RenderError("a worker process died while making the audio (out of memory?)") from exc
    finally:
        if len(results) < len(jobs):  # failed: stop the other workers now, not after their jobs
            for process in list(getattr(pool, "_processes", {}).values()):
                process.kill()
        pool.shutdown(wait=True, cancel_futures=True)
    return [results[n] for n in range(len(jobs))]


class LocalPool:
    """This machine's cores: a pool of worker processes, or this process for what is already in the cache."""

    def __init__(self, workers: int = 0) -> None:
        self.workers = workers or os.cpu_count() or 1

    def takes(self, jobs: list[TakeJob], progress: Progress | None = None) -> list[Takes]:
        """Every batch's sentences made final, in the order given. A batch whose takes are all in the cache is
        settled here (a hash per sentence when its hearings are cached too); the rest go to the workers, the
        longest first, each worker rendering, hearing and repairing its own batches."""
        todo = sorted((n for n, job in enumerate(jobs) if not in_cache(job)),
                      key=lambda n: -spoken_words(jobs[n]))
        made: dict[int, Takes] = {}
        if self.workers > 1 and len(todo) > 1:
            threads = [job if job.listening is None else _one_thread(job) for job in (jobs[n] for n in todo)]
            made |= dict(zip(todo, _run(make_batch, threads, self.workers, jobs[0].timeout_s, progress),
                             strict=True))
        for n, job in enumerate(jobs):
            if n not in made:
                made[n] = make_batch(job)
        return [made[n] for n in range(len(jobs))]

    def mix(self, jobs: list[PartJob], progress: Progress | None = None) -> list[MixedPart]:
        """Every part mixed and stored in the show's cache, in the order given."""
        if self.workers == 1 or len(jobs) <= 1:
            return [make_part(job) for job in jobs]
        order = sorted(range(len(jobs)), key=lambda n: -spoken_length(jobs[n]))
        results = _run(make_part, [jobs[n] for n in order], self.workers, jobs[0].settings.render_timeout_s,
                       progress)
        by_index = dict(zip(order, results, strict=True))
        return [by_index[n] for n in range(len(jobs))]


def _one_thread(job: TakeJob) -> TakeJob:
    """The batch heard with one recognizer thread: the pool's workers already fill the cores."""
    assert job.listening is not None
    return dataclasses.replace(job, listening=dataclasses.replace(job.listening, threads=1))
