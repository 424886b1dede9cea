"""What was said against what the ear heard, fairly: a score per sentence and, when it matters, an alarm.

Fair to the ear: the recognizer writes figures as digits and names as it guesses
them, so its text goes through the show's own verbalizer and lexicon first ("$4.85"
becomes "four dollars and eighty-five cents", "Xi" becomes the lexicon's "Shee"), words
that differ only in spacing count as heard ("eel grass"), and a run that sounds like
what was said ("Wingtec", "fair" for "fare") counts as heard with a small penalty.

Not fair to the voice: a different figure, a run of words missing or added, a
content word replaced by one that sounds nothing like it (a lexicon entry saying the
wrong word), a silent or garbled sentence. Each raises an alarm with its reason.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Final

import jellyfish

VERSION: Final = "compare-4"
"""Bump when the comparison changes, so cached hearings are compared again (they are never heard again)."""
RUN: Final = 3
"""This many words missing or added in one place is an alarm: the ear rarely drops or invents three in a row."""
SOUNDS_ALIKE: Final = 0.6
"""Phonetic similarity at or above which a misheard run counts as heard (names the ear spells its own way)."""
DIFFERENT_WORD: Final = 0.5
"""Phonetic similarity below which a misheard content word is an alarm: not a mishearing but another word."""
CONTENT_LETTERS: Final = 4
"""A word this long or longer carries meaning; shorter ones ("a", "the", "in") the ear confuses freely."""
NAME_PENALTY: Final = 0.25
"""What a sounds-alike word costs the score, against 1 for a word not heard."""
MARGIN: Final = 0.05
"""How far from the threshold a share of words heard must be for the audio to follow the ear: a repair is made
below threshold - MARGIN, and its take kept at threshold + MARGIN or above. Recognizers compute a little
differently on different CPUs; inside this band, what is heard must not decide which bytes are published."""

_UNITS = ("zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
          "seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred thousand "
          "million billion trillion point oh")
_ORDINALS = ("first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth "
             "fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth thirtieth fortieth "
             "fiftieth sixtieth seventieth eightieth ninetieth hundredth thousandth millionth billionth")
NUMBER_WORDS: Final = frozenset((_UNITS + " " + _ORDINALS).split())
"""The words figures are spoken in: where said and heard differ in these, a figure is wrong."""
SOUNDS_LIKE_A_NUMBER: Final = {"for": "four", "to": "two", "too": "two", "won": "one", "ate": "eight"}
"""Words the ear may write for a figure it heard right ("four stories" heard as "for stories")."""


_SMALL: Final = {w: n for n, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen "
    "eighteen nineteen".split())} | {"oh": 0} | {w: 10 * n for n, w in enumerate(
        "twenty thirty forty fifty sixty seventy eighty ninety".split(), start=2)}
_SCALES: Final = {"thousand": 10**3, "million": 10**6, "billion": 10**9, "trillion": 10**12}
FIGURE: Final = "#"
"""What a figure's comparable word starts with: "#1400" for any reading of fourteen hundred."""


def _groups(run: Sequence[str]) -> list[str]:
    """A run of number words as the figures it says, each in digits: "fourteen hundred" and "one thousand four
    hundred" are ["1400"]; "oh nine fifteen" is ["0", "9", "15"]; "four point three million" ["4300000"]."""
    from decimal import Decimal

    groups: list[str] = []
    total = part = Decimal(0)
    last = ""  # what the figure being read ended on: "", "unit", "teen", "ten", "hundred", "scale", "point"
    decimals = ""

    def close() -> None:
        nonlocal total, part, last, decimals
        if last:
            value = total + part + (Decimal("0." + decimals) if decimals else 0)
            groups.append(format(value.normalize(), "f") if value else "0")
        total = part = Decimal(0)
        last, decimals = "", ""

    for word in run:
        if word == "and":  # "one hundred and five": the number goes on
            continue
        if last == "point":
            if word in _SMALL and _SMALL[word] < 10:
                decimals += str(_SMALL[word])
                continue
            last = "unit"
        if word in ("oh", "zero") and not decimals:
            close()
            groups.append("0")
            continue
        if word == "point":
            if not last:
                last = "unit"
            last = "point"
            continue
        if decimals and word in _SMALL:
            last = "unit"
            close()
        if word in _SMALL:
            value = _SMALL[word]
            joins = (last == "ten" and 0 < value < 10) or (last in ("hundred", "scale") and value < 100)
            if last and not joins:
                close()
            part += value
            last = "ten" if value >= 20 else "teen" if value >= 10 else "unit"
        elif word == "hundred":
            if last in ("unit", "teen", "ten") and part < 100:
                part *= 100
            else:
                close()
                part = Decimal(100)
            last = "hundred"
        elif word in _SCALES:
            amount = part + (Decimal("0." + decimals) if decimals else 0) if last else Decimal(1)
            decimals = ""
            total = (total + (amount or 1)) * _SCALES[word] if total and total < _SCALES[word] else \
                total + (amount or 1) * _SCALES[word]
            part = Decimal(0)
            last = "scale"
    close()
    return groups


