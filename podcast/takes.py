"""A take: one rendering of a sentence, made by a named recipe and kept in the show's cache under its content key.

A sentence's first take is the voice saying it as written. A repair makes other
takes of it (split at a comma, a little slower), each under a key of its own: a new
take never overwrites another, and a take named in an episode's record is made
again, identically, by any later build.
"""

from __future__ import annotations

import dataclasses
import hashlib
import os
import re
import signal
import threading
import wave
from collections.abc import Iterable
from pathlib import Path
from types import FrameType
from typing import Any, Final

from .config import VoiceProfile
from .engines import Engine, started_engine
from .errors import RenderError

CACHE_DIR: Final = Path(".cache") / "tts"
MIN_SECONDS_PER_WORD: Final = 0.12
"""Faster than any voice speaks: a shorter file lost audio."""
MAX_SECONDS_PER_WORD: Final = 1.5
ATTEMPTS: Final = 3
DEFAULT_TIMEOUT_S: Final = 60.0
"""Every engine renders a sentence in seconds (Kokoro, the slowest, about 0.65 s per second of speech): a minute
means it is stuck."""


AS_RENDERED: Final = "as rendered"
SPLIT: Final = "split at a comma"
SLOWER_BY: Final = 0.9
"""The slower take's speed, as a share of the voice's own: enough to change how a word comes out, not the show."""
SLOWER: Final = f"slower ({SLOWER_BY:g}x)"
PAUSE: Final = "a pause before a name"
SPELLED: Final = "letters spelled"
RESPELT: Final = "respelt: "
"""A respelling's recipe starts with this and names it: 'respelt: "Voltara" as "Vol-ta-ra"'."""
RECIPES: Final = (AS_RENDERED, SPLIT, SLOWER, PAUSE, SPELLED)
"""Every fixed way a take is made; a repair tries the others in this order, then respellings (respelt)."""
_NAME_INSIDE: Final = re.compile(r"(?<!\S)(?P<word>[^\W\d_][\w'’-]*) (?=(?P<name>[^\W\d_]{2}))")
"""A capitalized word inside a sentence, after a lower-case word: where a name most likely starts."""
_CAPITALS: Final = re.compile(r"\b[A-Z]{2,6}\b")
SPLIT_PAUSE_S: Final = 0.15
"""The pause between the two halves of a split take: a comma's worth."""


def take_key(engine_key: str, text: str, recipe: str = AS_RENDERED) -> str:
    """The content key of a take: the engine (model, voice, settings), the text, and the recipe."""
    blob = f"{engine_key}\n{text}" if recipe == AS_RENDERED else f"{engine_key}\n{recipe}\n{text}"
    return hashlib.sha256(blob.encode()).hexdigest()


def take_path(cache_dir: Path, engine_key: str, text: str, recipe: str = AS_RENDERED) -> Path:
    digest = take_key(engine_key, text, recipe)
    return cache_dir / digest[:2] / f"{digest}.wav"


def cache_path(cache_dir: Path, engine: Engine, text: str) -> Path:
    """Where the sentence's first take (as rendered) is kept."""
    return take_path(cache_dir, engine.key, text)


def slower(profile: VoiceProfile) -> VoiceProfile:
    """The same voice a little slower: speed for the neural voices, words per minute for eSpeak NG (each engine's
    settings have one or the other), never below the setting's own range."""
    changes: dict[str, Any] = {}
    for item in dataclasses.fields(profile):
        if item.name in ("speed", "rate"):
            low = item.metadata.get("range", (0, 0))[0]
            value = getattr(profile, item.name) * SLOWER_BY
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


def respelt(word: str, spelling: str) -> str:
    """The recipe that says `word` as `spelling` (the lexicon line the proof may offer)."""
    return f'{RESPELT}"{word}" as "{spelling}"'


def recipe_text(recipe: str, text: str) -> str:
    """What the engine is told to say for this recipe: the text with a pause (a comma) before each name inside
    it, its capitals spelled letter by letter, or a word respelt as a whole word in its own case."""
    if recipe == PAUSE:
        return _NAME_INSIDE.sub(lambda m: m["word"] + (", " if m["word"][0].islower() and m["name"][0].isupper()
                                                        and m["name"][1].islower() else " "), text)
    if recipe == SPELLED:
        return _CAPITALS.sub(lambda m: " ".join(m.group(0)), text)
    if recipe.startswith(RESPELT):
        found = re.fullmatch(r'"(.+)" as "(.+)"', recipe.removeprefix(RESPELT))
        if found is None:
            raise ValueError(f"unknown recipe {recipe!r}")
        return re.sub(rf"(?<!\w){re.escape(found[1])}(?!\w)", found[2], text)
    return text


def applies(recipe: str, text: str) -> bool:
    """Whether the recipe can make a take of this sentence (a split needs a comma between two long halves, a
    pause a name inside it, spelling capitals, a respelling its word)."""
    if recipe == SPLIT:
        return split_at_comma(text) is not None
    if recipe in (PAUSE, SPELLED) or recipe.startswith(RESPELT):
        return recipe_text(recipe, text) != text
    return True


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


def _join_wavs(first: Path, second: Path, out: Path, pause_s: float) -> None:
    """Two takes one after the other, with `pause_s` of silence between, written atomically to `out`."""
    with wave.open(str(first), "rb") as a, wave.open(str(second), "rb") as b:
        if (a.getframerate(), a.getsampwidth(), a.getnchannels()) != (b.getframerate(), b.getsampwidth(),
                                                                        b.getnchannels()):
            raise RenderError("the halves of a split take differ in format")
        params = a.getparams()
        silence = b"\x00" * (int(pause_s * a.getframerate()) * a.getsampwidth() * a.getnchannels())
        frames = a.readframes(a.getnframes()) + silence + b.readframes(b.getnframes())
    partial = out.with_name(f".{out.name}.{os.getpid()}.part.wav")
    with wave.open(str(partial), "wb") as joined:
        joined.setparams(params)
        joined.writeframes(frames)
    os.replace(partial, out)


def make_take(profile: VoiceProfile, text: str, recipe: str, cache_dir: Path,
              timeout_s: float = DEFAULT_TIMEOUT_S) -> Path:
    """The take of `text` that `recipe` makes with this voice, from the cache or rendered into it."""
    engine = started_engine(profile)
    path = take_path(cache_dir, engine.key, text, recipe)
    if path.exists() and not check_wav(path, text):
        return path
    if recipe == AS_RENDERED:
        render_sentence(engine, text, path, timeout_s)
    elif recipe == SLOWER:
        render_sentence(started_engine(slower(profile)), text, path, timeout_s)
    elif recipe in (PAUSE, SPELLED) or recipe.startswith(RESPELT):
        said = recipe_text(recipe, text)
        if said == text:
            raise RenderError(f"{recipe!r} changes nothing in {' '.join(text.split()[:8])!r}...")
        render_sentence(engine, said, path, timeout_s)
    elif recipe == SPLIT:
        halves = split_at_comma(text)
        if halves is None:
            raise RenderError(f"no comma to split {' '.join(text.split()[:8])!r}... at")
        first, second = (make_take(profile, half, AS_RENDERED, cache_dir, timeout_s) for half in halves)
        path.parent.mkdir(parents=True, exist_ok=True)
        _join_wavs(first, second, path, SPLIT_PAUSE_S)
    else:
        raise ValueError(f"unknown recipe {recipe!r}")
    return path


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
