"""The README is the front door: it opens with the two commands and links every page of docs/, where every command
is documented."""

from __future__ import annotations

import re
from pathlib import Path

from typer.main import get_command

from podcast.cli import app

from .conftest import REPO

README = (REPO / "README.md").read_text()
DOCS = REPO / "docs"
PAGES = {path.name: path.read_text() for path in sorted(DOCS.glob("*.md"))}
LINK = re.compile(r"\]\(([^)#\s]+\.md)(?:#[^)]*)?\)")


def test_opens_with_the_two_commands() -> None:
    first_block = README.split("```")[1]
    assert re.search(r"^make demo\b", first_block, re.M) and re.search(r"^make test\b", first_block, re.M)


def test_the_readme_is_a_front_door() -> None:
    assert len(README.splitlines()) <= 150


def test_every_command_is_documented_in_docs() -> None:
    commands = get_command(app).commands  # type: ignore[attr-defined]
    prose = {name: text for name, text in PAGES.items() if name != "cli.md"}
    for name in commands:
        assert f"## `podcast {name}`" in PAGES["cli.md"], name  # every option, from --help
        pages = [page for page, text in prose.items() if f"## `podcast {name}" in text]
        assert len(pages) == 1, (name, pages)  # one page tells its story
        assert f"$ podcast {name}" in prose[pages[0]] or f"$ podcast {name}" in README, name  # with an example


def test_the_readme_links_every_page_of_docs() -> None:
    linked = {Path(target).name for target in LINK.findall(README) if target.startswith("docs/")}
    assert linked >= set(PAGES), set(PAGES) - linked


def test_every_linked_page_exists() -> None:
    for source, text in [(REPO / "README.md", README), *((DOCS / name, text) for name, text in PAGES.items())]:
        for target in LINK.findall(text):
            assert (source.parent / target).is_file(), (source.name, target)


def test_every_anchor_linked_exists() -> None:
    def anchors(text: str) -> set[str]:
        headings = re.findall(r"^#+ (.+)$", text, re.M)
        return {re.sub(r"[^\w\- ]", "", h.lower()).replace(" ", "-") for h in headings}

    for source, text in [(REPO / "README.md", README), *((DOCS / name, text) for name, text in PAGES.items())]:
        for target, anchor in re.findall(r"\]\(([^)#\s]*)#([^)\s]+)\)", text):
            page = (source.parent / target) if target else source
            assert anchor in anchors(page.read_text()), (source.name, target, anchor)


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


def test_no_page_shows_one_machines_paths() -> None:
    """The sessions are made afresh by tests/docs_examples.py (their hashes are the current build's, checked by
    test_docs_examples); no page shows the paths of the machine it was written on."""
    for source, text in [(REPO / "README.md", README), *((DOCS / name, text) for name, text in PAGES.items())]:
        for path in ("/work/", "/root/", "/tmp/pytest"):
            assert path not in text, f"{source.name} shows {path}"
