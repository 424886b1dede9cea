"""pyttsx3 driving eSpeak NG: 22050 Hz mono WAV, in milliseconds, robotic but needing no model files.

pyttsx3 2.99 has traps, each handled here:
- `pyttsx3.init()` hands every caller in a process the same engine, so all voice
  profiles share one: it is flushed once after init (one empty `runAndWait`
  closes the first-call race; a second one hangs forever), and a profile's
  settings are applied before a sentence whenever another profile spoke last;
- a rate, volume or pitch set after the first run is ignored until the voice is
  set again, so the voice is always set first;
- it prints "Audio saved to ..." for every file: kept off stdout;
- in a process where Kokoro spoke first, it gets Kokoro's own libespeak-ng, which
  needs its data path set.
eSpeak NG is not byte-for-byte repeatable within a process: its random generator
(noise in consonants) and its pitch flutter run on from sentence to sentence and
the library has no call to reset them, so a re-render differs by a few samples.
"""

from __future__ import annotations

import contextlib
import io
import os
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..config import VoiceProfile, setting_range
from ..errors import ConfigError, MissingToolError, RenderError, did_you_mean
from . import Voice

DEFAULT_VOICE = "gmw/en-us"


class _Shared:
    """The process's one pyttsx3 engine and which profile's settings it holds."""

    engine: Any = None
    applied: Pyttsx3Voice | None = None


@dataclass(frozen=True)
class Pyttsx3Voice(VoiceProfile):
    """An eSpeak NG voice through pyttsx3: voices/NAME.toml with engine = "pyttsx3"."""

    engine = "pyttsx3"
    rate: int = setting_range(175, 80, 450)
    """Words per minute; 160-185 is a comfortable news pace."""
    volume: float = setting_range(1.0, 0.0, 1.0)
    """Applied by the engine."""
    pitch: int = setting_range(50, 0, 99)
    """eSpeak NG's default is 50."""


class Pyttsx3Engine:
    """eSpeak NG driven by pyttsx3: robotic, needs no model files."""

    Settings = Pyttsx3Voice

    def __init__(self, profile: Pyttsx3Voice) -> None:
        self.profile = profile

    @property
    def voice_id(self) -> str:
        return self.profile.voice or DEFAULT_VOICE

    @property
    def key(self) -> str:
        p = self.profile
        return f"pyttsx3/espeak-ng|{self.voice_id}|{p.rate}|{p.volume}|{p.pitch}"

    def start(self) -> None:
        """Load eSpeak NG and check the voice id: pyttsx3 ignores an unknown one silently."""
        engine = _load()
        known = {v.id for v in engine.getProperty("voices")}
        if self.voice_id.split("+", 1)[0] not in known:
            raise ConfigError(self.profile.source or f"voice {self.voice_id!r}",
                              f"unknown eSpeak NG voice {self.voice_id!r}{did_you_mean(self.voice_id, known)}; "
                              "`podcast voices` lists them")

    def reset(self) -> None:
        import pyttsx3

        # pyttsx3.init() hands back its cached engine: forget it so that a fresh one is made.
        pyttsx3._activeEngines.pop("espeak", None)
        _Shared.engine = _Shared.applied = None

    def render(self, text: str, path: Path) -> None:
        if not text.strip():
            raise RenderError("cannot render empty text")
        engine = _load()
        if _Shared.applied != self.profile:
            self.start()
            engine.setProperty("voice", self.voice_id)  # first: it makes the others take effect
            engine.setProperty("rate", self.profile.rate)
            engine.setProperty("volume", self.profile.volume)
            engine.setProperty("pitch", self.profile.pitch)
            _Shared.applied = self.profile
        with contextlib.redirect_stdout(io.StringIO()):
            engine.save_to_file(text, str(path))
            engine.runAndWait()

    def voices(self) -> list[Voice]:
        return [Voice(v.id, v.name, tuple(str(lang) for lang in (v.languages or ())))
                for v in _load().getProperty("voices")]


def _load() -> Any:
    """The process's pyttsx3 engine, flushed once."""
    if _Shared.engine is not None:
        return _Shared.engine
    if shutil.which("espeak-ng") is None and not _has_libespeak():
        raise MissingToolError("espeak-ng", "espeak-ng")
    import pyttsx3

    loader = sys.modules.get("espeakng_loader")
    if loader is not None:
        # Kokoro's phonemizer loaded its own libespeak-ng first, and pyttsx3 now gets that library,
        # whose built-in data path does not exist: eSpeak NG would exit the process.
        os.environ.setdefault("ESPEAK_DATA_PATH", loader.get_data_path())
    try:
        engine = pyttsx3.init("espeak")
    except (OSError, RuntimeError) as exc:
        raise MissingToolError("espeak-ng", "espeak-ng libespeak-ng1") from exc
    engine.setProperty("voice", DEFAULT_VOICE)
    with contextlib.redirect_stdout(io.StringIO()):
        engine.runAndWait()  # the one empty run: closes the first-call race
    _Shared.engine, _Shared.applied = engine, None
    return engine


def _has_libespeak() -> bool:
    import ctypes.util

    return ctypes.util.find_library("espeak-ng") is not None


ENGINES = {"pyttsx3": Pyttsx3Engine}
