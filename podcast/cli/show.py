"""Commands on the show: init, list, remove, voices, install-voices, publish, serve."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer

from ..errors import PodcastError
from ..options import Selected
from .app import DateArg, _Command, _date, _fail, _show, app


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
    gave; without one (a script, cron) it refuses, naming the flags to give, so that
    no show is made with placeholders. It refuses a folder that already holds a show.

    Example: podcast init ~/shows/harbor --title "Harbor Ledger" --timezone America/New_York
    """
    from ..config import ShowConfig
    from ..showfolder import ESSENTIALS, create_show

    values = {"title": title, "author": author, "email": email, "base_url": base_url, "description": description,
              "language": language, "category": category, "subcategory": subcategory, "timezone": timezone,
              "publish_time": publish_time}
    if sys.stdin.isatty() and not (folder / "podcast.toml").exists():
        for key in ESSENTIALS:
            if not values[key]:
                values[key] = typer.prompt(key.replace("_", " ").capitalize(), default=getattr(ShowConfig(), key))
    try:
        written = create_show(folder, values, asked=sys.stdin.isatty())
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
    from ..publish import episodes

    try:
        rows = episodes.states(_show())
    except (PodcastError, OSError) as error:
        raise _fail(error) from None
    if as_json:
        print(json.dumps([row.to_dict() for row in rows], indent=2, ensure_ascii=False))
        return
    table = [row.columns() for row in rows]
    if sys.stdout.isatty():
        from ..terminal import print_table

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
    from .. import pipeline

    try:
        show = _show()
        pipeline.remove(show, _date(show, date), purge, pipeline.Reporter(Selected.level()), lock_timeout_s=wait)
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
    from .. import pipeline

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
    """Install the Kokoro model, its voices and the proof's recognizer from PyPI and npm, checked by SHA-256.

    Example: podcast install-voices
    """
    from ..engines import assets
    from ..proof import model

    try:
        for path in [*assets.install(npm_tarball), *model.install()]:
            print(path)
    except (PodcastError, OSError) as error:
        raise _fail(error) from None


@app.command(cls=_Command)
def publish(
    dates: Annotated[list[str] | None, typer.Argument(help="Episodes that must be in the feeds (the whole show is "
                                                           "copied either way).", show_default=False,
                                                      metavar="DATE")] = None,
    to: Annotated[str, typer.Option(help="s3://bucket/prefix/, sftp://user@host/path/, a folder, or any fsspec URL; "
                                    "default: [show.publish] to.", metavar="URL", show_default=False)] = "",
    dry_run: Annotated[bool, typer.Option("--dry-run", help="Print the uploads and deletes; change nothing.")] = False,
    wait: Annotated[float, typer.Option(help="Seconds to wait for a build of the show to finish.",
                                        metavar="SECONDS")] = 1800,
) -> None:
    """Copy the show's published files to a bucket, an SSH host or a web root, feeds last; then tell the apps.

    Only changed files are sent; a copy cut short never leaves a feed naming a missing file, and running it
    again finishes it. Credentials: AWS variables and profiles, SSH keys and agent; never podcast.toml.

    Example: podcast publish --to s3://my-bucket/daily/ --dry-run
    """
    from .. import pipeline

    try:
        show = _show()
        result = pipeline.publish_to(show, to, dates=[_date(show, text) for text in dates or []], dry_run=dry_run,
                                     lock_timeout_s=wait, report=pipeline.Reporter(Selected.level()))
    except (PodcastError, OSError) as error:
        raise _fail(error) from None
    for entry in result.plan.uploads if dry_run else []:  # the plan is the command's output
        print(f"upload\t{entry.path}\t{entry.kind}\t{entry.size}")
    for relative in [*result.plan.deletes, *result.plan.leftovers] if dry_run else []:
        print(f"delete\t{relative}")


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
    from ..config import ShowConfig
    from ..publish.serve import serve as run_server

    try:
        show = _show()
    except (PodcastError, OSError) as error:
        raise _fail(error) from None
    configured = show.config.base_url != ShowConfig().base_url
    try:
        run_server(show.root, show.config, host, port, base_url_configured=configured, serve_digests=digests,
                   read_timeout_s=timeout, max_connections=max_connections, verbosity=Selected.level())
    except OSError as error:
        print(f"podcast: error: cannot listen on {host}:{port}: {error.strerror}", file=sys.stderr)
        raise typer.Exit(1) from None

