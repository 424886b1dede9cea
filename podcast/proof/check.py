"""Hearing every rendered sentence back: several sentences to each of the ear's windows, cached by audio hash.

Whisper hears 30 s at a time whatever it is given, so hearing sentences one by one
would cost a whole window each. Sentences are packed in order into windows instead,
with a short silence between them, the windows are decoded together (ear.TOGETHER at
a time), and what was heard is cut back into sentences
along the word alignment. A sentence that raises an alarm there is heard again on
its own before it is flagged, so that a word the cut gave to the wrong neighbour
never flags a sentence. What was heard is cached under the hash of the sentence's
audio: a rebuild after a one-story edit hears only that story's new sentences.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Final

import numpy as np

from .. import timings
from . import compare
from .compare import Numbers, Verbalizer, Verdict
from .ear import RATE, WINDOW_S, Ear, load

CACHE_DIR: Final = Path(".cache") / "proof"
GAP_S: Final = 0.4
"""Silence between sentences in a window: enough for the ear to hear a sentence end, little enough to pack."""
FILL_S: Final = WINDOW_S - 0.5
"""A window is filled up to this much audio (Whisper's last half second is where it drops words)."""
LANGUAGE_NAMES: Final = {"en": "English", "es": "Spanish", "fr": "French", "de": "German", "it": "Italian",
                         "pt": "Portuguese", "hi": "Hindi", "ja": "Japanese", "zh": "Chinese", "nl": "Dutch",
                         "la": "Latin"}


@dataclass(frozen=True)
class Sentence:
    """One rendered sentence as the proof sees it."""

    text: str
    """What the engine was told to say (the spoken script)."""
    audio: Path
    """The engine's WAV for it."""
    start: float = 0.0
    """Seconds from the start of the episode."""
    end: float = 0.0
    written: str = ""
    """The sentence as the digest wrote it, for the producer's page."""


@dataclass(frozen=True)
class Hearing:
    """What the ear heard of one sentence's audio."""

    heard: tuple[str, ...]
    """Comparable words (see compare.words), through the show's verbalizer."""
    alone: bool
    """Heard on its own rather than in a window with its neighbours."""
    language: str = ""
    """Whisper's language code for it, when it was asked (only for flagged sentences)."""
    language_probability: float = 0.0


@dataclass(frozen=True)
class Checked:
    sentence: Sentence
    hearing: Hearing
    verdict: Verdict
    repair: str = ""
    """How a flagged sentence was rendered again and heard right ("" when it was not)."""
    lexicon: tuple[str, ...] = ()
    """Lexicon lines verified for a flagged sentence: each changes what the voice says, touches only its word, and
    the sentence re-rendered with it was heard as written (repair.py)."""
    no_fix: str = ""
    """Why no repair or lexicon line is offered for a flagged sentence ("" when one is, or it is not flagged)."""

    @property
    def heard(self) -> str:
        return " ".join(self.hearing.heard)


def audio_hash(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


class Proofer:
    """Hears sentences and judges them, with a cache of hearings in `cache_dir`."""

    def __init__(self, ear: Ear, verbalize: Verbalizer, cache_dir: Path, threshold: float,
                 use_cache: bool = True, numbers: Numbers | None = None) -> None:
        self.ear = ear
        self.numbers = numbers
        """How the show's language says figures (None: English), for comparing them by value."""
        self.use_cache = use_cache
        self.verbalize = verbalize
        self.cache_dir = cache_dir
        self.threshold = threshold
        self.heard_now = 0
        """Hearings made in this process (a sentence heard in a window and again alone counts twice)."""
        self.from_cache = 0
        """Sentences whose hearing came from the cache in the last check."""

    # --- the cache ---------------------------------------------------------------------------------

    def _path(self, digest: str) -> Path:
        key = hashlib.sha256(f"{self.ear.key}|{compare.VERSION}|{digest}".encode()).hexdigest()
        return self.cache_dir / key[:2] / f"{key}.json"

    def cached(self, digest: str) -> Hearing | None:
        if not self.use_cache:
            return None
        try:
            data = json.loads(self._path(digest).read_text())
            return Hearing(tuple(data["heard"]), bool(data["alone"]), str(data.get("language", "")),
                           float(data.get("language_probability", 0.0)))
        except (OSError, ValueError, KeyError, TypeError):
            return None

    def store(self, digest: str, hearing: Hearing) -> None:
        path = self._path(digest)
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_name(f".{path.name}.{os.getpid()}.part")
        partial.write_text(json.dumps({"heard": list(hearing.heard), "alone": hearing.alone,
                                       "language": hearing.language,
                                       "language_probability": hearing.language_probability}))
        os.replace(partial, path)

    # --- hearing ------------------------------------------------------------------------------------

    def said(self, sentence: Sentence) -> list[str]:
        return compare.words(sentence.text)

    def judge(self, sentence: Sentence, hearing: Hearing) -> Verdict:
        with timings.span("proof: compare"):
            verdict = compare.judge(self.said(sentence), hearing.heard, self.threshold, self.numbers)
        if (verdict.flagged and hearing.heard and hearing.language and hearing.language != self.ear.language
                and hearing.language_probability >= 0.5):
            name = LANGUAGE_NAMES.get(hearing.language, hearing.language)
            return replace(verdict, reason=f"wrong-language reading: it sounds like {name} "
                                           f"({hearing.language_probability:.0%}); {verdict.reason}")
        return verdict

    def hear_alone(self, sentence: Sentence, audio: np.ndarray, digest: str) -> Hearing:
        """One sentence heard on its own and cached; when it fails, also which language it sounds like."""
        self.heard_now += 1
        hearing = Hearing(tuple(compare.heard_words(self.ear.hear(audio), self.verbalize)), True)
        if compare.judge(self.said(sentence), hearing.heard, self.threshold, self.numbers).flagged:
            language = self.ear.which_language(audio)
            hearing = replace(hearing, language=language.code, language_probability=round(language.probability, 3))
        self.store(digest, hearing)
        return hearing

    def check(self, sentences: list[Sentence]) -> list[Checked]:
        """Every sentence heard (or taken from the cache) and judged, in order."""
        digests = [audio_hash(s.audio) for s in sentences]
        hearings: dict[int, Hearing] = {}
        todo = []
        self.from_cache = 0
        for n, digest in enumerate(digests):
            hit = self.cached(digest)
            if hit is not None:
                hearings[n] = hit
                self.from_cache += 1
            else:
                todo.append(n)
        audio = {n: load(sentences[n].audio) for n in todo}
        windows = _windows(todo, {n: len(a) / RATE for n, a in audio.items()})
        shared = [window for window in windows if len(window) > 1]
        gap = np.zeros(int(GAP_S * RATE), dtype=np.float32)
        texts = self.ear.hear_all([np.concatenate([piece for n in window for piece in (audio[n], gap)])
                                   for window in shared])
        for window, text in zip(shared, texts, strict=True):
            self.heard_now += len(window)
            pieces = compare.split_heard([self.said(sentences[n]) for n in window],
                                         compare.heard_words(text, self.verbalize))
            for n, piece in zip(window, pieces, strict=True):
                hearings[n] = Hearing(tuple(piece), False)
        for window in windows:
            if len(window) == 1:
                n = window[0]
                hearings[n] = self.hear_alone(sentences[n], audio[n], digests[n])
            for n in window:
                if not hearings[n].alone and not self.judge(sentences[n], hearings[n]).flagged:
                    self.store(digests[n], hearings[n])
        for n, sentence in enumerate(sentences):  # a sentence flagged in a window is heard again alone first
            if not hearings[n].alone and self.judge(sentence, hearings[n]).flagged:
                hearings[n] = self.hear_alone(sentence, audio[n] if n in audio else load(sentence.audio), digests[n])
        return [Checked(s, hearings[n], self.judge(s, hearings[n])) for n, s in enumerate(sentences)]

    def check_take(self, sentence: Sentence) -> Checked:
        """One take of a sentence, heard alone (a repair's candidates are compared on equal terms)."""
        digest = audio_hash(sentence.audio)
        hearing = self.cached(digest)
        if hearing is None or not hearing.alone:
            hearing = self.hear_alone(sentence, load(sentence.audio), digest)
        return Checked(sentence, hearing, self.judge(sentence, hearing))


def keep_hearing(show_dir: Path, language: str, audio: Path, hearing: Hearing) -> None:
    """Cache what was heard of `audio` elsewhere (a cluster's worker) as if it had been heard here."""
    Proofer(Ear(language), str, show_dir / CACHE_DIR, 0.0).store(audio_hash(audio), hearing)


def _windows(order: Iterable[int], seconds: dict[int, float]) -> list[list[int]]:
    """Sentences in order, packed into windows of at most FILL_S seconds with their gaps; a longer one alone."""
    windows: list[list[int]] = []
    current: list[int] = []
    filled = 0.0
    for n in order:
        length = seconds[n] + GAP_S
        if current and filled + length > FILL_S:
            windows.append(current)
            current, filled = [], 0.0
        current.append(n)
        filled += length
    if current:
        windows.append(current)
    return windows
