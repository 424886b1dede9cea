"""The CLI reference (docs/cli.md), made from the commands' own help: `python -m tests.cli_reference` rewrites it.

tests/test_cli_reference.py checks that the file is what this makes, so the help and the docs never drift.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

from typer.main import get_command
from typer.testing import CliRunner

from podcast.cli import app

REFERENCE = Path(__file__).resolve().parent.parent / "docs" / "cli.md"
HEADER = """# `podcast` command reference

Made from each command's `--help` by `python -m tests.cli_reference`; a test checks it is current.
The README and the other pages of docs/ tell the story; this is every option.
"""


def help_text(*args: str) -> str:
    """`podcast ARGS --help` as a terminal 100 columns wide shows it."""
    with contextlib.chdir(REFERENCE.parent):
        result = CliRunner().invoke(app, [*args, "--help"], env={"COLUMNS": "100"}, prog_name="podcast")
    assert result.exit_code == 0, result.output
    return result.stdout.rstrip() + "\n"


def reference() -> str:
    """The whole reference: the top-level help, then each command's, in the order `podcast --help` lists them."""
    commands = list(get_command(app).commands)  # type: ignore[attr-defined]
    blocks = [HEADER, "## `podcast`\n\n```\n" + help_text() + "```\n"]
    blocks += [f"## `podcast {name}`\n\n```\n" + help_text(name) + "```\n" for name in commands]
    return "\n".join(blocks)


if __name__ == "__main__":
    os.environ.pop("PODCAST_SHOW", None)
    REFERENCE.write_text(reference())
    print(REFERENCE)
