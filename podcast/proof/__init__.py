"""The proof: every rendered sentence heard back by an independent ear, compared fairly, flagged, repaired.

    model.py    the recognizer's files (installed with the voices, checked by SHA-256)
    ear.py      Whisper base through faster-whisper (its only importer)
    compare.py  said against heard: a score per sentence and the alarms
    check.py    sentences packed into the ear's windows, hearings cached by audio hash
    repair.py   a flagged sentence rendered again (split, slower), the better-heard take kept
    report.py   proof.json, proof.html, the summary line, lexicon lines
    faults.py   a real engine that misspeaks in known ways, for tests
"""
