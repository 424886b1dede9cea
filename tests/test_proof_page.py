"""The producer's proof page in the show's language: every word of proof.html from the language pack, the worst
sentences and the guessed readings on it; a tone build (no proof) still writes it, with the reason, in that
language."""

from __future__ import annotations

import dataclasses
import html
import re
from pathlib import Path

import pytest

from podcast import dates, layout, pipeline
from podcast.language import language_for
from podcast.language.english import PageWords
from podcast.models import Guess
from podcast.proof import compare, report
from podcast.proof.check import Checked, Hearing, Sentence

from .conftest import write_digest

ENGLISH = [value for field in dataclasses.fields(PageWords) if field.name.startswith(("proof_", "reason_"))
           for value in [getattr(PageWords(), field.name)]]


def english_words(page: str) -> list[str]:
    """Every fixed English phrase of the proof page (its placeholders aside) in the text `page` shows."""
    text = re.sub(r"<style.*?</style>|<[^>]+>", " ", page, flags=re.DOTALL)
    pieces = [piece.strip(" :;,.()“”") for value in ENGLISH for piece in re.split(r"\{\w+\}", value)]
    return [piece for piece in pieces if len(piece) >= 4 and re.search(rf"\b{re.escape(piece)}\b", text)]


def proof(tmp_path: Path) -> report.Proof:
    said = "O dólar fechou a cinco reais e doze centavos."
    heard = ("o", "dolar", "fechou", "a", "seis", "reais", "e", "doze", "centavos")
    bad = Checked(Sentence(said, tmp_path / "a.wav", 61.0, 64.5, "O dólar fechou a R$ 5,12."), Hearing(heard, True),
                  compare.judge(compare.words(said), heard, 0.8), no_fix="nenhuma outra tomada foi ouvida certa")
    ok = Checked(Sentence("Bom dia.", tmp_path / "b.wav", 0.0, 1.0), Hearing(("bom", "dia"), False),
                 compare.Verdict(1.0, False, ""))
    guess = Guess("XIV", "Catorze", ("o Décimo Quarto",), "regra", "Bento XIV.")
    return report.Proof("2027-01-12", "report", (ok, bad), guesses=(guess,))


def test_a_portuguese_shows_proof_page_has_no_english_words(tmp_path: Path) -> None:
    words = language_for("pt-BR").page
    page = html.unescape(report.to_html(proof(tmp_path), "Jornal", "episode.mp3", words, "pt-BR"))
    assert '<html lang="pt-BR">' in page
    assert english_words(page) == []
    assert "As três piores frases" in page and "1:01.0" in page and "outra palavra: dito 'cinco', ouvido 'seis'" in page
    assert "Leituras escolhidas" in page and '"XIV" = "o Décimo Quarto"' in page
    english = report.to_html(proof(tmp_path), "Jornal", "episode.mp3")
    assert english_words(english), "the check itself finds the English template's words"


def test_every_pack_gives_every_proof_word() -> None:
    for code in ("pt-BR", "es", "fr", "it", "hi"):
        page = language_for(code).page
        same = [f.name for f in dataclasses.fields(PageWords) if f.name.startswith(("proof_", "reason_"))
                and getattr(page, f.name) == getattr(PageWords(), f.name)]
        assert same == [], f"{code} says these in English: {same}"


@pytest.mark.slow
def test_a_tone_build_of_a_portuguese_show_writes_its_proof_page_in_portuguese(tone_show: Path) -> None:
    (tone_show / "podcast.toml").write_text('[show]\nlanguage = "pt-BR"\n')
    (tone_show / "voices" / "lexicon.toml").write_text("[words]\n")
    write_digest(tone_show, "2027-01-12", "Jornal: 12 de janeiro de 2027\nEconomia\nA Bolsa sobe\n"
                                          "O Ibovespa subiu 1,2% aos 128.512 pontos.\n")
    pipeline.build(layout.Show.open(tone_show), dates.parse_date("2027-01-12"), report=pipeline.Reporter(level=0))
    page = (tone_show / "episodes" / "2027-01-12" / "proof.html").read_text(encoding="utf-8")
    assert "Não verificado: a voz não produz fala para ouvir." in page
    assert english_words(page) == []
