"""Verbalization, round two: telephone numbers, clock times, numeric dates, sub-unit prices and rates,
web and e-mail addresses, tickers, abbreviations, finance shorthand, agreement, ordinals, ranges, fractions,
units in capitals, addresses, digit strings and regnal numbers. One named table per category."""

from __future__ import annotations

import pytest

from podcast.speech import FORBIDDEN, speak

from .test_speech import cases

TELEPHONE = cases(
    ('us-dashes', 'Call 555-123-4567 for details', 'Call five five five, one two three, four five six seven for details'),
    ('us-parens', 'Call (617) 555-0199 today', 'Call six one seven, five five five, oh one nine nine today'),
    ('us-dots', 'Dial 212.555.0147 now', 'Dial two one two, five five five, oh one four seven now'),
    ('toll-free-800', 'Call 1-800-555-0199 now', 'Call one eight hundred, five five five, oh one nine nine now'),
    ('toll-free-888', 'call 1-888-555-0123', 'call one triple eight, five five five, oh one two three'),
    ('toll-free-877', 'at 1-877-555-0100', 'at one eight seven seven, five five five, oh one oh oh'),
    ('international-uk', 'Call +44 20 7946 0958 today', 'Call plus four four, two oh, seven nine four six, oh nine five eight today'),
    ('international-hk', 'Call +852 2123 4567 today', 'Call plus eight five two, two one two three, four five six seven today'),
    ('international-dashes', 'call +1-202-555-0143', 'call plus one, two oh two, five five five, oh one four three'),
    ('local-seven', 'Call 555-0199 today', 'Call five five five, oh one nine nine today'),
    ('extension-dot', 'Call ext. 204 now', 'Call extension two oh four now'),
    ('extension-word', 'dial Ext 3310', 'dial extension three three one oh'),
    ('extension-x', '555-123-4567 x204', 'five five five, one two three, four five six seven extension two oh four'),
    ('phone-in-parens', 'the hotline (800) 555-0111 opens', 'the hotline eight hundred, five five five, oh one one one opens'),
)
CLOCK = cases(
    ('am-with-zone', 'at 10:00 a.m. ET Monday', 'at ten A M Eastern Monday'),
    ('pm-dot-minutes', 'at 7.30 p.m.', 'at seven thirty P M.'),
    ('seconds', 'at 09:15:30 today', 'at nine fifteen and thirty seconds today'),
    ('compact-am', 'from 9am to 5pm', 'from nine A M to five P M'),
    ('compact-pm-zone', 'at 3:45pm BST', 'at three forty-five P M British Summer Time'),
    ('noon-oclock', 'at 12:00 today', "at twelve o'clock today"),
    ('oh-minutes', 'at 8:05 a.m. PT', 'at eight oh five A M Pacific'),
    ('twenty-four-hour', 'at 14:30 GMT', 'at two thirty P M G M T'),
    ('twenty-four-hundred', 'at 18:00 UTC', 'at six P M U T C'),
    ('leading-zero-hour', 'at 06:45 today', 'at six forty-five today'),
    ('hkt', 'at 9:30 a.m. HKT', 'at nine thirty A M Hong Kong time'),
    ('cet', 'at 17:00 CET', 'at five P M Central European Time'),
    ('pm-end-of-sentence', 'The vote is at 4 p.m.', 'The vote is at four P M.'),
    ('capital-am', 'opens at 9 AM ET', 'opens at nine A M Eastern'),
    ('spaced-pm', 'at 6 p. m. today', 'at six P M today'),
)
DATES = cases(
    ('us-slash', 'on 03/05/2026 it rose', 'on March fifth, twenty twenty-six it rose'),
    ('us-slash-short-year', 'on 3/5/26 it rose', 'on March fifth, twenty twenty-six it rose'),
    ('iso-slash', 'on 2025/11/03 it fell', 'on November third, twenty twenty-five it fell'),
    ('dotted', 'on 03.11.2025 it fell', 'on November third, twenty twenty-five it fell'),
    ('ordinal-day-month', 'on the 3rd November it fell', 'on the third of November it fell'),
    ('ordinal-no-the', 'on 21st March', 'on the twenty-first of March'),
    ('iso-dash', 'on 2026-02-04 it rose', 'on February fourth, twenty twenty-six it rose'),
    ('month-day-year', 'on February 4, 2026', 'on February fourth, twenty twenty-six'),
    ('day-month-year', 'on 4 February 2026', 'on February fourth, twenty twenty-six'),
    ('abbrev-month', 'on Feb. 4 it rose', 'on February fourth it rose'),
    ('weekday-date', 'on Monday, March 2', 'on Monday, March second'),
)
MONEY = cases(
    ('pence', 'It costs £0.79 now', 'It costs seventy-nine pence now'),
    ('cents', 'a fee of $0.50 per trade', 'a fee of fifty cents per trade'),
    ('one-cent', 'just $0.01 each', 'just one cent each'),
    ('yen-decimals', 'The dollar bought ¥151.20 on Friday', 'The dollar bought one hundred and fifty-one point two yen on Friday'),
    ('fx-four-decimals', 'The euro was at $1.0875 on Friday', 'The euro was at one point oh eight seven five dollars on Friday'),
    ('fx-five-decimals', 'at $1.08753 late', 'at one point oh eight seven five three dollars late'),
    ('pounds-and-pence', 'a £3.49 sandwich', 'a three pound forty-nine sandwich'),
    ('dollar-range-repeated', '$40-$50 a share', 'forty to fifty dollars a share'),
    ('euro-range', '€3-€4 billion', 'three to four billion euros'),
    ('us-dollar-range', 'US$1.2-1.5 billion', 'one point two to one point five billion U S dollars'),
    ('yen-whole', '¥160 per dollar in Tokyo', 'one hundred and sixty yen per dollar in Tokyo'),
    ('cents-word', 'rose 25 cents', 'rose twenty-five cents'),
)
URLS_EMAIL = cases(
    ('url-sentence-end', 'Visit www.example.gov/help.', 'Visit example dot gov slash help.'),
    ('url-full-path', 'see https://www.example.com/news/markets today', 'see example dot com slash news slash markets today'),
    ('url-bare-host', 'go to example.org for more', 'go to example dot org for more'),
    ('email-short-local', 'Write to ir@example-bank.eu today', 'Write to I R at example dash bank dot E U today'),
    ('email-dotted', 'email jane.doe@news.co.uk now', 'email jane dot doe at news dot co dot U K now'),
    ('url-trailing-comma', 'at bank.com, the firm said', 'at bank dot com, the firm said'),
    ('url-query', 'see www.example.com/search?q=rates today', 'see example dot com slash search today'),
    ('url-hyphen-host', 'visit my-bank.com now', 'visit my dash bank dot com now'),
    ('email-long-local', 'write to newsroom@harbor.example now', 'write to newsroom at harbor dot example now'),
)
TICKERS = cases(
    ('nasdaq', 'Apple (NASDAQ: AAPL) rose', 'Apple rose'),
    ('nyse', 'Ford (NYSE: F) fell', 'Ford fell'),
    ('hkex-code', 'Tencent (0700.HK) rose', 'Tencent rose'),
    ('reuters-ric', 'Microsoft (MSFT.O) gained', 'Microsoft gained'),
    ('tse', 'Sony (TSE: 6758) slipped', 'Sony slipped'),
    ('lse-lower', 'BP (LSE: BP.) rose', 'B P rose'),
)
ABBREVIATIONS = cases(
    ('yr-hyphen', 'The 10-yr yield rose', 'The ten-year yield rose'),
    ('yr-plural', 'over 5 yrs', 'over five years'),
    ('approx', 'approx. 40 people', 'approximately forty people'),
    ('mm-qq', 'sales rose 3% m/m and 5% q/q', 'sales rose three percent month on month and five percent quarter on quarter'),
    ('yoy', 'up 4% YoY', 'up four percent year on year'),
    ('vs', 'Lakers vs. Celtics', 'Lakers versus Celtics'),
    ('est', 'est. 300 jobs', 'estimated three hundred jobs'),
    ('wk', 'a 2-wk delay', 'a two-week delay'),
    ('mo', 'a 6-mo high', 'a six-month high'),
)
FINANCE = cases(
    ('q3-eps', 'Apple Beats on Q3 EPS', 'Apple Beats on third-quarter earnings per share'),
    ('q1-results', 'Q1 results beat', 'first-quarter results beat'),
    ('h1-profit', 'H1 profit rose', 'first-half profit rose'),
    ('by-q4', 'by Q4 2026', 'by the fourth quarter of twenty twenty-six'),
    ('pe-ratio', 'a P/E of 20', 'a price-to-earnings ratio of twenty'),
    ('eps-alone', 'EPS rose to $1.20', 'earnings per share rose to one dollar and twenty cents'),
    ('fy-guidance', 'FY25 guidance', 'fiscal year twenty-five guidance'),
    ('q2-of-year', 'in the second quarter', 'in the second quarter'),
    ('bps-cut', 'a 25 bp cut', 'a twenty-five basis point cut'),
)
PLURALS = cases(
    ('one-percent-point', '1 percentage point', 'one percentage point'),
    ('one-dollar', '$1 a share', 'one dollar a share'),
    ('one-kg', '1 kg of rice', 'one kilogram of rice'),
    ('one-basis-point', '1 bp', 'one basis point'),
    ('two-basis-points', '2 bps', 'two basis points'),
    ('one-mile', '1 mi away', 'one mile away'),
)
ORDINALS = cases(
    ('separator-thousandth', 'the 10,000th visitor', 'the ten thousandth visitor'),
    ('millionth', 'the 1,000,000th car', 'the one millionth car'),
    ('first', 'the 1st day', 'the first day'),
    ('twenty-second', 'the 22nd floor', 'the twenty-second floor'),
    ('hundred-third', 'the 103rd session', 'the one hundred and third session'),
    ('eleventh', 'the 11th hour', 'the eleventh hour'),
    ('ordinal-rank', 'ranked 2nd', 'ranked second'),
)
RANGES = cases(
    ('unit-range', '3-4 kg of rice', 'three to four kilograms of rice'),
    ('unit-range-to', '5 to 10 km away', 'five to ten kilometres away'),
    ('plain-range', '30-40 weeks', 'thirty to forty weeks'),
    ('percent-range', '2-3% growth', 'two to three percent growth'),
    ('percent-range-both-signs', '2%-3% growth', 'two to three percent growth'),
    ('year-range', '2019-2021', 'twenty nineteen to twenty twenty-one'),
    ('year-range-short', '2025-26', 'twenty twenty-five to twenty twenty-six'),
    ('score', 'won 3-1', 'won three to one'),
    ('decade-mid', 'in the mid-90s', 'in the mid-nineties'),
    ('decade-early', 'the early 80s', 'the early eighties'),
    ('decade-apostrophe', "the '90s", 'the nineties'),
    ('age-range', 'aged 18-24', 'aged eighteen to twenty-four'),
    ('money-range', '$3-4 billion', 'three to four billion dollars'),
)
FRACTIONS = cases(
    ('mixed-half', '3 1/2 miles', 'three and a half miles'),
    ('mixed-quarter', '2 1/4 cups', 'two and a quarter cups'),
    ('mixed-three-quarters', '1 3/4 hours', 'one and three quarters hours'),
    ('mixed-third', '1 1/3 points', 'one and a third points'),
    ('idiom-24-7', 'open 24/7', 'open twenty-four seven'),
    ('idiom-9-11', 'after 9/11', 'after nine eleven'),
    ('idiom-50-50', 'a 50/50 chance', 'a fifty-fifty chance'),
    ('simple-half', '1/2 the cost', 'one half the cost'),
    ('two-thirds', '2/3 of voters', 'two thirds of voters'),
    ('ratio', 'a 2:1 ratio', 'a two to one ratio'),
    ('split-of-a-hundred', 'a 60/40 split', 'a sixty-forty split'),
)
MEASURES = cases(
    ('km-caps', 'a 5KM run', 'a five-kilometre run'),
    ('kg-caps', 'a 20KG bag', 'a twenty-kilogram bag'),
    ('mph-caps', 'at 70 MPH', 'at seventy miles per hour'),
    ('metres-sprint', 'the 100m sprint', 'the one hundred-metre sprint'),
    ('million-m', '1.5m people', 'one point five million people'),
    ('billion-bn', '2bn users', 'two billion users'),
    ('metres-high', 'a wall 5m high', 'a wall five metres high'),
    ('celsius', 'at 35°C', 'at thirty-five degrees Celsius'),
    ('km-h', '185 km/h', 'one hundred and eighty-five kilometres per hour'),
    ('mwh', '400 MWh', 'four hundred megawatt hours'),
)
ADDRESSES = cases(
    ('city-state-zip', 'St. Paul, MN 55101', 'Saint Paul, Minnesota, five five one oh one'),
    ('zip-plus-four', 'Austin, TX 78701-1234', 'Austin, Texas, seven eight seven oh one, one two three four'),
    ('street-number', 'at 123 Main St. today', 'at one twenty-three Main Street today'),
    ('avenue', 'at 350 Fifth Avenue', 'at three fifty Fifth Avenue'),
    ('street-zero', 'at 10 Downing Street', 'at ten Downing Street'),
    ('dc', 'Washington, DC 20500', 'Washington, D C, two oh five oh oh'),
    ('boulevard', 'at 1600 Pennsylvania Ave', 'at sixteen hundred Pennsylvania Avenue'),
)
DIGITS = cases(
    ('account-ending', 'account ending in 4417', 'account ending in four four one seven'),
    ('agent-007', 'agent 007', 'agent oh oh seven'),
    ('pin', 'PIN 0042', 'P I N oh oh four two'),
    ('code', 'code 2090', 'code two oh nine oh'),
    ('leading-zero', 'route 066', 'route oh six six'),
    ('ref', 'ref 77012', 'ref seven seven oh one two'),
    ('card-number', 'card number 4242', 'card number four two four two'),
)
REGNAL = cases(
    ('king-charles', 'King Charles III said', 'King Charles the Third said'),
    ('henry-viii', 'Henry VIII', 'Henry the Eighth'),
    ('title-as-surname', 'Martin Luther King III spoke', 'Martin Luther King the Third spoke'),
    ('generation-after-a-full-name', 'Thurston Howell III said', 'Thurston Howell the Third said'),
    ('generation-iv', 'a gift from Davis Love IV,', 'a gift from Davis Love the Fourth,'),
    ('three-word-title-is-a-sequel', 'Grand Theft Auto IV sold', 'Grand Theft Auto Four sold'),
    ('title-after-article', 'The King II ruling', 'The King Two ruling'),
    ('world-war-ii', 'World War II', 'World War Two'),
    ('pope-leo', 'Pope Leo XIV', 'Pope Leo the Fourteenth'),
    ('queen-elizabeth-ii', 'Queen Elizabeth II', 'Queen Elizabeth the Second'),
    ('louis-xiv', 'Louis XIV', 'Louis the Fourteenth'),
    ('world-war-i', 'World War I', 'World War One'),
    ('not-a-numeral', 'an IV drip', 'an I V drip'),
)
SENTENCES = cases(
    ('abbr-dr', 'Dr. Smith said', 'Doctor Smith said'),
    ('abbr-jan', 'on Jan. 5 it rose', 'on January fifth it rose'),
    ('abbr-inc-end', 'shares of Acme Inc. fell', 'shares of Acme Incorporated fell'),
    ('number-decimal', 'About 1.5m people were affected.', 'About one point five million people were affected.'),
    ('us-mid-sentence', 'the U.S. Federal Reserve', 'the U S Federal Reserve'),
)

