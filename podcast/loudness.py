"""Loudness normalisation to a target (EBU R128 / BS.1770) under a true-peak ceiling.

Each spoken chunk is brought to the target on its own (engines differ by 8 LU and
peak at 0 dBFS), so the mix is already close; the whole programme then gets one
measured correction and a final limiter pass.
"""

from __future__ import annotations

from functools import cache
from typing import Final

import numpy as np
import pyloudnorm
from scipy.ndimage import minimum_filter1d, uniform_filter1d
from scipy.signal import firwin, upfirdn

OVERSAMPLE: Final = 4
BLOCK: Final = 1 << 20
MIN_SECONDS: Final = 0.45
"""Shorter than one BS.1770 gating block: too short to measure, left as it is."""


@cache
def _meter(rate: int) -> pyloudnorm.Meter:
    return pyloudnorm.Meter(rate)


@cache
def _interpolator() -> np.ndarray:
    """A 48-tap, 4-phase interpolation filter, as BS.1770-4 Annex 2 uses for true peak."""
    return np.asarray(firwin(48, 1 / OVERSAMPLE) * OVERSAMPLE, dtype=np.float32)


def integrated_lufs(samples: np.ndarray, rate: int) -> float:
    """Integrated loudness in LUFS; -inf for silence or audio too short to gate."""
    if len(samples) < MIN_SECONDS * rate:
        return float("-inf")
    return float(_meter(rate).integrated_loudness(samples.astype(np.float64)))


def true_peak_envelope(samples: np.ndarray) -> np.ndarray:
    """Per sample, the highest magnitude of the 4x-oversampled signal around it."""
    taps = _interpolator()
    delay = (len(taps) - 1) // 2
    out = np.empty(len(samples), dtype=np.float32)
    for start in range(0, len(samples), BLOCK):
        stop = min(len(samples), start + BLOCK)
        lo, hi = max(0, start - 16), min(len(samples), stop + 16)
        up = np.abs(upfirdn(taps, samples[lo:hi], OVERSAMPLE))[delay : delay + (hi - lo) * OVERSAMPLE]
        up = np.pad(up, (0, (hi - lo) * OVERSAMPLE - len(up)))
        phases = [up[k::OVERSAMPLE] for k in range(OVERSAMPLE)]
        per_sample = np.maximum(np.maximum(phases[0], phases[1]), np.maximum(phases[2], phases[3]))
        out[start:stop] = per_sample[start - lo : stop - lo]
    return np.maximum(out, np.abs(samples))


def limit(samples: np.ndarray, ceiling_db: float, rate: int) -> np.ndarray:
    """A look-ahead peak limiter: the gain dips smoothly around each peak over the ceiling."""
    ceiling = 10 ** (ceiling_db / 20)
    peaks = true_peak_envelope(samples)
    if peaks.max(initial=0.0) <= ceiling:
        return samples
    need = np.minimum(1.0, ceiling / np.maximum(peaks, 1e-9))
    width = max(1, int(0.004 * rate))
    gain = uniform_filter1d(minimum_filter1d(need, size=2 * width + 1), size=width)
    return np.asarray(samples * gain, dtype=np.float32)


def _gain(samples: np.ndarray, db: float) -> np.ndarray:
    return np.asarray(samples * np.float32(10 ** (db / 20)), dtype=np.float32)


def level(samples: np.ndarray, rate: int, target_lufs: float, ceiling_db: float) -> np.ndarray:
    """One piece at the target loudness with its peaks limited; pieces too short are kept."""
    measured = integrated_lufs(samples, rate)
    if not np.isfinite(measured):
        return limit(samples.astype(np.float32), ceiling_db, rate)
    out = limit(_gain(samples, target_lufs - measured), ceiling_db, rate)
    measured = integrated_lufs(out, rate)  # limiting costs a little loudness: make it up once
    if np.isfinite(measured) and abs(measured - target_lufs) > 0.1:
        out = limit(_gain(out, target_lufs - measured), ceiling_db, rate)
    return out


def finish(samples: np.ndarray, rate: int, target_lufs: float, ceiling_db: float) -> np.ndarray:
    """The whole programme: one measured correction, then the limiter."""
    measured = integrated_lufs(samples, rate)
    out = samples
    if np.isfinite(measured) and abs(measured - target_lufs) > 0.1:
        out = _gain(samples, target_lufs - measured)
    return limit(out, ceiling_db, rate)
