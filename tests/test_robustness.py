"""Never lose a published episode: bad input, killed builds, concurrent builds, speech-engine faults."""

from __future__ import annotations

import json
import os
import select
import signal
import subprocess
import sys
import time
from pathlib import Path

import feedparser
import pytest
from filelock import FileLock

from podcast.digest import MAX_DIGEST_BYTES

from .conftest import SHORT_DIGEST, podcast_process, write_digest

pytestmark = pytest.mark.slow  # every test here builds an episode or drives a browser

run = podcast_process  # robustness is about the process: kills, signals, programs missing from PATH


def published_state(show: Path) -> dict[str, bytes]:
    """Every published file: not the cache, the lock, or a state marker (`.build-failed`: never served)."""
    return {p.relative_to(show).as_posix(): p.read_bytes() for p in sorted(show.rglob("*"))
            if p.is_file() and not p.relative_to(show).as_posix().startswith((".cache/", ".podcast.lock"))
            and p.name != ".build-failed"}


def assert_whole(show: Path) -> None:
    """The published state is readable and consistent: every feed item's audio is there, at its length."""
    parsed = feedparser.parse(show / "feed.xml")
    assert not parsed.bozo and parsed.entries
    for entry in parsed.entries:
        enclosure = entry.enclosures[0]
        path = show / enclosure.href.removeprefix("http://localhost:8000/")
        assert path.stat().st_size == int(enclosure.length), path
    for record_path in (show / "episodes").glob("[!.]*/episode.json"):
        record = json.loads(record_path.read_text())
        for clip in record["clips"]:
            assert (show / clip["file"]).stat().st_size == clip["length"]
    assert (show / "index.html").read_text().startswith("<!doctype html>")


@pytest.fixture
def live_show(tone_show: Path) -> Path:
    """A show with one published episode (2026-02-03)."""
    write_digest(tone_show, "2026-02-03", SHORT_DIGEST)
    result = run(tone_show, "build", "2026-02-03")
    assert result.returncode == 0, result.stderr
    return tone_show


def _bad(tmp: Path, name: str, data: bytes | str) -> str:
    path = tmp / name
    path.write_bytes(data if isinstance(data, bytes) else data.encode())
    return str(path)


BAD_INPUTS = [
    ("feb-30", lambda t: ["build", "2026-02-30"], "DATE '2026-02-30': is not a real calendar date"),
    ("compact-date", lambda t: ["build", "20260202"], "DATE '20260202': must be a date written YYYY-MM-DD"),
    ("traversal-date", lambda t: ["build", "../../etc"], "DATE '../../etc': must be a date written YYYY-MM-DD"),
    ("empty-date", lambda t: ["build", ""], "DATE '': must be a date written YYYY-MM-DD"),
    ("no-digest", lambda t: ["build", "2026-02-04"], "digest.txt: no digest for 2026-02-04"),
    ("missing-file", lambda t: ["build", "2026-02-04", "--digest", str(t / "nope.txt")], "nope.txt: no such file"),
    ("folder", lambda t: ["build", "2026-02-04", "--digest", str(t)], "is a folder, not a digest file"),
    ("empty-file", lambda t: ["build", "2026-02-04", "--digest", _bad(t, "empty.txt", "")], "empty.txt: is empty"),
    ("whitespace-only", lambda t: ["build", "2026-02-04", "--digest", _bad(t, "ws.txt", " \n\t\r\n  \n")],
     "ws.txt: is empty"),
    ("binary-junk", lambda t: ["build", "2026-02-04", "--digest", _bad(t, "junk.txt", bytes(range(256)) * 40)],
     "junk.txt: is binary, not a text digest"),
    ("no-title", lambda t: ["build", "2026-02-04", "--digest", _bad(t, "nt.txt", "Top News\nA Story\nIt rose.\n")],
     "nt.txt: first line is not a title with a date"),
    ("no-stories", lambda t: ["build", "2026-02-04", "--digest",
                              _bad(t, "ns.txt", "Daily Buzz: 4 February 2026\nTop News\nMarkets\n")],
     "ns.txt: has a title but no stories"),
    ("date-mismatch", lambda t: ["build", "2026-02-04", "--digest", _bad(t, "dm.txt", SHORT_DIGEST)],
     "dm.txt: title date 2026-02-03 differs from 2026-02-04 (--force builds anyway)"),
    ("too-large", lambda t: ["build", "2026-02-04", "--digest",
                             _bad(t, "big.txt", "Daily Buzz: 4 February 2026\n" + "x" * MAX_DIGEST_BYTES)],
     f"big.txt: is {MAX_DIGEST_BYTES + 28} bytes; the limit is {MAX_DIGEST_BYTES}"),
    ("bad-digest-for-published-date", lambda t: ["build", "2026-02-03", "--digest", _bad(t, "e.txt", "")],
     "e.txt: is empty"),
    ("script-bad-digest", lambda t: ["script", "2026-02-04", "--digest", _bad(t, "s.txt", "\x00\x01")],
     "s.txt: is binary"),
]


