"""`podcast publish`: a built show copied to S3 (moto), an SSH host (sshd) and a web root (nginx), in an order that
never leaves a served feed pointing at a missing file, even when the destination fails or the process is killed."""

from __future__ import annotations

import errno
import http.client
import http.server
import json
import os
import re
import shlex
import shutil
import subprocess
import sys
import threading
import urllib.parse
from collections.abc import Iterator
from pathlib import Path
from typing import Any, ClassVar

import feedparser
import fsspec
import pytest
from fsspec.implementations.local import LocalFileSystem

from podcast import dates, layout, pipeline
from podcast.errors import ConfigError, PublishError
from podcast.publish import manifest, mirror, remote

from .conftest import REPO, SHORT_DIGEST, VERSIONED, use_tone_voices, write_digest
from .servers import NGINX_CONF, free_port, moto_s3, need, nginx, sshd

pytestmark = pytest.mark.slow
DAYS = ("2026-02-03", "2026-02-04")
QUICK = (0.01, 0.01)
"""Retry pauses for tests: the real ones add up to 15 s."""


def digest_for(day: str, extra: str = "") -> str:
    return SHORT_DIGEST.replace("3 February", f"{int(day[-2:])} February") + extra


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A tone-voiced show with two days built; tests work on copies."""
    root = tmp_path_factory.mktemp("template") / "show"
    shutil.copytree(REPO / "voices", root / "voices")
    (root / "podcast.toml").write_text("[show]\n")
    use_tone_voices(root)
    show = layout.Show.open(root)
    for day in DAYS:
        write_digest(root, day, digest_for(day))
        pipeline.build(show, dates.parse_date(day), report=pipeline.Reporter(level=0))
    return root


@pytest.fixture
def show_dir(template: Path, tmp_path: Path) -> Path:
    root = tmp_path / "show"
    shutil.copytree(template, root, symlinks=True)
    return root


def settings(root: Path, text: str) -> layout.Show:
    (root / "podcast.toml").write_text(f"[show]\n{text}")
    return layout.Show.open(root)


def publish(show: layout.Show, to: str, **options: Any) -> mirror.Result:
    return pipeline.publish_to(show, to, report=pipeline.Reporter(level=0), retry_delays_s=QUICK, **options)


def edit_one_story(show: layout.Show) -> None:
    """A sentence added to the second day's Economy story, and the day rebuilt."""
    day = DAYS[1]
    write_digest(show.root, day, digest_for(day, "Economists said the figures were the strongest in a year.\n"))
    pipeline.build(show, dates.parse_date(day), report=pipeline.Reporter(level=0))


def destination_files(url: str, **options: Any) -> dict[str, bytes]:
    """Every file at a destination, read back through fsspec, by path relative to its root."""
    fs, root = fsspec.core.url_to_fs(url, skip_instance_cache=True, **options)
    root = root.rstrip("/")
    try:
        found = fs.find(root)
    except FileNotFoundError:
        return {}
    return {name[len(root) + 1:]: fs.cat_file(name) for name in found}


def assert_served_feeds_whole(files: dict[str, bytes], base_url: str) -> int:
    """Every feed at the destination parses, and every file it names is there at its stated length."""
    feeds = [p for p in files if p == "feed.xml" or (p.startswith("feeds/") and p.endswith(".xml"))]
    for path in feeds:
        parsed = feedparser.parse(files[path])
        assert not parsed.bozo, (path, parsed.bozo_exception)
        missing = manifest.referenced(base_url, files[path]) - set(files)
        assert not missing, f"{path} names missing files: {sorted(missing)}"
        for entry in parsed.entries:
            enclosure = entry.enclosures[0]
            relative = enclosure.href.removeprefix(base_url)
            assert int(enclosure.length) == len(files[relative]), relative
    return len(feeds)


def assert_complete(url: str, show: layout.Show, **options: Any) -> dict[str, bytes]:
    """The destination holds exactly what the show folder publishes (and the manifest), byte for byte."""
    files = destination_files(url, **options)
    published = {e.path for e in manifest.published_files(show)}
    assert set(files) == published | {manifest.MANIFEST_FILE}
    for path in published:
        assert files[path] == (show.root / path).read_bytes(), path
    assert assert_served_feeds_whole(files, show.config.url("")) == 3  # the show's feed and two section feeds
    return files


