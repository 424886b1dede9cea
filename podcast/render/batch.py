"""A batch of sentences made final where it runs: each rendered, then heard, then repaired where it must be.

The sentence is the unit of work. A batch is a run of the episode's sentences in
play order, up to a few windows of the ear long, so the recognizer hears several
sentences to a window and decodes the batch's windows together. What comes back is
each sentence's final take (its recipe and file) and what the ear made of it; the
parts are mixed from these afterwards, once.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from .. import timings
from ..config import VoiceProfile
from ..engines import built_engine, makes_speech
from ..proof.check import Checked, Sentence
from ..proof.ear import TOGETHER
from ..proof.stage import Listening, settle
from ..takes import AS_RENDERED, CACHE_DIR, make_take, take_path

BATCH_WORDS: Final = 68
"""At most one window of the ear (29.5 s) at Kokoro's pace of about 2.5 words a second, with the gaps between
sentences. A window is closed before a sentence would take it over: closed after reaching 75 words, most ran to
32 s and were heard in two windows, the second nearly empty (the sample: 50 windows for 27 batches, then 45 for
44), and a window costs the ear's encoder the same however little it holds."""
SINGLE_SHARE: Final = 0.25
"""The last quarter of the windows, in play order, are batches of one window each: the batches are started the
longest first, so these small ones end the build and the cores finish together."""


@dataclass(frozen=True)
class Wanted:
    """One sentence to make final."""

    profile: VoiceProfile
    spoken: str
    written: str = ""
    recipe: str = ""
    """The take the episode's record names for it ("" when the ear decides)."""


@dataclass(frozen=True)
class TakeJob:
    """A batch of sentences, and what hearing them needs (None: the proof does not run)."""

    sentences: tuple[Wanted, ...]
    listening: Listening | None
    timeout_s: float
    show_dir: Path
    recheck: bool = False


@dataclass(frozen=True)
class Take:
    """A sentence's final take."""

    spoken: str
    engine_key: str
    recipe: str
    path: Path
    checked: Checked | None = None
    """What the ear heard of the take (None for a voice that makes no speech, or without the proof)."""


@dataclass(frozen=True)
class Takes:
    finals: tuple[Take, ...]
    from_cache: int = 0
    """Hearings taken from the cache."""
    spent: tuple[tuple[str, float], ...] = ()
    """Where the batch's time went, where it was made (timings.py)."""


def batches(wanted: list[Wanted], listening: Listening | None, timeout_s: float, show_dir: Path,
            recheck: bool = False) -> list[TakeJob]:
    """The distinct sentences in play order, cut into windows of at most BATCH_WORDS words (a longer sentence
    alone). With the proof, up to TOGETHER windows make one batch, whose windows the ear decodes together, but for
    the last SINGLE_SHARE of them; without it, each window is a batch."""
    windows: list[list[Wanted]] = []
    words = 0
    seen: set[tuple[VoiceProfile, str]] = set()
    for item in wanted:
        if (item.profile, item.spoken) in seen:
            continue
        seen.add((item.profile, item.spoken))
        count = len(item.spoken.split())
        if not windows or words + count > BATCH_WORDS:
            windows.append([])
            words = 0
        windows[-1].append(item)
        words += count
    together = TOGETHER if listening is not None else 1
    merged = len(windows) - int(len(windows) * SINGLE_SHARE)
    runs = [windows[n:min(n + together, merged)] for n in range(0, merged, together)]
    runs += [[window] for window in windows[merged:]]
    return [TakeJob(tuple(item for window in run for item in window), listening, timeout_s, show_dir, recheck)
            for run in runs]


def in_cache(job: TakeJob) -> bool:
    """Whether every take the batch starts from is already in the show's cache (nothing to render)."""
    cache_dir = job.show_dir / CACHE_DIR
    return all(take_path(cache_dir, built_engine(w.profile).key, w.spoken, w.recipe or AS_RENDERED).exists()
               for w in job.sentences)


def make_batch(job: TakeJob, takes_dir: Path | None = None) -> Takes:
    """Render the batch's takes (from `takes_dir`, by default the show's cache), hear them, repair them; where
    the time went comes back with them."""
    with timings.collected() as spent:
        takes = _make_batch(job, takes_dir)
    return dataclasses.replace(takes, spent=tuple(sorted(spent.items())))


def _make_batch(job: TakeJob, takes_dir: Path | None) -> Takes:
    takes_dir = takes_dir or job.show_dir / CACHE_DIR
    with timings.span("render"):
        paths = [make_take(w.profile, w.spoken, w.recipe or AS_RENDERED, takes_dir, job.timeout_s)
                 for w in job.sentences]
    heard = [n for n, w in enumerate(job.sentences) if job.listening is not None and makes_speech(w.profile)]
    checked: dict[int, Checked] = {}
    from_cache = 0
    if heard and job.listening is not None:
        with timings.span("proof"):
            settled = settle(job.listening, [Sentence(job.sentences[n].spoken, paths[n],
                                                      written=job.sentences[n].written) for n in heard],
                             [job.sentences[n].profile for n in heard], [job.sentences[n].recipe for n in heard],
                             job.show_dir, takes_dir, job.recheck, job.timeout_s)
        checked = dict(zip(heard, settled.checked, strict=True))
        from_cache = settled.from_cache
    finals = []
    for n, wanted in enumerate(job.sentences):
        result = checked.get(n)
        recipe = (result.repair if result is not None and result.repair else wanted.recipe) or AS_RENDERED
        take = result.sentence.audio if result is not None else paths[n]
        finals.append(Take(wanted.spoken, built_engine(wanted.profile).key, recipe, take, result))
    return Takes(tuple(finals), from_cache)


def spoken_words(job: TakeJob) -> int:
    """How much the batch says: the longest batches are started first, so no core idles at the end."""
    return sum(len(w.spoken.split()) for w in job.sentences)
