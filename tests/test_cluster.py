"""Sentences made final on a real Dask cluster (distributed.LocalCluster: processes, 2 workers, 1 thread each)."""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from .conftest import REPO, SHORT_DIGEST, podcast_process, use_tone_voices, write_digest
from .test_build import LONGER
from .test_robustness import published_state

pytestmark = pytest.mark.slow  # every test here builds an episode or drives a browser

MANY = LONGER + "".join(f"Story Number {n}\nA company said sales rose {n} percent. It opened {n} stores.\n"
                        for n in range(1, 13))


@pytest.fixture(scope="module")
def scheduler() -> Iterator[str]:
    from distributed import LocalCluster

    cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None)
    yield cluster.scheduler_address
    cluster.close()


def _show(root: Path, digest: str = LONGER, voices: str = "tone") -> Path:
    shutil.copytree(REPO / "voices", root / "voices")
    (root / "podcast.toml").write_text("[show]\n")
    if voices == "tone":
        use_tone_voices(root)
    else:
        (root / "voices" / "default.toml").write_text(voices)
        (root / "voices" / "anchor.toml").write_text(voices)
    write_digest(root, "2026-02-03", digest)
    return root


def run(show: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return podcast_process(show, "build", "2026-02-03", *args)


@pytest.mark.parametrize("voices", ["tone", 'engine = "piper"\n'])
def test_an_episode_made_on_the_cluster_is_byte_identical_to_a_local_one(tmp_path: Path, scheduler: str,
                                                                         voices: str) -> None:
    digest = LONGER if voices == "tone" else SHORT_DIGEST
    local = _show(tmp_path / "local", digest, voices)
    remote = _show(tmp_path / "remote", digest, voices)
    assert run(local).returncode == 0
    result = run(remote, "--scheduler", scheduler, "--verbose")
    assert result.returncode == 0, result.stderr
    sent = [int(n) for n in re.findall(rf"sending (\d+) batches of sentences to {re.escape(scheduler)}",
                                       result.stderr)]
    assert len(sent) == 1  # the episode's sentences and the headlines edition's own two, all at once
    takes = sorted(p.relative_to(local) for p in (local / ".cache" / "tts").rglob("*.wav"))
    assert sorted(p.relative_to(remote) for p in (remote / ".cache" / "tts").rglob("*.wav")) == takes  # sent back
    heard = json.loads((remote / "episodes/2026-02-03/proof.json").read_text())
    assert bool(heard["sentences"]) == (voices != "tone") and not heard.get("skipped", "").startswith("the sentences")
    for name in ("episode.mp3", "transcript.vtt", "chapters.json", "index.html", "episode.json", "headlines.mp3"):
        here, there = (show / "episodes/2026-02-03" / name for show in (local, remote))
        assert there.read_bytes() == here.read_bytes(), name


def test_a_second_build_sends_no_task(tmp_path: Path, scheduler: str) -> None:
    show = _show(tmp_path / "show")
    assert run(show, "--scheduler", scheduler).returncode == 0
    (show / "podcast.toml").write_text('[show]\ncover_subtitle = "New subtitle"\n')  # the build key changes
    # Nothing left to make: the build never contacts the (now unreachable) scheduler.
    again = run(show, "--scheduler", "tcp://127.0.0.1:9", "--verbose")
    assert again.returncode == 0, again.stderr
    assert "0 to mix" in again.stderr and "sending" not in again.stderr


def test_an_unreachable_scheduler_is_one_line_and_changes_nothing(tmp_path: Path) -> None:
    show = _show(tmp_path / "show")
    assert run(show).returncode == 0
    before = published_state(show)
    digest = show / "episodes" / "2026-02-03" / "digest.txt"
    digest.write_text(digest.read_text().replace("Analysts had expected", "Economists had expected"))
    failed = run(show, "--scheduler", "tcp://127.0.0.1:9")
    assert failed.returncode == 1 and "Traceback" not in failed.stderr
    assert failed.stderr.strip().startswith("podcast: error: scheduler tcp://127.0.0.1:9: cannot connect")
    assert len(failed.stderr.strip().splitlines()) == 1
    assert {k: v for k, v in published_state(show).items() if not k.endswith("digest.txt")} == {
        k: v for k, v in before.items() if not k.endswith("digest.txt")}
    fallback = run(show, "--scheduler", "tcp://127.0.0.1:9", "--fallback-local")
    assert fallback.returncode == 0
    assert "cannot connect" in fallback.stderr and "making the sentences on this machine" in fallback.stderr


def busy_worker(address: str, build: subprocess.Popen[str]) -> int:
    """The process id of a worker the moment it is making one of the build's batches of sentences."""
    from distributed import Client

    with Client(address, timeout=10, set_as_default=False) as client:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            assert build.poll() is None, "the build ended before a worker could be killed"
            busy = [worker for worker, keys in client.processing().items()
                    if any(str(key).startswith("podcast-sentences-") for key in keys)]
            if busy:
                pids: dict[str, int] = client.run(os.getpid)
                return pids[busy[0]]
            time.sleep(0.05)
    raise AssertionError("no worker took a batch within 120 s")


def test_a_worker_killed_mid_build_does_not_stop_it(tmp_path: Path, scheduler: str) -> None:
    fresh = MANY.replace("A company said", f"Run {time.time_ns()}: a company said")  # nothing cached anywhere
    show = _show(tmp_path / "show", fresh, 'engine = "tests.doubles:FaultyEngine"\nvoice = "slow"\n')
    process = subprocess.Popen([sys.executable, "-m", "podcast", "build", "2026-02-03", "--scheduler", scheduler],
                               cwd=show, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    os.kill(busy_worker(scheduler, process), signal.SIGKILL)
    _, err = process.communicate(timeout=600)
    assert process.returncode == 0, err
    assert (show / "episodes" / "2026-02-03" / "episode.mp3").stat().st_size > 100_000


def test_a_worker_without_the_voice_names_itself_and_the_file(tmp_path: Path) -> None:
    """A worker whose machine lacks the Kokoro files (its own PODCAST_ASSETS is empty)."""
    from distributed import LocalCluster

    empty = tmp_path / "no-assets"
    empty.mkdir()
    show = _show(tmp_path / "show", SHORT_DIGEST)
    (show / "voices" / "default.toml").write_text('engine = "kokoro"\nvoice = "af_heart"\n')
    with LocalCluster(n_workers=1, threads_per_worker=1, processes=True, dashboard_address=None,
                      env={"PODCAST_ASSETS": str(empty)}) as cluster:
        result = run(show, "--scheduler", cluster.scheduler_address)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    last = result.stderr.strip().splitlines()[-1]
    assert last.startswith("podcast: error: worker tcp://127.0.0.1:"), last
    assert f"{empty}/kokoro-v1.0.int8.onnx: missing; install it with `make setup`" in last, last


def _certificates(folder: Path) -> dict[str, str]:
    """A CA and one certificate it signed for 127.0.0.1 (scheduler, workers and client alike), by openssl."""
    def ssl(*args: str) -> None:
        subprocess.run(["openssl", *args], cwd=folder, check=True, capture_output=True)

    ssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "ca.key", "-out", "ca.pem", "-days", "2",
        "-subj", "/CN=podcast test CA")
    ssl("req", "-newkey", "rsa:2048", "-nodes", "-keyout", "node.key", "-out", "node.csr", "-subj", "/CN=127.0.0.1")
    (folder / "san.ext").write_text("subjectAltName=IP:127.0.0.1,DNS:localhost\n")
    ssl("x509", "-req", "-in", "node.csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial", "-out",
        "node.pem", "-days", "2", "-extfile", "san.ext")
    return {name: str(folder / name) for name in ("ca.pem", "node.pem", "node.key")}


def test_a_tls_scheduler_with_certificate_settings(tmp_path: Path) -> None:
    from distributed import LocalCluster
    from distributed.security import Security

    (tmp_path / "tls").mkdir()
    certs = _certificates(tmp_path / "tls")
    security = Security(tls_ca_file=certs["ca.pem"], tls_scheduler_cert=certs["node.pem"],
                        tls_scheduler_key=certs["node.key"], tls_worker_cert=certs["node.pem"],
                        tls_worker_key=certs["node.key"], tls_client_cert=certs["node.pem"],
                        tls_client_key=certs["node.key"], require_encryption=True)
    show = _show(tmp_path / "show", SHORT_DIGEST)
    with LocalCluster(n_workers=1, threads_per_worker=1, processes=True, dashboard_address=None,
                      protocol="tls://", security=security, host="127.0.0.1") as cluster:
        address = cluster.scheduler_address
        assert address.startswith("tls://")
        without = run(show, "--scheduler", address)  # no certificates: refused, one line, nothing published
        assert without.returncode == 1 and len(without.stderr.strip().splitlines()) == 1, without.stderr
        assert "needs tls_ca, tls_cert and tls_key" in without.stderr
        assert not (show / "feed.xml").exists()
        (show / "podcast.toml").write_text(
            f'[show.render]\nscheduler = "{address}"\ntls_ca = "{certs["ca.pem"]}"\n'
            f'tls_cert = "{certs["node.pem"]}"\ntls_key = "{certs["node.key"]}"\n')
        result = run(show, "--verbose")
        assert result.returncode == 0, result.stderr
        assert f"batches of sentences to {address}" in result.stderr
