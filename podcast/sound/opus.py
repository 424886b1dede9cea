"""The small Opus file for slow or metered connections: the finished MP3, decoded (libsndfile), resampled to
48 kHz (soxr) and encoded again as mono Ogg Opus, in this process.

Same episode, same bytes, on any machine: the encoder is libopus built by `make setup` as plain C (no SSE or
AVX kernels chosen at run time, no approximate reciprocals, float approximations rather than libm's log and
exp), loaded here with ctypes, and the Ogg pages are written here. The libopus in the PyAV and libsndfile wheels
picks its kernels by CPU and uses the CPU's approximate reciprocal (rcpps/rsqrtps, which Intel and AMD round
differently): its Opus bytes differed between machines, and so did the file's published name. The decoding
(libmpg123's synth) and the resampling (soxr's single-precision SSE path) give the same samples everywhere."""

from __future__ import annotations

import ctypes
import hashlib
import os
import struct
import sys
import zlib
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import BinaryIO, Final

import numpy as np
import soundfile

from ..errors import AudioError
from .loudness import limit_peaks
from .mix import resampler

RATE: Final = 48000
"""Opus takes 8, 12, 16, 24 or 48 kHz; the episode's 44.1 kHz is resampled to 48."""
BLOCK: Final = 1 << 18
"""Samples read at a time: a long episode never sits in memory whole."""
HEADROOM_DB: Final = 2.0
"""How far under the show's true-peak ceiling the audio is limited before libopus encodes it: at 28 kb/s the
encoder's own overshoot lifted a -1.5 dBTP episode to -0.5 dBTP, and harsh speech by up to 1.4 dB. A fixed room,
not a measurement after encoding and a second try: a decoder's peak reading differs a little between CPUs, and
the bytes must not follow it."""
FRAME: Final = 960
"""Samples in one Opus packet: 20 ms at 48 kHz."""
LIBOPUS_VERSION: Final = "libopus 1.3.1"
"""The release `make setup` builds: another release (or build) may choose other bytes for the same audio."""
LIBRARY_HINT: Final = "build it with `make setup` in the podcast source"

_APPLICATION_AUDIO: Final = 2049
_SET_BITRATE: Final = 4002
_SET_VBR: Final = 4006
_SET_VBR_CONSTRAINT: Final = 4020
_GET_LOOKAHEAD: Final = 4027
_MAX_PACKET: Final = 1275 * 3
_PAGE_SAMPLES: Final = RATE
"""An Ogg page holds about a second of packets (seeking reads a page at a time)."""


def library_path() -> Path:
    """Where `make setup` puts the deterministic libopus: $PODCAST_LIBOPUS, else the environment's lib/podcast."""
    return Path(os.environ.get("PODCAST_LIBOPUS") or Path(sys.prefix) / "lib" / "podcast" / "libopus.so")


@cache
def _libopus() -> ctypes.CDLL:
    path = library_path()
    if not path.is_file():
        raise AudioError(f"{path}: the Opus encoder is missing; {LIBRARY_HINT}")
    lib = ctypes.CDLL(str(path))
    lib.opus_get_version_string.restype = ctypes.c_char_p
    version = lib.opus_get_version_string().decode()
    if version != LIBOPUS_VERSION:
        raise AudioError(f"{path}: {version}, not {LIBOPUS_VERSION}; {LIBRARY_HINT}")
    lib.opus_encoder_create.restype = ctypes.c_void_p
    lib.opus_encoder_create.argtypes = [ctypes.c_int32, ctypes.c_int, ctypes.c_int, ctypes.POINTER(ctypes.c_int)]
    lib.opus_encoder_destroy.argtypes = [ctypes.c_void_p]
    lib.opus_encode_float.restype = ctypes.c_int32
    lib.opus_encode_float.argtypes = [ctypes.c_void_p, ctypes.c_void_p, ctypes.c_int, ctypes.c_char_p,
                                      ctypes.c_int32]
    lib.opus_strerror.restype = ctypes.c_char_p
    return lib


