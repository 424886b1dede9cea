"""Mixing one part: speech decoded and resampled, pauses, jingles, the music bed, levelled to the show's loudness.

Encoding and joining are in mp3.py.
"""

from __future__ import annotations

import hashlib
import shutil
import wave
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Final

import numpy as np
import soxr
from pydub import AudioSegment
from pydub.exceptions import CouldntDecodeError

from ..config import AudioSettings
from ..errors import AudioError, ConfigError, MissingToolError
from ..parts import Part
from . import jingles, loudness

RATE: Final = jingles.RATE
ENCODER_LOSS_DB: Final = 0.4
"""Measured: LAME at 96 kbps mono takes about 0.4 LU from levelled speech; aim that much higher."""
SILENCE: Final = 10 ** (-50 / 20)
ENCODER_PEAK_MARGIN_DB: Final = 0.5
"""MP3 encoding raises true peaks: measured up to +0.3 dB on levelled speech at 96 kbps (ffmpeg ebur128 on the
decoded episode). The limiter aims this much lower, so the published file meets `true_peak_db`."""


@dataclass(frozen=True)
class Mixed:
    samples: np.ndarray
    spans: tuple[tuple[float, float], ...]
    """(start, end) in seconds of each line within the part."""


def require_ffmpeg() -> None:
    if shutil.which("ffmpeg") is None:
        raise MissingToolError("ffmpeg", "ffmpeg")


def load_audio(path: Path) -> np.ndarray:
    """Any audio file ffmpeg reads, as mono float32 at 44.1 kHz."""
    require_ffmpeg()
    try:
        segment = AudioSegment.from_file(str(path)).set_channels(1).set_sample_width(2).set_frame_rate(RATE)
    except (CouldntDecodeError, OSError, IndexError) as exc:
        raise AudioError(f"{path}: cannot decode audio: {exc}") from exc
    return np.frombuffer(segment.raw_data, dtype=np.int16).astype(np.float32) / 32768


def load_speech(path: Path) -> np.ndarray:
    """An engine's WAV as float32 at 44.1 kHz, its trailing silence trimmed (pauses are ours).

    Engines speak at 22.05 kHz (eSpeak NG, Piper) or 24 kHz (Kokoro): soxr's
    high-quality resampler brings them to the episode's rate, deterministically.
    """
    with wave.open(str(path), "rb") as wav:
        rate, width, channels = wav.getframerate(), wav.getsampwidth(), wav.getnchannels()
        frames = wav.readframes(wav.getnframes())
    if width != 2 or channels != 1:
        return load_audio(path)
    x = np.frombuffer(frames, dtype=np.int16).astype(np.float32) / 32768
    loud = np.flatnonzero(np.abs(x) > SILENCE)
    if len(loud):  # keep 60 ms past the last audible sample: word endings are never cut
        x = x[: min(len(x), loud[-1] + int(0.06 * rate))]
    if rate == RATE:
        return x
    return np.asarray(soxr.resample(x, rate, RATE, quality="HQ"), dtype=np.float32)


def jingle_fingerprints(settings: AudioSettings, show_dir: Path) -> dict[str, str]:
    """What identifies each jingle: the built-in version, or the producer file's content hash."""
    prints = {}
    for name, file in settings.jingle_files().items():
        if not file:
            prints[name] = "builtin-1"
            continue
        path = show_dir / file
        if not path.is_file():
            raise ConfigError(path, f"{name} audio file not found")
        prints[name] = hashlib.sha256(path.read_bytes()).hexdigest()
    return prints


def _jingle(name: str, settings: AudioSettings, show_dir: Path) -> np.ndarray:
    file = settings.jingle_files()[name]
    return load_audio(show_dir / file) if file else jingles.DEFAULTS[name]()


def _at_level(samples: np.ndarray, reference_lufs: float, offset_db: float) -> np.ndarray:
    measured = loudness.integrated_lufs(samples, RATE)
    if not np.isfinite(measured) or not np.isfinite(reference_lufs):
        return samples
    return np.asarray(samples * np.float32(10 ** ((reference_lufs + offset_db - measured) / 20)), dtype=np.float32)


def _silence(ms: float) -> np.ndarray:
    return np.zeros(int(RATE * ms / 1000), dtype=np.float32)


def _ducked_bed(bed: np.ndarray, voice: np.ndarray, settings: AudioSettings, voice_lufs: float) -> np.ndarray:
    """The bed looped to the voice's length, low under speech and rising a little in its gaps."""
    n = len(voice)
    looped = np.resize(bed, n) if len(bed) else np.zeros(n, np.float32)
    looped = _at_level(looped, voice_lufs, settings.bed_level_db)
    window = int(0.25 * RATE)
    active = loudness.moving_average((np.abs(voice) > 0.02).astype(np.float32), window) > 0.05
    duck = np.where(active, 1.0, 10 ** (6 / 20)).astype(np.float32)  # 6 dB up between sentences
    duck = loudness.moving_average(duck, window)
    fade = np.minimum(1.0, np.minimum(np.arange(n), n - np.arange(n)) / RATE).astype(np.float32)
    return np.asarray(looped * duck * fade, dtype=np.float32)


def mix_part(part: Part, speech: list[np.ndarray], settings: AudioSettings, show_dir: Path) -> Mixed:
    """Lay out one part, then level it to the show's loudness under its true-peak ceiling."""
    pieces: list[np.ndarray] = []
    spans = []
    cursor = 0
    for line, audio in zip(part.sentences, speech, strict=True):
        spans.append((cursor, cursor + len(audio)))
        pieces += [audio, _silence(line.pause_ms)]
        cursor += len(audio) + len(pieces[-1])
    voice = np.concatenate(pieces)
    needs_reference = part.bed or part.lead or part.tail
    voice_lufs = loudness.integrated_lufs(voice, RATE) if needs_reference else float("-inf")

    if part.bed:
        voice = voice + _ducked_bed(_jingle("bed", settings, show_dir), voice, settings, voice_lufs)
    before = [_silence(part.pause_before_ms)]
    overlap = 0
    if part.lead:
        lead = _at_level(_jingle(part.lead, settings, show_dir), voice_lufs, settings.music_level_db)
        if part.lead == "theme":  # the voice comes in over the theme's last half second
            overlap = min(int(0.5 * RATE), len(lead))
            before += [lead[: len(lead) - overlap]]
            voice = voice.copy()
            voice[:overlap] += lead[len(lead) - overlap :][: len(voice)]
        else:
            before += [lead, _silence(300)]
    after = []
    if part.tail:
        after = [_silence(600), _at_level(_jingle(part.tail, settings, show_dir), voice_lufs, settings.music_level_db)]
    offset = sum(len(p) for p in before)
    samples = np.concatenate([*before, voice, *after])
    target = settings.loudness_lufs + ENCODER_LOSS_DB
    leveled = loudness.level(samples, RATE, target, settings.true_peak_db - ENCODER_PEAK_MARGIN_DB)
    return Mixed(leveled, tuple(((offset + a) / RATE, (offset + b) / RATE) for a, b in spans))


def resampler(rate_in: int, rate_out: int) -> Callable[[np.ndarray, bool], np.ndarray]:
    """A streaming resampler (soxr, high quality) for long audio read in blocks: call it with each mono float32
    block, and `last=True` once at the end (with an empty block) for what it still holds."""
    stream = soxr.ResampleStream(rate_in, rate_out, 1, dtype="float32", quality="HQ")

    def resample(block: np.ndarray, last: bool = False) -> np.ndarray:
        return np.asarray(stream.resample_chunk(block, last=last), dtype=np.float32)

    return resample
