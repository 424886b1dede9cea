"""Fixing a flagged sentence where it can be: render it again with a small change and keep the better-heard take.

Two new takes, always the same two in the same order: the sentence split at the
comma nearest its middle and rendered as two pieces with a short pause between, and
the whole sentence a little slower. Each is heard on its own, as the first take is
again; the best score wins, and a tie keeps the earlier take. The engines are
deterministic, so the same sentence always ends with the same bytes.
"""

from __future__ import annotations

import dataclasses
import re
import tempfile
import wave
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final

from ..config import VoiceProfile
from ..engines import Engine
from ..render import sentences as render
from .check import Checked, Proofer

SLOWER: Final = 0.9
"""The slower take's speed, as a share of the voice's own: enough to change how a word comes out, not the show."""
SPLIT_PAUSE_S: Final = 0.15
"""The pause between the two halves of a split take: a comma's worth."""


@dataclass(frozen=True)
class Take:
    label: str
    """How it was made: "as rendered", "split at a comma", "slower (0.9x)"."""
    checked: Checked


def slower(profile: VoiceProfile) -> VoiceProfile:
    """The same voice a little slower: speed for the neural voices, words per minute for eSpeak NG (each engine's
    settings have one or the other), never below the setting's own range."""
    changes: dict[str, Any] = {}
    for item in dataclasses.fields(profile):
        if item.name in ("speed", "rate"):
            low = item.metadata.get("range", (0, 0))[0]
            value = getattr(profile, item.name) * SLOWER
            changes[item.name] = max(low, round(value, 3) if item.name == "speed" else round(value))
    return dataclasses.replace(profile, **changes)


def split_at_comma(text: str) -> tuple[str, str] | None:
    """The sentence cut at the comma nearest its middle, each half at least three words; None without one."""
    middle = len(text) / 2
    best = None
    for match in re.finditer(r",\s+", text):
        first, second = text[:match.start()].strip(), text[match.end():].strip()
        if len(first.split()) >= 3 and len(second.split()) >= 3:
            distance = abs(match.start() - middle)
            if best is None or distance < best[0]:
                best = (distance, first + ",", second)
    return None if best is None else (best[1], best[2])


def _join_wavs(first: Path, second: Path, out: Path, pause_s: float) -> None:
    with wave.open(str(first), "rb") as a, wave.open(str(second), "rb") as b:
        if (a.getframerate(), a.getsampwidth(), a.getnchannels()) != (b.getframerate(), b.getsampwidth(),
                                                                        b.getnchannels()):
            raise ValueError("the halves differ in format")
        params = a.getparams()
        silence = b"\x00" * (int(pause_s * a.getframerate()) * a.getsampwidth() * a.getnchannels())
        frames = a.readframes(a.getnframes()) + silence + b.readframes(b.getnframes())
    with wave.open(str(out), "wb") as joined:
        joined.setparams(params)
        joined.writeframes(frames)


def takes(checked: Checked, engine: Engine, slow_engine: Engine, proofer: Proofer, work: Path,
          timeout_s: float = render.DEFAULT_TIMEOUT_S) -> list[Take]:
    """The first take heard alone, then the split and the slower take where they can be made."""
    sentence = checked.sentence
    found = [Take("as rendered", proofer.check_take(sentence))]
    halves = split_at_comma(sentence.text)
    if halves is not None:
        parts = [work / "first.wav", work / "second.wav"]
        for half, path in zip(halves, parts, strict=True):
            render.render_sentence(engine, half, path, timeout_s)
        _join_wavs(parts[0], parts[1], work / "split.wav", SPLIT_PAUSE_S)
        found.append(Take("split at a comma", proofer.check_take(dataclasses.replace(sentence,
                                                                                    audio=work / "split.wav"))))
    render.render_sentence(slow_engine, sentence.text, work / "slower.wav", timeout_s)
    found.append(Take(f"slower ({SLOWER:g}x)", proofer.check_take(dataclasses.replace(sentence,
                                                                                     audio=work / "slower.wav"))))
    return found


def best(found: list[Take]) -> Take:
    """The take heard best: unflagged before flagged, then the higher score; the earlier on a tie."""
    return max(found, key=lambda take: (not take.checked.verdict.flagged, take.checked.verdict.score))


def repair(checked: Checked, engine: Engine, slow_engine: Engine, proofer: Proofer,
           timeout_s: float = render.DEFAULT_TIMEOUT_S) -> Checked:
    """A flagged sentence after trying the other takes: a better one replaces the sentence's audio file in place
    (its render-cache entry, so the part is mixed from it); the result says which take was kept."""
    with tempfile.TemporaryDirectory(prefix="proof-repair-", dir=checked.sentence.audio.parent) as folder:
        found = takes(checked, engine, slow_engine, proofer, Path(folder), timeout_s)
        chosen = best(found)
        if chosen is found[0]:
            return found[0].checked
        chosen.checked.sentence.audio.replace(checked.sentence.audio)
    fixed = dataclasses.replace(chosen.checked, sentence=checked.sentence)
    repaired = "" if fixed.verdict.flagged else chosen.label
    return dataclasses.replace(fixed, repair=repaired)
