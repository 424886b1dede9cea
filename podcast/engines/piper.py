"""Piper through piper-tts: a natural voice about eight times faster than Kokoro, 22.05 kHz.

Piper adds random noise to each sentence's sound and timing; both are turned off
so that the same text always gives the same bytes (a re-render never changes a
published URL for nothing).
"""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass
from importlib.metadata import version
from pathlib import Path
from typing import Any

import numpy as np

from ..config import VoiceProfile, setting_range
from ..errors import ConfigError, RenderError, did_you_mean
from . import Voice, assets, onnx
from .wav import write_wav


@dataclass(frozen=True)
class PiperVoice(VoiceProfile):
    """A Piper voice: voices/NAME.toml with engine = "piper"."""

    engine = "piper"
    speed: float = setting_range(1.0, 0.5, 2.0)
    """Speaking speed, 1.0 is the voice's own pace."""
    model: str = ""
    """A model file of your own (.onnx, with MODEL.json beside it); empty: the installed voice named by `voice`."""


class PiperEngine:
    """Piper: one model file per voice, 22.05 kHz."""

    Settings = PiperVoice

    def __init__(self, profile: PiperVoice) -> None:
        self.profile = profile
        self._voice: Any = None

    @property
    def _where(self) -> str:
        return self.profile.source or "voice profile"

    def _model(self) -> Path:
        if self.profile.model:
            model = assets.own_file(self.profile.model, "Piper model")
            assets.own_file(f"{model}.json", "Piper model's .onnx.json")
            return model
        name = self.profile.voice or assets.PIPER_DEFAULT
        models = assets.piper_models()
        if name not in models:
            known = ", ".join(models) or "none installed"
            raise ConfigError(self._where, f"unknown Piper voice {name!r}{did_you_mean(name, models)} (installed: "
                                           f"{known}); set `model` for others")
        return models[name]

    @property
    def key(self) -> str:
        model = self._model()
        return (f"piper-tts {version('piper-tts')}|{assets.file_hash(model)}|"
                f"{assets.file_hash(Path(f'{model}.json'))}|{self.profile.speed}|noise-off")

    def start(self) -> None:
        self._model()

    def reset(self) -> None:
        _loaded.cache_clear()
        self._voice = None

    def _piper(self) -> Any:
        if self._voice is None:
            self._voice = _loaded(self._model())
        return self._voice

    def render(self, text: str, path: Path) -> None:
        if not text.strip():
            raise RenderError("cannot render empty text")
        from piper.config import SynthesisConfig

        voice = self._piper()
        config = SynthesisConfig(length_scale=voice.config.length_scale / self.profile.speed,
                                 noise_scale=0.0, noise_w_scale=0.0)
        chunks = [chunk.audio_float_array for chunk in voice.synthesize(text, syn_config=config)]
        if not chunks:
            raise RenderError("Piper produced no audio")
        write_wav(path, np.concatenate(chunks), voice.config.sample_rate)

    def voices(self) -> list[Voice]:
        out = []
        for name, model in assets.piper_models().items():
            language = json.loads(Path(f"{model}.json").read_text()).get("language", {}).get("code", "")
            out.append(Voice(name, name, (language,), ""))
        return out


@functools.lru_cache(maxsize=4)
def _loaded(model: Path) -> Any:
    """One loaded voice per model file per process, shared by every profile that uses it."""
    from piper import PiperVoice
    from piper.config import PiperConfig

    config = PiperConfig.from_dict(json.loads(Path(f"{model}.json").read_text()))
    return PiperVoice(config=config, session=onnx.session(model))


ENGINES = {"piper": PiperEngine}
