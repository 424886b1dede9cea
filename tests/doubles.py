"""Engines that misbehave on purpose, for the tests: named in a voice profile by their import path
(`engine = "tests.doubles:FaultyEngine"`), as any engine outside the package is."""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path
from typing import Final

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
