"""Global options on either side of the command, and `podcast init` run by a script rather than a person."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from podcast.options import globals_first

from .conftest import SHORT_DIGEST, write_digest


def run(cwd: Path, *args: str, stdin: int | None = subprocess.DEVNULL) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "podcast", *args], cwd=cwd, capture_output=True, text=True,
                          timeout=300, env=os.environ, stdin=stdin)


@pytest.mark.slow
@pytest.mark.parametrize("where", ["before", "after"])
def test_show_quiet_and_verbose_before_or_after_the_command(tone_show: Path, tmp_path: Path, where: str) -> None:
    write_digest(tone_show, "2026-02-03", SHORT_DIGEST)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()

    def podcast(command: list[str], *options: str) -> subprocess.CompletedProcess[str]:
        args = [*options, *command] if where == "before" else [*command, *options]
        return run(elsewhere, *args)

    verbose = podcast(["build", "2026-02-03"], "--show", str(tone_show), "--verbose")
    assert verbose.returncode == 0, verbose.stderr
    assert "building episodes/2026-02-03: not published yet" in verbose.stderr
    quiet = podcast(["build", "2026-02-03", "--force"], f"--show={tone_show}", "-q")
    assert quiet.returncode == 0 and quiet.stderr == ""
    listed = podcast(["list", "--json"], "--show", str(tone_show))
    assert [row["state"] for row in json.loads(listed.stdout)] == ["published"]
    removed = podcast(["remove", "2026-02-03"], "--show", str(tone_show), "--quiet")
    assert removed.returncode == 0 and removed.stderr == ""


def test_options_after_the_command_are_documented_in_its_help(tone_show: Path) -> None:
    help_text = run(tone_show, "build", "--help").stdout
    assert "--show DIR, --quiet and --verbose work here too" in help_text


@pytest.mark.parametrize(("args", "expected"), [
    (["build", "D", "--show", "S", "-q"], ["--show", "S", "-q", "build", "D"]),
    (["--show", "list", "build", "D"], ["--show", "list", "build", "D"]),  # a show folder named like a command
    (["script", "D", "--", "--show"], ["script", "D", "--", "--show"]),
    (["-v", "serve", "--port", "1", "--verbose"], ["-v", "--verbose", "serve", "--port", "1"]),
    (["--help"], ["--help"]),
])
def test_global_options_are_moved_before_the_command(args: list[str], expected: list[str]) -> None:
    assert globals_first(args, {"build", "list", "script", "serve"}) == expected


@pytest.mark.slow
def test_init_without_a_terminal_names_the_missing_flags_and_writes_nothing(tmp_path: Path) -> None:
    folder = tmp_path / "harbor"
    result = run(tmp_path, "init", str(folder), "--title", "Harbor Ledger")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert result.stderr.splitlines() == [
        f"podcast: error: {folder}: no terminal to ask on; give --author, --email and --base-url (nothing was "
        "written)"]
    assert not folder.exists()

    given = run(tmp_path, "init", str(folder), "--title", "Harbor Ledger", "--author", "Harbor Desk", "--email",
                "desk@harbor.example", "--base-url", "https://harbor.example/podcast/")
    assert given.returncode == 0, given.stderr
    settings = (folder / "podcast.toml").read_text()
    assert 'author = "Harbor Desk"' in settings and "Daily Buzz" not in settings
