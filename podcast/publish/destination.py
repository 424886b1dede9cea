"""Where published files go: the `Destination` interface, and the show folder, its first implementation.

The publishing stage calls a destination in an order that keeps every reader whole: an
episode's folder first (its audio, transcripts, page), then the section feeds, the show's
page, and the main feed last, so a feed never lists a file that is not there yet. A
destination that mirrors the show folder elsewhere (a bucket, an SSH host, a web root)
implements the same three calls; the build never asks which one it has.
"""

from __future__ import annotations

import ctypes
import os
import shutil
import signal
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Protocol

from ..errors import PublishError
from ..layout import DIGEST_FILE, EPISODES, FEEDS_DIR, Show


class Destination(Protocol):
    """A place the show's published files are kept, in publishing order."""

    def put_episode(self, date: str, folder: Path, keep: set[str]) -> None:
        """Make episodes/DATE hold `folder`'s files; readers see the old episode or the new one. `keep` names
        (relative to the show) the audio of the episode's previous record, kept one build longer."""
        ...

    def put_file(self, relative: str, data: bytes) -> None:
        """Replace one file (a feed, a page): readers see the old file or the new one, never a part."""
        ...

    def delete(self, relative: str) -> None:
        """Remove a published file (a feed no section uses any more)."""
        ...


class ShowFolder:
    """The show folder itself: the episode folder swapped in with renameat2, files replaced with rename."""

    def __init__(self, show: Show) -> None:
        self.show = show

    @contextmanager
    def staging(self, date: str) -> Iterator[Path]:
        """An empty folder beside the episodes (same file system, so the swap is one rename), removed afterwards:
        after a swap it holds the previous version."""
        (self.show.root / EPISODES).mkdir(exist_ok=True)
        work = Path(tempfile.mkdtemp(prefix=f".{date}-", dir=self.show.root / EPISODES))
        os.chmod(work, 0o777 & ~_umask())  # mkdtemp makes it 0700: a web server running as another user got 403
        try:
            yield work
        finally:
            shutil.rmtree(work, ignore_errors=True)

    def put_episode(self, date: str, folder: Path, keep: set[str]) -> None:
        """Swap the finished episode folder in, in one atomic step.

        `folder` holds what this build made; it is completed with hard links to two
        things only: the digest (the build's input) and the audio in `keep` (apps may be
        mid-download). Anything else of the old folder, such as a section clip whose
        section is gone, is not carried over, so it is no longer served. Then the two
        folders are exchanged with renameat2(RENAME_EXCHANGE): readers see the old
        folder or the new one, never a mix, whenever the process dies.
        """
        target = self.show.root / EPISODES / date
        if not target.exists():
            checkpoint("before-swap")
            folder.rename(target)
            return
        for old in sorted(target.rglob("*")):
            new = folder / old.relative_to(target)
            if old.is_dir() or new.exists() or old.name.startswith("."):
                continue  # markers (unpublished, failed) describe the old build, not this one
            relative = old.relative_to(self.show.root).as_posix()
            if old.relative_to(target).as_posix() != DIGEST_FILE and relative not in keep:
                continue  # an earlier build's file this build did not make
            new.parent.mkdir(parents=True, exist_ok=True)
            os.link(old, new)
        checkpoint("before-swap")
        _exchange(folder, target)
        checkpoint("after-swap")

    def put_file(self, relative: str, data: bytes) -> None:
        path = self.show.root / relative
        path.parent.mkdir(exist_ok=True)
        write_atomically(path, data)

    def delete(self, relative: str) -> None:
        (self.show.root / relative).unlink(missing_ok=True)

    def sweep(self) -> None:
        """Remove what killed builds left behind; only called while holding the show's lock."""
        root = self.show.root
        for leftover in (root / EPISODES).glob(".*"):
            if leftover.is_dir():
                shutil.rmtree(leftover, ignore_errors=True)
        for partial in [*root.glob(".*.part"), *(root / FEEDS_DIR).glob(".*.part")]:
            partial.unlink(missing_ok=True)


def write_atomically(path: Path, data: bytes) -> None:
    """Replace `path` so that readers see the old file or the new one, never a part."""
    partial = path.with_name(f".{path.name}.{os.getpid()}.part")
    try:
        with partial.open("wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(partial, path)
    except OSError as exc:
        partial.unlink(missing_ok=True)
        raise PublishError(f"{path}: cannot write: {exc.strerror}") from exc


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _exchange(a: Path, b: Path) -> None:
    """Atomically swap two directory entries (Linux renameat2 with RENAME_EXCHANGE)."""
    libc = ctypes.CDLL(None, use_errno=True)
    at_fdcwd, rename_exchange = -100, 2
    if libc.renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), rename_exchange) != 0:
        error = ctypes.get_errno()
        raise PublishError(f"{b}: cannot publish: {os.strerror(error)}")


def checkpoint(name: str) -> None:
    """Test hook: PODCAST_KILL_AT=name kills this process here, to prove publishing is crash-safe."""
    if os.environ.get("PODCAST_KILL_AT") == name:
        os.kill(os.getpid(), signal.SIGKILL)
