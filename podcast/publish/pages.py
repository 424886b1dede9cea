"""The pages: index.html lists the episodes (the newest playable at once) and searches every transcript, and
episodes/DATE/index.html lets a listener skip to any story and read along while the transcript follows.

Plain HTML with the stylesheet and small scripts (podcast/web/) inlined: no build
step, no CDN, every URL relative except the subscribe links. Every text from a digest
or the settings is escaped. Without JavaScript both pages still read and play; search,
following, shortcuts and copying need it, and stay hidden without it.
"""

from __future__ import annotations

import datetime as dt
import functools
import html
import urllib.parse
from importlib import resources

from ..config import ShowConfig
from ..language import Language, PageWords, language_for
from ..layout import FEED_FILE, HEADLINES_FEED, PAGE_FILE
from ..models import EpisodeRecord, SpokenSentence
from .times import length, stamp


def _asset(name: str) -> str:
    return resources.files("podcast").joinpath("web", name).read_text(encoding="utf-8")


def _head(title: str, language: str, style: str) -> str:
    e = html.escape
    return (f'<!doctype html>\n<html lang="{e(language)}"><head><meta charset="utf-8">'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">'
            f'<meta name="color-scheme" content="light dark"><link rel="icon" href="data:,">'
            f"<title>{e(title)}</title><style>{style}</style>")


def subscribe_links(feed_url: str) -> tuple[tuple[str, str], ...]:
    """(app, link) that opens `feed_url` in each common podcast app, by the app's own subscribe scheme."""
    bare = feed_url.split("://", 1)[-1]
    quoted = urllib.parse.quote(feed_url, safe="")
    return (
        ("Apple Podcasts", f"podcast://{bare}"),
        ("Pocket Casts", f"pktc://subscribe/{bare}"),
        ("AntennaPod", f"https://antennapod.org/deeplink/subscribe?url={quoted}"),
        ("Overcast", f"overcast://x-callback-url/add?url={quoted}"),
        ("Podcast Addict", f"podcastaddict://{bare}"),
    )


def _subscribe(config: ShowConfig, words: PageWords, prefix: str, extra: tuple[tuple[str, str], ...] = ()) -> str:
    """The Subscribe block: a link per app, the plain RSS link, and a button that copies the feed's address."""
    e = html.escape
    feed_url = config.url(FEED_FILE)
    apps = "".join(f'<li><a href="{e(link)}">{e(app)}</a></li>' for app, link in subscribe_links(feed_url))
    more = "".join(f'<li><a href="{e(prefix + href)}">{e(label)}</a></li>' for label, href in extra)
    return (f'<section class="subscribe" aria-labelledby="subscribe-title"><h2 id="subscribe-title">'
            f'{e(words.subscribe_heading)}</h2><ul class="apps">{apps}<li><a href="{e(prefix)}{FEED_FILE}">'
            f'{e(words.rss_feed)}</a></li>{more}</ul><p class="feed-url"><code>{e(feed_url)}</code> '
            f'<button type="button" class="copy-feed" hidden data-url="{e(feed_url)}">{e(words.copy_feed)}</button>'
            "</p></section>")


def _is_web(link: str) -> bool:
    return link.startswith(("https://", "http://"))