ALL = TELEPHONE + CLOCK + DATES + MONEY + URLS_EMAIL + TICKERS + ABBREVIATIONS + FINANCE + PLURALS + ORDINALS + RANGES + FRACTIONS + MEASURES + ADDRESSES + DIGITS + REGNAL + SENTENCES


@pytest.mark.parametrize(("written", "spoken"), ALL)
def test_spoken_form(written: str, spoken: str) -> None:
    assert speak(written) == spoken


def test_round_two_adds_at_least_150_named_cases() -> None:
    assert len(ALL) >= 150


@pytest.mark.parametrize(("written", "spoken"), ALL)
def test_never_a_digit_or_symbol(written: str, spoken: str) -> None:
    assert not FORBIDDEN.search(speak(written))


def test_dates_follow_the_shows_order() -> None:
    assert speak("on 03/05/2026", date_order="MDY") == "on March fifth, twenty twenty-six"
    assert speak("on 03/05/2026", date_order="DMY") == "on May third, twenty twenty-six"


FIGURES = ["1.5m", "3.2%", "US$1.3 billion", "$1.0875", "£0.79", "10:00 a.m. ET", "7.30 p.m. ET", "03/05/2026",
           "2025/11/03", "03.11.2025", "555-123-4567", "www.example.gov/help", "ir@example-bank.eu", "No. 5",
           "Dr. Smith", "St. Paul, MN 55101", "Jan. 5", "the U.S. Treasury", "approx. 40", "ext. 204", "Q3",
           "3 1/2", "24/7", "10,000th", "King Charles III", "30-40", "$40-$50", "mid-90s", "(NASDAQ: AAPL)", "4 p.m. HKT",
           "J. K. Rowling", "1.25bn", "0.5 percentage point", "2:1", "Acme Inc. shares", "v. 2.0"]