class _Encoder:
    """One mono libopus encoder at 48 kHz: float samples in, 20 ms packets out."""

    def __init__(self, kbps: int) -> None:
        self.lib = _libopus()
        error = ctypes.c_int()
        self.state = self.lib.opus_encoder_create(RATE, 1, _APPLICATION_AUDIO, ctypes.byref(error))
        if error.value or not self.state:
            raise AudioError(f"cannot start the Opus encoder: {self._error(error.value)}")
        # Constrained VBR keeps the file at the rate asked (free VBR ran a third over on speech with music).
        self._set(_SET_BITRATE, kbps * 1000)
        self._set(_SET_VBR, 1)
        self._set(_SET_VBR_CONSTRAINT, 1)
        lookahead = ctypes.c_int32()
        self._call(_GET_LOOKAHEAD, ctypes.byref(lookahead))
        self.lookahead = lookahead.value
        self.out = ctypes.create_string_buffer(_MAX_PACKET)

    def _error(self, code: int) -> str:
        return str(self.lib.opus_strerror(code).decode())

    def _call(self, request: int, value: object) -> None:
        code = self.lib.opus_encoder_ctl(ctypes.c_void_p(self.state), ctypes.c_int(request), value)
        if code:
            raise AudioError(f"the Opus encoder refused setting {request}: {self._error(code)}")

    def _set(self, request: int, value: int) -> None:
        self._call(request, ctypes.c_int32(value))

    def encode(self, frame: np.ndarray) -> bytes:
        """One packet from exactly FRAME float32 samples."""
        samples = np.ascontiguousarray(frame, dtype=np.float32)
        size = self.lib.opus_encode_float(self.state, samples.ctypes.data, FRAME, self.out, _MAX_PACKET)
        if size < 0:
            raise AudioError(f"the Opus encoder failed: {self._error(size)}")
        return self.out.raw[:size]

    def close(self) -> None:
        if self.state:
            self.lib.opus_encoder_destroy(self.state)
            self.state = None


_BIT_REVERSED: Final = bytes(int(f"{n:08b}"[::-1], 2) for n in range(256))


def ogg_crc(data: bytes) -> int:
    """Ogg's page checksum (CRC-32, polynomial 0x04C11DB7, not reflected, no initial or final xor), through
    zlib's reflected CRC-32 on the bit-reversed bytes."""
    reflected = zlib.crc32(data.translate(_BIT_REVERSED), 0xFFFFFFFF) ^ 0xFFFFFFFF
    return int(f"{reflected:032b}"[::-1], 2)


