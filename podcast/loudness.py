"""Loudness normalisation to a target (EBU R128 / BS.1770) under a true-peak ceiling."""

from __future__ import annotations

from typing import Final

import numpy as np
import pyloudnorm
from scipy.ndimage import minimum_filter1d, uniform_filter1d
from scipy.signal import resample_poly

OVERSAMPLE: Final = 4
BLOCK: Final = 1 << 20


def integrated_lufs(samples: np.ndarray, rate: int) -> float:
    """Integrated loudness in LUFS; -inf for silence."""
    return float(pyloudnorm.Meter(rate).integrated_loudness(samples.astype(np.float64)))


def true_peak_envelope(samples: np.ndarray) -> np.ndarray:
    """Per sample, the highest magnitude of the 4x-oversampled signal around it."""
    out = np.empty(len(samples), dtype=np.float32)
    pad = 64
    for start in range(0, len(samples), BLOCK):
        lo, hi = max(0, start - pad), min(len(samples), start + BLOCK + pad)
        up = np.abs(resample_poly(samples[lo:hi], OVERSAMPLE, 1))
        per_sample = up[: (hi - lo) * OVERSAMPLE].reshape(-1, OVERSAMPLE).max(axis=1)
        out[start : min(len(samples), start + BLOCK)] = per_sample[start - lo : start - lo + BLOCK]
    return np.maximum(out, np.abs(samples))


def limit(samples: np.ndarray, ceiling_db: float, rate: int) -> np.ndarray:
    """A look-ahead peak limiter: the gain dips smoothly around each peak over the ceiling."""
    ceiling = 10 ** (ceiling_db / 20)
    need = np.minimum(1.0, ceiling / np.maximum(true_peak_envelope(samples), 1e-9))
    width = max(1, int(0.004 * rate))
    gain = minimum_filter1d(need, size=2 * width + 1)
    gain = uniform_filter1d(gain, size=width)
    return np.asarray(samples * gain, dtype=np.float32)


def normalize(samples: np.ndarray, rate: int, target_lufs: float, ceiling_db: float) -> np.ndarray:
    """Gain to `target_lufs`, then limit peaks to `ceiling_db`; repeated since limiting costs loudness."""
    out = samples.astype(np.float32)
    for _ in range(3):
        measured = integrated_lufs(out, rate)
        if not np.isfinite(measured):
            return out
        if abs(measured - target_lufs) < 0.15 and true_peak_envelope(out).max() <= 10 ** (ceiling_db / 20):
            break
        out = limit(out * np.float32(10 ** ((target_lufs - measured) / 20)), ceiling_db, rate)
    return out
