"""The show page's search index, search.json: every published episode's caption cues (start time and text),
read from its transcript.vtt at publish time, so the browser finds a word in any transcript without a server."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Final

from ..models import EpisodeRecord

_CUE_TIME: Final = re.compile(r"^(\d+):(\d\d):(\d\d)\.(\d{3}) --> ")


def read_vtt(text: str) -> list[tuple[float, str]]:
    """(start in seconds, text on one line) of each cue of a WebVTT file as transcript.py writes it."""
    cues = []
    for block in re.split(r"\n\s*\n", text.replace("\r\n", "\n")):
        lines = block.strip().split("\n")
        for number, line in enumerate(lines):
            match = _CUE_TIME.match(line)
            if match:
                hours, minutes, seconds, millis = (int(g) for g in match.groups())
                words = " ".join(lines[number + 1:]).strip()
                if words:
                    cues.append((hours * 3600 + minutes * 60 + seconds + millis / 1000, words))
                break
    return cues


def build_index(root: Path, records: list[EpisodeRecord]) -> bytes:
    """search.json: {"episodes": [{date, title, page}], "cues": [[episode number, start, text]]}, newest first;
    an episode whose transcript cannot be read is listed without cues (the page still links to it)."""
    episodes, cues = [], []
    for number, record in enumerate(sorted(records, key=lambda r: r.date, reverse=True)):
        episodes.append({"date": record.date, "title": record.title,
                         "page": record.page_file or record.audio_file})
        try:
            text = (root / record.transcript_vtt).read_text(encoding="utf-8") if record.transcript_vtt else ""
        except (OSError, UnicodeDecodeError):
            text = ""
        cues += [[number, round(start, 1), words] for start, words in read_vtt(text)]
    data = json.dumps({"episodes": episodes, "cues": cues}, ensure_ascii=False, separators=(",", ":"))
    return (data + "\n").encode()
