"""Every written date follows the show's locale: an en-US show writes "Tuesday, February 3, 2026", an en-GB
show "Tuesday, 3 February 2026", in the episode title, the pages, the captions, the tags and the feed."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from mutagen.id3 import ID3

from podcast import dates, layout, pipeline
from podcast.digest import parse_digest
from podcast.language import language_for
from podcast.script import build_script

from .conftest import SHORT_DIGEST, write_digest

WRITTEN = {
    "en": ("Tuesday, February 3, 2026", "Tuesday, February 3", "Feb 3, 2026", "February 3, 2026"),
    "en-US": ("Tuesday, February 3, 2026", "Tuesday, February 3", "Feb 3, 2026", "February 3, 2026"),
    "en-GB": ("Tuesday, 3 February 2026", "Tuesday, 3 February", "3 Feb 2026", "3 February 2026"),
}
"""The show's language -> (its long date, the sign-off's day, the title's short date, the tags' date)."""


@pytest.mark.parametrize("language", sorted(WRITTEN))
def test_the_script_writes_the_day_in_the_show_locale(language: str) -> None:
    long, day, _, _ = WRITTEN[language]
    script = build_script(parse_digest(SHORT_DIGEST), "Daily Buzz", language=language_for(language))
    assert f"It's {long}." in script.segments[0].written_paragraphs[0]
    assert script.segments[-1].written_paragraphs[0].startswith(f"That's Daily Buzz for {day}.")
    assert "It's Tuesday, February third, twenty twenty-six." in script.segments[0].spoken_paragraphs[0]


@pytest.mark.slow
@pytest.mark.parametrize("language", ["en-US", "en-GB"])
def test_every_written_place_follows_the_show_locale(tone_show: Path, language: str) -> None:
    long, day, short, tag_date = WRITTEN[language]
    (tone_show / "podcast.toml").write_text(f'[show]\nlanguage = "{language}"\n')
    write_digest(tone_show, "2026-02-03", SHORT_DIGEST)
    record = pipeline.build(layout.Show.open(tone_show), dates.parse_date("2026-02-03"),
                            report=pipeline.Reporter(level=0))
    assert record is not None and record.title == f"Markets Rally on Rate Hopes ({short})"
    folder = tone_show / "episodes" / "2026-02-03"
    assert json.loads((folder / "episode.json").read_text())["description"].startswith(f"Daily Buzz for {tag_date}:")
    assert f">{long}</time>" in (folder / "index.html").read_text()
    assert f">{long}</time>" in (tone_show / "index.html").read_text()
    captions = (folder / "transcript.vtt").read_text()
    assert f"It's {long}." in captions and f"That's Daily Buzz for {day}." in captions
    assert str(ID3(str(folder / "episode.mp3"))["TIT2"]) == record.title
    assert str(ID3(str(folder / "sections" / "01-top-news.mp3"))["TIT2"]) == f"Top News — Daily Buzz, {tag_date}"
    assert f"<title>Markets Rally on Rate Hopes ({short})</title>" in (tone_show / "feed.xml").read_text()
    section_feed = next((tone_show / "feeds").glob("*.xml")).read_text()
    assert f"({short})</title>" in section_feed


@pytest.mark.parametrize("language", ["xx-YY", "english"])
def test_a_language_babel_does_not_know_is_a_settings_error(tmp_path: Path, language: str) -> None:
    from podcast.config import read_settings
    from podcast.errors import ConfigError

    path = tmp_path / "podcast.toml"
    path.write_text(f'[show]\nlanguage = "{language}"\n')
    with pytest.raises(ConfigError, match=f"language {language!r} is not a language tag"):
        read_settings(path)
