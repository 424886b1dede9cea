"""The small Opus file for slow or metered connections: the finished MP3, decoded (libsndfile) and encoded
again as mono Ogg Opus by libopus through PyAV, in this process. PyAV rather than libsndfile's own Opus
writer: the same libopus, a third of the time (5 s against 18 s of CPU for a 12-minute episode)."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Final

import av
import numpy as np
import soundfile

from ..errors import AudioError
from .loudness import limit_peaks, true_peak_envelope
from .mix import resampler

RATE: Final = 48000
"""Opus takes 8, 12, 16, 24 or 48 kHz; the episode's 44.1 kHz is resampled to 48."""
BLOCK: Final = 1 << 18
"""Samples read at a time: a long episode never sits in memory whole."""
HEADROOM_DB: Final = 1.5
"""How far under the show's true-peak ceiling the audio is first limited before libopus encodes it: at 28 kb/s
the encoder's own overshoot lifted a -1.5 dBTP episode to -0.5 dBTP. The file is then measured, and encoded
again with more room when it still goes over (a harsher sound overshoots more)."""
METER_MARGIN_DB: Final = 1.0
"""This meter (4x oversampling) reads a decoded Opus file up to about a decibel under ffmpeg's ebur128 (192 kHz),
by which the promise is checked: the file must pass it with this to spare."""


def encode_opus(source: Path, target: Path, kbps: int, ceiling_db: float = -1.5) -> float:
    """`source` (any file libsndfile reads: the episode's MP3) as mono Ogg Opus at about `kbps`, with its true
    peaks under `ceiling_db` as the MP3's are (measured after encoding; see HEADROOM_DB); its seconds."""
    headroom = HEADROOM_DB
    for _ in range(3):
        seconds = _encode(source, target, kbps, ceiling_db - headroom)
        over = true_peak_db(target) - (ceiling_db - METER_MARGIN_DB)
        if over <= 0:
            break
        headroom += over + 0.5
    return seconds


def true_peak_db(path: Path) -> float:
    """The highest true peak of a file libsndfile reads, in dBTP, read a block at a time."""
    peak = 0.0
    try:
        with soundfile.SoundFile(path) as reader:
            while len(block := reader.read(BLOCK, dtype="float32", always_2d=True)):
                peak = max(peak, float(true_peak_envelope(block.mean(axis=1, dtype=np.float32), 0.25).max()))
    except (soundfile.LibsndfileError, RuntimeError, OSError) as exc:
        raise AudioError(f"{path}: cannot read: {exc}") from exc
    return 20 * float(np.log10(max(peak, 1e-9)))


def _encode(source: Path, target: Path, kbps: int, limit_db: float) -> float:
    """One encoding, with the audio limited to `limit_db` true peak first.

    Constrained VBR keeps the file at the rate asked (free VBR ran a third over on speech with music); the
    muxer is bit-exact and the stream's serial number comes from the source, so the same episode always gives
    the same bytes, and so the same published name."""
    partial = target.with_name(f".{target.name}.part")
    frames = 0
    serial = int.from_bytes(hashlib.sha256(source.read_bytes()).digest()[:4], "big") >> 1
    try:
        with soundfile.SoundFile(source) as reader, \
                av.open(str(partial), "w", format="ogg",
                        options={"serial_offset": str(serial), "fflags": "+bitexact"}) as container:
            stream = container.add_stream("libopus", rate=RATE, layout="mono",
                                          options={"application": "audio", "vbr": "constrained"})
            stream.codec_context.bit_rate = kbps * 1000
            resample = resampler(reader.samplerate, RATE)

            def write(samples: np.ndarray) -> None:
                frame = av.AudioFrame.from_ndarray(samples.reshape(1, -1), format="flt", layout="mono")
                frame.sample_rate = RATE
                for packet in stream.encode(frame):
                    container.mux(packet)

            while True:  # read() to the real end: an MP3's frame count in its header is an estimate
                block = reader.read(BLOCK, dtype="float32", always_2d=True)
                if not len(block):
                    break
                out = resample(block.mean(axis=1, dtype=np.float32), False)
                if len(out):
                    write(limit_peaks(out, RATE, limit_db))
                    frames += len(out)
            tail = resample(np.zeros(0, np.float32), True)
            if len(tail):
                write(limit_peaks(tail, RATE, limit_db))
                frames += len(tail)
            for packet in stream.encode(None):
                container.mux(packet)
        partial.replace(target)
    except (soundfile.LibsndfileError, av.FFmpegError, RuntimeError, OSError) as exc:
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
