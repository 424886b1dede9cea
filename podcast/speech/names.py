"""Abbreviations, titles, names with numbers, acronyms and the producer's pronunciation lexicon."""

from __future__ import annotations

import re
from typing import Final

from . import guesses, words

# Abbreviations whose period is part of the word; a sentence end keeps its full stop.
ABBREVIATIONS: Final[dict[str, str]] = {
    "Dr.": "Doctor", "Mr.": "Mister", "Mrs.": "Missus", "Ms.": "Miz", "Prof.": "Professor",
    "Gen.": "General", "Lt.": "Lieutenant", "Col.": "Colonel", "Capt.": "Captain",
    "Sen.": "Senator", "Rep.": "Representative", "Gov.": "Governor", "Pres.": "President",
    "Sgt.": "Sergeant", "Adm.": "Admiral", "Rev.": "Reverend", "Hon.": "Honourable",
    "Jr.": "Junior", "Sr.": "Senior", "Mt.": "Mount", "Ft.": "Fort", "Ave.": "Avenue",
    "Blvd.": "Boulevard", "Rd.": "Road", "Inc.": "Incorporated", "Corp.": "Corporation",
    "Co.": "Company", "Ltd.": "Limited", "Bros.": "Brothers", "Dept.": "Department",
    "Univ.": "University", "Intl.": "International", "Govt.": "Government",
    "vs.": "versus", "v.": "versus", "etc.": "et cetera", "approx.": "approximately",
    "est.": "estimated", "e.g.": "for example", "i.e.": "that is", "a.k.a.": "also known as",
    "U.S.": "US", "U.K.": "UK", "U.N.": "UN", "E.U.": "EU", "D.C.": "D C",
    "Jan.": "January", "Feb.": "February", "Aug.": "August", "Sept.": "September",
    "Sep.": "September", "Oct.": "October", "Nov.": "November", "Dec.": "December",
    "Mon.": "Monday", "Tue.": "Tuesday", "Wed.": "Wednesday", "Thu.": "Thursday",
    "Fri.": "Friday", "Sat.": "Saturday", "Sun.": "Sunday",
    "Ald.": "Alderman", "Supt.": "Superintendent", "Det.": "Detective", "Insp.": "Inspector",
    "Cmdr.": "Commander", "Cpl.": "Corporal", "Pvt.": "Private", "Maj.": "Major", "Atty.": "Attorney",
    "Cllr.": "Councillor", "Amb.": "Ambassador", "Comm.": "Commissioner", "Msgr.": "Monsignor",
    "Fr.": "Father", "Asst.": "Assistant", "Sup.": "Supervisor", "Reps.": "Representatives", "Sens.": "Senators",
}
ABBREVIATIONS.update({key[0].upper() + key[1:]: value[0].upper() + value[1:]
                      for key, value in list(ABBREVIATIONS.items()) if key[0].islower() and len(key) > 3})
"""Sentence-initial forms too: "Approx. 40" -> "Approximately forty"."""

_ABBREV_RE = re.compile(
    r"(?<![\w.])(?P<abbr>" + "|".join(re.escape(a) for a in sorted(ABBREVIATIONS, key=len, reverse=True)) + r")"
    r"(?P<after>\s*$|\s+(?=[A-Z\"'])|)",
)
# "St." is Saint before a name and Street after one.
_SAINT = re.compile(r"(?<![\w.])St\.(?=\s+[A-Z])")
_STREET = re.compile(r"(?<=[a-z] )St\.")

# All-capital words said as words, not letter by letter.
WORD_ACRONYMS: Final = frozenset(
    """NASA OPEC NATO UNESCO UNICEF COVID FIFA ASEAN NASDAQ SARS MERS AIDS LASER RADAR SCUBA
    NAFTA OECD IMAX MAX ISIS UEFA SWIFT LIBOR SOFR ESPN GIF JPEG CAPTCHA DARPA FEMA
    INTERPOL EURO TikTok ZIP APEC BRICS NEOM ANZAC IKEA LEGO ASAP WHO OSHA CERN GAAP NIMBY ERCOT PEMEX SWAT""".split()
)
SPELLED: Final = frozenset("USA EPA UFO IRA ETA OPM ADA".split())
"""Capitals that could be said as a word but are always spelled: no guess to show."""
_ACRONYM = re.compile(r"\b(?P<word>[A-Z][A-Z]+)(?P<plural>s)?\b")
_ALNUM_NAME = re.compile(
    r"(?<![\w$£€¥₩])(?P<letters>[A-Za-z]*[A-Z][A-Za-z]*)(?P<dash>-?)(?P<num>\d+)(?P<tail>[A-Za-z]*)\b"
)
_NUM_LETTER = re.compile(r"(?<![\w.,$£€¥₩])(?P<num>\d+)(?P<letters>[A-Z]{1,3})\b")
_MODEL_AFTER_NAME = re.compile(
    r"\b(?P<name>[A-Z][A-Za-z]+) (?P<num>[1-9]\d{2}|(?<=[A-Z]{2} )[1-9]\d{3})\b"  # "RTX 4090": 4 digits after capitals
    r"(?![\d,.%])(?!\s+(?:[a-z]+s|percent|per)\b)"
)
_NOT_NAMES: Final = frozenset(
    "In On At By The A An For To Of And But Since From About Over Under With Top Some All Nearly Almost".split()
)


