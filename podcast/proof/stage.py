"""The proof as a build stage: hear every sentence the engines rendered, repair what can be, say what is wrong.

The build hands over each sentence with the WAV it was mixed from and the engines
that made it; the stage returns what it found, and the parts whose sentence audio a
repair replaced (the build mixes those again). Hearing loads the recognizer only when
something is not in the cache, so a rebuild that changed nothing audible costs a
hash per sentence.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from ..config import ProofSettings
from ..engines import Engine
from ..render.sentences import DEFAULT_TIMEOUT_S
from .check import CACHE_DIR, Checked, Proofer, Sentence, audio_hash
from .compare import Verbalizer
from .ear import Ear, cannot_check
from .repair import repair

NOT_SPEECH: Final = ("tone", "faulty")
"""Engines whose sound is not speech (the test tones): there is nothing to hear."""


@dataclass(frozen=True)
class Spoken:
    """One sentence of the episode as the build rendered it."""

    sentence: Sentence
    part: int
    """Index of the part it belongs to."""
    index: int
    """Its place among all the episode's sentences (those of voices that do not speak are not heard)."""
    engine: Engine
    """The engine that rendered it (started), for a repair's takes."""
    slow_engine: Engine
    """The same voice a little slower."""


@dataclass(frozen=True)
class Outcome:
    checked: tuple[Checked, ...]
    """Every sentence, in order, as finally heard (times as handed in: the build sets them after remixing)."""
    remix: frozenset[int]
    """Parts whose sentence audio a repair replaced."""
    from_cache: int
    """Sentences whose hearing came from the cache (the rest were heard in this build)."""
    indices: tuple[int, ...] = ()
    """Each checked sentence's place among all the episode's sentences."""


def skipped(settings: ProofSettings, engines: list[str], language: str) -> str:
    """Why the proof does not run for this build, or "" when it does (a voice that speaks is heard, the others'
    sentences are left out)."""
    if settings.mode == "off":
        return "[show.proof] mode is off"
    if all(name in NOT_SPEECH for name in engines):
        return f"the {sorted(set(engines))[0]} engine makes no speech to hear"
    return cannot_check(language)


def _marker(cache_dir: Path, kind: str, digest: str, key: str = "") -> Path:
    """Where a repair is remembered: "tried" (under the audio that stayed) or "made" (under the take kept)."""
    name = hashlib.sha256(f"{kind}|{key}|{digest}".encode()).hexdigest()
    return cache_dir / "repairs" / name[:2] / f"{name}.json"


def _note(path: Path, data: dict[str, str]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(f".{path.name}.{os.getpid()}.part")
    partial.write_text(json.dumps(data))
    os.replace(partial, path)


def run(settings: ProofSettings, language: str, verbalize: Verbalizer, spoken: list[Spoken], show_dir: Path,
        recheck: bool = False, progress: Callable[[str], None] | None = None,
        timeout_s: float = DEFAULT_TIMEOUT_S) -> Outcome:
    """Hear and judge every sentence; repair the flagged ones (once per audio: a take that did not help is not
    tried again at the next build)."""
    cache_dir = show_dir / CACHE_DIR
    proofer = Proofer(Ear(language), verbalize, cache_dir, settings.threshold, use_cache=not recheck)
    checked = proofer.check([s.sentence for s in spoken])
    remix: set[int] = set()
    repaired: dict[Path, Checked] = {}
    for n, (item, result) in enumerate(zip(spoken, checked, strict=True)):
        digest = audio_hash(item.sentence.audio)
        if not result.verdict.flagged:
            made = _marker(cache_dir, "made", digest)
            if made.exists():  # repaired by an earlier build: still reported as such
                checked[n] = dataclasses.replace(result, repair=json.loads(made.read_text()).get("take", "repaired"))
            continue
        tried = _marker(cache_dir, "tried", digest, proofer.ear.key + "|" + item.slow_engine.key)
        if item.sentence.audio in repaired:  # the same audio as a sentence repaired just now
            checked[n] = dataclasses.replace(repaired[item.sentence.audio], sentence=item.sentence)
            remix.add(item.part)
            continue
        if not settings.repair or (tried.exists() and not recheck):
            continue
        if progress:
            progress(f"repairing {item.sentence.text[:60]!r}: {result.verdict.reason}")
        checked[n] = repair(result, item.engine, item.slow_engine, proofer, timeout_s)
        if audio_hash(item.sentence.audio) != digest:
            remix.add(item.part)
            repaired[item.sentence.audio] = checked[n]
            if checked[n].repair:
                _note(_marker(cache_dir, "made", audio_hash(item.sentence.audio)), {"take": checked[n].repair})
        else:
            _note(tried, {"sentence": item.sentence.text})
    return Outcome(tuple(checked), frozenset(remix), proofer.from_cache, tuple(s.index for s in spoken))


def timed(outcome: Outcome, spans: list[tuple[float, float]]) -> tuple[Checked, ...]:
    """The results with each sentence's start and end in the finished episode (`spans`: every sentence's)."""
    return tuple(dataclasses.replace(c, sentence=dataclasses.replace(c.sentence, start=spans[n][0], end=spans[n][1]))
                 for c, n in zip(outcome.checked, outcome.indices, strict=True))
