"""The small Opus file for slow or metered connections: each part's MP3, decoded (libsndfile), resampled to 48 kHz
(soxr) and encoded as mono Opus packets when the part is made, and the parts' packets joined into one Ogg Opus
file.

Same episode, same bytes, on any machine: the encoder is libopus built by `make setup` as plain C (no SSE or
AVX kernels chosen at run time, no approximate reciprocals, float approximations rather than libm's log and
exp), loaded here with ctypes, and the Ogg pages are written here. The libopus in the PyAV and libsndfile wheels
picks its kernels by CPU and uses the CPU's approximate reciprocal (rcpps/rsqrtps, which Intel and AMD round
differently): its Opus bytes differed between machines, and so did the file's published name. The decoding
(libmpg123's synth) and the resampling (soxr's single-precision SSE path) give the same samples everywhere."""

from __future__ import annotations

import ctypes
import hashlib
import io
import os
import struct
import sys
import zlib
from collections.abc import Iterator, Sequence
from functools import cache
from pathlib import Path
from typing import BinaryIO, Final

import numpy as np
import soundfile

from ..errors import AudioError
from .loudness import limit_peaks, true_peak_envelope
from .mix import resampler

RATE: Final = 48000
"""Opus takes 8, 12, 16, 24 or 48 kHz; the episode's 44.1 kHz is resampled to 48."""
ROOMS_DB: Final = (2.0, 3.5, 5.0, 7.0)
"""How far under the show's true-peak ceiling a part is limited before libopus encodes it, tried in turn: at 28-32
kb/s the encoder's own overshoot lifts peaks by 1 to 3 dB, and not steadily (harsh test speech came out at -0.3
dBTP with 2.5 dB of room and -2.5 with 3). So each part's packets are decoded here (by the same plain-C libopus)
and measured, and a part that peaks over the ceiling is encoded again with the next room. The sample episode
peaked at -0.6 dBTP against a -1.5 ceiling when one fixed room of 2 dB was all there was."""
FRAMES: Final = (960, 480, 240, 120)
"""Samples in one Opus packet: 20 ms at 48 kHz, and the shorter frames that end a part."""
GRID: Final = FRAMES[-1]
"""A part's Opus length is a whole number of 2.5 ms."""
_PACKET: Final = struct.Struct("<HH")
"""Before each stored packet: its samples and its bytes."""
LIBOPUS_VERSION: Final = "libopus 1.3.1"
"""The release `make setup` builds: another release (or build) may choose other bytes for the same audio."""
RECIPE: Final = f"{LIBOPUS_VERSION.split()[-1]}-r1"
"""Names a part's cached packets beside its bit rate: anything that changes the packets made from the same MP3
(the library's release, the rooms, the framing) changes it, so no cache holds another recipe's packets."""
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
    lib.opus_decoder_create.restype = ctypes.c_void_p
    lib.opus_decoder_create.argtypes = [ctypes.c_int32, ctypes.c_int, ctypes.POINTER(ctypes.c_int)]
    lib.opus_decoder_destroy.argtypes = [ctypes.c_void_p]
    lib.opus_decode_float.restype = ctypes.c_int
    lib.opus_decode_float.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_int32, ctypes.c_void_p, ctypes.c_int,
                                      ctypes.c_int]
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
        """One packet from one frame of float32 samples (a length in FRAMES)."""
        samples = np.ascontiguousarray(frame, dtype=np.float32)
        size = self.lib.opus_encode_float(self.state, samples.ctypes.data, len(samples), self.out, _MAX_PACKET)
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


def part_packets(mp3: bytes, kbps: int, ceiling_db: float) -> bytes:
    """One part's Opus packets, made from its MP3 frames and kept beside them: a one-story edit encodes one part
    again, and the Opus version is the audio the MP3 holds, on the MP3's timeline (its chapters and captions).

    The part's MP3 is decoded, resampled to 48 kHz, limited under `ceiling_db` (ROOMS_DB), and encoded by an
    encoder of the part's own. Its length is rounded to 2.5 ms (the shortest Opus frame, `GRID`), and its last
    packets are shorter frames where needed. The encoder's output runs `lookahead` samples late; a part starts
    with the MP3's own delay of silence, so that much is skipped at its start and fed as silence at its end, and
    the packets hold exactly the part."""
    try:
        with soundfile.SoundFile(io.BytesIO(mp3)) as reader:
            decoded = reader.read(dtype="float32", always_2d=True).mean(axis=1, dtype=np.float32)
            rate = reader.samplerate
    except (soundfile.LibsndfileError, RuntimeError) as exc:
        raise AudioError(f"a part's MP3 cannot be decoded: {exc}") from exc
    resample = resampler(rate, RATE)
    x = np.concatenate([resample(decoded, False), resample(np.zeros(0, np.float32), True)])
    n = max(GRID, round(len(decoded) * RATE / rate / GRID) * GRID)
    x = np.pad(x[:n], (0, max(0, n - len(x))))
    for room in ROOMS_DB[:-1]:
        packets = _encoded(limit_peaks(x, RATE, ceiling_db - room), kbps)
        if _peak_db(packets, ceiling_db) <= ceiling_db:
            return packets
    return _encoded(limit_peaks(x, RATE, ceiling_db - ROOMS_DB[-1]), kbps)


