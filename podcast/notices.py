"""A build's outcome told where a producer hears it before listeners do: a webhook's JSON message, a healthcheck
ping, an e-mail ([show.notify]).

The standard library's urllib, smtplib and email are the well-kept libraries here: each notice is one request
or one message, and they add nothing to install. A notice that cannot be sent is one line on stderr, never a
failed build; its URL is shown by host only, since a webhook's or ping's path is often its secret.
"""

from __future__ import annotations

import json
import os
import smtplib
import ssl
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass, field
from email.message import EmailMessage
from typing import Final

from .config import NotifySettings

TIMEOUT_S: Final = 10.0
"""Per notice: a server that does not answer never holds up cron for long."""
WEBHOOK_ENV: Final = "PODCAST_WEBHOOK_URL"
HEALTHCHECK_ENV: Final = "PODCAST_HEALTHCHECK_URL"
SMTP_PASSWORD_ENV: Final = "PODCAST_SMTP_PASSWORD"
FAILED: Final = "failed"


@dataclass(frozen=True)
class Outcome:
    """How one build went, as every notice tells it."""

    show: str
    date: str
    outcome: str
    """"published", "up to date", "built, not in the feeds" or "failed"."""
    error: str = ""
    """The first line of the error, when it failed."""
    proof: dict[str, int] = field(default_factory=dict)
    """The proof's counts ({"sentences", "flagged", "repaired"}); empty when nothing was heard."""

    @property
    def problem(self) -> bool:
        return self.outcome == FAILED or bool(self.proof.get("flagged"))

    def text(self) -> str:
        """One line for people: "Harbor Ledger 2026-03-10: failed: digest.txt: no stories"."""
        line = f"{self.show} {self.date}: {self.outcome}"
        if self.proof:
            line += f"; proof: {self.proof['sentences']} sentences, {self.proof['flagged']} flagged"
            line += f", {self.proof['repaired']} repaired" if self.proof.get("repaired") else ""
        return line + (f": {self.error}" if self.error else "")

    def to_dict(self) -> dict[str, object]:
        return {"show": self.show, "date": self.date, "outcome": self.outcome, "proof": self.proof or None,
                "error": self.error, "text": self.text()}


def _host(url: str) -> str:
    parts = urllib.parse.urlsplit(url)
    return f"{parts.scheme}://{parts.hostname}" + (f":{parts.port}" if parts.port else "")


def _reason(exc: BaseException) -> str:
    if isinstance(exc, urllib.error.HTTPError):
        return f"HTTP {exc.code} {exc.reason}"
    if isinstance(exc, urllib.error.URLError):
        exc = exc.reason if isinstance(exc.reason, BaseException) else exc
    return " ".join(str(exc).split())[:200] or type(exc).__name__


def _request(url: str, data: bytes | None = None, content_type: str = "text/plain; charset=utf-8") -> None:
    request = urllib.request.Request(url, data=data, method="POST" if data is not None else "GET",
                                     headers={"Content-Type": content_type, "User-Agent": "podcast-notices"})
    with urllib.request.urlopen(request, timeout=TIMEOUT_S) as response:  # noqa: S310 (http(s) only, checked)
        response.read()


def _try(what: str, url: str, say: Callable[[str], None], action: Callable[[], None]) -> None:
    try:
        action()
    except (OSError, ValueError, smtplib.SMTPException) as exc:
        say(f"warning: {what} to {_host(url)} not sent: {_reason(exc)}")


def webhook_url(settings: NotifySettings) -> str:
    return settings.webhook or os.environ.get(WEBHOOK_ENV, "")


def healthcheck_url(settings: NotifySettings) -> str:
    return settings.healthcheck or os.environ.get(HEALTHCHECK_ENV, "")


def _ping(base: str, kind: str, body: str) -> str:
    """The URL a ping goes to: healthchecks.io's /start and /fail beside the check's URL, or Uptime Kuma's push
    URL with status=up or down (Kuma has no start: nothing is sent then)."""
    parts = urllib.parse.urlsplit(base)
    if "/api/push/" in parts.path:
        if kind == "start":
            return ""
        query = urllib.parse.urlencode({"status": "down" if kind == "fail" else "up", "msg": body[:200]})
        return urllib.parse.urlunsplit(parts._replace(query=query))
    path = parts.path.rstrip("/") + ("" if kind == "success" else f"/{kind}")
    return urllib.parse.urlunsplit(parts._replace(path=path))


def started(settings: NotifySettings, say: Callable[[str], None]) -> None:
    """The healthcheck's start ping: a build that never ends is then caught by the check's grace time."""
    base = healthcheck_url(settings)
    url = _ping(base, "start", "") if base else ""
    if url:
        _try("healthcheck start ping", base, say, lambda: _request(url, b""))


def finished(settings: NotifySettings, outcome: Outcome, sender: str, say: Callable[[str], None]) -> None:
    """Every notice the show asks for, after a build; each failure to send is one warning line."""
    hook = webhook_url(settings)
    if hook:
        message = json.dumps(outcome.to_dict(), ensure_ascii=False).encode()
        _try("webhook", hook, say, lambda: _request(hook, message, "application/json"))
    base = healthcheck_url(settings)
    if base:
        url = _ping(base, "fail" if outcome.outcome == FAILED else "success", outcome.text())
        _try("healthcheck ping", base, say, lambda: _request(url, outcome.text().encode()))
    if settings.mail_to and (settings.mail_when == "always" or outcome.problem):
        server = settings.smtp or "smtp://localhost:25"
        _try("mail", server, say, lambda: mail(settings, server, outcome, settings.mail_from or sender))


def mail(settings: NotifySettings, server: str, outcome: Outcome, sender: str) -> None:
    """The outcome as a short plain-text mail, through the configured SMTP server."""
    message = EmailMessage()
    message["Subject"] = outcome.text()[:150]
    message["From"] = sender
    message["To"] = settings.mail_to
    message.set_content(outcome.text() + "\n\n" + json.dumps(outcome.to_dict(), indent=2, ensure_ascii=False)
                        + "\n")
    parts = urllib.parse.urlsplit(server)
    secure = parts.scheme == "smtps"
    host, port = parts.hostname or "localhost", parts.port or (465 if secure else 25)
    context = ssl.create_default_context()
    client = (smtplib.SMTP_SSL(host, port, timeout=TIMEOUT_S, context=context) if secure
              else smtplib.SMTP(host, port, timeout=TIMEOUT_S))
    with client:
        client.ehlo()
        if not secure and client.has_extn("starttls"):
            client.starttls(context=context)
            client.ehlo()
        if parts.username:
            client.login(urllib.parse.unquote(parts.username), os.environ.get(SMTP_PASSWORD_ENV, ""))
        client.send_message(message)