@dataclass(frozen=True)
class Numbers:
    """How a language other than English says figures, for comparing them by value: each number word's value
    ("cento" 100, "oitenta" 80, "mil" 1000) and the words that join them ("e", "y", "et")."""

    values: dict[str, int]
    joiners: frozenset[str] = frozenset()

    def is_number(self, word: str) -> bool:
        """A number word; "one" is not, for it is also the article ("um carro", "un coche", "une fois")."""
        return self.values.get(word, 1) != 1

    def words(self) -> frozenset[str]:
        return frozenset(self.values)

    def value(self, run: Sequence[str]) -> str:
        """A run of number words as digits: a smaller value before a larger one multiplies it ("dois mil", "deux
        cents", "quatre vingt"), otherwise the values add ("cento e oitenta"); a scale closes a group."""
        total = current = 0
        for word in run:
            v = self.values.get(word)
            if v is None:
                continue
            if v >= 1000:
                total += (current or 1) * v
                current = 0
            elif current and current < v:
                current *= v
            else:
                current += v
        return str(total + current)


def by_value(words_: Sequence[str], numbers: Numbers | None = None) -> list[str]:
    """Comparable words with each run of number words made one figure (see spans)."""
    return [token for token, _ in spans(words_, numbers)]


def spans(words_: Sequence[str], numbers: Numbers | None = None) -> list[tuple[str, tuple[str, ...]]]:
    """Each comparable word with the words it stands for: a run of number words (cardinals, "oh", "point", the
    language's joiners) is one figure, "#" and its digits with leading zeros dropped, so any reading of the same
    figure is the same word ("fourteen hundred", "one thousand four hundred"; "oh nine fifteen", "nine fifteen";
    "oh six hundred", "oh six oh oh"; "cento e oitenta", "cem e oitenta")."""
    out: list[tuple[str, tuple[str, ...]]] = []
    run: list[str] = []
    tail: list[str] = []
    joiners = numbers.joiners if numbers else frozenset({"point"})

    def flush() -> None:
        while run and run[-1] in joiners:  # "at one point", "dois e": the last word is a word
            tail.insert(0, run.pop())
        if numbers and len(run) == 1 and not numbers.is_number(run[0]):
            tail.insert(0, run.pop())  # "um" alone: an article as often as a figure
        if run:
            digits = numbers.value(run) if numbers else "".join(_groups(run)).lstrip("0") or "0"
            out.append((FIGURE + digits, tuple(run)))
        out.extend((word, (word,)) for word in tail)
        run.clear()
        tail.clear()

    for n, word in enumerate(words_):
        number = word in numbers.values if numbers else word in _SMALL or word in _SCALES or word == "hundred"
        british_and = (numbers is None and word == "and" and bool(run) and run[-1] in (*_SCALES, "hundred")
                       and n + 1 < len(words_) and words_[n + 1] in _SMALL)  # "two thousand and twenty six"
        if number or british_and or (word in joiners and run):
            run.append(word)
        else:
            flush()
            out.append((word, (word,)))
    flush()
    return out


def _written(found: Sequence[tuple[str, tuple[str, ...]]]) -> str:
    """The words a run of comparable words stands for, without spaces."""
    return "".join(word for _, words_ in found for word in words_)


