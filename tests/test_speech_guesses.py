"""Every reading the verbalizer chose between is recorded, with the other reading and a lexicon line that says it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from podcast.language import language_for
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


LANGUAGE_CASES = [
    # language, sentence, written, chosen, another reading
    ("es", "El puerto movió 4,3 m de TEU en mayo.", "4,3 m", "cuatro coma tres millones",
     "cuatro coma tres metros"),
    ("es", "La torre mide 12 m de altura.", "12 m", "doce metros", "doce millones"),
    ("es", "Felipe VI inauguró la terminal.", "Felipe VI", "Felipe sexto", "Felipe seis"),
    ("es", "La CEPAL rebajó su previsión.", "CEPAL", "Cepal", "C E P A L"),
    ("it", "La rotta si allunga di 3.400 nm.", "3.400 nm", "tremilaquattrocento nanometri",
     "tremilaquattrocento miglia nautiche"),
    ("it", "Il XI vertice si apre oggi.", "XI", "undici", "ìcs-ì"),
    ("it", "Il gruppo ha 5 ha di vigneti.", "5 ha", "cinque ettari", "cinque ha"),
    ("pt-BR", "Dom Pedro II fundou a cidade.", "Pedro II", "Pedro segundo", "Pedro dois"),
    ("fr", "Le port a traité 4,3 m de TEU.", "4,3 m", "quatre virgule trois millions", "quatre virgule trois mètres"),
]


@pytest.mark.parametrize(("tag", "sentence", "written", "chosen", "other"), LANGUAGE_CASES)
def test_every_language_records_its_choices_and_their_lexicon_lines_say_the_other(
        tag: str, sentence: str, written: str, chosen: str, other: str) -> None:
    language = language_for(tag)
    with recording() as found:
        said = language.speak(sentence, sentence, None, "DMY")
    guess = next(g for g in found if g.written == written)
    assert (guess.chosen, guess.others[0], guess.sentence) == (chosen, other, sentence)
    assert chosen in said
    key, value = (part.strip().strip('"') for part in guess.lexicon_line().split(" = "))
    with recording() as again:
        respoken = language.speak(sentence, sentence, parse_lexicon({"words": {key: value}}, "test"), "DMY")
    assert other in respoken and chosen not in respoken
    assert not [g for g in again if g.written == written], "the lexicon settles it: no guess left"


def test_a_shipping_show_in_another_language_says_nautical_miles() -> None:
    italian = language_for("it")
    assert "miglia nautiche" in italian.speak("La rotta si allunga di 3.400 nm.", "", None, "DMY", "shipping")
    assert "nanometri" in italian.speak("La rotta si allunga di 3.400 nm.", "", None, "DMY", "")


def test_a_french_king_has_one_reading_and_no_guess() -> None:
    with recording() as found:
        language_for("fr").speak("Louis XIV a régné longtemps.", "", None, "DMY")
    assert not [g for g in found if g.written == "Louis XIV"]


def test_podcast_outline_lists_the_guesses_of_a_spanish_show(show: Path) -> None:
    (show / "podcast.toml").write_text('[show]\nlanguage = "es"\n')
    write_digest(show, "2026-03-04", "Noticias: 4 de marzo de 2026\nPuertos\nRécord en Valencia\n"
                                     "El puerto movió 4,3 m de TEU y la CEPAL lo celebró.\n")
    out = podcast(show, "outline", "2026-03-04").stdout
    assert sorted(re.findall(r'^  "([^"]+)": said', out, re.M)) == sorted(["4,3 m", "TEU", "CEPAL"])
    assert '"4,3 m" = "cuatro coma tres metros"' in out
