"""A remote copy of the show folder (a bucket, an SSH host, a web root), kept in step with it: the `Mirror`
destination, and `podcast publish`.

The show folder stays the source of truth; a mirror is a copy of what it publishes,
synced in an order that never breaks a listener: new and changed audio, transcripts,
chapters and pages first, the section feeds next, the main feed last, and deletes
only once the feeds that dropped those files are live. A manifest at the destination
says what is there, so only what changed is sent. A publish cut short at any point
leaves every served feed naming only files that are there; running it again
finishes the job.
"""

from __future__ import annotations

import datetime as dt
import posixpath
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Final

from ..errors import ConfigError, InputError, PublishError, RemotePublishError
from ..layout import EPISODES, FEED_FILE, Show
from ..report import SUMMARY, Reporter
from ..terminal import progress_reporter
from . import episodes, notify
from .destination import checkpoint
from .hostkeys import known_hosts_file
from .lock import holding
from .manifest import FEED_KINDS, Entry, published_files
from .remote import PART_SUFFIX, RETRY_DELAYS_S, Remote, RemoteFile

LOCK_TIMEOUT_S: Final = 1800
MANIFEST_EVERY_S: Final = 10.0
"""During a long upload the manifest is saved this often, so a re-run after a crash skips what went up."""
Progress = Callable[[int, int], None]


@dataclass
class Plan:
    """What a publish will do, in order."""

    uploads: list[Entry]
    deletes: list[str]
    """Files this tool published before that no feed names any more, pages before the audio they name."""
    leftovers: list[str]
    """Temporary files a cut-short publish left behind."""
    unchanged: int

    @property
    def upload_bytes(self) -> int:
        return sum(e.size for e in self.uploads)


@dataclass
class Result:
    plan: Plan
    destination: str
    """Where, as it may be printed (no password)."""
    uploaded: list[str] = field(default_factory=list)
    deleted: list[str] = field(default_factory=list)

    @property
    def feeds_changed(self) -> list[str]:
        return [e.path for e in self.plan.uploads if e.kind in FEED_KINDS and e.path in self.uploaded]


def make_plan(local: Sequence[Entry], manifest: dict[str, Entry], remote: dict[str, RemoteFile]) -> Plan:
    """Uploads: files new or changed since the manifest, or missing or altered at the destination."""
    uploads = []
    for entry in local:
        before, there = manifest.get(entry.path), remote.get(entry.path)
        if (before is None or before.sha256 != entry.sha256 or there is None or there.size != entry.size
                or (before.etag and there.etag and before.etag != there.etag)):
            uploads.append(entry)
    names = {e.path for e in local}
    gone = [e for path, e in manifest.items() if path not in names]
    deletes = [e.path for e in sorted(gone, key=lambda e: (-e.rank, e.path))]
    leftovers = sorted(p for p in remote if posixpath.basename(p).endswith(PART_SUFFIX))
    return Plan(uploads, deletes, leftovers, len(local) - len(uploads))


def sync(root: Path, local: Sequence[Entry], remote: Remote, *, dry_run: bool = False,
         progress: Progress | None = None) -> Result:
    """Bring the destination in step with the show folder `root`, in the order that never breaks a listener."""
    manifest = remote.read_manifest()
    plan = make_plan(local, manifest, remote.listing())
    result = Result(plan, remote.display)
    if dry_run:
        return result
    state = dict(manifest)
    total = len(plan.uploads) + len(plan.deletes) + len(plan.leftovers)
    saved_at = time.monotonic()
    groups = ([e for e in plan.uploads if e.kind not in FEED_KINDS],
              [e for e in plan.uploads if e.kind == "section-feed"],
              [e for e in plan.uploads if e.kind == "feed"])
    for name, group in zip(("content", "section-feeds", "main-feed"), groups, strict=True):
        for entry in group:
            try:
                etag = remote.put(root / entry.path, entry)
            except PublishError:
                _save_what_went_up(remote, state, manifest)
                raise
            state[entry.path] = replace(entry, etag=etag)
            result.uploaded.append(entry.path)
            if progress:
                progress(len(result.uploaded), total)
            checkpoint(f"publish-upload-{len(result.uploaded)}")
            if entry.kind not in FEED_KINDS and time.monotonic() - saved_at > MANIFEST_EVERY_S:
                remote.write_manifest(state)
                saved_at = time.monotonic()
        if group:
            remote.write_manifest(state)  # what is there now: a re-run after a crash starts from here
        checkpoint(f"publish-after-{name}")
    for relative in [*plan.deletes, *plan.leftovers]:  # no feed names these any more, and the feeds are live
        remote.delete(relative)
        state.pop(relative, None)
        result.deleted.append(relative)
        if progress:
            progress(len(result.uploaded) + len(result.deleted), total)
        checkpoint(f"publish-delete-{len(result.deleted)}")
    if plan.deletes:
        remote.write_manifest(state)
    return result


