"""`podcast build DATE` as cron runs it, around the build: every failure recorded for `podcast list`, whatever
stage it stops in (the digest, the lexicon, the voices, the lock, the audio, the proof), and the show's notices
sent at the start and at the end."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from . import notices
from .errors import PodcastError, ProofError, RemotePublishError
from .layout import Show
from .models import EpisodeRecord
from .publish import episodes
from .report import Reporter


def build(show: Show, date: dt.date, digest_file: Path | None, report: Reporter, **options: Any) -> \
        EpisodeRecord | None:
    """`pipeline.build`, with its failure noted in the episode folder and the outcome told ([show.notify])."""
    from . import pipeline  # the audio stack: only when a build runs

    settings = show.config.notify
    notices.started(settings, report.outcome)
    try:
        record = pipeline.build(show, date, digest_file, report=report, **options)
    except (PodcastError, OSError) as error:
        first = _first_line(error)
        if not isinstance(error, RemotePublishError):  # that episode is out in the show folder; only its copy lags
            _note(show, date, first, report)
        _tell(show, date, notices.FAILED, report, first,
              _proof_counts(show, date) if isinstance(error, ProofError) else {})  # strict: what it refused
        raise
    outcome = ("up to date" if record is None else
               "published" if episodes.in_feeds(show, date) else "built, not in the feeds")
    _tell(show, date, outcome, report, "", _proof_counts(show, date))
    return record


def up_to_date(show: Show, date: dt.date, report: Reporter) -> None:
    """The quick answer without the build: an earlier failure is over, and the notices hear that all is well."""
    episodes.clear_failure(show, date)
    notices.started(show.config.notify, report.outcome)
    _tell(show, date, "up to date", report, "", _proof_counts(show, date))


def _first_line(error: BaseException) -> str:
    if isinstance(error, OSError) and not isinstance(error, PodcastError) and error.filename:
        return f"{error.filename}: {error.strerror or error}"
    return (str(error).strip().splitlines() or [type(error).__name__])[0]


def _note(show: Show, date: dt.date, message: str, report: Reporter) -> None:
    try:
        episodes.note_failure(show, date, message)
    except OSError as exc:  # a read-only show folder: the build's own error is the one to print
        report.outcome(f"warning: could not record the failure for `podcast list`: {exc.strerror or exc}")


def _proof_counts(show: Show, date: dt.date) -> dict[str, int]:
    """The proof's counts from its record: this build's last proof (a refused one too), else proof.json."""
    from .proof import PROOF_JSON, latest

    data = latest(show.root, show.episode_dir(date) / PROOF_JSON)
    if not data or data.get("skipped") or not isinstance(data.get("sentences"), list):
        return {}
    sentences = data["sentences"]
    return {"sentences": len(sentences), "flagged": sum(1 for s in sentences if s.get("flagged")),
            "repaired": sum(1 for s in sentences if s.get("repaired"))}


def _tell(show: Show, date: dt.date, outcome: str, report: Reporter, error: str, proof: dict[str, int]) -> None:
    told = notices.Outcome(show.config.title, date.isoformat(), outcome, error, proof)
    notices.finished(show.config.notify, told, show.config.email, report.outcome)