# --- the three destinations ----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def s3_endpoint() -> Iterator[str]:
    with moto_s3() as endpoint:
        yield endpoint


@pytest.fixture
def s3(s3_endpoint: str, monkeypatch: pytest.MonkeyPatch, request: pytest.FixtureRequest) -> str:
    """A fresh bucket on the moto server, with credentials in the standard AWS variables; its s3:// URL."""
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "podcast-test-key")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "podcast-test-secret-value")
    monkeypatch.setenv("AWS_DEFAULT_REGION", "us-east-1")
    monkeypatch.setenv("AWS_ENDPOINT_URL", s3_endpoint)
    bucket = "show-" + request.node.name.lower().replace("_", "-")[:40].strip("-")
    fs = fsspec.filesystem("s3", skip_instance_cache=True)
    fs.mkdir(bucket)
    return f"s3://{bucket}/podcast/"


def test_fresh_show_publishes_to_s3_with_headers(show_dir: Path, s3: str) -> None:
    import boto3

    show = layout.Show.open(show_dir)
    result = publish(show, s3)
    files = assert_complete(s3, show)
    assert len(result.uploaded) == len(files) - 1 and not result.deleted
    assert result.uploaded[-1] == "feed.xml" and result.uploaded[-3:-1] == sorted(result.uploaded[-3:-1])
    assert all(p.startswith("feeds/") for p in result.uploaded[-3:-1])  # section feeds just before the main one

    client = boto3.client("s3")
    bucket = s3.split("/")[2]
    recorded = manifest.loads(files[manifest.MANIFEST_FILE], "manifest")
    expected = {"episode-": ("audio/mpeg", "immutable"), "feed.xml": ("application/rss+xml", "max-age=300"),
                "transcript.vtt": ("text/vtt", "max-age=300"), "transcript.srt": ("application/x-subrip", "max"),
                "chapters.json": ("application/json+chapters", "max"), "index.html": ("text/html", "max-age=300"),
                "cover.png": ("image/png", "max-age=3600"), ".opus": ("audio/ogg", "immutable"),
                "headlines-chapters.json": ("application/json+chapters", "max"),
                "search.json": ("application/json", "max")}
    for fragment, (content_type, cache) in expected.items():
        path = next(p for p in recorded if fragment in p and (fragment != "episode-" or p.endswith(".mp3")))
        head = client.head_object(Bucket=bucket, Key=f"podcast/{path}")
        assert head["ContentType"].split(";")[0] == content_type and cache in head["CacheControl"], path
        assert head["ETag"].strip('"') == recorded[path].etag  # the store's own checksum, kept in the manifest

    again = publish(show, s3)
    assert again.uploaded == [] and again.deleted == [] and again.plan.unchanged == len(files) - 1


