"""Kokoro-82M through kokoro-onnx: the natural default voice, 24 kHz, about 0.65 s of compute per second of speech.

A voice is one of the voice pack's 54 ids or a weighted blend ("af_heart*0.7+bf_emma*0.3").
The model is loaded once per worker process, on its first sentence.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from importlib.metadata import version
from pathlib import Path
from typing import Any

import numpy as np

from .. import timings
from ..config import VoiceProfile, setting_range
from ..errors import ConfigError, RenderError, did_you_mean
from ..langtag import same_language
from . import Voice, assets, onnx
from .wav import write_wav

BATCH_PHONEMES = 250
"""kokoro-onnx renders a sentence in batches of at most this many phonemes, cut at punctuation where it can. Its
own 510 let one long sentence take a worker to 1.2 GB; 250 keeps it near 0.7 GB at the same speed (measured)."""
DEFAULT_VOICE = "af_heart"
LANGUAGES = {"a": "en-us", "b": "en-gb", "e": "es", "f": "fr-fr", "h": "hi", "i": "it", "j": "ja", "p": "pt-br",
             "z": "cmn"}
"""Kokoro voice ids start with their language's letter and the speaker's gender (af_heart: American, female)."""
SPOKEN = ("en-us", "en-gb", "es", "fr-fr", "it", "pt-br", "hi")
"""The languages kokoro-onnx phonemizes offline with the eSpeak NG data it bundles. Japanese and Mandarin need
misaki's ja/zh phonemizers and their dictionaries, which do not install from the package registries alone."""
LANGUAGE_FLAGS = re.compile(r"\([a-z]{2,3}(?:-[a-z0-9]+)?\)")
"""eSpeak NG marks a word it reads with another language's rules, "(en)slˈaʃ(fr)" for "slash" in French text, and
kokoro-onnx passes the marks on: the voice said them ("ɛn … fʁ", heard "une slache"). The marks are removed; the
word keeps the sounds eSpeak NG gave it."""
RESPELLINGS: dict[str, tuple[tuple[re.Pattern[str], str], ...]] = {
    "fr-fr": (
        # eSpeak NG reads "-tième" after a vowel or a nasal as "-sième", as in "nation": "huitième" came out
        # "huissième", "centième" "cen-sième"; a doubled t keeps the t ("yitjˈɛm", "sɑ̃tjˈɛm")
        (re.compile(r"(?<=\b[Hh]ui)t(?=ièmes?\b)"), "tt"),
        (re.compile(r"(?<=\b[Cc]en)t(?=ièmes?\b)"), "tt"),
        # French acronyms said as words that eSpeak NG reads with English rules for their letters ("ee", "ao"):
        # "Insee" came out "inn-sii", "Cedeao" "sèdi-o". One "n" before a consonant makes a nasal vowel ("Insé" was
        # "ɛ̃sˈe"), so "Innsé", as a newsreader says it ("insˈe")
        (re.compile(r"\bInsee\b", re.I), "Innsé"),
        (re.compile(r"\bCedeao\b", re.I), "Cédéao"),
        # French towns and regions whose names French spelling rules do not give, or that eSpeak NG reads with
        # English rules, many of them football clubs in the day's results: "Rouen" came out "rwin", "Lens"
        # "lène", "Troyes" "troy", "Annecy" "anne-sea"
        *((re.compile(rf"\b{name}\b"), said) for name, said in (
            ("Rouen", "Rouan"), ("Metz", "Messe"), ("Reims", "Rince"), ("Auxerre", "Ausserre"), ("Lens", "Lance"),
            ("Agen", "Ajin"), ("Troyes", "Troie"), ("Guingamp", "Guingan"), ("Bruxelles", "Brusselle"),
            ("Annecy", "Anne-si"), ("Quevilly", "Quevili"), ("Wallonie", "Ouallonie"), ("Wallonne", "Ouallonne"),
            ("Wallon", "Ouallon"), ("Wissembourg", "Vissembourg"), ("Wimereux", "Ouimereux"))),
    ),
}
"""Words eSpeak NG says wrong in a language, respelled in the text it is given (never in the script or on the
page) so that its own rules give the right sounds."""


