"""Same inputs, same bytes: the published audio does not follow arithmetic that differs between machines.

Kokoro reads a short story with one sentence it stumbles over at its own pace (tests/doubles.py: the slower
take is spoken right), and the tone reads the anchor's lines. Every score the proof measures is moved by
±0.03, as another CPU might move it, and the recognizer runs on another of CTranslate2's CPU paths; the
episode's audio must not change. The speech engine's takes are shared between the builds (their renders are
not what is on trial); the hearings, the repairs and the parts are made afresh each time.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import REPO, write_digest
from .doubles import NUDGE, STUMBLE

pytestmark = pytest.mark.slow

DIGEST = f"""Daily Buzz: 3 February 2026
Technology
Chipmaker {STUMBLE} Delays New Factory
The company had planned to employ two thousand people at the site in Dresden. Semiconductor maker {STUMBLE} \
said on Tuesday that it would delay the opening of its plant by a year.
"""
AUDIO = ("episode.mp3", "headlines.mp3", "sections/01-technology.mp3")


def run(show: Path, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "podcast", *args], cwd=show, capture_output=True, text=True,
                          timeout=1800, env={**os.environ, "PYTHONPATH": str(REPO), **env})


def make_show(folder: Path, threshold: float = 0.8, takes_from: Path | None = None) -> Path:
    show = folder / "show"
    shutil.copytree(REPO / "voices", show / "voices")
    (show / "voices" / "default.toml").write_text(
        'engine = "tests.doubles:StumblingKokoro"\nvoice = "af_heart"\nlang = "en-us"\n')
    (show / "voices" / "anchor.toml").write_text('engine = "tone"\nvoice = "tone-anchor"\n')
    write_digest(show, "2026-02-03", DIGEST)
    (show / "podcast.toml").write_text(f"[show]\n\n[show.audio]\nrender_timeout_s = 1800.0\n\n"
                                       f"[show.proof]\nthreshold = {threshold}\n")
    if takes_from is not None:  # the engine's renders, not the hearings, repairs or parts
        shutil.copytree(takes_from / ".cache" / "tts", show / ".cache" / "tts")
    return show


def audio(show: Path) -> dict[str, bytes]:
    folder = show / "episodes" / "2026-02-03"
    return {name: (folder / name).read_bytes() for name in AUDIO}


def record(show: Path, name: str = "episode.json") -> dict:  # type: ignore[type-arg]
    return json.loads((show / "episodes" / "2026-02-03" / name).read_text())  # type: ignore[no-any-return]


@pytest.fixture(scope="module")
def first(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A cold build with the machine's own arithmetic."""
    show = make_show(tmp_path_factory.mktemp("first"))
    done = run(show, "build", "2026-02-03")
    assert done.returncode == 0, done.stderr
    return show


def test_the_stumble_is_repaired_with_a_new_take_and_recorded(first: Path) -> None:
    proof = record(first, "proof.json")
    repaired = [s for s in proof["sentences"] if s.get("repaired")]
    assert [s["repaired"] for s in repaired] == ["slower (0.9x)"] * 2, proof["sentences"]  # headline and body
    assert all(STUMBLE in s["text"] and not s["flagged"] for s in repaired)
    assert "slower (0.9x)" in record(first)["takes"].values()


@pytest.mark.parametrize(("nudge", "isa", "cold"), [pytest.param("0.03", "AVX2", True, id="up-on-avx2-cold"),
                                                    pytest.param("-0.03", "GENERIC", False, id="down-generic")])
def test_the_audio_does_not_follow_the_machines_arithmetic(first: Path, tmp_path: Path, nudge: str, isa: str,
                                                             cold: bool) -> None:
    """The first case is a second cold build (nothing cached): two cold builds are byte-identical."""
    show = make_show(tmp_path, takes_from=None if cold else first)
    done = run(show, "build", "2026-02-03", **{NUDGE: nudge, "CT2_FORCE_CPU_ISA": isa})
    assert done.returncode == 0, done.stderr
    assert audio(show) == audio(first)
    assert record(show)["audio_file"] == record(first)["audio_file"]


def test_sentences_at_the_threshold_keep_their_takes_either_way(first: Path, tmp_path: Path) -> None:
    """At threshold 1.0 every clean sentence sits exactly on it: moved down it is flagged, moved up it passes,
    and in neither case is its audio changed."""
    built = {}
    for nudge in ("0.03", "-0.03"):
        show = make_show(tmp_path / nudge, threshold=1.0, takes_from=first)
        done = run(show, "build", "2026-02-03", **{NUDGE: nudge})
        assert done.returncode == 0, done.stderr
        built[nudge] = (audio(show), record(show, "proof.json"))
    assert built["0.03"][0] == built["-0.03"][0]
    down = built["-0.03"][1]["sentences"]
    assert any(s["flagged"] for s in down) and not any(s.get("repaired") for s in down), down


def test_a_rebuild_keeps_the_recorded_takes_whatever_the_ear_hears_now(first: Path, tmp_path: Path) -> None:
    show = tmp_path / "show"
    shutil.copytree(first, show, symlinks=True)
    shutil.rmtree(show / ".cache" / "proof")  # heard afresh
    settings = show / "podcast.toml"
    settings.write_text(settings.read_text().replace("threshold = 0.8", "threshold = 1.0"))
    done = run(show, "build", "2026-02-03", **{NUDGE: "-0.03"})  # the slower take would not pass now
    assert done.returncode == 0, done.stderr
    assert audio(show) == audio(first) and record(show)["takes"] == record(first)["takes"]
