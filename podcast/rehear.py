"""Hearing a built episode again (`podcast proof DATE [--recheck]`): the proof stage run on its own, after the build."""

from __future__ import annotations

import dataclasses
import datetime as dt
import tempfile
from pathlib import Path

from . import proof, publish, render
from .assemble.timeline import timeline
from .errors import InputError
from .language import language_for
from .layout import EPISODES, Show, published_record
from .pipeline import LOCK_TIMEOUT_S, load_script, make_parts, start_voices
from .report import SUMMARY, Reporter
from .speech import load_lexicon


def recheck_proof(show: Show, date: dt.date, report: Reporter = SUMMARY) -> proof.Proof:
    """Hear DATE's built episode again, every sentence, ignoring the hearings cached (nothing is repaired or
    refused: the published audio stays as it is); its proof.json and proof.html are replaced."""
    config, language = show.config, language_for(show.config.language)
    if published_record(show, date) is None:
        raise InputError(show.episode_dir(date), f"not built yet: run `podcast build {date.isoformat()}` first")
    lexicon = load_lexicon(show.root)
    script = load_script(show, date, None, True, lexicon)
    profiles = start_voices(show, lexicon)
    config = dataclasses.replace(config, proof=dataclasses.replace(config.proof, mode="report", repair=False))
    with publish.holding(show, LOCK_TIMEOUT_S, report), tempfile.TemporaryDirectory() as folder:
        made = make_parts(show, script, profiles, render.backend_for(config.render, report), report)
        outcome, skipped = proof.hear(config, language, lexicon, config.date_order or language.numeric_date_order(
            config.language), made, profiles, show.root, report.detail, recheck=True)
        heard = timeline([m.part for m in made], [m.duration_s for m in made], [m.spans for m in made], "")
        record = published_record(show, date)
        checked = proof.finish(config, date.isoformat(), outcome, skipped, [(s.start_s, s.end_s) for s in
                               heard.sentences], Path(folder), record.title if record else "", record.audio_file
                               if record else "", show.root)
        for name in (proof.PROOF_JSON, proof.PROOF_HTML):
            for destination in publish.destinations(show):
                destination.put_file(f"{EPISODES}/{date.isoformat()}/{name}", (Path(folder) / name).read_bytes())
    return checked


def proof_lines(show: Show, date: dt.date, recheck: bool = False) -> list[str]:
    """`podcast proof DATE`: the summary line, then each flagged or repaired sentence."""
    found = proof.report.to_dict(recheck_proof(show, date)) if recheck else proof.latest(
        show.root, show.episode_dir(date) / proof.PROOF_JSON)
    if found is None:
        raise InputError(show.episode_dir(date), f"no proof yet: run `podcast build {date.isoformat()}`")
    return [str(found.get("summary", "")), *proof.report.flagged_lines(found)]
