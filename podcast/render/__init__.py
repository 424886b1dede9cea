"""Where sentences are made final: the `Backend` seam, with this machine's pool and a Dask cluster behind it; and
the parts mixed from them, here.

A backend renders each batch of sentences not in the show's cache, hears it and
repairs it where it runs, and stores the final takes in the cache. Which one a build
uses is chosen once, from the show's [show.render] settings and the command line, and
the build never asks again. A new backend is one module here with a `takes` method,
and one line in `backend_for`. Parts are mixed on this machine, once every sentence
is final.
"""

from __future__ import annotations

import dataclasses
from typing import Protocol

from ..config import RenderSettings
from ..parts import MixedPart
from ..report import Reporter
from .batch import Take, TakeJob, Takes, Wanted, batches
from .make import PartJob, Progress, cached

__all__ = ["Backend", "MixedPart", "PartJob", "Take", "TakeJob", "Takes", "Wanted", "backend_for", "batches",
           "cached", "mix_parts"]


class Backend(Protocol):
    """Makes sentences final: each batch's takes rendered, heard and repaired, stored in the show's cache."""

    def takes(self, jobs: list[TakeJob], progress: Progress | None = None) -> list[Takes]:
        """Every batch's final takes, in the order given."""
        ...


def backend_for(settings: RenderSettings, report: Reporter, fallback_local: bool = False) -> Backend:
    """The backend the settings name: a scheduler address means the Dask cluster, else this machine."""
    from .local import LocalPool

    if not settings.scheduler:
        return LocalPool(settings.workers)
    from .cluster import DaskCluster

    return DaskCluster(settings, report, LocalPool(settings.workers) if fallback_local else None)


def mix_parts(jobs: list[PartJob], workers: int = 0, progress: Progress | None = None) -> list[MixedPart]:
    """Every job's part, from the cache where it can be; the rest mixed on this machine's cores."""
    from .local import LocalPool

    done: dict[str, MixedPart] = {}
    todo: dict[str, PartJob] = {}
    for job in jobs:
        hit = done.get(job.key) or (None if job.key in todo else cached(job))
        if hit is not None:
            done[job.key] = hit
        else:
            todo[job.key] = job
    if todo:
        done |= {result.key: result for result in LocalPool(workers).mix(list(todo.values()), progress)}
    return [dataclasses.replace(done[job.key], part=job.part) for job in jobs]  # the same sound, its own captions