def incomplete(found: Sequence[tuple[str, tuple[str, ...]]], numbers: Numbers | None) -> bool:
    """Whether a figure was heard with a joiner and no number after it ("cento e trinta e mil"): no language
    says that, so the recognizer dropped a word and the figure it wrote is no reading of the voice's. Its words
    count as misheard, but it is no evidence of another figure."""
    if numbers is None:
        return False
    return any(a in numbers.joiners and numbers.values.get(b, 0) >= 1000
               for _, run in found for a, b in zip(run, run[1:], strict=False))


def is_figure(word: str, numbers: Numbers | None = None) -> bool:
    return word.startswith(FIGURE) or (numbers.is_number(word) if numbers else word in NUMBER_WORDS)


@dataclass(frozen=True)
class Verdict:
    """How well one sentence was heard."""

    score: float
    """1.0 when every word was heard as said; sounds-alike words cost a little, missing or wrong words a lot."""
    flagged: bool
    reason: str
    """Why it is flagged ("" when it is not): the first alarm, in words a producer reads."""
    misheard: tuple[tuple[str, str], ...] = ()
    """(said, heard) for each run not heard as said: where a lexicon entry may help."""
    share: float = 1.0
    """The share of the words heard as said or sounding alike (Measure.share)."""
    alarmed: bool = False
    """An alarm that no threshold sets: a different figure, words missing or added, another word, silence."""


