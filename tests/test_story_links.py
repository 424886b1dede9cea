"""A story's source link (from the digest's "Read more: URL" or its first link) reaches its chapter, the JSON
chapters and the episode page; a story without one gets none."""

from __future__ import annotations

import datetime as dt
import json
from types import SimpleNamespace

from podcast.assemble import transcript
from podcast.assemble.timeline import with_links
from podcast.config import ShowConfig
from podcast.models import Chapter, EpisodeRecord
from podcast.publish import pages as page


def test_chapters_carry_the_stories_links() -> None:
    stories = [SimpleNamespace(headline="Markets Rally.", link="https://example.org/markets"),
               SimpleNamespace(headline="Rates Hold", link="javascript:alert(1)"),
               SimpleNamespace(headline="No Link Field")]
    digest = SimpleNamespace(date=dt.date(2026, 2, 3), sections=[SimpleNamespace(stories=stories)])
    chapters = (Chapter("Headlines", 0, 1000), Chapter("Markets Rally", 1000, 2000, "Top News"),
                Chapter("Rates Hold", 2000, 3000, "Top News"), Chapter("No Link Field", 3000, 4000, "Top News"))
    linked = with_links(chapters, digest)  # type: ignore[arg-type]
    assert [c.link for c in linked] == ["", "https://example.org/markets", "", ""]
    data = json.loads(transcript.to_chapters_json(linked, "t"))
    assert [c.get("url") for c in data["chapters"]] == [None, "https://example.org/markets", None, None]

    record = EpisodeRecord(date="2026-02-03", title="t", description="d", guid="g",
                           audio_file="episodes/2026-02-03/episode.mp3", length=1, duration_s=4.0, chapters=linked)
    html = page.episode_page(ShowConfig(), record, (), "cover.png")
    assert html.count('class="source"') == 1
    assert '<a class="source" href="https://example.org/markets" aria-label="Source of Markets Rally">' in html


def test_a_link_that_is_not_a_web_address_never_becomes_a_page_link() -> None:
    record = EpisodeRecord(date="2026-02-03", title="t", description="d", guid="g",
                           audio_file="episodes/2026-02-03/episode.mp3", length=1, duration_s=4.0,
                           chapters=(Chapter("Bad", 0, 1000, "News", "javascript:alert(1)"),))
    assert 'class="source"' not in page.episode_page(ShowConfig(), record, (), "cover.png")
