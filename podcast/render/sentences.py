"""Spoken sentences -> checked WAV files, kept in the show's .cache/tts by content hash."""

from __future__ import annotations

import hashlib
import os
import signal
import threading
import wave
from collections.abc import Iterable
from pathlib import Path
from types import FrameType
from typing import Final

from ..engines import Engine
from ..errors import RenderError

CACHE_DIR: Final = Path(".cache") / "tts"
MIN_SECONDS_PER_WORD: Final = 0.12
"""Faster than any voice speaks: a shorter file lost audio."""
MAX_SECONDS_PER_WORD: Final = 1.5
ATTEMPTS: Final = 3
DEFAULT_TIMEOUT_S: Final = 60.0
"""Every engine renders a sentence in seconds (Kokoro, the slowest, about 0.65 s per second of speech): a minute
means it is stuck."""


def cache_path(cache_dir: Path, engine: Engine, text: str) -> Path:
    digest = hashlib.sha256(f"{engine.key}\n{text}".encode()).hexdigest()
    return cache_dir / digest[:2] / f"{digest}.wav"


def check_wav(path: Path, text: str) -> str | None:
    """Why the file cannot be the rendering of `text`, or None when it is plausible."""
    try:
        with wave.open(str(path), "rb") as wav:
            seconds = wav.getnframes() / wav.getframerate()
            frames = wav.readframes(wav.getnframes())
    except FileNotFoundError:
        return "no audio file was written"
    except (OSError, EOFError, wave.Error) as exc:
        return f"unreadable audio ({exc})"
    n_words = max(1, len(text.split()))
    if seconds < n_words * MIN_SECONDS_PER_WORD:
        return f"{seconds:.2f} s of audio is too short for {n_words} words"
    if seconds > n_words * MAX_SECONDS_PER_WORD + 3:
        return f"{seconds:.2f} s of audio is too long for {n_words} words"
    if not frames.strip(b"\x00"):
        return "the audio is silent"
    return None


class _Timeout(Exception):
    pass


def _on_alarm(signum: int, frame: FrameType | None) -> None:
    raise _Timeout


def _render_within(engine: Engine, text: str, path: Path, timeout_s: float) -> None:
    """engine.render, abandoned after `timeout_s` (where signals can be used: the main thread)."""
    if timeout_s <= 0 or threading.current_thread() is not threading.main_thread():
        engine.render(text, path)
        return
    previous = signal.signal(signal.SIGALRM, _on_alarm)
    signal.setitimer(signal.ITIMER_REAL, timeout_s)
    try:
        engine.render(text, path)
    except _Timeout:
        engine.reset()  # a hung engine is not used again
        raise RenderError(f"the speech engine hung for {timeout_s:g} s") from None
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def render_sentence(engine: Engine, text: str, target: Path, timeout_s: float = DEFAULT_TIMEOUT_S) -> None:
    """Render into `target` atomically, retrying when the engine fails, hangs, loses or truncates audio."""
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(f".{target.name}.{os.getpid()}.part.wav")
    problem = "not rendered"
    for _ in range(ATTEMPTS):
        partial.unlink(missing_ok=True)
        try:
            _render_within(engine, text, partial, timeout_s)
        except RenderError as exc:
            problem = str(exc)
            continue
        problem = check_wav(partial, text) or ""
        if not problem:
            os.replace(partial, target)
            return
    partial.unlink(missing_ok=True)
    snippet = " ".join(text.split()[:8])
    raise RenderError(f"speech engine failed on {snippet!r}...: {problem}")


def render_all(
    engine: Engine,
    texts: Iterable[str],
    cache_dir: Path,
    timeout_s: float = DEFAULT_TIMEOUT_S,
) -> dict[str, Path]:
    """A checked WAV for every distinct text; cached files are reused, not rendered again."""
    unique = list(dict.fromkeys(texts))
    paths = {text: cache_path(cache_dir, engine, text) for text in unique}
    for text in unique:
        path = paths[text]
        if not path.exists() or check_wav(path, text):
            render_sentence(engine, text, path, timeout_s)
    return paths
