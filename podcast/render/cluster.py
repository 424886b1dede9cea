"""Making parts on a Dask cluster (distributed): the only importer of distributed.

Each part is a pure function of its job, so the parts not already in the show's
cache are submitted as tasks, keyed by the part's content hash; each result (MP3
frames and timings) comes back here and is stored exactly as a local build stores
it. A worker keeps one engine per voice per process (the engines' registry does),
loaded on first use, never per part. A scheduler runs whatever it is sent: keep its
port on a private network, and use tls:// addresses with certificates elsewhere.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

from ..config import RenderSettings
from ..errors import PodcastError, RenderError, SchedulerUnreachable
from ..report import Reporter
from .make import PartJob, PartResult, Progress, Spans, encode_part, spoken_length, store

if TYPE_CHECKING:
    from . import Backend

CONNECT_TIMEOUT_S: Final = 10
RETRIES: Final = 2
"""A task that raised is tried again this often; a task whose worker died is re-run by the scheduler."""


Made = tuple[str, bytes, float, Spans]
"""What a worker sends back: the part's key, MP3 frames, duration and spans."""


def _worker_make(job: PartJob, files: dict[str, bytes]) -> Made:
    """Runs on a worker: the producer's jingle files travel with the job; sentence renders are cached per
    worker machine, shared by every show that uses the same voice."""
    from distributed import get_worker

    where = get_worker().address
    base = Path(tempfile.gettempdir()) / "podcast-worker"
    show_dir = base / "files" / job.key[:16]
    for name, data in files.items():
        target = show_dir / name
        if not target.exists():
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
    try:
        return (job.key, *encode_part(replace(job, show_dir=show_dir), base / "tts", show_dir))
    except PodcastError as error:
        raise RenderError(f"worker {where}: {error}") from None
    except Exception as error:  # a model file that loads badly there, an engine library missing there
        raise RenderError(f"worker {where}: {type(error).__name__}: {error}") from None


def security(settings: RenderSettings) -> Any:
    """TLS certificates for a tls:// scheduler."""
    if not settings.scheduler.startswith("tls://"):
        return None
    from distributed.security import Security

    return Security(tls_ca_file=settings.tls_ca or None, tls_client_cert=settings.tls_cert or None,
                    tls_client_key=settings.tls_key or None, require_encryption=True)


def make_on_cluster(jobs: list[PartJob], settings: RenderSettings, files: dict[str, bytes],
                    progress: Callable[[int, int], None] | None = None) -> list[Made]:
    """Every job made on the cluster at `settings.scheduler`, in the order given; the longest start first."""
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
        ordered = sorted(jobs, key=lambda j: -spoken_length(j))
        futures = {client.submit(_worker_make, job, files, key=f"podcast-part-{job.key}", retries=RETRIES,
                                 priority=len(ordered) - n, pure=True): job.key
                   for n, job in enumerate(ordered)}
        made: dict[str, Made] = {}
        for done, future in enumerate(as_completed(futures), 1):
            try:
                result = future.result()
            except PodcastError:
                raise
            except Exception as exc:  # a worker lost for good, or an error from distributed itself
                raise RenderError(f"cluster {settings.scheduler}: {type(exc).__name__}: {exc}") from None
            made[result[0]] = result
            if progress:
                progress(done, len(jobs))
        return [made[job.key] for job in jobs]
    finally:
        client.close()


class DaskCluster:
    """A Dask cluster: the second backend. When it cannot be reached, `fallback` (if any) makes the parts."""

    def __init__(self, settings: RenderSettings, report: Reporter, fallback: Backend | None = None) -> None:
        self.settings, self.report, self.fallback = settings, report, fallback

    def make(self, jobs: list[PartJob], progress: Progress | None = None) -> list[PartResult]:
        """Every job's part made on the cluster and stored in the show's cache as a local build stores it."""
        show_dir, audio = jobs[0].show_dir, jobs[0].settings
        files = {name: (show_dir / name).read_bytes() for name in audio.jingle_files().values() if name}
        self.report.detail(f"sending {len(jobs)} parts to {self.settings.scheduler}")
        try:
            made = make_on_cluster(jobs, self.settings, files, progress)
        except SchedulerUnreachable as error:
            if self.fallback is None:
                raise
            self.report.say(f"warning: {error}; making the parts on this machine (--fallback-local)")
            return self.fallback.make(jobs, progress)
        return [store(show_dir, *item) for item in made]
