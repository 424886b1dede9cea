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

    @property
    def flagged(self) -> list[Checked]:
        return [c for c in self.checked if c.verdict.flagged]

    @property
    def repaired(self) -> list[Checked]:
        return [c for c in self.checked if c.repair]

    def summary(self) -> str:
        """One line for the build's output, e.g. "proof: 412 sentences, 3 flagged (see podcast proof 2026-02-02)"."""
        if self.skipped:
            return f"proof: skipped ({self.skipped})"
        line = f"proof: {len(self.checked)} sentences, "
        flagged = len(self.flagged)
        line += f"{flagged} flagged" if flagged else "none flagged"
        if self.repaired:
            line += f", {len(self.repaired)} repaired"
        return line + (f" (see podcast proof {self.date})" if flagged or self.repaired else "")

    def to_dict(self) -> dict[str, Any]:
        return {
            "date": self.date,
            "mode": self.mode,
            "threshold": self.threshold,
            "skipped": self.skipped,
            "summary": self.summary(),
            "sentences": [entry(c) for c in self.checked],
        }


def entry(checked: Checked) -> dict[str, Any]:
    """One sentence in proof.json."""
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
        "lexicon": lexicon_lines(checked) if verdict.flagged else [],
    }


def lexicon_lines(checked: Checked) -> list[str]:
    """Ready-to-paste [words] lines for the words of a sentence the ear heard as something else (not figures)."""
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


def to_html(proof: Proof, title: str, audio_file: str) -> str:
    """The producer's page: the summary, then every flagged and repaired sentence, each playable in place."""
    rows = []
    for checked in [*proof.flagged, *[c for c in proof.repaired if not c.verdict.flagged]]:
        s = checked.sentence
        data = entry(checked)
        fragment = f"{html.escape(audio_file)}#t={s.start:.2f},{s.end:.2f}"
        lexicon = "".join(f"<pre>{html.escape(line)}</pre>" for line in data["lexicon"])
        state = (f"repaired: {html.escape(checked.repair)}" if checked.repair
                 else html.escape(checked.verdict.reason))
        rows.append(
            f'<section class="{"flagged" if checked.verdict.flagged else "repaired"}">\n'
            f"<h2>{_clock(s.start)} – {_clock(s.end)}: {state}</h2>\n"
            f'<audio controls preload="none" src="{fragment}"></audio>\n'
            f"<p><b>Said:</b> {html.escape(s.written or s.text)}</p>\n"
            f"<p><b>Spoken script:</b> {html.escape(s.text)}</p>\n"
            f"<p><b>Heard:</b> {html.escape(checked.heard) or '<i>nothing</i>'}</p>\n"
            f"<p><b>Score:</b> {checked.verdict.score:.2f}</p>\n{lexicon}</section>")
    quiet = f"<p>Not checked: {html.escape(proof.skipped)}.</p>" if proof.skipped else \
        "<p>Every sentence was heard as written.</p>"
    body = "\n".join(rows) if rows else quiet
    return f"""<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="robots" content="noindex, nofollow">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Proof: {html.escape(title)}</title>
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
<h1>Proof: {html.escape(title)}</h1>
<p>{html.escape(proof.summary())}. Every sentence was heard back by a speech recognizer and compared with the
script; each one below plays where it sits in the episode. For the producer only: not linked from the feed or the
episode page.</p>
{body}
</body>
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
        lines += [f"    lexicon: {line}" for line in item.get("lexicon", [])]
    return lines