WORDS = ["Shares", "rose", "the company said", "analysts", "after", "markets in", "prices", "at", "on", "about",
         "Officials", "according to", "visitors", "by", "the report", "a record"]


def _sentence(rng: object) -> str:
    import random

    assert isinstance(rng, random.Random)
    parts = [rng.choice(WORDS).capitalize()]
    for _ in range(rng.randint(2, 7)):
        parts.append(rng.choice(FIGURES) if rng.random() < 0.45 else rng.choice(WORDS).lower())
    return " ".join(parts) + rng.choice([".", ".", ".", "?", "!"])


def test_no_number_is_split_and_every_written_sentence_is_one_spoken_sentence() -> None:
    """Over random news-like paragraphs: the listener hears exactly the sentences the digest wrote."""
    import random
    import re

    from podcast.speech import sentences, split_written

    rng = random.Random(13)
    for _ in range(400):
        written = [_sentence(rng) for _ in range(rng.randint(1, 5))]
        paragraph = " ".join(written)
        split = split_written(paragraph)
        assert split == written, paragraph
        for before, after in zip(split, split[1:], strict=False):
            assert not (re.search(r"\d[.,]$", before) and after[:1].isdigit()), (before, after)
        spoken = [speak(sentence, paragraph) for sentence in split]
        for sentence, said in zip(split, spoken, strict=True):
            assert len(sentences(said)) == 1, (sentence, said)
        assert len(sentences(" ".join(spoken))) == len(written), paragraph
