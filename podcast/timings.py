"""Where a build's time goes: named spans of wall time, summed per process, for bench/build.py's breakdown.

A stage or a step wraps itself in `span("name")`; a nested step names its parent
first ("render: inference"), so a table can show it under its parent. Worker
processes collect their own spans around a batch (`collected`) and hand them back
with its takes, and the build adds them (`add`): spans of work done on several
cores at once are summed, so a worker step's seconds are core-seconds. The build
writes what it collected to the file named by PODCAST_TIMINGS, when it is set;
otherwise nothing is written and a span costs two clock reads.
"""

from __future__ import annotations

import json
import os
import threading
import time
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import Final

from .errors import ConfigError

ENV: Final = "PODCAST_TIMINGS"
"""The file a build writes its spans to, as JSON ({"name": seconds}); unset, nothing is written."""

_lock = threading.Lock()
_spent: dict[str, float] = {}


@contextmanager
def span(name: str) -> Iterator[None]:
    """Add the block's wall time to `name`."""
    start = time.perf_counter()
    try:
        yield
    finally:
        add({name: time.perf_counter() - start})


def add(spent: Mapping[str, float]) -> None:
    """Add spans measured elsewhere (a worker's)."""
    with _lock:
        for name, seconds in spent.items():
            _spent[name] = _spent.get(name, 0.0) + seconds


@contextmanager
def collected() -> Iterator[dict[str, float]]:
    """The spans measured inside the block, kept apart from this process's (a worker's batch): the dict it
    yields is filled when the block ends."""
    global _spent
    with _lock:
        outer, _spent = _spent, {}
    found: dict[str, float] = {}
    try:
        yield found
    finally:
        with _lock:
            found.update(_spent)
            _spent = outer


def taken() -> dict[str, float]:
    """This process's spans so far, and a fresh start."""
    global _spent
    with _lock:
        spent, _spent = _spent, {}
    return spent


def check() -> None:
    """Refuse, in one line, a PODCAST_TIMINGS whose folder is missing or not writable."""
    target = os.environ.get(ENV)
    if target and not os.access(Path(target).resolve().parent, os.W_OK):
        raise ConfigError(target, f"cannot write the build's timings there ({ENV}): its folder is missing or "
                                  "not writable")


def write() -> None:
    """Write the spans to PODCAST_TIMINGS, when it is set."""
    target = os.environ.get(ENV)
    if target:
        try:
            Path(target).write_text(json.dumps(taken(), indent=1, sort_keys=True) + "\n", encoding="utf-8")
        except OSError as exc:
            raise ConfigError(target, f"cannot write the build's timings ({ENV}): {exc.strerror}") from None
