"""A remote destination (a bucket, an SSH host, a web root) through fsspec: the only importer of fsspec.

Each file replaces the old one whole: object stores (S3 has no rename) store a PUT
atomically, with its Content-Type and Cache-Control; elsewhere a file is written
under a temporary name and renamed. Transient network errors are retried with
growing pauses on a fresh connection; anything else is one line naming the
destination (never a password) and the file.
"""

from __future__ import annotations

import errno
import os
import posixpath
import time
import urllib.parse
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final, TypeVar

import fsspec

from ..errors import PublishError
from .destination import checkpoint
from .hostkeys import KnownHosts, known_hosts_file
from .manifest import KINDS, MANIFEST_FILE, Entry, dumps, loads
from .serve import CHAPTERS_TYPE, CONTENT_TYPES, content_type

T = TypeVar("T")

OBJECT_STORES: Final = frozenset({"s3", "s3a", "gs", "gcs", "az", "abfs", "abfss", "adl", "memory"})
"""Protocols whose writes replace an object whole (and that have no cheap rename)."""
HEADER_PROTOCOLS: Final = frozenset({"s3", "s3a"})
SSH_PROTOCOLS: Final = frozenset({"sftp", "ssh"})
"""Protocols that take Content-Type and Cache-Control with the upload (boto's names)."""
PART_SUFFIX: Final = ".podcast-part"
RETRY_DELAYS_S: Final = (1.0, 2.0, 4.0, 8.0)
"""Backoff between attempts at one file after a transient network error; then the publish fails."""
_TRANSIENT_ERRNOS: Final = frozenset({errno.ECONNRESET, errno.ECONNREFUSED, errno.ECONNABORTED, errno.ETIMEDOUT,
                                      errno.EPIPE, errno.EHOSTUNREACH, errno.ENETUNREACH, errno.ENETDOWN,
                                      errno.EAGAIN})
_TRANSIENT_NAMES: Final = frozenset({"EndpointConnectionError", "ConnectTimeoutError", "ReadTimeoutError",
                                     "ConnectionClosedError", "ClientConnectorError", "ServerDisconnectedError",
                                     "ClientOSError", "ClientPayloadError", "SSHException", "NoValidConnectionsError",
                                     "ResponseStreamingError"})
_TRANSIENT_CODES: Final = frozenset({"InternalError", "ServiceUnavailable", "SlowDown", "RequestTimeout", "500",
                                     "502", "503", "504"})


def shown(url: str) -> str:
    """The destination as it may be printed: any password in the URL is dropped."""
    parts = urllib.parse.urlsplit(url)
    if parts.password is None:
        return url
    host = parts.hostname or ""
    netloc = f"{parts.username}@{host}" if parts.username else host
    if parts.port:
        netloc += f":{parts.port}"
    return urllib.parse.urlunsplit((parts.scheme, netloc, parts.path, parts.query, parts.fragment))


def transient(exc: BaseException) -> bool:
    """Whether trying again may help: a dropped or refused connection, a timeout, a store that is busy."""
    seen: BaseException | None = exc
    while seen is not None:
        if isinstance(seen, ConnectionError | TimeoutError) or type(seen).__name__ in _TRANSIENT_NAMES:
            return True
        if isinstance(seen, OSError) and seen.errno in _TRANSIENT_ERRNOS:
            return True
        code = getattr(seen, "response", None)
        if isinstance(code, dict) and str(code.get("Error", {}).get("Code", "")) in _TRANSIENT_CODES:
            return True
        seen = seen.__cause__ or seen.__context__
    return False


@dataclass(frozen=True)
class RemoteFile:
    size: int
    etag: str = ""


