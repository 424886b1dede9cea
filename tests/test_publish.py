"""Publishing: feeds parsed by real parsers, section feeds, the page, and podcast serve."""

from __future__ import annotations

import http.client
import json
import re
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import feedparser
import podcastparser
import pytest
from lxml import etree

from podcast import dates, layout, pipeline

from .conftest import SHORT_DIGEST, serving, use_tone_voices, write_digest

pytestmark = pytest.mark.slow  # every test here builds an episode or drives a browser

GITHUB_NS = "https://github.com/Podcastindex-org/podcast-namespace/blob/main/docs/1.0.md"
OFFICIAL_NS = "https://podcastindex.org/namespace/1.0"


@pytest.fixture(scope="module")
def published(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A tone-voiced show with two days built."""
    from .conftest import REPO

    root = tmp_path_factory.mktemp("show")
    import shutil

    shutil.copytree(REPO / "voices", root / "voices")
    (root / "podcast.toml").write_text("[show]\n")
    use_tone_voices(root)
    show = layout.Show.open(root)
    for day in ("2026-02-03", "2026-02-04"):
        text = SHORT_DIGEST.replace("3 February", f"{int(day[-2:])} February")
        write_digest(root, day, text)
        pipeline.build(show, dates.parse_date(day), report=pipeline.Reporter(level=0))
    return root


def test_feed_items_in_feedparser(published: Path) -> None:
    parsed = feedparser.parse(published / "feed.xml")
    assert not parsed.bozo
    assert [e.id for e in parsed.entries] == ["daily-buzz-2026-02-04", "daily-buzz-2026-02-03"]
    for entry in parsed.entries:
        enclosure = entry.enclosures[0]
        path = published / enclosure.href.removeprefix("http://localhost:8000/")
        assert int(enclosure.length) == path.stat().st_size and enclosure.type == "audio/mpeg"
        assert int(entry.itunes_duration) > 10
        notes = entry.content[0].value
        assert notes.startswith("<p>00:00 Headlines</p>")  # show notes: every story with its time stamp
        assert re.search(r"\d\d:\d\d Markets Rally on Rate Hopes", notes)
        assert entry.link.endswith("/index.html")  # the episode page, not the MP3
        assert "Markets Rally on Rate Hopes" in entry.title


def test_which_parsers_see_the_podcast_namespace(published: Path) -> None:
    """The feed declares the official namespace; podcastparser only knows the GitHub form."""
    xml = (published / "feed.xml").read_bytes()
    assert f'xmlns:podcast="{OFFICIAL_NS}"'.encode() in xml
    official = podcastparser.parse("http://localhost:8000/feed.xml", __import__("io").BytesIO(xml))
    episode = official["episodes"][0]
    assert episode["enclosures"][0]["file_size"] > 0 and episode["total_time"] > 10
    assert "transcript_url" not in episode and "chapters_json_url" not in episode  # not seen

    swapped = xml.replace(OFFICIAL_NS.encode(), GITHUB_NS.encode())
    github = podcastparser.parse("http://localhost:8000/feed.xml", __import__("io").BytesIO(swapped))
    episode = github["episodes"][0]
    assert episode["transcript_url"].endswith("/episodes/2026-02-04/transcript.vtt")  # the last one wins
    assert episode["chapters_json_url"].endswith("/episodes/2026-02-04/chapters.json")

    parsed = feedparser.parse(xml)  # feedparser keeps only the last repeated podcast: tag
    assert parsed.entries[0]["podcast_chapters"]["url"].endswith("chapters.json")


def test_item_tags(published: Path) -> None:
    ns = {"podcast": OFFICIAL_NS, "itunes": "http://www.itunes.com/dtds/podcast-1.0.dtd"}
    item = etree.parse(str(published / "feed.xml")).find("channel/item")
    assert item is not None
    transcripts = item.findall("podcast:transcript", ns)
    assert [(t.get("type"), t.get("rel")) for t in transcripts] == [
        ("application/x-subrip", "captions"), ("text/vtt", None),
    ]
    assert item.find("podcast:chapters", ns).get("type") == "application/json+chapters"  # type: ignore[union-attr]
    assert item.findtext("itunes:episodeType", namespaces=ns) == "full"
    assert item.find("guid").get("isPermaLink") == "false"  # type: ignore[union-attr]
    assert item.findtext("pubDate") == "Wed, 04 Feb 2026 06:00:00 +0000"


def test_section_feeds_list_clips_across_days(published: Path) -> None:
    assert sorted(p.name for p in (published / "feeds").iterdir()) == ["economy-markets.xml", "top-news.xml"]
    parsed = feedparser.parse(published / "feeds" / "economy-markets.xml")
    assert parsed.feed.title == "Daily Buzz: Economy & Markets"
    assert [e.id for e in parsed.entries] == [
        "daily-buzz-2026-02-04-economy-markets", "daily-buzz-2026-02-03-economy-markets",
    ]
    for entry in parsed.entries:
        enclosure = entry.enclosures[0]
        assert "/sections/02-economy-markets-" in enclosure.href
        path = published / enclosure.href.removeprefix("http://localhost:8000/")
        assert int(enclosure.length) == path.stat().st_size


def test_feeds_are_byte_stable(published: Path) -> None:
    before = {p: p.read_bytes() for p in [published / "feed.xml", published / "index.html",
                                          *(published / "feeds").iterdir()]}
    pipeline.publish_feed(layout.Show.open(published))
    assert {p: p.read_bytes() for p in before} == before


def test_rebuild_with_new_audio_keeps_the_guid_and_changes_the_url(published: Path, tmp_path: Path) -> None:
    import shutil

    root = tmp_path / "copy"
    shutil.copytree(published, root)
    old = feedparser.parse(root / "feed.xml").entries[0]
    digest = root / "episodes" / "2026-02-04" / "digest.txt"
    digest.write_text(digest.read_text().replace("Analysts had expected", "Economists had expected"))
    pipeline.build(layout.Show.open(root), dates.parse_date("2026-02-04"), report=pipeline.Reporter(level=0))
    new = feedparser.parse(root / "feed.xml").entries[0]
    assert new.id == old.id
    assert new.enclosures[0].href != old.enclosures[0].href
    old_file = root / old.enclosures[0].href.removeprefix("http://localhost:8000/")
    assert old_file.exists() and old_file.stat().st_size == int(old.enclosures[0].length)  # unchanged in place


@pytest.fixture(scope="module")
def server(published: Path) -> Iterator[int]:
    with serving(published) as (port, _):
        yield port


def request(port: int, method: str, path: str, headers: dict[str, str] | None = None) -> http.client.HTTPResponse:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    connection.request(method, path, headers=headers or {})
    response = connection.getresponse()
    response.read()
    return response


def test_serve_ranges_and_head(published: Path, server: int) -> None:
    record = json.loads((published / "episodes" / "2026-02-04" / "episode.json").read_text())
    path, size = "/" + record["audio_file"], record["length"]
    data = (published / record["audio_file"]).read_bytes()

    head = request(server, "HEAD", path)
    assert head.status == 200 and head.getheader("Content-Length") == str(size)
    assert head.getheader("Accept-Ranges") == "bytes" and head.getheader("Content-Type") == "audio/mpeg"

    connection = http.client.HTTPConnection("127.0.0.1", server, timeout=10)
    connection.request("GET", path, headers={"Range": "bytes=0-1"})
    first = connection.getresponse()
    assert first.status == 206 and first.read() == data[:2]
    assert first.getheader("Content-Range") == f"bytes 0-1/{size}"
    connection.request("GET", path, headers={"Range": "bytes=-100"})
    suffix = connection.getresponse()
    assert suffix.status == 206 and suffix.read() == data[-100:]
    assert suffix.getheader("Content-Range") == f"bytes {size - 100}-{size - 1}/{size}"

    past = request(server, "GET", path, {"Range": f"bytes={size}-"})
    assert past.status == 416 and past.getheader("Content-Range") == f"bytes */{size}"
    assert request(server, "GET", path).getheader("Content-Encoding") is None


@pytest.mark.parametrize(
    ("path", "content_type", "cors"),
    [
        ("/feed.xml", "application/rss+xml; charset=utf-8", True),
        ("/feeds/top-news.xml", "application/rss+xml; charset=utf-8", True),
        ("/episodes/2026-02-04/transcript.vtt", "text/vtt; charset=utf-8", True),
        ("/episodes/2026-02-04/transcript.srt", "application/x-subrip; charset=utf-8", True),
        ("/episodes/2026-02-04/chapters.json", "application/json+chapters; charset=utf-8", True),
        ("/episodes/2026-02-04/headlines-chapters.json", "application/json+chapters; charset=utf-8", True),
        ("/search.json", "application/json; charset=utf-8", True),
        ("/cover.png", "image/png", False),
        ("/", "text/html; charset=utf-8", False),
    ],
)
def test_serve_content_types(server: int, path: str, content_type: str, cors: bool) -> None:
    response = request(server, "GET", path)
    assert response.status == 200 and response.getheader("Content-Type") == content_type
    assert (response.getheader("Access-Control-Allow-Origin") == "*") is cors


@pytest.mark.parametrize(
    "path",
    ["/episodes/2026-02-04/digest.txt", "/episodes/2026-02-04/episode.json", "/.cache/", "/podcast.toml",
     "/../../etc/passwd", "/episodes/../podcast.toml", "/%2e%2e/%2e%2e/etc/passwd", "/.podcast.lock",
     "/voices/default.toml", "/episodes/2026-02-04/../../podcast.toml", "/nope.mp3"],
)
def test_serve_refuses_unpublished_files(server: int, path: str) -> None:
    assert request(server, "GET", path).status == 404


@pytest.mark.parametrize(("name", "content_type"), [("proof.html", "text/html; charset=utf-8"),
                                                     ("proof.json", "application/json; charset=utf-8")])
def test_serve_gives_the_producer_the_proof_and_publish_never_lists_it(published: Path, server: int, name: str,
                                                                       content_type: str) -> None:
    from podcast.publish import manifest

    response = request(server, "GET", f"/episodes/2026-02-04/{name}")
    assert response.status == 200 and response.getheader("Content-Type") == content_type
    assert response.getheader("X-Robots-Tag") == "noindex, nofollow"
    assert response.getheader("Access-Control-Allow-Origin") is None
    uploaded = [entry.path for entry in manifest.published_files(layout.Show.open(published))]
    assert uploaded and not [path for path in uploaded if path.rsplit("/", 1)[-1].startswith("proof.")]


def test_served_feed_follows_the_host(server: int) -> None:
    connection = http.client.HTTPConnection("127.0.0.1", server, timeout=10)
    connection.request("GET", "/feed.xml", headers={"Host": "192.0.2.7:8000"})
    body = connection.getresponse().read().decode()
    assert "http://192.0.2.7:8000/episodes/2026-02-04/episode-" in body
    assert "localhost:8000" not in body


@pytest.mark.parametrize("umask, readable", [(0o022, True), (0o077, False)])
def test_published_files_follow_the_umask(tone_show: Path, umask: int, readable: bool) -> None:
    """A web server running as another user must be able to read every published file and folder."""
    import os
    import stat

    write_digest(tone_show, "2026-02-03", SHORT_DIGEST)
    result = subprocess.run([sys.executable, "-m", "podcast", "build", "2026-02-03"], cwd=tone_show,
                            capture_output=True, text=True, timeout=300, preexec_fn=lambda: os.umask(umask))
    assert result.returncode == 0, result.stderr
    # Everything the build wrote (the episodes folder itself was made by the test, with its own umask).
    published = [tone_show / "feed.xml", tone_show / "index.html", tone_show / "feeds",
                 *(tone_show / "episodes").rglob("*"), *(tone_show / "feeds").rglob("*")]
    for path in published:
        if path.name == "digest.txt":
            continue  # the producer's file, as they made it
        mode = path.stat().st_mode
        others = stat.S_IROTH | (stat.S_IXOTH if path.is_dir() else 0)
        assert (mode & others == others) is readable, (path, oct(mode))
        assert mode & stat.S_IWOTH == 0


def test_serve_drops_stalled_clients_and_caps_connections(published: Path) -> None:
    """300 clients that send half a request must neither hold 300 threads nor lock others out for good."""
    with serving(published, "--timeout", "1", "--max-connections", "16") as (port, process):
        stalled = []
        for _ in range(300):
            client = socket.create_connection(("127.0.0.1", port), timeout=5)
            client.sendall(b"GET /feed.xml HTTP/1.1\r\nHo")
            stalled.append(client)
        time.sleep(0.5)
        threads = int(re.search(r"Threads:\s+(\d+)", Path(f"/proc/{process.pid}/status").read_text()).group(1))  # type: ignore[union-attr]
        assert threads <= 16 + 3, threads
        time.sleep(1.5)  # past the read timeout: every stalled connection has been closed by the server
        answers = []
        for client in stalled:
            try:
                answers.append(client.recv(64))
            except OSError:
                answers.append(b"reset")
            client.close()
        assert all(a == b"" or a.startswith(b"HTTP/1.1 503") or a.startswith(b"HTTP/1.0 408") or a == b"reset"
                   for a in answers), {a[:20] for a in answers}
        assert sum(a.startswith(b"HTTP/1.1 503") for a in answers) >= 250
        assert request(port, "GET", "/feed.xml").status == 200  # the server is free again
    err = process.stderr.read() if process.stderr else ""
    assert "16 connections already open (--max-connections); answering 503" in err
