"""The global options, --show, --quiet and --verbose, read on either side of the command; and build's exit statuses.

Kept apart from cli/ (typer's one home) because none of it needs typer: the
argument order is plain list work, and the selection is plain state.
"""

from __future__ import annotations

from collections.abc import Collection
from pathlib import Path

SHOW_HELP = "The show folder (default: the nearest folder at or above the current one that holds podcast.toml)."
QUIET_HELP = "Print only errors."
VERBOSE_HELP = "Also print what is done and why."
GLOBAL_FLAGS = ("--quiet", "-q", "--verbose", "-v")
GLOBAL_NOTE = "--show DIR, --quiet and --verbose work here too, as before the command (podcast --help)."


def globals_first(args: list[str], commands: Collection[str]) -> list[str]:
    """`podcast build DATE --show DIR -q` read as `podcast --show DIR -q build DATE`.

    Producers put --show, --quiet and --verbose on either side of the command: both
    mean the same, so the ones after it are moved before it, where they are parsed once.
    """
    at = 0
    while at < len(args) and args[at] not in commands:
        at += 2 if args[at] == "--show" else 1
    if at >= len(args):
        return args
    before, after, moved = args[:at + 1], [], []
    rest = iter(args[at + 1:])
    for arg in rest:
        if arg == "--":
            after += [arg, *rest]
        elif arg in GLOBAL_FLAGS or arg.startswith("--show="):
            moved.append(arg)
        elif arg == "--show":
            moved += [arg, next(rest, "")]
        else:
            after.append(arg)
    return [*before[:-1], *moved, before[-1], *after]


BUILT_NOT_IN_FEEDS = 3
"""Exit status of a build whose episode retention (keep_episodes, keep_days) keeps out of the feeds."""


class Selected:
    """The global options (given before or after the command), set by the top-level callback."""

    folder: Path | None = None
    """The show named by --show or $PODCAST_SHOW."""
    quiet: bool = False
    verbose: bool = False

    @classmethod
    def level(cls) -> int:
        """0 errors only (--quiet), 1 a short summary, 2 what is done and why (--verbose)."""
        return 0 if cls.quiet else 2 if cls.verbose else 1
