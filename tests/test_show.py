"""A producer's own show: init, finding the show, dates for cron, list, remove, retention, scheduling."""

from __future__ import annotations

import json
import re
import shlex
import subprocess
import sys
from pathlib import Path

import feedparser
import podcastparser
import pytest
from typer.testing import CliRunner

from podcast.cli import app

from .conftest import REPO, SHORT_DIGEST, podcast, serving, use_tone_voices, write_digest

PODCAST = Path(sys.executable).parent / "podcast"
ESSENTIALS = ("--author", "Harbor Desk", "--email", "desk@harbor.example", "--base-url", "http://localhost:8000/")
"""What `podcast init` needs besides the title when no terminal can ask for it."""


run = podcast


def digest_for(day: str) -> str:
    import datetime as dt

    return SHORT_DIGEST.replace("3 February 2026", f"{dt.date.fromisoformat(day):%-d %B %Y}")


@pytest.fixture
def new_show(tmp_path: Path) -> Path:
    """A show made by `podcast init`, then given the tone voices so tests stay fast."""
    folder = tmp_path / "harbor"
    result = run(tmp_path, "init", str(folder), "--title", "Harbor Ledger", "--author", "Harbor Desk",
                 "--email", "desk@harbor.example", "--base-url", "http://localhost:8000/",
                 "--timezone", "America/New_York", "--category", "News", "--subcategory", "Business News")
    assert result.returncode == 0, result.stderr
    use_tone_voices(folder)
    return folder


def test_init_makes_a_whole_show_and_refuses_to_overwrite_one(tmp_path: Path) -> None:
    folder = tmp_path / "harbor"
    result = run(tmp_path, "init", str(folder), "--title", "Harbor Ledger", "--timezone", "Asia/Hong_Kong", *ESSENTIALS)
    assert result.returncode == 0, result.stderr
    for name in ("podcast.toml", "voices/default.toml", "voices/anchor.toml", "voices/lexicon.toml",
                 "voices/piper.toml", "voices/espeak.toml", "README.md"):
        assert (folder / name).is_file(), name
    assert (folder / "episodes").is_dir()
    settings = (folder / "podcast.toml").read_text()
    assert 'title = "Harbor Ledger"' in settings and 'timezone = "Asia/Hong_Kong"' in settings
    assert "# " in settings  # commented
    assert "Harbor Ledger" in (folder / "README.md").read_text()
    before = {p: p.read_bytes() for p in folder.rglob("*") if p.is_file()}
    again = run(tmp_path, "init", str(folder), "--title", "Other")
    assert again.returncode == 1
    assert again.stderr.strip().endswith("podcast.toml: a show already lives here; nothing was changed")
    assert {p: p.read_bytes() for p in folder.rglob("*") if p.is_file()} == before


def test_init_refuses_bad_settings_and_writes_nothing(tmp_path: Path) -> None:
    result = run(tmp_path, "init", "bad", "--title", "Bad", "--timezone", "Mars/Olympus", *ESSENTIALS)
    assert result.returncode == 1 and "unknown time zone 'Mars/Olympus'" in result.stderr
    assert not (tmp_path / "bad" / "podcast.toml").exists()
    wrong = run(tmp_path, "init", "bad", "--title", "Bad", "--category", "News", "--subcategory", "Gardening",
                *ESSENTIALS)
    assert wrong.returncode == 1 and "subcategory 'Gardening' is not one of News's" in wrong.stderr


def test_the_sample_show_is_what_init_writes() -> None:
    """One source for the documented settings and voices: the package's skeleton."""
    from podcast.showfolder import render_settings

    assert (REPO / "podcast.toml").read_text() == render_settings({})
    for name in ("default.toml", "anchor.toml", "piper.toml", "espeak.toml"):
        assert (REPO / "voices" / name).read_text() == (REPO / "podcast" / "skeleton" / "voices" / name).read_text()


