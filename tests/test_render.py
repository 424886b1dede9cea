"""Rendering: every file is checked, faults are retried, the cache is reused."""

from __future__ import annotations

import wave
from pathlib import Path

import pytest

from podcast.engines.tone import ToneEngine, write_tone
from podcast.errors import RenderError
from podcast.takes import cache_path, check_wav, render_all


class FlakyEngine(ToneEngine):
    """Loses the audio of the first `failures` calls, like pyttsx3's first-call race."""

    def __init__(self, failures: int, mode: str = "missing") -> None:
        super().__init__()
        self.failures, self.mode, self.calls = failures, mode, 0

    def render(self, text: str, path: Path) -> None:
        self.calls += 1
        if self.calls > self.failures:
            return super().render(text, path)
        if self.mode == "short":
            write_tone(path, 0.05, 440)
        elif self.mode == "raise":
            raise RenderError("engine crashed")


def test_check_wav_spots_short_silent_and_missing_files(tmp_path: Path) -> None:
    text = "one two three four five six seven eight nine ten"
    assert check_wav(tmp_path / "none.wav", text) == "no audio file was written"
    write_tone(tmp_path / "short.wav", 0.2, 440)
    assert "too short" in (check_wav(tmp_path / "short.wav", text) or "")
    with wave.open(str(tmp_path / "silent.wav"), "wb") as out:
        out.setnchannels(1), out.setsampwidth(2), out.setframerate(22050)
        out.writeframes(b"\x00\x00" * 22050 * 4)
    assert check_wav(tmp_path / "silent.wav", text) == "the audio is silent"
    write_tone(tmp_path / "ok.wav", 3.0, 440)
    assert check_wav(tmp_path / "ok.wav", text) is None


@pytest.mark.parametrize("mode", ["missing", "short", "raise"])
def test_lost_audio_is_rendered_again(tmp_path: Path, mode: str) -> None:
    engine = FlakyEngine(failures=1, mode=mode)
    paths = render_all(engine, ["a sentence of several words here"], tmp_path)
    assert check_wav(paths["a sentence of several words here"], "a sentence of several words here") is None
    assert engine.calls == 2


def test_persistent_failure_names_the_text(tmp_path: Path) -> None:
    with pytest.raises(RenderError, match="'Bitcoin fell again today'.*too short"):
        render_all(FlakyEngine(failures=99, mode="short"), ["Bitcoin fell again today"], tmp_path)
    assert not list(tmp_path.rglob("*.wav"))  # nothing half-written is left in the cache


def test_cache_is_reused_and_keyed_by_engine_settings(tmp_path: Path) -> None:
    engine = FlakyEngine(failures=0)
    texts = ["first chunk of words", "second chunk of words", "first chunk of words"]
    render_all(engine, texts, tmp_path)
    assert engine.calls == 2  # duplicates are rendered once
    render_all(engine, texts, tmp_path)
    assert engine.calls == 2  # nothing changed: nothing rendered
    render_all(engine, texts + ["an edited chunk"], tmp_path)
    assert engine.calls == 3
    other = ToneEngine()
    object.__setattr__(other, "profile", other.profile.__class__(voice="tone", rate=150))
    assert cache_path(tmp_path, other, "x") != cache_path(tmp_path, engine, "x")


def test_a_batch_holds_at_most_one_window_of_words(tmp_path: Path) -> None:
    """Closed before a sentence would take it over BATCH_WORDS: a batch is heard in one window, not a full one
    and a nearly empty one. A longer sentence is a batch of its own; play order is kept and repeats made once."""
    from podcast.engines.tone import ToneVoice
    from podcast.render.batch import BATCH_WORDS, Wanted, batches

    voice = ToneVoice()
    lengths = [20, 20, 20, 20, BATCH_WORDS + 5, 3, 30, 30, 30]
    texts = [" ".join(f"w{n}x{i}" for i in range(length)) for n, length in enumerate(lengths)]
    wanted = [Wanted(voice, text) for text in texts] + [Wanted(voice, texts[0])]
    made = batches(wanted, None, 60.0, tmp_path)
    said = [[w.spoken for w in job.sentences] for job in made]
    assert [t for batch in said for t in batch] == texts
    assert [len(batch) for batch in said] == [3, 1, 1, 3, 1]
    assert all(sum(len(t.split()) for t in batch) <= BATCH_WORDS for batch in said if len(batch) > 1)


def test_with_the_proof_a_batch_holds_windows_the_ear_decodes_together(tmp_path: Path) -> None:
    """With the proof on, up to TOGETHER windows of words make one batch, in play order, but for the last quarter
    of the windows, which are batches of one (started last, they let the cores finish together)."""
    from podcast.config import ProofSettings
    from podcast.engines.tone import ToneVoice
    from podcast.lexicon import Lexicon
    from podcast.proof.stage import Listening
    from podcast.render.batch import BATCH_WORDS, SINGLE_SHARE, TOGETHER, Wanted, batches

    voice = ToneVoice()
    texts = [" ".join(f"w{n}x{i}" for i in range(BATCH_WORDS // 2)) for n in range(40)]  # 2 to a window: 20
    listening = Listening(ProofSettings(), "en", Lexicon(), "MDY")
    made = batches([Wanted(voice, text) for text in texts], listening, 60.0, tmp_path)
    said = [[w.spoken for w in job.sentences] for job in made]
    assert [t for batch in said for t in batch] == texts
    singles = int(20 * SINGLE_SHARE)
    sizes = [len(batch) // 2 for batch in said]
    assert sizes[-singles:] == [1] * singles
    assert sizes[:-singles] == [TOGETHER] * ((20 - singles) // TOGETHER) + [(20 - singles) % TOGETHER] * bool(
        (20 - singles) % TOGETHER)
    assert all(job.listening is listening for job in made)
