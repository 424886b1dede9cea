"""Fixing a clearly wrong sentence where it can be: other takes of it, in a fixed order, the first heard clearly
right kept; and advice offered only once it is verified.

The takes are takes.py's other recipes (split at a comma, a little slower, a pause
before a name, capitals spelled), then a respelling of each misheard word (the
lexicon line the proof would suggest, as a whole word in its own case), tried in
that order, each heard on its own. The first that the ear hears right with room to
spare (compare.clearly_right) is kept; a respelling that wins is also the lexicon
line offered, for it changed what the voice said and made the ear hear the script.
When none wins, the sentence keeps its first take and says plainly why no fix is
offered. Taking the first clearly right take, rather than the best score, keeps the
choice away from near ties that another machine's arithmetic could tip. Every take
has its own key in the cache: the first take is never overwritten.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Collection, Mapping
from pathlib import Path

from ..config import VoiceProfile
from ..takes import AS_RENDERED, DEFAULT_TIMEOUT_S, RECIPES, RESPELT, applies, make_take, respelt
from . import compare
from .check import Checked, Proofer
from .compare import clearly_right


def respellings(checked: Checked, number_words: Collection[str] = (),
                own: Mapping[str, str] | None = None) -> tuple[list[tuple[str, str]], list[str]]:
    """(word, respelling) for each misheard word a lexicon line could fix, and why the others cannot: a line
    that changes nothing, that would change another word (a number word of the language, a word whose capital
    only opens the sentence), or whose word is not in the sentence as a whole word; `own` are the words the
    show's lexicon already gives phonemes, each with its phonemes (a respelling would hide a wrong entry, not
    fix it)."""
    own = own or {}
    text = checked.sentence.text
    tokens = re.findall(r"[^\W\d_][\w'’-]*", text)
    written = {compare.words(t)[0]: t for t in tokens if len(compare.words(t)) == 1}
    found: list[tuple[str, str]] = []
    refused: list[str] = []
    for said, heard in checked.verdict.misheard:
        for word in said.split():
            token = written.get(word, "")
            if len(word) < compare.CONTENT_LETTERS or word in compare.NUMBER_WORDS or not token or not heard \
                    or word in heard.split():
                continue
            spelling = "-".join(compare.syllables(token))
            if token in own:
                refused.append(own_entry(token, own[token]))
            elif word in number_words:
                refused.append(f'"{token}" is a number word: a line for it would change every "{token}"')
            elif tokens and tokens[0] == token and token[:1].isupper() and tokens.count(token) == 1:
                refused.append(f'"{token}" opens the sentence: its capital does not say it is a name, and a line '
                               f"for it would change the common word")
            elif spelling == token:
                refused.append(f'"{token}" has one syllable: a respelling would change nothing')
            elif not re.search(rf"(?<!\w){re.escape(token)}(?!\w)", text):
                refused.append(f'"{token}" is not a whole word of the sentence')
            elif (token, spelling) not in found:
                found.append((token, spelling))
    return found, list(dict.fromkeys(refused))


def own_entry(word: str, phonemes: str) -> str:
    """Why a word the show's lexicon gives phonemes gets no respelling: the entry itself is the suspect."""
    return f'"{word}" is in the show\'s lexicon already: its line may say another word: "{word}" = "{phonemes}"'


def own_entries(checked: Checked, own: Mapping[str, str]) -> list[str]:
    """The show's own [phonemes] lines for the misheard words of a sentence: worth checking even when no take
    is tried."""
    return [reason for reason in respellings(checked, own=own)[1] if "lexicon already" in reason]


def lexicon_line(recipe: str, heard: str) -> str:
    """The [words] line a winning respelling stands for."""
    match = re.fullmatch(r'"(.+)" as "(.+)"', recipe.removeprefix(RESPELT))
    return f'"{match[1]}" = "{match[2]}"  # heard as "{heard}" before' if match else ""


def repair(checked: Checked, profile: VoiceProfile, proofer: Proofer, cache_dir: Path,
           timeout_s: float = DEFAULT_TIMEOUT_S, number_words: Collection[str] = ()) -> Checked:
    """The sentence with the first other take heard clearly right (its `repair` names the recipe, its `lexicon` the
    verified line when a respelling won), or as it was with `no_fix` saying why."""
    text = checked.sentence.text
    candidates, refused = respellings(checked, number_words, dict(profile.phonemes))
    recipes = [r for r in RECIPES if r != AS_RENDERED and applies(r, text)]
    recipes += [r for word, spelling in candidates if applies(r := respelt(word, spelling), text)]
    heard_alike = True
    for recipe in recipes:
        take = make_take(profile, text, recipe, cache_dir, timeout_s)
        heard = proofer.check_take(dataclasses.replace(checked.sentence, audio=take))
        if clearly_right(heard.verdict, proofer.threshold):
            misheard = "; ".join(h for _, h in checked.verdict.misheard)
            line = lexicon_line(recipe, misheard) if recipe.startswith(RESPELT) else ""
            return dataclasses.replace(heard, repair=recipe, lexicon=(line,) if line else ())
        heard_alike = heard_alike and heard.heard == checked.heard
    kinds = [r.split(":")[0] for r in recipes]
    tried = ", ".join(k + (f" ({kinds.count(k)} words)" if kinds.count(k) > 1 else "")
                      for k in dict.fromkeys(kinds)) or "none applies"
    own_entry = any("lexicon already" in reason for reason in refused)
    if recipes and heard_alike and not own_entry:
        why = (f"every take ({tried}) was heard exactly the same way: the recognizer's own limit, most likely, "
               f"not the voice's")
    else:
        why = f"no other take was heard right (tried: {tried})"
    return dataclasses.replace(checked, no_fix="; ".join([why, *refused]))