def words(text: str) -> list[str]:
    """Text as comparable words: lower case, accents and apostrophes dropped, hyphens and punctuation spaces."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    text = re.sub(r"['’‘`]", "", text).replace("&", " and ")
    return re.findall(r"[^\W_]+", text)


def _key(run: Sequence[str]) -> str:
    return "".join(jellyfish.metaphone(w) for w in run)


def _consonants(key: str) -> str:
    """A metaphone key without its vowels: names heard as several words ("Elon" as "a law and") keep these."""
    return re.sub(r"[AEIOU]", "", key)


def _similar(a: str, b: str) -> float:
    if not a and not b:
        return 1.0
    return 1.0 - jellyfish.levenshtein_distance(a, b) / max(len(a), len(b))


def sounds_alike(said: Sequence[str], heard: Sequence[str]) -> float:
    """0..1: how alike two word runs sound (metaphone keys), or are spelled, whichever is closer."""
    if not said or not heard:
        return 0.0
    joined = "".join(said), "".join(heard)
    if min(map(len, joined)) >= 2 and (joined[0].startswith(joined[1]) or joined[1].startswith(joined[0])):
        return max(SOUNDS_ALIKE, _similar(*joined))  # one is the other's stem: "be" for "being", "sale" for "sales"
    keys = _key(said), _key(heard)
    skeleton = _similar(*map(_consonants, keys)) if all(map(_consonants, keys)) else 0.0
    return max(_similar(*keys), skeleton, _similar(*joined))


@dataclass(frozen=True)
class Region:
    """A maximal run where said and heard differ: said[i0:i1] was heard as heard[j0:j1]."""

    i0: int
    i1: int
    j0: int
    j1: int


def align(said: Sequence[str], heard: Sequence[str]) -> list[tuple[str, int, int]]:
    """Word alignment (Levenshtein, ties resolved the same way every time): ("eq"|"sub"|"del"|"ins", i, j)."""
    n, m = len(said), len(heard)
    cost = [[0] * (m + 1) for _ in range(n + 1)]
    for i in range(n + 1):
        cost[i][0] = i
    for j in range(m + 1):
        cost[0][j] = j
    for i in range(1, n + 1):
        for j in range(1, m + 1):
            same = said[i - 1] == heard[j - 1]
            cost[i][j] = min(cost[i - 1][j - 1] + (0 if same else 1), cost[i - 1][j] + 1, cost[i][j - 1] + 1)
    ops = []
    i, j = n, m
    while i or j:
        if i and j and cost[i][j] == cost[i - 1][j - 1] + (0 if said[i - 1] == heard[j - 1] else 1):
            ops.append(("eq" if said[i - 1] == heard[j - 1] else "sub", i - 1, j - 1))
            i, j = i - 1, j - 1
        elif i and cost[i][j] == cost[i - 1][j] + 1:
            ops.append(("del", i - 1, j))
            i -= 1
        else:
            ops.append(("ins", i, j - 1))
            j -= 1
    return ops[::-1]


def regions(said: Sequence[str], heard: Sequence[str]) -> list[Region]:
    """Every place where said and heard differ."""
    found: list[Region] = []
    i = j = 0
    start: tuple[int, int] | None = None
    for op, _, _ in align(said, heard):
        if op == "eq":
            if start is not None:
                found.append(Region(start[0], i, start[1], j))
                start = None
            i, j = i + 1, j + 1
            continue
        if start is None:
            start = (i, j)
        i += op in ("sub", "del")
        j += op in ("sub", "ins")
    if start is not None:
        found.append(Region(start[0], i, start[1], j))
    return found


def _plain(run: Sequence[str]) -> str:
    """Words as a producer reads them: a figure in its digits ("#1400" as "1400")."""
    return " ".join(w.removeprefix(FIGURE) for w in run)


def _quote(run: Sequence[str]) -> str:
    return "'" + _plain(run) + "'" if run else "nothing"


@dataclass(frozen=True)
class Measure:
    """What the comparison finds before any threshold is applied."""

    score: float
    """1.0 when every word was heard as said; sounds-alike words cost a little, missing or wrong words a lot."""
    share: float
    """The share of the said words heard as said or sounding alike: what the threshold is held against."""
    alarms: tuple[str, ...]
    """Faults whatever the threshold: a different figure, a run of words missing or added, another word."""
    misheard: tuple[tuple[str, str], ...] = ()


def measure(said: Sequence[str], heard: Sequence[str], numbers: Numbers | None = None) -> Measure:
    """Score one sentence and find its alarms; `numbers` is how the show's language says figures (None: English)."""
    if not said:
        return Measure(1.0, 1.0, ())
    if not heard:
        return Measure(0.0, 0.0, ("silent or noise: no word was heard",))
    said_spans, heard_spans = spans(said, numbers), spans(heard, numbers)
    said, heard = [t for t, _ in said_spans], [t for t, _ in heard_spans]
    cost = soft = 0.0
    alarms: list[str] = []
    misheard: list[tuple[str, str]] = []
    for region in regions(said, heard):
        s, h = said[region.i0:region.i1], heard[region.j0:region.j1]
        if "".join(s) == "".join(h) or _written(said_spans[region.i0:region.i1]) == _written(
                heard_spans[region.j0:region.j1]):
            continue  # "eel grass" for "eelgrass", "acero" for "a cero": spacing only
        figures = [w for w in s if is_figure(w, numbers)]
        alike_words = [SOUNDS_LIKE_A_NUMBER.get(w, w) for w in h] if numbers is None else list(h)
        heard_as = [w for w in by_value(alike_words, numbers) if is_figure(w, numbers)]
        alike = sounds_alike(s, h)
        misheard.append((_plain(s), _plain(h)))
        if figures and figures == heard_as and figures != [w for w in h if is_figure(w, numbers)]:
            soft += max(len(s), len(h))  # "for stories": the figure heard right, written as a word
            continue
        if figures != [w for w in h if is_figure(w, numbers)] and figures != heard_as:
            if not incomplete(heard_spans[region.j0:region.j1], numbers):
                alarms.append(f"a different figure: said {_quote(s)}, heard {_quote(h)}")
        elif alike >= SOUNDS_ALIKE:
            soft += max(len(s), len(h))
            continue
        elif len(s) - len(h) >= RUN:
            alarms.append(f"words missing: said {_quote(s)}, heard {_quote(h)}")
        elif len(h) - len(s) >= RUN:
            alarms.append(f"words added: said {_quote(s)}, heard {_quote(h)}")
        elif len(s) >= RUN:
            alarms.append(f"garbled: said {_quote(s)}, heard {_quote(h)}")
        elif h and any(len(w) >= CONTENT_LETTERS for w in s) and alike < DIFFERENT_WORD:
            alarms.append(f"a different word: said {_quote(s)}, heard {_quote(h)}")
        cost += max(len(s), len(h))
    score = max(0.0, 1.0 - (cost + NAME_PENALTY * soft) / len(said))
    share = max(0.0, 1.0 - cost / len(said))
    return Measure(round(score, 3), round(share, 3), tuple(alarms), tuple(misheard))


