"""The small Opus file for slow or metered connections: the finished MP3, decoded and encoded again as
mono Ogg Opus, in this process by libsndfile (soundfile), which reads MP3 and writes Opus since 1.1."""

from __future__ import annotations

from pathlib import Path
from typing import Final

import numpy as np
import soundfile

from ..errors import AudioError
from .mix import resampler

RATE: Final = 48000
"""Opus takes 8, 12, 16, 24 or 48 kHz; the episode's 44.1 kHz is resampled to 48."""
BLOCK: Final = 1 << 18
"""Samples read at a time: a long episode never sits in memory whole."""
MAX_BPS: Final = 256_000
MIN_BPS: Final = 6_000


def compression_level(kbps: int) -> float:
    """libsndfile's 0..1 compression level for a mono Opus bit rate: it sets the bit rate linearly from
    256 kb/s (0.0) down to 6 kb/s (1.0), per channel."""
    bps = min(MAX_BPS, max(MIN_BPS, kbps * 1000))
    return (MAX_BPS - bps) / (MAX_BPS - MIN_BPS)


def encode_opus(source: Path, target: Path, kbps: int) -> float:
    """`source` (any file libsndfile reads: the episode's MP3) as mono Ogg Opus at about `kbps`; its seconds."""
    partial = target.with_name(f".{target.name}.part")
    frames = 0
    try:
        with soundfile.SoundFile(source) as reader:
            resample = resampler(reader.samplerate, RATE)
            with soundfile.SoundFile(partial, "w", RATE, 1, subtype="OPUS", format="OGG",
                                     compression_level=compression_level(kbps)) as writer:
                while True:  # read() to the real end: an MP3's frame count in its header is an estimate
                    block = reader.read(BLOCK, dtype="float32", always_2d=True)
                    if not len(block):
                        break
                    mono = block.mean(axis=1, dtype=np.float32)
                    out = resample(mono, False)
                    writer.write(out)
                    frames += len(out)
                tail = resample(np.zeros(0, np.float32), True)
                writer.write(tail)
                frames += len(tail)
        partial.replace(target)
    except (soundfile.LibsndfileError, RuntimeError, OSError) as exc:
        partial.unlink(missing_ok=True)
        raise AudioError(f"{source}: cannot encode the Opus version: {exc}") from exc
    return frames / RATE


def duration(path: Path) -> float:
    """Seconds of audio in a file libsndfile reads (the Opus file, or an MP3)."""
    try:
        info = soundfile.info(str(path))
    except (soundfile.LibsndfileError, RuntimeError, OSError) as exc:
        raise AudioError(f"{path}: cannot read: {exc}") from exc
    return float(info.frames) / info.samplerate
