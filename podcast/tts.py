"""Speech engines: an interface, pyttsx3 on eSpeak NG, and a fast tone engine for tests.

pyttsx3 2.99 can lose audio silently (see the notes in the README): the engine
flushes its queue once after init, queues one file per run, and the render stage
checks every file it writes.
"""

from __future__ import annotations

import contextlib
import io
import math
import shutil
import struct
import time
import wave
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from .config import VoiceProfile
from .errors import ConfigError, MissingToolError, RenderError


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


class Pyttsx3Engine:
    """pyttsx3 driving eSpeak NG: 22050 Hz mono WAV."""

    def __init__(self, profile: VoiceProfile) -> None:
        self.profile = profile
        self._loaded: Any = None
        self._engine: Any = None

    @property
    def key(self) -> str:
        p = self.profile
        return f"pyttsx3/espeak-ng|{p.voice}|{p.rate}|{p.volume}|{p.pitch}"

    def start(self) -> None:
        self._start()

    def reset(self) -> None:
        import pyttsx3

        # pyttsx3.init() hands back its cached engine: forget it so that a fresh one is made.
        pyttsx3._activeEngines.pop("espeak", None)
        self._loaded = self._engine = None

    def _load(self) -> Any:
        if self._loaded is not None:
            return self._loaded
        if shutil.which("espeak-ng") is None and not _has_libespeak():
            raise MissingToolError("espeak-ng", "espeak-ng")
        import pyttsx3

        try:
            self._loaded = pyttsx3.init("espeak")
        except (OSError, RuntimeError) as exc:
            raise MissingToolError("espeak-ng", "espeak-ng libespeak-ng1") from exc
        return self._loaded

    def _start(self) -> Any:
        """The engine with this profile's settings, checked; pyttsx3 ignores an unknown voice silently."""
        if self._engine is not None:
            return self._engine
        engine = self._load()
        known = {v.id for v in engine.getProperty("voices")}
        if self.profile.voice.split("+", 1)[0] not in known:
            raise ConfigError(
                f"voice {self.profile.voice!r}", "unknown voice id; `podcast voices` lists them"
            )
        engine.setProperty("voice", self.profile.voice)
        engine.setProperty("rate", self.profile.rate)
        engine.setProperty("volume", self.profile.volume)
        engine.setProperty("pitch", self.profile.pitch)
        # One empty run flushes the first-call race (and applies the settings); a second
        # empty run would hang pyttsx3 2.99.
        engine.runAndWait()
        self._engine = engine
        return engine

    def render(self, text: str, path: Path) -> None:
        if not text.strip():
            raise RenderError("cannot render empty text")
        engine = self._start()
        with contextlib.redirect_stdout(io.StringIO()):
            engine.save_to_file(text, str(path))
            engine.runAndWait()

    def voices(self) -> list[Voice]:
        engine = self._load()
        return [
            Voice(v.id, v.name, tuple(str(lang) for lang in (v.languages or ())))
            for v in engine.getProperty("voices")
        ]


class ToneEngine:
    """A fast stand-in: a syllable-paced tone, 0.3 s per word, at 22050 Hz. For tests."""

    SECONDS_PER_WORD = 0.3

    def __init__(self, profile: VoiceProfile | None = None) -> None:
        self.profile = profile or VoiceProfile(engine="tone", voice="tone")

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


class FaultyEngine(ToneEngine):
    """The tone engine with injected faults, for tests: its voice names the fault.

    "fail", "empty", "short" or "hang" on every call; with "-once" (e.g. "hang-once")
    only on the first call in each process, as pyttsx3's first-call race does.
    """

    def __init__(self, profile: VoiceProfile) -> None:
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
        else:
            super().render(text, path)


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


def _has_libespeak() -> bool:
    import ctypes.util

    return ctypes.util.find_library("espeak-ng") is not None


def make_engine(profile: VoiceProfile) -> Engine:
    """The engine a voice profile names."""
    if profile.engine == "pyttsx3":
        return Pyttsx3Engine(profile)
    if profile.engine == "tone":
        return ToneEngine(profile)
    if profile.engine == "faulty":
        return FaultyEngine(profile)
    raise ConfigError(f"engine {profile.engine!r}", "unknown engine (use pyttsx3, or tone for tests)")
