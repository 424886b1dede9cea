"""The languages a show can be in besides English: each one's verbalizer rules, phrases and Kokoro voices."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from ..langtag import normal
from . import es, fr, hi, it, pt_br
from .phrases import Phrases, load_phrases
from .rules import LanguageRules
from .verbalizer import Verbalizer


@dataclass(frozen=True)
class LanguagePack:
    """Everything that makes a show speak one language."""

    code: str
    """As written in podcast.toml and the feed's <language>: "es", "fr", "it", "pt-BR", "hi"."""
    name: str
    """The language's own name for itself."""
    rules: LanguageRules
    kokoro_lang: str
    """The eSpeak NG language kokoro-onnx phonemizes with."""
    reader: str
    """Kokoro voice that reads the stories."""
    anchor: str
    """Kokoro voice for the intro, section lead-ins and sign-off: another speaker where Kokoro has one."""

    @functools.cached_property
    def verbalizer(self) -> Verbalizer:
        return Verbalizer(self.rules)

    def phrases(self, show_dir: Path | None = None) -> Phrases:
        return load_phrases(self.code, show_dir)


PACKS: Final = {pack.code: pack for pack in (
    LanguagePack("es", "español", es.RULES, "es", "ef_dora", "em_alex"),
    LanguagePack("fr", "français", fr.RULES, "fr-fr", "ff_siwis", "ff_siwis"),
    LanguagePack("it", "italiano", it.RULES, "it", "if_sara", "im_nicola"),
    LanguagePack("pt-BR", "português do Brasil", pt_br.RULES, "pt-br", "pf_dora", "pm_alex"),
    LanguagePack("hi", "हिन्दी", hi.RULES, "hi", "hf_alpha", "hm_omega"),
)}
"""French has one Kokoro voice, ff_siwis: reader and anchor are the same speaker."""


def pack_for(language: str) -> LanguagePack | None:
    """The pack for a show language ("es", "ES", "pt-br", "pt_BR"); None for English and unknown codes."""
    return next((pack for code, pack in PACKS.items() if normal(code) == normal(language)), None)
