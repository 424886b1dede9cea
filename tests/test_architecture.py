"""The shape of the code: each library has one home, stages import only earlier ones, and the seams hold."""

from __future__ import annotations

import ast
import functools
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "podcast"

# library -> the one module allowed to import it
OWNERS = {
    "pyttsx3": "engines/pyttsx3.py",
    "pydub": "sound/mix.py",
    "soxr": "sound/mix.py",
    "lameenc": "sound/mp3.py",
    "soundfile": "sound/opus.py",
    "feedgen": "publish/feeds.py",
    "lxml": "publish/feeds.py",
    "mutagen": "assemble/tags.py",
    "PIL": "publish/cover.py",
    "filelock": "publish/lock.py",
    "typer": "cli/",
    "rich": "terminal.py",
    "num2words": "speech/words.py",
    "babel": "cldr.py",
    "icu_rbnf": "language/numbers.py",
    "distributed": "render/cluster.py",
    "kokoro_onnx": "engines/kokoro.py",
    "piper": "engines/piper.py",
    "onnxruntime": "engines/onnx.py",
    "onnx": "engines/graph.py",
    "faster_whisper": "proof/ear.py",
    "jellyfish": "proof/compare.py",
    "fsspec": "publish/remote.py",
    "paramiko": "publish/hostkeys.py",
}
# Stages in data-flow order: a module imports only its own stage and earlier ones. Every module is in one.
# The lexicon comes before every language's verbalizer, which all apply it; the languages come before `podcast init`
# (it writes the voices of the show's language).
ORDER = ["__init__", "langtag", "models", "errors", "timings", "cldr", "dates", "report", "terminal", "categories",
         "config", "layout", "records", "inputs", "lexicon", "speech", "language", "showfolder", "digest", "script",
         "parts", "engines", "sound", "takes", "proof", "render", "assemble", "publish", "notices", "pipeline",
         "rehear", "attempt", "options", "cli", "__main__"]
SEAMS = {
    "pipeline.py": ("podcast.render.local", "podcast.render.cluster", "podcast.publish.destination"),
}
"""Modules that must not name a seam's implementations: the build never asks which backend or destination."""
WRITERS = {"write_text", "write_bytes", "mkdir", "rename", "replace", "unlink", "rmtree", "copyfile", "link",
           "touch", "mkdtemp", "symlink_to", "hardlink_to"}
EPISODE_PATHS = {"EPISODES", "episode_dir", "digest_path"}


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports(path: Path) -> set[str]:
    """Every module `path` imports, as absolute names: relative imports (`from ..x import y`) resolved, and
    `from . import x` counted as importing the submodule x."""
    package = module_name(path) if path.name == "__init__.py" else module_name(path).rpartition(".")[0]
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - (node.level - 1)]
                base = ".".join([*anchor, *([node.module] if node.module else [])])
            names.add(base)
            names |= {f"{base}.{alias.name}" for alias in node.names}
    return names


@functools.cache
def modules() -> dict[str, set[str]]:
    return {p.relative_to(PACKAGE).as_posix(): imports(p) for p in sorted(PACKAGE.rglob("*.py"))}


def stage(module: str) -> str:
    """"render/local.py" -> "render"; "podcast.render.local" -> "render"."""
    first = module.removeprefix("podcast.").replace(".", "/").split("/")[0]
    return first.removesuffix(".py")


def test_each_library_is_imported_by_one_module() -> None:
    for module, names in modules().items():
        for name in names:
            top = name.split(".")[0]
            if top in OWNERS:
                assert module == OWNERS[top] or (OWNERS[top].endswith("/") and module.startswith(OWNERS[top])), \
                    f"{module} imports {top}; only {OWNERS[top]} may"


def test_every_module_and_subpackage_has_a_stage() -> None:
    found = {stage(module) for module in modules()}
    assert found <= set(ORDER), f"not placed in ORDER: {sorted(found - set(ORDER))}"
    assert {"render", "publish", "engines", "language", "speech", "sound", "assemble"} <= found


def test_stages_import_only_their_own_and_earlier_stages() -> None:
    for module, names in modules().items():
        own = ORDER.index(stage(module))
        for name in names:
            if name == "podcast" or not name.startswith("podcast."):
                continue
            other = stage(name)
            if other in ORDER:
                assert ORDER.index(other) <= own, f"{module} imports {name}, a later stage"


def test_relative_imports_are_read() -> None:
    names = imports(PACKAGE / "render" / "batch.py")
    assert "podcast.engines" in names and "podcast.proof.stage" in names  # `from ..engines`, `from ..proof.stage`
    assert "podcast.render.make" in imports(PACKAGE / "render" / "local.py")  # `from .make`
    assert "podcast.sound.mix" in imports(PACKAGE / "assemble" / "__init__.py") or \
        "podcast.sound.mp3" in imports(PACKAGE / "assemble" / "__init__.py")


def test_the_build_never_names_a_backend_or_destination() -> None:
    found = modules()
    for module, forbidden in SEAMS.items():
        named = {name for name in found[module] if name.startswith(forbidden)}
        assert not named, f"{module} names {sorted(named)}: choose them in render.backend_for / publish.destinations"


def writes_under_episodes(source: str) -> list[int]:
    """Lines of statements that call a file-writing function on a path built from the episodes folder."""
    lines = []
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.stmt) or isinstance(node, (ast.FunctionDef, ast.ClassDef, ast.If, ast.For,
                                                                ast.While, ast.With, ast.Try, ast.AsyncFunctionDef)):
            continue
        called = {n.func.attr if isinstance(n.func, ast.Attribute) else getattr(n.func, "id", "")
                  for n in ast.walk(node) if isinstance(n, ast.Call)}
        named = {n.id if isinstance(n, ast.Name) else n.attr for n in ast.walk(node)
                 if isinstance(n, (ast.Name, ast.Attribute))}
        if called & WRITERS and named & EPISODE_PATHS:
            lines.append(node.lineno)
    return lines


def test_the_episode_write_check_sees_a_write() -> None:
    assert writes_under_episodes("(show.episode_dir(date) / 'x').write_text('')\n") == [1]
    assert writes_under_episodes("shutil.rmtree(show.root / EPISODES)\n") == [1]
    assert writes_under_episodes("text = (show.episode_dir(date) / 'x').read_text()\n") == []


@pytest.mark.parametrize("module", sorted(m for m in modules() if not m.startswith("publish/")))
def test_nothing_outside_publishing_writes_under_episodes(module: str) -> None:
    assert writes_under_episodes((PACKAGE / module).read_text()) == [], f"{module} writes under episodes/"
