"""`podcast serve`: the show's published files over HTTP, as podcast apps and browsers expect.

Python's http.server answers every request with the whole file; apps send HEAD
and byte ranges (Apple's player starts with `bytes=0-1`), so this handler does
HEAD, single byte ranges (206, suffix ranges, 416), content types and CORS, and
serves only what is published: never dotfiles, the cache, or (unless configured)
digests.
"""

from __future__ import annotations

import re
import sys
import threading
import time
import urllib.parse
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path, PurePosixPath
from typing import Any, Final, cast

from ..config import ShowConfig
from ..layout import EPISODES, FEED_FILE, FEEDS_DIR, HEADLINES_FEED, PAGE_FILE, SEARCH_FILE
from .cover import GENERATED_NAME

CONTENT_TYPES: Final = {
    ".mp3": "audio/mpeg",
    ".opus": "audio/ogg; codecs=opus",
    ".xml": "application/rss+xml; charset=utf-8",
    ".vtt": "text/vtt; charset=utf-8",
    ".srt": "application/x-subrip; charset=utf-8",
    ".json": "application/json; charset=utf-8",
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".html": "text/html; charset=utf-8",
    ".txt": "text/plain; charset=utf-8",
}
CHAPTERS_TYPE: Final = "application/json+chapters; charset=utf-8"
"""Chapters files (`chapters.json`, `headlines-chapters.json`); other JSON (the search index) is plain JSON."""


def content_type(name: str) -> str:
    """The Content-Type apps expect for a published file, by its name."""
    if name.endswith("chapters.json"):
        return CHAPTERS_TYPE
    return CONTENT_TYPES.get(PurePosixPath(name).suffix, "application/octet-stream")


CORS_SUFFIXES: Final = (".vtt", ".srt", ".json", ".xml")
_DATE = r"\d{4}-\d{2}-\d{2}"
_EPISODE = rf"{re.escape(EPISODES)}/{_DATE}"
PUBLISHED: Final = [
    re.compile("|".join(re.escape(name) for name in (FEED_FILE, HEADLINES_FEED, PAGE_FILE, GENERATED_NAME,
                                                     SEARCH_FILE))),
    re.compile(rf"{re.escape(FEEDS_DIR)}/[a-z0-9-]+\.xml"),
    re.compile(rf"{_EPISODE}/(episode(-[0-9a-f]+)?\.(mp3|opus)|transcript\.(vtt|srt)|chapters\.json|script\.txt"
               rf"|{re.escape(PAGE_FILE)}|headlines(-[0-9a-f]+)?\.mp3|headlines\.(vtt|srt)|headlines-chapters\.json)"),
    re.compile(rf"{_EPISODE}/sections/[0-9]{{2}}-[a-z0-9-]+(-[0-9a-f]+)?\.mp3"),
]
"""What a build publishes, named from the constants the publishing stage writes them by."""
PRODUCER: Final = re.compile(rf"{_EPISODE}/proof\.(html|json)")
"""The producer's pages: served here (where the producer is), marked noindex, never uploaded by `podcast publish`
(publish/manifest.py lists only what the records publish)."""
DIGESTS: Final = re.compile(rf"{_EPISODE}/digest\.txt")
REWRITTEN: Final = (".xml", ".html")
"""Files whose URLs follow the address the show is served at, when no base URL is configured."""
_RANGE = re.compile(r"bytes=(\d*)-(\d*)$")


def is_published(relative: str, config: ShowConfig, serve_digests: bool) -> bool:
    if relative == config.artwork and relative:
        return True
    if serve_digests and DIGESTS.fullmatch(relative):
        return True
    if PRODUCER.fullmatch(relative):
        return True
    return any(pattern.fullmatch(relative) for pattern in PUBLISHED)


READ_TIMEOUT_S: Final = 30.0
"""A connection idle this long (half a request, a stalled keep-alive or download) is closed."""
MAX_CONNECTIONS: Final = 64
"""Connections served at once; more are answered 503 at once, so slow clients cannot exhaust the threads."""


