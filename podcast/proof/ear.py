"""The independent ear: Whisper base (CTranslate2, int8, CPU) through faster-whisper, its only importer.

One model per process, loaded on first use. Audio goes in as 16 kHz mono float32;
the ear listens for the show's language (given, never guessed), decodes greedily
and writes no timestamps: what is wanted is the words, as fast as they can be had.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final

import numpy as np

from .. import timings
from ..errors import AudioError
from ..langtag import base
from . import model

RATE: Final = 16_000
"""Whisper hears at 16 kHz."""
WINDOW_S: Final = 30.0
"""Whisper hears 30 s at a time: shorter audio is padded to it, so sentences are heard several to a window."""
BEAM: Final = 1
"""Greedy decoding: measured on Kokoro renders, beam 5 changed no verdict and cost a third more time."""
TOGETHER: Final = 4
"""Windows decoded in one batch. Each decoding step reads the whole decoder (about 85 MB at int8 with a window's
cross-attention cache) whatever the batch holds, so a step for four windows costs little more than one: measured
on the sample's windows, 10-13 ms a token alone, 8 in twos and under 6 in fours, the same tokens each way."""
NO_SPEECH: Final = 0.6
"""faster-whisper's no-speech threshold: a window it finds this likely silent, and heard with an average log
probability under LOG_PROB, is heard as nothing (as `transcribe` does; a test holds `hear_all` to it)."""
LOG_PROB: Final = -1.0


@dataclass(frozen=True)
class Language:
    code: str
    """The language Whisper heard most likely ("en", "es", ...)."""
    probability: float
    own: float
    """How likely Whisper finds the show's own language."""


UNCHECKED: Final = {
    "hi": "Whisper base writes Hindi in Urdu script, so no word it hears can meet the script's Devanagari",
}
"""Languages the ear hears but cannot check: the proof would flag every sentence and repair each in vain."""


def cannot_check(language: str) -> str:
    """Why the ear cannot check a show in this language, or ""."""
    return UNCHECKED.get(whisper_code(language), "")


def whisper_code(language: str) -> str:
    """The show's language ("en", "en-GB") as Whisper names it ("en")."""
    return base(language) or "en"


@functools.lru_cache(maxsize=1)
def _model(folder: Path, threads: int) -> Any:
    """One recognizer per process: it takes about 0.3 GB and a second to load."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")  # the model is a local folder; never ask a hub
    from faster_whisper import WhisperModel

    with timings.span("proof: load the recognizer"):
        return WhisperModel(str(folder), device="cpu", compute_type="int8", cpu_threads=threads)


class Ear:
    """Transcribes audio in the show's language."""

    def __init__(self, language: str, threads: int = 0) -> None:
        self.language = whisper_code(language)
        self.threads = threads or min(os.cpu_count() or 1, 4)

    @property
    def key(self) -> str:
        """Everything that changes what is heard, for the proof's cache."""
        return f"whisper-base|{model.FILES[0].sha256[:16]}|{self.language}|beam{BEAM}"

    def start(self) -> None:
        """Check the model files (one line naming the install command when missing), then load them."""
        _model(model.installed(), self.threads)

    def hear(self, samples: np.ndarray) -> str:
        """What is said in 16 kHz mono float32 audio, as Whisper writes it (digits, names as it spells them)."""
        whisper = _model(model.installed(), self.threads)
        with timings.span("proof: hear (Whisper)"):
            segments, _ = whisper.transcribe(
                np.asarray(samples, dtype=np.float32), language=self.language, beam_size=BEAM,
                without_timestamps=len(samples) <= WINDOW_S * RATE, condition_on_previous_text=False,
                vad_filter=False, temperature=0.0)
            return " ".join(segment.text.strip() for segment in segments).strip()

    def hear_all(self, windows: Sequence[np.ndarray]) -> list[str]:
        """What is said in each window, as `hear` would write it, the windows of up to WINDOW_S decoded
        TOGETHER at a time (a longer one is heard alone, in Whisper's 30 s steps)."""
        texts: dict[int, str] = {}
        short = []
        for n, samples in enumerate(windows):
            if len(samples) <= WINDOW_S * RATE:
                short.append(n)
            else:
                texts[n] = self.hear(samples)
        for start in range(0, len(short), TOGETHER):
            group = short[start:start + TOGETHER]
            with timings.span("proof: hear (Whisper)"):
                texts |= zip(group, self._decode([windows[n] for n in group]), strict=True)
        return [texts[n] for n in range(len(windows))]

    def _decode(self, windows: list[np.ndarray]) -> list[str]:
        """Windows of at most 30 s decoded in one batch, each the way faster-whisper's `transcribe` decodes a
        window without timestamps: its features cut to the audio's frames and padded to 30 s, the same prompt
        and suppressed tokens, and a window it judges silent heard as nothing."""
        from faster_whisper.tokenizer import Tokenizer
        from faster_whisper.transcribe import get_suppressed_tokens, pad_or_trim

        whisper = _model(model.installed(), self.threads)
        tokenizer = Tokenizer(whisper.hf_tokenizer, whisper.model.is_multilingual, task="transcribe",
                              language=self.language)
        features = []
        for samples in windows:
            frames = whisper.feature_extractor(np.asarray(samples, dtype=np.float32))
            content = min(frames.shape[-1] - 1, whisper.feature_extractor.nb_max_frames)
            features.append(pad_or_trim(frames[:, :content]))
        prompt = whisper.get_prompt(tokenizer, [], without_timestamps=True)
        results = whisper.model.generate(
            whisper.encode(np.stack(features)), [prompt] * len(windows), beam_size=BEAM, patience=1,
            length_penalty=1, repetition_penalty=1, no_repeat_ngram_size=0, max_length=whisper.max_length,
            return_scores=True, return_no_speech_prob=True, suppress_blank=True,
            suppress_tokens=get_suppressed_tokens(tokenizer, [-1]),
            max_initial_timestamp_index=round(1.0 / whisper.time_precision))
        texts = []
        for result in results:
            tokens = result.sequences_ids[0]
            average = result.scores[0] * len(tokens) / (len(tokens) + 1)
            silent = result.no_speech_prob > NO_SPEECH and not average > LOG_PROB
            texts.append("" if silent else tokenizer.decode(tokens).strip())
        return texts

    def which_language(self, samples: np.ndarray) -> Language:
        """The language Whisper hears in the audio, and how likely it finds the show's own."""
        whisper = _model(model.installed(), self.threads)
        code, probability, ranked = whisper.detect_language(np.asarray(samples, dtype=np.float32))
        own = next((p for name, p in ranked if name == self.language), 0.0)
        return Language(code, float(probability), float(own))


def load(path: Path) -> np.ndarray:
    """An audio file as 16 kHz mono float32, resampled the way the recognizer was trained to hear."""
    from faster_whisper import decode_audio

    try:
        return np.asarray(decode_audio(str(path), sampling_rate=RATE), dtype=np.float32)
    except (OSError, ValueError) as exc:
        raise AudioError(f"{path}: cannot decode audio for the proof: {exc}") from exc
