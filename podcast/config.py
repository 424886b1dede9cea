"""Show settings: defaults, overridden by podcast.toml in the show folder."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import tomllib
import urllib.parse
import zoneinfo
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, ClassVar, Final

from . import dates
from .categories import APPLE_CATEGORIES
from .errors import ConfigError, did_you_mean

CONFIG_FILE: Final = "podcast.toml"
BITRATES: Final = tuple(f"{k}k" for k in (32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320))
"""Constant bit rates LAME writes for 44.1 kHz MPEG-1 Layer III."""




def setting_range(default: Any, low: float, high: float) -> Any:
    """A field whose value must lie in [low, high]: checked when settings are read."""
    return field(default=default, metadata={"range": (low, high)})


@dataclass(frozen=True)
class VoiceProfile:
    """How one voice speaks, read from voices/NAME.toml: what every engine's settings share. Each engine types its
    own keys in a subclass beside it (engines/kokoro.py: KokoroVoice), checked when the profile is read."""

    engine: ClassVar[str] = ""
    """The engine's name in the registry (engines/__init__.py), as voices/NAME.toml writes it."""
    voice: str = ""
    """Engine voice id (`podcast voices` lists them); empty: the engine's default."""
    source: str = field(default="", compare=False, metadata={"internal": True})
    """The file the profile was read from, for error messages (not a setting)."""
    phonemes: tuple[tuple[str, str], ...] = field(default=(), metadata={"internal": True})
    """The show lexicon's [phonemes] (word, phonemes), for engines that take phonemes (not a setting)."""


@dataclass(frozen=True)
class AudioSettings:
    """Pacing, jingles and encoding."""

    bitrate: str = "96k"
    """MP3 bit rate (constant), e.g. "96k" or "128k"."""
    encoder_quality: int = setting_range(3, 0, 9)
    """LAME's algorithm quality, 0 (best, slowest) to 9 (fastest); 3 is LAME's own default."""
    channels: int = setting_range(1, 1, 2)
    sample_rate: int = 44100
    pause_sentence_ms: int = setting_range(180, 0, 5000)
    """Silence after a sentence (the engine's own trailing silence is trimmed)."""
    pause_paragraph_ms: int = setting_range(500, 0, 5000)
    """Silence after a headline or paragraph."""
    pause_story_ms: int = setting_range(900, 0, 10000)
    """Silence between stories."""
    pause_section_ms: int = setting_range(600, 0, 10000)
    """Silence around a section stinger."""
    intro_jingle: str = ""
    """Path to the producer's own intro audio; empty: the generated theme."""
    stinger: str = ""
    """Path to the producer's own section stinger; empty: the generated one."""
    outro_jingle: str = ""
    """Path to the producer's own outro audio; empty: the generated theme."""
    music_bed: str = ""
    """Path to the producer's own music bed under the show intro; empty: the generated one."""
    bed_level_db: float = setting_range(-22.0, -60.0, 0.0)
    """Level of the music bed under the voice, relative to the voice (ducking)."""
    music_level_db: float = setting_range(-3.0, -40.0, 6.0)
    """Level of jingles relative to the voice."""
    render_timeout_s: float = setting_range(60.0, 0.1, 3600.0)
    """A speech engine call taking longer is abandoned and retried (twice), then the build fails."""
    loudness_lufs: float = setting_range(-16.0, -30.0, -10.0)
    true_peak_db: float = setting_range(-1.5, -9.0, 0.0)

    def jingle_files(self) -> dict[str, str]:
        """The producer's own jingle file for each jingle a part plays ("" where the built-in one plays), in the
        one place that maps the settings' names to the parts' names: theme, stinger, outro, bed."""
        return {"theme": self.intro_jingle, "stinger": self.stinger, "outro": self.outro_jingle, "bed": self.music_bed}


@dataclass(frozen=True)
class RenderSettings:
    """Where parts are made: this machine's cores, or a Dask cluster."""

    scheduler: str = ""
    """A Dask scheduler, e.g. "tcp://10.0.0.5:8786" or "tls://render.internal:8786"; empty: the local cores."""
    tls_ca: str = ""
    """For tls://: the CA certificate that signed the scheduler's."""
    tls_cert: str = ""
    """For tls://: this client's certificate."""
    tls_key: str = ""
    """For tls://: this client's private key."""
    workers: int = setting_range(0, 0, 256)
    """How many of this machine's cores render, hear and mix (0: all of them); on a shared machine, fewer."""


PROOF_MODES: Final = ("report", "strict", "off")


