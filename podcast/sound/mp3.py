"""MP3 encoding (the only importer of lameenc), duration and joining.

Parts are encoded as bare MP3 frame streams (no tags, no Xing header), so that
joining them end to end is itself a valid MP3: the episode and the section clips
are made from the same encoded parts, never encoded twice.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Final

import lameenc
import numpy as np

from ..config import AudioSettings
from ..errors import AudioError, ConfigError
from .jingles import RATE

ENCODER_DELAY_S: Final = 1105 / RATE
"""LAME's encoder delay plus the decoder's: audio starts this late in each part."""


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