def test_one_story_edit_republishes_only_what_changed(show_dir: Path, s3: str, s3_endpoint: str,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("AWS_ENDPOINT_URL")  # the endpoint from podcast.toml instead
    show = settings(show_dir, f'[show.publish]\nto = "{s3}"\nendpoint_url = "{s3_endpoint}"\n')
    first = publish(show, "")
    before = {e.path: e.sha256 for e in manifest.published_files(show)}
    edit_one_story(show)
    after = {e.path: e.sha256 for e in manifest.published_files(show)}
    changed = {path for path, digest in after.items() if before.get(path) != digest}

    second = publish(show, "")
    assert set(second.uploaded) == changed
    assert not any(DAYS[0] in path for path in second.uploaded)  # the other day's files stay as they are
    assert {"feed.xml", "feeds/economy-markets.xml", f"episodes/{DAYS[1]}/transcript.vtt"} <= changed
    assert len(second.uploaded) <= len(first.uploaded) // 2, (len(second.uploaded), len(first.uploaded))
    assert second.deleted == []  # the previous audio stays one build longer, as in the show folder
    endpoint = {"client_kwargs": {"endpoint_url": s3_endpoint}}
    assert_complete(s3, show, **endpoint)
    print(f"one-story edit: {len(second.uploaded)} of {len(after)} files uploaded ({second.plan.upload_bytes} bytes)")

    edit_again = digest_for(DAYS[1], "A third sentence arrived late.\n")
    write_digest(show.root, DAYS[1], edit_again)
    pipeline.build(show, dates.parse_date(DAYS[1]), report=pipeline.Reporter(level=0))
    third = publish(show, "")
    assert third.deleted and all(VERSIONED.search(p) for p in third.deleted)  # the oldest audio goes
    assert_complete(s3, show, **endpoint)


def test_fresh_show_publishes_over_sftp(show_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with sshd(tmp_path / "sshd") as server:
        show = settings(show_dir, f'[show.publish]\nknown_hosts = "{server.known_hosts}"\n')  # a trusted key
        monkeypatch.setenv("SSH_AUTH_SOCK", server.agent_socket)  # the key comes from the agent
        web_root = tmp_path / "host" / "www"
        url = f"sftp://root@127.0.0.1:{server.port}{web_root}/"
        result = publish(show, url)
        assert not result.deleted and len(result.uploaded) == len(manifest.published_files(show))
        assert_complete(str(web_root), show)  # read back from the host's disk
        assert not list(web_root.rglob(f"*{remote.PART_SUFFIX}"))
        assert publish(show, url).uploaded == []
    # a wrong key: one line naming the destination, after no retries (it is not transient)
    with sshd(tmp_path / "sshd2") as server, pytest.raises(PublishError) as failed:
        monkeypatch.delenv("SSH_AUTH_SOCK")
        monkeypatch.setenv("HOME", str(tmp_path))  # no ~/.ssh keys either
        show = settings(show_dir, f'[show.publish]\nknown_hosts = "{server.known_hosts}"\n')
        publish(show, f"sftp://root@127.0.0.1:{server.port}/tmp/nowhere/")
    assert str(failed.value).startswith(f"sftp://root@127.0.0.1:{server.port}/tmp/nowhere/: connecting: ")
    assert "\n" not in str(failed.value)


def test_sftp_refuses_an_unknown_or_changed_host_key(show_dir: Path, tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    """A man in the middle answers with a key known_hosts does not hold: nothing is sent, and the one line says
    how to trust the host; doing what it says (ssh-keyscan into the file) lets the next publish through."""
    home = tmp_path / "home"
    (home / ".ssh").mkdir(parents=True)
    monkeypatch.setenv("HOME", str(home))  # the user's own known_hosts, empty here
    with sshd(tmp_path / "sshd") as server:
        monkeypatch.setenv("SSH_AUTH_SOCK", server.agent_socket)
        show = layout.Show.open(show_dir)
        web_root = tmp_path / "host" / "www"
        url = f"sftp://root@127.0.0.1:{server.port}{web_root}/"
        with pytest.raises(PublishError) as unknown:
            publish(show, url)
        message = str(unknown.value)
        assert message.startswith(f"{url}: connecting: the SSH host [127.0.0.1]:{server.port} is not in "
                                  f"{home}/.ssh/known_hosts") and "\n" not in message
        assert not web_root.exists()  # nothing was sent
        trust = re.search(r"`(ssh-keyscan [^`]*)`", message)
        assert trust and f"ssh-keyscan -p {server.port} 127.0.0.1 >> " in trust.group(1)
        subprocess.run(["/bin/sh", "-c", trust.group(1)], check=True, capture_output=True)
        assert publish(show, url).uploaded  # trusted now: the user's known_hosts holds the key

        other = tmp_path / "other_key"  # the host answers with another key: refused, though the host is known
        subprocess.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", str(other)], check=True)
        changed = tmp_path / "changed_known_hosts"
        changed.write_text(f"[127.0.0.1]:{server.port} {' '.join(other.with_suffix('.pub').read_text().split()[:2])}\n")
        show = settings(show_dir, f'[show.publish]\nknown_hosts = "{changed}"\n')
        before = {p: p.stat().st_mtime_ns for p in web_root.rglob("*")}
        (show_dir / "feed.xml").write_text((show_dir / "feed.xml").read_text() + "\n")
        with pytest.raises(PublishError, match=r"has CHANGED .*ssh-keygen -R '\[127\.0\.0\.1\]:\d+'"):
            publish(show, url)
        assert {p: p.stat().st_mtime_ns for p in web_root.rglob("*")} == before


def test_nginx_serves_the_published_web_root(show_dir: Path, tmp_path: Path) -> None:
    from .servers import free_port

    port = free_port()
    base = f"http://127.0.0.1:{port}/"
    show = settings(show_dir, f'base_url = "{base}"\n')
    pipeline.publish_feed(show)  # the feeds now name the web server's address
    web_root = tmp_path / "www"
    publish(show, str(web_root))
    with nginx(web_root, tmp_path / "nginx", remote.nginx_types(), port):
        def get(path: str, method: str = "GET", headers: dict[str, str] | None = None) -> http.client.HTTPResponse:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
            connection.request(method, urllib.parse.urlsplit(path).path, headers=headers or {})
            response = connection.getresponse()
            response.body = response.read()  # type: ignore[attr-defined]
            connection.close()
            return response

        served = get(base + "feed.xml")
        assert served.status == 200 and served.getheader("Content-Type").startswith("application/rss+xml")
        parsed = feedparser.parse(served.body)  # type: ignore[attr-defined]
        assert not parsed.bozo and len(parsed.entries) == 2
        for entry in parsed.entries:
            audio_url = entry.enclosures[0].href
            head = get(audio_url, "HEAD")
            assert head.status == 200 and head.getheader("Content-Type") == "audio/mpeg"
            assert int(head.getheader("Content-Length")) == int(entry.enclosures[0].length)
            assert head.getheader("Accept-Ranges") == "bytes"
            whole = get(audio_url)
            local = (show.root / urllib.parse.urlsplit(audio_url).path.lstrip("/")).read_bytes()
            assert whole.body == local  # type: ignore[attr-defined]
            first = get(audio_url, headers={"Range": "bytes=0-1"})  # how Apple's player starts
            assert first.status == 206 and first.body == local[:2]  # type: ignore[attr-defined]
            assert first.getheader("Content-Range") == f"bytes 0-1/{len(local)}"
            tail = get(audio_url, headers={"Range": "bytes=-100"})
            assert tail.status == 206 and tail.body == local[-100:]  # type: ignore[attr-defined]
            assert get(audio_url, headers={"Range": f"bytes={len(local)}-"}).status == 416
        day = f"episodes/{DAYS[1]}/"
        for path, content_type in ((day + "transcript.vtt", "text/vtt"), (day + "transcript.srt",
                                   "application/x-subrip"), (day + "chapters.json", "application/json+chapters"),
                                   (day + "index.html", "text/html"), ("feeds/top-news.xml", "application/rss+xml"),
                                   ("cover.png", "image/png"), (day + "headlines-chapters.json",
                                   "application/json+chapters"), ("search.json", "application/json")):
            response = get(base + path)
            assert response.status == 200 and response.getheader("Content-Type").split(";")[0] == content_type, path
        assert get(base + manifest.MANIFEST_FILE).status == 404  # the server hides dotfiles


# --- faults: a destination that fails, a process that is killed ---------------------------------------------


class FlakyFileSystem(LocalFileSystem):
    """A local folder whose uploads fail after `fail_after` of them: for ever, or (transient_once) just once."""

    protocol = ("flaky",)
    fail_after: ClassVar[int] = 1 << 30
    transient_once: ClassVar[bool] = False
    puts: ClassVar[int] = 0
    failures: ClassVar[int] = 0

    @classmethod
    def _strip_protocol(cls, path: str) -> str:  # type: ignore[override]
        return str(LocalFileSystem._strip_protocol(str(path).removeprefix("flaky://")))

    def put_file(self, lpath: Any, rpath: Any, *args: Any, **kwargs: Any) -> None:
        FlakyFileSystem.puts += 1
        if FlakyFileSystem.puts > FlakyFileSystem.fail_after and not (
                FlakyFileSystem.transient_once and FlakyFileSystem.failures):
            FlakyFileSystem.failures += 1
            raise ConnectionResetError(errno.ECONNRESET, "Connection reset by peer")
        super().put_file(lpath, rpath, *args, **kwargs)


@pytest.fixture
def flaky() -> Iterator[type[FlakyFileSystem]]:
    fsspec.register_implementation("flaky", FlakyFileSystem, clobber=True)
    FlakyFileSystem.puts = FlakyFileSystem.failures = 0
    FlakyFileSystem.fail_after, FlakyFileSystem.transient_once = 1 << 30, False
    yield FlakyFileSystem
    FlakyFileSystem.fail_after = 1 << 30


def second_version(show: layout.Show) -> None:
    """What a day brings: one story edited, a new episode, the oldest one removed with its files."""
    edit_one_story(show)
    write_digest(show.root, "2026-02-05", digest_for("2026-02-05"))
    pipeline.build(show, dates.parse_date("2026-02-05"), report=pipeline.Reporter(level=0))
    pipeline.remove(show, dates.parse_date(DAYS[0]), purge=True, report=pipeline.Reporter(level=0))


@pytest.fixture(scope="module")
def day_two(template: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The show published to a web root, then changed by a day (second_version) but not published again."""
    folder = tmp_path_factory.mktemp("day-two")
    shutil.copytree(template, folder / "show", symlinks=True)
    show = layout.Show.open(folder / "show")
    publish(show, str(folder / "www"))
    second_version(show)
    return folder / "show", folder / "www"


@pytest.fixture
def changed(day_two: tuple[Path, Path], tmp_path: Path) -> tuple[layout.Show, Path]:
    """A copy of `day_two` to work on: the show and its web root, published the day before."""
    for source in day_two:
        shutil.copytree(source, tmp_path / source.name, symlinks=True)
    return layout.Show.open(tmp_path / "show"), tmp_path / "www"


@pytest.mark.parametrize("fail_after", [0, 2, 6, 9, 10])
def test_a_failing_destination_never_breaks_a_served_feed(changed: tuple[layout.Show, Path], fail_after: int,
                                                          flaky: type[FlakyFileSystem]) -> None:
    show, web_root = changed
    planned = len(publish(show, f"flaky://{web_root}", dry_run=True).plan.uploads)
    assert fail_after < planned
    flaky.puts, flaky.fail_after = 0, fail_after
    with pytest.raises(PublishError) as failed:
        publish(show, f"flaky://{web_root}")
    message = str(failed.value)
    assert message.startswith(f"flaky://{web_root}: episodes/") or message.startswith(f"flaky://{web_root}: feed")
    assert "Connection reset by peer" in message and "\n" not in message
    assert flaky.puts == fail_after + 1 + len(QUICK)  # the file that failed was tried again, then given up
    served = destination_files(str(web_root))
    assert assert_served_feeds_whole(served, show.config.url("")) == 3
    assert f"episodes/{DAYS[0]}/index.html" in served  # nothing is deleted before the feeds that dropped it are up

    flaky.fail_after = 1 << 30
    rerun = publish(show, f"flaky://{web_root}")
    assert len(rerun.uploaded) == planned - fail_after  # what went up before the failure is not sent again
    assert rerun.deleted and not any(p.startswith(f"episodes/{DAYS[0]}/") for p in destination_files(str(web_root)))
    assert_complete(str(web_root), show)


def test_a_transient_failure_is_retried(show_dir: Path, tmp_path: Path, flaky: type[FlakyFileSystem]) -> None:
    show = layout.Show.open(show_dir)
    flaky.fail_after, flaky.transient_once = 3, True
    result = publish(show, f"flaky://{tmp_path / 'www'}")
    assert flaky.failures == 1 and len(result.uploaded) == flaky.puts - 1
    assert_complete(str(tmp_path / "www"), show)


@pytest.mark.parametrize("kill_at", ["publish-upload-1", "publish-part-written", "publish-after-content",
                                     "publish-upload-12", "publish-after-section-feeds", "publish-delete-1"])
def test_a_killed_publish_never_breaks_a_served_feed(changed: tuple[layout.Show, Path], kill_at: str) -> None:
    show, web_root = changed
    env = {**os.environ, "PODCAST_KILL_AT": kill_at, "PYTHONPATH": str(REPO)}
    killed = subprocess.run([sys.executable, "-m", "podcast", "--show", str(show.root), "publish", "--to",
                             str(web_root)], env=env, capture_output=True, text=True, timeout=120)
    assert killed.returncode == -9, killed.stderr
    served = destination_files(str(web_root))
    assert assert_served_feeds_whole(served, show.config.url("")) == 3
    if kill_at == "publish-part-written":
        assert any(p.endswith(remote.PART_SUFFIX) for p in served)  # a half-copied file, under a name none serves

    rerun = publish(show, str(web_root))
    assert rerun.uploaded or rerun.deleted
    assert_complete(str(web_root), show)


# --- telling the apps ------------------------------------------------------------------------------------------


class Recorder(http.server.BaseHTTPRequestHandler):
    requests: ClassVar[list[tuple[str, str, dict[str, str], bytes]]] = []

    def _answer(self) -> None:
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        Recorder.requests.append((self.command, self.path, dict(self.headers), body))
        self.send_response(204)
        self.end_headers()

    do_GET = do_POST = _answer  # noqa: N815 (http.server's naming)

    def log_message(self, *args: Any) -> None:
        pass


@pytest.fixture
def hub() -> Iterator[str]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Recorder)
    Recorder.requests = []
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


def test_websub_and_podping_after_the_feed_is_live(show_dir: Path, tmp_path: Path, hub: str,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    show = settings(show_dir, f'[show.publish]\nwebsub_hub = "{hub}websub"\n')
    pipeline.publish_feed(show)
    assert f'<atom:link href="{hub}websub" rel="hub"/>'.encode() in (show.root / "feed.xml").read_bytes()
    monkeypatch.setenv("PODPING_TOKEN", "podping-secret-token")
    monkeypatch.setenv("PODPING_URL", f"{hub}podping")
    publish(show, str(tmp_path / "www"))
    pings = {(method, path.split("?")[0]): (path, headers, body) for method, path, headers, body in Recorder.requests}
    _, _, body = pings[("POST", "/websub")]
    form = urllib.parse.parse_qs(body.decode())
    assert form["hub.mode"] == ["publish"] and show.config.url("feed.xml") in form["hub.url"]
    path, headers, _ = pings[("GET", "/podping")]
    assert headers["Authorization"] == "podping-secret-token"
    feeds = ("feed.xml", "feeds/top-news.xml", "feeds/economy-markets.xml")
    assert urllib.parse.parse_qs(urllib.parse.urlsplit(path).query)["url"][0] in map(show.config.url, feeds)
    count = len(Recorder.requests)
    publish(show, str(tmp_path / "www"))  # nothing changed: nobody is told
    assert len(Recorder.requests) == count


def test_a_hub_that_is_down_only_warns(show_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from .servers import free_port

    down = f"http://127.0.0.1:{free_port()}/"
    show = settings(show_dir, f'[show.publish]\nwebsub_hub = "{down}"\n')
    pipeline.publish_feed(show)
    monkeypatch.setenv("PODPING_TOKEN", "podping-secret-token")
    monkeypatch.setenv("PODPING_URL", down)
    said: list[str] = []
    result = pipeline.publish_to(show, str(tmp_path / "www"), report=pipeline.Reporter(1, said.append))
    assert result.uploaded and said[0].startswith("published to ")
    warnings = [line for line in said if line.startswith("warning: ")]
    assert any("WebSub hub" in w and "cannot be reached" in w for w in warnings)
    assert any("Podping" in w for w in warnings) and not any("podping-secret-token" in w for w in said)
    assert_complete(str(tmp_path / "www"), show)


# --- settings and plans ----------------------------------------------------------------------------------------


def test_dry_run_lists_uploads_and_deletes_and_changes_nothing(changed: tuple[layout.Show, Path]) -> None:
    from typer.testing import CliRunner

    from podcast.cli import app

    show, web_root = changed
    show_dir = show.root
    before = destination_files(str(web_root))
    result = CliRunner().invoke(app, ["--show", str(show_dir), "publish", DAYS[1], "--to", str(web_root),
                                      "--dry-run"])
    assert result.exit_code == 0, result.output
    assert destination_files(str(web_root)) == before
    rows = [line.split("\t") for line in result.stdout.splitlines()]
    uploads = [row[1] for row in rows if row[0] == "upload"]
    deletes = [row[1] for row in rows if row[0] == "delete"]
    assert uploads and uploads[-1] == "feed.xml" and ["upload", "feed.xml", "feed", str(len(
        (show_dir / "feed.xml").read_bytes()))] in rows
    assert deletes and all(path.startswith(f"episodes/{DAYS[0]}/") for path in deletes)
    assert f"dry run for {web_root}: {len(uploads)} to upload" in result.stderr

    missing = CliRunner().invoke(app, ["--show", str(show_dir), "publish", DAYS[0], "--to", str(web_root)])
    assert missing.exit_code == 1 and f"episodes/{DAYS[0]} is not in the feeds" in missing.stderr
    assert destination_files(str(web_root)) == before


def test_build_publish_builds_then_publishes(show_dir: Path, tmp_path: Path, flaky: type[FlakyFileSystem]) -> None:
    from typer.testing import CliRunner

    from podcast.cli import app

    def podcast(*args: str) -> Any:
        return CliRunner().invoke(app, ["--show", str(show_dir), *args])

    web_root = tmp_path / "www"
    unset = podcast("build", DAYS[1], "--publish")
    assert unset.exit_code == 1 and "--publish needs [show.publish] to" in unset.stderr
    settings(show_dir, f'[show.publish]\nto = "{web_root}"\n')
    write_digest(show_dir, "2026-02-05", digest_for("2026-02-05"))
    result = podcast("build", "2026-02-05", "--publish")
    assert result.exit_code == 0, result.output
    assert "published episodes/2026-02-05/episode-" in result.stderr and f"published to {web_root}:" in result.stderr
    assert_complete(str(web_root), layout.Show.open(show_dir))
    again = podcast("build", "2026-02-05", "--publish", "--quiet")
    assert again.exit_code == 0 and again.stderr == ""  # up to date, and nothing to send: cron mails nothing

    # the remote copy fails: the episode is still built and published in the show folder, and says so
    settings(show_dir, f'[show.publish]\nto = "flaky://{web_root}"\n')
    write_digest(show_dir, "2026-02-06", digest_for("2026-02-06"))
    flaky.fail_after = 0
    failed = podcast("build", "2026-02-06", "--publish")
    assert failed.exit_code == 1 and "Connection reset by peer" in failed.stderr
    assert "(the show folder is published; `podcast publish` finishes the copy)" in failed.stderr
    listed = {row["date"]: row for row in json.loads(podcast("list", "--json").stdout)}
    assert listed["2026-02-06"]["state"] == "published" and listed["2026-02-06"]["last_error"] == ""
    assert "2026-02-06" not in (web_root / "feed.xml").read_text()  # the copy's feed is the previous one, whole
    flaky.fail_after = 1 << 30
    caught_up = podcast("build", "2026-02-06", "--publish")  # up to date here; the copy catches up
    assert caught_up.exit_code == 0 and "is up to date" in caught_up.stderr
    assert_complete(str(web_root), layout.Show.open(show_dir))


def test_the_documented_publishing_cron_line_builds_and_publishes(show_dir: Path, tmp_path: Path) -> None:
    section = (REPO / "docs" / "publishing.md").read_text()
    assert remote.nginx_types() in section  # the web server settings the tests serve with
    block = re.search(r"```crontab\n(.*?)```", section, re.S)
    assert block
    command = block.group(1).strip().split(None, 5)[5]
    command = command.replace("/srv/podcast/.venv/bin/podcast", f"{shlex.quote(sys.executable)} -m podcast")
    command = command.replace("/srv/shows/harbor", shlex.quote(str(show_dir)))
    web_root = tmp_path / "www"
    show = settings(show_dir, f'[show.publish]\nto = "{web_root}"\n')
    write_digest(show_dir, "2026-02-05", digest_for("2026-02-05"))
    home = tmp_path / "home"
    home.mkdir()
    result = subprocess.run(["/bin/sh", "-c", command], cwd=home, capture_output=True, text=True, timeout=300,
                            env={"PATH": "/usr/bin:/bin", "HOME": str(home), "PYTHONPATH": str(REPO),
                                 "PODCAST_NOW": "2026-02-05T05:30:00Z"})
    assert result.returncode == 0 and result.stdout == "" and result.stderr == "", result.stderr
    files = assert_complete(str(web_root), show)
    assert "episodes/2026-02-05/index.html" in files and list(home.iterdir()) == []


def test_the_documented_web_server_settings_make_nginx_warn_of_nothing(tmp_path: Path) -> None:
    readme = (REPO / "docs" / "publishing.md").read_text()
    assert remote.nginx_types() in readme
    config = tmp_path / "nginx.conf"
    config.write_text(NGINX_CONF.format(dir=tmp_path, port=free_port(), root=tmp_path, types=remote.nginx_types()))
    checked = subprocess.run([need("/usr/sbin/nginx", "nginx"), "-t", "-c", str(config), "-p", str(tmp_path)],
                             capture_output=True, text=True)
    assert checked.returncode == 0 and "[warn]" not in checked.stderr, checked.stderr


def test_settings_never_hold_a_secret(tmp_path: Path) -> None:
    (tmp_path / "podcast.toml").write_text('[show.publish]\nto = "sftp://editor:hunter22@host/www/"\n')
    with pytest.raises(ConfigError) as refused:
        layout.Show.open(tmp_path)
    assert "holds a password" in str(refused.value) and "hunter22" not in str(refused.value)
    (tmp_path / "podcast.toml").write_text('[show.publish]\nwebsub_hub = "pubsubhubbub.appspot.com"\n')
    with pytest.raises(ConfigError, match="must be an http:// or https:// URL"):
        layout.Show.open(tmp_path)


def test_nothing_is_sent_when_the_show_folder_is_incomplete(show_dir: Path, tmp_path: Path) -> None:
    outside = tmp_path / "art.png"
    shutil.copy(show_dir / "cover.png", outside)
    show = settings(show_dir, f'artwork = "{outside}"\n')
    with pytest.raises(PublishError, match="must be inside the show folder"):
        publish(show, str(tmp_path / "www"))
    show = settings(show_dir, "")
    clip = next(p for p in (show_dir / "episodes" / DAYS[0] / "sections").glob("01-*.mp3") if VERSIONED.search(p.name))
    clip.unlink()
    with pytest.raises(PublishError, match="listed in the feeds but missing from the show folder"):
        publish(show, str(tmp_path / "www"))
    assert not (tmp_path / "www").exists()


def test_an_unknown_destination_is_one_line(show_dir: Path) -> None:
    show = layout.Show.open(show_dir)
    with pytest.raises(PublishError) as failed:
        publish(show, "nosuchprotocol://bucket/")
    assert str(failed.value).startswith("nosuchprotocol://bucket/: connecting: ") and "\n" not in str(failed.value)
    with pytest.raises(ConfigError, match="no destination"):
        publish(layout.Show.open(show_dir), "")
    assert remote.shown("sftp://editor:hunter22@host:2222/www/") == "sftp://editor@host:2222/www/"


def test_errors_never_print_a_secret(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "wJalrXUtnFEMI-example-secret")
    destination = remote.Remote(str(tmp_path / "www"))
    leaked = PermissionError(13, "denied with key wJalrXUtnFEMI-example-secret at line\n2")
    reason = destination._reason(leaked)
    assert "wJalrXUtnFEMI" not in reason and "***" in reason and "\n" not in reason
    assert not remote.transient(leaked) and remote.transient(ConnectionResetError(104, "reset"))
