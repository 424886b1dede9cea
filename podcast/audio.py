"""Joining speech, pauses and jingles into the episode and section clips; MP3 export."""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from math import gcd
from pathlib import Path

import numpy as np
from pydub import AudioSegment
from pydub.exceptions import CouldntDecodeError, CouldntEncodeError
from scipy.signal import resample_poly

from . import jingles, loudness
from .config import AudioSettings
from .errors import AudioError, ConfigError, MissingToolError
from .models import Chapter, Script

RATE = jingles.RATE


@dataclass(frozen=True)
class Cue:
    """One spoken chunk's place on the episode's timeline."""

    start_ms: int
    end_ms: int
    text: str


@dataclass(frozen=True)
class Programme:
    """The mixed episode, its chapters and cues, and one short programme per section."""

    samples: np.ndarray
    chapters: tuple[Chapter, ...]
    cues: tuple[Cue, ...]
    clips: tuple[np.ndarray, ...]

    @property
    def duration_s(self) -> float:
        return len(self.samples) / RATE


def require_ffmpeg() -> None:
    if shutil.which("ffmpeg") is None:
        raise MissingToolError("ffmpeg", "ffmpeg")


def load_audio(path: Path) -> np.ndarray:
    """Any audio file ffmpeg reads, as mono float32 at 44.1 kHz."""
    try:
        segment = AudioSegment.from_file(str(path)).set_channels(1).set_sample_width(2)
    except (CouldntDecodeError, OSError, IndexError) as exc:
        raise AudioError(f"{path}: cannot decode audio: {exc}") from exc
    samples = np.frombuffer(segment.raw_data, dtype=np.int16).astype(np.float32) / 32768
    if segment.frame_rate != RATE:
        g = gcd(RATE, segment.frame_rate)
        samples = resample_poly(samples, RATE // g, segment.frame_rate // g).astype(np.float32)
    return samples


def _jingle(custom: str, show_dir: Path, default: np.ndarray) -> np.ndarray:
    if not custom:
        return default
    path = show_dir / custom
    if not path.is_file():
        raise ConfigError(path, "jingle file not found")
    return load_audio(path)


def _silence(ms: int) -> np.ndarray:
    return np.zeros(int(RATE * ms / 1000), dtype=np.float32)


class _Timeline:
    """Pieces appended in order and joined once (never by repeated concatenation)."""

    def __init__(self) -> None:
        self.pieces: list[np.ndarray] = []
        self.frames = 0

    def add(self, samples: np.ndarray) -> None:
        self.pieces.append(samples)
        self.frames += len(samples)

    @property
    def ms(self) -> int:
        return self.frames * 1000 // RATE

    def join(self) -> np.ndarray:
        return np.concatenate(self.pieces) if self.pieces else np.zeros(0, np.float32)


def assemble(
    script: Script, wavs: dict[str, Path], settings: AudioSettings, show_dir: Path
) -> Programme:
    """Lay out the episode: theme, intro, then per section a stinger, its intro and stories."""
    def leveled(samples: np.ndarray, offset_db: float = 0.0) -> np.ndarray:
        target = settings.loudness_lufs + offset_db
        return loudness.level(samples, RATE, target, settings.true_peak_db)

    # Music sits a little under the voice.
    intro = leveled(_jingle(settings.intro_jingle, show_dir, jingles.intro_theme()), -3)
    sting = leveled(_jingle(settings.stinger, show_dir, jingles.stinger()), -3)
    outro = leveled(_jingle(settings.outro_jingle, show_dir, jingles.outro_theme()), -3)
    speech = {text: leveled(load_audio(path)) for text, path in wavs.items()}

    episode = _Timeline()
    cues: list[Cue] = []
    section_starts: list[tuple[str, int]] = []
    clip_timelines: list[_Timeline] = []

    def speak(timeline: _Timeline, chunks: tuple[str, ...], record: bool) -> None:
        for i, chunk in enumerate(chunks):
            start = timeline.ms
            timeline.add(speech[chunk])
            if record:
                cues.append(Cue(start, timeline.ms, chunk))
            if i < len(chunks) - 1:
                timeline.add(_silence(settings.pause_paragraph_ms))

    for segment in script.segments:
        if segment.kind == "intro":
            episode.add(intro)
            episode.add(_silence(settings.pause_section_ms))
            speak(episode, segment.chunks, True)
        elif segment.kind == "section":
            episode.add(_silence(settings.pause_section_ms))
            section_starts.append((segment.section or "", 0 if not section_starts else episode.ms))
            episode.add(sting)
            episode.add(_silence(settings.pause_section_ms))
            speak(episode, segment.chunks, True)
            clip = _Timeline()
            clip.add(sting)
            clip.add(_silence(settings.pause_section_ms))
            speak(clip, segment.chunks, False)
            clip_timelines.append(clip)
        elif segment.kind == "story":
            for timeline, record in ((episode, True), (clip_timelines[-1], False)):
                timeline.add(_silence(settings.pause_story_ms))
                speak(timeline, segment.chunks, record)
        else:  # outro
            episode.add(_silence(settings.pause_section_ms * 2))
            speak(episode, segment.chunks, True)
            episode.add(_silence(settings.pause_section_ms))
            episode.add(outro)

    end_ms = episode.ms
    chapters = tuple(
        Chapter(title, start, section_starts[i + 1][1] if i + 1 < len(section_starts) else end_ms)
        for i, (title, start) in enumerate(section_starts)
    )
    for clip in clip_timelines:
        clip.add(_silence(settings.pause_section_ms))
    return Programme(
        samples=episode.join(),
        chapters=chapters,
        cues=tuple(cues),
        clips=tuple(clip.join() for clip in clip_timelines),
    )


def export_mp3(samples: np.ndarray, path: Path, settings: AudioSettings) -> None:
    """Normalise loudness and encode a constant-bit-rate MP3 with no tags (tags come later)."""
    require_ffmpeg()
    final = loudness.finish(samples, RATE, settings.loudness_lufs, settings.true_peak_db)
    pcm = (np.clip(final, -1.0, 1.0) * 32767).astype("<i2")
    segment = AudioSegment(data=pcm.tobytes(), sample_width=2, frame_rate=RATE, channels=1)
    try:
        segment.export(
            str(path),
            format="mp3",
            codec="libmp3lame",
            bitrate=settings.bitrate,
            parameters=[
                "-ar", str(settings.sample_rate), "-ac", str(settings.channels),
                "-map_metadata", "-1", "-id3v2_version", "0", "-write_id3v1", "0",
            ],
        ).close()
    except (CouldntEncodeError, OSError) as exc:
        raise AudioError(f"{path}: MP3 encoding failed: {exc}") from exc
