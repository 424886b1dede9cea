"""Typography, addresses, abbreviations and sentence ends of written news text in any show language: what the
verbalizer does before and after it says the figures."""

from __future__ import annotations

import html
import re
import unicodedata
from typing import Final

from ..speech.hygiene import MARKUP
from .rules import LanguageRules

SCRIPT_LETTER: Final = r"[^\W\d_]"
"""A letter of any script."""


class Typography:
    """The text-level rules of one language."""

    def __init__(self, rules: LanguageRules) -> None:
        self.rules = rules
        r = rules
        abbreviations = "|".join(re.escape(a) for a in sorted(r.abbreviations, key=len, reverse=True))
        self._abbreviation = (re.compile(r"(?<![\w.])(?:" + abbreviations + r")(?=\s|$|[,;:)])")
                              if abbreviations else None)
        ends = re.escape(r.sentence_end)
        self._written_end = re.compile(r"(?<=[" + ends + r"])(?:\s?»|[\"'”’)\]])*\s+"
                                       r"(?=(?:[\"'“‘(¿¡]|«\s?)?(?:" + SCRIPT_LETTER + r"|\d))")
        self._spoken_end = re.compile(r"(?<=[" + ends + r"])[\"')\]]*\s+")


    # --- typography -------------------------------------------------------------------------------------------

    def clean(self, text: str) -> str:
        """Entities, markup and control characters out; quotes, dashes and spaces straightened; native digits to
        0-9. A thin or no-break space between digits stays a thousands separator."""
        if "&" in text:
            text = html.unescape(html.unescape(text))
        for pattern, replacement in MARKUP:
            text = pattern.sub(replacement, text)
        text = re.sub(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u200b-\u200f\u2028\u2029\ufeff]", "", text)
        text = unicodedata.normalize("NFC", text)
        if self.rules.digits_from:
            text = text.translate(str.maketrans(self.rules.digits_from, "0123456789"))
        text = re.sub(r"(?<=\d)[\u00a0\u202f\u2009](?=\d{3}(?!\d))", "\u202f", text)
        text = re.sub(r"[\u00a0\u2009\u2007]|\u202f(?!\d)", " ", text)
        text = re.sub(r"[‘’‚‛′]", "'", text)
        text = re.sub(r"«\s*|\s*»", '"', text)
        text = re.sub(r"[“”„‟″]", '"', text)
        text = text.replace("…", "...")
        text = re.sub(r"[\u2212\u2012]", "-", text)
        text = re.sub(r"(?<=\d)\s*[\u2013\u2014]\s*(?=\d)", "-", text)
        text = re.sub(r"\s*(?:--+|[\u2013\u2014\u2015])\s*", ", ", text)
        return re.sub(r"\s+-\s+", ", ", text)

    def finish(self, text: str) -> str:
        """Symbols nobody says dropped, punctuation and spaces tidied."""
        text = re.sub(r"[<>{}\[\]|\\^_~`*#@=+/]", " ", text)
        text = re.sub(r"\(\s*\)", " ", text)
        text = re.sub(r"\s+([,.;:!?)।])", r"\1", text)
        text = re.sub(r"([,;:])(?:\s*[,;:])+", r"\1", text)
        text = re.sub(r",(\s*[.!?।])", r"\1", text)
        if self.rules.code == "fr":  # "de un virgule deux" -> "d'un virgule deux"
            text = re.sub(r"\b([dD]e|[qQ]ue) (un|une|huit|onze)\b", lambda m: m[1][:-1] + "'" + m[2], text)
        text = re.sub(r"\(\s*", "(", text)
        return " ".join(text.split())

    # --- addresses and abbreviations --------------------------------------------------------------------------

    def house_acronyms(self, text: str) -> str:
        """"la Bce" -> "la bì-cì-é": acronyms written with one capital, as Italian newsrooms write them, spelled
        where the language has a `pronounceable` rule and cannot say them as words; "Pil", "Istat", names stay."""
        r = self.rules
        if r.pronounceable is None:
            return text
        test = r.pronounceable

        def said(match: re.Match[str]) -> str:
            word = match.group(0)
            return word if word.upper() in r.word_acronyms or test(word) else self.spell(word.upper())

        return re.sub(r"(?<![\w-])[A-Z][a-z]{1,3}(?![\w-])", said, text)

    def spell(self, letters: str) -> str:
        """Capitals said letter by letter, written so the engine says each letter's name: "P S G", "B-C-E",
        "bì-cì-é"."""
        names = self.rules.letter_names
        return self.rules.letter_joiner.join(names.get(letter, letter) for letter in letters)

    def addresses(self, text: str) -> str:
        """Web and mail addresses as read aloud: "ejemplo punto es barra ayuda"."""
        dot, slash, at, dash = self.rules.url_words

        def host(name: str) -> str:
            labels = []
            for label in name.split("."):
                parts = [(self.spell(p.upper()) if len(p) <= 2 or not re.search(r"[aeiouy]", p.lower()) else p)
                         for p in label.split("-") if p]
                labels.append(f" {dash} ".join(parts))
            return f" {dot} ".join(labels)

        def url(match: re.Match[str]) -> str:
            address = match.group(0)
            tail = re.search(r"[.,;:!?]+$", address)
            end = tail.group(0) if tail else ""
            address = re.sub(r"^(?:https?://)?(?:www\.)?", "", address[: len(address) - len(end)], flags=re.I)
            name, _, path = address.partition("/")
            path = re.split(r"[?#]", path, maxsplit=1)[0].strip("/")
            spoken = host(name)
            if path and len(path.split("/")) <= 3 and len(path) <= 40:
                spoken += "".join(f" {slash} " + " ".join(re.split(r"[-_.]", p)) for p in path.split("/"))
            return spoken + end

        def email(match: re.Match[str]) -> str:
            return f"{f' {dot} '.join(match.group(1).split('.'))} {at} {host(match.group(2))}"

        text = re.sub(r"\b([\w+-]+(?:\.[\w+-]+)*)@([A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+)", email, text)
        text = re.sub(r"\bhttps?://[^\s<>\"')]+|\bwww\.[^\s<>\"')]+", url, text, flags=re.I)
        return re.sub(r"\b[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|org|net|io|gob|gouv|gov|es|fr|it|br|in|eu|info)"
                      r"\b(?:/[^\s<>\"')]*)?", url, text)

    def abbreviations(self, text: str) -> str:
        """"Sr." -> "señor"; at the end of a sentence the full stop stays."""
        if self._abbreviation is None:
            return text

        def expand(match: re.Match[str]) -> str:
            written = match.group(0)
            spoken = self.rules.abbreviations[written]
            at_end = written.endswith(".") and not text[match.end():].strip()
            if not text[:match.start()].strip(" \"'«¿¡("):
                spoken = spoken[:1].upper() + spoken[1:]  # "M. Dupont a parlé." -> "Monsieur Dupont ..."
            return spoken + ("." if at_end else "")

        return self._abbreviation.sub(expand, text)

    # --- sentences --------------------------------------------------------------------------------------------

    def split_written(self, text: str) -> list[str]:
        """A paragraph as the digest wrote it, cut into sentences: never inside a number or an address, never
        after an abbreviation that leads on ("Sr.", "EE. UU.", "M.") or an initial."""
        parts, start = [], 0
        for match in self._written_end.finditer(text):
            before = text[start:match.start()]
            token = before.rsplit(None, 1)[-1] if before.strip() else ""
            bare = token.lstrip("(\"'“‘«¿¡").lower()
            following = text[match.end():].lstrip("\"'“‘«¿¡( ")[:1]
            if following.islower():  # "0,25 p.p. em março": a sentence starts with a capital (or an uncased letter)
                continue
            if bare in self.rules.leads_on or re.fullmatch(r"[A-ZÁÉÍÓÚ]{1,2}\.", token.lstrip("(\"'“‘«¿¡")):
                continue
            parts.append(text[start:match.end()].strip())
            start = match.end()
        parts.append(text[start:].strip())
        return [part for part in parts if part]

    def sentences(self, text: str) -> list[str]:
        """Spoken text split at sentence ends: the units the engine renders and captions show."""
        parts, start = [], 0
        for match in self._spoken_end.finditer(text):
            following = text[match.end():match.end() + 2]
            if not following or not (following[0].isupper() or following[0] in "\"'(¿¡"
                                     or not following[0].isascii() and not following[0].islower()):
                continue
            parts.append(text[start:match.start() + len(match.group(0).rstrip())].strip())
            start = match.end()
        parts.append(text[start:].strip())
        return [part for part in parts if part]
