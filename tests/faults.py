"""A real engine that misspeaks in one known way, for testing the proof: every fault here must be flagged.

The faults are what a neural voice or a producer's setting can do to a sentence
without any error being raised: say another number, drop a clause, skip a run of
words, give noise or near-silence, read English with another language's voice
settings, or follow a lexicon entry whose phonemes say another word.
"""

from __future__ import annotations

import dataclasses
import hashlib
import re
import wave
from pathlib import Path
from typing import Any, Final

import numpy as np

from podcast.config import VoiceProfile
from podcast.engines import Voice, make_engine

FAULTS: Final = ("number", "clause", "skip", "noise", "silence", "language", "lexicon")
OTHER_NUMBER: Final = {
    "one": "four", "two": "five", "three": "eight", "four": "seven", "five": "nine", "six": "two", "seven": "three",
    "eight": "six", "nine": "one", "ten": "twelve", "eleven": "fifteen", "twelve": "ten", "fifteen": "eleven",
    "twenty": "sixty", "thirty": "seventy", "forty": "ninety", "fifty": "eighty", "sixty": "thirty",
    "seventy": "forty", "eighty": "twenty", "ninety": "fifty", "hundred": "thousand", "thousand": "million",
    "million": "billion", "billion": "million", "first": "third", "second": "fourth", "third": "first",
}
SKIPPED: Final = 4
"""Words a "skip" leaves out, from the middle of the sentence."""
DECOY_PHONEMES: Final = "bənˈænə"
"""What a wrong lexicon entry makes the voice say instead of the sentence's longest word: "banana"."""
_NUMBER = re.compile(r"\b(" + "|".join(OTHER_NUMBER) + r")\b", re.IGNORECASE)


def different_number(text: str) -> str | None:
    """The sentence with its first number word changed ("seven point four" -> "three point four")."""
    match = _NUMBER.search(text)
    if match is None:
        return None
    other = OTHER_NUMBER[match.group(1).lower()]
    return text[:match.start()] + (other.capitalize() if match.group(1)[0].isupper() else other) + text[match.end():]


def dropped_clause(text: str) -> str | None:
    """The sentence without its longest clause after the first comma (at least three words), or None."""
    clauses = re.split(r"(?<=,)\s+", text)
    if len(clauses) < 2:
        return None
    longest = max(range(1, len(clauses)), key=lambda n: (len(clauses[n].split()), -n))
    if len(clauses[longest].split()) < 3:
        return None
    kept = clauses[:longest] + clauses[longest + 1:]
    return re.sub(r",$", ".", " ".join(kept).strip()) if longest == len(clauses) - 1 else " ".join(kept)


def skipped_run(text: str) -> str | None:
    """The sentence with SKIPPED words from its middle left out (it must keep at least three either side)."""
    words = text.split()
    if len(words) < SKIPPED + 6:
        return None
    at = (len(words) - SKIPPED) // 2
    return " ".join(words[:at] + words[at + SKIPPED:])


def longest_word(text: str) -> str | None:
    words = re.findall(r"[A-Za-z]{5,}", text)
    return max(words, key=lambda w: (len(w), w)) if words else None


def applies(fault: str, text: str) -> bool:
    """Whether the fault can be injected in this sentence (a number to change, a clause to drop...)."""
    if fault == "number":
        return different_number(text) is not None
    if fault == "clause":
        return dropped_clause(text) is not None
    if fault == "skip":
        return skipped_run(text) is not None
    if fault == "lexicon":
        return longest_word(text) is not None
    return fault in FAULTS


def other_language(profile: VoiceProfile) -> VoiceProfile:
    """The profile with Spanish voice settings: Kokoro's Spanish voice and phonemes, eSpeak NG's Spanish voice."""
    if profile.engine == "pyttsx3":
        return dataclasses.replace(profile, voice="roa/es")
    spanish: dict[str, Any] = {"voice": "ef_dora", "lang": "es"}
    return dataclasses.replace(profile, **spanish)


class Misspeaker:
    """Wraps the engine a voice profile names and injects one fault into every sentence it can."""

    def __init__(self, profile: VoiceProfile, fault: str) -> None:
        if fault not in FAULTS:
            raise ValueError(f"unknown fault {fault!r} (use {', '.join(FAULTS)})")
        self.profile = profile
        self.fault = fault
        self.inner = make_engine(profile)

    @property
    def key(self) -> str:
        return f"faulty-{self.fault}|{self.inner.key}"

    def start(self) -> None:
        self.inner.start()

    def reset(self) -> None:
        self.inner.reset()

    def voices(self) -> list[Voice]:
        return self.inner.voices()

    def render(self, text: str, path: Path) -> None:
        if self.fault in ("noise", "silence"):
            _write_noise(path, text, loud=self.fault == "noise")
            return
        if self.fault == "language":  # engine.start() would refuse these settings: render() does not check
            make_engine(other_language(self.profile)).render(text, path)
            return
        if self.fault == "lexicon":
            word = longest_word(text)
            if word is not None:
                sounds = ((word, DECOY_PHONEMES), *self.profile.phonemes)
                make_engine(dataclasses.replace(self.profile, phonemes=sounds)).render(text, path)
                return
        changed = {"number": different_number, "clause": dropped_clause, "skip": skipped_run}.get(self.fault)
        self.inner.render((changed(text) if changed else None) or text, path)


def _write_noise(path: Path, text: str, loud: bool, rate: int = 24_000) -> None:
    """Noise as long as the sentence would take: loud hiss, or a faint hum no one would call speech."""
    seconds = max(1.0, 0.33 * len(text.split()))
    seed = int.from_bytes(hashlib.sha256(text.encode()).digest()[:8], "little")
    noise = np.random.default_rng(seed).standard_normal(int(seconds * rate)) * (0.25 if loud else 0.0004)
    pcm = (np.clip(noise, -1.0, 1.0) * 32767).astype("<i2")
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(rate)
        out.writeframes(pcm.tobytes())
