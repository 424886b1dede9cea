"""Held-out readings for the figure kinds of issue 18, written before the rules that read them.

Not a test module (pytest does not collect it): a measurement. Run
`python -m tests.heldout_speech` to print the score per kind; the rule tables in
tests/test_speech_*.py are the tests. FIRST is the batch written before any fix,
SECOND a fresh batch written after the fixes and not looked at while making them.
"""

from __future__ import annotations

import sys

from podcast.speech import FORBIDDEN, speak, split_written

Case = tuple[str, str]

FIRST: dict[str, list[Case]] = {
    "pence": [
        ("a dividend of 45p", "a dividend of forty-five pence"),
        ("up 3p at 210p", "up three pence at two hundred and ten pence"),
        ("a 12.5p rise", "a twelve point five pence rise"),
        ("just 1p more", "just one penny more"),
    ],
    "iso-currency": [
        ("SEK 1,250", "one thousand two hundred and fifty Swedish kronor"),
        ("CHF 3.4bn", "three point four billion Swiss francs"),
        ("1.2bn NOK", "one point two billion Norwegian kroner"),
        ("MXN 500m", "five hundred million Mexican pesos"),
        ("ZAR 2.5 billion", "two point five billion South African rand"),
        ("PLN 40,000", "forty thousand Polish zlotys"),
        ("3.5m SGD", "three point five million Singapore dollars"),
        ("DKK 75", "seventy-five Danish kroner"),
    ],
    "postal": [
        ("ZIP code 10027", "ZIP code one oh oh two seven"),
        ("ZIP 94105-1804", "ZIP nine four one oh five, one eight oh four"),
        ("London SW1A 1AA", "London S W one A, one A A"),
        ("postcode M5V 3L9", "postcode M five V, three L nine"),
        ("Manchester M1 1AE", "Manchester M one, one A E"),
    ],
    "roman": [
        ("WrestleMania XL", "WrestleMania Forty"),
        ("Vatican II", "Vatican Two"),
        ("Super Bowl LIX", "Super Bowl Fifty-nine"),
        ("Rocky IV", "Rocky Four"),
        ("Pope John Paul II", "Pope John Paul the Second"),
        ("so I said no", "so I said no"),
    ],
    "sports": [
        ("hit 2 HRs", "hit two home runs"),
        ("drove in 4 RBIs", "drove in four runs batted in"),
        ("threw 3 TDs", "threw three touchdowns"),
        ("1 HR and 2 RBIs", "one home run and two runs batted in"),
    ],
    "context-abbreviations": [
        ("Dr. Patel said", "Doctor Patel said"),
        ("a home on Elm Dr. near the park", "a home on Elm Drive near the park"),
        ("St. Mary's Hospital", "Saint Mary's Hospital"),
        ("5 mi N. of Denver", "five miles north of Denver"),
        ("on W. Main Street", "on West Main Street"),
        ("in NW Portland", "in Northwest Portland"),
        ("Ald. Rivera and Supt. Lee", "Alderman Rivera and Superintendent Lee"),
        ("Gov. Hochul and Rep. Torres", "Governor Hochul and Representative Torres"),
        ("Council OKs budget", "Council okays budget"),
        ("fire at 1420 Elm St. Mayor Whitfield said", "fire at fourteen twenty Elm Street. Mayor Whitfield said"),
    ],
    "en-dash-ranges": [
        ("from 9 p.m.–5 a.m. daily", "from nine P M to five A M daily"),
        ("on March 3–5", "on March third to fifth"),
        ("improved to 24–6 on the season", "improved to twenty-four and six on the season"),
        ("won 31–17", "won thirty-one to seventeen"),
        ("pages 10–12", "pages ten to twelve"),
    ],
    "clock-ranges": [
        ("open 9am–noon", "open nine A M to noon"),
        ("from 6-8 p.m. today", "from six to eight P M today"),
        ("4:00 am - 8:12 pm", "four A M to eight twelve P M"),
        ("10:30–11:45 a.m. Tuesday", "ten thirty to eleven forty-five A M Tuesday"),
    ],
    "phones": [
        ("call (415) 555-0134", "call four one five, five five five, oh one three four"),
        ("+1 (212) 555-0100", "plus one, two one two, five five five, oh one oh oh"),
        ("+33 1 42 68 53 00", "plus three three, one, four two, six eight, five three, oh oh"),
        ("call (020) 7946 0958", "call oh two oh, seven nine four six, oh nine five eight"),
    ],
    "dates": [
        ("on march 3 2025", "on March third, twenty twenty-five"),
        ("SEPT. 15", "September fifteenth"),
        ("Jan-15-2020", "January fifteenth, twenty twenty"),
        ("DEC 25, 2024", "December twenty-fifth, twenty twenty-four"),
        ("15-Jan-2020", "January fifteenth, twenty twenty"),
        ("on Friday, October 10th", "on Friday, October tenth"),
    ],
    "decades": [
        ("the 1960s-80s", "the nineteen sixties to eighties"),
        ("the 1990s–2000s", "the nineteen nineties to two thousands"),
        ("the '60s-'70s", "the sixties to seventies"),
    ],
    "fractions": [
        ("1/4th of voters", "one fourth of voters"),
        ("3/8ths of an inch", "three eighths of an inch"),
        ("2 1/2 lbs of beef", "two and a half pounds of beef"),
    ],
    "units": [
        ("100 Mbps", "one hundred megabits per second"),
        ("5 GB/s", "five gigabytes per second"),
        ("10 lbs", "ten pounds"),
        ("64 kbps", "sixty-four kilobits per second"),
    ],
    "money-forms": [
        ("$1.125 a share", "one point one two five dollars a share"),
        ("$5–$10", "five to ten dollars"),
        ("£20-£30m", "twenty to thirty million pounds"),
    ],
    "addresses": [
        ("john_smith@mail.com", "john underscore smith at mail dot com"),
        ("see www.example.com/report-2024", "see example dot com slash report dash two oh two four"),
        ("jane.doe42@example.org", "jane dot doe four two at example dot org"),
    ],
    "codes": [
        ("serial number SN-4471-XB", "serial number S N four four seven one X B"),
        ("an RTX 4090 card", "an R T X forty ninety card"),
        ("the XC90", "the X C ninety"),
    ],
    "ordinals": [
        ("the 2d Circuit", "the second Circuit"),
        ("the 21ST century", "the twenty-first century"),
        ("the 23rd–25th", "the twenty-third to twenty-fifth"),
    ],
    "capitals": [
        ("MARKETS", "Markets"),
        ("WORLD NEWS", "World News"),
        ("US STOCKS FALL ON JOBS DATA", "U S Stocks Fall On Jobs Data"),
        ("NATO ALLIES MEET IN BRUSSELS", "NATO Allies Meet In Brussels"),
        ("LONDON (Reuters) - Shares fell.", "London, Reuters. Shares fell."),
        ("NEW YORK (AP) - Stocks rose.", "New York, A P. Stocks rose."),
        ("WASHINGTON, March 3 (Reuters) - The Senate voted.",
         "Washington, March third, Reuters. The Senate voted."),
    ],
}
FIRST_SPLITS: list[tuple[str, int]] = [
    ("The fire started at 1420 Elm St. Mayor Whitfield said crews arrived fast.", 2),
    ("Dr. Patel met Gov. Hochul on Tuesday.", 1),
    ("He lives on Oak Dr. The house burned.", 2),
    ("Ald. Rivera and Supt. Lee spoke.", 1),
    ("They flew to St. Louis. It rained.", 2),
    ("The storm moved 5 mi. N. of town.", 1),
]

