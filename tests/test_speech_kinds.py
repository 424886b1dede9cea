"""Verbalization, round three: the figure and abbreviation kinds of wire copy and local newsletters, one named
table per kind (pence, ISO currency codes, postal codes, Roman numerals, sports shorthand, abbreviations read
by context, dashed and clock ranges, phones, dates in any case, decades, fractions, units, money forms, address
parts, codes, ordinals, capitals and datelines) and the sentence splitter around street abbreviations."""

from __future__ import annotations

import pytest

from podcast.speech import FORBIDDEN, speak, split_written

from .test_speech import cases

PENCE = cases(
    ('a-dividend-of-45p', 'a dividend of 45p', 'a dividend of forty-five pence'),
    ('up-3p-at-210p', 'up 3p at 210p', 'up three pence at two hundred and ten pence'),
    ('a-12-5p-rise', 'a 12.5p rise', 'a twelve point five pence rise'),
    ('just-1p-more', 'just 1p more', 'just one penny more'),
    ('shares-rose-2p-to-145-5p', 'shares rose 2p to 145.5p', 'shares rose two pence to one hundred and forty-five point five pence'),
    ('a-10p-cut', 'a 10p cut', 'a ten pence cut'),
    ('1080p-video', '1080p video', 'ten eighty P video'),
    ('video-lines', '1080p video', 'ten eighty P video'),
)
ISO_CURRENCIES = cases(
    ('sek-1-250', 'SEK 1,250', 'one thousand two hundred and fifty Swedish kronor'),
    ('chf-3-4bn', 'CHF 3.4bn', 'three point four billion Swiss francs'),
    ('1-2bn-nok', '1.2bn NOK', 'one point two billion Norwegian kroner'),
    ('mxn-500m', 'MXN 500m', 'five hundred million Mexican pesos'),
    ('zar-2-5-billion', 'ZAR 2.5 billion', 'two point five billion South African rand'),
    ('pln-40-000', 'PLN 40,000', 'forty thousand Polish zlotys'),
    ('3-5m-sgd', '3.5m SGD', 'three point five million Singapore dollars'),
    ('dkk-75', 'DKK 75', 'seventy-five Danish kroner'),
    ('nok-2-5bn', 'NOK 2.5bn', 'two point five billion Norwegian kroner'),
    ('huf-300-million', 'HUF 300 million', 'three hundred million Hungarian forints'),
    ('a-thb-50-000-fine', 'a THB 50,000 fine', 'a fifty thousand Thai baht fine'),
    ('inr-2-000-crore', 'INR 2,000 crore', 'two thousand crore Indian rupees'),
    ('try-12-5bn', 'TRY 12.5bn', 'twelve point five billion Turkish lira'),
    ('worth-40m-chf', 'worth 40m CHF', 'worth forty million Swiss francs'),
    ('aed-1-2-billion', 'AED 1.2 billion', 'one point two billion U A E dirhams'),
    ('krw-3-trillion', 'KRW 3 trillion', 'three trillion won'),
    ('sar-500m', 'SAR 500m', 'five hundred million Saudi riyals'),
    ('idr-10-trillion', 'IDR 10 trillion', 'ten trillion Indonesian rupiahs'),
    ('pair-dollar-yen', 'USD/JPY rose', 'dollar-yen rose'),
    ('pair-euro-dollar', 'EUR/USD fell', 'euro-dollar fell'),
    ('gbp-code', 'GBP 250m', 'two hundred and fifty million British pounds'),
)
POSTAL_CODES = cases(
    ('zip-code-10027', 'ZIP code 10027', 'ZIP code one oh oh two seven'),
    ('zip-94105-1804', 'ZIP 94105-1804', 'ZIP nine four one oh five, one eight oh four'),
    ('london-sw1a-1aa', 'London SW1A 1AA', 'London S W one A, one A A'),
    ('postcode-m5v-3l9', 'postcode M5V 3L9', 'postcode M five V, three L nine'),
    ('manchester-m1-1ae', 'Manchester M1 1AE', 'Manchester M one, one A E'),
    ('beverly-hills-ca-90210', 'Beverly Hills, CA 90210', 'Beverly Hills, California, nine oh two one oh'),
    ('zip-code-60614', 'zip code 60614', 'zip code six oh six one four'),
    ('edinburgh-eh1-1yz', 'Edinburgh EH1 1YZ', 'Edinburgh E H one, one Y Z'),
    ('vancouver-bc-v6b-1a1', 'Vancouver, BC V6B 1A1', 'Vancouver, British Columbia, V six B, one A one'),
    ('state-zip-no-comma', 'Denver CO 80202', 'Denver, Colorado, eight oh two oh two'),
    ('province-no-comma', 'Ottawa ON K1A 0B1', 'Ottawa, Ontario, K one A, oh B one'),
    ('vin', 'a VIN of 1HGCM82633A004352', 'a V I N of one H G C M eight two six three three A oh oh four three five two'),
    ('aircraft-variant', 'Boeing 787-9', 'Boeing seven eighty-seven nine'),
    ('military-time', 'at 0800 hours', 'at oh eight hundred hours'),
    ('processor-model', 'Core i9-14900K', 'Core i nine fourteen nine hundred K'),
    ('cpu-suffix', 'Ryzen 9 7950X', 'Ryzen nine seventy-nine fifty X'),
    ('sku', 'SKU 12345-AB', 'S K U one two three four five A B'),
    ('docket', 'docket 23-cv-04567', 'docket twenty-three C V oh four five six seven'),
)
ROMAN_NUMERALS = cases(
    ('wrestlemania-xl', 'WrestleMania XL', 'WrestleMania Forty'),
    ('vatican-ii', 'Vatican II', 'Vatican Two'),
    ('super-bowl-lix', 'Super Bowl LIX', 'Super Bowl Fifty-nine'),
    ('rocky-iv', 'Rocky IV', 'Rocky Four'),
    ('pope-john-paul-ii', 'Pope John Paul II', 'Pope John Paul the Second'),
    ('so-i-said-no', 'so I said no', 'so I said no'),
    ('super-bowl-lviii', 'Super Bowl LVIII', 'Super Bowl Fifty-eight'),
    ('the-second-vatican-council-or-vatican-ii', 'the Second Vatican Council, or Vatican II,', 'the Second Vatican Council, or Vatican Two,'),
    ('pope-pius-xii', 'Pope Pius XII', 'Pope Pius the Twelfth'),
    ('richard-iii', 'Richard III', 'Richard the Third'),
    ('top-gun-ii', 'Top Gun II', 'Top Gun Two'),
    ('creed-iii-opens', 'Creed III opens', 'Creed Three opens'),
    ('as-i-walked', 'as I walked', 'as I walked'),
    ('possessive', "Henry VIII's wives", "Henry the Eighth's wives"),
    ('malcolm-x', 'Malcolm X', 'Malcolm X'),
    ('chapter-xi', 'Chapter XI bankruptcy', 'Chapter Eleven bankruptcy'),
)
SPORTS_SHORTHAND = cases(
    ('hit-2-hrs', 'hit 2 HRs', 'hit two home runs'),
    ('drove-in-4-rbis', 'drove in 4 RBIs', 'drove in four runs batted in'),
    ('threw-3-tds', 'threw 3 TDs', 'threw three touchdowns'),
    ('1-hr-and-2-rbis', '1 HR and 2 RBIs', 'one home run and two runs batted in'),
    ('went-3-for-4-with-2-rbis', 'went 3-for-4 with 2 RBIs', 'went three-for-four with two runs batted in'),
    ('his-40th-hr', 'his 40th HR', 'his fortieth home run'),
    ('2-td-passes', '2 TD passes', 'two touchdown passes'),
    ('rushed-for-120-yds', 'rushed for 120 yds', 'rushed for one hundred and twenty yards'),
    ('ordinal-hr', 'his 40th HR', 'his fortieth home run'),
    ('a-hr', 'with a HR', 'with a home run'),
    ('attributive-td', '2 TD passes', 'two touchdown passes'),
)
ABBREVIATIONS_IN_CONTEXT = cases(
    ('dr-patel-said', 'Dr. Patel said', 'Doctor Patel said'),
    ('a-home-on-elm-dr-near-the-park', 'a home on Elm Dr. near the park', 'a home on Elm Drive near the park'),
    ('st-mary-s-hospital', "St. Mary's Hospital", "Saint Mary's Hospital"),
    ('5-mi-n-of-denver', '5 mi N. of Denver', 'five miles north of Denver'),
    ('on-w-main-street', 'on W. Main Street', 'on West Main Street'),
    ('in-nw-portland', 'in NW Portland', 'in Northwest Portland'),
    ('ald-rivera-and-supt-lee', 'Ald. Rivera and Supt. Lee', 'Alderman Rivera and Superintendent Lee'),
    ('gov-hochul-and-rep-torres', 'Gov. Hochul and Rep. Torres', 'Governor Hochul and Representative Torres'),
    ('council-oks-budget', 'Council OKs budget', 'Council okays budget'),
    ('fire-at-1420-elm-st-mayor-whitfield-said', 'fire at 1420 Elm St. Mayor Whitfield said', 'fire at fourteen twenty Elm Street. Mayor Whitfield said'),
    ('dr-jane-goodall', 'Dr. Jane Goodall', 'Doctor Jane Goodall'),
    ('on-martin-luther-king-jr-dr-near', 'on Martin Luther King Jr. Dr. near', 'on Martin Luther King Junior Drive near'),
    ('st-petersburg', 'St. Petersburg', 'Saint Petersburg'),
    ('on-grand-st-and-5th-ave', 'on Grand St. and 5th Ave.', 'on Grand Street and fifth Avenue.'),
    ('3-miles-s-of-austin', '3 miles S. of Austin', 'three miles south of Austin'),
    ('at-200-e-randolph-st', 'at 200 E. Randolph St.', 'at two hundred East Randolph Street.'),
    ('on-se-division', 'on SE Division', 'on Southeast Division'),
    ('rep-nancy-mace', 'Rep. Nancy Mace', 'Representative Nancy Mace'),
    ('supt-johnson', 'Supt. Johnson', 'Superintendent Johnson'),
    ('board-oks-plan', 'board OKs plan', 'board okays plan'),
    ('the-deal-was-ok-d', "the deal was OK'd", 'the deal was okayed'),
    ('north-korea', 'N. Korea', 'North Korea'),
    ('party-state', 'Rep. Jim Jordan, R-Ohio, said', 'Representative Jim Jordan, Republican of Ohio, said'),
    ('party-ap-state-end', 'said Sen. Warren, D-Mass.', 'said Senator Warren, Democrat of Massachusetts.'),
    ('d-day', 'D-Day landings', 'D-Day landings'),
)
DASHED_RANGES = cases(
    ('from-9-p-m-5-a-m-daily', 'from 9 p.m.–5 a.m. daily', 'from nine P M to five A M daily'),
    ('on-march-3-5', 'on March 3–5', 'on March third to fifth'),
    ('improved-to-24-6-on-the-season', 'improved to 24–6 on the season', 'improved to twenty-four and six on the season'),
    ('won-31-17', 'won 31–17', 'won thirty-one to seventeen'),
    ('pages-10-12', 'pages 10–12', 'pages ten to twelve'),
    ('jan-5-7', 'Jan. 5–7', 'January fifth to seventh'),
    ('oct-30-nov-2', 'Oct. 30-Nov. 2', 'October thirtieth to November second'),
    ('the-lakers-45-20', 'the Lakers (45-20)', 'the Lakers (forty-five and twenty)'),
    ('beat-texas-35-28', 'beat Texas 35-28', 'beat Texas thirty-five to twenty-eight'),
    ('a-7-2-record', 'a 7-2 record', 'a seven and two record'),
    ('score-at-sentence-end', 'The Bears beat Detroit 24-17.', 'The Bears beat Detroit twenty-four to seventeen.'),
)
CLOCK_RANGES = cases(
    ('open-9am-noon', 'open 9am–noon', 'open nine A M to noon'),
    ('from-6-8-p-m-today', 'from 6-8 p.m. today', 'from six to eight P M today'),
    ('4-00-am-8-12-pm', '4:00 am - 8:12 pm', 'four A M to eight twelve P M'),
    ('10-30-11-45-a-m-tuesday', '10:30–11:45 a.m. Tuesday', 'ten thirty to eleven forty-five A M Tuesday'),
    ('open-7am-11pm', 'open 7am–11pm', 'open seven A M to eleven P M'),
    ('from-8-30-9-15-a-m', 'from 8:30-9:15 a.m.', 'from eight thirty to nine fifteen A M.'),
    ('noon-2-p-m-saturday', 'noon–2 p.m. Saturday', 'noon to two P M Saturday'),
    ('11-a-m-1-p-m-et', '11 a.m. - 1 p.m. ET', 'eleven A M to one P M Eastern'),
)
PHONES = cases(
    ('call-415-555-0134', 'call (415) 555-0134', 'call four one five, five five five, oh one three four'),
    ('1-212-555-0100', '+1 (212) 555-0100', 'plus one, two one two, five five five, oh one oh oh'),
    ('33-1-42-68-53-00', '+33 1 42 68 53 00', 'plus three three, one, four two, six eight, five three, oh oh'),
    ('call-020-7946-0958', 'call (020) 7946 0958', 'call oh two oh, seven nine four six, oh nine five eight'),
    ('212-555-7788', '(212) 555-7788', 'two one two, five five five, seven seven eight eight'),
    ('61-2-9374-4000', '+61 2 9374 4000', 'plus six one, two, nine three seven four, four oh oh oh'),
    ('1-416-555-0199', '+1 416 555 0199', 'plus one, four one six, five five five, oh one nine nine'),
    ('trunk-zero', '+44 (0)20 7946 0958', 'plus four four, two oh, seven nine four six, oh nine five eight'),
    ('emergency', 'call 911', 'call nine one one'),
    ('porsche-911', 'Porsche 911', 'Porsche nine eleven'),
    ('vanity', 'dial 1-800-FLOWERS', 'dial one eight hundred flowers'),
    ('uk-five-six', '01632 960123', 'oh one six three two, nine six oh one two three'),
)
DATES_IN_ANY_CASE = cases(
    ('on-march-3-2025', 'on march 3 2025', 'on March third, twenty twenty-five'),
    ('sept-15', 'SEPT. 15', 'September fifteenth'),
    ('jan-15-2020', 'Jan-15-2020', 'January fifteenth, twenty twenty'),
    ('dec-25-2024', 'DEC 25, 2024', 'December twenty-fifth, twenty twenty-four'),
    ('15-jan-2020', '15-Jan-2020', 'January fifteenth, twenty twenty'),
    ('on-friday-october-10th', 'on Friday, October 10th', 'on Friday, October tenth'),
    ('on-apr-3', 'on apr 3', 'on April third'),
    ('nov-4-2025', 'NOV. 4, 2025', 'November fourth, twenty twenty-five'),
    ('on-june-3rd-2025', 'on June 3rd, 2025', 'on June third, twenty twenty-five'),
    ('on-12-mar-2024', 'on 12-Mar-2024', 'on March twelfth, twenty twenty-four'),
    ('month-day-after-on', 'on 3/15', 'on March fifteenth'),
    ('fraction-not-date', '3/15 of', 'three fifteenths of'),
)
DECADE_RANGES = cases(
    ('the-1960s-80s', 'the 1960s-80s', 'the nineteen sixties to eighties'),
    ('the-1990s-2000s', 'the 1990s–2000s', 'the nineteen nineties to two thousands'),
    ('the-60s-70s', "the '60s-'70s", 'the sixties to seventies'),
    ('the-1970s-90s', 'the 1970s-90s', 'the nineteen seventies to nineties'),
    ('the-1920s-30s', 'the 1920s–30s', 'the nineteen twenties to thirties'),
    ('apostrophe-s', "the 80's", 'the eighties'),
)
FRACTIONS = cases(
    ('1-4th-of-voters', '1/4th of voters', 'one fourth of voters'),
    ('3-8ths-of-an-inch', '3/8ths of an inch', 'three eighths of an inch'),
    ('2-1-2-lbs-of-beef', '2 1/2 lbs of beef', 'two and a half pounds of beef'),
    ('1-3rd-of', '1/3rd of', 'one third of'),
    ('2-5ths', '2/5ths', 'two fifths'),
    ('1-1-2-lbs', '1 1/2 lbs', 'one and a half pounds'),
)
DATA_RATES_AND_UNITS = cases(
    ('100-mbps', '100 Mbps', 'one hundred megabits per second'),
    ('5-gb-s', '5 GB/s', 'five gigabytes per second'),
    ('10-lbs', '10 lbs', 'ten pounds'),
    ('64-kbps', '64 kbps', 'sixty-four kilobits per second'),
    ('a-1-gbps-line', 'a 1 Gbps line', 'a one gigabit per second line'),
    ('25-mb-s', '25 Mb/s', 'twenty-five megabits per second'),
    ('millilitres', '250 mL', 'two hundred and fifty millilitres'),
    ('feet-inches', '5\'11"', 'five feet eleven inches'),
    ('ppm', '350 ppm', 'three hundred and fifty parts per million'),
    ('capital-m-million', '300M users', 'three hundred million users'),
)
MONEY_FORMS = cases(
    ('1-125-a-share', '$1.125 a share', 'one point one two five dollars a share'),
    ('5-10', '$5–$10', 'five to ten dollars'),
    ('20-30m', '£20-£30m', 'twenty to thirty million pounds'),
    ('0-125', '$0.125', 'zero point one two five dollars'),
    ('10-15', '€10–€15', 'ten to fifteen euros'),
    ('2-3-billion', '$2-$3 billion', 'two to three billion dollars'),
    ('range-with-cents', '$5.50–$7.25', 'five dollars and fifty cents to seven dollars and twenty-five cents'),
)
ADDRESS_PARTS = cases(
    ('john-smith-mail-com', 'john_smith@mail.com', 'john underscore smith at mail dot com'),
    ('see-www-example-com-report-2024', 'see www.example.com/report-2024', 'see example dot com slash report dash two oh two four'),
    ('jane-doe42-example-org', 'jane.doe42@example.org', 'jane dot doe four two at example dot org'),
    ('see-city-gov-parks-rec', 'see city.gov/parks_rec', 'see city dot gov slash parks underscore rec'),
    ('email-mary-ann-town-org', 'email mary-ann@town.org', 'email mary dash ann at town dot org'),
    ('visit-www-site-com-2024-budget', 'visit www.site.com/2024/budget', 'visit site dot com slash two oh two four slash budget'),
    ('short-link', 'bit.ly/3xYz9', 'bit dot L Y slash three x Y z nine'),
    ('mailto', 'mailto:help@site.com', 'help at site dot com'),
)
CODES = cases(
    ('serial-number-sn-4471-xb', 'serial number SN-4471-XB', 'serial number S N four four seven one X B'),
    ('an-rtx-4090-card', 'an RTX 4090 card', 'an R T X forty ninety card'),
    ('the-xc90', 'the XC90', 'the X C ninety'),
    ('model-number-xr-200-b', 'model number XR-200-B', 'model number X R two oh oh B'),
    ('part-no-77-b12', 'part no. 77-B12', 'part no. seven seven B one two'),
    ('the-gtx-1080', 'the GTX 1080', 'the G T X ten eighty'),
)
ORDINAL_SPELLINGS = cases(
    ('the-2d-circuit', 'the 2d Circuit', 'the second Circuit'),
    ('the-21st-century', 'the 21ST century', 'the twenty-first century'),
    ('the-23rd-25th', 'the 23rd–25th', 'the twenty-third to twenty-fifth'),
    ('the-3d-infantry-division', 'the 3d Infantry Division', 'the third Infantry Division'),
    ('22nd-street', '22ND Street', 'twenty-second Street'),
    ('the-1st-3rd-floors', 'the 1st–3rd floors', 'the first to third floors'),
)
CAPITALS_AND_DATELINES = cases(
    ('markets', 'MARKETS', 'Markets'),
    ('world-news', 'WORLD NEWS', 'World News'),
    ('us-stocks-fall-on-jobs-data', 'US STOCKS FALL ON JOBS DATA', 'U S Stocks Fall On Jobs Data'),
    ('nato-allies-meet-in-brussels', 'NATO ALLIES MEET IN BRUSSELS', 'NATO Allies Meet In Brussels'),
    ('london-reuters-shares-fell', 'LONDON (Reuters) - Shares fell.', 'London, Reuters. Shares fell.'),
    ('new-york-ap-stocks-rose', 'NEW YORK (AP) - Stocks rose.', 'New York, A P. Stocks rose.'),
    ('washington-march-3-reuters-the-senate-vo', 'WASHINGTON, March 3 (Reuters) - The Senate voted.', 'Washington, March third, Reuters. The Senate voted.'),
    ('new-delhi-reuters-india-said', 'NEW DELHI (Reuters) - India said', 'New Delhi, Reuters. India said'),
    ('tokyo-jan-5-reuters-stocks-fell', 'TOKYO, Jan 5 (Reuters) - Stocks fell.', 'Tokyo, January fifth, Reuters. Stocks fell.'),
    ('economy', 'ECONOMY', 'Economy'),
    ('tech-and-media', 'TECH AND MEDIA', 'Tech And Media'),
    ('eu-leaders-meet', 'EU LEADERS MEET', 'E U Leaders Meet'),
    ('ftse-falls', 'FTSE FALLS', 'F T S E Falls'),
    ('dateline-state', 'SPRINGFIELD, Ill. — The governor said.', 'Springfield, Illinois. The governor said.'),
    ('dateline-no-agency', 'LOS ANGELES — The city said.', 'Los Angeles. The city said.'),
    ('dateline-two-cities', "FRANKFURT/BERLIN (Reuters) - Germany's", "Frankfurt and Berlin, Reuters. Germany's"),
    ('not-a-dateline', 'NATO - Russia talks', 'NATO, Russia talks'),
    ('possessive-caps', "CHINA'S BYD SALES SLIP 5%", "China's B Y D Sales Slip five percent"),
)