@dataclass(frozen=True)
class ProofSettings:
    """The proof: every rendered sentence heard back by an independent speech recognizer and checked."""

    mode: str = "report"
    """"report": flagged sentences are listed (proof.json, proof.html, the build's summary line); "strict": an
    episode with a flagged sentence that could not be repaired is not published; "off": nothing is heard."""
    threshold: float = setting_range(0.8, 0.0, 1.0)
    """Lowest share of a sentence's words that must be heard as said (or sounding alike) for it to pass; a wrong
    figure, a missing or added run of words, or another word in place of one flags it whatever this is."""
    repair: bool = True
    """Whether a flagged sentence is rendered again (split at a comma, a little slower) and the better-heard
    take kept."""


@dataclass(frozen=True)
class PublishSettings:
    """Where `podcast publish` copies what the show folder publishes, and whom it tells. Never a secret here:
    credentials come from each system's own places (AWS variables and profiles, SSH keys and agent)."""

    to: str = ""
    """Destination: "s3://bucket/prefix/", "sftp://user@host/var/www/podcast/", a local folder, or any other
    installed fsspec protocol; empty: `podcast publish` needs --to."""
    endpoint_url: str = ""
    """An S3-compatible store's endpoint (R2, B2, MinIO); empty: $AWS_ENDPOINT_URL, else AWS itself."""
    websub_hub: str = ""
    """A WebSub hub (e.g. "https://pubsubhubbub.appspot.com/"): named in the feeds and told after each publish."""
    known_hosts: str = ""
    """For sftp://: the known_hosts file the host's key must be in (OpenSSH's format); empty: ~/.ssh/known_hosts."""


MAIL_WHEN: Final = ("problems", "always")
@dataclass(frozen=True)
class NotifySettings:
    """Whom a build tells how it went, so that a failure at dawn is heard. Never a secret here: secret URLs and
    the SMTP password come from the environment (README, Notices)."""

    webhook: str = ""
    """A URL sent a small JSON message after each build (Slack, Matrix); empty: $PODCAST_WEBHOOK_URL, or none."""
    healthcheck: str = ""
    """Pinged at start, success and failure (healthchecks.io, Uptime Kuma); empty: $PODCAST_HEALTHCHECK_URL."""
    mail_to: str = ""
    """Addresses mailed after a build, separated by commas; empty: no mail."""
    mail_from: str = ""  # the sender; empty: the show's `email`
    smtp: str = ""
    """"smtp://[user@]host:587" (STARTTLS when offered) or "smtps://host:465"; empty: smtp://localhost:25."""
    mail_when: str = "problems"
    """"problems": mail a failure or a proof with flags; "always": every build."""


GREETINGS: Final = ("read", "skip")


