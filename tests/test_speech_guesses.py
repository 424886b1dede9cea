"""Every reading the verbalizer chose between is recorded, with the other reading and a lexicon line that says it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from podcast.lexicon import parse_lexicon
from podcast.speech import speak
from podcast.speech.guesses import recording

from .conftest import podcast, write_digest

CASES = [
    # sentence, written, chosen, another reading
    ("Volumes reached 4.3m TEU in May.", "4.3m", "four point three million", "four point three metres"),
    ("The detour adds 3,400 nm to each voyage by ship.", "3,400 nm", "three thousand four hundred nautical miles",
     "three thousand four hundred nanometres"),
    ("The fab moved to a 3 nm node.", "3 nm", "three nanometres", "three nautical miles"),
    ("The terminal handled 210k TEU.", "210k", "two hundred and ten thousand", "two hundred and ten K"),
    ("King Charles III opened the session.", "Charles III", "Charles the Third", "Charles Three"),
    ("Rocky IV is back in cinemas.", "Rocky IV", "Rocky Four", "Rocky the Fourth"),
    ("She won the 100m sprint.", "100m", "one hundred-metre", "one hundred million"),
    ("The BOLO alert went out.", "BOLO", "B O L O", "Bolo"),
    ("The fire started at 1420 Elm St. near the school.", "Elm St.", "Elm Street", "Elm Saint"),
    ("Visitors flocked to Mount St. Helens.", "Mount St.", "Mount Saint", "Mount Street"),
]


@pytest.mark.parametrize(("sentence", "written", "chosen", "other"), CASES)
def test_a_choice_between_readings_is_recorded_and_its_lexicon_line_says_the_other(
        sentence: str, written: str, chosen: str, other: str) -> None:
    with recording() as found:
        said = speak(sentence, sentence)
    guess = next(g for g in found if g.written == written)
    assert (guess.chosen, guess.others[0], guess.sentence) == (chosen, other, sentence)
    assert chosen in said
    key, value = (part.strip().strip('"') for part in guess.lexicon_line().split(" = "))
    with recording() as again:
        respoken = speak(sentence, sentence, parse_lexicon({"words": {key: value}}, "test"))
    assert other in respoken and chosen not in respoken
    assert not [g for g in again if g.written == written], "the lexicon settles it: no guess left"


def test_a_sentence_with_one_reading_records_nothing_and_nothing_is_recorded_outside() -> None:
    with recording() as found:
        speak("The council met on Tuesday and approved the budget.")
    assert found == []
    speak("Volumes reached 4.3m TEU in May.")  # no one recording: nothing kept, nothing raised


def test_the_show_domain_settles_what_the_story_cannot() -> None:
    assert "nautical miles" in speak("The gap measures 3,400 nm.", "", None, "MDY", "shipping")
    assert "nanometres" in speak("The gap measures 3,400 nm.", "", None, "MDY", "")
    assert "nanometres" in speak("Chips ship from the port at 3 nm.", "", None, "MDY", "technology")


def test_podcast_outline_lists_every_guessed_reading_with_a_lexicon_line(show: Path) -> None:
    (show / "podcast.toml").write_text("[show]\n")
    write_digest(show, "2026-03-04", "Harbor Ledger: 4 March 2026\nPorts\nBoxes Pile Up\n"
                                     "The port handled 4.3m TEU in February, and ships now detour 3,400 nm.\n"
                                     "Rocky IV returns to the harbour cinema on Elm St. this week.\n")
    out = podcast(show, "outline", "2026-03-04").stdout
    written = re.findall(r'^  "([^"]+)": said', out, re.M)
    assert sorted(written) == sorted(["4.3m", "3,400 nm", "Rocky IV", "Elm St."])
    assert '"4.3m" = "four point three metres"' in out
    assert '"3,400 nm" = "three thousand four hundred nanometres"' in out