ALL = (PENCE + ISO_CURRENCIES + POSTAL_CODES + ROMAN_NUMERALS + SPORTS_SHORTHAND
       + ABBREVIATIONS_IN_CONTEXT + DASHED_RANGES + CLOCK_RANGES + PHONES + DATES_IN_ANY_CASE
       + DECADE_RANGES + FRACTIONS + DATA_RATES_AND_UNITS + MONEY_FORMS + ADDRESS_PARTS + CODES + ORDINAL_SPELLINGS + CAPITALS_AND_DATELINES)
SPLITS = [
    pytest.param('The fire started at 1420 Elm St. Mayor Whitfield said crews arrived fast.', 2, id='the-fire-started-at-1420-elm-st-mayor-wh'),
    pytest.param('Dr. Patel met Gov. Hochul on Tuesday.', 1, id='dr-patel-met-gov-hochul-on-tuesday'),
    pytest.param('He lives on Oak Dr. The house burned.', 2, id='he-lives-on-oak-dr-the-house-burned'),
    pytest.param('Ald. Rivera and Supt. Lee spoke.', 1, id='ald-rivera-and-supt-lee-spoke'),
    pytest.param('They flew to St. Louis. It rained.', 2, id='they-flew-to-st-louis-it-rained'),
    pytest.param('The storm moved 5 mi. N. of town.', 1, id='the-storm-moved-5-mi-n-of-town'),
    pytest.param('He lives at 12 Oak Ave. The fire spread.', 2, id='he-lives-at-12-oak-ave-the-fire-spread'),
    pytest.param('Police said St. Jude was closed.', 1, id='police-said-st-jude-was-closed'),
    pytest.param('Gov. Hochul and Sen. Schumer spoke.', 1, id='gov-hochul-and-sen-schumer-spoke'),
    pytest.param('It is on Pine St. The road is shut.', 2, id='it-is-on-pine-st-the-road-is-shut'),
    pytest.param('Det. Sgt. Ray said so.', 1, id='det-sgt-ray-said-so'),
    pytest.param('Crews at 400 Main St. said so.', 1, id='crews-at-400-main-st-said-so'),
]


