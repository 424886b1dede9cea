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

    from podcast.config import AudioSettings, DigestSettings, ProofSettings, PublishSettings, RenderSettings, ShowConfig

    documented = (REPO / "podcast.toml").read_text()
    for cls in (ShowConfig, AudioSettings, RenderSettings, ProofSettings, PublishSettings, DigestSettings):
        for field in dataclasses.fields(cls):
            if field.name not in ("audio", "render", "proof", "publish", "digest"):
                assert re.search(rf"^{field.name} = ", documented, re.M), field.name


def test_shipped_settings_load() -> None:
    from podcast.config import ShowConfig, load_config

    assert load_config(REPO) == ShowConfig()  # the documented values are the defaults
