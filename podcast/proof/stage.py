"""The proof of a batch of sentences, where they were rendered: every take heard, the clearly wrong repaired.

It runs beside the engines (a worker of this machine's pool, a Dask worker, or this
process for a batch that is all in the cache), so the audio is heard where it was
made and a cluster build is proof-listened like a local one. Hearings are cached
under the audio's hash, so a rebuild that changed nothing audible costs a hash per
sentence and loads no recognizer. A sentence whose take the episode's record names
is heard for the report but never repaired again: the record decides, not the ear.
"""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from .. import timings
from ..config import ProofSettings, VoiceProfile
from ..engines import makes_speech
from ..language import language_for
from ..lexicon import Lexicon
from ..takes import AS_RENDERED, DEFAULT_TIMEOUT_S
from . import compare
from .check import CACHE_DIR, Checked, Proofer, Sentence
from .compare import MARGIN, needs_repair
from .ear import Ear, cannot_check
from .repair import own_entries, repair


@dataclass(frozen=True)
class Listening:
    """What hearing a batch needs, sent to wherever it is rendered: the settings and how the show verbalizes."""

    settings: ProofSettings
    language: str
    """The show's language tag: the ear listens for it, and its verbalizer reads what was heard."""
    lexicon: Lexicon
    date_order: str
    threads: int = 0
    """The recognizer's threads (0: as many as suit this machine); 1 in a pool whose workers fill the cores."""


@dataclass(frozen=True)
class Settled:
    """A batch's sentences as heard and repaired, and how many hearings came from the cache."""

    checked: tuple[Checked, ...]
    from_cache: int


def skipped(settings: ProofSettings, profiles: Iterable[VoiceProfile], language: str) -> str:
    """Why the proof does not run for this build, or "" when it does (a voice that speaks is heard, the others'
    sentences are left out)."""
    if settings.mode == "off":
        return "[show.proof] mode is off"
    silent = sorted({profile.engine for profile in profiles if not makes_speech(profile)})
    if silent and all(not makes_speech(profile) for profile in profiles):
        return f"the {silent[0]} engine makes no speech to hear"
    return cannot_check(language)


def settle(listening: Listening, sentences: Sequence[Sentence], profiles: Sequence[VoiceProfile],
           recipes: Sequence[str], show_dir: Path, takes_dir: Path, recheck: bool = False,
           timeout_s: float = DEFAULT_TIMEOUT_S) -> Settled:
    """Hear every sentence (its take in `sentence.audio`) and repair the clearly wrong ones whose take no record
    names (`recipes[n]` is the recorded recipe, or ""); new takes go into `takes_dir`."""
    language = language_for(listening.language)
    proofer = Proofer(Ear(listening.language, listening.threads),
                      lambda raw: language.speak(raw, "", listening.lexicon, listening.date_order),
                      show_dir / CACHE_DIR, listening.settings.threshold, use_cache=not recheck,
                      numbers=numbers(listening.language))
    checked = proofer.check(list(sentences))
    for n, result in enumerate(checked):
        if recipes[n]:
            if recipes[n] != AS_RENDERED:
                checked[n] = dataclasses.replace(result, repair=recipes[n])
            continue
        if listening.settings.repair and not recheck and needs_repair(result.verdict, proofer.threshold):
            with timings.span("proof: repairs (new takes rendered and heard)"):
                checked[n] = repair(result, profiles[n], proofer, takes_dir, timeout_s,
                                    number_words(listening.language))
        elif result.verdict.flagged:
            why = ("repairs are off for this show ([show.proof] repair)" if not listening.settings.repair else
                   "a recheck hears the published takes and repairs nothing" if recheck else
                   f"heard within {MARGIN:.0%} of the threshold: the take is kept, for another machine's recognizer "
                   f"could hear it either way")
            checked[n] = dataclasses.replace(result, no_fix="; ".join(
                [why, *own_entries(result, dict(profiles[n].phonemes))]))
    return Settled(tuple(checked), proofer.from_cache)


@functools.lru_cache(maxsize=8)
def numbers(tag: str) -> compare.Numbers | None:
    """How the language says figures, read from its own verbalizer (None for English, which compare.py reads
    itself): each number word's value and the words that join them."""
    if tag.split("-")[0].lower() == "en":
        return None
    language = language_for(tag)
    values: dict[str, int] = {}
    others: set[str] = set()
    for n in [*range(0, 21), *range(30, 100, 10), *range(100, 1000, 100), 1000, 2000, 10**6, 2 * 10**6, 10**9,
              2 * 10**9]:
        said = compare.words(language.speak(str(n), "", None, "MDY"))
        if len(said) == 1:
            values.setdefault(said[0], n)
        elif n >= 1000 and said:
            values.setdefault(said[-1], n // (n // 10 ** (len(str(n)) - 1)))  # "dois milhões": "milhões" a million
    for n in range(100, 1000, 100):  # "cento e um": the hundred's form before more ("cem" alone)
        first = compare.words(language.speak(str(n + 1), "", None, "MDY"))[:1]
        if first and first[0] not in values:
            values[first[0]] = n
    for n in range(21, 1000):
        others.update(w for w in compare.words(language.speak(str(n), "", None, "MDY")) if w not in values)
    for word, n in FEMININE.get(tag.split("-")[0].lower(), {}).items():
        values.setdefault(word, n)
    return compare.Numbers(values, frozenset(w for w in others if len(w) <= 3))


FEMININE: Final = {
    "es": {"una": 1, "veintiuna": 21, "doscientas": 200, "trescientas": 300, "cuatrocientas": 400,
           "quinientas": 500, "seiscientas": 600, "setecientas": 700, "ochocientas": 800, "novecientas": 900},
    "pt": {"uma": 1, "duas": 2, "duzentas": 200, "trezentas": 300, "quatrocentas": 400, "quinhentas": 500,
           "seiscentas": 600, "setecentas": 700, "oitocentas": 800, "novecentas": 900},
    "fr": {"une": 1},
    "it": {"una": 1},
}
"""The feminine number words, which the verbalizer never says (it reads figures alone, in the masculine) but the
recognizer writes when it hears a figure agree with its noun: "ochenta y una" is the same figure as "ochenta y
uno"."""


@functools.lru_cache(maxsize=8)
def number_words(tag: str) -> frozenset[str]:
    """The words the language says figures with: a lexicon line for one ("sete", "cento") would change every
    figure."""
    found = numbers(tag)
    if found is not None:
        return found.words() | {w for n in range(0, 1000) for w in compare.words(
            language_for(tag).speak(str(n), "", None, "MDY"))} - found.joiners
    return frozenset(compare.NUMBER_WORDS)
