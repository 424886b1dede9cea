"""pyttsx3 driving eSpeak NG: 22050 Hz mono WAV, in milliseconds, robotic but always available.

pyttsx3 2.99 can lose audio silently: the engine flushes its queue once after
init, queues one file per run, and the render stage checks every file it writes.
"""

from __future__ import annotations

import contextlib
import io
import shutil
from pathlib import Path
from typing import Any

from ..config import VoiceProfile
from ..errors import ConfigError, MissingToolError, RenderError
from . import Voice


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


def _has_libespeak() -> bool:
    import ctypes.util

    return ctypes.util.find_library("espeak-ng") is not None


