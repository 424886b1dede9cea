"""Figures compared by value, not spelling: any reading of the same figure is heard right, another figure never."""

from __future__ import annotations

import pytest

from podcast.proof import compare

SAME = [
    # said, heard (as the recognizer's text came back through the verbalizer)
    ("the meeting starts at fourteen hundred UTC", "the meeting starts at one thousand four hundred u t c"),
    ("the meeting starts at fourteen hundred UTC", "the meeting starts at fourteen hundred utc"),
    ("boarding closes at oh nine fifteen", "boarding closes at nine fifteen"),
    ("the curfew lifts at oh six hundred", "the curfew lifts at oh six oh oh"),
    ("the curfew lifts at oh six hundred", "the curfew lifts at six hundred"),
    ("gate B zero seven is closed", "gate b oh seven is closed"),
    ("in twenty twenty six the port grew", "in two thousand twenty six the port grew"),
    ("volumes reached four point three million boxes", "volumes reached four point three million boxes"),
    ("the flight is B A two four nine", "the flight is ba two four nine"),
    ("four stories today", "for stories today"),
    ("the five year plan twenty twenty six to twenty thirty under which",
     "the five year plan two thousand and twenty six to two thousand and thirty under which"),
    ("a fee of one hundred five dollars", "a fee of one hundred and five dollars"),
]
DIFFERENT = [
    ("the meeting starts at fourteen hundred UTC", "the meeting starts at fifteen hundred u t c"),
    ("boarding closes at oh nine fifteen", "boarding closes at nine fifty"),
    ("volumes reached four point three million boxes", "volumes reached four point eight million boxes"),
    ("the curfew lifts at oh six hundred", "the curfew lifts at oh seven hundred"),
    ("in twenty twenty six the port grew", "in twenty twenty the port grew"),
    ("prices rose three percent", "prices rose thirty percent"),
    ("a fee of one thousand four hundred dollars", "a fee of fourteen thousand dollars"),
    ("in twenty twenty six the port grew", "in two thousand and twenty the port grew"),
]


@pytest.mark.parametrize(("said", "heard"), SAME)
def test_readings_of_the_same_figure_are_heard_right(said: str, heard: str) -> None:
    verdict = compare.judge(compare.words(said), compare.words(heard), 0.8)
    assert not verdict.flagged, verdict.reason


@pytest.mark.parametrize(("said", "heard"), DIFFERENT)
def test_another_figure_is_an_alarm_whatever_its_spelling(said: str, heard: str) -> None:
    verdict = compare.judge(compare.words(said), compare.words(heard), 0.8)
    assert verdict.alarmed and verdict.reason.startswith("a different figure"), verdict


@pytest.mark.parametrize(("words", "value"), [
    ("fourteen hundred", ["#1400"]), ("one thousand four hundred", ["#1400"]), ("oh nine fifteen", ["#915"]),
    ("two point five", ["#2.5"]), ("three hundred forty five", ["#345"]), ("at one point", ["at", "#1", "point"]),
    ("two thousand and twenty six", ["#2026"]), ("a hundred and five", ["a", "#105"]),
    ("two thousand and a half", ["#2000", "and", "a", "half"]), ("cats and dogs", ["cats", "and", "dogs"]),
])
def test_a_run_of_number_words_is_one_figure(words: str, value: list[str]) -> None:
    assert compare.by_value(words.split()) == value


PORTUGUESE = [
    # said, heard, the same figure
    ("pode produzir ate cento e oitenta mil barris", "pode produzir ate cem e oitenta mil barris", True),
    ("a partir de dois mil e vinte e oito", "a partir de dois mil e vinte e oito", True),
    ("a partir de dois mil e vinte e oito", "a partir de dois mil e vinte e dois", False),
    ("venceu por dois a um", "venceu por tres a um", False),
    ("o dolar fechou a cinco reais", "o dolar fechou a seis reais", False),
    ("a bolsa de sao paulo subiu um virgula tres por cento e terminou o dia aos cento e trinta e um mil pontos",
     "a bolsa de sao paulo subiu um virgula tres por cento e terminou o dia cento e trinta e mil pontos", True),
    ("terminou o dia aos cento e trinta e um mil pontos", "terminou o dia aos cento e trinta e dois mil pontos",
     False),
]


FEMININE = [
    # tag, said, heard, the same figure: the recognizer writes a figure agreeing with its noun
    ("es", "se impuso por ochenta y siete a ochenta y uno tras una prorroga",
     "se impuso por ochenta y siete a ochenta y una tras una prorroga", True),
    ("es", "se impuso por ochenta y siete a ochenta y uno", "se impuso por ochenta y siete a ochenta y dos", False),
    ("es", "con doscientos asistentes", "con doscientas asistentes", True),
    ("pt-BR", "foram duzentos e dois votos", "foram duzentas e duas votos", True),
    ("pt-BR", "foram duzentos e dois votos", "foram trezentas e duas votos", False),
]


@pytest.mark.parametrize(("tag", "said", "heard", "same"), FEMININE)
def test_a_figure_heard_in_the_feminine_is_the_same_figure(tag: str, said: str, heard: str, same: bool) -> None:
    from podcast.proof.stage import numbers

    verdict = compare.judge(said.split(), heard.split(), 0.8, numbers(tag))
    if same:
        assert not verdict.alarmed, verdict.reason
    else:
        assert verdict.alarmed and verdict.reason.startswith("a different figure"), verdict


@pytest.mark.parametrize(("said", "heard", "same"), PORTUGUESE)
def test_figures_in_another_language_are_compared_by_value_too(said: str, heard: str, same: bool) -> None:
    from podcast.proof.stage import numbers

    verdict = compare.judge(said.split(), heard.split(), 0.8, numbers("pt-BR"))
    if same:
        assert not verdict.flagged, verdict.reason
    else:
        assert verdict.alarmed and verdict.reason.startswith("a different figure"), verdict


def test_one_is_also_an_article_in_another_language() -> None:
    from podcast.proof.stage import numbers

    verdict = compare.judge("ele comprou um carro novo ontem".split(), "ele comprou o carro novo ontem".split(), 0.8,
                            numbers("pt-BR"))
    assert not verdict.reason.startswith("a different figure"), verdict
    assert compare.judge("venceu por dois a um".split(), "venceu por dois a dois".split(), 0.8,
                         numbers("pt-BR")).alarmed


@pytest.mark.parametrize(("said", "heard", "tag"), [
    ("gano dos a cero al valencia", "gano dos acero al valencia", "es"),
    ("salieron a las ocho y media", "salieron al asocho y media", "es"),
    ("the gate opens at oh nine hundred", "the gate opens at ohnine hundred", "en"),
])
def test_words_run_together_around_a_figure_are_spacing_only(said: str, heard: str, tag: str) -> None:
    from podcast.proof.stage import numbers

    verdict = compare.judge(said.split(), heard.split(), 0.8, numbers(tag))
    assert not verdict.flagged, verdict.reason
