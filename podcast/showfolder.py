"""`podcast init`: a new show folder with commented settings, voices, a lexicon, episodes/ and a README."""

from __future__ import annotations

import json
import string
from importlib import resources
from pathlib import Path
from typing import Final

from .config import CONFIG_FILE, ShowConfig, read_settings
from .errors import InputError
from .language import LanguagePack, language_for, pack_for

ESSENTIALS: Final = ("title", "author", "email", "base_url")
"""What `podcast init` asks for on a terminal."""
SETTINGS: Final = (*ESSENTIALS, "description", "language", "category", "subcategory", "timezone", "publish_time")
"""What `podcast init` takes as flags; everything else keeps its documented default."""


def _skeleton(name: str) -> str:
    return resources.files("podcast").joinpath("skeleton", name).read_text(encoding="utf-8")


def render_settings(values: dict[str, str]) -> str:
    """The commented podcast.toml, with each value given (others: the defaults) as a TOML string."""
    defaults = ShowConfig()
    merged = {key: values.get(key) or getattr(defaults, key) for key in SETTINGS}
    merged["cover_subtitle"] = language_for(merged["language"]).page.cover_subtitle  # in the show's language
    return string.Template(_skeleton(CONFIG_FILE)).substitute(
        {key: json.dumps(value, ensure_ascii=False) for key, value in merged.items()})


def _language_file(pack: LanguagePack, name: str) -> str:
    """The reader, the anchor and an empty lexicon of a show in one of the pack languages."""
    if name == "lexicon.toml":
        return ("# How to say words the speech engine gets wrong, applied to the written text before any other rule.\n"
                "# [words]: whole words, case-sensitive.  [patterns]: regular expressions.\n"
                "# [phonemes]: a word as spoken -> its sounds, for Kokoro (in the show's language).\n\n"
                "[words]\n\n[patterns]\n\n[phonemes]\n")
    role, voice = (("The reader: reads every story", pack.reader) if name == "default.toml"
                   else ("The anchor: the intro, each section's lead-in and the sign-off", pack.anchor))
    same = "" if pack.reader != pack.anchor else " (Kokoro has one voice in this language: the reader's)"
    return (f"# {role}, in {pack.name}{same}.\n# `podcast voices --language {pack.code}` lists the voices of the "
            f"language.\nengine = \"kokoro\"\nvoice = \"{voice}\"\nspeed = 1.0\nlang = \"{pack.kokoro_lang}\"\n")


def require_essentials(folder: Path, values: dict[str, str]) -> None:
    """Refuse, naming the flags, when an essential value was not given and there is no terminal to ask on.

    A show's name, author, e-mail and address are in every feed; the defaults ("Daily
    Buzz", newsroom@example.com) would publish a show the producer never asked for.
    """
    missing = [f"--{key.replace('_', '-')}" for key in ESSENTIALS if not values.get(key)]
    if missing:
        flags = ", ".join(missing[:-1]) + " and " + missing[-1] if len(missing) > 1 else missing[0]
        raise InputError(folder, f"no terminal to ask on; give {flags} (nothing was written)")


def create_show(folder: Path, values: dict[str, str], asked: bool = True) -> list[Path]:
    """Make the show folder; refuses a folder that already holds a show. Returns what was written.

    `asked` is False when there was no terminal to ask for the essentials on: a missing one is then refused.
    """
    if (folder / CONFIG_FILE).exists():
        raise InputError(folder / CONFIG_FILE, "a show already lives here; nothing was changed")
    if not asked:
        require_essentials(folder, values)  # a script gets a refusal, not a show of placeholders
    if folder.exists() and not folder.is_dir():
        raise InputError(folder, "is a file, not a folder")
    written = []
    settings = render_settings(values)
    folder.mkdir(parents=True, exist_ok=True)
    staged = folder / f".{CONFIG_FILE}.part"
    staged.write_text(settings, encoding="utf-8")
    try:
        read_settings(staged)  # a bad value (an unknown time zone, category) is refused before anything is made
    except Exception:
        staged.unlink()
        raise
    voices = folder / "voices"
    voices.mkdir(exist_ok=True)
    pack = pack_for(values.get("language") or "en")
    for name in ("default.toml", "anchor.toml", "piper.toml", "espeak.toml", "lexicon.toml"):
        target = voices / name
        if pack is not None and name in ("piper.toml", "espeak.toml"):
            continue  # English voices: a show in another language has its own Kokoro voices
        if not target.exists():
            target.write_text(_skeleton(f"voices/{name}") if pack is None else _language_file(pack, name),
                              encoding="utf-8")
            written.append(target)
    (folder / "episodes").mkdir(exist_ok=True)
    written.append(folder / "episodes")
    readme = folder / "README.md"
    if not readme.exists():
        title = values.get("title") or ShowConfig().title
        readme.write_text(string.Template(_skeleton("README.md")).safe_substitute(title=title), encoding="utf-8")
        written.append(readme)
    staged.replace(folder / CONFIG_FILE)  # last: a half-made folder is never taken for a show
    return [folder / CONFIG_FILE, *written]
