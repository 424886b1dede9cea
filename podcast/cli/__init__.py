"""The `podcast` command: parse arguments, call one pipeline function, print. One module per group of
commands; `app` is the entry point (pyproject's [project.scripts])."""

from __future__ import annotations

from . import episode, show  # noqa: F401  (registers the commands, in this order)
from .app import app

__all__ = ["app"]
