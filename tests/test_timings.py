"""Where a build's time goes: every stage and the workers' steps, written only when asked for."""

from __future__ import annotations

import json
from pathlib import Path

from podcast import timings

from .conftest import podcast, write_digest

STAGES = ("read_script", "settle_sentences", "mix_parts", "write_and_publish", "publish_feeds")


def test_a_build_writes_where_its_time_went_when_asked(tone_show: Path, tmp_path: Path) -> None:
    write_digest(tone_show, "2026-02-03", "Daily Buzz: 3 February 2026\nTech\nChips\nVoltara delays its plant.\n"
                                          "The plant opens next year. Workers wait.\n")
    target = tmp_path / "timings.json"
    assert podcast(tone_show, "build", "2026-02-03", env={timings.ENV: str(target)}).returncode == 0
    spent = json.loads(target.read_text())
    assert set(STAGES) <= set(spent) and all(seconds >= 0 for seconds in spent.values())
    assert spent["render"] > 0  # measured in the workers, handed back with their takes
    assert "write_and_publish: episode (MP3, clips, tags, pages)" in spent
    assert sum(spent[stage] for stage in STAGES) < sum(spent.values())  # steps are listed beside their stages

    target.unlink()
    assert podcast(tone_show, "build", "2026-02-03").returncode == 0
    assert not target.exists()  # unset: nothing written


def test_a_workers_spans_are_kept_apart_then_added_once() -> None:
    timings.taken()
    with timings.span("outer"):
        with timings.collected() as inner:
            with timings.span("step"):
                pass
    assert set(inner) == {"step"}
    assert set(timings.taken()) == {"outer"}
    timings.add(inner)
    timings.add(inner)
    assert timings.taken()["step"] == 2 * inner["step"]


def test_timings_that_cannot_be_written_are_one_line_before_anything_is_built(tone_show: Path, tmp_path: Path) -> None:
    write_digest(tone_show, "2026-02-03", "Daily Buzz: 3 February 2026\nTech\nChips\nVoltara delays its plant.\n")
    ran = podcast(tone_show, "build", "2026-02-03", env={timings.ENV: str(tmp_path / "missing" / "t.json")})
    assert ran.returncode != 0
    lines = ran.stderr.strip().splitlines()
    assert len(lines) == 1 and "missing" in lines[0] and timings.ENV in lines[0], lines
    assert not (tone_show / "episodes" / "2026-02-03" / "episode.mp3").exists()
