"""The proof of one episode, between making its parts and assembling it: what the build calls.

`hear` checks every sentence of the made parts (repairing what it can, and dropping
the repaired parts from the cache so the build makes them again from the better
take); `finish` times the results on the finished episode, writes proof.json and
proof.html into the folder being assembled, keeps a copy for `podcast proof`, and in
strict mode refuses to publish an episode with a flagged sentence.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, Final, Protocol

from ..config import ShowConfig, VoiceProfile
from ..engines import make_engine, started_engine
from ..errors import ProofError
from ..language import Language
from ..parts import Part
from ..render.sentences import CACHE_DIR as RENDER_CACHE
from ..render.sentences import render_all
from ..speech import Lexicon
from . import model, report, stage
from .check import CACHE_DIR, Sentence
from .repair import slower
from .report import Proof

LAST_DIR: Final = CACHE_DIR / "last"
"""Each date's latest proof, kept outside the published folder: a refused build's proof is read from here."""


class MadePart(Protocol):
    """What the proof needs of a made part: its sentences, and the file whose loss makes the build make it again."""

    @property
    def part(self) -> Part: ...

    @property
    def mp3(self) -> Path: ...


def ready(config: ShowConfig, profiles: dict[str, VoiceProfile]) -> None:
    """Fail before anything is made when the proof will need the recognizer and it is missing or damaged."""
    if not stage.skipped(config.proof, [profile.engine for profile in profiles.values()], config.language):
        model.installed(thorough=False)  # the hashes are checked when the recognizer is loaded


def hear(config: ShowConfig, language: Language, lexicon: Lexicon, date_order: str, made: Sequence[MadePart],
         profiles: dict[str, VoiceProfile], show_dir: Path, say: Callable[[str], None],
         recheck: bool = False) -> tuple[stage.Outcome | None, str]:
    """(what was heard, or None with the reason it was not); parts a repair changed are dropped from the cache."""
    reason = stage.skipped(config.proof, [profiles[m.part.voice].engine for m in made], config.language)
    if reason:
        return None, reason
    speaking = {name: profile for name, profile in profiles.items() if profile.engine not in stage.NOT_SPEECH}
    engines = {name: started_engine(profile) for name, profile in speaking.items()}
    slow = {name: make_engine(slower(profile)) for name, profile in speaking.items()}
    spoken, at = [], 0
    for index, item in enumerate(made):
        engine = engines.get(item.part.voice)
        if engine is not None:
            texts = [line.spoken for line in item.part.lines]
            wavs = render_all(engine, texts, show_dir / RENDER_CACHE, config.audio.render_timeout_s)  # cached here
            spoken += [stage.Spoken(Sentence(line.spoken, wavs[line.spoken], written=line.written), index, at + n,
                                    engine, slow[item.part.voice]) for n, line in enumerate(item.part.lines)]
        at += len(item.part.lines)
    outcome = stage.run(config.proof, config.language, lambda raw: language.speak(raw, "", lexicon, date_order),
                        spoken, show_dir, recheck, say, config.audio.render_timeout_s)
    say(f"proof: {len(spoken) - outcome.from_cache} sentences heard, {outcome.from_cache} from the cache")
    for index in outcome.remix:
        made[index].mp3.unlink(missing_ok=True)  # the part is made again from the repaired sentence
    return outcome, ""


def finish(config: ShowConfig, date: str, outcome: stage.Outcome | None, skipped: str,
           spans: Sequence[tuple[float, float]], work: Path, title: str, audio_file: str, show_dir: Path) -> Proof:
    """The timed proof, written into the episode folder being assembled (`work`) and kept for `podcast proof`;
    in strict mode a flagged sentence stops the build here, before anything is published."""
    checked = stage.timed(outcome, list(spans)) if outcome else ()
    proof = Proof(date, config.proof.mode, checked, skipped, config.proof.threshold)
    (work / report.PROOF_JSON).write_text(report.to_json(proof))
    (work / report.PROOF_HTML).write_text(report.to_html(proof, title, Path(audio_file).name))
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