class Remote:
    """One fsspec destination: its files listed, replaced whole, deleted; its manifest read and written; each
    call retried after transient errors."""

    def __init__(self, url: str, endpoint_url: str = "", delays: Sequence[float] = RETRY_DELAYS_S,
                 known_hosts: Path | None = None) -> None:
        self.url = url
        self.display = shown(url)
        self.delays = tuple(delays)
        protocol = fsspec.utils.get_protocol(url)
        options: dict[str, Any] = {"skip_instance_cache": True}  # credentials and endpoints are read afresh
        if protocol in HEADER_PROTOCOLS and endpoint_url:
            options["client_kwargs"] = {"endpoint_url": endpoint_url}
        if protocol == "file":
            options["auto_mkdir"] = True
        if protocol in SSH_PROTOCOLS:  # the host's key must be in known_hosts (fsspec would take any)
            options["host_key_policy"] = KnownHosts(known_hosts or known_hosts_file("", Path.home()))
        self._options = options
        self.fs: Any = None
        self.fs, root = self._attempt("connecting", self._connect)
        protocols = self.fs.protocol if isinstance(self.fs.protocol, tuple) else (self.fs.protocol,)
        self.object_store = bool(OBJECT_STORES & set(protocols))
        self.headers = bool(HEADER_PROTOCOLS & set(protocols))
        self.root = root.rstrip("/")

    def _connect(self) -> tuple[Any, str]:
        try:
            fs, root = fsspec.core.url_to_fs(self.url, **self._options)
        except PublishError as refused:  # an untrusted host key: never retried
            raise PublishError(f"{self.display}: connecting: {refused}") from refused
        return fs, str(root)

    def _full(self, relative: str) -> str:
        return f"{self.root}/{relative}"

    def _attempt(self, what: str, action: Callable[[], T]) -> T:
        """`action`, tried again after transient errors with growing pauses; anything else fails at once."""
        for delay in (*self.delays, None):
            try:
                return action()
            except PublishError:
                raise
            except Exception as exc:  # noqa: BLE001 (every backend raises its own kinds; each becomes one line)
                if delay is None or not transient(exc):
                    raise PublishError(f"{self.display}: {what}: {self._reason(exc)}") from exc
                time.sleep(delay)
                if self.fs is not None:
                    self._reconnect()
        raise AssertionError("unreachable")

    def _reconnect(self) -> None:
        """A fresh connection for the next attempt: an SSH session that dropped stays dead otherwise."""
        try:
            self.fs = self._connect()[0]
        except Exception:  # noqa: BLE001 (still down: the next attempt says so)
            pass

    def _reason(self, exc: BaseException) -> str:
        if isinstance(exc, ModuleNotFoundError):
            return f"this protocol needs the Python package {exc.name!r} installed"
        text = " ".join(str(exc).split()) or type(exc).__name__
        password = urllib.parse.urlsplit(self.url).password
        for secret in (password, os.environ.get("AWS_SECRET_ACCESS_KEY"), os.environ.get("AWS_SESSION_TOKEN")):
            if secret:
                text = text.replace(secret, "***")
        return text[:300]

    def listing(self) -> dict[str, RemoteFile]:
        """Every file under the destination's root, by relative path (one listing call on object stores)."""
        def find() -> dict[str, Any]:
            try:
                found: dict[str, Any] = self.fs.find(self.root, detail=True, withdirs=False)
                return found
            except FileNotFoundError:
                return {}

        out = {}
        prefix = f"{self.root}/"
        for name, info in self._attempt("listing", find).items():
            if name.startswith(prefix):
                etag = str(info.get("ETag") or info.get("etag") or "").strip('"')
                out[name[len(prefix):]] = RemoteFile(int(info.get("size") or 0), etag)
        return out

    def read_manifest(self) -> dict[str, Entry]:
        def read() -> bytes | None:
            try:
                data: bytes = self.fs.cat_file(self._full(MANIFEST_FILE))
                return data
            except FileNotFoundError:
                return None

        data = self._attempt(f"reading {MANIFEST_FILE}", read)
        return {} if data is None else loads(data, f"{self.display}/{MANIFEST_FILE}")

    def write_manifest(self, entries: dict[str, Entry]) -> None:
        data = dumps(entries)
        target = self._full(MANIFEST_FILE)
        if self.object_store:
            extra = {"ContentType": "application/json", "CacheControl": "no-store"} if self.headers else {}
            self._attempt(f"writing {MANIFEST_FILE}", lambda: self.fs.pipe_file(target, data, **extra))
            return
        temp = self._temp(target)

        def write() -> None:
            self.fs.makedirs(posixpath.dirname(target) or "/", exist_ok=True)
            self.fs.pipe_file(temp, data)
            self.fs.mv(temp, target)

        self._attempt(f"writing {MANIFEST_FILE}", write)

    @staticmethod
    def _temp(target: str) -> str:
        return posixpath.join(posixpath.dirname(target), f".{posixpath.basename(target)}{PART_SUFFIX}")

    def put(self, local: Path, entry: Entry) -> str:
        """Replace the file at the destination whole; returns the destination's checksum of it ("" if none)."""
        target = self._full(entry.path)
        if self.object_store:
            extra = ({"ContentType": content_type(entry.path),
                      "CacheControl": KINDS[entry.kind].cache_control} if self.headers else {})

            def upload() -> str:
                self.fs.put_file(str(local), target, **extra)
                info = self.fs.info(target)
                return str(info.get("ETag") or info.get("etag") or "").strip('"')

            return self._attempt(entry.path, upload)
        temp = self._temp(target)

        def copy() -> str:
            self.fs.makedirs(posixpath.dirname(target), exist_ok=True)
            self.fs.put_file(str(local), temp)
            checkpoint("publish-part-written")
            self.fs.mv(temp, target)  # a rename: readers see the old file or the new one
            return ""

        return self._attempt(entry.path, copy)

    def delete(self, relative: str) -> None:
        def remove() -> None:
            try:
                self.fs.rm_file(self._full(relative))
            except FileNotFoundError:
                pass  # already gone: a re-run after a cut-short delete

        self._attempt(f"deleting {relative}", remove)


def nginx_types() -> str:
    """The `types` block a web server needs to answer with the Content-Types apps expect (nginx's own list says
    text/xml for feeds and knows no captions or chapters); for docs/publishing.md and a web root's server."""
    by_type: dict[str, list[str]] = {}
    for suffix, kind in CONTENT_TYPES.items():
        by_type.setdefault(kind.split(";")[0], []).append(suffix.lstrip("."))
    lines = [f"        {kind} {' '.join(suffixes)};" for kind, suffixes in by_type.items()]
    chapters = CHAPTERS_TYPE.split(";")[0]
    # nginx always adds text/html to charset_types: naming it again makes nginx warn of a duplicate MIME type
    texts = sorted({t.split(";")[0] for t in [*CONTENT_TYPES.values(), CHAPTERS_TYPE] if "charset" in t}
                   - {"text/html"})
    return ("    types {\n" + "\n".join(lines) + "\n    }\n    default_type application/octet-stream;\n"
            f"    charset utf-8;\n    charset_types {' '.join(texts)};\n"
            f"    location ~ chapters\\.json$ {{ types {{ }} default_type {chapters}; }}\n")