class _OggWriter:
    """Ogg pages of one logical stream (RFC 3533), written in order."""

    def __init__(self, out: BinaryIO, serial: int) -> None:
        self.out, self.serial, self.sequence = out, serial, 0

    def page(self, packets: list[bytes], granule: int, *, first: bool = False, last: bool = False) -> None:
        lacing = bytearray()
        for packet in packets:
            lacing += b"\xff" * (len(packet) // 255) + bytes([len(packet) % 255])
        if len(lacing) > 255:
            raise AudioError("an Ogg page got more than 255 segments")
        flags = (2 if first else 0) | (4 if last else 0)
        header = struct.pack("<4sBBqIIIB", b"OggS", 0, flags, granule, self.serial, self.sequence, 0, len(lacing))
        body = header + bytes(lacing) + b"".join(packets)
        self.out.write(body[:22] + struct.pack("<I", ogg_crc(body)) + body[26:])
        self.sequence += 1


def _frames(source: Path, limit_db: float) -> Iterator[np.ndarray]:
    """The source as mono float32 at 48 kHz, in blocks, its true peaks limited to `limit_db`."""
    with soundfile.SoundFile(source) as reader:
        resample = resampler(reader.samplerate, RATE)
        while True:  # read() to the real end: an MP3's frame count in its header is an estimate
            block = reader.read(BLOCK, dtype="float32", always_2d=True)
            if not len(block):
                break
            out = resample(block.mean(axis=1, dtype=np.float32), False)
            if len(out):
                yield limit_peaks(out, RATE, limit_db)
        tail = resample(np.zeros(0, np.float32), True)
        if len(tail):
            yield limit_peaks(tail, RATE, limit_db)


def _write(source: Path, out: BinaryIO, kbps: int, serial: int, limit_db: float) -> int:
    """The Ogg Opus stream (RFC 7845) of `source` into `out`; the samples it holds."""
    encoder = _Encoder(kbps)
    try:
        ogg = _OggWriter(out, serial)
        head = struct.pack("<8sBBHIhB", b"OpusHead", 1, 1, encoder.lookahead, RATE, 0, 0)
        ogg.page([head], 0, first=True)
        vendor = LIBOPUS_VERSION.encode()
        ogg.page([b"OpusTags" + struct.pack("<I", len(vendor)) + vendor + struct.pack("<I", 0)], 0)
        # The decoder drops `lookahead` samples first (the pre-skip), so as many more are fed at the end.
        samples, fed = 0, 0
        pending: list[bytes] = []
        segments = 0
        held = np.zeros(0, np.float32)

        def emit(packet: bytes, last: bool) -> None:
            nonlocal segments
            size = len(packet) // 255 + 1
            if pending and segments + size > 255:
                ogg.page(pending, fed - FRAME)  # a page's granule: the samples decoded through its last packet
                pending.clear()
                segments = 0
            pending.append(packet)
            segments += size
            if last:
                ogg.page(pending, encoder.lookahead + samples, last=True)  # the last trims the padding
            elif len(pending) * FRAME >= _PAGE_SAMPLES:
                ogg.page(pending, fed)
                pending.clear()
                segments = 0

        for block in _frames(source, limit_db):
            samples += len(block)
            held = np.concatenate([held, block])
            whole = len(held) // FRAME * FRAME
            for start in range(0, whole, FRAME):
                fed += FRAME
                emit(encoder.encode(held[start:start + FRAME]), False)
            held = held[whole:]
        rest = samples + encoder.lookahead - fed  # more than is held: the lookahead is still to come
        held = np.concatenate([held, np.zeros(-(-rest // FRAME) * FRAME - len(held), np.float32)])
        for start in range(0, len(held), FRAME):
            fed += FRAME
            emit(encoder.encode(held[start:start + FRAME]), start + FRAME >= len(held))
        return samples
    finally:
        encoder.close()


def encode_opus(source: Path, target: Path, kbps: int, ceiling_db: float = -1.5) -> float:
    """`source` (any file libsndfile reads: the episode's MP3) as mono Ogg Opus at about `kbps`, its true peaks
    under `ceiling_db` as the MP3's are (see HEADROOM_DB); its seconds.

    The stream's serial number comes from the source, so the same episode always gives the same bytes, and so
    the same published name."""
    partial = target.with_name(f".{target.name}.part")
    serial = int.from_bytes(hashlib.sha256(source.read_bytes()).digest()[:4], "big") >> 1
    try:
        with partial.open("wb") as out:
            samples = _write(source, out, kbps, serial, ceiling_db - HEADROOM_DB)
        partial.replace(target)
    except (soundfile.LibsndfileError, AudioError, RuntimeError, OSError) as exc:
        partial.unlink(missing_ok=True)
        raise AudioError(f"{source}: cannot encode the Opus version: {exc}") from exc
    return samples / RATE


def duration(path: Path) -> float:
    """Seconds of audio in a file libsndfile reads (the Opus file, or an MP3)."""
    try:
        info = soundfile.info(str(path))
    except (soundfile.LibsndfileError, RuntimeError, OSError) as exc:
        raise AudioError(f"{path}: cannot read: {exc}") from exc
    return float(info.frames) / info.samplerate
