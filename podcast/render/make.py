"""Mixing one part from its sentences' final takes: laid out with its pauses and jingles, levelled, MP3-encoded,
then kept in the show's cache.

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


def _paths(show_dir: Path, key: str) -> tuple[Path, Path]:
    folder = show_dir / PARTS_DIR / key[:2]
    return folder / f"{key}.mp3", folder / f"{key}.json"


def cached(job: PartJob) -> MixedPart | None:
    """The part as made before, when both its audio and its timings are in the cache."""
    mp3, meta = _paths(job.show_dir, job.key)
    try:
        data = json.loads(meta.read_text())
        if mp3.stat().st_size != data["size"]:
            return None
        return MixedPart(job.part, job.key, mp3, float(data["duration_s"]), tuple(tuple(s) for s in data["spans"]))
    except (OSError, ValueError, KeyError, TypeError):
        return None


def encode_part(job: PartJob) -> tuple[bytes, float, Spans]:
    """Mix, level and encode the part from its takes: (MP3 frames, duration, spans)."""
    speech = [load_speech(take) for take in job.takes]
    mixed = mix_part(job.part, speech, job.settings, job.show_dir)
    data = encode_mp3_bytes(mixed.samples, job.settings)
    spans = tuple((a + ENCODER_DELAY_S, b + ENCODER_DELAY_S) for a, b in mixed.spans)
    return data, mp3_duration(data), spans


def store(show_dir: Path, part: Part, key: str, data: bytes, duration_s: float, spans: Spans) -> MixedPart:
    """Put a made part in the show's cache (audio first, then the timings that vouch for it)."""
    mp3, meta = _paths(show_dir, key)
    mp3.parent.mkdir(parents=True, exist_ok=True)
    partial = mp3.with_name(f".{mp3.name}.{os.getpid()}.part")
    partial.write_bytes(data)
    os.replace(partial, mp3)
    meta_partial = meta.with_name(f".{meta.name}.{os.getpid()}.part")
    meta_partial.write_text(json.dumps({"size": len(data), "duration_s": duration_s, "spans": spans}))
    os.replace(meta_partial, meta)
    return MixedPart(part, key, mp3, duration_s, spans)


def make_part(job: PartJob) -> MixedPart:
    """Make the part here and store it in the show's cache."""
    return store(job.show_dir, job.part, job.key, *encode_part(job))


def spoken_length(job: PartJob) -> int:
    """How much the part says: the longest parts are started first, so no core idles at the end."""
    return sum(len(line.spoken) for line in job.part.sentences)
