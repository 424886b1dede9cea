"""Commands on one day's episode: build, script, outline, feed, proof."""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from typing import Annotated

import typer

from .. import attempt, inputs, layout
from ..digest import outline_day
from ..errors import PodcastError
from ..models import Guess
from ..options import BUILT_NOT_IN_FEEDS, Selected
from ..report import Reporter
from .app import (
    DateArg,
    DigestOpt,
    ForceOpt,
    OutlineForceOpt,
    RecheckOpt,
    ScriptDigestOpt,
    ScriptForceOpt,
    _Command,
    _date,
    _fail,
    _show,
    app,
)


@app.command(cls=_Command)
def build(
    date: DateArg,
    digest: DigestOpt = None,
    force: ForceOpt = False,
    wait: Annotated[float, typer.Option(help="Seconds to wait for another build of the show to finish.",
                                        metavar="SECONDS")] = 1800,
    scheduler: Annotated[str | None, typer.Option(help="Make the parts on this Dask cluster (tcp://HOST:8786 or "
                                                       "tls://...); default: [show.render] scheduler, or this "
                                                       "machine.", metavar="ADDRESS", show_default=False)] = None,
    fallback_local: Annotated[bool, typer.Option("--fallback-local", help="If the cluster cannot be reached, "
                                                 "make the parts on this machine and say so.")] = False,
    publish: Annotated[bool, typer.Option("--publish", help="Then copy the show to [show.publish] to, as "
                                          "`podcast publish` does (also when the episode was up to date).")] = False,
) -> None:
    """Build the episode for DATE and update feed.xml.

    Prints a short summary on stderr (warnings, then the published file), a progress bar only on a terminal, and
    errors as one line; exit status 0 when published or already up to date, 1 on any error, 3 when built but kept
    out of the feeds by keep_episodes or keep_days.

    Example: podcast build 2026-02-02 --digest ~/inbox/digest.txt
    """
    level = Selected.level()
    try:
        show = _show()
        day = _date(show, date)
        source = digest if digest is not None else show.digest_path(day)
        report = Reporter(level)
        if not publish and source.is_file() and inputs.up_to_date(show, day, inputs.build_key(show, source, force)):
            attempt.up_to_date(show, day, report)
            if level:
                print(f"{layout.EPISODES}/{day.isoformat()} is up to date", file=sys.stderr)
            return
        from ..publish.episodes import in_feeds

        # every failure from here on, whatever stage it stops in, is noted for `podcast list` and told
        record = attempt.build(show, day, digest, report, force=force, lock_timeout_s=wait, scheduler=scheduler,
                               fallback_local=fallback_local, publish_remote=publish)
    except (PodcastError, OSError) as error:
        raise _fail(error) from None
    if record is not None and not in_feeds(show, day):
        raise typer.Exit(BUILT_NOT_IN_FEEDS)  # built, but retention keeps it out: not what cron asked for


@app.command(cls=_Command)
def script(
    date: DateArg,
    digest: ScriptDigestOpt = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print one JSON object.")] = False,
    force: ScriptForceOpt = False,
) -> None:
    """Print the spoken script for DATE; renders and writes nothing.

    Example: podcast script 2026-02-02 --json
    """
    from .. import pipeline

    try:
        show = _show()
        spoken = pipeline.load_script(show, _date(show, date), digest, force)
    except (PodcastError, OSError) as error:
        raise _fail(error) from None
    for warning in spoken.digest.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    if as_json:
        print(json.dumps(spoken.to_dict(), indent=2, ensure_ascii=False))
    else:
        sys.stdout.write(spoken.to_text())


def guessed(found: Sequence[Guess]) -> str:
    """The outline's last part: every reading the verbalizer chose between, with a lexicon line for the other."""
    from ..speech import guesses

    if not found:
        return "\nGuessed readings: none (every figure and abbreviation has one reading here)\n"
    return "\n".join(["", f"Guessed readings ({len(found)}; a lexicon line in voices/lexicon.toml [words] says the "
                           "other):", *guesses.lines(found)]) + "\n"


@app.command(cls=_Command)
def outline(date: DateArg, digest: ScriptDigestOpt = None, force: OutlineForceOpt = False) -> None:
    """Print DATE's digest as parsed: sections, stories, the lines left out, warnings; renders nothing.
    Example: podcast outline today"""
    try:
        show = _show()
        from .. import pipeline

        text = outline_day(show.digest_path(day := _date(show, date)), day, force, digest, show.config.digest)
        spoken = pipeline.load_script(show, day, digest, force)
        sys.stdout.write(text + guessed(spoken.guesses))
    except (PodcastError, OSError) as error:
        raise _fail(error) from None


@app.command(cls=_Command)
def feed() -> None:
    """Rebuild feed.xml from every built episode.

    Example: podcast feed
    """
    from .. import pipeline

    try:
        path = pipeline.publish_feed(_show())
    except (PodcastError, OSError) as error:
        raise _fail(error) from None
    print(path)


@app.command(cls=_Command)
def proof(date: DateArg, recheck: RecheckOpt = False) -> None:
    """Print what the proof flagged in DATE's last build (a refused one too): when, said, heard, why, lexicon lines.

    Example: podcast proof 2026-02-02 --recheck
    """
    from .. import rehear

    try:
        show = _show()
        print("\n".join(rehear.proof_lines(show, _date(show, date), recheck)))
    except (PodcastError, OSError) as error:
        raise _fail(error) from None
