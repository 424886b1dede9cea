"""Mixing one part (speech, pauses, jingles, music bed), levelling it, and MP3 encoding and joining.

Parts are encoded as bare MP3 frame streams (no tags, no Xing header), so that
joining them end to end is itself a valid MP3: the episode and the section clips
are made from the same encoded parts, never encoded twice.
"""

from __future__ import annotations

import hashlib
import shutil
import wave
from dataclasses import dataclass
from pathlib import Path
from typing import Final

import lameenc
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
ENCODER_DELAY_S: Final = 1105 / RATE
"""LAME's encoder delay plus the decoder's: audio starts this late in each part."""
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
    custom = {"theme": settings.intro_jingle, "stinger": settings.stinger, "outro": settings.outro_jingle,
              "bed": settings.music_bed}
    prints = {}
    for name, file in custom.items():
        if not file:
            prints[name] = "builtin-1"
            continue
        path = show_dir / file
        if not path.is_file():
            raise ConfigError(path, f"{name} audio file not found")
        prints[name] = hashlib.sha256(path.read_bytes()).hexdigest()
    return prints


def _jingle(name: str, settings: AudioSettings, show_dir: Path) -> np.ndarray:
    file = {"theme": settings.intro_jingle, "stinger": settings.stinger, "outro": settings.outro_jingle,
            "bed": settings.music_bed}[name]
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
    for line, audio in zip(part.lines, speech, strict=True):
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


def encode_mp3_bytes(samples: np.ndarray, settings: AudioSettings) -> bytes:
    """A constant-bit-rate MP3 frame stream: no tags and no Xing header, so parts can be joined.

    LAME runs in this process (lameenc): no ffmpeg start-up and no PCM pipe per part.
    """
    if settings.sample_rate != RATE:
        raise ConfigError(f"sample_rate {settings.sample_rate}", f"only {RATE} Hz is supported")
    if settings.channels not in (1, 2):
        raise ConfigError(f"channels {settings.channels}", "must be 1 or 2")
    try:
        kbps = int(settings.bitrate.lower().removesuffix("k"))
    except ValueError as exc:
        raise ConfigError(f"bitrate {settings.bitrate!r}", "must be like \"96k\"") from exc
    pcm = (np.clip(samples, -1.0, 1.0) * 32767).astype("<i2")
    if settings.channels == 2:
        pcm = np.repeat(pcm, 2)
    encoder = lameenc.Encoder()
    try:
        encoder.set_bit_rate(kbps)
        encoder.set_in_sample_rate(RATE)
        encoder.set_channels(settings.channels)
        encoder.set_quality(settings.encoder_quality)
        data = encoder.encode(pcm.tobytes()) + encoder.flush()
    except RuntimeError as exc:
        raise AudioError(f"MP3 encoding failed: {exc}") from exc
    return bytes(data)


_BITRATES: Final = (0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320)
_RATES: Final = (44100, 48000, 32000)


def mp3_duration(data: bytes) -> float:
    """Seconds of audio in an MPEG-1 Layer III frame stream, by walking its frame headers."""
    pos, frames, rate = 0, 0, RATE
    while pos + 4 <= len(data):
        if data[pos] != 0xFF or (data[pos + 1] & 0xFE) != 0xFA:
            pos += 1  # not a frame start (e.g. a tag): skip
            continue
        bitrate = _BITRATES[data[pos + 2] >> 4] * 1000
        rate = _RATES[(data[pos + 2] >> 2) & 3] if (data[pos + 2] >> 2) & 3 < 3 else RATE
        if not bitrate:
            pos += 1
            continue
        pos += 144 * bitrate // rate + ((data[pos + 2] >> 1) & 1)
        frames += 1
    return frames * 1152 / rate


def join_mp3(parts: list[Path], out: Path) -> None:
    """Frame streams joined end to end: a valid MP3, with no re-encoding."""
    with out.open("wb") as target:
        for part in parts:
            with part.open("rb") as source:
                shutil.copyfileobj(source, target)
