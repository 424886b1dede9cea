"""Speech engines: one interface, one module per engine, each the only importer of its library.

An engine renders one sentence of already verbalized text to one WAV file at its
own sample rate; the audio stage resamples. `make_engine` picks the engine a voice
profile names.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from ..config import VoiceProfile
from ..errors import ConfigError


@dataclass(frozen=True)
class Voice:
    id: str
    name: str
    languages: tuple[str, ...]


class Engine(Protocol):
    """Renders one text to one WAV file."""

    @property
    def key(self) -> str:
        """Everything that changes the sound, for the render cache."""
        ...

    def start(self) -> None:
        """Load the engine and check its settings, before anything is written."""
        ...

    def reset(self) -> None:
        """Drop a stuck engine; the next render starts a fresh one."""
        ...

    def render(self, text: str, path: Path) -> None: ...

    def voices(self) -> list[Voice]: ...


def make_engine(profile: VoiceProfile) -> Engine:
    """The engine a voice profile names."""
    if profile.engine == "pyttsx3":
        from .espeak import Pyttsx3Engine

        return Pyttsx3Engine(profile)
    if profile.engine in ("tone", "faulty"):
        from .tone import FaultyEngine, ToneEngine

        return ToneEngine(profile) if profile.engine == "tone" else FaultyEngine(profile)
    raise ConfigError(f"engine {profile.engine!r}", "unknown engine (use pyttsx3, or tone for tests)")
