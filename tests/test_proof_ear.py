"""The proof with the real ear (Whisper base) on short Kokoro clips: faults flagged, clean renders passed, repairs."""

from __future__ import annotations

import dataclasses
import shutil
from pathlib import Path

import pytest

from podcast import takes as render
from podcast.engines import make_engine
from podcast.engines.kokoro import KokoroVoice
from podcast.lexicon import Lexicon
from podcast.proof.check import CACHE_DIR, Proofer, Sentence
from podcast.proof.ear import Ear
from podcast.proof.repair import repair
from podcast.speech import speak

from . import faults

pytestmark = pytest.mark.slow

READER = KokoroVoice(voice="af_heart", lang="en-us")
TIMEOUT_S = 1800.0
"""Generous: on a machine shared with other work a sentence can take minutes."""
SENTENCES = (
    # spoken script, as the script builder writes it: figures in words
    "The county health department reported two hundred and twelve new flu cases last week, down from one "
    "thousand and fifty at the peak in January.",
    "Harbor Marine Works will build four support vessels, the company said on Friday, and expects to hire three "
    "hundred workers.",
)


def verbalize(raw: str) -> str:
    return speak(raw, lexicon=Lexicon())


@pytest.fixture(scope="module")
def renders(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[Sentence]]:
    """Each sentence rendered by Kokoro as written, and every fault in the first sentence it applies to (one
    take per fault: each neural render costs seconds)."""
    folder = tmp_path_factory.mktemp("renders")
    made: dict[str, list[Sentence]] = {}
    for fault in ("", *faults.FAULTS):
        engine = faults.Misspeaker(READER, fault) if fault else make_engine(READER)
        for text in SENTENCES:
            if fault and (not faults.applies(fault, text) or fault in made):
                continue
            path = render.cache_path(folder, engine, text)
            render.render_sentence(engine, text, path, TIMEOUT_S)
            made.setdefault(fault, []).append(Sentence(text, path))
    return made


def proofer(show: Path, threshold: float = 0.8) -> Proofer:
    return Proofer(Ear("en"), verbalize, show / CACHE_DIR, threshold)


def test_clean_renders_pass_and_every_fault_is_flagged(renders: dict[str, list[Sentence]], tmp_path: Path) -> None:
    everything = [sentence for made in renders.values() for sentence in made]
    ear = proofer(tmp_path)
    results = {c.sentence.audio: c for c in ear.check(everything)}
    for sentence in renders[""]:
        result = results[sentence.audio]
        assert not result.verdict.flagged, (result.heard, result.verdict.reason)
    missed = [(fault, results[s.audio].heard) for fault in faults.FAULTS for s in renders[fault]
              if not results[s.audio].verdict.flagged]
    assert not missed
    assert all(len(renders[fault]) >= 1 for fault in faults.FAULTS)
    again = proofer(tmp_path)
    assert [c.verdict for c in again.check(everything)] == [results[s.audio].verdict for s in everything]
    assert again.heard_now == 0  # every hearing came from the cache, keyed by the audio's hash


def test_windows_decoded_together_are_heard_as_each_alone(renders: dict[str, list[Sentence]]) -> None:
    """`hear_all` batches the decoder over windows; what it writes for each is what `transcribe` writes for that
    window alone: for speech (clean and faulty), silence, noise the ear skips as no speech, and a window over 30 s
    (heard alone, in Whisper's steps)."""
    import numpy as np

    from podcast.proof.ear import RATE, TOGETHER, load

    speech = [load(s.audio) for made in renders.values() for s in made]
    gap = np.zeros(RATE // 2, np.float32)
    noise = np.random.default_rng(7).standard_normal(6 * RATE).astype(np.float32) * 0.05
    windows = [np.concatenate([speech[0], gap, speech[1]]), np.zeros(4 * RATE, np.float32), noise,
               *speech[2:2 + TOGETHER], np.concatenate([speech[0], gap, speech[1], gap] * 3)[:31 * RATE]]
    ear = Ear("en")
    alone = [ear.hear(window) for window in windows]
    assert ear.hear_all(windows) == alone
    assert alone[0] and alone[3] and not alone[2]  # the noise: judged no speech, so nothing is heard


def test_a_repair_makes_a_new_take_and_leaves_an_unrepairable_sentence_as_it_was(
        renders: dict[str, list[Sentence]], tmp_path: Path) -> None:
    ear = proofer(tmp_path)
    takes_dir = tmp_path / "takes"
    # A take that came out as noise is put right by another take of the sentence, made under its own key.
    noisy = tmp_path / "noisy.wav"
    shutil.copy(renders["noise"][0].audio, noisy)
    before = noisy.read_bytes()
    flagged = ear.check([Sentence(SENTENCES[0], noisy)])[0]
    assert flagged.verdict.flagged
    fixed = repair(flagged, READER, ear, takes_dir, TIMEOUT_S)
    assert not fixed.verdict.flagged and fixed.repair in ("split at a comma", "slower (0.9x)")
    assert noisy.read_bytes() == before  # nothing is overwritten: the repaired take is another file
    assert fixed.sentence.audio == render.take_path(takes_dir, make_engine(READER).key, SENTENCES[0], fixed.repair)
    # The same repair again chooses the same take, with the same bytes.
    again = repair(ear.check([Sentence(SENTENCES[0], noisy)])[0], READER, proofer(tmp_path / "other"),
                   tmp_path / "takes-again", TIMEOUT_S)
    assert again.repair == fixed.repair and again.sentence.audio.read_bytes() == fixed.sentence.audio.read_bytes()
    # A lexicon entry that says another word is said the same way by every take: nothing to repair.
    text = renders["lexicon"][0].text
    word = faults.longest_word(text)
    assert word is not None
    wrong_voice = dataclasses.replace(READER, phonemes=((word, faults.DECOY_PHONEMES),))
    still = repair(ear.check([renders["lexicon"][0]])[0], wrong_voice, ear, takes_dir, TIMEOUT_S)
    assert still.verdict.flagged and not still.repair
