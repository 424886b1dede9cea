"""The built-in jingles, named as parts name them: theme (the intro), stinger (before a section), outro, and the
music bed under the intro; synthesised deterministically."""

from __future__ import annotations

from typing import Final

import numpy as np

RATE: Final = 44100
# Note frequencies (Hz) of a bright major progression: I - V - vi - IV in C.
_C, _E, _G, _A, _B, _D, _F = 261.63, 329.63, 392.00, 440.00, 493.88, 293.66, 349.23


def _note(freq: float, seconds: float, start: float, total: float, level: float) -> np.ndarray:
    """A soft bell-like note (fundamental plus two harmonics) with a fast attack and decay."""
    out = np.zeros(int(total * RATE), dtype=np.float32)
    n = int(seconds * RATE)
    t = np.arange(n, dtype=np.float32) / RATE
    tone = (
        np.sin(2 * np.pi * freq * t)
        + 0.35 * np.sin(2 * np.pi * 2 * freq * t)
        + 0.12 * np.sin(2 * np.pi * 3 * freq * t)
    )
    envelope = np.minimum(t / 0.015, 1.0) * np.exp(-t * 3.2 / seconds)
    first = int(start * RATE)
    out[first : first + n] = (level * tone * envelope)[: len(out) - first]
    return out


def _arrange(notes: list[tuple[float, float, float]], total: float) -> np.ndarray:
    mix = sum(_note(freq, length, start, total, 0.18) for freq, start, length in notes)
    fade = np.minimum(1.0, (total - np.arange(int(total * RATE)) / RATE) / 0.4)
    return np.asarray(mix * np.clip(fade, 0.0, 1.0), dtype=np.float32)


def theme() -> np.ndarray:
    """About four seconds: a rising arpeggio over four chords."""
    chords = [(_C, _E, _G), (_G / 2, _B, _D * 2), (_A / 2, _C, _E), (_F / 2, _A, _C * 2)]
    notes = []
    for i, chord in enumerate(chords):
        for j, freq in enumerate(chord):
            notes.append((freq, i * 0.85 + j * 0.09, 1.3))
        notes.append((chord[0] / 2, i * 0.85, 0.9))
    notes.append((_C * 2, 3.4, 0.9))
    return _arrange(notes, 4.5)


def stinger() -> np.ndarray:
    """About 1.2 seconds: two quick rising notes and a chord."""
    return _arrange([(_G, 0.0, 0.35), (_C * 2, 0.14, 0.5), (_E * 2, 0.28, 0.9), (_C, 0.28, 0.9)], 1.2)


def outro() -> np.ndarray:
    """About 3.5 seconds: the intro's cadence, falling to the tonic."""
    notes = [(_F, 0.0, 1.2), (_A, 0.1, 1.2), (_G, 0.9, 1.2), (_B, 1.0, 1.2), (_C, 1.8, 1.7),
             (_E, 1.9, 1.7), (_G, 2.0, 1.7), (_C / 2, 1.8, 1.7)]
    return _arrange(notes, 3.6)


def bed(seconds: float = 16.0) -> np.ndarray:
    """A soft, slowly swelling pad (C major with a gentle pulse), looped under the show intro."""
    t = np.arange(int(seconds * RATE), dtype=np.float32) / RATE
    pad = sum(np.sin(2 * np.pi * f * t) * (0.6 if f < 200 else 0.35) for f in (_C / 2, _G / 2, _E, _G))
    pulse = 0.75 + 0.25 * np.sin(2 * np.pi * 0.5 * t)
    return np.asarray(0.12 * pad * pulse, dtype=np.float32)


DEFAULTS: Final = {"theme": theme, "stinger": stinger, "outro": outro, "bed": bed}
"""The built-in jingles, by the names parts use (settings name the producer's own: see AudioSettings.jingle_files)."""
