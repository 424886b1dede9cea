"""`podcast publish`: the show folder's publication copied to a remote destination, then the apps told."""

from __future__ import annotations

from pathlib import Path
from typing import Final

from ..errors import ConfigError
from ..layout import Show
from ..report import SUMMARY, Reporter
from ..terminal import progress_reporter
from . import manifest, notify, remote
from .lock import holding

LOCK_TIMEOUT_S: Final = 1800


def publish_to(show: Show, to: str = "", *, dry_run: bool = False, report: Reporter = SUMMARY,
               lock_timeout_s: float = LOCK_TIMEOUT_S, retry_delays_s: tuple[float, ...] | None = None,
               ) -> remote.Result:
    """Copy what the show folder publishes to `to` (default: [show.publish] to), then tell the apps.

    The show's lock is held throughout, so no build swaps an episode folder while
    its files are read.
    """
    url = to or show.config.publish.to
    if not url:
        raise ConfigError(show.root / "podcast.toml", "no destination: set [show.publish] to, or pass --to URL")
    if "://" not in url and Path(url).resolve() == show.root.resolve():
        raise ConfigError(url, "is the show folder itself; publish to another folder, a bucket or a host")
    with holding(show, lock_timeout_s, report):
        files = manifest.published_files(show)
        destination = remote.Destination(url, show.config.publish.endpoint_url,
                                         remote.RETRY_DELAYS_S if retry_delays_s is None else retry_delays_s)
        update, close = progress_reporter(f"publishing to {destination.display}")
        try:
            result = remote.sync(show.root, files, destination, dry_run=dry_run, progress=update)
        finally:
            close()
    plan = result.plan
    if dry_run:
        report.say(f"dry run for {destination.display}: {len(plan.uploads)} to upload ({plan.upload_bytes} bytes), "
                   f"{len(plan.deletes) + len(plan.leftovers)} to delete, {plan.unchanged} unchanged")
        return result
    for relative in result.uploaded:
        report.detail(f"uploaded {relative}")
    for relative in result.deleted:
        report.detail(f"deleted {relative}")
    report.say(f"published to {destination.display}: {len(result.uploaded)} uploaded ({plan.upload_bytes} bytes), "
               f"{len(result.deleted)} deleted, {plan.unchanged} unchanged")
    changed = [show.config.url(path) for path in result.feeds_changed]
    if changed:
        warnings = notify.podping(changed)
        if show.config.publish.websub_hub:
            warnings = notify.websub(show.config.publish.websub_hub, changed) + warnings
        for warning in warnings:
            report.say(f"warning: {warning}")
    return result