@dataclass(frozen=True)
class DigestSettings:
    """The house style of the show's digests, for what no heuristic can know: lines matching a pattern (a Python
    regular expression, searched in the line as written) are section headers, headlines, credit lines or
    furniture to drop, whatever their shape. `podcast outline` shows the effect."""

    sections: tuple[str, ...] = ()
    """Patterns of section header lines, e.g. ["^[A-Z &]+$"]."""
    headlines: tuple[str, ...] = ()
    """Patterns of headline lines, e.g. ["^• "]."""
    credits: tuple[str, ...] = ()
    """Patterns of credit lines under a story (kept, read only with read_credits), e.g. ["^Photo "]."""
    drop: tuple[str, ...] = ()
    """Patterns of lines never read (listed by `podcast outline`), e.g. ["^Sponsored by", "^Advertisement$"]."""
    greeting: str = "read"
    """The newsletter's own greeting before its first section: "read" in the opening, or "skip"."""


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
    cover_subtitle: str = "Your daily news briefing"
    """The line under the title on the generated cover; empty: none."""
    timezone: str = "UTC"
    """IANA zone for publication times, e.g. "Asia/Hong_Kong"."""
    publish_time: str = "06:00"
    """Local time of day each episode is dated at in the feed."""
    category: str = "News"
    """Apple Podcasts category (checked against Apple's list)."""
    subcategory: str = "Daily News"
    """Apple Podcasts subcategory of `category`; empty: none."""
    explicit: bool = False
    copyright: str = ""
    rundown: bool = True
    """Whether the intro reads the lead headline of each section (else it only counts the stories)."""
    read_datelines: bool = True
    """Whether a wire story's dateline (`LONDON (Reuters) -`) is read, as "London, Reuters."; false drops it."""
    read_credits: bool = False
    """Whether the credit lines under a story ("Reporting by ...; Editing by ...") are read; they are kept either
    way, and never become a section."""
    date_order: str = ""
    """How digests write numeric dates like 03/05/2026: "MDY" or "DMY"; empty: DMY for en-GB, else MDY."""
    domain: str = ""
    """What the show is about, for readings a story's words cannot settle: "shipping" (also "maritime", "trade",
    "logistics", "ports") reads "3,400 nm" as nautical miles in every story, "science" or "technology" as
    nanometres; empty: each story's own words decide. `podcast outline` lists every reading guessed."""
    voice: str = "default"
    """Voice profile (voices/NAME.toml) that reads the stories; "default" and "anchor" exist without a file."""
    anchor_voice: str = "anchor"
    """Voice profile for the intro, section intros and sign-off (voices/anchor.toml); empty: the same as `voice`."""
    keep_episodes: int = setting_range(0, 0, 100_000)
    """After each build, only the newest N episodes stay in the feeds; 0 keeps them all."""
    keep_days: int = setting_range(0, 0, 100_000)
    """After each build, episodes older than N days leave the feeds; 0 keeps them all."""
    prune_audio: bool = False
    """Whether episodes that leave the feeds by keep_episodes/keep_days also lose their files."""
    host: str = ""
    """The host's name, written as podcast:person (role host); empty: none."""
    editor: str = ""
    """The editor's name, written as podcast:person (role editor); empty: none."""
    funding_url: str = ""
    """Where listeners support the show (podcast:funding); empty: none."""
    funding_text: str = "Support the show"
    """The line apps show on the funding link."""
    apple_verification: str = ""
    """The token Apple Podcasts Connect gives to prove ownership (podcast:txt); empty: none."""
    locked: bool = False
    """Whether other hosts may not import the feed (podcast:locked, with `email` as the owner)."""
    opus_kbps: int = setting_range(28, 0, 64)
    """Bit rate of the small Opus file for slow connections (podcast:alternateEnclosure); 0: no Opus file."""
    headlines_edition: bool = True
    """Whether each build also makes the short headlines edition and its feed, feed-headlines.xml."""
    audio: AudioSettings = field(default_factory=AudioSettings)
    render: RenderSettings = field(default_factory=RenderSettings)
    proof: ProofSettings = field(default_factory=ProofSettings)
    publish: PublishSettings = field(default_factory=PublishSettings)
    notify: NotifySettings = field(default_factory=NotifySettings)
    digest: DigestSettings = field(default_factory=DigestSettings)

    @property
    def tz(self) -> dt.tzinfo:
        return zoneinfo.ZoneInfo(self.timezone)

    def url(self, relative: str) -> str:
        """An absolute, ASCII URL: a non-ASCII host in IDNA, anything else percent-encoded."""
        parts = urllib.parse.urlsplit(self.base_url.rstrip("/") + "/" + relative.lstrip("/"))
        host = parts.netloc if parts.netloc.isascii() else parts.netloc.encode("idna").decode()
        path = urllib.parse.quote(parts.path, safe="/%~")
        return urllib.parse.urlunsplit((parts.scheme, host, path, parts.query, parts.fragment))


_KINDS: Final = {str: "text in quotes", int: "a whole number", float: "a number", bool: "true or false",
                 tuple: "a list of text in quotes"}


def build_settings(cls: type[Any], table: dict[str, Any], where: str, file: str = "", name: str = "") -> Any:
    """Make `cls` from a TOML table, refusing unknown keys and wrong types.

    `name` is the table's full name as the producer wrote it ("show.audio"), so that
    an error in a nested table names `[show.audio]`, not a shortened `[audio]`.
    """
    fields = {f.name: f for f in dataclasses.fields(cls)}
    settings = [f.name for f in fields.values() if not f.metadata.get("internal")]
    values: dict[str, Any] = {}
    for key, value in table.items():
        if key not in settings:
            raise ConfigError(where, f"unknown setting {key!r}{did_you_mean(key, settings)}")
        default = getattr(cls(), key)
        if dataclasses.is_dataclass(default):
            inner = f"{name}.{key}" if name else key
            if not isinstance(value, dict):
                raise ConfigError(where, f"[{inner}] must be a table")
            values[key] = build_settings(type(default), value, f"{file or where} [{inner}]", file or where, inner)
            continue
        if isinstance(default, float) and isinstance(value, int) and not isinstance(value, bool):
            value = float(value)
        if isinstance(default, tuple) and isinstance(value, list) and all(isinstance(v, str) for v in value):
            value = tuple(value)
        if type(value) is not type(default):
            raise ConfigError(where, f"{key} must be {_KINDS[type(default)]}, not {value!r}")
        low_high = fields[key].metadata.get("range")
        if low_high and not low_high[0] <= value <= low_high[1]:
            raise ConfigError(where, f"{key} = {value!r} is out of range ({low_high[0]:g} to {low_high[1]:g})")
        values[key] = value
    return cls(**values)


def read_toml(path: Path) -> dict[str, Any]:
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
    return read_settings(path)


