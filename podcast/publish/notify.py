"""Telling podcast apps a feed changed: a WebSub hub's publish ping, and Podping.

Both are courtesies: apps poll anyway, so a failed notification is a warning,
never a failed publish. Nothing here is sent before the feed is live.
"""

from __future__ import annotations

import os
import urllib.error
import urllib.parse
import urllib.request
from typing import Final

from .. import __version__

TIMEOUT_S: Final = 10.0
PODPING_TOKEN_ENV: Final = "PODPING_TOKEN"
"""The Podping token comes from the environment only (it is a secret; podcast.toml never holds one)."""
PODPING_URL_ENV: Final = "PODPING_URL"
PODPING_URL: Final = "https://podping.cloud/"
_AGENT: Final = f"podcast/{__version__}"


def _send(request: urllib.request.Request) -> str | None:
    """None when the service took it, else why not (one line)."""
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT_S) as response:  # noqa: S310 (http(s) checked)
            if 200 <= response.status < 300:
                return None
            return f"answered {response.status}"
    except urllib.error.HTTPError as exc:
        return f"answered {exc.code} {exc.reason}"
    except (urllib.error.URLError, OSError) as exc:
        reason = getattr(exc, "reason", exc)
        return f"cannot be reached ({reason})"


def websub(hub: str, feed_urls: list[str]) -> list[str]:
    """The WebSub publish ping for each changed feed (hub.mode=publish, hub.url=FEED); warnings, if any."""
    warnings = []
    for url in feed_urls:
        body = urllib.parse.urlencode({"hub.mode": "publish", "hub.url": url}).encode()
        request = urllib.request.Request(hub, data=body, method="POST", headers={
            "Content-Type": "application/x-www-form-urlencoded", "User-Agent": _AGENT})
        problem = _send(request)
        if problem:
            warnings.append(f"WebSub hub {hub} {problem}; apps will see {url} when they next poll")
    return warnings


def podping(feed_urls: list[str]) -> list[str]:
    """Podping for each changed feed, when $PODPING_TOKEN is set; warnings, if any (never the token)."""
    token = os.environ.get(PODPING_TOKEN_ENV, "")
    if not token:
        return []
    service = os.environ.get(PODPING_URL_ENV) or PODPING_URL
    warnings = []
    for url in feed_urls:
        address = f"{service}{'&' if '?' in service else '?'}{urllib.parse.urlencode({'url': url})}"
        request = urllib.request.Request(address, headers={"Authorization": token, "User-Agent": _AGENT})
        problem = _send(request)
        if problem:
            warnings.append(f"Podping {service} {problem.replace(token, '***')}; apps will see {url} when they "
                            "next poll")
    return warnings
