"""Readings the verbalizer chose between, recorded so the producer is told: a guess nobody sees is a silent error.

A rule that picks one reading among several ("4.3m" as million or metres, "nm" as
nautical miles or nanometres, "III" as "the Third" or "Three", a code said as a word
or spelled) calls `note`. While `recording()` is open the notes are collected, each
with the sentence it was made in; outside it `note` does nothing, so building an
episode costs nothing extra. `podcast outline` and the proof report list them, each
with a lexicon line that makes the other reading.
"""

from __future__ import annotations

import contextvars
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import replace

from ..models import Guess

_RECORD: contextvars.ContextVar[list[Guess] | None] = contextvars.ContextVar("guesses", default=None)


def note(written: str, chosen: str, others: Sequence[str], why: str) -> None:
    """Record a choice, when someone is recording."""
    found = _RECORD.get()
    if found is not None:
        found.append(Guess(written.strip(), " ".join(chosen.split()), tuple(" ".join(o.split()) for o in others),
                           why))


@contextmanager
def recording() -> Iterator[list[Guess]]:
    """Collect every guess made inside the block (into the list it yields)."""
    found: list[Guess] = []
    token = _RECORD.set(found)
    try:
        yield found
    finally:
        _RECORD.reset(token)


def mark(since: int, sentence: str) -> None:
    """Give the guesses recorded after the first `since` the sentence they were made in."""
    found = _RECORD.get()
    if found is not None:
        found[since:] = [g if g.sentence else replace(g, sentence=sentence) for g in found[since:]]


def count() -> int:
    found = _RECORD.get()
    return len(found) if found is not None else 0


def distinct(found: Sequence[Guess]) -> list[Guess]:
    """Each written form and reading once, in the order first met."""
    seen: dict[tuple[str, str], Guess] = {}
    for guess in found:
        seen.setdefault((guess.written, guess.chosen), guess)
    return list(seen.values())


def lines(found: Sequence[Guess]) -> list[str]:
    """What `podcast outline` prints: each guess, what else it could be, and the lexicon line for that."""
    out = []
    for guess in distinct(found):
        out.append(f'  "{guess.written}": said "{guess.chosen}" ({guess.why}); could be '
                   + " or ".join(f'"{o}"' for o in guess.others))
        if guess.sentence:
            out.append(f"      in: {guess.sentence}")
        out.append(f"      lexicon, for the other reading: {guess.lexicon_line()}")
    return out
