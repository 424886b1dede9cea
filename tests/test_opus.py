"""The small Opus file: it decodes (in ffmpeg, another decoder than the one that wrote it), lasts as long as
the MP3, is mono at about the asked bit rate, and sounds like the MP3."""

from __future__ import annotations

import platform
import shutil
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from podcast.config import AudioSettings
from podcast.errors import AudioError
from podcast.sound import mp3 as audio
from podcast.sound import opus


def speechlike(seconds: float) -> np.ndarray:
    """Bursts of a gliding voiced tone with noise, and gaps: the shape of speech, at 44.1 kHz."""
    t = np.arange(int(seconds * audio.RATE)) / audio.RATE
    rng = np.random.default_rng(7)
    voice = np.sin(2 * np.pi * (140 + 40 * np.sin(2 * np.pi * 0.7 * t)) * t) + 0.1 * rng.standard_normal(len(t))
    return (0.25 * voice * (np.sin(2 * np.pi * 0.9 * t) > -0.3)).astype(np.float32)


def as_parts(pieces: list[np.ndarray], kbps: int = 28, ceiling_db: float = -1.5) -> tuple[list[bytes], bytes]:
    """Each piece made as a part is: its MP3 frames, and its Opus packets placed where the MP3 holds it."""
    packets, mp3 = [], b""
    for piece in pieces:
        frames = audio.encode_mp3_bytes(piece, AudioSettings())
        packets.append(opus.part_packets(frames, kbps, ceiling_db))
        mp3 += frames
    return packets, mp3


def decoded(path: Path) -> np.ndarray:
    """ffmpeg's decoding (not libsndfile's, not ours), mono float at 48 kHz."""
    raw = subprocess.run(["ffmpeg", "-v", "error", "-i", str(path), "-f", "f32le", "-ac", "1", "-ar", "48000", "-"],
                         capture_output=True, check=True).stdout
    return np.frombuffer(raw, np.float32)


def envelope(x: np.ndarray) -> np.ndarray:
    """The loudness over 1 ms: where the bursts start and stop, whatever the codec did to the waveform."""
    return np.convolve(np.abs(x), np.ones(48) / 48, "same")


@pytest.mark.slow
def test_opus_joined_from_parts_keeps_the_mp3s_timeline_and_is_small(tmp_path: Path) -> None:
    # Parts of lengths that are no whole number of Opus frames, one starting loud (the theme at full level).
    pieces = [speechlike(seconds) for seconds in (21.37, 0.41, 33.013, 19.9)]
    pieces[1] = np.zeros_like(pieces[1])
    packets, frames = as_parts(pieces)
    mp3 = tmp_path / "episode.mp3"
    mp3.write_bytes(frames)
    small = tmp_path / "episode.opus"
    written = opus.write_opus(packets, small)

    ours, heard = decoded(small), decoded(mp3)
    mp3_seconds = audio.mp3_duration(frames)
    assert abs(written - mp3_seconds) < 0.0025 * len(pieces), (written, mp3_seconds)
    assert abs(len(ours) / opus.RATE - written) < 0.001
    for at_s in (2.0, 30.0, 60.0, 72.0):  # the same moment in both: the chapters and captions hold for either file
        window = envelope(heard)[int(at_s * 48000):int(at_s * 48000) + 48000]
        around = envelope(ours)[int(at_s * 48000) - 480:int(at_s * 48000) + 48000 + 480]
        lag_ms = (np.argmax(np.correlate(around, window - window.mean(), "valid")) - 480) / 48
        assert abs(lag_ms) <= 2.5, (at_s, lag_ms)
    kbps = small.stat().st_size * 8 / written / 1000
    assert 20 <= kbps <= 36, kbps
    assert small.stat().st_size < mp3.stat().st_size / 2.5
    again = tmp_path / "again.opus"
    opus.write_opus(as_parts(pieces)[0], again)
    assert again.read_bytes() == small.read_bytes()  # the same episode, the same bytes (and published name)
    assert abs(20 * np.log10(np.sqrt(np.mean(ours ** 2)) / np.sqrt(np.mean(heard ** 2)))) < 1.0  # the same loudness


@pytest.mark.slow
def test_the_joins_between_parts_are_silent(tmp_path: Path) -> None:
    """Each part has an encoder of its own; where one part's packets meet the next, nothing is heard but the
    parts themselves (a click would stand out of the silence the MP3 keeps there)."""
    # As a part does, each ends with the pause after its last sentence.
    pieces = [np.concatenate([speechlike(seconds), np.zeros(int(0.3 * audio.RATE), np.float32)])
              for seconds in (3.3, 2.71, 4.05)]
    packets, frames = as_parts(pieces)
    small = tmp_path / "episode.opus"
    opus.write_opus(packets, small)
    ours = decoded(small)
    join = 0.0
    for piece in pieces[:-1]:
        join += audio.mp3_duration(audio.encode_mp3_bytes(piece, AudioSettings()))
        at = round(join * 48000)
        # The last 20 ms of the pause and the first 2 of the next part's own delay of silence: under -60 dBFS
        # (a restarted encoder's click would be tens of dB louder; the MP3's own pre-echo here is -50 dBFS).
        assert np.abs(ours[at - 960:at + 96]).max() < 10 ** (-60 / 20), join
    assert np.abs(ours).max() > 0.1


