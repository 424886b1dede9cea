"""`podcast serve` takes clients that go away mid-download in its stride: no traceback, one line at most."""

from __future__ import annotations

import http.client
import socket
import struct
import time
from pathlib import Path

import pytest

from .conftest import serving

pytestmark = pytest.mark.slow  # each test builds or serves in real subprocesses

EPISODE = "episodes/2026-02-03/episode.mp3"


@pytest.fixture
def big_episode(tone_show: Path) -> Path:
    """A show with a 16 MB episode file: far more than the socket buffers, so the server is mid-write."""
    path = tone_show / EPISODE
    path.parent.mkdir(parents=True)
    path.write_bytes(bytes(range(256)) * (1 << 16))
    return tone_show


def reset_mid_download(port: int, request: bytes) -> None:
    """A client that asks for the episode, reads a little, and resets the connection (as a browser tab closed)."""
    client = socket.create_connection(("127.0.0.1", port), timeout=5)
    client.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
    client.sendall(request)
    assert client.recv(1024).startswith(b"HTTP/1.1 ")
    client.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))  # close sends RST, not FIN
    client.close()


def drop_clients(port: int) -> None:
    for _ in range(3):
        reset_mid_download(port, f"GET /{EPISODE} HTTP/1.1\r\nHost: localhost\r\n\r\n".encode())
        reset_mid_download(port, f"GET /{EPISODE} HTTP/1.1\r\nHost: localhost\r\nRange: bytes=100-\r\n\r\n".encode())
    # Between requests on a kept-alive connection: the reset arrives while the server waits to read.
    client = socket.create_connection(("127.0.0.1", port), timeout=5)
    client.sendall(b"HEAD /feed.xml HTTP/1.1\r\nHost: localhost\r\n\r\n")
    client.recv(1024)
    client.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    client.close()
    time.sleep(0.5)
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)  # the server still answers
    connection.request("HEAD", f"/{EPISODE}")
    assert connection.getresponse().status == 200


def test_a_client_that_resets_prints_no_traceback(big_episode: Path) -> None:
    with serving(big_episode) as (port, process):
        drop_clients(port)
    err = process.stderr.read() if process.stderr else ""
    assert "Traceback" not in err and "Error" not in err, err
    assert "went away" not in err  # normal, so not even a line without --verbose


def test_verbose_says_one_line_per_client_that_went_away(big_episode: Path) -> None:
    with serving(big_episode, "--verbose") as (port, process):
        drop_clients(port)
    err = process.stderr.read() if process.stderr else ""
    assert "Traceback" not in err and "Error" not in err, err
    gone = [line for line in err.splitlines() if "went away" in line]
    assert 1 <= len(gone) <= 7, err
    assert all(line.startswith("127.0.0.1 ") for line in gone), gone
