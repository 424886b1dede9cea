"""Engines that misbehave on purpose, for the tests: named in a voice profile by their import path
(`engine = "tests.doubles:FaultyEngine"`), as any engine outside the package is."""

from __future__ import annotations

import dataclasses
import hashlib
import os
import time
import wave
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Final

import numpy as np

from podcast.engines.kokoro import KokoroEngine, KokoroVoice
from podcast.engines.tone import ToneEngine, ToneVoice, write_tone
from podcast.errors import RenderError

FAULTY: Final = "tests.doubles:FaultyEngine"
"""How a voice profile names the faulty engine."""


@dataclass(frozen=True)
class FaultyVoice(ToneVoice):
    """The faulty engine's settings: `voice` names the fault ("hang-once", "slow", ...)."""

    engine = FAULTY


class FaultyEngine(ToneEngine):
    """The tone engine with injected faults: its voice names the fault.

    "fail", "empty", "short" or "hang" on every call ("slow" renders well, slowly); with "-once" (e.g. "hang-once")
    only on the first call in each process, as pyttsx3's first-call race does.
    """

    Settings = FaultyVoice

    def __init__(self, profile: ToneVoice) -> None:
        super().__init__(profile)
        self.fault, _, once = profile.voice.partition("-")
        self.once = once == "once"
        self.calls = 0

    def render(self, text: str, path: Path) -> None:
        self.calls += 1
        if self.once and self.calls > 1:
            return super().render(text, path)
        if self.fault == "fail":
            raise RenderError("injected failure")
        if self.fault == "empty":
            path.write_bytes(b"")
        elif self.fault == "short":
            write_tone(path, 0.05, 440.0)
        elif self.fault == "hang":
            time.sleep(3600)
        elif self.fault == "slow":  # a slow but healthy engine: 0.3 s a sentence
            time.sleep(0.3)
            super().render(text, path)
        else:
            super().render(text, path)


STUMBLE: Final = "Voltara"
"""The word the stumbling engine cannot say at its own pace."""


@dataclass(frozen=True)
class StumblingVoice(KokoroVoice):
    """Kokoro's settings, for an engine that stumbles over one word at full speed."""

    engine = "tests.doubles:StumblingKokoro"


class StumblingKokoro(KokoroEngine):
    """Kokoro, except that a sentence naming STUMBLE comes out as hiss at the voice's own pace: the slower take a
    repair makes is spoken right. A real engine with a fault that one recipe of the proof's repairs mends."""

    Settings = StumblingVoice

    @property
    def key(self) -> str:
        return f"stumbling|{super().key}"

    def render(self, text: str, path: Path) -> None:
        if STUMBLE in text and self.profile.speed >= 1.0:
            hiss(path, text)
            return
        super().render(text, path)


def hiss(path: Path, text: str, rate: int = 24_000) -> None:
    """Loud noise as long as the sentence would take."""
    seconds = max(1.0, 0.33 * len(text.split()))
    seed = int.from_bytes(hashlib.sha256(text.encode()).digest()[:8], "little")
    noise = np.random.default_rng(seed).standard_normal(int(seconds * rate)) * 0.25
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(rate)
        out.writeframes((np.clip(noise, -1.0, 1.0) * 32767).astype("<i2").tobytes())


NUDGE: Final = "PODCAST_TEST_NUDGE"
"""An environment variable: every score and share the proof measures moves by this much, in every process that
loads this module (a voice profile naming one of these engines loads it), as another CPU's arithmetic might."""


def _nudged() -> None:
    nudge = float(os.environ.get(NUDGE, "0") or 0)
    if not nudge:
        return
    from podcast.proof import compare

    measure = compare.measure

    def moved(said: Sequence[str], heard: Sequence[str], numbers: compare.Numbers | None = None) -> compare.Measure:
        found = measure(said, heard, numbers)
        return dataclasses.replace(found, score=found.score + nudge, share=found.share + nudge)

    compare.measure = moved  # type: ignore[assignment]


_nudged()
