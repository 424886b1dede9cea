"""The README's Install steps, run as a new user runs them: a fresh clone, a clean shell, nothing else."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import REPO


def console_block(readme: str, heading: str, fence: str) -> str:
    """The first ```fence block under `heading`."""
    section = readme.split(f"\n{heading}\n", 1)[1]
    block = re.search(rf"```{fence}\n(.*?)```", section, re.S)
    assert block, heading
    return block.group(1)


def first_command(console: str) -> str:
    """The first `$ ` line of a console block with its continuation lines, without the prompt."""
    lines = console.splitlines()
    assert lines[0].startswith("$ ")
    command = [lines[0].removeprefix("$ ")]
    while command[-1].endswith("\\"):
        command.append(lines[len(command)])
    return "\n".join(command)


@pytest.mark.slow
def test_the_readme_install_steps_give_a_working_podcast_command(tmp_path: Path) -> None:
    clone = tmp_path / "podcast"  # the README's steps start in the parent of a clone named podcast
    subprocess.run(["git", "clone", "-q", str(REPO), str(clone)], check=True, timeout=120)
    readme = (clone / "README.md").read_text()
    install = console_block(readme, "## Install", "sh")
    # Then the first command of "Your own show", with its continuation line, exactly as written.
    own_show = first_command(console_block(readme, "## Your own show", "console"))
    assert own_show.startswith("podcast init ")

    home, bindir = tmp_path / "home", tmp_path / "bin"
    home.mkdir()
    # A clean shell: no profile, no venv, no PYTHONPATH. BINDIR stands in for /usr/local/bin (a test must not
    # write there) and is on the PATH where /usr/local/bin would be. DEPS_VENV (README, Install) reuses the
    # dependencies already installed for this test run instead of downloading them again.
    env = {"HOME": str(home), "PATH": f"{bindir}:/usr/sbin:/usr/bin:/sbin:/bin", "BINDIR": str(bindir),
           "DEPS_VENV": sys.prefix, "LANG": "C.UTF-8"}
    script = f"set -e\n{install}{own_show}\n"
    result = subprocess.run(["bash", "--noprofile", "--norc", "-c", script], cwd=tmp_path, env=env,
                            stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=900)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    assert re.search(r"^podcast \d+\.\d+\.\d+$", result.stdout, re.M), result.stdout

    linked = bindir / "podcast"
    assert linked.is_symlink() and linked.resolve() == (clone / ".venv" / "bin" / "podcast").resolve()
    source = subprocess.run([str(clone / ".venv" / "bin" / "python"), "-c", "import podcast; print(podcast.__file__)"],
                            env=env, cwd=home, capture_output=True, text=True, timeout=60)
    assert source.stdout.strip() == str(clone / "podcast" / "__init__.py")  # the clone's code, not another's
    settings = (home / "shows" / "harbor" / "podcast.toml").read_text()
    assert 'title = "Harbor Ledger"' in settings and 'timezone = "America/New_York"' in settings

    listed = subprocess.run(["bash", "--noprofile", "--norc", "-c", "cd ~/shows/harbor && podcast list --json"],
                            env=env, cwd=home, capture_output=True, text=True, timeout=60)
    assert listed.returncode == 0 and listed.stdout.strip() == "[]", listed.stderr
