"""Loudness (ITU-R BS.1770-4 / EBU R128) and a true-peak limiter, in numpy alone.

numpy only, on purpose: scipy.signal takes over a second to import, which a
one-story rebuild cannot afford in each process. The K-weighting filter is
applied in the frequency domain; the meter agrees with ffmpeg's ebur128 within
0.1 LU (see the tests).
"""

from __future__ import annotations

from functools import cache
from typing import Final

import numpy as np

OVERSAMPLE: Final = 4
MERGE_GAP: Final = 2048
"""Stretches closer than this (samples) are processed as one: fewer, larger numpy calls."""
MIN_SECONDS: Final = 0.45
"""Shorter than one 400 ms gating block: too short to measure, left as it is."""
_ABSOLUTE_GATE: Final = -70.0
_RELATIVE_GATE: Final = -10.0


def _biquad_response(b: tuple[float, float, float], a: tuple[float, float, float], w: np.ndarray) -> np.ndarray:
    z = np.exp(-1j * w)
    return (b[0] + b[1] * z + b[2] * z * z) / (a[0] + a[1] * z + a[2] * z * z)


def k_weighting_power(n_fft: int, rate: int) -> np.ndarray:
    """|H(f)|^2 of the BS.1770 K-weighting (high shelf, then high pass) at the rfft bins."""
    w = 2 * np.pi * np.fft.rfftfreq(n_fft, 1 / rate) / rate
    # Stage 1: +4 dB high shelf at 1500 Hz, Q 1/sqrt(2).
    big_a, w0, q = 10 ** (4.0 / 40), 2 * np.pi * 1500.0 / rate, 1 / np.sqrt(2)
    alpha, cos = np.sin(w0) / (2 * q), np.cos(w0)
    root = 2 * np.sqrt(big_a) * alpha
    shelf = _biquad_response(
        (big_a * ((big_a + 1) + (big_a - 1) * cos + root), -2 * big_a * ((big_a - 1) + (big_a + 1) * cos),
         big_a * ((big_a + 1) + (big_a - 1) * cos - root)),
        ((big_a + 1) - (big_a - 1) * cos + root, 2 * ((big_a - 1) - (big_a + 1) * cos),
         (big_a + 1) - (big_a - 1) * cos - root),
        w,
    )
    # Stage 2: high pass at 38 Hz, Q 0.5.
    w0, q = 2 * np.pi * 38.0 / rate, 0.5
    alpha, cos = np.sin(w0) / (2 * q), np.cos(w0)
    high_pass = _biquad_response(((1 + cos) / 2, -(1 + cos), (1 + cos) / 2), (1 + alpha, -2 * cos, 1 - alpha), w)
    return np.asarray(np.abs(shelf * high_pass) ** 2, dtype=np.float64)


def _block_energies(samples: np.ndarray, rate: int) -> np.ndarray:
    """Mean square of the K-weighted signal in each 400 ms block, stepping 100 ms.

    Each 100 ms sub-block is weighted in the frequency domain (Parseval): its edges
    are filtered circularly, which moves the result by well under 0.1 LU.
    """
    step = rate // 10
    n_sub = len(samples) // step
    if n_sub < 4:
        return np.zeros(0)
    spectra = np.fft.rfft(samples[: n_sub * step].reshape(n_sub, step).astype(np.float32), axis=1)
    power = np.abs(spectra) ** 2
    power[:, 1:] *= 2  # one-sided spectrum: count the mirrored half
    if step % 2 == 0:
        power[:, -1] /= 2
    sub = power @ k_weighting_power(step, rate) / step
    windows = np.lib.stride_tricks.sliding_window_view(sub, 4).sum(axis=1)
    return np.asarray(windows / (4 * step))


def integrated_lufs(samples: np.ndarray, rate: int) -> float:
    """Integrated loudness with the absolute and relative gates; -inf for silence or too short."""
    if len(samples) < MIN_SECONDS * rate:
        return float("-inf")
    z = _block_energies(samples, rate)
    with np.errstate(divide="ignore"):
        loudness = -0.691 + 10 * np.log10(z)
    z = z[loudness > _ABSOLUTE_GATE]
    if not len(z):
        return float("-inf")
    relative = -0.691 + 10 * np.log10(z.mean()) + _RELATIVE_GATE
    with np.errstate(divide="ignore"):
        gated = z[-0.691 + 10 * np.log10(z) > relative]
    return float(-0.691 + 10 * np.log10(gated.mean()))


@cache
def _interpolator() -> np.ndarray:
    """48-tap windowed-sinc interpolator for 4x oversampling (BS.1770-4 Annex 2 uses 48 taps)."""
    n = np.arange(48) - 23.5
    taps = np.sinc(n / OVERSAMPLE) * np.hanning(48 + 2)[1:-1]
    return np.asarray(taps / taps.sum() * OVERSAMPLE, dtype=np.float32)


def _regions(mask_indices: np.ndarray, margin: int, length: int) -> list[tuple[int, int]]:
    """Index runs (first, last) covering the given indices, each widened by `margin`, close runs merged."""
    if not len(mask_indices):
        return []
    breaks = np.flatnonzero(np.diff(mask_indices) > 2 * margin + MERGE_GAP)
    firsts = np.maximum(mask_indices[np.r_[0, breaks + 1]] - margin, 0)
    lasts = np.minimum(mask_indices[np.r_[breaks, len(mask_indices) - 1]] + margin + 1, length)
    return list(zip(firsts.tolist(), lasts.tolist(), strict=True))


