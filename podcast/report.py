"""Where a build's messages go, by verbosity: one small object every stage can be handed."""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass


def _stderr(message: str) -> None:
    print(message, file=sys.stderr)


@dataclass(frozen=True)
class Reporter:
    """Where a build's messages go, by verbosity: 0 errors only (--quiet), 1 a short summary, 2 what is
    rebuilt and why (--verbose). Errors are raised, never reported here."""

    level: int = 1
    out: Callable[[str], None] = _stderr

    def say(self, message: str) -> None:
        if self.level >= 1:
            self.out(message)

    def detail(self, message: str) -> None:
        if self.level >= 2:
            self.out(message)

    def outcome(self, message: str) -> None:
        """Printed even with --quiet: an outcome the exit status alone does not explain (cron mails output)."""
        self.out(message)


SUMMARY = Reporter()
"""The default: a short summary on stderr."""