def read_settings(path: Path) -> ShowConfig:
    """Settings from one file, checked."""
    data = read_toml(path)
    unknown = set(data) - {"show"}
    if unknown:
        raise ConfigError(path, f"unknown table {sorted(unknown)[0]!r} (settings go under [show])")
    config: ShowConfig = build_settings(ShowConfig, data.get("show", {}), str(path), name="show")
    try:
        zoneinfo.ZoneInfo(config.timezone)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError) as exc:
        raise ConfigError(path, f"unknown time zone {config.timezone!r}") from exc
    if config.render.scheduler and not re.match(r"(?:tcp|tls|inproc)://[^\s/]+$", config.render.scheduler):
        raise ConfigError(f"{path} [show.render]",
                          f"scheduler {config.render.scheduler!r} must look like tcp://HOST:8786")
    if not dates.known_language(config.language):
        raise ConfigError(path, f"language {config.language!r} is not a language tag Babel knows (e.g. \"en-US\")")
    if config.proof.mode not in PROOF_MODES:
        raise ConfigError(f"{path} [show.proof]",
                          f"mode must be one of {', '.join(PROOF_MODES)}, not {config.proof.mode!r}")
    _check_publish(path, config.publish)
    _check_notify(path, config.notify)
    _check_digest(path, config.digest)
    if config.date_order not in ("", "MDY", "DMY"):
        raise ConfigError(path, f"date_order must be \"MDY\", \"DMY\" or empty, not {config.date_order!r}")
    if config.category not in APPLE_CATEGORIES:
        raise ConfigError(path, f"category {config.category!r} is not one of Apple's: {', '.join(APPLE_CATEGORIES)}")
    if config.subcategory and config.subcategory not in APPLE_CATEGORIES[config.category]:
        known = ", ".join(APPLE_CATEGORIES[config.category]) or "none"
        raise ConfigError(path, f"subcategory {config.subcategory!r} is not one of {config.category}'s: {known}")
    if config.opus_kbps and config.opus_kbps < 6:
        raise ConfigError(path, f"opus_kbps {config.opus_kbps} is below Opus's lowest rate (6), or 0 for none")
    if config.funding_url and not re.match(r"https?://\S+$", config.funding_url):
        raise ConfigError(path, f"funding_url {config.funding_url!r} must be an http(s) address")
    if config.audio.sample_rate != 44100:
        raise ConfigError(path, f"sample_rate {config.audio.sample_rate} is not supported (only 44100)")
    if config.audio.bitrate not in BITRATES:
        raise ConfigError(path, f"bitrate {config.audio.bitrate!r} must be one of {', '.join(BITRATES)}")
    try:
        dt.time.fromisoformat(config.publish_time)
    except ValueError as exc:
        raise ConfigError(path, f"publish_time must be HH:MM, not {config.publish_time!r}") from exc
    return config


def _check_digest(path: Path, settings: DigestSettings) -> None:
    """Patterns that compile, and a greeting setting that is one of the two."""
    for key in ("sections", "headlines", "credits", "drop"):
        for pattern in getattr(settings, key):
            try:
                re.compile(pattern)
            except re.error as exc:
                raise ConfigError(path, f"[show.digest] {key}: {pattern!r} is not a regular expression ({exc})") \
                    from None
    if settings.greeting not in GREETINGS:
        raise ConfigError(path, f"[show.digest] greeting must be \"read\" or \"skip\", not {settings.greeting!r}")


def _check_publish(path: Path, settings: PublishSettings) -> None:
    """URLs that can be used, and no password in them: podcast.toml is shared, backed up and committed."""
    for key in ("to", "endpoint_url", "websub_hub"):
        value = getattr(settings, key)
        parts = urllib.parse.urlsplit(value)
        if "://" in value and parts.password is not None:
            raise ConfigError(path, f"[show.publish] {key} holds a password; podcast.toml never holds a secret "
                                    "(use SSH keys or the agent, or the AWS variables and profiles)")
    for key in ("endpoint_url", "websub_hub"):
        value = getattr(settings, key)
        if value and not re.match(r"https?://[^\s/]+", value):
            raise ConfigError(path, f"[show.publish] {key} {value!r} must be an http:// or https:// URL")



def _check_notify(path: Path, settings: NotifySettings) -> None:
    """URLs that can be used and hold no password; a known choice of when to mail."""
    where = f"{path} [show.notify]"
    web = ("http", "https")
    for key, schemes in (("webhook", web), ("healthcheck", web), ("smtp", ("smtp", "smtps"))):
        value, parts = getattr(settings, key), urllib.parse.urlsplit(getattr(settings, key))
        if value and (parts.scheme not in schemes or not parts.hostname):
            raise ConfigError(where, f"{key} {value!r} must be a {' or '.join(s + '://' for s in schemes)} URL")
        if value and parts.password is not None:  # podcast.toml is shared: secrets come from the environment
            raise ConfigError(where, f"{key} holds a password; podcast.toml never holds a secret (README, Notices)")
    if settings.mail_when not in MAIL_WHEN:
        raise ConfigError(where, f"mail_when must be one of {', '.join(MAIL_WHEN)}, not {settings.mail_when!r}")
