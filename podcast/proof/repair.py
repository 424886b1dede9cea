"""Fixing a clearly wrong sentence where it can be: other takes of it, in a fixed order, the first heard clearly
right kept.

The takes are takes.py's other recipes (split at a comma, a little slower), tried in
that order, each heard on its own. The first that the ear hears right with room to
spare (compare.clearly_right) is kept; when none is, the sentence keeps its first
take and stays flagged. Taking the first clearly right take, rather than the best
score, keeps the choice away from near ties that another machine's arithmetic could
tip. Every take has its own key in the cache: the first take is never overwritten.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

from ..config import VoiceProfile
from ..takes import AS_RENDERED, DEFAULT_TIMEOUT_S, RECIPES, applies, make_take
from .check import Checked, Proofer
from .compare import clearly_right


def repair(checked: Checked, profile: VoiceProfile, proofer: Proofer, cache_dir: Path,
           timeout_s: float = DEFAULT_TIMEOUT_S) -> Checked:
    """The sentence with the first other take heard clearly right (its `repair` names the recipe), or as it was."""
    text = checked.sentence.text
    for recipe in RECIPES:
        if recipe == AS_RENDERED or not applies(recipe, text):
            continue
        take = make_take(profile, text, recipe, cache_dir, timeout_s)
        heard = proofer.check_take(dataclasses.replace(checked.sentence, audio=take))
        if clearly_right(heard.verdict, proofer.threshold):
            return dataclasses.replace(heard, repair=recipe)
    return checked