def test_damaged_packets_are_one_clear_error(tmp_path: Path) -> None:
    packets = opus.part_packets(audio.encode_mp3_bytes(np.zeros(4410, np.float32), AudioSettings()), 28, -1.5)
    with pytest.raises(AudioError, match="episode.opus: cannot write the Opus version: .*cut short"):
        opus.write_opus([packets[:-1] + b"\0\0"], tmp_path / "episode.opus")
    assert not (tmp_path / "episode.opus").exists() and not list(tmp_path.glob(".*.part"))


def harsh_speech(seconds: float) -> np.ndarray:
    """A buzzy voice (29 harmonics) with hiss bursts, levelled to -16 LUFS and limited to -2.7 dBTP: libopus at
    28 kb/s overshoots such sound by well over a decibel."""
    from podcast.sound.loudness import level

    t = np.arange(int(seconds * audio.RATE)) / audio.RATE
    phase = 2 * np.pi * np.cumsum(120 + 30 * np.sin(2 * np.pi * 0.7 * t)) / audio.RATE
    voiced = sum(np.sin(k * phase) / k ** 1.2 for k in range(1, 30))
    hiss = np.random.default_rng(7).standard_normal(len(t)) * (np.sin(2 * np.pi * 1.3 * t) > 0.8)
    syllables = np.clip(np.sin(2 * np.pi * 3.1 * t), 0, None) ** 0.5
    return level((voiced * syllables + 0.6 * hiss).astype(np.float32), audio.RATE, -16.0, -2.7)


def ebur128(path: Path) -> tuple[float, float]:
    """(integrated LUFS, true peak dBTP) as ffmpeg's ebur128 filter measures them: how the promise is checked."""
    import re
    import subprocess

    # An Opus file is decoded by libopus, the reference decoder that browsers and Android play with: ffmpeg's own
    # Opus decoder differs a little, and read the harsh test speech's peak 0.6 dB higher.
    decoder = ["-c:a", "libopus"] if path.suffix == ".opus" else []
    out = subprocess.run(["ffmpeg", "-nostats", *decoder, "-i", str(path), "-af", "ebur128=peak=true", "-f", "null",
                          "-"], capture_output=True, text=True, check=True).stderr
    return float(re.findall(r"I:\s+(-?[\d.]+) LUFS", out)[-1]), float(re.findall(r"Peak:\s+(-?[\d.]+) dBFS", out)[-1])


@pytest.mark.slow
def test_the_opus_file_keeps_the_true_peak_ceiling(tmp_path: Path) -> None:
    packets, frames = as_parts([harsh_speech(10.0)])  # the ceiling the MP3 keeps by default: -1.5 dBTP
    mp3 = tmp_path / "episode.mp3"
    mp3.write_bytes(frames)
    small = tmp_path / "episode.opus"
    opus.write_opus(packets, small)
    loudness, peak = ebur128(small)
    assert peak <= -1.5, f"the Opus file peaks at {peak} dBTP"
    assert abs(loudness - ebur128(mp3)[0]) < 1.5  # the room for the encoder costs little loudness


def test_ogg_pages_carry_oggs_own_checksum() -> None:
    def by_the_book(data: bytes) -> int:  # RFC 3533: CRC-32, polynomial 0x04C11DB7, MSB first, no xor
        crc = 0
        for byte in data:
            crc ^= byte << 24
            for _ in range(8):
                crc = ((crc << 1) ^ 0x04C11DB7 if crc & 0x80000000 else crc << 1) & 0xFFFFFFFF
        return crc

    for data in (b"", b"OggS", bytes(range(256)) * 3, b"\xff" * 1000):
        assert opus.ogg_crc(data) == by_the_book(data)


QEMU = shutil.which("qemu-x86_64")
ENCODE = "import sys; from pathlib import Path; from podcast.sound import opus; " \
         "Path(sys.argv[2]).write_bytes(opus.part_packets(Path(sys.argv[1]).read_bytes(), 28, -1.5))"


@pytest.mark.slow
@pytest.mark.skipif(platform.machine() != "x86_64", reason="the other CPUs are emulated x86-64 ones")
@pytest.mark.skipif(QEMU is None, reason="qemu-user is not installed (`make test-servers` installs it)")
def test_the_opus_bytes_are_the_same_on_other_cpus(tmp_path: Path) -> None:
    """The encoder runs here and, under qemu-user, as a CPU with SSE4.2 and no AVX and as one with AVX2 and FMA:
    libopus picking its kernels by CPU, or the CPU's approximate reciprocals, would give other bytes."""
    piece = tmp_path / "part.mp3"
    piece.write_bytes(audio.encode_mp3_bytes(speechlike(6.0), AudioSettings()))
    here = tmp_path / "here.opus-packets"
    subprocess.run([sys.executable, "-c", ENCODE, str(piece), str(here)], check=True, timeout=300)
    assert QEMU is not None
    for cpu in ("Nehalem", "Haswell"):
        there = tmp_path / f"{cpu}.opus-packets"
        subprocess.run([QEMU, "-cpu", cpu, sys.executable, "-c", ENCODE, str(piece), str(there)],
                       check=True, timeout=300, capture_output=True)
        assert there.read_bytes() == here.read_bytes(), cpu

