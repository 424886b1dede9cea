"""The shape of the code: each third-party library has one home; stages import only earlier ones."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "podcast"

# library -> the one module allowed to import it
OWNERS = {
    "pyttsx3": "engines/pyttsx3.py",
    "pydub": "sound/mix.py",
    "feedgen": "publish/feeds.py",
    "lxml": "publish/feeds.py",
    "mutagen": "assemble/tags.py",
    "typer": "cli.py",
    "num2words": "speech/words.py",
    "PIL": "publish/cover.py",
    "rich": "terminal.py",
    "lameenc": "sound/mp3.py",
    "filelock": "publish/lock.py",
    "distributed": "render/cluster.py",
    "kokoro_onnx": "engines/kokoro.py",
    "piper": "engines/piper.py",
    "onnxruntime": "engines/onnx.py",
    "soxr": "sound/mix.py",
}
# Stages in data-flow order: a module never imports one that comes after it.
ORDER = ["models", "errors", "report", "terminal", "config", "layout", "digest", "speech", "script", "parts",
         "engines", "sound", "render", "assemble", "publish", "pipeline", "cli"]


def imports(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            if node.level == 0 and node.module:
                names.add(node.module)
            elif node.level == 1 and node.module:
                names.add("." + node.module)
            elif node.level == 1:
                names |= {"." + alias.name for alias in node.names}
    return names


def modules() -> dict[str, set[str]]:
    return {p.relative_to(PACKAGE).as_posix(): imports(p) for p in PACKAGE.rglob("*.py")}


def test_each_library_is_imported_by_one_module() -> None:
    for module, names in modules().items():
        for name in names:
            top = name.split(".")[0]
            if top in OWNERS:
                assert OWNERS[top] == module, f"{module} imports {top}; only {OWNERS[top]} may"


def test_stages_import_only_earlier_stages() -> None:
    for module, names in modules().items():
        stage = module.split("/")[0].removesuffix(".py")
        if stage not in ORDER or "/" in module:
            continue
        for name in names:
            if name.startswith("."):
                other = name[1:].split(".")[0]
                if other in ORDER:
                    assert ORDER.index(other) < ORDER.index(stage), f"{module} imports later stage {other}"