@pytest.mark.slow
def test_init_build_list_remove_rebuild(new_show: Path) -> None:
    write_digest(new_show, "2026-02-03", digest_for("2026-02-03"))
    write_digest(new_show, "2026-02-04", digest_for("2026-02-04"))
    for day in ("2026-02-03", "2026-02-04"):
        assert run(new_show, "build", day).returncode == 0
    listed = json.loads(run(new_show, "list", "--json").stdout)
    assert [(e["date"], e["state"], e["sections"]) for e in listed] == [
        ("2026-02-03", "published", ["Top News", "Economy & Markets"]),
        ("2026-02-04", "published", ["Top News", "Economy & Markets"])]
    assert all(e["duration_s"] > 5 and e["size_bytes"] > 10_000 for e in listed)
    feed_xml = (new_show / "feed.xml").read_text()
    assert '<itunes:category text="News">' in feed_xml and '<itunes:category text="Business News"/>' in feed_xml

    removed = run(new_show, "remove", "2026-02-03")
    assert removed.returncode == 0, removed.stderr
    parsed = feedparser.parse(new_show / "feed.xml")
    assert not parsed.bozo and [e.id for e in parsed.entries] == ["harbor-ledger-2026-02-04"]
    with (new_show / "feed.xml").open("rb") as fh:
        assert [e["guid"] for e in podcastparser.parse("http://localhost:8000/feed.xml", fh)["episodes"]] == [
            "harbor-ledger-2026-02-04"]
    assert "2026-02-03" not in (new_show / "index.html").read_text()
    assert all("2026-02-03" not in p.read_text() for p in (new_show / "feeds").glob("*.xml"))
    assert [e["state"] for e in json.loads(run(new_show, "list", "--json").stdout)] == ["unpublished", "published"]

    rebuilt = run(new_show, "build", "2026-02-03")
    assert rebuilt.returncode == 0, rebuilt.stderr
    assert [e.id for e in feedparser.parse(new_show / "feed.xml").entries] == [
        "harbor-ledger-2026-02-04", "harbor-ledger-2026-02-03"]
    assert [e["state"] for e in json.loads(run(new_show, "list", "--json").stdout)] == ["published", "published"]


@pytest.mark.slow
def test_purged_audio_answers_404(new_show: Path) -> None:
    import http.client

    write_digest(new_show, "2026-02-03", digest_for("2026-02-03"))
    assert run(new_show, "build", "2026-02-03").returncode == 0
    record = json.loads((new_show / "episodes/2026-02-03/episode.json").read_text())
    assert run(new_show, "remove", "2026-02-03", "--purge").returncode == 0
    assert sorted(p.name for p in (new_show / "episodes/2026-02-03").iterdir()) == [".unpublished", "digest.txt"]
    listed = json.loads(run(new_show, "list", "--json").stdout)
    assert listed[0]["state"] == "unpublished" and listed[0]["purged"]
    with serving(new_show) as (port, _):
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        connection.request("GET", "/" + record["audio_file"])
        assert connection.getresponse().status == 404


def test_remove_of_an_unknown_date_is_one_line(new_show: Path) -> None:
    result = run(new_show, "remove", "2026-02-09")
    assert result.returncode == 1
    assert result.stderr.strip() == ("podcast: error: DATE 2026-02-09: no episode built for this date; "
                                     "`podcast list` shows them")


@pytest.mark.slow
def test_retention_over_ten_dates(new_show: Path) -> None:
    days = [f"2026-03-{n:02d}" for n in range(1, 11)]
    settings = new_show / "podcast.toml"
    settings.write_text(settings.read_text().replace("keep_episodes = 0", "keep_episodes = 4")
                        .replace("keep_days = 0", "keep_days = 7").replace("prune_audio = false", "prune_audio = true"))
    for day in days:
        write_digest(new_show, day, digest_for(day))
        result = run(new_show, "build", day, env={"PODCAST_NOW": f"{day}T05:30:00-05:00"})
        assert result.returncode == 0, result.stderr
    # keep_episodes = 4 keeps 03-07..03-10; keep_days = 7 from 03-10 would keep 03-03 on: the stricter wins.
    assert [e.id for e in feedparser.parse(new_show / "feed.xml").entries] == [
        f"harbor-ledger-{day}" for day in reversed(days[-4:])]
    states = {e["date"]: (e["state"], e["purged"]) for e in json.loads(run(new_show, "list", "--json").stdout)}
    assert states == {day: ("published", False) if day in days[-4:] else ("unpublished", True) for day in days}
    assert not list((new_show / "episodes" / days[0]).glob("*.mp3"))


@pytest.mark.slow
def test_show_found_above_named_by_flag_or_environment_and_never_made(new_show: Path, tmp_path: Path) -> None:
    write_digest(new_show, "2026-02-03", digest_for("2026-02-03"))
    below = new_show / "episodes" / "2026-02-03"
    assert run(below, "build", "2026-02-03").returncode == 0  # found in a folder above
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    by_flag = run(elsewhere, "--show", str(new_show), "list", "--json")
    assert by_flag.returncode == 0 and json.loads(by_flag.stdout)[0]["state"] == "published"
    by_env = run(elsewhere, "list", "--json", env={"PODCAST_SHOW": str(new_show)})
    assert json.loads(by_env.stdout)[0]["date"] == "2026-02-03"

    missing = run(elsewhere, "build", "2026-02-03")
    assert missing.returncode == 1 and "Traceback" not in missing.stderr
    assert missing.stderr.strip() == (f"podcast: error: {elsewhere}: no show here or in any folder above (no "
                                      "podcast.toml); create one with `podcast init`, or name one with --show DIR")
    assert list(elsewhere.iterdir()) == []  # nothing created by accident
    not_a_show = run(elsewhere, "--show", str(elsewhere), "feed")
    assert not_a_show.returncode == 1 and "not a show folder (no podcast.toml)" in not_a_show.stderr


