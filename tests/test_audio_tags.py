"""Parts, loudness, MP3 joining and ID3 tags, decoded back from the written files."""

from __future__ import annotations

import json
import re
import subprocess
import wave
from pathlib import Path

import numpy as np
import pytest
from mutagen.id3 import ID3

from podcast.assemble.tags import write_tags
from podcast.config import AudioSettings
from podcast.digest import parse_digest
from podcast.engines import make_engine
from podcast.engines.tone import ToneVoice, write_tone
from podcast.models import Chapter
from podcast.parts import part_key, plan_parts
from podcast.render import PartJob, mix_parts
from podcast.script import build_script
from podcast.sound import loudness
from podcast.sound import mix as audio
from podcast.sound.mp3 import join_mp3, mp3_duration
from podcast.takes import CACHE_DIR, make_take

from .conftest import SHORT_DIGEST


def ebur128(path: Path) -> tuple[float, float]:
    """(integrated LUFS, true peak dBTP) as ffmpeg measures the decoded file."""
    out = subprocess.run(
        ["ffmpeg", "-hide_banner", "-nostats", "-i", str(path), "-af", "ebur128=peak=true",
         "-f", "null", "-"], capture_output=True, text=True, check=True,
    ).stderr
    summary = out[out.rindex("Summary:"):]
    return float(summary.split("I:")[1].split()[0]), float(summary.split("Peak:")[1].split()[0])


def probe(path: Path, *entries: str) -> dict:  # type: ignore[type-arg]
    out = subprocess.run(["ffprobe", "-v", "error", *entries, "-of", "json", str(path)],
                         capture_output=True, text=True, check=True).stdout
    return json.loads(out)  # type: ignore[no-any-return]


@pytest.fixture(scope="module")
def made(tmp_path_factory: pytest.TempPathFactory) -> tuple[list[PartJob], list, Path]:  # type: ignore[type-arg]
    show = tmp_path_factory.mktemp("show")
    script = build_script(parse_digest(SHORT_DIGEST), "Daily Buzz")
    settings = AudioSettings()
    profile = ToneVoice(voice="tone")
    prints = audio.jingle_fingerprints(settings, show)
    jobs = [PartJob(p, part_key(p, make_engine(profile).key, settings, prints),
                    tuple(make_take(profile, line.spoken, "as rendered", show / CACHE_DIR) for line in p.sentences),
                    settings, show)
            for p in plan_parts(script, settings, "anchor", "reader")]
    return jobs, mix_parts(jobs, workers=1), show


@pytest.mark.slow
def test_parts_follow_the_script(made) -> None:  # type: ignore[no-untyped-def]
    jobs, results, _ = made
    assert [j.part.kind for j in jobs] == ["intro", "section", "story", "section", "story", "outro"]
    assert [j.part.voice for j in jobs] == ["anchor", "anchor", "reader", "anchor", "reader", "anchor"]
    assert jobs[0].part.lead == "theme" and jobs[0].part.bed and jobs[-1].part.tail == "outro"
    story = jobs[4].part  # headline, then two paragraphs: one line per sentence
    assert [line.spoken for line in story.sentences][0] == "China's Exports Beat Forecasts?"
    assert [line.pause_ms for line in story.sentences] == [500, 500, 0]
    for job, result in zip(jobs, results, strict=True):
        starts = [a for a, _ in result.spans]
        assert starts == sorted(starts) and result.spans[-1][1] <= result.duration_s
        assert len(result.spans) == len(job.part.sentences)