@pytest.mark.parametrize(("make_args", "message"), [pytest.param(a, m, id=i) for i, a, m in BAD_INPUTS])
def test_bad_input_is_one_line_and_changes_nothing(  # type: ignore[no-untyped-def]
    live_show: Path, tmp_path: Path, make_args, message: str
) -> None:
    before = published_state(live_show)
    result = run(live_show, *make_args(tmp_path))
    assert result.returncode != 0
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("podcast: error: ") and message in lines[0], lines[0]
    assert "Traceback" not in result.stderr
    assert published_state(live_show) == before


def test_force_builds_a_digest_dated_otherwise(live_show: Path, tmp_path: Path) -> None:
    digest = _bad(tmp_path, "other.txt", SHORT_DIGEST)
    result = run(live_show, "build", "2026-02-05", "--digest", digest, "--force")
    assert result.returncode == 0, result.stderr
    assert [e.id for e in feedparser.parse(live_show / "feed.xml").entries] == [
        "daily-buzz-2026-02-05", "daily-buzz-2026-02-03"]


def test_messy_but_readable_digests_build_with_warnings(tone_show: Path) -> None:
    text = ("\ufeffDaily Buzz: 4 February 2026\r\n\r\nTop News\r\n\r\nNestlé <b>Cuts</b> Jobs\r\n\r\n"
            "Nestlé\x07 said <speak><break time=\"3s\"/>it</speak> would cut 5% of jobs.\r\n")
    path = tone_show / "episodes" / "2026-02-04"
    path.mkdir(parents=True)
    (path / "digest.txt").write_bytes(text.encode("cp1252", errors="ignore").replace(b"\xef\xbb\xbf", b""))
    result = run(tone_show, "build", "2026-02-04")
    assert result.returncode == 0, result.stderr
    assert "not UTF-8; read as Windows-1252" in result.stderr
    spoken = " ".join(s["text"] for s in json.loads((path / "script.json").read_text())["segments"])
    assert "Nestlé Cuts Jobs." in spoken and "five percent" in spoken
    for forbidden in ("<", ">", "speak", "break", "\x07"):
        assert forbidden not in spoken


def test_a_paragraph_of_hundreds_of_thousands_of_words(tone_show: Path) -> None:
    sentence = "The company said revenue rose 5% to US$1.2 billion in Q3 2025, its best quarter since 2019. "
    write_digest(tone_show, "2026-02-04", f"Daily Buzz: 4 February 2026\nNews\nA Very Long Story\n{sentence * 12000}\n")
    # The peak is the command's own, measured by a small parent of its own: this test process's other children
    # (a neural voice, the proof's recognizer) would otherwise count.
    probe = ("import resource, subprocess, sys; p = subprocess.run(sys.argv[1:], capture_output=True, text=True); "
             "print(p.returncode, len(p.stdout.split()), resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")
    result = subprocess.run([sys.executable, "-c", probe, sys.executable, "-m", "podcast", "script", "2026-02-04",
                             "--json"], cwd=tone_show, capture_output=True, text=True, timeout=120)
    code, words, peak_kb = map(int, result.stdout.split())
    assert code == 0, result.stderr
    assert words > 300_000
    assert peak_kb < 1024 * 1024  # under 1 GB


def test_missing_ffmpeg_says_what_to_install(live_show: Path, tmp_path: Path) -> None:
    jingle = tmp_path / "sting.wav"
    subprocess.run(["ffmpeg", "-v", "error", "-f", "lavfi", "-i", "sine=f=440:d=1", str(jingle)], check=True)
    (live_show / "podcast.toml").write_text(f'[show.audio]\nstinger = "{jingle}"\n')
    write_digest(live_show, "2026-02-04", SHORT_DIGEST.replace("3 February", "4 February"))
    before = published_state(live_show)
    result = run(live_show, "build", "2026-02-04", env={"PATH": str(tmp_path)})
    assert result.returncode == 1
    assert result.stderr.strip().splitlines()[-1] == (
        "podcast: error: ffmpeg is not installed: install it with `apt-get install ffmpeg`")
    assert {k: v for k, v in published_state(live_show).items() if k != "podcast.toml"} == {
        k: v for k, v in before.items() if k != "podcast.toml"}


