"""The example sessions in README.md and docs/, made by running the commands they show.

`python -m tests.docs_examples` builds a tiny show in a temporary home folder and rewrites every block between
`<!-- example:NAME -->` and `<!-- /example:NAME -->` with what the commands really printed; tests/test_docs_examples.py
checks that the files hold exactly that. The clock is pinned (PODCAST_NOW) and both voices are the test tone (the
same bytes on every machine, in seconds), so the durations, sizes and content hashes shown are the tone's, not
Kokoro's, and the proof line says it has nothing to hear. Paths are shown from the home folder (`~`) or the show
folder, never as one machine's absolute paths.
"""

from __future__ import annotations

import contextlib
import os
import re
import shlex
import subprocess
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Final

from typer.testing import CliRunner

from podcast.cli import app

REPO: Final = Path(__file__).resolve().parent.parent
NOW: Final = "2026-02-03T11:00:00Z"
"""6 a.m. in New York, the show's zone: `today` is 2026-02-03."""

DIGEST: Final = """Harbor Ledger: 3 February 2026
Port & City
Ferry Fares Rise 5% in March
Fares on the harbor ferry rise 5% to $4.85 on March 1, the transit authority said on Monday.
Eelgrass Returns to the Inner Harbor
Divers counted 1,200 square meters of eelgrass this winter, twice last year's count.
Business
Shipyard Wins $310 Million Navy Contract
The contract, signed on Tuesday, keeps 900 workers at the yard busy until 2029.
"""

INIT: Final = ("init", "~/shows/harbor", "--title", "Harbor Ledger", "--author", "Harbor Newsroom",
               "--email", "desk@harbor.example", "--base-url", "https://harbor.example/podcast/",
               "--timezone", "America/New_York")
INIT_SHOWN: Final = ('podcast init ~/shows/harbor --title "Harbor Ledger" --author "Harbor Newsroom" \\\n'
                     "    --email desk@harbor.example --base-url https://harbor.example/podcast/ "
                     "--timezone America/New_York")
TONE_VOICES: Final = {"default.toml": 'engine = "tone"\nvoice = "tone"\n',
                      "anchor.toml": 'engine = "tone"\nvoice = "tone-anchor"\n'}
MARKER: Final = re.compile(r"(<!-- example:(?P<name>[a-z-]+) -->\n).*?(<!-- /example:(?P=name) -->)", re.S)


class Session:
    """A console session: each command as typed, then what it printed, with the home folder shown as `~`."""

    def __init__(self, home: Path) -> None:
        self.home = home
        self.cwd = home
        self.lines: list[str] = []

    def shown(self, text: str) -> str:
        return text.replace(str(self.home), "~")

    def path(self, argument: str) -> str:
        return str(self.home) + argument[1:] if argument.startswith("~") else argument

    def podcast(self, *args: str, shown: str | None = None, keep: Callable[[str], str] = str, status: int = 0) -> str:
        """Run `podcast ARGS` here as a user would (in this process, for speed) and record it."""
        with contextlib.chdir(self.cwd):
            result = CliRunner().invoke(app, [self.path(a) for a in args], prog_name="podcast",
                                       env={"COLUMNS": "100", "PODCAST_NOW": NOW, "HOME": str(self.home),
                                            "PODCAST_SHOW": None})
        if result.exception and not isinstance(result.exception, SystemExit):
            raise result.exception
        assert result.exit_code == status, result.output
        self.record(shown or "podcast " + " ".join(map(typed, args)), keep(result.output))
        return result.output

    def record(self, command: str, output: str) -> None:
        self.lines.append(f"$ {command}")
        self.lines += self.shown(output).rstrip("\n").splitlines() if output.strip() else []

    def cd(self, folder: str) -> None:
        self.cwd = Path(self.path(folder))
        self.record(f"cd {folder}", "")

    def text(self) -> str:
        return "```console\n" + "\n".join(self.lines) + "\n```\n"


