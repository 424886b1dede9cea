"""A dawn build tells someone: every failure is in `podcast list` whatever stage it stops in, and [show.notify]'s
webhook, healthcheck pings and mail reach real servers on the loopback (an HTTP server, aiosmtpd's SMTP server)."""

from __future__ import annotations

import http.server
import json
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from email import message_from_bytes
from pathlib import Path
from typing import Any

import pytest
from aiosmtpd.controller import Controller

from .conftest import SHORT_DIGEST, podcast, write_digest
from .servers import free_port

DAY = "2026-02-03"


@dataclass
class Heard:
    """What the HTTP server was sent: (method, path, body) in order."""

    requests: list[tuple[str, str, bytes]] = field(default_factory=list)

    def hooks(self) -> list[dict[str, Any]]:
        return [json.loads(body) for method, path, body in self.requests if path == "/hook"]

    def pings(self) -> list[str]:
        return [path for method, path, body in self.requests if path.startswith("/ping")]


@pytest.fixture
def http_server() -> Iterator[tuple[int, Heard]]:
    heard = Heard()

    class Handler(http.server.BaseHTTPRequestHandler):
        def _answer(self) -> None:
            body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
            heard.requests.append((self.command, self.path, body))
            self.send_response(500 if self.path.startswith("/broken") else 200)
            self.send_header("Content-Length", "2")
            self.end_headers()
            self.wfile.write(b"OK")

        do_GET = do_POST = _answer

        def log_message(self, *args: Any) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server.server_address[1], heard
    finally:
        server.shutdown()
        server.server_close()


class Inbox:
    def __init__(self) -> None:
        self.mails: list[Any] = []

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:  # noqa: N802 (aiosmtpd's name)
        self.mails.append((envelope.rcpt_tos, message_from_bytes(envelope.content)))
        return "250 OK"


@pytest.fixture
def smtp_server() -> Iterator[tuple[int, Inbox]]:
    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=free_port())
    controller.start()
    try:
        yield controller.port, inbox
    finally:
        controller.stop()


@pytest.fixture
def notified(tone_show: Path, http_server: tuple[int, Heard], smtp_server: tuple[int, Inbox]) -> \
        tuple[Path, Heard, Inbox]:
    """A tone-voiced show that tells all three kinds of notice, mail on every build."""
    port, heard = http_server
    smtp_port, inbox = smtp_server
    (tone_show / "podcast.toml").write_text(f"""[show]
title = "Harbor Ledger"
email = "desk@harbor.example"
[show.notify]
webhook = "http://127.0.0.1:{port}/hook"
healthcheck = "http://127.0.0.1:{port}/ping/5bd0"
mail_to = "producer@harbor.example"
smtp = "smtp://127.0.0.1:{smtp_port}"
mail_when = "always"
""")
    return tone_show, heard, inbox


def listed(show: Path) -> dict[str, dict[str, Any]]:
    return {row["date"]: row for row in json.loads(podcast(show, "list", "--json").stdout)}


STAGES = {
    "empty digest": ("digest.txt", ""),
    "title only": ("digest.txt", "Daily Buzz: 3 February 2026\n"),
    "misdated digest": ("digest.txt", SHORT_DIGEST.replace("3 February", "4 February")),
    "lexicon syntax error": ("voices/lexicon.toml", "[words\nFed = 'the Fed'\n"),
    "unknown voice engine": ("voices/default.toml", 'engine = "nosuchengine"\n'),
    "audio: a jingle that is not audio": ("jingle.mp3", "not audio at all"),
}


@pytest.mark.parametrize("stage", STAGES)
def test_a_failure_in_any_stage_is_listed_and_told(notified: tuple[Path, Heard, Inbox], stage: str) -> None:
    show, heard, inbox = notified
    write_digest(show, DAY, SHORT_DIGEST)
    file, text = STAGES[stage]
    (show / file).write_text(text) if file != "digest.txt" else write_digest(show, DAY, text)
    if file == "jingle.mp3":
        with (show / "podcast.toml").open("a") as settings:
            settings.write('[show.audio]\nintro_jingle = "jingle.mp3"\n')
    failed = podcast(show, "build", DAY)
    assert failed.returncode == 1 and failed.stderr.startswith("podcast: error: ")
    error = failed.stderr.removeprefix("podcast: error: ").strip()
    row = listed(show)[DAY]
    assert row["state"] == "failed" and row["last_error"] == error.splitlines()[0]
    [hook] = heard.hooks()
    assert hook["show"] == "Harbor Ledger" and hook["date"] == DAY and hook["outcome"] == "failed"
    assert hook["error"] == error.splitlines()[0] and hook["text"].startswith(f"Harbor Ledger {DAY}: failed: ")
    assert heard.pings() == ["/ping/5bd0/start", "/ping/5bd0/fail"]
    [(to, mail)] = inbox.mails
    assert to == ["producer@harbor.example"] and mail["From"] == "desk@harbor.example"
    assert mail["Subject"].startswith(f"Harbor Ledger {DAY}: failed")