def _save_what_went_up(remote: Remote, state: dict[str, Entry], before: dict[str, Entry]) -> None:
    """After a failed upload, the manifest is brought up to date if the destination still takes it, so the
    re-run sends only the rest; if it does not, the re-run compares against the older one (more is sent)."""
    if state != before:
        try:
            remote.write_manifest(state)
        except PublishError:
            pass


class Mirror:
    """A remote destination in the publishing stage's `Destination` interface.

    It follows the show folder rather than repeating each step: the show folder is
    published first, and when its main feed is out (always the last file of a
    publication), the mirror syncs everything at once in its own safe order. Single
    episode folders and deletes need nothing here: the sync derives both from the
    episode records.
    """

    def __init__(self, show: Show, url: str, report: Reporter = SUMMARY,
                 retry_delays_s: Sequence[float] = RETRY_DELAYS_S) -> None:
        if "://" not in url and Path(url).resolve() == show.root.resolve():
            raise ConfigError(url, "is the show folder itself; publish to another folder, a bucket or a host")
        self.show, self.url, self.report, self.delays = show, url, report, tuple(retry_delays_s)

    def put_episode(self, date: str, folder: Path, keep: set[str]) -> None:
        """Nothing yet: the episode goes up with the sync that follows the main feed."""

    def put_file(self, relative: str, data: bytes) -> None:
        if relative == FEED_FILE:
            self.catch_up()

    def catch_up(self) -> Result:
        """The sync after the show folder's publication: a failure says that only the copy failed."""
        try:
            return self.sync()
        except PublishError as error:
            raise RemotePublishError(f"{error} (the show folder is published; `podcast publish` finishes the "
                                     "copy)") from error

    def delete(self, relative: str) -> None:
        """Nothing yet: files no feed names are deleted by the sync, once the new feeds are live."""

    def sync(self, dry_run: bool = False) -> Result:
        """Copy what the show folder publishes, then tell the apps about each feed that changed."""
        files = published_files(self.show)
        settings = self.show.config.publish
        remote = Remote(self.url, settings.endpoint_url, self.delays,
                        known_hosts_file(settings.known_hosts, self.show.root))
        update, close = progress_reporter(f"publishing to {remote.display}")
        try:
            result = sync(self.show.root, files, remote, dry_run=dry_run, progress=update)
        finally:
            close()
        if not dry_run:
            self._summarize(result)
        return result

    def _summarize(self, result: Result) -> None:
        report, publish = self.report, self.show.config.publish
        for relative in result.uploaded:
            report.detail(f"uploaded {relative}")
        for relative in result.deleted:
            report.detail(f"deleted {relative}")
        report.say(f"published to {result.destination}: {len(result.uploaded)} uploaded "
                   f"({result.plan.upload_bytes} bytes), {len(result.deleted)} deleted, "
                   f"{result.plan.unchanged} unchanged")
        changed = [self.show.config.url(path) for path in result.feeds_changed]
        if changed:
            warnings = (notify.websub(publish.websub_hub, changed) if publish.websub_hub else [])
            for warning in warnings + notify.podping(changed):
                report.say(f"warning: {warning}")


def mirrors(show: Show, report: Reporter = SUMMARY) -> list[Mirror]:
    """The remote copy `[show.publish] to` names, for `podcast build --publish`; none when it names none."""
    if not show.config.publish.to:
        raise ConfigError(show.root / "podcast.toml", "--publish needs [show.publish] to = \"URL\"")
    return [Mirror(show, show.config.publish.to, report)]


def publish_to(show: Show, to: str = "", *, dates: Sequence[dt.date] = (), dry_run: bool = False,
               report: Reporter = SUMMARY, lock_timeout_s: float = LOCK_TIMEOUT_S,
               retry_delays_s: Sequence[float] = RETRY_DELAYS_S) -> Result:
    """`podcast publish`: copy what the show folder publishes to `to` (default: [show.publish] to), then tell
    the apps. `dates` must be in the feeds. The show's lock is held throughout, so no build swaps an episode
    folder while its files are read."""
    url = to or show.config.publish.to
    if not url:
        raise ConfigError(show.root / "podcast.toml", "no destination: set [show.publish] to, or pass --to URL")
    mirror = Mirror(show, url, report, retry_delays_s)
    with holding(show, lock_timeout_s, report):
        live = {state.date for state in episodes.states(show) if state.state == "published"}
        for date in dates:
            if date.isoformat() not in live:
                raise InputError(f"DATE {date.isoformat()}", f"{EPISODES}/{date.isoformat()} is not in the feeds; "
                                 "build it first (`podcast list` shows the episodes)")
        result = mirror.sync(dry_run)
    if dry_run:
        plan = result.plan
        report.say(f"dry run for {result.destination}: {len(plan.uploads)} to upload ({plan.upload_bytes} bytes), "
                   f"{len(plan.deletes) + len(plan.leftovers)} to delete, {plan.unchanged} unchanged")
    return result
