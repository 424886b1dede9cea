"""Making sentences final on a Dask cluster (distributed): the only importer of distributed.

Each batch of sentences is a pure function of its job, so the batches whose takes
are not already in the show's cache are submitted as tasks. A worker renders each
sentence, hears it with its own copy of the recognizer, repairs it where it must,
and sends back every final take's audio and what was heard, which are stored here
exactly as a local build stores them; the parts are then mixed here, once. A worker
keeps one engine per voice and one recognizer per process, loaded on first use. A
scheduler runs whatever it is sent: keep its port on a private network, and use
tls:// addresses with certificates elsewhere.
"""

from __future__ import annotations

import dataclasses
import os
import tempfile
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

from ..config import RenderSettings
from ..errors import PodcastError, RenderError, SchedulerUnreachable
from ..proof.check import keep_hearing
from ..report import Reporter
from ..takes import CACHE_DIR, take_path
from .batch import TakeJob, Takes, in_cache, make_batch, spoken_words
from .make import Progress

if TYPE_CHECKING:
    from . import Backend

CONNECT_TIMEOUT_S: Final = 10
RETRIES: Final = 2
"""A task that raised is tried again this often; a task whose worker died is re-run by the scheduler."""

Sent = tuple[Takes, dict[str, bytes]]
"""What a worker sends back: the batch's final takes, and each take's audio by file name."""


def _worker_batch(job: TakeJob) -> Sent:
    """Runs on a worker: takes and hearings are cached per worker machine, shared by every show that uses the
    same voice."""
    from distributed import get_worker

    where = get_worker().address
    base = Path(tempfile.gettempdir()) / "podcast-worker"
    try:
        made = make_batch(dataclasses.replace(job, show_dir=base / "show"), base / "tts")
    except PodcastError as error:
        raise RenderError(f"worker {where}: {error}") from None
    except Exception as error:  # a model file that loads badly there, an engine library missing there
        raise RenderError(f"worker {where}: {type(error).__name__}: {error}") from None
    return made, {final.path.name: final.path.read_bytes() for final in made.finals}


def _keep(job: TakeJob, sent: Sent) -> Takes:
    """A batch made on the cluster, its takes stored in the show's cache under their own keys."""
    made, audio = sent
    cache_dir = job.show_dir / CACHE_DIR
    finals = []
    for final in made.finals:
        path = take_path(cache_dir, final.engine_key, final.spoken, final.recipe)
        if not path.exists():
            path.parent.mkdir(parents=True, exist_ok=True)
            partial = path.with_name(f".{path.name}.{os.getpid()}.part")
            partial.write_bytes(audio[final.path.name])
            os.replace(partial, path)
        checked = final.checked
        if checked is not None and job.listening is not None:  # heard there: a rebuild here need not hear it
            checked = dataclasses.replace(checked, sentence=dataclasses.replace(checked.sentence, audio=path))
            keep_hearing(job.show_dir, job.listening.language, path, checked.hearing)
        finals.append(dataclasses.replace(final, path=path, checked=checked))
    return Takes(tuple(finals), made.from_cache)


def security(settings: RenderSettings) -> Any:
    """TLS certificates for a tls:// scheduler."""
    if not settings.scheduler.startswith("tls://"):
        return None
    from distributed.security import Security

    return Security(tls_ca_file=settings.tls_ca or None, tls_client_cert=settings.tls_cert or None,
                    tls_client_key=settings.tls_key or None, require_encryption=True)


def make_on_cluster(jobs: list[TakeJob], settings: RenderSettings,
                    progress: Callable[[int, int], None] | None = None) -> list[Sent]:
    """Every batch made on the cluster at `settings.scheduler`, in the order given; the longest start first."""
    from distributed import Client, as_completed

    if settings.scheduler.startswith("tls://") and not (settings.tls_ca and settings.tls_cert and settings.tls_key):
        raise SchedulerUnreachable(f"scheduler {settings.scheduler}: a tls:// scheduler needs tls_ca, tls_cert and "
                                   "tls_key in [show.render]")
    try:
        client = Client(settings.scheduler, timeout=CONNECT_TIMEOUT_S, security=security(settings))
    except (OSError, TimeoutError, ValueError, TypeError) as exc:
        reason = str(exc).splitlines()[0][:160] if str(exc) else type(exc).__name__
        raise SchedulerUnreachable(f"scheduler {settings.scheduler}: cannot connect ({reason})") from None
    try:
        order = sorted(range(len(jobs)), key=lambda n: -spoken_words(jobs[n]))
        run = uuid.uuid4().hex[:12]
        futures = {client.submit(_worker_batch, jobs[n], key=f"podcast-sentences-{run}-{n}",
                                 priority=len(order) - rank, retries=RETRIES, pure=False): n
                   for rank, n in enumerate(order)}
        made: dict[int, Sent] = {}
        for done, future in enumerate(as_completed(futures), 1):
            try:
                made[futures[future]] = future.result()
            except PodcastError:
                raise
            except Exception as exc:  # a worker lost for good, or an error from distributed itself
                raise RenderError(f"cluster {settings.scheduler}: {type(exc).__name__}: {exc}") from None
            if progress:
                progress(done, len(jobs))
        return [made[n] for n in range(len(jobs))]
    finally:
        client.close()


class DaskCluster:
    """A Dask cluster: the second backend. When it cannot be reached, `fallback` (if any) makes the sentences."""

    def __init__(self, settings: RenderSettings, report: Reporter, fallback: Backend | None = None) -> None:
        self.settings, self.report, self.fallback = settings, report, fallback

    def takes(self, jobs: list[TakeJob], progress: Progress | None = None) -> list[Takes]:
        """Every batch made final on the cluster, its takes stored in the show's cache as a local build stores
        them; batches already in the cache are settled here."""
        todo = [n for n, job in enumerate(jobs) if not in_cache(job)]
        made: dict[int, Takes] = {}
        if todo:
            self.report.detail(f"sending {len(todo)} batches of sentences to {self.settings.scheduler}")
            try:
                sent = make_on_cluster([jobs[n] for n in todo], self.settings, progress)
            except SchedulerUnreachable as error:
                if self.fallback is None:
                    raise
                self.report.say(f"warning: {error}; making the sentences on this machine (--fallback-local)")
                return self.fallback.takes(jobs, progress)
            made = {n: _keep(jobs[n], item) for n, item in zip(todo, sent, strict=True)}
        return [made[n] if n in made else make_batch(job) for n, job in enumerate(jobs)]