def _oversampled_peaks(x: np.ndarray) -> np.ndarray:
    taps = _interpolator()
    phases = np.stack([taps[p::OVERSAMPLE][::-1] for p in range(OVERSAMPLE)], axis=1)  # (12, 4)
    width = phases.shape[0]
    padded = np.pad(x, (width // 2, width - width // 2 - 1))
    windows = np.lib.stride_tricks.sliding_window_view(padded, width)  # one row per output sample
    out = np.abs(x)
    for start in range(0, len(windows), 1 << 18):  # bounded memory: 256k rows at a time
        y = np.abs(windows[start : start + (1 << 18)] @ phases)
        view = out[start : start + len(y)]
        for phase in range(OVERSAMPLE):
            np.maximum(view, y[:, phase], out=view)
    return out


def true_peak_envelope(samples: np.ndarray, floor: float = 0.0) -> np.ndarray:
    """Per sample, the highest magnitude of the 4x-oversampled signal around it.

    With a `floor`, only stretches where samples reach it are oversampled: between
    samples a band-limited signal overshoots by a few dB at most, so quieter
    stretches cannot reach a ceiling twice the floor.
    """
    x = samples.astype(np.float32)
    if floor <= 0:
        return _oversampled_peaks(x)
    out = np.abs(x)
    for first, last in _regions(np.flatnonzero(out >= floor), 32, len(x)):
        out[first:last] = _oversampled_peaks(x[first:last])
    return out


def sliding_min(values: np.ndarray, width: int) -> np.ndarray:
    """Minimum over a centred window of `width` samples (van Herk/Gil-Werman, O(n))."""
    half = width // 2
    padded = np.pad(values, (half, width - half - 1 + (-(len(values) + width - 1) % width)), constant_values=1.0)
    blocks = padded.reshape(-1, width)
    forward = np.minimum.accumulate(blocks, axis=1).ravel()
    backward = np.minimum.accumulate(blocks[:, ::-1], axis=1)[:, ::-1].ravel()
    n = len(values)
    return np.minimum(backward[:n], forward[width - 1 : width - 1 + n])


def moving_average(values: np.ndarray, width: int) -> np.ndarray:
    total = np.cumsum(np.concatenate(([0.0], np.pad(values, (width // 2, width - width // 2 - 1), mode="edge"))))
    return np.asarray((total[width:] - total[:-width]) / width, dtype=np.float32)


def _limit(samples: np.ndarray, peaks: np.ndarray, ceiling_db: float, rate: int) -> tuple[np.ndarray, np.ndarray]:
    """Limit with a known true-peak envelope; returns the audio and its new envelope.

    The gain is smooth against the 4x interpolator's span, so the new envelope is
    the old one times the gain: no second oversampling pass is needed.
    """
    ceiling = np.float32(10 ** (ceiling_db / 20))
    width = max(1, int(0.004 * rate))
    regions = _regions(np.flatnonzero(peaks > ceiling), 2 * width, len(samples))
    if not regions:
        return samples, peaks
    gain = np.ones(len(samples), dtype=np.float32)
    for first, last in regions:
        need = np.minimum(np.float32(1.0), ceiling / np.maximum(peaks[first:last], np.float32(1e-9)))
        smooth = moving_average(sliding_min(need, 2 * width + 1), width)
        gain[first:last] = np.minimum(smooth, need)
    return np.asarray(samples * gain, dtype=np.float32), np.asarray(peaks * gain, dtype=np.float32)


def limit_peaks(samples: np.ndarray, rate: int, ceiling_db: float) -> np.ndarray:
    """The samples with their true peaks brought under the ceiling, and nothing else changed."""
    x = samples.astype(np.float32)
    return _limit(x, true_peak_envelope(x, 10 ** (ceiling_db / 20) / 2), ceiling_db, rate)[0]


def level(samples: np.ndarray, rate: int, target_lufs: float, ceiling_db: float) -> np.ndarray:
    """The piece at the target loudness with its true peaks under the ceiling.

    Loudness is measured once. What the limiter then takes is estimated from the
    energy it removed (its gain is broadband, so weighted and plain energy move
    alike) and made up, up to three times, without measuring again.
    """
    out = samples.astype(np.float32)
    measured = integrated_lufs(out, rate)
    ceiling = 10 ** (ceiling_db / 20)
    if not np.isfinite(measured):
        return _limit(out, true_peak_envelope(out, ceiling / 2), ceiling_db, rate)[0]
    gain = np.float32(10 ** ((target_lufs - measured) / 20))
    out = out * gain
    peaks = true_peak_envelope(out, ceiling / 2)
    gain = np.float32(1.0)
    for _ in range(3):
        scaled = out * gain
        limited, limited_peaks = _limit(scaled, peaks * gain, ceiling_db, rate)
        kept = float(np.dot(limited, limited)) / max(float(np.dot(scaled, scaled)), 1e-12)
        loss_db = -10 * np.log10(max(kept, 1e-12))
        out, peaks = limited, limited_peaks
        if loss_db <= 0.1:
            break
        gain = np.float32(10 ** (loss_db / 20))
    return out
