"""A fast stand-in engine for tests and dry runs: a syllable-paced tone, no speech."""

from __future__ import annotations

import math
import struct
import wave
from dataclasses import dataclass
from pathlib import Path

from ..config import VoiceProfile
from ..errors import RenderError
from . import Voice


@dataclass(frozen=True)
class ToneVoice(VoiceProfile):
    """The tone engine's settings: voices/NAME.toml with engine = "tone"."""

    engine = "tone"
    rate: int = 175
    """Part of the engine's key only: two profiles that differ in it are two voices to the caches."""


class ToneEngine:
    """A fast stand-in: a syllable-paced tone, 0.3 s per word, at 22050 Hz. For tests."""

    Settings: type[VoiceProfile] = ToneVoice
    SECONDS_PER_WORD = 0.3
    SPEECH = False
    """What it makes is not speech: the proof has nothing to hear."""

    def __init__(self, profile: ToneVoice | None = None) -> None:
        self.profile = profile or ToneVoice(voice="tone")

    @property
    def key(self) -> str:
        return f"tone|{self.profile.voice}|{self.profile.rate}"

    def start(self) -> None:
        pass

    def reset(self) -> None:
        pass

    def render(self, text: str, path: Path) -> None:
        if not text.strip():
            raise RenderError("cannot render empty text")
        write_tone(path, len(text.split()) * self.SECONDS_PER_WORD, 220.0 + (len(text) % 7) * 20)

    def voices(self) -> list[Voice]:
        return [Voice("tone", "Test tone", ("en",))]


def write_tone(path: Path, seconds: float, freq: float, rate: int = 22050) -> None:
    """A tone that pulses like syllables, so loudness meters see speech-like gating."""
    frames = int(seconds * rate)
    samples = (
        int(9000 * math.sin(2 * math.pi * freq * n / rate) * (0.55 + 0.45 * math.sin(2 * math.pi * 4 * n / rate)))
        for n in range(frames)
    )
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(rate)
        out.writeframes(struct.pack(f"<{frames}h", *samples))


ENGINES = {"tone": ToneEngine}