@pytest.mark.slow
def test_joined_parts_meet_loudness_and_format(made, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    _, results, _ = made
    episode = tmp_path / "episode.mp3"
    join_mp3([r.mp3 for r in results], episode)
    lufs, peak = ebur128(episode)
    assert -17.0 <= lufs <= -15.0 and peak <= -1.0
    info = probe(episode, "-show_streams", "-show_format")
    stream = info["streams"][0]
    assert stream["codec_name"] == "mp3" and stream["sample_rate"] == "44100"
    assert stream["channels"] == 1 and int(stream["bit_rate"]) == 96000
    expected = sum(r.duration_s for r in results)
    assert float(info["format"]["duration"]) == pytest.approx(expected, abs=0.1)
    assert mp3_duration(episode.read_bytes()) == pytest.approx(expected, abs=0.001)


@pytest.mark.slow
def test_cached_parts_are_not_made_again(made) -> None:  # type: ignore[no-untyped-def]
    jobs, results, _ = made
    before = [r.mp3.stat().st_mtime_ns for r in results]
    again = mix_parts(jobs, workers=1)
    assert [r.mp3.stat().st_mtime_ns for r in again] == before


def test_meter_agrees_with_ffmpeg(tmp_path: Path) -> None:
    path = tmp_path / "tone.wav"
    write_tone(path, 6.0, 330.0, rate=44100)
    with wave.open(str(path)) as wav:
        samples = np.frombuffer(wav.readframes(wav.getnframes()), dtype=np.int16).astype(np.float32) / 32768
    ffmpeg_lufs, _ = ebur128(path)
    assert loudness.integrated_lufs(samples, 44100) == pytest.approx(ffmpeg_lufs, abs=0.15)


def test_limiter_holds_the_ceiling() -> None:
    rate = 44100
    t = np.arange(rate * 2) / rate
    loud = (0.99 * np.sin(2 * np.pi * 3000 * t)).astype(np.float32)
    out = loudness.level(loud, rate, -10.0, -1.5)
    assert loudness.true_peak_envelope(out).max() <= 10 ** (-1.5 / 20) + 1e-3


def test_sliding_min_matches_a_naive_one() -> None:
    values = np.random.default_rng(1).random(1000).astype(np.float32)
    fast = loudness.sliding_min(values, 9)
    padded = np.pad(values, 4, constant_values=1.0)
    naive = np.array([padded[i : i + 9].min() for i in range(len(values))])
    assert np.allclose(fast, naive)


@pytest.mark.slow
def test_tags_round_trip(made, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    _, results, _ = made
    path = tmp_path / "episode.mp3"
    join_mp3([r.mp3 for r in results], path)
    chapters = (Chapter("Top News", 0, 5000), Chapter("Economy & Markets", 5000, 9000))
    seconds = write_tags(path, title="Markets Rally", show="Daily Buzz", artist="Newsroom",
                         date="2026-02-03", cover_jpeg=b"\xff\xd8\xff\xe0fake", chapters=chapters)
    assert seconds == pytest.approx(sum(r.duration_s for r in results), abs=0.1)
    tags = ID3(str(path))
    assert tags.version[:2] == (2, 3)
    assert str(tags["TIT2"]) == "Markets Rally" and str(tags["TALB"]) == "Daily Buzz"
    assert str(tags["TCON"]) == "Podcast" and str(tags["TDRC"]) == "2026-02-03"
    assert int(str(tags["TLEN"])) == pytest.approx(seconds * 1000, abs=1)
    assert tags.getall("APIC")[0].mime == "image/jpeg"
    toc = tags.getall("CTOC")[0]
    assert toc.child_element_ids == ["chp0", "chp1"]
    titles = [str(tags[f"CHAP:{cid}"].sub_frames["TIT2"]) for cid in toc.child_element_ids]
    assert titles == ["Top News", "Economy & Markets"]
    listed = probe(path, "-show_chapters")["chapters"]
    assert sorted(c["tags"]["title"] for c in listed) == sorted(titles)


@pytest.mark.slow
def test_chapter_frames_are_written_in_play_order(made, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """Titles of different lengths made mutagen scatter the frames; ffprobe lists them as they lie."""
    _, results, _ = made
    path = tmp_path / "episode.mp3"
    join_mp3([r.mp3 for r in results], path)
    titles = ["Top News", "Top Business", "Economy & Markets", "Corporate", "A", "Markets in a Long Week", "B",
              "C", "D", "E", "F", "G"]
    chapters = tuple(Chapter(t, i * 700, (i + 1) * 700) for i, t in enumerate(titles))
    write_tags(path, title="T", show="S", artist="A", date="2026-02-03", cover_jpeg=b"\xff\xd8\xff\xe0fake",
               chapters=chapters)
    listed = probe(path, "-show_chapters")["chapters"]
    assert [c["tags"]["title"] for c in listed] == titles
    assert [float(c["start_time"]) for c in listed] == pytest.approx([i * 0.7 for i in range(len(titles))])
    raw = path.read_bytes()
    frames = re.findall(rb"(CTOC|CHAP).{6}(toc|chp\d+)\x00", raw, re.S)
    assert frames == [(b"CTOC", b"toc")] + [(b"CHAP", f"chp{i}".encode()) for i in range(len(titles))]


def test_trimming_keeps_word_endings(tmp_path: Path) -> None:
    """Only silence after the last audible sample goes; a soft final consonant stays."""
    rate = 22050
    t = np.arange(rate) / rate
    word = 0.5 * np.sin(2 * np.pi * 200 * t[: rate // 2])
    fricative = 0.01 * np.sin(2 * np.pi * 3000 * t[: rate // 10])  # about -40 dBFS
    samples = np.concatenate([word, fricative, np.zeros(rate // 3)])
    path = tmp_path / "word.wav"
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1), out.setsampwidth(2), out.setframerate(rate)
        out.writeframes((samples * 32767).astype("<i2").tobytes())
    loaded = audio.load_speech(path)
    kept_s = len(loaded) / audio.RATE
    assert 0.6 <= kept_s <= 0.6 + 0.07  # word and fricative kept, the trailing third of a second trimmed


def test_music_bed_is_ducked_under_the_voice(tmp_path: Path) -> None:
    from podcast.models import Sentence
    from podcast.parts import Part

    rate = audio.RATE
    t = np.arange(int(2.0 * rate)) / rate
    voice = (0.3 * np.sin(2 * np.pi * 180 * t) * (0.6 + 0.4 * np.sin(2 * np.pi * 3 * t))).astype(np.float32)
    part = Part("intro", None, "anchor", (Sentence("one", pause_ms=1500), Sentence("two")), lead="theme", bed=True)
    mixed = audio.mix_part(part, [voice, voice], AudioSettings(), tmp_path)
    (a1, b1), (a2, _) = mixed.spans
    speech = mixed.samples[int(a1 * rate): int(b1 * rate)]
    gap = mixed.samples[int((b1 + 0.4) * rate): int((a2 - 0.4) * rate)]  # between the sentences: bed alone

    def rms_db(x: np.ndarray) -> float:
        return float(20 * np.log10(np.sqrt(np.mean(x.astype(np.float64) ** 2)) + 1e-12))

    assert rms_db(gap) > -50  # the bed is there
    assert rms_db(speech) - rms_db(gap) > 12  # and well under the voice
    assert len(mixed.samples) / rate > 4.0 + 2 * 2.0  # the theme plays before the voice


@pytest.mark.slow
@pytest.mark.parametrize("title, lines", [
    ("Daily Buzz", 1),
    ("The Harbor Ledger Morning Briefing for Shipping and Trade Professionals", 3),
    ("The Extraordinarily Comprehensive Daily Morning News Briefing of the Greater Metropolitan Harbor Region", 3),
])
def test_long_cover_titles_wrap_at_a_readable_size(tmp_path: Path, title: str, lines: int) -> None:
    from PIL import Image

    from podcast.publish.cover import SUBTITLE_SIZE, generate_cover, generated_for, title_layout

    size, wrapped = title_layout(title)
    assert len(wrapped) == lines and size >= 180 > SUBTITLE_SIZE  # never smaller than the subtitle
    path = tmp_path / "cover.png"
    generate_cover(path, title, "Shipping news at six")
    assert generated_for(path) == (title, "Shipping news at six")
    with Image.open(path) as image:
        pixels = np.asarray(image.convert("L"))
    text_band = pixels[1650:2400]
    assert (text_band[:, :100] < 200).all() and (text_band[:, -100:] < 200).all()  # no text runs off the edges
    assert (text_band > 240).any()


@pytest.mark.slow
def test_cover_is_made_again_when_the_title_or_subtitle_changes(tone_show: Path) -> None:
    from podcast import layout
    from podcast.publish.cover import ensure_cover, generated_for

    ensure_cover(layout.Show.open(tone_show))
    assert generated_for(tone_show / "cover.png") == ("Daily Buzz", "Your daily news briefing")
    (tone_show / "podcast.toml").write_text('[show]\ntitle = "Harbor Ledger"\ncover_subtitle = "Ships at six"\n')
    ensure_cover(layout.Show.open(tone_show))
    assert generated_for(tone_show / "cover.png") == ("Harbor Ledger", "Ships at six")


@pytest.mark.slow
def test_opus_packets_are_made_with_a_part_and_kept_beside_it(made) -> None:  # type: ignore[no-untyped-def]
    """A part cached without its Opus packets (a show that turns Opus on) is made again with them; then both come
    from the cache, under a name that holds the Opus recipe."""
    import dataclasses

    from podcast.render import cached
    from podcast.sound.opus import RECIPE

    jobs, results, _ = made
    job = dataclasses.replace(jobs[2], opus_kbps=28)
    assert results[2].opus is None and cached(job) is None
    made_now = mix_parts([job], workers=1)[0]
    assert made_now.opus is not None and made_now.opus.name.endswith(f".28k.{RECIPE}.opus-packets")
    assert made_now.mp3.read_bytes() == results[2].mp3.read_bytes()  # the same MP3, made again
    again = cached(job)
    assert again is not None and again.opus == made_now.opus and made_now.opus.stat().st_size > 1000