@pytest.mark.slow
def test_today_and_yesterday_in_the_shows_time_zone(new_show: Path) -> None:
    # 03:30 UTC on 4 February is still 3 February in New York.
    clock = {"PODCAST_NOW": "2026-02-04T03:30:00+00:00"}
    write_digest(new_show, "2026-02-03", digest_for("2026-02-03"))
    write_digest(new_show, "2026-02-02", digest_for("2026-02-02"))
    today = run(new_show, "build", "today", env=clock)
    assert today.returncode == 0, today.stderr
    assert "episodes/2026-02-03/" in today.stderr
    yesterday = run(new_show, "script", "yesterday", env=clock)
    assert yesterday.returncode == 0 and "Monday, February second" in yesterday.stdout


def test_typer_runner_and_version(new_show: Path) -> None:
    runner = CliRunner()
    result = runner.invoke(app, ["--show", str(new_show), "list", "--json"])
    assert result.exit_code == 0 and json.loads(result.stdout) == []
    assert runner.invoke(app, ["--version"]).stdout.startswith("podcast 0.")
    assert run(new_show, "--version").stdout.strip() == f"podcast {__import__('podcast').__version__}"
    missing = runner.invoke(app, ["--show", str(new_show / "nope"), "list"])
    assert missing.exit_code == 1


@pytest.mark.slow
def test_the_documented_crontab_line_runs_from_another_folder(new_show: Path, tmp_path: Path) -> None:
    scheduling = (REPO / "docs" / "operations.md").read_text()
    block = re.search(r"```crontab\n(.*?)```", scheduling, re.S)
    assert block
    line = next(row for row in block.group(1).splitlines() if re.match(r"[\d*]", row))
    command = line.split(None, 5)[5]  # the five time fields, then the command line, exactly
    command = command.replace("/srv/podcast/.venv/bin/podcast", shlex.quote(str(PODCAST)))
    command = command.replace("/srv/shows/harbor", shlex.quote(str(new_show)))
    write_digest(new_show, "2026-02-03", digest_for("2026-02-03"))
    home = tmp_path / "home"
    home.mkdir()
    result = subprocess.run(["/bin/sh", "-c", command], cwd=home, capture_output=True, text=True, timeout=300,
                            env={"PATH": "/usr/bin:/bin", "HOME": str(home), "PODCAST_NOW": "2026-02-03T10:30:00Z"})
    assert result.returncode == 0, result.stderr
    assert result.stdout == "" and result.stderr == ""  # --quiet: cron mails nothing on success
    assert [e.id for e in feedparser.parse(new_show / "feed.xml").entries] == ["harbor-ledger-2026-02-03"]
    assert list(home.iterdir()) == []


@pytest.mark.slow
def test_every_command_through_typers_runner(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """init, build, list, remove and rebuild in-process, as the subprocess tests above run them."""
    runner = CliRunner()
    folder = tmp_path / "harbor"
    made = runner.invoke(app, ["init", str(folder), "--title", "Harbor Ledger", *ESSENTIALS])
    assert made.exit_code == 0, made.output
    use_tone_voices(folder)
    write_digest(folder, "2026-02-03", digest_for("2026-02-03"))
    monkeypatch.chdir(folder / "episodes")  # a folder below the show
    built = runner.invoke(app, ["build", "2026-02-03", "--quiet"])
    assert built.exit_code == 0, built.output
    listed = runner.invoke(app, ["list", "--json"])
    assert [e["state"] for e in json.loads(listed.stdout)] == ["published"]
    assert runner.invoke(app, ["remove", "2026-02-03"]).exit_code == 0
    assert [e["state"] for e in json.loads(runner.invoke(app, ["list", "--json"]).stdout)] == ["unpublished"]
    assert runner.invoke(app, ["build", "2026-02-03", "--quiet"]).exit_code == 0
    assert [e.id for e in feedparser.parse(folder / "feed.xml").entries] == ["harbor-ledger-2026-02-03"]
    assert runner.invoke(app, ["init", str(folder)]).exit_code == 1