def settle(found: Measure, threshold: float) -> Verdict:
    """The verdict: flagged on an alarm, or when less than `threshold` of the words were heard."""
    alarms = list(found.alarms)
    if found.share < threshold and not alarms:
        alarms.append(f"garbled: {found.share:.0%} of the words heard")
    return Verdict(found.score, bool(alarms), alarms[0] if alarms else "", found.misheard, found.share,
                   bool(found.alarms))


def judge(said: Sequence[str], heard: Sequence[str], threshold: float, numbers: Numbers | None = None) -> Verdict:
    """Score one sentence and raise the first alarm that applies; `threshold` is the lowest share of its words
    that must be heard (as said, or sounding alike) for a sentence with no other alarm to pass."""
    return settle(measure(said, heard, numbers), threshold)


def needs_repair(verdict: Verdict, threshold: float) -> bool:
    """Whether a sentence is clearly wrong: an alarm, or a share of words heard below the threshold by more than
    MARGIN. A sentence within the margin is flagged but keeps its take: another machine's arithmetic could put it
    on the other side of the threshold, and the audio must not follow that."""
    return verdict.alarmed or verdict.share < round(threshold - MARGIN, 6)


def clearly_right(verdict: Verdict, threshold: float) -> bool:
    """Whether a repair's take is heard right with room to spare (no alarm, the threshold passed by MARGIN)."""
    return not verdict.alarmed and verdict.share >= round(threshold + MARGIN, 6)


def split_heard(said: Sequence[Sequence[str]], heard: Sequence[str]) -> list[list[str]]:
    """What was heard of several sentences heard together, cut back into sentences along the alignment.

    A word heard where nothing was said goes with the sentence of the word before it.
    """
    owner = [n for n, sentence in enumerate(said) for _ in sentence]
    pieces: list[list[str]] = [[] for _ in said]
    joined = [w for sentence in said for w in sentence]
    for op, i, j in align(joined, heard):
        if op in ("eq", "sub"):
            pieces[owner[i]].append(heard[j])
        elif op == "ins" and pieces:
            pieces[owner[i - 1] if 0 < i <= len(owner) else 0].append(heard[j])
    return pieces


def syllables(word: str) -> list[str]:
    """A rough cut of a written word into syllables ("Nexperia" -> Nex, pe, ria): a start for a respelling."""
    vowels = set("aeiouyAEIOUY")
    bare = "".join(c for c in (unicodedata.normalize("NFKD", ch)[:1] for ch in word))  # "López": ó is a vowel
    cuts, i, n = [0], 0, len(word)
    while i < n:
        if bare[i] not in vowels:
            i += 1
            continue
        j = i
        while j < n and bare[j] in vowels:
            j += 1
        k = j
        while k < n and bare[k] not in vowels:
            k += 1
        if k >= n:
            break
        cuts.append(j if k - j == 1 else k - 1)  # V-CV, and VC-CV keeping one consonant for the next
        i = k
    return [word[a:b] for a, b in zip(cuts, [*cuts[1:], n], strict=True) if word[a:b]]


def lexicon_line(said: str, heard: str) -> str:
    """A line for voices/lexicon.toml's [words] for a word the ear heard otherwise: the word respelt in
    syllables, as a start for the producer's own respelling, and what was heard as a comment."""
    word = said.strip()
    return f'"{word}" = "{"-".join(syllables(word))}"  # heard as "{heard}"'


Verbalizer = Callable[[str], str]
"""The show language's spoken form of written text (digits to words, the lexicon's respellings)."""


def heard_words(raw: str, verbalize: Verbalizer) -> list[str]:
    """The ear's text as comparable words, through the same verbalizer the script went through."""
    return words(verbalize(raw)) if raw.strip() else []
