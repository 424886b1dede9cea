"""The show's lock: builds and removals of one show never interleave (the only importer of filelock)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from filelock import FileLock, Timeout

from ..errors import PublishError
from ..layout import LOCK_FILE, Show
from ..report import Reporter


@contextmanager
def holding(show: Show, timeout_s: float, report: Reporter) -> Iterator[None]:
    """Hold the show's lock for the block, waiting up to `timeout_s` for another build to finish."""
    lock = FileLock(str(show.root / LOCK_FILE))
    try:
        lock.acquire(timeout=0)
    except Timeout:
        report.say(f"waiting for another build of this show to finish (up to {timeout_s:g} s)...")
        try:
            lock.acquire(timeout=timeout_s)
        except Timeout as exc:
            raise PublishError(
                f"{show.root / LOCK_FILE}: another build still holds the lock after {timeout_s:g} s"
            ) from exc
    try:
        yield
    finally:
        lock.release()
