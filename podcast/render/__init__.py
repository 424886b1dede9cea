"""Where parts are made: the `Backend` seam, with this machine's pool and a Dask cluster behind it.

A backend makes the parts that are not in the show's cache and stores them there; which
one a build uses is chosen once, from the show's [show.render] settings and the command
line, and the build never asks again. A new backend is one module here with a `make`
method, and one line in `backend_for`.
"""

from __future__ import annotations

from typing import Protocol

from ..config import RenderSettings
from ..report import Reporter
from .make import PartJob, PartResult, Progress, cached

__all__ = ["Backend", "PartJob", "PartResult", "backend_for", "cached", "in_this_process", "make_parts"]


class Backend(Protocol):
    """Makes parts: each job's part rendered, mixed, encoded and stored in the show's cache."""

    def make(self, jobs: list[PartJob], progress: Progress | None = None) -> list[PartResult]:
        """The parts of `jobs` (distinct, none in the cache), stored, in the order given."""
        ...


def backend_for(settings: RenderSettings, report: Reporter, fallback_local: bool = False) -> Backend:
    """The backend the settings name: a scheduler address means the Dask cluster, else this machine."""
    from .local import LocalPool

    if not settings.scheduler:
        return LocalPool()
    from .cluster import DaskCluster

    return DaskCluster(settings, report, LocalPool() if fallback_local else None)


def in_this_process() -> Backend:
    """This process alone: for a few parts whose sentences are (nearly all) in the cache already, where starting
    workers or a cluster round trip would cost more than the mixing itself."""
    from .local import LocalPool

    return LocalPool(workers=1)


def missing(jobs: list[PartJob]) -> tuple[dict[str, PartResult], list[PartJob]]:
    """(the parts already in the cache by key, the distinct jobs still to make)."""
    done: dict[str, PartResult] = {}
    todo: dict[str, PartJob] = {}
    for job in jobs:
        hit = done.get(job.key) or (None if job.key in todo else cached(job))
        if hit is not None:
            done[job.key] = hit
        else:
            todo[job.key] = job
    return done, list(todo.values())


def make_parts(jobs: list[PartJob], backend: Backend, progress: Progress | None = None) -> list[PartResult]:
    """Every job's part, from the cache where it can be; the rest made by `backend`."""
    done, todo = missing(jobs)
    if todo:
        done |= {result.key: result for result in backend.make(todo, progress)}
    return [done[job.key] for job in jobs]