SECOND: dict[str, list[Case]] = {
    "pence": [
        ("a final dividend of 8.4p a share", "a final dividend of eight point four pence a share"),
        ("fell 6p to 98p", "fell six pence to ninety-eight pence"),
    ],
    "iso-currency": [
        ("CZK 120 million", "one hundred and twenty million Czech korunas"),
        ("a fine of NZD 450,000", "a fine of four hundred and fifty thousand New Zealand dollars"),
        ("3bn SEK", "three billion Swedish kronor"),
        ("EUR 2.75bn", "two point seven five billion euros"),
    ],
    "postal": [
        ("Denver, CO 80202", "Denver, Colorado, eight oh two oh two"),
        ("ZIP code 02139", "ZIP code oh two one three nine"),
        ("Leeds LS1 4DY", "Leeds L S one, four D Y"),
    ],
    "roman": [
        ("Apollo XIII", "Apollo Thirteen"),
        ("King Henry IV", "King Henry the Fourth"),
        ("Pope Benedict XVI", "Pope Benedict the Sixteenth"),
    ],
    "sports": [
        ("with 3 TDs and 2 INTs", "with three touchdowns and two interceptions"),
        ("belted 2 HRs", "belted two home runs"),
    ],
    "context-abbreviations": [
        ("Dr. Lisa Cook", "Doctor Lisa Cook"),
        ("lives on Maple Dr. in Fairview", "lives on Maple Drive in Fairview"),
        ("4 miles E. of the city", "four miles east of the city"),
        ("Det. Garcia said", "Detective Garcia said"),
        ("Gov. Abbott OKs the bill", "Governor Abbott okays the bill"),
    ],
    "ranges": [
        ("April 10–12", "April tenth to twelfth"),
        ("the Bulls (30-22) lost", "the Bulls (thirty and twenty-two) lost"),
        ("closed 8 a.m.–6 p.m. Sunday", "closed eight A M to six P M Sunday"),
        ("from 1-3 p.m. daily", "from one to three P M daily"),
    ],
    "phones": [
        ("call (503) 555-0182", "call five oh three, five five five, oh one eight two"),
        ("+49 30 1234 5678", "plus four nine, three oh, one two three four, five six seven eight"),
    ],
    "dates": [
        ("on july 4 2026", "on July fourth, twenty twenty-six"),
        ("AUG. 9", "August ninth"),
        ("Mar-03-2025", "March third, twenty twenty-five"),
    ],
    "decades-fractions-units": [
        ("the 1950s-60s", "the nineteen fifties to sixties"),
        ("3/4ths of", "three fourths of"),
        ("500 Mbps", "five hundred megabits per second"),
        ("a 10 GB/s link", "a ten gigabytes per second link"),
    ],
    "money-forms": [
        ("$3.875", "three point eight seven five dollars"),
        ("£5–£7", "five to seven pounds"),
    ],
    "addresses-codes": [
        ("write to press_office@city.gov", "write to press underscore office at city dot gov"),
        ("see example.org/plan-2030", "see example dot org slash plan dash two oh three oh"),
        ("serial number AB-9921-Z", "serial number A B nine nine two one Z"),
    ],
    "ordinals": [
        ("the 52d Street", "the fifty-second Street"),
        ("her 3RD title", "her third title"),
    ],
    "capitals": [
        ("BEIJING (Reuters) - China said", "Beijing, Reuters. China said"),
        ("SPORTS", "Sports"),
        ("COUNCIL APPROVES BUDGET", "Council Approves Budget"),
    ],
}
SECOND_SPLITS: list[tuple[str, int]] = [
    ("The crash was near 88 Birch St. Police closed the road.", 2),
    ("Supt. Harris met Ald. Wong.", 1),
    ("They toured St. Paul's. It was busy.", 2),
]


