"""The small Opus file for slow or metered connections: the finished MP3, decoded and encoded again as
mono Ogg Opus, in this process by libsndfile (soundfile), which reads MP3 and writes Opus since 1.1."""

from __future__ import annotations

import hashlib
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
        _fix_serial(partial, hashlib.sha256(source.read_bytes()).digest()[:4])
        partial.replace(target)
    except (soundfile.LibsndfileError, RuntimeError, OSError) as exc:
        partial.unlink(missing_ok=True)
        raise AudioError(f"{source}: cannot encode the Opus version: {exc}") from exc
    return frames / RATE


def _crc_table() -> list[int]:
    table = []
    for byte in range(256):
        crc = byte << 24
        for _ in range(8):
            crc = ((crc << 1) ^ 0x04C11DB7) if crc & 0x80000000 else crc << 1
        table.append(crc & 0xFFFFFFFF)
    return table


_CRC: Final = _crc_table()
"""Ogg's page checksum: CRC-32, polynomial 0x04C11DB7, not reflected, initial value 0."""


def _ogg_crc(page: bytes | bytearray) -> int:
    crc, table = 0, _CRC
    for byte in page:
        crc = ((crc << 8) & 0xFFFFFFFF) ^ table[(crc >> 24) ^ byte]
    return crc


def _fix_serial(path: Path, serial: bytes) -> None:
    """Give the Ogg stream a serial number of our choosing (libsndfile picks a random one), each page's
    checksum made again: the same episode always gives the same bytes, and so the same published name."""
    data = bytearray(path.read_bytes())
    at = 0
    while at + 27 <= len(data) and data[at:at + 4] == b"OggS":
        segments = data[at + 26]
        length = 27 + segments + sum(data[at + 27:at + 27 + segments])
        data[at + 14:at + 18] = serial
        data[at + 22:at + 26] = bytes(4)
        data[at + 22:at + 26] = _ogg_crc(data[at:at + length]).to_bytes(4, "little")
        at += length
    if at != len(data):
        raise AudioError(f"{path}: not a whole Ogg stream")
    path.write_bytes(data)


def duration(path: Path) -> float:
    """Seconds of audio in a file libsndfile reads (the Opus file, or an MP3)."""
    try:
        info = soundfile.info(str(path))
    except (soundfile.LibsndfileError, RuntimeError, OSError) as exc:
        raise AudioError(f"{path}: cannot read: {exc}") from exc
    return float(info.frames) / info.samplerate
