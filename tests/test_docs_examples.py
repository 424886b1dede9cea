"""The sessions the docs show are what the commands print: a change to any output must be regenerated."""

from __future__ import annotations

from .docs_examples import MARKER, REPO, documents, pages, sessions


def test_the_example_sessions_are_current() -> None:
    made = sessions()
    shown = [m.group("name") for path in pages() for m in MARKER.finditer(path.read_text())]
    assert sorted(shown) == sorted(made), "each session is shown once, in README.md or a page of docs/"
    for path, text in documents(made).items():
        assert path.read_text() == text, (f"{path.relative_to(REPO)}: an example session is out of date: "
                                          "run `.venv/bin/python -m tests.docs_examples`")