def _encoded(x: np.ndarray, kbps: int) -> bytes:
    """`x` (48 kHz, a whole number of GRID) as stored packets, from an encoder of its own."""
    encoder = _Encoder(kbps)
    try:
        fed = np.concatenate([x[encoder.lookahead:], np.zeros(encoder.lookahead, np.float32)])
        out = bytearray()
        at = 0
        while at < len(x):
            size = next(size for size in FRAMES if size <= len(x) - at)
            packet = encoder.encode(fed[at:at + size])
            out += _PACKET.pack(size, len(packet)) + packet
            at += size
        return bytes(out)
    finally:
        encoder.close()


def _peak_db(packets: bytes, ceiling_db: float) -> float:
    """The true peak of the packets as a player decodes them (libopus's own decoder, here the plain-C one)."""
    lib = _libopus()
    error = ctypes.c_int()
    decoder = lib.opus_decoder_create(RATE, 1, ctypes.byref(error))
    if error.value or not decoder:
        raise AudioError(f"cannot start the Opus decoder: {lib.opus_strerror(error.value).decode()}")
    try:
        out = np.zeros(FRAMES[0], np.float32)
        pieces = []
        for size, packet in _packets(packets):
            got = lib.opus_decode_float(decoder, packet, len(packet), out.ctypes.data, size, 0)
            if got < 0:
                raise AudioError(f"the Opus decoder failed: {lib.opus_strerror(got).decode()}")
            pieces.append(out[:got].copy())
    finally:
        lib.opus_decoder_destroy(decoder)
    decoded = np.concatenate(pieces) if pieces else np.zeros(1, np.float32)
    # Only stretches within 6 dB of the ceiling can reach it between samples (true_peak_envelope's floor).
    peak = float(true_peak_envelope(decoded, 10 ** ((ceiling_db - 6) / 20)).max())
    return 20 * np.log10(max(peak, 1e-9))


def _packets(data: bytes) -> Iterator[tuple[int, bytes]]:
    """(samples, packet) of each packet in `part_packets`' bytes."""
    at = 0
    while at < len(data):
        if at + _PACKET.size > len(data):
            raise AudioError("a part's Opus packets are cut short")
        size, length = _PACKET.unpack_from(data, at)
        at += _PACKET.size
        if size not in FRAMES or at + length > len(data):
            raise AudioError("a part's Opus packets are damaged")
        yield size, data[at:at + length]
        at += length


def write_opus(parts: Sequence[bytes], target: Path) -> float:
    """The parts' packets (`part_packets`) joined into one Ogg Opus stream (RFC 7845) at `target`; its seconds.

    No pre-skip: each part's packets already start on time. The stream's serial number comes from the packets,
    so the same episode always gives the same bytes, and so the same published name."""
    partial = target.with_name(f".{target.name}.part")
    serial = int.from_bytes(hashlib.sha256(b"".join(parts)).digest()[:4], "big") >> 1
    try:
        with partial.open("wb") as out:
            ogg = _OggWriter(out, serial)
            ogg.page([struct.pack("<8sBBHIhB", b"OpusHead", 1, 1, 0, RATE, 0, 0)], 0, first=True)
            vendor = LIBOPUS_VERSION.encode()
            ogg.page([b"OpusTags" + struct.pack("<I", len(vendor)) + vendor + struct.pack("<I", 0)], 0)
            pending: list[bytes] = []
            segments = held = granule = 0
            for part in parts:
                for size, packet in _packets(part):
                    need = len(packet) // 255 + 1
                    if pending and (segments + need > 255 or held >= _PAGE_SAMPLES):
                        ogg.page(pending, granule)  # a page's granule: the samples decoded through its last packet
                        pending, segments, held = [], 0, 0
                    pending.append(packet)
                    segments += need
                    held += size
                    granule += size
            ogg.page(pending, granule, last=True)
        partial.replace(target)
    except (AudioError, OSError) as exc:
        partial.unlink(missing_ok=True)
        raise AudioError(f"{target}: cannot write the Opus version: {exc}") from exc
    return granule / RATE


def duration(path: Path) -> float:
    """Seconds of audio in a file libsndfile reads (the Opus file, or an MP3)."""
    try:
        info = soundfile.info(str(path))
    except (soundfile.LibsndfileError, RuntimeError, OSError) as exc:
        raise AudioError(f"{path}: cannot read: {exc}") from exc
    return float(info.frames) / info.samplerate