class BoundedServer(ThreadingHTTPServer):
    """A thread per connection, but at most `max_connections` of them; the rest get 503 and a log line."""

    daemon_threads = True
    request_queue_size = 256  # socketserver's 5 made a burst of clients wait for SYN retries

    def __init__(self, address: tuple[str, int], handler: type, max_connections: int, verbosity: int = 1) -> None:
        super().__init__(address, handler)
        self.max_connections = max_connections
        self.verbosity = verbosity
        self._slots = threading.BoundedSemaphore(max_connections)
        self._last_warning = 0.0

    def handle_error(self, request: Any, client_address: Any) -> None:
        """A client that went away (a closed tab, a player skipping ahead) is normal: one line with --verbose.

        socketserver's own handler prints a whole traceback for it; other errors keep theirs.
        """
        error = sys.exc_info()[1]
        if not isinstance(error, ConnectionError | TimeoutError):
            super().handle_error(request, client_address)
            return
        if self.verbosity >= 2:
            named: dict[type, str] = {ConnectionResetError: "connection reset", BrokenPipeError: "connection closed"}
            why = named.get(type(error), error.strerror or type(error).__name__)
            print(f"{client_address[0]} went away mid-answer ({why})", file=sys.stderr, flush=True)

    def process_request(self, request: Any, client_address: Any) -> None:
        if not self._slots.acquire(blocking=False):
            self._refuse(request, client_address)
            return
        try:
            super().process_request(request, client_address)
        except BaseException:
            self._slots.release()
            raise

    def process_request_thread(self, request: Any, client_address: Any) -> None:
        try:
            super().process_request_thread(request, client_address)
        finally:
            self._slots.release()

    def _refuse(self, request: Any, client_address: Any) -> None:
        try:
            request.setblocking(False)
            request.recv(65536)  # what the client already sent: closing on unread bytes would reset the 503 away
        except OSError:
            pass
        try:
            request.sendall(b"HTTP/1.1 503 Service Unavailable\r\nRetry-After: 5\r\nContent-Length: 0\r\n"
                            b"Connection: close\r\n\r\n")
        except OSError:
            pass
        self.shutdown_request(request)
        now = time.monotonic()
        if now - self._last_warning > 5:  # one line per burst, not one per refused connection
            self._last_warning = now
            print(f"podcast serve: {self.max_connections} connections already open (--max-connections); "
                  f"answering 503 to {client_address[0]} and others for now", file=sys.stderr, flush=True)


