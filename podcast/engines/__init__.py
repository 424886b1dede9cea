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
    gender: str = ""
    """"female", "male", or "" where the engine does not say (eSpeak NG's metadata is meaningless)."""


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


ENGINES = ("kokoro", "piper", "pyttsx3", "tone")
"""The engines a profile may name ("faulty", the tone engine with injected faults, is for tests)."""


def make_engine(profile: VoiceProfile) -> Engine:
    """The engine a voice profile names; its library is imported only when it is used."""
    if profile.engine == "kokoro":
        from .kokoro import KokoroEngine

        return KokoroEngine(profile)
    if profile.engine == "piper":
        from .piper import PiperEngine

        return PiperEngine(profile)
    if profile.engine == "pyttsx3":
        from .pyttsx3 import Pyttsx3Engine

        return Pyttsx3Engine(profile)
    if profile.engine in ("tone", "faulty"):
        from .tone import FaultyEngine, ToneEngine

        return ToneEngine(profile) if profile.engine == "tone" else FaultyEngine(profile)
    raise ConfigError(profile.source or f"engine {profile.engine!r}",
                      f"unknown engine {profile.engine!r} (use {', '.join(ENGINES)})")


def all_voices() -> list[tuple[str, Voice]]:
    """(engine, voice) for every voice of every installed engine; an engine that cannot load lists none."""
    from ..errors import PodcastError

    rows = []
    for name in ENGINES[:-1]:
        try:
            rows += [(name, voice) for voice in make_engine(VoiceProfile(engine=name)).voices()]
        except (PodcastError, OSError, ImportError):
            continue
    return rows