def typed(argument: str) -> str:
    """An argument as typed at a shell prompt: quoted when it must be, with `~/` left for the shell to expand."""
    if argument.startswith("~/") and shlex.quote(argument[2:]) == argument[2:]:
        return argument
    return shlex.quote(argument)


def head(count: int) -> Callable[[str], str]:
    return lambda output: "".join(output.splitlines(keepends=True)[:count])


def ls(folder: Path, *names: str) -> str:
    """What `ls NAME…` prints (names sorted as in the C locale), for folders only."""
    blocks = []
    for name in names:
        entries = sorted(path.name for path in (folder / name).iterdir())
        blocks.append(f"{name}:\n" + "".join(f"{entry}\n" for entry in entries))
    return "\n".join(blocks)


def loudness(audio: Path) -> str:
    """The integrated loudness and true peak lines of ffmpeg's EBU R128 summary, as the grep in the docs keeps."""
    result = subprocess.run(["ffmpeg", "-nostats", "-i", str(audio), "-af", "ebur128=peak=true", "-f", "null", "-"],
                            capture_output=True, text=True, check=True)
    summary = result.stderr.split("Summary:", 1)[1]
    return "".join(line + "\n" for line in summary.splitlines() if re.match(r" +(I|Peak):", line))


def sessions() -> dict[str, str]:
    """Every example session, by name, as a console block."""
    with tempfile.TemporaryDirectory(prefix="podcast-docs-") as temporary:
        home = Path(temporary) / "home"
        (home / "inbox").mkdir(parents=True)
        (home / "inbox" / "digest.txt").write_text(DIGEST, encoding="utf-8")
        show = home / "shows" / "harbor"
        day = "episodes/2026-02-03"
        made: dict[str, str] = {}

        first = Session(home)
        first.podcast(*INIT, shown=INIT_SHOWN)
        for name, text in TONE_VOICES.items():  # not shown: the test tone stands in for the Kokoro voices
            (show / "voices" / name).write_text(text)
        first.cd("~/shows/harbor")
        first.record("cat ~/inbox/digest.txt", DIGEST)
        first.podcast("build", "today", "--digest", "~/inbox/digest.txt")
        first.podcast("build", "today")
        first.podcast("list")
        made["first-show"] = first.text()

        episode = Session(home)
        episode.cwd = show
        episode.podcast("outline", "today")
        episode.podcast("script", "today", shown="podcast script today | head -9", keep=head(9))
        episode.record(f"ls {day} {day}/sections", ls(show, day, f"{day}/sections"))
        episode.record(f"head -8 {day}/transcript.vtt", head(8)((show / day / "transcript.vtt").read_text()))
        episode.record(f"ffmpeg -nostats -i {day}/episode.mp3 -af ebur128=peak=true -f null - 2>&1 "
                       "| grep -A15 Summary | grep -E ' (I|Peak):'", loudness(show / day / "episode.mp3"))
        episode.podcast("proof", "today")
        episode.podcast("feed")
        made["episode"] = episode.text()

        publish = Session(home)
        publish.cwd = show
        publish.podcast("publish", "--to", "~/www/harbor/", "--dry-run",
                        shown="podcast publish --to ~/www/harbor/ --dry-run | head -5", keep=head(5))
        publish.podcast("publish", "--to", "~/www/harbor/")
        publish.podcast("publish", "--to", "~/www/harbor/")
        made["publish"] = publish.text()
    return made


def pages() -> list[Path]:
    """The README and every page in docs/."""
    return [REPO / "README.md", *sorted((REPO / "docs").glob("*.md"))]


def documents(made: dict[str, str]) -> dict[Path, str]:
    """Every page with an example block, as it reads with the blocks in `made`."""
    rewritten = {}
    for path in pages():
        text = path.read_text()
        if MARKER.search(text):
            rewritten[path] = MARKER.sub(lambda m: m.group(1) + made[m.group("name")] + m.group(3), text)
    return rewritten


if __name__ == "__main__":
    os.environ.pop("PODCAST_SHOW", None)
    for path, text in documents(sessions()).items():
        path.write_text(text)
        print(path.relative_to(REPO))