def make_handler(root: Path, config: ShowConfig, follow_host: bool, serve_digests: bool,
                 read_timeout_s: float = READ_TIMEOUT_S, log_requests: bool = True) -> type:
    """A request handler bound to one show folder; `log_requests` False logs only errors."""

    class ShowHandler(BaseHTTPRequestHandler):
        server_version = "podcast"
        protocol_version = "HTTP/1.1"
        timeout = read_timeout_s  # socket timeout: half a request or a stalled client is dropped, not kept forever

        def log_request(self, code: int | str = "-", size: int | str = "-") -> None:
            if log_requests:
                super().log_request(code, size)

        def log_message(self, format: str, *args: object) -> None:  # noqa: A002 (the base class's name)
            sys.stderr.write(f"{self.address_string()} {format % args}\n")  # one write: threads never interleave
            sys.stderr.flush()

        def do_HEAD(self) -> None:  # noqa: N802 (http.server's naming)
            self._serve(body=False)

        def do_GET(self) -> None:  # noqa: N802
            self._serve(body=True)

        def _resolve(self) -> Path | None:
            raw = urllib.parse.urlsplit(self.path).path
            relative = urllib.parse.unquote(raw).lstrip("/") or "index.html"
            if any(part.startswith(".") or part == "" for part in relative.split("/")):
                return None
            if not is_published(relative, config, serve_digests):
                return None
            path = (root / relative).resolve()
            if not path.is_relative_to(root.resolve()) or not path.is_file():
                return None
            return path

        def _rewritten(self, path: Path) -> bytes | None:
            """Feed and page bytes with their URLs following the Host asked for; None for other files."""
            if not (follow_host and path.suffix in REWRITTEN):
                return None
            address = cast(tuple[str, int], self.server.server_address)
            host = self.headers.get("Host") or f"{address[0]}:{address[1]}"
            if not re.fullmatch(r"[A-Za-z0-9.:\[\]-]+", host):  # never echo a forged Host into the feed
                host = f"{address[0]}:{address[1]}"
            data, new = path.read_bytes(), f"http://{host}/"
            old = config.base_url
            # The address as written, then as the subscribe links write it: bare (podcast://) and quoted (?url=).
            for before, after in ((old, new), (old.split("://", 1)[-1], new.split("://", 1)[-1]),
                                  (urllib.parse.quote(old, safe=""), urllib.parse.quote(new, safe=""))):
                data = data.replace(before.encode(), after.encode())
            return data

        def _serve(self, body: bool) -> None:
            path = self._resolve()
            if path is None:
                self._error(HTTPStatus.NOT_FOUND)
                return
            try:
                data = self._rewritten(path)
                size = len(data) if data is not None else path.stat().st_size
            except OSError:
                self._error(HTTPStatus.NOT_FOUND)
                return
            start, end, status = 0, size - 1, HTTPStatus.OK
            header = self.headers.get("Range")
            if header:
                match = _RANGE.match(header.strip())
                if match and (match[1] or match[2]):
                    if match[1]:
                        start = int(match[1])
                        end = min(int(match[2]), size - 1) if match[2] else size - 1
                    else:  # suffix range: the last n bytes
                        start = max(0, size - int(match[2]))
                    if start >= size or start > end:
                        self.send_response(HTTPStatus.REQUESTED_RANGE_NOT_SATISFIABLE)
                        self.send_header("Content-Range", f"bytes */{size}")
                        self.send_header("Content-Length", "0")
                        self.end_headers()
                        return
                    status = HTTPStatus.PARTIAL_CONTENT
            self.send_response(status)
            self.send_header("Content-Type", content_type(path.name))
            self.send_header("Accept-Ranges", "bytes")
            self.send_header("Content-Length", str(end - start + 1))
            if status == HTTPStatus.PARTIAL_CONTENT:
                self.send_header("Content-Range", f"bytes {start}-{end}/{size}")
            if path.name.startswith("proof."):
                self.send_header("X-Robots-Tag", "noindex, nofollow")
            elif path.suffix in CORS_SUFFIXES:
                self.send_header("Access-Control-Allow-Origin", "*")
            self.send_header("Cache-Control", "no-cache" if path.suffix in REWRITTEN else "public, max-age=3600")
            self.end_headers()
            if not body:
                return
            if data is not None:
                self.wfile.write(data[start : end + 1])
                return
            with path.open("rb") as fh:  # only the range asked for is read
                fh.seek(start)
                remaining = end - start + 1
                while remaining > 0:
                    chunk = fh.read(min(remaining, 1 << 16))
                    if not chunk:
                        break
                    self.wfile.write(chunk)
                    remaining -= len(chunk)

        def _error(self, status: HTTPStatus) -> None:
            message = f"{status.value} {status.phrase}\n".encode()
            self.send_response(status)
            self.send_header("Content-Type", "text/plain; charset=utf-8")
            self.send_header("Content-Length", str(len(message)))
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(message)

    return ShowHandler


def serve(root: Path, config: ShowConfig, host: str, port: int, base_url_configured: bool,
          serve_digests: bool = False, read_timeout_s: float = READ_TIMEOUT_S,
          max_connections: int = MAX_CONNECTIONS, verbosity: int = 1) -> None:
    """Serve until interrupted; `verbosity` 0 logs only errors, 1 each request, 2 also clients that went away."""
    handler = make_handler(root, config, follow_host=not base_url_configured, serve_digests=serve_digests,
                           read_timeout_s=read_timeout_s, log_requests=verbosity >= 1)
    server = BoundedServer((host, port), handler, max_connections, verbosity)
    shown = "localhost" if host in ("127.0.0.1", "::1") else host
    print(f"serving {root} at http://{shown}:{server.server_address[1]}/  (feed: /feed.xml; Ctrl-C stops)",
          file=sys.stderr, flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
