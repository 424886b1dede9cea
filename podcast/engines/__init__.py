"""Speech engines: one registry from name to engine, one module per engine, each the only importer of its library.

An engine renders one sentence of already verbalized text to one WAV file at its
own sample rate; the audio stage resamples. Each engine types its own settings (a
`VoiceProfile` subclass beside it), so voices/NAME.toml is checked against the keys
its engine reads when it is loaded. A new engine is one module here, with its class
in that module's ENGINES and one line in REGISTRY.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from importlib import import_module
from pathlib import Path
from typing import Any, ClassVar, Final, Protocol

from ..config import VoiceProfile, build_settings, read_toml
from ..errors import ConfigError, PodcastError, did_you_mean
from ..langtag import same_language
from ..language import pack_for


@dataclass(frozen=True)
class Voice:
    """One voice an installed engine offers, as `podcast voices` lists it."""

    id: str
    name: str
    languages: tuple[str, ...]
    gender: str = ""
    """"female", "male", or "" where the engine does not say (eSpeak NG's metadata is meaningless)."""


class Engine(Protocol):
    """Renders one text to one WAV file."""

    Settings: ClassVar[type[VoiceProfile]]
    """The engine's typed voice settings."""

    @property
    def key(self) -> str:
        """Everything that changes the sound, for the render cache."""
        ...

    def start(self) -> None:
        """Load the engine and check its settings, before anything is written."""
        ...

    def reset(self) -> None:
        """Drop a stuck engine; the next render starts a fresh one."""
        ...

    def render(self, text: str, path: Path) -> None:
        """Speak `text` into the WAV file `path`."""
        ...

    def voices(self) -> list[Voice]:
        """Every voice this engine offers here."""
        ...


REGISTRY: Final = {"kokoro": "kokoro", "piper": "piper", "pyttsx3": "pyttsx3", "tone": "tone"}
"""Engine name (as voices/NAME.toml writes it) -> the module of this package that holds it; the module is imported
only when a profile names it. "tone" is for tests and dry runs. An engine outside the package is named by its import
path, "package.module:Class"."""
LISTED: Final = ("kokoro", "piper", "pyttsx3")
"""The engines for listeners, whose voices `podcast voices` lists."""
DEFAULT_ENGINE: Final = "kokoro"
"""The engine of a profile that names none."""


def engine_class(name: str, where: str | Path = "") -> Any:
    """The class registered as `name`, or named by its import path ("package.module:Class")."""
    if ":" in name:
        module, _, attribute = name.partition(":")
        try:
            return getattr(import_module(module), attribute)
        except (ImportError, AttributeError) as exc:
            raise ConfigError(where or f"engine {name!r}", f"cannot load engine {name!r}: {exc}") from None
    if name not in REGISTRY:
        raise ConfigError(where or f"engine {name!r}", f"unknown engine {name!r} (use {', '.join((*LISTED, 'tone'))})")
    return import_module(f"{__name__}.{REGISTRY[name]}").ENGINES[name]


def makes_speech(profile: VoiceProfile) -> bool:
    """Whether the profile's engine speaks (the test tone does not: the proof has nothing to hear in it)."""
    return bool(getattr(engine_class(profile.engine, profile.source), "SPEECH", True))


def make_engine(profile: VoiceProfile) -> Engine:
    """A new engine for the profile (its class is the profile's engine)."""
    engine: Engine = engine_class(profile.engine, profile.source)(profile)
    return engine


_built: dict[VoiceProfile, Engine] = {}
_started: set[VoiceProfile] = set()


def built_engine(profile: VoiceProfile) -> Engine:
    """The process's one engine for this voice: built on first use, never per part or per sentence."""
    if profile not in _built:
        _built[profile] = make_engine(profile)
    return _built[profile]


def started_engine(profile: VoiceProfile) -> Engine:
    """The process's one engine for this voice, started (models loaded, settings checked) once."""
    engine = built_engine(profile)
    if profile not in _started:
        engine.start()
        _started.add(profile)
    return engine


BUILTIN_VOICES: Final[dict[str, tuple[str, dict[str, Any]]]] = {
    "default": ("kokoro", {"voice": "af_heart"}),
    "anchor": ("kokoro", {"voice": "am_michael", "speed": 1.1}),
}
"""The profiles a show has without a file: the reader ("default") and the anchor. A show in another language gets
its language's Kokoro voices instead (language/packs.py)."""


def _no_profile(show_dir: Path, name: str) -> str:
    """Why NAME is not a profile, and what the producer probably meant: a near name, or a voice id put where a
    profile goes (`voice = "af_bella"` in podcast.toml)."""
    profiles = sorted({p.stem for p in (show_dir / "voices").glob("*.toml") if p.stem != "lexicon"}
                      | set(BUILTIN_VOICES))
    known = f"a profile is a file in voices/ (this show has {', '.join(profiles)})"
    engine = engine_of_voice(name)
    if engine:
        return (f"no voice profile named {name!r}: {known}, and {name!r} is a {engine} voice id, which goes inside "
                f'one: engine = "{engine}" and voice = "{name}" in voices/default.toml, for example')
    return f"no voice profile named {name!r}{did_you_mean(name, profiles)}: {known}"


def load_voice(show_dir: Path, name: str, language: str = "en") -> VoiceProfile:
    """The voice profile voices/NAME.toml, checked against its engine's settings, or the built-in one of that name
    for the show's language; file paths made absolute. A Kokoro voice of another language than the show's is
    refused unless its profile sets cross_language."""
    path = show_dir / "voices" / f"{name}.toml"
    pack = pack_for(language)
    if not path.exists():
        if name in BUILTIN_VOICES:
            engine, values = BUILTIN_VOICES[name]
            if pack is not None:
                values = {"voice": pack.reader if name == "default" else pack.anchor}
            builtin: VoiceProfile = engine_class(engine).Settings(**values)
            return builtin
        raise ConfigError(path, _no_profile(show_dir, name))
    table = read_toml(path)
    engine = table.pop("engine", DEFAULT_ENGINE)
    if not isinstance(engine, str):
        raise ConfigError(path, f"engine must be text in quotes, not {engine!r}")
    profile: VoiceProfile = build_settings(engine_class(engine, path).Settings, table, str(path))
    paths: dict[str, Any] = {key: str(show_dir / value) for key in ("model", "voices")
             if isinstance(value := getattr(profile, key, ""), str) and value and not Path(value).is_absolute()}
    profile = dataclasses.replace(profile, source=str(path), **paths)
    spoken = profile.speaks() if hasattr(profile, "speaks") else ""
    wanted = pack.kokoro_lang if pack is not None else "en"
    if spoken and not same_language(spoken, wanted) and not getattr(profile, "cross_language", False):
        raise ConfigError(path, f"voice {profile.voice or 'default'!r} speaks {spoken}, but the show is in "
                          f"{language}; choose a voice of that language (`podcast voices --language {language}`) "
                          "or set cross_language = true")
    return profile


def all_voices() -> list[tuple[str, Voice]]:
    """(engine, voice) for every voice of every installed engine; an engine that cannot load lists none."""
    rows = []
    for name in LISTED:
        try:
            engine = engine_class(name)
            rows += [(name, voice) for voice in engine(engine.Settings()).voices()]
        except (PodcastError, OSError, ImportError):
            continue
    return rows


def engine_of_voice(voice_id: str) -> str | None:
    """The installed engine that has a voice with this id, if any (to explain a voice id put where a profile goes)."""
    return next((engine for engine, voice in all_voices() if voice.id == voice_id), None)
