"""The proof: every rendered sentence heard back by an independent ear, compared fairly, flagged, repaired.

    model.py    the recognizer's files (installed with the voices, checked by SHA-256)
    ear.py      Whisper base through faster-whisper (its only importer)
    compare.py  said against heard: a score per sentence, the alarms, and the margin the audio keeps from them
    check.py    sentences packed into the ear's windows, hearings cached by audio hash
    repair.py   a clearly wrong sentence's other takes (split, slower, a pause, spelled, respelt), the first heard
                clearly right kept; advice offered only when a take verified it
    stage.py    a batch of sentences heard and repaired where it was rendered
    report.py   proof.json, proof.html, the summary line, lexicon lines
    episode.py  what the build calls: the episode's outcome timed and written (refused when strict)
"""

from __future__ import annotations

from . import report
from .episode import Outcome, finish, latest, ready
from .report import PROOF_HTML, PROOF_JSON, Proof
from .stage import Listening, skipped

__all__ = ["PROOF_HTML", "PROOF_JSON", "Listening", "Outcome", "Proof", "finish", "latest", "ready", "report",
           "skipped"]
