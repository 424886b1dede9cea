"""Figures in any trade, read by their context (the development cases; tests/heldout_trade.py holds the held-out
ones, written before the rules): scale letters, nautical miles at sea, period on period, a change to a level,
24-hour clocks and their zones, numbered streets, fares, ZIP codes in a list, and football scores written "2 x 1"."""

from __future__ import annotations

import pytest

from podcast.language import language_for
from podcast.speech import FORBIDDEN, speak

SHIPPING = "The container ship sailed from the port with its cargo."


@pytest.mark.parametrize(("written", "spoken", "context"), [
    pytest.param("carriers moved 4.3m TEU", "carriers moved four point three million T E U", "", id="m-before-acronym"),
    pytest.param("passengers reached 1.91m", "passengers reached one point nine one million", "", id="m-at-end"),
    pytest.param("a 210k TEU ship", "a two hundred and ten thousand T E U ship", "", id="k-before-acronym"),
    pytest.param("a salary of $28k", "a salary of twenty-eight thousand dollars", "", id="k-after-currency"),
    pytest.param("the wall is 4.3m high", "the wall is four point three metres high", "", id="metres-stay-metres"),
    pytest.param("ran the 5k race", "ran the five k race", "", id="a-5k-race-is-no-thousand"),
    pytest.param("a detour of 3,400 nm", "a detour of three thousand four hundred nautical miles", SHIPPING,
                 id="nm-at-sea"),
    pytest.param("shrank to 3 nm", "shrank to three nanometres", "The chipmaker's new process.", id="nm-in-chips"),
    pytest.param("rates were flat d/d", "rates were flat day on day", "", id="d-on-d"),
    pytest.param("sales rose 3% q/q", "sales rose three percent quarter on quarter", "", id="q-on-q"),
    pytest.param("rose $18 to $612/t", "rose eighteen dollars, to six hundred and twelve dollars a tonne", "",
                 id="change-to-level"),
    pytest.param("between $18 to $20", "between eighteen to twenty dollars", "", id="a-range-stays-a-range"),
    pytest.param("at 09:15 MYT", "at nine fifteen Malaysia time", "", id="morning-24h"),
    pytest.param("at 14:00 UTC", "at two P M U T C", "", id="afternoon-24h"),
    pytest.param("at 4:30 p.m. ET", "at four thirty P M Eastern", "", id="twelve-hour-unchanged"),
    pytest.param("the 16th St. Mall", "the sixteenth Street Mall", "", id="numbered-street"),
    pytest.param("St. Paul spoke", "Saint Paul spoke", "", id="a-saint"),
    pytest.param("fares from $29 one-way", "fares from twenty-nine dollars one-way", "", id="fare"),
    pytest.param("a $29 ticket", "a twenty-nine dollar ticket", "", id="an-amount-before-its-noun"),
    pytest.param("ZIP codes 80302 and 80304", "ZIP codes eight oh three oh two and eight oh three oh four", "",
                 id="zip-list"),
    pytest.param("Exports Rise 40% in March", "Exports Rise forty percent in March", "", id="headline-percent"),
])
def test_trade_figures_read_by_context(written: str, spoken: str, context: str) -> None:
    said = speak(written, context or written)
    assert said.rstrip(".") == spoken and not FORBIDDEN.search(said)


@pytest.mark.parametrize(("code", "written", "spoken"), [
    pytest.param("pt-BR", "o Palmeiras venceu por 2 x 1", "o Palmeiras venceu por dois a um", id="pt-BR"),
    pytest.param("es", "empataron 0 x 0", "empataron cero a cero", id="es"),
    pytest.param("it", "ha vinto 4 x 2", "ha vinto quattro a due", id="it"),
    pytest.param("pt-BR", "uma sala de 3 x 4 metros", "uma sala de três vezes quatro metros", id="dimensions"),
])
def test_a_score_written_with_an_x_is_a_score(code: str, written: str, spoken: str) -> None:
    assert language_for(code).speak(written, written, None, "DMY").rstrip(".") == spoken


@pytest.mark.parametrize(("code", "written", "spoken"), [
    pytest.param("it", "un incidente sulla A10", "un incidente sulla à dieci", id="it-road"),
    pytest.param("it", "la E45 resta chiusa", "la é quarantacinque resta chiusa", id="it-european-road"),
    pytest.param("it", "frana sulla SS36", "frana sulla èsse-èsse trentasei", id="it-state-road-letters-named"),
    pytest.param("it", "il codice SYH2082", "il codice SYH due zero otto due", id="it-product-code-digit-by-digit"),
    pytest.param("fr", "sur la A7", "sur la A sept", id="fr-road"),
    pytest.param("es", "un atasco en la M-30", "un atasco en la M treinta", id="es-road-hyphen"),
    pytest.param("es", "la N-340 y la AP-68", "la N trescientos cuarenta y la A P sesenta y ocho",
                 id="es-roads-hyphen-letters-spelled"),
    pytest.param("pt-BR", "a SP-55 no litoral", "a S P cinquenta e cinco no litoral", id="pt-road-hyphen"),
    pytest.param("es", "la cumbre del G-20", "la cumbre del G veinte", id="es-summit-hyphen"),
    pytest.param("es", "ganó 2-0", "ganó dos a cero", id="es-score-is-no-road"),
    pytest.param("it", "al 23° e al 71° minuto", "al ventitreesimo e al settantunesimo minuto",
                 id="it-degree-sign-as-ordinal"),
    pytest.param("it", "il 3° posto", "il terzo posto", id="it-place"),
    pytest.param("it", "la temperatura è salita a 23°", "la temperatura è salita a ventitré gradi",
                 id="it-degrees-stay-degrees"),
])
def test_roads_and_ordinals_in_the_show_languages(code: str, written: str, spoken: str) -> None:
    assert language_for(code).speak(written, written, None, "DMY").rstrip(".") == spoken
