"""Benchmark: how long verbalizing a day's digest takes (target: under 50 ms for 2,000 words).

Prints the time to build the spoken script of the sample digest (parsing excluded),
next to a baseline measured in the same run, one regular-expression pass over the
same text, so that numbers from a busy machine can still be compared.
"""

from __future__ import annotations

import re
import statistics
import time
from collections.abc import Callable
from pathlib import Path

from podcast.digest import load_digest
from podcast.lexicon import load_lexicon
from podcast.script import build_script
from podcast.speech import speak

ROOT = Path(__file__).resolve().parent.parent
TARGET_MS = 50.0


def best_of(runs: int, work: Callable[[], object]) -> float:
    """Median of the fastest half of `runs` timings, in milliseconds."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        work()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(sorted(times)[: max(1, runs // 2)])


def main() -> None:
    digest = load_digest(ROOT / "episodes" / "2026-02-02" / "digest.txt")
    lexicon = load_lexicon(ROOT)
    text = "\n".join(p for s in digest.sections for st in s.stories for p in (st.headline, *st.paragraphs))
    n_words = len(text.split())
    build_script(digest, "Daily Buzz", lexicon)  # warm the regex caches
    verbalize_ms = best_of(30, lambda: build_script(digest, "Daily Buzz", lexicon))
    baseline_ms = best_of(30, lambda: re.sub(r"\d+", "N", text))
    per_2000 = verbalize_ms * 2000 / n_words
    # One enormous paragraph: any rule that is not linear in the text's length shows up here.
    long_paragraph = text.replace("\n", " ") * 40
    start = time.perf_counter()
    speak(long_paragraph, lexicon=lexicon)
    long_ms = (time.perf_counter() - start) * 1000
    print(f"digest words:              {n_words}")
    print(f"baseline (one regex pass): {baseline_ms:8.2f} ms")
    print(f"verbalize whole script:    {verbalize_ms:8.2f} ms  ({verbalize_ms / baseline_ms:.0f}x baseline)")
    print(f"per 2,000 words:           {per_2000:8.2f} ms  (target < {TARGET_MS:.0f} ms: "
          f"{'met' if per_2000 < TARGET_MS else 'MISSED'})")
    print(f"one {len(long_paragraph.split())}-word paragraph: {long_ms:8.0f} ms  "
          f"({long_ms / (verbalize_ms * 40):.2f}x forty digests: 1.0 is linear)")


if __name__ == "__main__":
    main()
