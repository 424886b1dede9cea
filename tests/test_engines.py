"""Each real speech engine renders a real sentence: plausible length, not silent, 44.1 kHz, repeatable."""

from __future__ import annotations

import hashlib
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from podcast.config import VoiceProfile
from podcast.engines import all_voices, assets, load_voice, make_engine
from podcast.engines.kokoro import KokoroVoice
from podcast.engines.piper import PiperVoice
from podcast.engines.pyttsx3 import Pyttsx3Voice
from podcast.errors import ConfigError
from podcast.sound.mix import RATE, load_speech
from podcast.takes import check_wav, render_sentence

SENTENCE = "Stocks rose two point five percent on Tuesday, as investors bet on a rate cut in March."
WORDS = len(SENTENCE.split())

PROFILES = {
    "kokoro": KokoroVoice(voice="af_heart"),
    "kokoro-blend": KokoroVoice(voice="af_heart*0.7+bf_emma*0.3", lang="en-us"),
    "piper": PiperVoice(),
    "pyttsx3": Pyttsx3Voice(),
}


@pytest.mark.slow
@pytest.mark.parametrize("name", list(PROFILES))
def test_engine_renders_a_sentence(tmp_path: Path, name: str) -> None:
    engine = make_engine(PROFILES[name])
    engine.start()
    first, second = tmp_path / "a.wav", tmp_path / "b.wav"
    render_sentence(engine, SENTENCE, first)
    assert check_wav(first, SENTENCE) is None
    samples = load_speech(first)
    seconds = len(samples) / RATE
    assert 0.25 * WORDS < seconds < 0.7 * WORDS, seconds  # a news pace, not a truncated or stretched file
    assert float(np.sqrt(np.mean(samples**2))) > 0.01  # speech, not silence
    if name != "pyttsx3":  # eSpeak NG's state runs on between sentences (see engines/espeak.py)
        render_sentence(engine, SENTENCE, second)
        assert first.read_bytes() == second.read_bytes()


@pytest.mark.slow
def test_resampled_to_the_episode_rate_without_repeating_samples(tmp_path: Path) -> None:
    engine = make_engine(PROFILES["kokoro"])
    render_sentence(engine, "Good morning.", tmp_path / "k.wav")
    samples = load_speech(tmp_path / "k.wav")
    # Sample repetition would leave runs of equal neighbours; a real resampler does not.
    assert np.mean(samples[1:] == samples[:-1]) < 0.05


@pytest.mark.slow
def test_kokoro_renders_the_same_bytes_in_a_fresh_process(tmp_path: Path) -> None:
    code = ("import sys; from pathlib import Path; from podcast.engines.kokoro import KokoroVoice; "
            "from podcast.engines import make_engine; "
            "make_engine(KokoroVoice(voice='am_michael')).render(sys.argv[1], Path(sys.argv[2]))")
    digests = set()
    for n in range(2):
        out = tmp_path / f"{n}.wav"
        subprocess.run([sys.executable, "-c", code, "Good morning, and welcome.", str(out)], check=True)
        digests.add(hashlib.sha256(out.read_bytes()).hexdigest())
    assert len(digests) == 1


@pytest.mark.slow
def test_every_engine_lists_its_voices() -> None:
    rows = {(engine, voice.id): voice for engine, voice in all_voices()}
    assert len([key for key in rows if key[0] == "kokoro"]) == 54
    assert rows[("kokoro", "am_michael")].gender == "male"
    assert rows[("kokoro", "bf_emma")].languages == ("en-gb",)
    assert ("piper", "en_US-joe-medium") in rows
    assert ("pyttsx3", "gmw/en-us") in rows


@pytest.mark.parametrize("profile, message", [
    (KokoroVoice(voice="af_nobody", source="voices/x.toml"),
     "voices/x.toml: unknown Kokoro voice 'af_nobody'"),
    (KokoroVoice(voice="af_heart*x", source="voices/x.toml"), "bad weight 'x'"),
    (KokoroVoice(lang="de", source="voices/x.toml"), "lang 'de': use one of en-us, en-gb, es"),
    (KokoroVoice(lang="fr-fr", source="voices/x.toml"),
     "voices/x.toml: voice 'af_heart' speaks en-us, not fr-fr; choose a voice of that language"),
    (KokoroVoice(voice="ef_dora*0.5+ff_siwis*0.5", source="voices/x.toml"), "voice 'ff_siwis' speaks fr-fr, not es"),
    (KokoroVoice(voice="jf_alpha", source="voices/x.toml"), "lang 'ja': use one of"),
    (KokoroVoice(model="/nowhere/model.onnx"), "/nowhere/model.onnx: Kokoro model not found"),
    (PiperVoice(voice="de_DE-nobody", source="voices/x.toml"), "unknown Piper voice"),
    (Pyttsx3Voice(voice="xx/nope", source="voices/x.toml"), "unknown eSpeak NG voice 'xx/nope'"),
])
def test_bad_profiles_are_one_line_naming_the_file(profile: VoiceProfile, message: str) -> None:
    with pytest.raises(ConfigError, match=message.replace("*", r"\*")):
        make_engine(profile).start()


