"""Number words in the show's language: num2words (through speech/words.py) where it knows the language, ICU's
rules (CLDR RBNF) for Hindi.

num2words has no Hindi; ICU's spell-out rules do, with the lakh and crore scale, so Hindi comes from there.
Gender agreement ("una libra", "doscientas toneladas", "une livre", "duas libras") is applied here, on the words
num2words gives in the masculine.
"""

from __future__ import annotations

import functools
import re
from typing import Final

import icu_rbnf

from ..speech.words import spell

NUM2WORDS: Final = {"es": "es", "fr": "fr", "it": "it", "pt-BR": "pt_BR"}
"""Show language -> num2words language; the others are spelled by ICU."""
ICU: Final = {"hi": "hi"}

_HINDI_ORDINALS: Final = {1: "पहला", 2: "दूसरा", 3: "तीसरा", 4: "चौथा", 6: "छठा"}
"""Hindi's irregular ordinals; the rest add -वाँ to the cardinal. ICU has no Hindi ordinal spell-out."""


@functools.lru_cache(maxsize=4096)
def cardinal(n: int, language: str, gender: str = "m") -> str:
    """42 -> "cuarenta y dos"; gender "f" gives the feminine forms where the language has them."""
    if n < 0:
        return minus_word(language) + " " + cardinal(-n, language, gender)
    if language in ICU:
        return _tidy(icu_rbnf.spellout(n, ICU[language]))
    spoken = _tidy(spell(n, NUM2WORDS[language]))
    if language == "es":  # num2words writes "veintiuno mil", "treinta y uno millones": a number before a noun
        spoken = re.sub(r"(?<=veinti)uno(?= mil)", "ún", re.sub(r"\buno(?= mil)", "un", spoken))
    return feminine(spoken, language) if gender == "f" else spoken


def before_noun(spoken: str, language: str, gender: str) -> str:
    """A cardinal as said before a noun of that gender: "veintiún años", "veintiuna personas", "un euro"."""
    if gender == "f":
        return feminine(spoken, language)
    if language == "es":
        return re.sub(r"(?<=veinti)uno$", "ún", re.sub(r"\buno$", "un", spoken))
    if language == "it":
        return re.sub(r"\buno$", "un", spoken)
    return spoken


def feminine(spoken: str, language: str) -> str:
    """The feminine of a masculine cardinal. Only the part below a million agrees: "doscientas mil personas",
    but "doscientos millones de personas"."""
    head, tail = _split_at_millions(spoken, language)
    if language == "es":
        tail = re.sub(r"\buno$|(?<=veinti)uno$|\bun$", "una", tail)
        tail = re.sub(r"(?<=veinti)ún$", "una", tail)
        tail = re.sub(r"ientos\b", "ientas", tail).replace("quinientos", "quinientas")
    elif language == "pt-BR":
        tail = re.sub(r"\bum$", "uma", tail)
        tail = re.sub(r"\bdois$", "duas", tail)
        tail = re.sub(r"entos\b", "entas", tail)
    elif language == "it":
        tail = re.sub(r"\buno$|\bun$", "una", tail)
    elif language == "fr":
        tail = re.sub(r"\bun$", "une", tail)
    return (head + " " + tail).strip() if head else tail


def _split_at_millions(spoken: str, language: str) -> tuple[str, str]:
    scale = {"es": r"mill[oó]n(?:es)?|bill[oó]n(?:es)?", "pt-BR": r"milh(?:ão|ões)|bilh(?:ão|ões)|trilh(?:ão|ões)",
             "it": r"milion[ei]|miliard[oi]", "fr": r"millions?|milliards?"}.get(language)
    if not scale:
        return "", spoken
    matches = list(re.finditer(r"\b(?:" + scale + r")\b,?", spoken))
    if not matches:
        return "", spoken
    cut = matches[-1].end()
    return spoken[:cut].strip(), spoken[cut:].strip()


@functools.lru_cache(maxsize=1024)
def ordinal(n: int, language: str, gender: str = "m") -> str:
    """3 -> "tercero" / "troisième" / "terzo" / "terceiro" / "तीसरा"; gender "f" -> "tercera", "première"."""
    if language == "hi":
        spoken = _HINDI_ORDINALS.get(n) or cardinal(n, language) + "वाँ"
        return (spoken[:-1] + "ी").replace("वाी", "वीं") if gender == "f" else spoken
    spoken = _tidy(spell(n, NUM2WORDS[language], to="ordinal"))
    if language == "fr":  # num2words keeps the cardinal's plural s: "quatre-vingtsième", "deux centsième"
        spoken = re.sub(r"(vingt|cent)sième$", r"\1ième", spoken)
    if language == "es":  # one word, the compound loses décimo's accent: "decimoprimero" (RAE)
        spoken = re.sub(r"^décimo(?=\w)", "decimo", spoken)
    if gender == "f":
        if language == "fr":
            return re.sub(r"premier$", "première", spoken)
        return " ".join(re.sub(r"o$", "a", word) for word in spoken.split())
    return spoken


def digits(text: str, language: str) -> str:
    """"2082" -> digit by digit: codes and long decimals are read so."""
    return " ".join(cardinal(int(d), language) for d in text if d.isdigit())


def minus_word(language: str) -> str:
    return {"es": "menos", "fr": "moins", "it": "meno", "pt-BR": "menos", "hi": "ऋण"}[language]


def _tidy(words: str) -> str:
    return " ".join(words.replace(",", "").split())
