"""The `podcast` command itself: the group, the global options and what every command shares."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from typing import Annotated, Any

import typer
import typer.core

from .. import __version__, dates, layout
from ..errors import PodcastError
from ..options import GLOBAL_NOTE, QUIET_HELP, SHOW_HELP, VERBOSE_HELP, Selected, globals_first

# The pipeline (numpy, pydub, feedgen...) is imported inside the commands that need it,
# so that an up-to-date `podcast build` answers at once.

class _Group(typer.core.TyperGroup):
    """The top level: global options are taken after the command as well as before it."""

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        return super().parse_args(ctx, globals_first(args, self.commands))  # type: ignore[no-any-return]


class _Command(typer.core.TyperCommand):
    """Usage lines read "podcast build [OPTIONS] DATE", as man pages write them (typer writes "{DATE}")."""

    def format_epilog(self, ctx: Any, formatter: Any) -> None:  # no command has an epilog of its own
        formatter.write_paragraph()
        formatter.write_text(GLOBAL_NOTE)

    def collect_usage_pieces(self, ctx: Any) -> list[str]:
        return [piece[1:-1] if piece.startswith("{") and piece.endswith("}") else piece
                for piece in super().collect_usage_pieces(ctx)]


app = typer.Typer(
    cls=_Group,
    help="Turn a daily plain-text news digest into an audio briefing podcast. "
    "Run the commands in a show folder (or below one), or name it with --show.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,  # plain help, as cron mail and terminals both read it: "--force", not "--force <bool>"
)

DateArg = Annotated[str, typer.Argument(help="Episode date: YYYY-MM-DD, today or yesterday (in the show's time "
                                             "zone).", show_default=False, metavar="DATE")]
DigestOpt = Annotated[Path | None, typer.Option(
    "--digest", help="Digest file to build from (copied to episodes/DATE/digest.txt).", dir_okay=True,
    show_default=False, metavar="FILE")]
ScriptDigestOpt = Annotated[Path | None, typer.Option(
    "--digest", help="Digest file to read instead of episodes/DATE/digest.txt.", dir_okay=True, show_default=False,
    metavar="FILE")]
ForceOpt = Annotated[bool, typer.Option("--force", help="Build even when the digest's title date differs from DATE, "
                                        "or its structure is doubtful.")]
ScriptForceOpt = Annotated[bool, typer.Option("--force", help="Print the script even when the digest's title date "
                                              "differs from DATE, or its structure is doubtful.")]
OutlineForceOpt = Annotated[bool, typer.Option("--force", help="Print the outline even when the digest's title date "
                                               "differs from DATE, or its structure is doubtful.")]
RecheckOpt = Annotated[bool, typer.Option("--recheck", help="Hear every sentence again, ignoring the hearings cached, "
                                          "and replace proof.json and proof.html.")]

def _fail(error: PodcastError | OSError) -> typer.Exit:
    if isinstance(error, OSError):  # a full disk, a read-only folder: say which file and why
        error = PodcastError(f"{error.filename or 'file'}: {error.strerror or error}")
    print(f"podcast: error: {error}", file=sys.stderr)
    return typer.Exit(1)


def _show() -> layout.Show:
    return layout.Show.open(layout.find_show(Selected.folder, Path.cwd()))


def _date(show: layout.Show, text: str) -> dt.date:
    return dates.parse_date(text, show.config.tz)


def _print_version(value: bool) -> None:
    if value:
        print(f"podcast {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    show: Annotated[Path | None, typer.Option("--show", envvar="PODCAST_SHOW", metavar="DIR", show_default=False,
                                              help=SHOW_HELP)] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help=QUIET_HELP)] = False,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help=VERBOSE_HELP)] = False,
    version: Annotated[bool, typer.Option("--version", callback=_print_version, is_eager=True,
                                          help="Print the version and exit.")] = False,
) -> None:
    """Turn a daily plain-text news digest into an audio briefing podcast."""
    Selected.folder, Selected.quiet, Selected.verbose = show, quiet, verbose
