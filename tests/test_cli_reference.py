"""docs/cli.md is made from the commands' help: a changed option, default or help text must be regenerated."""

from __future__ import annotations

from .cli_reference import REFERENCE, reference


def test_the_cli_reference_is_current() -> None:
    assert REFERENCE.read_text() == reference(), "docs/cli.md is out of date: run `python -m tests.cli_reference`"


def test_the_reference_covers_every_command_and_option() -> None:
    text = REFERENCE.read_text()
    for command in ("build", "script", "feed", "init", "list", "remove", "voices", "install-voices", "serve"):
        assert f"## `podcast {command}`" in text, command
    assert "--fallback-local" in text and "--max-connections" in text
