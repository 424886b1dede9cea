"""The README is the contract with new users: it opens with the two commands and shows every command."""

from __future__ import annotations

import re

from typer.main import get_command

from podcast.cli import app

from .conftest import REPO

README = (REPO / "README.md").read_text()


def test_opens_with_the_two_commands() -> None:
    first_block = README.split("```")[1]
    assert re.search(r"^make demo\b", first_block, re.M) and re.search(r"^make test\b", first_block, re.M)


def test_every_command_is_documented_with_an_example() -> None:
    commands = get_command(app).commands  # type: ignore[attr-defined]
    for name in commands:
        assert f"### `podcast {name}" in README, name
        assert f".venv/bin/podcast {name}" in README, name


def test_podcast_toml_documents_every_setting() -> None:
    import dataclasses

    from podcast.config import (
        AudioSettings,
        DigestSettings,
        NotifySettings,
        ProofSettings,
        PublishSettings,
        RenderSettings,
        ShowConfig,
    )

    documented = (REPO / "podcast.toml").read_text()
    for cls in (ShowConfig, AudioSettings, RenderSettings, ProofSettings, PublishSettings, NotifySettings,
                DigestSettings):
        for field in dataclasses.fields(cls):
            if field.name not in ("audio", "render", "proof", "publish", "notify", "digest"):
                assert re.search(rf"^{field.name} = ", documented, re.M), field.name


def test_shipped_settings_load() -> None:
    from podcast.config import ShowConfig, load_config

    assert load_config(REPO) == ShowConfig()  # the documented values are the defaults


def test_the_session_shows_no_one_machines_paths_or_an_old_hash() -> None:
    session = README.split("## A session", 1)[1].split("\n## ", 1)[0]
    assert "/work/" not in README and "/root/" not in session
    assert not re.search(r"-[0-9a-f]{10}\.mp3", session), "a hash of one build: write <hash>"
