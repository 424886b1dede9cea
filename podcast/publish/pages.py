"""The pages: index.html lists the episodes (the newest playable at once), and episodes/DATE/index.html
lets a listener skip to any story and read along.

Plain HTML with the stylesheet and a small script (podcast/web/) inlined: no build
step, no CDN, every URL relative. Every text from a digest or the settings is escaped.
"""

from __future__ import annotations

import datetime as dt
import html
from importlib import resources

from ..config import ShowConfig
from ..language import Language, language_for
from ..layout import PAGE_FILE
from ..models import EpisodeRecord, SpokenSentence
from .times import stamp


def _asset(name: str) -> str:
    return resources.files("podcast").joinpath("web", name).read_text(encoding="utf-8")


def _head(title: str, language: str, style: str) -> str:
    e = html.escape
    return (f'<!doctype html>\n<html lang="{e(language)}"><head><meta charset="utf-8">'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">'
            f'<meta name="color-scheme" content="light dark"><link rel="icon" href="data:,">'
            f"<title>{e(title)}</title><style>{style}</style>")


def episode_page(config: ShowConfig, record: EpisodeRecord, sentences: tuple[SpokenSentence, ...],
                 cover: str, language: Language | None = None) -> str:
    """episodes/DATE/index.html: player, stories that seek, the live transcript, the section clips; `language`
    with the show's own phrases (else the language's)."""
    e = html.escape
    language = language or language_for(config.language)
    words = language.page
    day = language.page_date(dt.date.fromisoformat(record.date))
    audio_name = record.audio_file.rsplit("/", 1)[-1]
    toc: list[str] = []
    open_section: str | None = None
    for chapter in record.chapters:
        if chapter.section != open_section:
            if open_section is not None:
                toc.append("</ol></li>")
            open_section = chapter.section
            toc.append(f'<li><h3>{e(chapter.section or words.opening)}</h3><ol class="stories">')
        start = chapter.start_ms / 1000
        toc.append(f'<li><span class="stamp">{stamp(start)}</span>'
                   f'<a class="seek" href="#t={stamp(start)}" data-start="{start:.3f}">{e(chapter.title)}</a>'
                   f'<button type="button" class="copy" data-stamp="{stamp(start)}" '
                   f'aria-label="{e(words.copy_link_to.format(title=chapter.title))}">{e(words.copy_link)}</button></li>')
    if open_section is not None:
        toc.append("</ol></li>")
    paragraphs: list[str] = []
    heading: str | None = None
    open_paragraph = False
    for sentence in sentences:
        label = sentence.section if sentence.kind in ("section", "story") else (
            words.opening if sentence.kind == "intro" else words.sign_off)
        if label != heading:
            heading = label
            paragraphs.append(f"<h3>{e(label)}</h3>")
        if not open_paragraph:
            paragraphs.append('<p class="headline">' if sentence.headline else "<p>")
            open_paragraph = True
        paragraphs.append(f'<span class="s" tabindex="0" data-start="{sentence.start_s:.3f}" '
                          f'data-end="{sentence.end_s:.3f}">{e(sentence.text)}</span> ')
        if sentence.ends_paragraph:
            paragraphs.append("</p>")
            open_paragraph = False
    if open_paragraph:
        paragraphs.append("</p>")
    clips = "".join(
        f'<li><span>{e(clip.title)}</span> <span class="stamp">{stamp(clip.duration_s)}</span>'
        f'<audio controls preload="none" src="sections/{e(clip.file.rsplit("/", 1)[-1])}" '
        f'aria-label="{e(words.clip_audio.format(title=clip.title, length=stamp(clip.duration_s)))}"></audio></li>'
        for clip in record.clips
    )
    return (
        _head(f"{record.title} — {config.title}", config.language, _asset("episode.css"))
        + f'<link rel="alternate" type="application/rss+xml" title="{e(config.title)}" href="../../feed.xml">'
        + "</head><body>"
        + f'<header><img src="../../{e(cover)}" alt=""><div><p><a href="../../index.html">{e(config.title)}</a></p>'
        + f'<h1>{e(record.title)}</h1><p><time datetime="{record.date}">{e(day)}</time> · '
        + f"{stamp(record.duration_s)}</p></div></header>"
        + '<main><div class="player"><audio id="player" controls preload="metadata" '
        + f'src="{e(audio_name)}" aria-label="{e(words.episode_audio.format(length=stamp(record.duration_s)))}">'
        + "</audio></div>"
        + f'<nav aria-label="{e(words.stories)}"><h2>{e(words.stories)}</h2><ol class="toc">{"".join(toc)}</ol></nav>'
        + f'<section class="transcript" aria-label="{e(words.transcript)}"><h2>{e(words.transcript)}</h2>'
        + f'{"".join(paragraphs)}</section>'
        + f'<section aria-label="{e(words.on_their_own)}"><h2>{e(words.on_their_own)}</h2><ol class="clips toc">'
        + f"{clips}</ol></section></main>"
        + f'<footer><p><a href="transcript.vtt">{e(words.captions)}</a> · '
        + f'<a href="chapters.json">{e(words.chapters)}</a>'
        + f' · <a href="../../feed.xml">{e(words.subscribe)}</a></p></footer>'
        + '<p id="status" role="status" aria-live="polite"></p>'
        + f"<script>{_asset('episode.js')}</script></body></html>\n"
    )


def show_page(config: ShowConfig, records: list[EpisodeRecord], cover: str,
              language: Language | None = None) -> str:
    """index.html: the episodes newest first, each linking to its page; the newest is playable at once."""
    e = html.escape
    language = language or language_for(config.language)
    words = language.page
    items = []
    for number, record in enumerate(sorted(records, key=lambda r: r.date, reverse=True)):
        day = language.page_date(dt.date.fromisoformat(record.date))
        link = f"episodes/{record.date}/{PAGE_FILE}"
        player = (f'<audio controls preload="metadata" src="{e(record.audio_file)}" '
                  f'aria-label="{e(words.play.format(title=record.title))}"></audio>' if number == 0 else "")
        stories = sum(1 for c in record.chapters if c.section)
        items.append(f'<li id="{record.date}"><h2><a href="{e(link)}">{e(record.title)}</a></h2>'
                     f'<p><time datetime="{record.date}">{e(day)}</time> · {stamp(record.duration_s)}'
                     f" · {e(words.story_count.format(count=stories))}</p>{player}</li>")
    body = f'<ol class="toc episodes">{"".join(items)}</ol>' if items else f"<p>{e(words.no_episodes)}</p>"
    return (
        _head(config.title, config.language, _asset("episode.css"))
        + f'<link rel="alternate" type="application/rss+xml" title="{e(config.title)}" href="feed.xml">'
        + "</head><body>"
        + f'<header><img src="{e(cover)}" alt=""><div><h1>{e(config.title)}</h1><p>{e(config.description)}</p>'
        + f'<p><a href="feed.xml">{e(words.subscribe)}</a></p></div></header>'
        + f"<main>{body}</main></body></html>\n"
    )