def _spell(letters: str) -> str:
    return " ".join(letters)


def _acronym(match: re.Match[str]) -> str:
    word, plural = match["word"], match["plural"] or ""
    if word in WORD_ACRONYMS or len(word) > 6:
        if word not in WORD_ACRONYMS:
            guesses.note(word, word, (_spell(word),), "capitals longer than six letters are said as a word")
        return word + plural
    if len(word) >= 3 and word not in SPELLED and sayable(word):
        guesses.note(word, _spell(word), (word.capitalize(),), "capitals are spelled unless known as a word")
    return _spell(word) + plural


def sayable(word: str) -> bool:
    """Whether capitals could be said as a word: vowels and consonants alternate enough ("NASA", not "BBC")."""
    return re.fullmatch(r"[^AEIOU]?(?:[AEIOU][^AEIOU])+[AEIOU]?", word) is not None


def _letters(text: str) -> str:
    """Short all-capital letter runs are spelled; words stay words."""
    if text.isupper() and len(text) <= 4 and text not in WORD_ACRONYMS:
        return _spell(text)
    return text


def _alnum_name(match: re.Match[str]) -> str:
    """"Qwen-3" -> "Qwen three", "S27" -> "S twenty-seven", "SYH2082" -> "S Y H twenty eighty-two"."""
    letters, number, tail = match["letters"], match["num"], match["tail"]
    spoken = f"{_letters(letters)} {words.model_number(number)}"
    if tail:
        spoken += " " + _letters(tail)
    return spoken


def _num_letter(match: re.Match[str]) -> str:
    """"5G" -> "five G", "4K" -> "four K"."""
    return f"{words.model_number(match['num'])} {_spell(match['letters'])}"


TITLES: Final = frozenset(
    "Dr. Mr. Mrs. Ms. Prof. Gen. Lt. Col. Capt. Sen. Rep. Gov. Pres. Sgt. Adm. Rev. Hon. Mt. Ft. "
    "No. v. vs. e.g. i.e. a.k.a. approx. Jan. Feb. Aug. Sept. Sep. Oct. Nov. Dec. "
    "U.S. U.K. U.N. E.U. D.C. Jr. Sr. Mon. Tue. Wed. Thu. Fri. Sat. Sun. Ald. Supt. Det. Insp. Cmdr. Cpl. Pvt. "
    "Maj. Atty. Cllr. Amb. Comm. Msgr. Fr. Asst. Sup. Reps. Sens.".split()
)
"""Abbreviations that always lead into more words, so their period never ends a sentence."""


def abbreviations(text: str) -> str:
    """Titles and abbreviations as words; a sentence that ended on one keeps its full stop."""
    text = _SAINT.sub("Saint", text)
    text = _STREET.sub("Street", text)

    def expand(match: re.Match[str]) -> str:
        abbr, after = match["abbr"], match["after"]
        spoken = ABBREVIATIONS[abbr]
        at_end = not text[match.end():].strip()
        if at_end and abbr not in TITLES:
            return spoken + "." + after
        if abbr in TITLES or not after:
            return spoken + after
        return spoken + "." + after  # end of text, or a capital follows: a sentence ended

    return _ABBREV_RE.sub(expand, text)


def names_with_numbers(text: str) -> str:
    """Model names, indices and codes that mix letters and digits."""
    text = _MODEL_AFTER_NAME.sub(
        lambda m: m.group(0) if m["name"] in _NOT_NAMES else f"{m['name']} {words.model_number(m['num'])}", text
    )
    text = _ALNUM_NAME.sub(_alnum_name, text)
    return _NUM_LETTER.sub(_num_letter, text)


def acronyms(text: str) -> str:
    """Capital-letter abbreviations spelled letter by letter unless said as a word."""
    return _ACRONYM.sub(_acronym, text)
