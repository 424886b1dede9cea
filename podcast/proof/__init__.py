"""The proof: every rendered sentence heard back by an independent ear, compared fairly, flagged, repaired.

    model.py    the recognizer's files (installed with the voices, checked by SHA-256)
    ear.py      Whisper base through faster-whisper (its only importer)
    compare.py  said against heard: a score per sentence and the alarms
    check.py    sentences packed into the ear's windows, hearings cached by audio hash
    repair.py   a flagged sentence rendered again (split, slower), the better-heard take kept
    report.py   proof.json, proof.html, the summary line, lexicon lines
    stage.py    the proof as a stage: hear, repair once per audio
    episode.py  what the build calls: hear the made parts, then finish (time, write, refuse when strict)
    faults.py   a real engine that misspeaks in known ways, for tests
"""

from __future__ import annotations

from . import report
from .episode import finish, hear, latest, ready
from .report import PROOF_HTML, PROOF_JSON, Proof

__all__ = ["PROOF_HTML", "PROOF_JSON", "Proof", "finish", "hear", "latest", "ready", "report"]
