"""Advice only when it can work: a respelling is offered for a misheard word only if it changes what the voice says,
touches that word alone (whole word, its case, never a number word or a sentence's opening capital), and the
repair re-rendered the sentence with it and heard the script. The repair recipes make their text the same way
every time."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from podcast import takes
from podcast.digest import load_digest
from podcast.language import language_for
from podcast.lexicon import parse_lexicon
from podcast.proof import compare
from podcast.proof.check import Checked, Hearing, Sentence
from podcast.proof.repair import respellings
from podcast.proof.stage import number_words
from podcast.script import build_script

SAMPLE = Path(__file__).resolve().parent.parent / "episodes" / "2026-02-02" / "digest.txt"


def misheard(text: str, word: str, heard_as: str = "banana") -> Checked:
    said = compare.words(text)
    heard = [heard_as if w == compare.words(word)[0] else w for w in said]
    return Checked(Sentence(text, Path("a.wav")), Hearing(tuple(heard), True),
                   compare.judge(said, heard, 0.8))


@pytest.mark.parametrize(("text", "word", "language", "why"), [
    ("Ships wait at the berth for days.", "berth", "en", "one syllable"),
    ("The crew waits for the tide to turn.", "waits", "en", "one syllable"),
    ("Gentle rises in rates followed the cut.", "Gentle", "en", "opens the sentence"),
    ("O navio chegou com sete dias de atraso.", "sete", "pt-BR", "number word"),
])
def test_no_line_is_offered_that_changes_nothing_or_another_word(text: str, word: str, language: str,
                                                                  why: str) -> None:
    found, refused = respellings(misheard(text, word), number_words(language))
    assert found == [] and len(refused) == 1 and why in refused[0]


def test_a_name_inside_a_sentence_gets_a_respelling_to_try() -> None:
    found, refused = respellings(misheard("Chipmaker Voltara grew fast.", "Voltara"))
    assert found == [("Voltara", "Vol-ta-ra")] and refused == []
    found, refused = respellings(misheard("Chipmaker Voltara grew fast.", "Voltara"), own={"Voltara": "vOlt'A:r@"})
    assert found == [] and "lexicon already" in refused[0] and '"Voltara" = "vOlt\'A:r@"' in refused[0]


def test_every_respelling_over_the_sample_changes_its_word_and_only_it() -> None:
    """Every content word of the sample's script, pretended misheard: each respelling offered changes the sentence,
    and as a lexicon line changes exactly the sentences with that word, in that case, as a whole word."""
    script = build_script(load_digest(SAMPLE, force=True), "Daily Buzz")
    sentences = [s.spoken for seg in script.segments for p in seg.paragraphs for s in p]
    numbers = number_words("en")
    offered = 0
    for text in sentences[:60]:
        for token in dict.fromkeys(re.findall(r"[^\W\d_][\w'’-]*", text)):
            if len(token) < compare.CONTENT_LETTERS or len(compare.words(token)) != 1:
                continue
            for word, spelling in respellings(misheard(text, token), numbers)[0]:
                offered += 1
                lexicon = parse_lexicon({"words": {word: spelling}}, "test")
                assert lexicon.apply(text) != text, (word, spelling)
                recipe = takes.respelt(word, spelling)
                assert takes.recipe_text(recipe, text) == lexicon.apply(text)
                whole = re.compile(rf"(?<!\w){re.escape(word)}(?!\w)")
                for other in sentences:
                    changed = lexicon.apply(other) != other
                    assert changed == bool(whole.search(other)), (word, other)
                    if changed:  # only the word itself changed: every other character is as it was
                        assert lexicon.apply(other) == whole.sub(spelling, other), (word, other)
    assert offered > 20


@pytest.mark.parametrize(("recipe", "text", "said"), [
    (takes.PAUSE, "The talks were led by Kaja Kallas in Brussels.",
     "The talks were led by, Kaja Kallas in, Brussels."),
    (takes.SPELLED, "The WHO said the NATO summit was safe.", "The W H O said the N A T O summit was safe."),
    (takes.respelt("Voltara", "Vol-ta-ra"), "Voltara and voltara grew.", "Vol-ta-ra and voltara grew."),
])
def test_a_recipe_makes_the_same_text_every_time(recipe: str, text: str, said: str) -> None:
    assert takes.recipe_text(recipe, text) == said and takes.applies(recipe, text)
    assert not takes.applies(recipe, "the council met on tuesday.")
    assert takes.take_key("k", text, recipe) not in {takes.take_key("k", text, r) for r in takes.RECIPES if r != recipe}


def test_the_number_words_of_a_language() -> None:
    assert {"sete", "vinte", "mil"} <= number_words("pt-BR") and "seven" in number_words("en")
    assert "navio" not in number_words("pt-BR") and language_for("pt-BR")


def test_a_pause_goes_before_a_name_in_any_script() -> None:
    assert takes.recipe_text(takes.PAUSE, "A bolsa de São Paulo subiu.") == "A bolsa de, São Paulo subiu."
    assert takes.recipe_text(takes.PAUSE, "He met Šefčovič and the WTO.") == "He met, Šefčovič and the WTO."