@pytest.mark.parametrize("toml, message", [
    ('engine = "festival"\n', "x.toml: unknown engine 'festival'"),
    ('engine = "kokoro"\nrate = 175\n', "x.toml: unknown setting 'rate'"),  # a pyttsx3 key: each engine its own
    ('engine = "pyttsx3"\nspeed = 1.2\n', "x.toml: unknown setting 'speed'"),
    ('engine = "piper"\nspeed = 3.0\n', r"x.toml: speed = 3.0 is out of range \(0.5 to 2\)"),
    ("engine = 3\n", "x.toml: engine must be text in quotes"),
])
def test_profiles_are_checked_against_their_engines_settings_when_read(tmp_path: Path, toml: str,
                                                                        message: str) -> None:
    (tmp_path / "voices").mkdir()
    (tmp_path / "voices" / "x.toml").write_text(toml)
    with pytest.raises(ConfigError, match=message):
        load_voice(tmp_path, "x")


def test_a_profile_reads_into_its_engines_settings(tmp_path: Path) -> None:
    (tmp_path / "voices").mkdir()
    (tmp_path / "voices" / "x.toml").write_text('engine = "piper"\nmodel = "own.onnx"\nspeed = 1\n')
    profile = load_voice(tmp_path, "x")
    assert isinstance(profile, PiperVoice) and profile.speed == 1.0
    assert profile.model == str(tmp_path / "own.onnx") and profile.source == str(tmp_path / "voices" / "x.toml")
    assert isinstance(load_voice(tmp_path, "default"), KokoroVoice)  # built in, without a file


@pytest.mark.parametrize("profile", [
    KokoroVoice(voice="ef_dora"), KokoroVoice(voice="ff_siwis", lang="fr-fr"), KokoroVoice(voice="pm_alex"),
    KokoroVoice(voice="hf_alpha"), KokoroVoice(voice="im_nicola"), KokoroVoice(voice="af_heart+bf_emma"),
    KokoroVoice(voice="af_heart", lang="fr-fr", cross_language=True),
], ids=lambda p: f"{p.voice}-{p.lang or 'own'}")
def test_native_voices_and_deliberate_cross_language_voices_load(profile: KokoroVoice) -> None:
    engine = make_engine(profile)
    engine.start()
    assert engine.key


