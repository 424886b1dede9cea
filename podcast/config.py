"""Show settings: defaults, overridden by podcast.toml in the show folder."""

from __future__ import annotations

import dataclasses
import datetime as dt
import tomllib
import urllib.parse
import zoneinfo
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Final

from .errors import ConfigError

CONFIG_FILE: Final = "podcast.toml"


@dataclass(frozen=True)
class VoiceProfile:
    """How one voice speaks; read from voices/NAME.toml."""

    engine: str = "pyttsx3"
    """"pyttsx3" (eSpeak NG) or "tone" (a fast stand-in for tests)."""
    voice: str = "gmw/en-us"
    """Engine voice id; `podcast voices` lists them."""
    rate: int = 175
    """Words per minute; 160-185 is a comfortable news pace."""
    volume: float = 1.0
    """0.0-1.0, applied by the engine."""
    pitch: int = 50
    """0-100; eSpeak NG's default is 50."""


@dataclass(frozen=True)
class AudioSettings:
    """Pacing, jingles and encoding."""

    bitrate: str = "96k"
    """MP3 bit rate (constant), e.g. "96k" or "128k"."""
    encoder_quality: int = 3
    """LAME's algorithm quality, 0 (best, slowest) to 9 (fastest); 3 is LAME's own default."""
    channels: int = 1
    sample_rate: int = 44100
    pause_sentence_ms: int = 180
    """Silence after a sentence (the engine's own trailing silence is trimmed)."""
    pause_paragraph_ms: int = 500
    """Silence after a headline or paragraph."""
    pause_story_ms: int = 900
    """Silence between stories."""
    pause_section_ms: int = 600
    """Silence around a section stinger."""
    intro_jingle: str = ""
    """Path to the producer's own intro audio; empty: the generated theme."""
    stinger: str = ""
    """Path to the producer's own section stinger; empty: the generated one."""
    outro_jingle: str = ""
    """Path to the producer's own outro audio; empty: the generated theme."""
    music_bed: str = ""
    """Path to the producer's own music bed under the show intro; empty: the generated one."""
    bed_level_db: float = -22.0
    """Level of the music bed under the voice, relative to the voice (ducking)."""
    music_level_db: float = -3.0
    """Level of jingles relative to the voice."""
    render_timeout_s: float = 60.0
    """A speech engine call taking longer is abandoned and retried (twice), then the build fails."""
    loudness_lufs: float = -16.0
    true_peak_db: float = -1.5


@dataclass(frozen=True)
class ShowConfig:
    """Everything about the show that is not in a digest."""

    title: str = "Daily Buzz"
    author: str = "Daily Buzz Newsroom"
    email: str = "newsroom@example.com"
    description: str = "A spoken daily briefing of the news that matters, in about ten minutes."
    base_url: str = "http://localhost:8000/"
    """Where the show folder is served; every URL in the feed starts with it."""
    language: str = "en"
    artwork: str = ""
    """Path to a square JPEG/PNG cover; empty: a cover is generated as cover.png."""
    timezone: str = "UTC"
    """IANA zone for publication times, e.g. "Asia/Hong_Kong"."""
    publish_time: str = "06:00"
    """Local time of day each episode is dated at in the feed."""
    explicit: bool = False
    copyright: str = ""
    voice: str = "default"
    """Voice profile (voices/NAME.toml) that reads the stories."""
    anchor_voice: str = ""
    """Voice profile for the intro, section intros and sign-off; empty: the same as `voice`."""
    audio: AudioSettings = field(default_factory=AudioSettings)

    @property
    def tz(self) -> dt.tzinfo:
        return zoneinfo.ZoneInfo(self.timezone)

    def url(self, relative: str) -> str:
        """An absolute, ASCII URL: a non-ASCII host in IDNA, anything else percent-encoded."""
        parts = urllib.parse.urlsplit(self.base_url.rstrip("/") + "/" + relative.lstrip("/"))
        host = parts.netloc if parts.netloc.isascii() else parts.netloc.encode("idna").decode()
        path = urllib.parse.quote(parts.path, safe="/%~")
        return urllib.parse.urlunsplit((parts.scheme, host, path, parts.query, parts.fragment))


def _build(cls: type[Any], table: dict[str, Any], where: str) -> Any:
    """Make `cls` from a TOML table, refusing unknown keys and wrong types."""
    fields = {f.name: f for f in dataclasses.fields(cls)}
    values: dict[str, Any] = {}
    for key, value in table.items():
        if key not in fields:
            raise ConfigError(where, f"unknown setting {key!r}")
        default = getattr(cls(), key)
        if dataclasses.is_dataclass(default):
            if not isinstance(value, dict):
                raise ConfigError(where, f"[{key}] must be a table")
            values[key] = _build(type(default), value, f"{where} [{key}]")
            continue
        if isinstance(default, float) and isinstance(value, int) and not isinstance(value, bool):
            value = float(value)
        if type(value) is not type(default):
            raise ConfigError(where, f"{key} must be a {type(default).__name__}")
        values[key] = value
    return cls(**values)


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as fh:
            return tomllib.load(fh)
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(path, f"cannot read settings: {exc}") from exc


def load_config(show_dir: Path) -> ShowConfig:
    """The show's settings: defaults overridden by podcast.toml's [show] table."""
    path = show_dir / CONFIG_FILE
    if not path.exists():
        return ShowConfig()
    data = _read_toml(path)
    unknown = set(data) - {"show"}
    if unknown:
        raise ConfigError(path, f"unknown table {sorted(unknown)[0]!r} (settings go under [show])")
    config: ShowConfig = _build(ShowConfig, data.get("show", {}), str(path))
    try:
        zoneinfo.ZoneInfo(config.timezone)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError) as exc:
        raise ConfigError(path, f"unknown time zone {config.timezone!r}") from exc
    try:
        dt.time.fromisoformat(config.publish_time)
    except ValueError as exc:
        raise ConfigError(path, f"publish_time must be HH:MM, not {config.publish_time!r}") from exc
    return config


def load_voice(show_dir: Path, name: str) -> VoiceProfile:
    """The voice profile voices/NAME.toml; the built-in default when it does not exist."""
    path = show_dir / "voices" / f"{name}.toml"
    if not path.exists():
        if name == "default":
            return VoiceProfile()
        raise ConfigError(path, f"no voice profile named {name!r}")
    profile: VoiceProfile = _build(VoiceProfile, _read_toml(path), str(path))
    return profile