def test_missing_espeak_says_what_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    import pyttsx3

    from podcast.engines.pyttsx3 import Pyttsx3Engine
    from podcast.errors import MissingToolError

    def broken(*args: object, **kwargs: object) -> None:
        raise OSError("libespeak-ng.so.1: cannot open shared object file")

    engine = Pyttsx3Engine(Pyttsx3Engine.Settings())
    engine.reset()  # the process's shared engine, if an earlier test made one
    monkeypatch.setattr(pyttsx3, "init", broken)
    with pytest.raises(MissingToolError, match="install it with `apt-get install espeak-ng libespeak-ng1`"):
        engine.start()


# --- killed builds --------------------------------------------------------------------------------

def _edit(show: Path) -> None:
    digest = show / "episodes" / "2026-02-03" / "digest.txt"
    digest.write_text(digest.read_text().replace("Analysts had expected", "Economists had expected"))


@pytest.mark.parametrize("point", ["before-swap", "after-swap", "after-section-feeds"])
def test_killed_while_publishing(live_show: Path, point: str) -> None:
    before = published_state(live_show)
    _edit(live_show)
    result = run(live_show, "build", "2026-02-03", env={"PODCAST_KILL_AT": point})
    assert result.returncode == -signal.SIGKILL
    assert_whole(live_show)
    if point == "before-swap":
        assert {k: v for k, v in published_state(live_show).items() if not k.startswith("episodes/.")} == {
            k: v for k, v in before.items() if k != "episodes/2026-02-03/digest.txt"} | {
            "episodes/2026-02-03/digest.txt": (live_show / "episodes/2026-02-03/digest.txt").read_bytes()}
    again = run(live_show, "build", "2026-02-03")
    assert again.returncode == 0, again.stderr
    assert "is up to date" not in again.stderr  # the interrupted publication is finished, not skipped
    assert_whole(live_show)
    assert not list((live_show / "episodes").glob(".*"))
    notes = feedparser.parse(live_show / "feed.xml").entries[0]
    record = json.loads((live_show / "episodes/2026-02-03/episode.json").read_text())
    assert notes.enclosures[0].href.endswith(record["audio_file"])