def episode_page(config: ShowConfig, record: EpisodeRecord, sentences: tuple[SpokenSentence, ...],
                 cover: str, edition: EpisodeRecord | None = None, language: Language | None = None) -> str:
    """episodes/DATE/index.html: player, stories that seek, the live transcript, the section clips; `language`
    with the show's own phrases (else the language's)."""
    e = html.escape
    language = language or language_for(config.language)
    words = language.page
    lasts = functools.partial(length, language=config.language)
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
                   + (f'<a class="source" href="{e(chapter.link)}" aria-label="'
                      f'{e(words.source_of.format(title=chapter.title))}">{e(words.source)}</a>'
                      if _is_web(chapter.link) else "")
                   +                    f'<button type="button" class="copy" data-stamp="{stamp(start)}" '
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
        f'<li><span>{e(clip.title)}</span> <span class="stamp">{lasts(clip.duration_s)}</span>'
        f'<audio controls preload="metadata" src="sections/{e(clip.file.rsplit("/", 1)[-1])}" '
        f'aria-label="{e(words.clip_audio.format(title=clip.title, length=lasts(clip.duration_s)))}"></audio></li>'
        for clip in record.clips
    )
    files = [("transcript.vtt", words.captions), ("chapters.json", words.chapters)]
    if record.opus_file:
        files.append((record.opus_file.rsplit("/", 1)[-1],
                      words.small_file.format(size=f"{record.opus_length / 1e6:.1f} MB")))
    if edition is not None:
        files.append((edition.audio_file.rsplit("/", 1)[-1],
                      f"{words.headlines_edition} ({lasts(edition.duration_s)})"))
    return (
        _head(f"{record.title} — {config.title}", config.language, _asset("episode.css"))
        + f'<link rel="alternate" type="application/rss+xml" title="{e(config.title)}" href="../../feed.xml">'
        + "</head><body>"
        + f'<header><img src="../../{e(cover)}" alt=""><div><p><a href="../../index.html">{e(config.title)}</a></p>'
        + f'<h1>{e(record.title)}</h1><p><time datetime="{record.date}">{e(day)}</time> · '
        + f"{lasts(record.duration_s)}</p></div></header>"
        + '<main><div class="player"><audio id="player" controls preload="metadata" '
        + f'src="{e(audio_name)}" aria-label="{e(words.episode_audio.format(length=lasts(record.duration_s)))}">'
        + "</audio>"
        + f'<div class="bar" hidden><button type="button" id="follow" aria-pressed="true">{e(words.follow)}'
        + f'</button><p class="keys" id="keys">{words.keys}</p></div></div>'
        + f'<nav aria-label="{e(words.stories)}"><h2>{e(words.stories)}</h2><ol class="toc">{"".join(toc)}</ol></nav>'
        + f'<section class="transcript" aria-label="{e(words.transcript)}"><h2>{e(words.transcript)}</h2>'
        + f'{"".join(paragraphs)}</section>'
        + f'<section aria-label="{e(words.on_their_own)}"><h2>{e(words.on_their_own)}</h2><ol class="clips toc">'
        + f"{clips}</ol></section>"
        + _subscribe(config, words, "../../")
        + "</main><footer><p>"
        + " · ".join(f'<a href="{e(href)}">{e(label)}</a>' for href, label in files)
        + "</p></footer>"
        + '<p id="status" role="status" aria-live="polite"></p>'
        + f"<script>{_asset('subscribe.js')}{_asset('episode.js')}</script></body></html>\n"
    )


def show_page(config: ShowConfig, records: list[EpisodeRecord], cover: str,
              editions: dict[str, EpisodeRecord] | None = None,
              language: Language | None = None) -> str:
    """index.html: the episodes newest first as cards (date, length, stories, the rundown's headlines), each
    with its headlines edition; the newest is playable at once; a search box over every transcript."""
    e = html.escape
    language = language or language_for(config.language)
    words = language.page
    lasts = functools.partial(length, language=config.language)
    editions = editions or {}
    items = []
    for number, record in enumerate(sorted(records, key=lambda r: r.date, reverse=True)):
        day = language.page_date(dt.date.fromisoformat(record.date))
        link = f"episodes/{record.date}/{PAGE_FILE}"
        player = (f'<audio controls preload="metadata" src="{e(record.audio_file)}" '
                  f'aria-label="{e(words.play.format(title=record.title))}"></audio>' if number == 0 else "")
        stories = sum(1 for c in record.chapters if c.section) or sum(len(h) for _, h in record.headlines)
        count = words.one_story if stories == 1 else words.story_count.format(count=stories)
        rundown = "".join(f"<li>{e(heads[0])}</li>" for _, heads in record.headlines if heads)
        edition = editions.get(record.date)
        short = (f'<p class="edition"><a href="{e(edition.audio_file)}">{e(words.headlines_edition)}</a> '
                 f'<span class="stamp">{lasts(edition.duration_s)}</span></p>' if edition else "")
        items.append(f'<li id="{record.date}" class="card"><h2><a href="{e(link)}">{e(record.title)}</a></h2>'
                     f'<p class="meta"><time datetime="{record.date}">{e(day)}</time> · {lasts(record.duration_s)}'
                     f" · {e(count)}</p>"
                     + (f'<ul class="rundown" aria-label="{e(words.rundown)}">{rundown}</ul>' if rundown else "")
                     + f"{player}{short}</li>")
    body = f'<ol class="toc episodes">{"".join(items)}</ol>' if items else f"<p>{e(words.no_episodes)}</p>"
    search = (f'<form class="search" role="search" id="search" hidden action="#"><label for="q">{e(words.search)}'
              '</label><div class="row"><input type="search" id="q" name="q" autocomplete="off" spellcheck="false">'
              '</div><p id="found" role="status" aria-live="polite"></p><ol id="hits"></ol></form>' if items else "")
    extra = ((words.headlines_feed, HEADLINES_FEED),) if editions else ()
    return (
        _head(config.title, config.language, _asset("episode.css"))
        + f'<link rel="alternate" type="application/rss+xml" title="{e(config.title)}" href="{FEED_FILE}">'
        + "</head><body>"
        + f'<header><img src="{e(cover)}" alt=""><div><h1>{e(config.title)}</h1><p>{e(config.description)}</p>'
        + f'<p><a href="{FEED_FILE}">{e(words.subscribe)}</a></p></div></header>'
        + f"<main>{search}{body}{_subscribe(config, words, '', extra)}</main>"
        + '<p id="status" role="status" aria-live="polite"></p>'
        + f"<script>{_asset('subscribe.js')}{_asset('show.js')}</script></body></html>\n"
    )
