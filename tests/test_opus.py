"""The small Opus file: it decodes (in ffmpeg, another decoder than the one that wrote it), lasts as long as
the MP3, is mono at about the asked bit rate, and sounds like the MP3."""

from __future__ import annotations

import io
import platform
import shutil
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from PIL import Image
from pydub import AudioSegment

from podcast.assemble import tags
from podcast.config import AudioSettings
from podcast.errors import AudioError
from podcast.models import Chapter
from podcast.sound import mp3 as audio
from podcast.sound import opus


def speechlike(seconds: float) -> np.ndarray:
    """Bursts of a gliding voiced tone with noise, and gaps: the shape of speech, at 44.1 kHz."""
    t = np.arange(int(seconds * audio.RATE)) / audio.RATE
    rng = np.random.default_rng(7)
    voice = np.sin(2 * np.pi * (140 + 40 * np.sin(2 * np.pi * 0.7 * t)) * t) + 0.1 * rng.standard_normal(len(t))
    return (0.25 * voice * (np.sin(2 * np.pi * 0.9 * t) > -0.3)).astype(np.float32)


@pytest.mark.slow
def test_opus_decodes_matches_the_mp3s_duration_and_is_small(tmp_path: Path) -> None:
    mp3 = tmp_path / "episode.mp3"
    mp3.write_bytes(audio.encode_mp3_bytes(speechlike(75.0), AudioSettings()))
    art = io.BytesIO()
    Image.new("RGB", (1400, 1400), (20, 40, 90)).save(art, "JPEG")
    # Tagged as published, with chapters and a cover: libsndfile's header estimate of its length was 10% long.
    tags.write_tags(mp3, title="t", show="s", artist="a", date="2026-02-03", cover_jpeg=art.getvalue(),
                    chapters=(Chapter("Headlines", 0, 30_000), Chapter("Story", 30_000, 75_000, "News")))
    small = tmp_path / "episode.opus"
    written = opus.encode_opus(mp3, small, 28)

    decoded = AudioSegment.from_file(str(small))  # ffmpeg's decoder, not libsndfile's
    mp3_seconds = audio.mp3_duration(mp3.read_bytes())
    assert abs(decoded.duration_seconds - mp3_seconds) < 0.5, (decoded.duration_seconds, mp3_seconds)
    assert abs(written - decoded.duration_seconds) < 0.05
    assert decoded.channels == 1 and decoded.frame_rate == opus.RATE
    kbps = small.stat().st_size * 8 / decoded.duration_seconds / 1000
    assert 20 <= kbps <= 36, kbps
    assert small.stat().st_size < mp3.stat().st_size / 2.5
    again = tmp_path / "again.opus"
    opus.encode_opus(mp3, again, 28)
    assert again.read_bytes() == small.read_bytes()  # the same episode, the same bytes (and published name)
    heard = AudioSegment.from_file(str(mp3))
    assert abs(decoded.dBFS - heard.dBFS) < 1.0  # the same loudness: nothing lost or doubled


def test_opus_of_a_file_that_is_not_audio_is_one_clear_error(tmp_path: Path) -> None:
    broken = tmp_path / "episode.mp3"
    broken.write_bytes(b"not audio at all" * 100)
    with pytest.raises(AudioError, match="episode.mp3: cannot encode the Opus version"):
        opus.encode_opus(broken, tmp_path / "episode.opus", 28)
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

    out = subprocess.run(["ffmpeg", "-nostats", "-i", str(path), "-af", "ebur128=peak=true", "-f", "null", "-"],
                         capture_output=True, text=True, check=True).stderr
    return float(re.findall(r"I:\s+(-?[\d.]+) LUFS", out)[-1]), float(re.findall(r"Peak:\s+(-?[\d.]+) dBFS", out)[-1])


@pytest.mark.slow
def test_the_opus_file_keeps_the_true_peak_ceiling(tmp_path: Path) -> None:
    mp3 = tmp_path / "episode.mp3"
    mp3.write_bytes(audio.encode_mp3_bytes(harsh_speech(10.0), AudioSettings()))
    small = tmp_path / "episode.opus"
    opus.encode_opus(mp3, small, 28)  # the ceiling the MP3 keeps by default: -1.5 dBTP
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
         "opus.encode_opus(Path(sys.argv[1]), Path(sys.argv[2]), 28)"


@pytest.mark.slow
@pytest.mark.skipif(platform.machine() != "x86_64", reason="the other CPUs are emulated x86-64 ones")
@pytest.mark.skipif(QEMU is None, reason="qemu-user is not installed (`make test-servers` installs it)")
def test_the_opus_bytes_are_the_same_on_other_cpus(tmp_path: Path) -> None:
    """The encoder runs here and, under qemu-user, as a CPU with SSE4.2 and no AVX and as one with AVX2 and FMA:
    libopus picking its kernels by CPU, or the CPU's approximate reciprocals, would give other bytes."""
    mp3 = tmp_path / "episode.mp3"
    mp3.write_bytes(audio.encode_mp3_bytes(speechlike(6.0), AudioSettings()))
    here = tmp_path / "here.opus"
    opus.encode_opus(mp3, here, 28)
    assert QEMU is not None
    for cpu in ("Nehalem", "Haswell"):
        there = tmp_path / f"{cpu}.opus"
        subprocess.run([QEMU, "-cpu", cpu, sys.executable, "-c", ENCODE, str(mp3), str(there)],
                       check=True, timeout=300, capture_output=True)
        assert there.read_bytes() == here.read_bytes(), cpu