def test_missing_or_damaged_assets_say_how_to_install(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PODCAST_ASSETS", str(tmp_path))
    with pytest.raises(ConfigError, match=r"kokoro-v1.0.int8.onnx: missing; install it with `make setup`"):
        make_engine(PROFILES["kokoro"]).start()
    (tmp_path / "kokoro-v1.0.int8.onnx").write_bytes(b"\0" * assets.KOKORO_MODEL.size)
    with pytest.raises(ConfigError, match=r"kokoro-v1.0.int8.onnx: damaged .*podcast install-voices"):
        make_engine(PROFILES["kokoro"]).start()


@pytest.mark.slow
def test_installed_assets_match_upstream() -> None:
    for asset in (assets.KOKORO_MODEL, assets.KOKORO_MATMUL, assets.KOKORO_VOICES):
        path = assets.installed(asset)
        assert path.stat().st_size == asset.size and assets.file_hash(path) == asset.sha256


@pytest.mark.slow
def test_voice_pack_is_rebuilt_byte_for_byte(tmp_path: Path) -> None:
    """From a small fake kokoro-js package: the same recipe that rebuilds upstream's file."""
    import io
    import tarfile

    voices = {name: np.random.default_rng(n).random((510, 256), dtype=np.float32)
              for n, name in enumerate(["bf_b", "af_a"])}
    tarball = tmp_path / "kokoro-js.tgz"
    with tarfile.open(tarball, "w:gz") as tar:
        for name, array in voices.items():
            data = array.astype("<f4").tobytes()
            info = tarfile.TarInfo(f"package/voices/{name}.bin")
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
    rebuilt = np.load(io.BytesIO(assets.build_voices(tarball)))
    assert rebuilt.files == ["af_a", "bf_b"]
    assert np.array_equal(rebuilt["af_a"][:, 0, :], voices["af_a"])


@pytest.mark.slow
def test_lexicon_phonemes_reach_kokoro_and_its_cache_key(tmp_path: Path) -> None:
    from podcast.lexicon import parse_lexicon

    lexicon = parse_lexicon({"words": {"Xi": "Shee"}, "phonemes": {"Shee": "ʃˈi"}}, "lexicon.toml")
    plain = KokoroVoice(voice="af_heart")
    own = KokoroVoice(voice="af_heart", phonemes=tuple(lexicon.phonemes.items()))
    assert make_engine(plain).key != make_engine(own).key
    outputs = {}
    for name, profile in (("plain", plain), ("own", own)):
        render_sentence(make_engine(profile), "Shee spoke today.", tmp_path / f"{name}.wav")
        outputs[name] = (tmp_path / f"{name}.wav").read_bytes()
    assert outputs["plain"] != outputs["own"]  # the lexicon's sounds, not eSpeak NG's guess
    render_sentence(make_engine(own), "Markets rose today.", tmp_path / "untouched.wav")
    render_sentence(make_engine(plain), "Markets rose today.", tmp_path / "reference.wav")
    assert (tmp_path / "untouched.wav").read_bytes() == (tmp_path / "reference.wav").read_bytes()


@pytest.mark.slow
def test_kokoro_never_says_espeak_language_marks() -> None:
    """eSpeak NG reads "slash" in French text with English rules and marks it "(en)…(fr)"; kokoro-onnx passed the
    marks on as sounds, and the French voice said "en … fr" around the word."""
    from podcast.engines.kokoro import KokoroEngine, _loaded

    engine = KokoroEngine(KokoroVoice(voice="ff_siwis"))
    kokoro = _loaded(*engine._files())
    text = "Tous les résultats sur exemple point F R slash sport, le week-end."
    assert "(en)" in kokoro.tokenizer.phonemize(text, "fr-fr")  # what eSpeak NG gives
    said = engine._phonemes(kokoro, text)
    assert "(" not in said and "slˈaʃ" in said


@pytest.mark.parametrize(
    ("lang", "text", "said", "not_said"),
    [
        pytest.param("fr-fr", "le huitième jour", "yitjˈɛm", "sjˈɛm", id="fr-huitieme"),
        pytest.param("fr-fr", "en huitièmes de finale", "yitjˈɛm", "sjˈɛm", id="fr-huitiemes"),
        pytest.param("fr-fr", "la vingt-huitième journée", "yitjˈɛm", "sjˈɛm", id="fr-compound-huitieme"),
        pytest.param("fr-fr", "Huitième de finale", "yitjˈɛm", "sjˈɛm", id="fr-capital-huitieme"),
        pytest.param("fr-fr", "le centième anniversaire", "sɑ̃tjˈɛm", "sjˈɛm", id="fr-centieme"),
        pytest.param("fr-fr", "cinq centièmes de seconde", "sɑ̃tjˈɛm", "sjˈɛm", id="fr-centiemes"),
        pytest.param("fr-fr", "le septième art", "sɛtjˈɛm", "sjˈɛm", id="fr-septieme-untouched"),
        pytest.param("fr-fr", "une hausse initiale", "inisjˈal", "itj", id="fr-initiale-untouched"),
        pytest.param("fr-fr", "un pourcentage", "puʁsɑ̃tˈaʒ", "tt", id="fr-pourcentage-untouched"),
        pytest.param("fr-fr", "Lens bat Metz et Reims", "lˈɑ̃s", "(", id="fr-clubs-lens"),
        pytest.param("fr-fr", "Lens bat Metz et Reims", "mˈɛs", "mˈɛts", id="fr-clubs-metz"),
        pytest.param("fr-fr", "Lens bat Metz et Reims", "ʁˈɛ̃s", "ʁˈɛm", id="fr-clubs-reims"),
        pytest.param("fr-fr", "le match Troyes-Auxerre", "tʁwˈa", "oks", id="fr-troyes-auxerre"),
        pytest.param("fr-fr", "à Rouen et à Agen", "ʁwˈɑ̃", "aʒˈɛn", id="fr-rouen-agen"),
        pytest.param("fr-fr", "le lac d'Annecy", "ans", "(en)", id="fr-annecy-not-english"),
        pytest.param("fr-fr", "la Wallonie et Bruxelles", "walonˈi", "(en)", id="fr-wallonie-not-english"),
        pytest.param("fr-fr", "la Wallonie et Bruxelles", "bʁysˈɛl", "bʁyks", id="fr-bruxelles"),
        pytest.param("fr-fr", "un sens unique à Sens", "sˈɑ̃s", "(", id="fr-sens-untouched"),
        pytest.param("fr-fr", "un objectif (lens) de 50 mm", "lˈɛn", "lˈɑ̃s", id="fr-lower-case-word-untouched"),
    ],
)
def test_espeak_is_given_its_known_mistakes_respelled(lang: str, text: str, said: str, not_said: str) -> None:
    """eSpeak NG reads French "-tième" after a vowel or a nasal as "-sième" ("huissième"), and towns whose names
    French spelling does not give by the rules ("Lens" as "lène", "Annecy" in English); the text it is given is
    respelled so that its rules say them, and nothing else changes."""
    from kokoro_onnx.tokenizer import Tokenizer

    from podcast.engines.kokoro import respelled

    phonemes = Tokenizer().phonemize(respelled(text, lang), lang)
    assert said in phonemes and not_said not in phonemes, phonemes


def test_respellings_are_in_the_cache_key_of_their_language_only() -> None:
    from podcast.engines.kokoro import KokoroEngine

    french, spanish = KokoroEngine(KokoroVoice(voice="ff_siwis")), KokoroEngine(KokoroVoice(voice="ef_dora"))
    assert "respelled:" in french.key and "respelled:" not in spanish.key
