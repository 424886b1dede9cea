"""Hearing a built episode again (`podcast proof DATE [--recheck]`): the build's first stages, then its own last."""

from __future__ import annotations

import dataclasses
import datetime as dt
import tempfile
from pathlib import Path

from . import proof, publish
from .assemble.timeline import timeline
from .errors import InputError
from .layout import EPISODES, Show
from .pipeline import FIRST, LOCK_TIMEOUT_S, Build, Mixed, run
from .records import published_record
from .report import SUMMARY, Reporter


def republish_proof(build: Build, mixed: Mixed) -> proof.Proof:
    """The last stage of a recheck: the proof timed on the episode's parts, its proof.json and proof.html put in
    the episode's folder (nothing else there changes)."""
    record, made = build.previous, mixed.made
    heard = timeline([m.part for m in made], [m.duration_s for m in made], [m.spans for m in made], "")
    with tempfile.TemporaryDirectory() as folder:
        checked = proof.finish(build.config, build.date.isoformat(), mixed.sentences.outcome,
                               mixed.sentences.skipped, [(s.start_s, s.end_s) for s in heard.sentences],
                               Path(folder), record.title if record else "", record.audio_file if record else "",
                               build.show.root, build.language.page, mixed.sentences.script.guesses)
        for name in (proof.PROOF_JSON, proof.PROOF_HTML):
            for destination in publish.destinations(build.show):
                destination.put_file(f"{EPISODES}/{build.date.isoformat()}/{name}", (Path(folder) / name).read_bytes())
    return checked


def recheck_proof(show: Show, date: dt.date, report: Reporter = SUMMARY) -> proof.Proof:
    """Hear DATE's built episode again, every sentence, ignoring the hearings cached (nothing is repaired or
    refused: the published audio stays as it is, each sentence in the take its record names); its proof.json
    and proof.html are replaced."""
    previous = published_record(show, date)
    if previous is None:
        raise InputError(show.episode_dir(date), f"not built yet: run `podcast build {date.isoformat()}` first")
    config = dataclasses.replace(show.config, proof=dataclasses.replace(show.config.proof, mode="report",
                                                                         repair=False))
    build = Build.open(dataclasses.replace(show, config=config), date, force=True, report=report)
    with publish.holding(show, LOCK_TIMEOUT_S, report):
        checked: proof.Proof = run(dataclasses.replace(build, previous=previous, recheck=True),
                                   (*FIRST, republish_proof))
    return checked


def proof_lines(show: Show, date: dt.date, recheck: bool = False) -> list[str]:
    """`podcast proof DATE`: the summary line, then each flagged or repaired sentence."""
    found = proof.report.to_dict(recheck_proof(show, date)) if recheck else proof.latest(
        show.root, show.episode_dir(date) / proof.PROOF_JSON)
    if found is None:
        raise InputError(show.episode_dir(date), f"no proof yet: run `podcast build {date.isoformat()}`")
    return [str(found.get("summary", "")), *proof.report.flagged_lines(found)]
