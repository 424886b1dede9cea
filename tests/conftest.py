"""Shared fixtures: the sample digest, throwaway show folders, the fast tone engine."""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Final

import pytest
from typer.testing import CliRunner

from podcast.cli import app
from podcast.engines.tone import ToneEngine
from podcast.layout import VERSIONED_AUDIO

REPO = Path(__file__).resolve().parent.parent
os.environ["PYTHONPATH"] = os.pathsep.join(filter(None, (str(REPO), os.environ.get("PYTHONPATH"))))
"""Every `podcast` process a test starts can load the test engines (tests/doubles.py) a voice profile names."""
VERSIONED = VERSIONED_AUDIO
"""Published audio carries its content hash; the plain names are the current version's local copies."""
SAMPLE_DIGEST = REPO / "episodes" / "2026-02-02" / "digest.txt"

SHORT_DIGEST = """Daily Buzz: 3 February 2026
Top News
Markets Rally on Rate Hopes
Stocks rose 2.5% on Tuesday as investors bet the Fed would cut rates by 25 bp in March.
Economy & Markets
China's Exports Beat Forecasts?
Exports grew 7.1% in January, to US$310 billion, the customs agency said.
Analysts had expected growth of about 5 percent.
"""

@pytest.fixture
def show(tmp_path: Path) -> Path:
    """An empty show folder with the repository's voices (lexicon and default voice)."""
    root = tmp_path / "show"
    root.mkdir()
    shutil.copytree(REPO / "voices", root / "voices")
    (root / "podcast.toml").write_text("[show]\n")  # every default: what makes this folder a show
    return root

@pytest.fixture
def tone_show(show: Path) -> Path:
    """A show whose voice is the fast tone engine: for tests of everything but speech."""
    use_tone_voices(show)
    return show

def use_tone_voices(show: Path) -> None:
    """Both the reader (default) and the anchor speak with the tone engine."""
    (show / "voices" / "default.toml").write_text('engine = "tone"\nvoice = "tone"\n')
    (show / "voices" / "anchor.toml").write_text('engine = "tone"\nvoice = "tone-anchor"\n')

@pytest.fixture
def tone_engine() -> ToneEngine:
    return ToneEngine()

def write_digest(show: Path, date: str, text: str) -> Path:
    folder = show / "episodes" / date
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "digest.txt"
    path.write_text(text, encoding="utf-8")
    return path

@dataclass(frozen=True)
class Ran:
    """What a `podcast` command did: its exit status and what it printed."""

    returncode: int
    stdout: str
    stderr: str

def podcast(cwd: Path, *args: str, env: dict[str, str] | None = None) -> Ran:
    """`podcast ARGS` run in this process from `cwd` (typer's CliRunner): for tests where the process is not
    the point. An exception the command does not turn into a one-line error fails the test."""
    with contextlib.chdir(cwd):
        result = CliRunner().invoke(app, list(args), env={"COLUMNS": "120", **(env or {})}, prog_name="podcast",
                                   catch_exceptions=False)
    return Ran(result.exit_code, result.stdout, result.stderr)

def podcast_process(cwd: Path, *args: str, env: dict[str, str] | None = None,
                    timeout: float = 600) -> subprocess.CompletedProcess[str]:
    """`podcast ARGS` as its own process: for tests of what only a process shows (signals, exit by a kill,
    a missing program on PATH, concurrent builds)."""
    return subprocess.run([sys.executable, "-m", "podcast", *args], cwd=cwd, capture_output=True, text=True,
                          timeout=timeout, env={**os.environ, "COLUMNS": "120", **(env or {})})

@contextlib.contextmanager
def serving(root: Path, *options: str) -> Iterator[tuple[int, subprocess.Popen[str]]]:
    """`podcast serve` on a free port in `root`, once it accepts connections; stopped afterwards."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = int(probe.getsockname()[1])
    process = subprocess.Popen([sys.executable, "-m", "podcast", "serve", "--port", str(port), *options], cwd=root,
                               stderr=subprocess.PIPE, text=True)
    try:
        for _ in range(100):
            if process.poll() is not None:
                pytest.fail(f"podcast serve exited with {process.returncode}: {process.stderr.read()}")  # type: ignore[union-attr]
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                break
            except OSError:
                time.sleep(0.1)
        else:
            pytest.fail(f"podcast serve never answered on port {port} within 10 s")
        yield port, process
    finally:
        process.terminate()
        process.wait(timeout=10)


LONGEST_FIRST: Final = ("test_proof_ear", "test_language_end_to_end", "test_proof_build", "test_end_to_end",
                        "test_cluster", "test_engines", "test_show", "test_golden")
"""Modules that take longest (neural voices, the ear, many builds), started first by `make test`'s two workers
(pytest-xdist, a module to a worker at a time) so that neither is left with a long one at the end."""


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    def rank(item: pytest.Item) -> tuple[int, bool]:
        name = item.module.__name__.rsplit(".", 1)[-1] if isinstance(item, pytest.Function) else ""
        first = LONGEST_FIRST.index(name) if name in LONGEST_FIRST else len(LONGEST_FIRST)
        return first, item.get_closest_marker("slow") is None

    items.sort(key=rank)