@pytest.mark.parametrize("wait_for", ["tts", "parts"])
def test_killed_while_making_audio(live_show: Path, wait_for: str) -> None:
    _edit(live_show)
    digest = live_show / "episodes" / "2026-02-03" / "digest.txt"
    digest.write_text(digest.read_text() + "Corporate\n" + "".join(
        f"Story Number {n}\nA company said sales rose {n} percent. It opened {n} stores.\n" for n in range(1, 30)))
    before = published_state(live_show)
    cache = live_show / ".cache" / wait_for
    seen = set(cache.rglob("*")) if cache.exists() else set()
    process = subprocess.Popen([sys.executable, "-m", "podcast", "build", "2026-02-03"], cwd=live_show,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and process.poll() is None:
        if cache.exists() and set(cache.rglob("*.*")) - seen:
            break
        time.sleep(0.01)
    os.killpg(process.pid, signal.SIGKILL)  # the first new file shows up seconds before the build could end
    assert process.wait() == -signal.SIGKILL
    assert published_state(live_show) == before  # nothing published was touched
    assert_whole(live_show)
    result = run(live_show, "build", "2026-02-03")
    assert result.returncode == 0, result.stderr
    assert_whole(live_show)


# --- concurrent builds ----------------------------------------------------------------------------

def first_words(build: subprocess.Popen[str], within_s: float = 120) -> str:
    """The first line a build prints on stderr, waiting up to `within_s` for it."""
    assert build.stderr is not None
    ready, _, _ = select.select([build.stderr], [], [], within_s)
    assert ready, f"the build said nothing within {within_s:g} s"
    return build.stderr.readline()


def test_two_builds_wait_for_each_other_and_both_publish(live_show: Path) -> None:
    for day in ("2026-02-04", "2026-02-05"):
        write_digest(live_show, day, SHORT_DIGEST.replace("3 February", f"{int(day[-2:])} February"))
    lock = FileLock(str(live_show / ".podcast.lock"))
    with lock:  # both builds must queue behind the lock: released only once each says it is waiting
        builds = [subprocess.Popen([sys.executable, "-m", "podcast", "build", day], cwd=live_show,
                                   stderr=subprocess.PIPE, text=True) for day in ("2026-02-04", "2026-02-05")]
        said = [first_words(b) for b in builds]
        assert all("waiting for another build of this show" in line for line in said), said
        assert all(b.poll() is None for b in builds)
    errors = [b.communicate(timeout=300)[1] for b in builds]
    assert [b.returncode for b in builds] == [0, 0], errors
    assert [e.id for e in feedparser.parse(live_show / "feed.xml").entries] == [
        "daily-buzz-2026-02-05", "daily-buzz-2026-02-04", "daily-buzz-2026-02-03"]
    assert_whole(live_show)


def test_lock_wait_has_a_timeout(live_show: Path) -> None:
    write_digest(live_show, "2026-02-04", SHORT_DIGEST.replace("3 February", "4 February"))
    before = published_state(live_show)
    with FileLock(str(live_show / ".podcast.lock")):
        result = run(live_show, "build", "2026-02-04", "--wait", "1")
    assert result.returncode == 1
    assert "another build still holds the lock after 1 s" in result.stderr.strip().splitlines()[-1]
    assert "Traceback" not in result.stderr
    assert published_state(live_show) == before


# --- speech-engine faults -------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("voice", "message"),
    [
        ("short", "too short for"),
        ("empty", "unreadable audio"),
        ("fail", "injected failure"),
        ("hang", "the speech engine hung for 0.5 s"),
    ],
)
def test_engine_faults_fail_the_build_naming_the_text(live_show: Path, voice: str, message: str) -> None:
    (live_show / "voices" / "default.toml").write_text(f'engine = "tests.doubles:FaultyEngine"\nvoice = "{voice}"\n')
    (live_show / "podcast.toml").write_text("[show.audio]\nrender_timeout_s = 0.5\n")
    write_digest(live_show, "2026-02-04", SHORT_DIGEST.replace("3 February", "4 February"))
    before = published_state(live_show)
    result = run(live_show, "build", "2026-02-04", timeout=120)
    assert result.returncode == 1
    last = result.stderr.strip().splitlines()[-1]
    assert last.startswith("podcast: error: speech engine failed on ") and message in last, last
    assert "Traceback" not in result.stderr
    changed = {"voices/default.toml", "podcast.toml", "episodes/2026-02-04/digest.txt"}
    assert {k: v for k, v in published_state(live_show).items() if k not in changed} == {
        k: v for k, v in before.items() if k not in changed}


@pytest.mark.parametrize("voice", ["short-once", "empty-once", "fail-once", "hang-once"])
def test_a_fault_that_passes_is_retried(live_show: Path, voice: str) -> None:
    (live_show / "voices" / "default.toml").write_text(f'engine = "tests.doubles:FaultyEngine"\nvoice = "{voice}"\n')
    # Long enough that a healthy sentence never times out on a loaded machine; the hang is cut at 5 s.
    (live_show / "podcast.toml").write_text("[show.audio]\nrender_timeout_s = 5.0\n")
    write_digest(live_show, "2026-02-04", SHORT_DIGEST.replace("3 February", "4 February"))
    result = run(live_show, "build", "2026-02-04", timeout=300)
    assert result.returncode == 0, result.stderr
    assert_whole(live_show)


def test_feed_ignores_an_unfinished_build(live_show: Path) -> None:
    _edit(live_show)
    assert run(live_show, "build", "2026-02-03", env={"PODCAST_KILL_AT": "before-swap"}).returncode == -signal.SIGKILL
    assert list((live_show / "episodes").glob(".*"))  # the killed build's folder is still there
    assert run(live_show, "feed").returncode == 0
    assert [e.id for e in feedparser.parse(live_show / "feed.xml").entries] == ["daily-buzz-2026-02-03"]
    assert_whole(live_show)


def test_an_unwritable_place_is_one_line(live_show: Path) -> None:
    """A file standing where a folder must go (as root, permissions would not stop the build)."""
    write_digest(live_show, "2026-02-04", SHORT_DIGEST.replace("3 February", "4 February"))
    (live_show / "feeds").rename(live_show / "feeds-moved")
    (live_show / "feeds").write_text("not a folder")
    result = run(live_show, "build", "2026-02-04")
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert lines[-1].startswith("podcast: error: ") and "feeds" in lines[-1], result.stderr
    assert "Traceback" not in result.stderr