@dataclass(frozen=True)
class KokoroVoice(VoiceProfile):
    """A Kokoro voice: voices/NAME.toml with engine = "kokoro"."""

    engine = "kokoro"
    speed: float = setting_range(1.0, 0.5, 2.0)
    """Speaking speed, 1.0 is the voice's own pace."""
    lang: str = ""
    """"en-us", "en-gb", "es", "fr-fr", "it", "pt-br" or "hi"; empty: from the voice id's first letter (a... American,
    b... British, e... Spanish, f... French, i... Italian, p... Brazilian, h... Hindi)."""
    cross_language: bool = False
    """Let the voice read a language not its own on purpose (an English voice reading French); otherwise a voice
    whose language differs from `lang` or from the show's is refused when the show loads."""
    model: str = ""
    """A model file of your own (.onnx); empty: the installed one."""

    def speaks(self) -> str:
        """The language the voice reads in: `lang`, else its id's first letter's."""
        return self.lang or LANGUAGES.get((self.voice or DEFAULT_VOICE)[:1], "en-us")
    voices: str = ""
    """A voices file of your own (voices-v1.0.bin); empty: the installed one."""


class KokoroEngine:
    """Kokoro-82M: one of the voice pack's voices, or a weighted blend ("af_heart*0.7+bf_emma*0.3")."""

    Settings = KokoroVoice

    def __init__(self, profile: KokoroVoice) -> None:
        self.profile = profile
        self._model: Any = None
        self._pack: Any = None

    def _files(self) -> tuple[Path, Path]:
        p = self.profile
        model = assets.own_file(p.model, "Kokoro model") if p.model else assets.installed(assets.KOKORO_MODEL)
        pack = assets.own_file(p.voices, "Kokoro voices file") if p.voices else assets.installed(assets.KOKORO_VOICES)
        return model, pack

    def _graph(self, model: Path) -> Path:
        """What onnxruntime runs: the installed model as its rewritten graph (the same audio to the bit, sooner)."""
        return model if self.profile.model else assets.installed(assets.KOKORO_MATMUL)

    @property
    def voice_id(self) -> str:
        return self.profile.voice or DEFAULT_VOICE

    @property
    def lang(self) -> str:
        return self.profile.speaks()

    @property
    def key(self) -> str:
        model, pack = self._files()
        return (f"kokoro-onnx {version('kokoro-onnx')}|{assets.file_hash(model)}|{assets.file_hash(pack)}|"
                f"{self.voice_id}|{self.profile.speed}|{self.lang}|{sorted(self.profile.phonemes)}|batch{BATCH_PHONEMES}"
                "|no-language-flags" + _respelling_key(self.lang))

    def _blend(self) -> list[tuple[str, float]]:
        """(voice id, weight) of each voice in the blend, weights summing to one."""
        pieces = []
        for term in self.voice_id.split("+"):
            name, _, weight = term.strip().partition("*")
            try:
                pieces.append((name.strip(), float(weight) if weight else 1.0))
            except ValueError:
                raise ConfigError(self._where, f"voice {self.voice_id!r}: bad weight {weight!r}") from None
        total = sum(w for _, w in pieces)
        if total <= 0:
            raise ConfigError(self._where, f"voice {self.voice_id!r}: weights must be positive")
        return [(name, w / total) for name, w in pieces]

    @property
    def _where(self) -> str:
        return self.profile.source or "voice profile"

    def start(self) -> None:
        """Check the files and the voice and language, without loading the model."""
        if self.lang not in SPOKEN:
            raise ConfigError(self._where, f"lang {self.lang!r}: use one of {', '.join(SPOKEN)}")
        self._graph(self._files()[0])
        known = self._voice_pack().files
        for name, _ in self._blend():
            if name not in known:
                raise ConfigError(self._where, f"unknown Kokoro voice {name!r}{did_you_mean(name, known)}; "
                                               "`podcast voices` lists them")
            own = LANGUAGES.get(name[:1], "")
            if not same_language(own, self.lang) and not self.profile.cross_language:
                raise ConfigError(self._where, f"voice {name!r} speaks {own or 'an unknown language'}, not "
                                  f"{self.lang}; choose a voice of that language or set cross_language = true")

    def _voice_pack(self) -> Any:
        if self._pack is None:
            _, pack = self._files()
            try:
                self._pack = np.load(pack)
            except (OSError, ValueError) as exc:
                raise ConfigError(pack, f"not a Kokoro voices file: {exc}") from exc
        return self._pack

    def _kokoro(self) -> Any:
        if self._model is None:
            model, pack = self._files()
            self._model = _loaded(self._graph(model), pack)
        return self._model

    def reset(self) -> None:
        _loaded.cache_clear()
        self._model = None

    def render(self, text: str, path: Path) -> None:
        if not text.strip():
            raise RenderError("cannot render empty text")
        pack = self._voice_pack()
        style = sum(pack[name] * weight for name, weight in self._blend())
        kokoro = self._kokoro()
        with timings.span("kokoro: phonemize"):
            phonemes = self._phonemes(kokoro, text)
        try:
            with timings.span("kokoro: inference"):
                samples, rate = kokoro.create(phonemes, voice=np.asarray(style, dtype=np.float32),
                                              speed=self.profile.speed, lang=self.lang, is_phonemes=True)
        except (ValueError, RuntimeError) as exc:
            raise RenderError(f"Kokoro failed: {exc}") from exc
        write_wav(path, samples, rate)

    def _espeak(self, kokoro: Any, text: str) -> str:
        """eSpeak NG's phonemes for the text, without its language-switch marks."""
        return LANGUAGE_FLAGS.sub("", kokoro.tokenizer.phonemize(respelled(text, self.lang), self.lang))

    def _phonemes(self, kokoro: Any, text: str) -> str:
        """The sentence's phonemes, the lexicon's own for its [phonemes] words, eSpeak NG's for the rest."""
        if not self.profile.phonemes:
            return self._espeak(kokoro, text)
        table = dict(self.profile.phonemes)
        pattern = _words_pattern(tuple(table))
        pieces, at = [], 0
        for match in pattern.finditer(text):
            if text[at:match.start()].strip():
                pieces.append(self._espeak(kokoro, text[at:match.start()]))
            pieces.append(table[match.group(0)])
            at = match.end()
        if text[at:].strip():
            pieces.append(self._espeak(kokoro, text[at:]))
        return " ".join(piece.strip() for piece in pieces if piece.strip())

    def voices(self) -> list[Voice]:
        gender = {"f": "female", "m": "male"}
        return [Voice(name, name.split("_", 1)[-1].title(), (LANGUAGES.get(name[:1], "?"),), gender.get(name[1:2], ""))
                for name in sorted(self._voice_pack().files)]


def respelled(text: str, lang: str) -> str:
    """The text as eSpeak NG is given it in `lang`: its known mistakes respelled (RESPELLINGS)."""
    for pattern, replacement in RESPELLINGS.get(lang, ()):
        text = pattern.sub(replacement, text)
    return text


def _respelling_key(lang: str) -> str:
    """A language's respellings in the cache key: changing them renders that language's sentences again."""
    rules = RESPELLINGS.get(lang)
    return "|respelled:" + "".join(f"{p.pattern}>{r};" for p, r in rules) if rules else ""


@functools.lru_cache(maxsize=8)
def _words_pattern(words: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) + r")(?!\w)")


@functools.lru_cache(maxsize=2)
def _loaded(model: Path, pack: Path) -> Any:
    """One Kokoro model per process, whatever the number of profiles: voice, speed and language are per call,
    and a second copy of the model would cost another 450 MB."""
    import kokoro_onnx

    kokoro_onnx.MAX_PHONEME_LENGTH = BATCH_PHONEMES  # read by Kokoro._split_phonemes at each call
    with timings.span("kokoro: load the model"):
        return kokoro_onnx.Kokoro.from_session(onnx.session(model), str(pack))


ENGINES = {"kokoro": KokoroEngine}