@pytest.mark.parametrize(("written", "spoken"), ALL)
def test_spoken_form(written: str, spoken: str) -> None:
    assert speak(written) == spoken


@pytest.mark.parametrize(("written", "spoken"), ALL)
def test_never_a_digit_or_symbol(written: str, spoken: str) -> None:
    assert not FORBIDDEN.search(speak(written))


@pytest.mark.parametrize(("paragraph", "count"), SPLITS)
def test_sentences_end_where_the_writer_ended_them(paragraph: str, count: int) -> None:
    """A street abbreviation may end a sentence; a title, a compass point or an initial never does."""
    assert len(split_written(paragraph)) == count


def test_every_kind_has_at_least_five_named_cases() -> None:
    tables = [PENCE, ISO_CURRENCIES, POSTAL_CODES, ROMAN_NUMERALS, SPORTS_SHORTHAND, ABBREVIATIONS_IN_CONTEXT,
              DASHED_RANGES, CLOCK_RANGES, PHONES, DATES_IN_ANY_CASE, DECADE_RANGES, FRACTIONS, DATA_RATES_AND_UNITS,
              MONEY_FORMS, ADDRESS_PARTS, CODES, ORDINAL_SPELLINGS, CAPITALS_AND_DATELINES]
    assert all(len(table) >= 5 for table in tables)


def test_thirty_most_traded_currency_codes_are_said_by_name() -> None:
    from podcast.speech.currencies import MOST_TRADED

    for code in MOST_TRADED[:30]:
        said = speak(f"{code} 5 million")
        assert said.startswith("five million ") and code not in said.replace("U S", "US"), (code, said)
