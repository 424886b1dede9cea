"""Held-out readings for the trade figures of issue 30, written before the rules that read them.

Not a test module (pytest does not collect it): a measurement. Run `python -m tests.heldout_trade` to print the
score per family; the development cases are in tests/test_speech_trade.py and none of these is among them. Each
family's cases are fresh instances, not the issue's own examples.
"""

from __future__ import annotations

import sys

from podcast.language import language_for
from podcast.speech import FORBIDDEN, speak

Case = tuple[str, str]
CONTEXT = "The container ship left the port with its cargo of boxes; freight rates and vessel charters rose."

HELD_OUT: dict[str, list[Case]] = {
    "scale-suffix": [
        ("volumes reached 2.7m TEU last year", "volumes reached two point seven million T E U last year"),
        ("a fleet of 640k TEU", "a fleet of six hundred and forty thousand T E U"),
        ("a salary of $45k", "a salary of forty-five thousand dollars"),
        ("passengers rose to 3.25m", "passengers rose to three point two five million"),
        ("about 85k tonnes", "about eighty-five thousand tonnes"),
    ],
    "nautical-miles": [
        ("the vessel sailed 5,200 nm to Rotterdam", "the vessel sailed five thousand two hundred nautical miles "
         "to Rotterdam"),
        ("a detour of 3,500 nm around the Cape", "a detour of three thousand five hundred nautical miles around "
         "the Cape"),
    ],
    "period-on-period": [
        ("prices fell 2% w/w", "prices fell two percent week on week"),
        ("output rose 0.4% m/m", "output rose zero point four percent month on month"),
        ("exports were up 6% y/y", "exports were up six percent year on year"),
        ("rates were flat d/d", "rates were flat day on day"),
    ],
    "change-to-level": [
        ("freight climbed $25 to $840/t", "freight climbed twenty-five dollars, to eight hundred and forty dollars "
         "a tonne"),
        ("iron ore fell $3 to $101/t", "iron ore fell three dollars, to one hundred and one dollars a tonne"),
    ],
    "codes": [
        ("flights from LHR to JFK", "flights from L H R to J F K"),
        ("the SIN to HKG route", "the S I N to H K G route"),
    ],
    "clock-24h": [
        ("at 16:45 GMT", "at four forty-five p m G M T"),
        ("from 08:30 SGT", "from eight thirty Singapore time"),
        ("by 21:00 UTC", "by nine p m U T C"),
    ],
    "street": [
        ("shops on 5th Ave. were closed", "shops on Fifth Avenue were closed"),
        ("the 42nd St. station", "the Forty-second Street station"),
    ],
    "fares": [
        ("tickets from $49 one-way", "tickets from forty-nine dollars one-way"),
        ("seats from £35 return", "seats from thirty-five pounds return"),
    ],
    "zip-codes": [
        ("ZIP codes 10001 and 10016", "ZIP codes one oh oh oh one and one oh oh one six"),
        ("zip codes 94103, 94105 and 94107", "zip codes nine four one oh three, nine four one oh five and nine four "
         "one oh seven"),
    ],
    "headline-percent": [
        ("Exports Jump 35% in March", "Exports Jump thirty-five percent in March"),
        ("Fares Cut by 20% as Demand Slows", "Fares Cut by twenty percent as Demand Slows"),
    ],
}

SCORES: dict[str, list[Case]] = {
    "pt-BR": [("O Flamengo venceu por 3 x 0", "O Flamengo venceu por três a zero"),
              ("empate de 1 x 1 no Maracanã", "empate de um a um no Maracanã")],
    "es": [("el Betis ganó 2 x 0", "el Betis ganó dos a cero")],
    "it": [("la Roma ha vinto 3 x 1", "la Roma ha vinto tre a uno")],
}


def score(show: bool) -> tuple[int, int]:
    right = total = 0
    for kind, rows in HELD_OUT.items():
        good = 0
        for written, spoken in rows:
            said = speak(written, CONTEXT if "nautical" in kind else written)
            ok = said.rstrip(".").lower() == spoken.lower() and not FORBIDDEN.search(said)  # case is not heard
            good += ok
            if show and not ok:
                print(f"  [{kind}] {written!r}\n      want {spoken!r}\n      got  {said!r}")
        print(f"{kind:20} {good}/{len(rows)}")
        right, total = right + good, total + len(rows)
    for code, rows in SCORES.items():
        language, good = language_for(code), 0
        for written, spoken in rows:
            said = language.speak(written, written, None, "DMY")
            ok = said.rstrip(".").lower() == spoken.lower()
            good += ok
            if show and not ok:
                print(f"  [score {code}] {written!r}\n      want {spoken!r}\n      got  {said!r}")
        print(f"{'score ' + code:20} {good}/{len(rows)}")
        right, total = right + good, total + len(rows)
    return right, total


def main() -> None:
    right, total = score("-v" in sys.argv)
    print(f"held-out trade figures: {right}/{total} ({100 * right / total:.0f} %)")


if __name__ == "__main__":
    main()
