"""Mixing one part from its sentences' final takes: laid out with its pauses and jingles, levelled, MP3-encoded
(and Opus-encoded when the show publishes Opus), then kept in the show's cache.

Each part is a pure function of its job (its takes' files, settings and jingles),
so the same takes always make the same bytes. Parts are mixed once, after every
sentence is final: nothing is mixed again because the ear changed its mind.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from ..config import AudioSettings
from ..parts import MixedPart, Part
from ..sound.mix import load_speech, mix_part
from ..sound.mp3 import ENCODER_DELAY_S, encode_mp3_bytes, mp3_duration
from ..sound.opus import RECIPE as OPUS_RECIPE
from ..sound.opus import part_packets

PARTS_DIR: Final = Path(".cache") / "parts"

Progress = Callable[[int, int], None]
"""Called with (done, total) as batches or parts are made."""
Spans = tuple[tuple[float, float], ...]


@dataclass(frozen=True)
class PartJob:
    """Everything that makes one part's audio, and where its cache is."""

    part: Part
    key: str
    """The content hash of everything that shapes the part's audio (parts.part_key)."""
    takes: tuple[Path, ...]
    """Each sentence's final take."""
    settings: AudioSettings
    show_dir: Path
    opus_kbps: int = 0
    """The Opus version's rate: its packets are made with the part; 0: none."""


def _paths(show_dir: Path, key: str) -> tuple[Path, Path]:
    folder = show_dir / PARTS_DIR / key[:2]
    return folder / f"{key}.mp3", folder / f"{key}.json"


def _opus_path(mp3: Path, kbps: int) -> Path:
    return mp3.with_name(f"{mp3.stem}.{kbps}k.{OPUS_RECIPE}.opus-packets")


def cached(job: PartJob) -> MixedPart | None:
    """The part as made before, when its audio (and Opus packets, if wanted) and its timings are in the cache."""
    mp3, meta = _paths(job.show_dir, job.key)
    try:
        data = json.loads(meta.read_text())
        if mp3.stat().st_size != data["size"]:
            return None
        opus = _opus_path(mp3, job.opus_kbps) if job.opus_kbps else None
        if opus is not None and opus.stat().st_size != data["opus"][str(job.opus_kbps)]:
            return None
        return MixedPart(job.part, job.key, mp3, float(data["duration_s"]), tuple(tuple(s) for s in data["spans"]),
                         opus)
    except (OSError, ValueError, KeyError, TypeError):
        return None


def encode_part(job: PartJob) -> tuple[bytes, float, Spans, bytes]:
    """Mix, level and encode the part from its takes: (MP3 frames, duration, spans, Opus packets or b"")."""
    speech = [load_speech(take) for take in job.takes]
    mixed = mix_part(job.part, speech, job.settings, job.show_dir)
    data = encode_mp3_bytes(mixed.samples, job.settings)
    spans = tuple((a + ENCODER_DELAY_S, b + ENCODER_DELAY_S) for a, b in mixed.spans)
    duration_s = mp3_duration(data)
    packets = part_packets(data, job.opus_kbps, job.settings.true_peak_db) if job.opus_kbps else b""
    return data, duration_s, spans, packets


def _write(path: Path, data: bytes) -> None:
    partial = path.with_name(f".{path.name}.{os.getpid()}.part")
    partial.write_bytes(data)
    os.replace(partial, path)


def store(job: PartJob, data: bytes, duration_s: float, spans: Spans, packets: bytes) -> MixedPart:
    """Put a made part in the show's cache (audio first, then the timings that vouch for it)."""
    mp3, meta = _paths(job.show_dir, job.key)
    mp3.parent.mkdir(parents=True, exist_ok=True)
    _write(mp3, data)
    opus = _opus_path(mp3, job.opus_kbps) if job.opus_kbps else None
    if opus is not None:
        _write(opus, packets)
    _write(meta, json.dumps({"size": len(data), "duration_s": duration_s, "spans": spans,
                             "opus": {str(job.opus_kbps): len(packets)} if opus else {}}).encode())
    return MixedPart(job.part, job.key, mp3, duration_s, spans, opus)


def make_part(job: PartJob) -> MixedPart:
    """Make the part here and store it in the show's cache."""
    return store(job, *encode_part(job))


def spoken_length(job: PartJob) -> int:
    """How much the part says: the longest parts are started first, so no core idles at the end."""
    return sum(len(line.spoken) for line in job.part.sentences)
