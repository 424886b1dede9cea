"""What the proof found, for the producer: proof.json, proof.html, the build's summary line, lexicon lines.

proof.html plays each flagged sentence where it sits in the episode (a media
fragment of the episode's own audio). It is for the producer: nothing in the feed or
the listener's page links to it.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Final

from ..language.english import PageWords
from ..models import Guess
from . import compare
from .check import Checked

PROOF_JSON: Final = "proof.json"
PROOF_HTML: Final = "proof.html"


@dataclass(frozen=True)
class Proof:
    """The proof of one episode."""

    date: str
    mode: str
    """"report", "strict" or "off" (the show's [show.proof] mode)."""
    checked: tuple[Checked, ...] = ()
    skipped: str = ""
    """Why nothing was heard ("" when it was): the mode is off, or the voice is not speech."""
    threshold: float = 0.8
    guesses: tuple[Guess, ...] = ()
    """The readings the verbalizer chose between in this episode's script."""

    @property
    def flagged(self) -> list[Checked]:
        return [c for c in self.checked if c.verdict.flagged]

    @property
    def repaired(self) -> list[Checked]:
        return [c for c in self.checked if c.repair]

    @property
    def worst(self) -> list[Checked]:
        """Up to WORST sentences heard least like the script (flagged first, then the lowest scores), by time."""
        ranked = sorted((c for c in self.checked if c.verdict.flagged or c.verdict.score < 1.0),
                        key=lambda c: (not c.verdict.flagged, c.verdict.score, c.sentence.start))
        return ranked[:WORST]

    def summary(self) -> str:
        """One line for the build's output, e.g. "proof: 412 sentences, 3 flagged (see podcast proof 2026-02-02)"."""
        if self.skipped:
            return f"proof: skipped ({self.skipped})"
        line = f"proof: {len(self.checked)} sentences, "
        flagged = len(self.flagged)
        line += f"{flagged} flagged" if flagged else "none flagged"
        if self.repaired:
            line += f", {len(self.repaired)} repaired"
        if self.guesses:
            line += f", {len(self.guesses)} readings guessed"
        return line + (f" (see podcast proof {self.date})" if flagged or self.repaired else "")

    def dawn(self) -> list[str]:
        """The build's last lines about the proof: the counts, the worst sentences with their times, the guesses."""
        lines = [self.summary()]
        for checked in [] if self.skipped else self.worst:
            state = checked.verdict.reason or (f"repaired ({checked.repair})" if checked.repair else
                                               f"score {checked.verdict.score:.2f}")
            lines.append(f"  {_clock(checked.sentence.start)}  {state}: {_snippet(checked.sentence.text)}")
        for guess in self.guesses:
            lines.append(f'  guessed: "{guess.written}" said "{guess.chosen}"'
                         + (f', could be "{guess.others[0]}"' if guess.others else ""))
        return lines

    def to_dict(self) -> dict[str, Any]:
        return {
            "date": self.date,
            "mode": self.mode,
            "threshold": self.threshold,
            "skipped": self.skipped,
            "summary": self.summary(),
            "sentences": [entry(c) for c in self.checked],
            "worst": [self.checked.index(c) for c in self.worst],
            "guesses": [g.to_dict() for g in self.guesses],
        }


WORST: Final = 3


def _snippet(text: str, length: int = 70) -> str:
    return text if len(text) <= length else text[:length].rsplit(" ", 1)[0] + "…"


def entry(checked: Checked) -> dict[str, Any]:
    """One sentence in proof.json: its lexicon lines are the ones verified (compare.py's `advice` in repair.py)."""
    sentence, verdict = checked.sentence, checked.verdict
    return {
        "text": sentence.text,
        "written": sentence.written or sentence.text,
        "heard": checked.heard,
        "start": round(sentence.start, 3),
        "end": round(sentence.end, 3),
        "score": verdict.score,
        "flagged": verdict.flagged,
        "reason": verdict.reason,
        "repaired": checked.repair,
        "lexicon": list(checked.lexicon),
        "no_fix": checked.no_fix,
    }


def lexicon_lines(checked: Checked) -> list[str]:
    """Candidate [words] lines for the words of a sentence the ear heard as something else (not figures): each
    is offered only once repair.py has verified it."""
    tokens = {compare.words(token)[0]: token for token in re.findall(r"[^\W\d_][\w'’-]*", checked.sentence.text)
              if len(compare.words(token)) == 1}
    lines = []
    for said, heard in checked.verdict.misheard:
        for word in said.split():
            written = tokens.get(word, "")
            if (len(word) >= compare.CONTENT_LETTERS and word not in compare.NUMBER_WORDS and written
                    and heard and word not in heard.split()):
                lines.append(compare.lexicon_line(written, heard))
    return list(dict.fromkeys(lines))


def to_json(proof: Proof) -> str:
    return json.dumps(proof.to_dict(), indent=2, ensure_ascii=False) + "\n"


def _clock(seconds: float) -> str:
    minutes, rest = divmod(max(0.0, seconds), 60)
    return f"{int(minutes)}:{rest:04.1f}"


_REASONS: Final = (("a different figure", "reason_figure"), ("words missing", "reason_missing"),
                   ("words added", "reason_added"), ("a different word", "reason_word"),
                   ("garbled", "reason_garbled"))


def say_reason(reason: str, words: PageWords) -> str:
    """A reason compare.py or check.py wrote, in the page's language (quoted words stay as heard)."""
    language = re.match(r"wrong-language reading: it sounds like (.+?); (.*)$", reason)
    if language:
        return f"{words.reason_language.format(language=language[1])}; {say_reason(language[2], words)}"
    if reason.startswith("silent or noise"):
        return words.reason_silent
    share = re.fullmatch(r"garbled: (\d+%) of the words heard", reason)
    if share:
        return f"{words.reason_garbled}: {words.reason_share.format(share=share[1])}"
    for english, key in _REASONS:
        found = re.fullmatch(re.escape(english) + r": said (.*), heard (.*)", reason)
        if found:
            return f"{getattr(words, key)}: {words.proof_said_heard.format(said=found[1], heard=found[2])}"
    return reason


def say_skipped(skipped: str, words: PageWords) -> str:
    """Why the proof did not run, in the page's language."""
    if "mode is off" in skipped:
        return words.reason_off
    if "makes no speech" in skipped:
        return words.reason_no_speech
    return words.reason_no_ear if skipped else ""


def to_html(proof: Proof, title: str, audio_file: str, words: PageWords | None = None, lang: str = "en") -> str:
    """The producer's page, in the show's language: the counts, the worst sentences, every flagged and repaired
    sentence playable in place with its verified advice, and the readings guessed."""
    w = words or PageWords()
    rows = []
    for checked in [*proof.flagged, *[c for c in proof.repaired if not c.verdict.flagged]]:
        s = checked.sentence
        fragment = f"{html.escape(audio_file)}#t={s.start:.2f},{s.end:.2f}"
        advice = "".join(f"<p>{html.escape(w.proof_lexicon)}:</p><pre>{html.escape(line)}</pre>"
                         for line in checked.lexicon)
        if checked.no_fix and checked.verdict.flagged:
            advice += f"<p>{html.escape(w.proof_no_fix.format(why=checked.no_fix))}</p>"
        state = (html.escape(w.proof_repaired.format(how=checked.repair)) if checked.repair
                 else html.escape(say_reason(checked.verdict.reason, w)))
        rows.append(
            f'<section class="{"flagged" if checked.verdict.flagged else "repaired"}">\n'
            f"<h2>{_clock(s.start)} – {_clock(s.end)}: {state}</h2>\n"
            f'<audio controls preload="none" src="{fragment}"></audio>\n'
            f"<p><b>{html.escape(w.proof_said)}:</b> {html.escape(s.written or s.text)}</p>\n"
            f"<p><b>{html.escape(w.proof_script)}:</b> {html.escape(s.text)}</p>\n"
            f"<p><b>{html.escape(w.proof_heard)}:</b> "
            f"{html.escape(checked.heard) or '<i>' + html.escape(w.proof_nothing) + '</i>'}</p>\n"
            f"<p><b>{html.escape(w.proof_score)}:</b> {checked.verdict.score:.2f}</p>\n{advice}</section>")
    if proof.skipped:
        counts = w.proof_skipped.format(reason=say_skipped(proof.skipped, w))
    else:
        counts = w.proof_counts.format(sentences=len(proof.checked), flagged=len(proof.flagged),
                                       repaired=len(proof.repaired))
    worst = "".join(f"<li>{_clock(c.sentence.start)} – {html.escape(say_reason(c.verdict.reason, w))} "
                    f"({c.verdict.score:.2f}): {html.escape(_snippet(c.sentence.written or c.sentence.text))}</li>"
                    for c in ([] if proof.skipped else proof.worst))
    worst_block = f"<h2>{html.escape(w.proof_worst)}</h2>\n<ol>{worst}</ol>\n" if worst else ""
    guesses = "".join(
        f"<li>{html.escape(w.proof_guess.format(written=g.written, chosen=g.chosen, other=(*g.others, g.chosen)[0]))}"
        f"<pre>{html.escape(g.lexicon_line())}</pre></li>" for g in proof.guesses)
    guess_block = (f"<h2>{html.escape(w.proof_guesses)}</h2>\n<ul>{guesses}</ul>\n" if guesses
                   else f"<p>{html.escape(w.proof_no_guesses)}</p>\n")
    quiet = "" if proof.skipped else f"<p>{html.escape(w.proof_clean)}</p>"
    body = "\n".join(rows) if rows else quiet
    heading = html.escape(w.proof_title.format(title=title))
    return f"""<!doctype html>
<html lang="{html.escape(lang)}">
<head>
<meta charset="utf-8">
<meta name="robots" content="noindex, nofollow">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{heading}</title>
<style>
body {{ font: 16px/1.5 system-ui, sans-serif; max-width: 50rem; margin: 2rem auto; padding: 0 1rem; }}
section {{ border-left: 4px solid #b00020; padding: 0 1rem; margin: 1.5rem 0; }}
section.repaired {{ border-color: #1b5e20; }}
h2 {{ font-size: 1.05rem; }}
pre {{ background: #f4f4f4; padding: .4rem; white-space: pre-wrap; }}
audio {{ width: 100%; }}
</style>
</head>
<body>
<h1>{heading}</h1>
<p>{html.escape(counts)} {html.escape(w.proof_intro)}</p>
{worst_block}{body}
{guess_block}</body>
</html>
"""


def to_dict(proof: Proof) -> dict[str, Any]:
    return proof.to_dict()


def flagged_lines(data: dict[str, Any]) -> Sequence[str]:
    """What `podcast proof DATE` prints from a proof.json: each flagged or repaired sentence with its time, what
    was heard and why, and lexicon lines for misheard words."""
    lines = []
    for item in data.get("sentences", []):
        if not (item.get("flagged") or item.get("repaired")):
            continue
        state = f"repaired ({item['repaired']})" if item.get("repaired") else item.get("reason", "")
        lines.append(f"{_clock(float(item.get('start', 0.0)))}  {state}")
        lines.append(f"    said:  {item.get('text', '')}")
        lines.append(f"    heard: {item.get('heard') or '(nothing)'}")
        lines += [f"    lexicon (checked): {line}" for line in item.get("lexicon", [])]
        if item.get("flagged") and item.get("no_fix"):
            lines.append(f"    no fix to offer: {item['no_fix']}")
    guessed = data.get("guesses", [])
    if guessed:
        lines.append(f"guessed readings ({len(guessed)}):")
        for guess in guessed:
            lines.append(f'  "{guess.get("written", "")}" said "{guess.get("chosen", "")}"; other reading: '
                         f'{guess.get("lexicon", "")}')
    return lines