def score(batch: dict[str, list[Case]], splits: list[tuple[str, int]], show: bool) -> tuple[int, int]:
    """Right readings and the total, printing each wrong one and the score per kind."""
    right = total = 0
    for kind, rows in batch.items():
        good = 0
        for written, spoken in rows:
            said = speak(written)
            ok = said == spoken and not FORBIDDEN.search(said)
            good += ok
            if show and not ok:
                print(f"  [{kind}] {written!r}\n      want {spoken!r}\n      got  {said!r}")
        print(f"{kind:24} {good}/{len(rows)}")
        right, total = right + good, total + len(rows)
    good = 0
    for text, count in splits:
        parts = split_written(text)
        good += len(parts) == count
        if show and len(parts) != count:
            print(f"  [splits] {text!r} -> {parts}")
    if splits:
        print(f"{'sentence-splits':24} {good}/{len(splits)}")
    return right + good, total + len(splits)


def main() -> None:
    show = "-v" in sys.argv
    for name, batch, splits in (("first", FIRST, FIRST_SPLITS), ("second", SECOND, SECOND_SPLITS)):
        if batch or splits:
            right, total = score(batch, splits, show)
            print(f"{name} batch: {right}/{total} ({100 * right / total:.0f} %)\n")


if __name__ == "__main__":
    main()
