"""The proof of one episode, once its sentences are final: what the build calls.

The sentences were heard, and the clearly wrong ones repaired, where they were
rendered (stage.py, run by the backend); `finish` times what was heard on the
finished episode, writes proof.json and proof.html into the folder being
assembled, keeps a copy for `podcast proof`, and in strict mode refuses to publish
an episode with a flagged sentence.
"""

from __future__ import annotations

import dataclasses
import json
import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final

from ..config import ShowConfig, VoiceProfile
from ..errors import ProofError
from ..language.english import PageWords
from ..models import Guess
from . import model, report, stage
from .check import CACHE_DIR, Checked
from .report import Proof

LAST_DIR: Final = CACHE_DIR / "last"
"""Each date's latest proof, kept outside the published folder: a refused build's proof is read from here."""


@dataclass(frozen=True)
class Outcome:
    """Every heard sentence of the episode, in play order."""

    checked: tuple[Checked, ...]
    from_cache: int
    """Sentences whose hearing came from the cache (the rest were heard in this build)."""
    indices: tuple[int, ...]
    """Each checked sentence's place among all the episode's sentences."""


def ready(config: ShowConfig, profiles: dict[str, VoiceProfile]) -> None:
    """Fail before anything is made when the proof will need the recognizer and it is missing or damaged."""
    if not stage.skipped(config.proof, list(profiles.values()), config.language):
        model.installed(thorough=False)  # the hashes are checked when the recognizer is loaded


def timed(outcome: Outcome, spans: list[tuple[float, float]]) -> tuple[Checked, ...]:
    """The results with each sentence's start and end in the finished episode (`spans`: every sentence's)."""
    return tuple(dataclasses.replace(c, sentence=dataclasses.replace(c.sentence, start=spans[n][0], end=spans[n][1]))
                 for c, n in zip(outcome.checked, outcome.indices, strict=True))


def finish(config: ShowConfig, date: str, outcome: Outcome | None, skipped: str,
           spans: Sequence[tuple[float, float]], work: Path, title: str, audio_file: str, show_dir: Path,
           words: PageWords | None = None, guesses: Sequence[Guess] = ()) -> Proof:
    """The timed proof, written into the episode folder being assembled (`work`) and kept for `podcast proof`;
    proof.html in the show's language (its page `words`), with the readings the script guessed. In strict mode a
    flagged sentence stops the build here, before anything is published."""
    checked = timed(outcome, list(spans)) if outcome else ()
    proof = Proof(date, config.proof.mode, checked, skipped, config.proof.threshold, tuple(guesses))
    (work / report.PROOF_JSON).write_text(report.to_json(proof), encoding="utf-8")
    (work / report.PROOF_HTML).write_text(report.to_html(proof, title, Path(audio_file).name, words,
                                                         config.language), encoding="utf-8")
    keep(show_dir, proof)
    if config.proof.mode == "strict" and proof.flagged:
        first = proof.flagged[0]
        raise ProofError(
            f"{date}: not published: the proof flagged {len(proof.flagged)} sentence(s) that could not be repaired; "
            f"first at {first.sentence.start:.1f} s: {first.sentence.text[:70]!r} ({first.verdict.reason}); fix the "
            f"digest or voices/lexicon.toml and build again (`podcast proof {date}` lists them)")
    return proof


def keep(show_dir: Path, proof: Proof) -> None:
    path = show_dir / LAST_DIR / f"{proof.date}.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(f".{path.name}.{os.getpid()}.part")
    partial.write_text(report.to_json(proof))
    os.replace(partial, path)


def latest(show_dir: Path, published: Path) -> dict[str, Any] | None:
    """The newest proof of a date: the last build's (even a refused one), else the published proof.json."""
    for path in (show_dir / LAST_DIR / f"{published.parent.name}.json", published):
        try:
            data: dict[str, Any] = json.loads(path.read_text())
            return data
        except (OSError, ValueError):
            continue
    return None