@pytest.mark.slow
def test_success_and_a_failed_rebuild_of_a_published_date(notified: tuple[Path, Heard, Inbox]) -> None:
    show, heard, inbox = notified
    write_digest(show, DAY, SHORT_DIGEST)
    assert podcast(show, "build", DAY).returncode == 0
    [hook] = heard.hooks()
    assert hook["outcome"] == "published" and hook["error"] == "" and hook["proof"] is None
    assert heard.pings() == ["/ping/5bd0/start", "/ping/5bd0"]
    assert inbox.mails[0][1]["Subject"] == f"Harbor Ledger {DAY}: published"

    lexicon = show / "voices" / "lexicon.toml"
    kept = lexicon.read_text()
    lexicon.write_text("[words\n")  # a rebuild that fails: the episode stays out
    assert podcast(show, "build", DAY, "--quiet").returncode == 1
    row = listed(show)[DAY]
    assert row["state"] == "published" and "lexicon.toml" in row["last_error"]
    line = podcast(show, "list").stdout.split("\t")
    assert line[1] == "published (last build failed)"
    assert heard.hooks()[-1]["outcome"] == "failed"

    lexicon.write_text(kept)  # fixed: the published episode is current again
    assert podcast(show, "build", DAY).returncode == 0
    assert listed(show)[DAY]["last_error"] == "" and heard.hooks()[-1]["outcome"] == "up to date"


@pytest.mark.slow
def test_a_proof_with_flags_is_told_and_mailed_when_only_problems_are(notified: tuple[Path, Heard, Inbox]) -> None:
    """The counts come from the episode's proof record, as the proof wrote it."""
    show, heard, inbox = notified
    toml = show / "podcast.toml"
    toml.write_text(toml.read_text().replace('mail_when = "always"', 'mail_when = "problems"'))
    write_digest(show, DAY, SHORT_DIGEST)
    assert podcast(show, "build", DAY).returncode == 0
    assert inbox.mails == []  # no problem: no mail
    record = show / "episodes" / DAY / "proof.json"
    proof = json.loads(record.read_text())
    sentence = {"text": "Stocks rose.", "heard": "Stocks rows.", "flagged": True, "repaired": "", "score": 0.5}
    proof.update(skipped="", sentences=[sentence, {**sentence, "flagged": False}])
    record.write_text(json.dumps(proof))
    (show / ".cache" / "proof").mkdir(parents=True, exist_ok=True)
    for last in (show / ".cache").rglob(f"{DAY}.json"):
        last.write_text(json.dumps(proof))
    assert podcast(show, "build", DAY).returncode == 0
    hook = heard.hooks()[-1]
    assert hook["proof"] == {"sentences": 2, "flagged": 1, "repaired": 0}
    assert "proof: 2 sentences, 1 flagged" in hook["text"]
    [(_, mail)] = inbox.mails
    assert "1 flagged" in mail["Subject"]


def test_a_notice_that_cannot_be_sent_never_fails_the_build(tone_show: Path, http_server: tuple[int, Heard]) -> None:
    port, heard = http_server
    (tone_show / "podcast.toml").write_text(f"""[show]
[show.notify]
webhook = "http://127.0.0.1:{port}/broken/T000/B000/XXXX"
healthcheck = "http://127.0.0.1:{free_port()}/ping"
mail_to = "producer@harbor.example"
smtp = "smtp://127.0.0.1:{free_port()}"
""")
    write_digest(tone_show, DAY, "")
    failed = podcast(tone_show, "build", DAY, "--quiet")
    lines = failed.stderr.splitlines()
    assert failed.returncode == 1 and lines[-1].startswith("podcast: error: ")
    warnings = [line for line in lines if line.startswith("warning: ")]
    assert len(warnings) == 4, lines  # start ping, webhook, end ping, mail: one line each, no traceback
    assert f"webhook to http://127.0.0.1:{port} not sent: HTTP 500" in warnings[1]
    assert "XXXX" not in failed.stderr  # a webhook's path is its secret


def test_secrets_stay_out_of_the_settings(tmp_path: Path) -> None:
    (tmp_path / "podcast.toml").write_text('[show.notify]\nsmtp = "smtp://desk:hunter22@mail.example:587"\n')
    refused = podcast(tmp_path, "list")
    assert refused.returncode == 1 and "holds a password" in refused.stderr and "hunter22" not in refused.stderr
