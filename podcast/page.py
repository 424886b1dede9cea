"""The listening page, index.html: every episode with a player, its chapters, clips and transcript."""

from __future__ import annotations

import datetime as dt
import html
from typing import Final

from .config import ShowConfig
from .models import EpisodeRecord

_STYLE: Final = """
body{font:16px/1.5 system-ui,sans-serif;max-width:46rem;margin:2rem auto;padding:0 1rem;color:#1c2433}
header{display:flex;gap:1rem;align-items:center}header img{width:96px;height:96px;border-radius:8px}
article{border-top:1px solid #d6dbe4;padding:1rem 0}audio{width:100%}
ol.chapters{padding-left:1.2rem}button.seek{border:0;background:none;color:#1d4ed8;cursor:pointer;padding:0;font:inherit}
.clip{margin:.4rem 0}.clip span{display:block;font-size:.9rem;color:#4b5563}
"""
_SCRIPT: Final = """
document.addEventListener('click', function (event) {
  var button = event.target.closest('button.seek');
  if (!button) return;
  var player = document.getElementById(button.dataset.player);
  player.currentTime = parseFloat(button.dataset.start);
  player.play();
});
"""


def _clock(ms: int) -> str:
    minutes, seconds = divmod(ms // 1000, 60)
    return f"{minutes:02d}:{seconds:02d}"


def render_page(config: ShowConfig, records: list[EpisodeRecord], cover: str) -> str:
    """The page, newest episode first; every URL is relative, so it works wherever it is served."""
    e = html.escape
    articles = []
    for record in sorted(records, key=lambda r: r.date, reverse=True):
        player = f"player-{record.date}"
        chapters = "".join(
            f'<li><button class="seek" data-player="{player}" data-start="{c.start_ms / 1000:.3f}">'
            f"{_clock(c.start_ms)} {e(c.title)}</button></li>"
            for c in record.chapters
        )
        clips = "".join(
            f'<div class="clip"><span>{e(c.title)}</span>'
            f'<audio controls preload="none" src="{e(c.file)}"></audio></div>'
            for c in record.clips
        )
        transcript = f' · <a href="{e(record.transcript_vtt)}">Transcript</a>' if record.transcript_vtt else ""
        day = dt.date.fromisoformat(record.date)
        articles.append(
            f'<article id="{record.date}"><h2>{e(record.title)}</h2>'
            f"<p><time datetime=\"{record.date}\">{day:%A, %-d %B %Y}</time> · "
            f"{round(record.duration_s / 60)} min{transcript}</p>"
            f'<audio id="{player}" controls preload="metadata" src="{e(record.audio_file)}"></audio>'
            f'<h3>Chapters</h3><ol class="chapters">{chapters}</ol>'
            f"<h3>Sections</h3>{clips}</article>"
        )
    body = "".join(articles) or "<p>No episodes yet.</p>"
    return (
        f'<!doctype html>\n<html lang="{e(config.language)}"><head><meta charset="utf-8">'
        f'<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{e(config.title)}</title>"
        f'<link rel="alternate" type="application/rss+xml" title="{e(config.title)}" href="feed.xml">'
        f"<style>{_STYLE}</style></head><body>"
        f'<header><img src="{e(cover)}" alt=""><div><h1>{e(config.title)}</h1><p>{e(config.description)}</p>'
        f'<p><a href="feed.xml">Subscribe (RSS)</a></p></div></header>'
        f"<main>{body}</main><script>{_SCRIPT}</script></body></html>\n"
    )
