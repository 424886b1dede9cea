"""Reading while listening, in Debian's chromium against podcast serve: the player stays in view, the
transcript follows the voice until the reader scrolls, the shortcuts move between stories, the show page
finds a word in any episode's transcript and its link plays from there, and the pages read and play
without JavaScript."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, sync_playwright

from podcast import dates, layout, pipeline

from .conftest import REPO, serving, use_tone_voices, write_digest
from .test_build import LONGER
from .test_episode_page import AXE
from .test_page_browser import ARGS, CHROMIUM

DAYS = ("2026-02-03", "2026-02-04", "2026-02-05")
RARE = "Zanzibar"
"""A word only the oldest episode (the third on the show page) says, late in a story."""

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    root = tmp_path_factory.mktemp("show")
    shutil.copytree(REPO / "voices", root / "voices")
    (root / "podcast.toml").write_text("[show]\n")
    use_tone_voices(root)
    for day in DAYS:
        text = LONGER.replace("3 February", f"{int(day[-2:])} February")
        if day == DAYS[0]:
            text = text.replace("across Europe by 2027.", f"across Europe by 2027. The first opens in {RARE}.")
        write_digest(root, day, text)
        pipeline.build(layout.Show.open(root), dates.parse_date(day), report=pipeline.Reporter(level=0))
    with serving(root) as (port, _):
        yield f"http://127.0.0.1:{port}/", root


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with sync_playwright() as p:
        launched = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield launched
        launched.close()


def _episode(browser: Browser, base: str, width: int = 390, height: int = 640, hash: str = "") -> Page:
    page = browser.new_page(viewport={"width": width, "height": height})
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    assert page.goto(f"{base}episodes/{DAYS[-1]}/index.html{hash}").status == 200  # type: ignore[union-attr]
    page.wait_for_function("document.getElementById('player').readyState >= 1", timeout=15000)
    assert errors == []
    return page


IN_VIEW = """s => { const b = document.querySelector(s).getBoundingClientRect();
        return b.top >= 0 && b.bottom <= window.innerHeight && b.height > 0; }"""


def _in_view(page: Page, selector: str) -> bool:
    return bool(page.evaluate(IN_VIEW, selector))


def _comes_into_view(page: Page, selector: str) -> None:
    """Wait for a smooth scroll to bring `selector` into view: its length depends on the machine's load."""
    page.wait_for_function(IN_VIEW, arg=selector, timeout=15000)


@pytest.mark.parametrize("width", [390, 1280])
def test_the_player_stays_in_view_at_the_last_story(served: tuple[str, Path], browser: Browser, width: int) -> None:
    base, _ = served
    page = _episode(browser, base, width)
    page.locator(".transcript p.headline").last.scroll_into_view_if_needed()
    page.evaluate("window.scrollBy(0, 200)")
    assert page.evaluate("window.scrollY") > 300
    assert _in_view(page, "#player") and _in_view(page, "#keys")  # the shortcuts' hint too
    page.close()


def test_the_transcript_follows_until_the_reader_scrolls(served: tuple[str, Path], browser: Browser) -> None:
    base, _ = served
    page = _episode(browser, base)
    page.locator("nav a.seek").nth(3).click()  # a later story: its words are far down the page
    page.wait_for_function("document.querySelector('.transcript .s.now') !== null", timeout=15000)
    _comes_into_view(page, ".transcript .s.now")  # the smooth scroll
    assert page.get_attribute("#follow", "aria-pressed") == "true"

    page.mouse.wheel(0, -5000)  # the reader scrolls back up to read something else
    page.wait_for_function("document.getElementById('follow').getAttribute('aria-pressed') === 'false'")
    page.wait_for_timeout(500)
    top = page.evaluate("window.scrollY")
    before = page.evaluate("document.querySelector('.transcript .s.now').dataset.start")
    page.wait_for_function(f"document.querySelector('.transcript .s.now').dataset.start !== '{before}'",
                           timeout=20000)  # the voice moves on to the next sentence...
    page.wait_for_timeout(800)
    assert page.evaluate("window.scrollY") == top  # ...and the page stays where the reader put it
    assert page.get_attribute("#follow", "aria-pressed") == "false"

    page.click("#follow")  # follow again: back to the voice
    _comes_into_view(page, ".transcript .s.now")
    assert page.get_attribute("#follow", "aria-pressed") == "true"
    page.close()


def test_shortcuts_move_between_stories_and_by_fifteen_seconds(served: tuple[str, Path], browser: Browser) -> None:
    base, _ = served
    page = _episode(browser, base, 1280, 900)
    starts = page.eval_on_selector_all("nav a.seek", "links => links.map(a => parseFloat(a.dataset.start))")
    assert len(starts) == 5 and page.is_visible("#keys")
    hint = page.inner_text("#keys")
    assert "Space" in hint and "15 s" in hint and "next story" in hint

    def at(seconds: float) -> None:
        page.wait_for_function(f"Math.abs(document.getElementById('player').currentTime - {seconds}) < 0.3",
                               timeout=15000)  # a seek can take seconds on a loaded machine

    page.evaluate(f"document.getElementById('player').currentTime = {starts[1] + 0.2}")
    at(starts[1] + 0.2)
    page.locator("h1").click()  # focus on the page, not on a control
    page.keyboard.press("n")
    at(starts[2])
    page.keyboard.press("n")
    at(starts[3])
    page.keyboard.press("p")  # just started: back to the story before
    at(starts[2])
    page.keyboard.press("ArrowRight")
    at(starts[2] + 15)
    page.keyboard.press("ArrowLeft")
    at(starts[2])
    page.keyboard.press(" ")
    page.wait_for_function("!document.getElementById('player').paused", timeout=5000)
    assert page.evaluate("window.scrollY") < 2000  # space played; it did not page down by a screen at a time
    page.keyboard.press(" ")
    page.wait_for_function("document.getElementById('player').paused", timeout=5000)
    page.close()


def test_search_finds_a_word_in_the_third_episode_and_plays_from_there(served: tuple[str, Path],
                                                                      browser: Browser) -> None:
    base, root = served
    page = browser.new_page(viewport={"width": 390, "height": 844})
    assert page.goto(base).status == 200  # type: ignore[union-attr]
    cards = page.locator("main li.card")
    assert cards.count() == 3
    assert page.locator("main li.card").nth(2).locator("h2 a").get_attribute("href") == \
        f"episodes/{DAYS[0]}/index.html"
    assert "4 stories" in cards.first.inner_text() and cards.first.locator(".rundown li").count() == 3
    page.fill("#q", RARE.lower()[:6])  # the start of the word, in lower case
    page.wait_for_function("document.querySelectorAll('#hits li').length > 0", timeout=10000)
    hits = page.locator("#hits a")
    assert hits.count() == 1 and RARE in page.inner_text("#hits")
    href = hits.first.get_attribute("href") or ""
    assert href.startswith(f"episodes/{DAYS[0]}/index.html#t=") and href.endswith("&play")
    stamp = href.split("#t=")[1].split("&")[0]
    minutes, seconds = (int(x) for x in stamp.split(":"))
    cue = next(line for line in (root / "episodes" / DAYS[0] / "transcript.vtt").read_text().split("\n\n")
               if RARE in line)
    assert cue.startswith(f"00:{minutes:02d}:{seconds:02d}.")  # the moment the word is said
    assert minutes * 60 + seconds > 20

    page.add_script_tag(path=str(AXE))
    result = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
    assert [v["id"] for v in result["violations"] if v["impact"] in ("critical", "serious")] == []

    hits.first.click()
    page.wait_for_url(f"**/episodes/{DAYS[0]}/index.html#t=*")
    target = minutes * 60 + seconds
    page.wait_for_function(f"(p => !p.paused && p.currentTime >= {target} - 0.2 && p.currentTime < {target} + 5)"
                           "(document.getElementById('player'))", timeout=15000)
    assert RARE in page.inner_text(".transcript .s.now") or page.evaluate(
        "document.querySelector('.transcript .s.now').nextElementSibling.textContent").count(RARE)
    page.close()


def test_subscribe_links_and_the_copy_button(served: tuple[str, Path], browser: Browser) -> None:
    base, _ = served
    context = browser.new_context()
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.goto(base)
    links = dict(page.eval_on_selector_all(".subscribe .apps a", "as => as.map(a => [a.textContent, a.href])"))
    assert set(links) >= {"Apple Podcasts", "Pocket Casts", "AntennaPod", "Overcast", "Podcast Addict", "RSS feed"}
    feed_url = page.get_attribute("button.copy-feed", "data-url") or ""
    assert feed_url.endswith("/feed.xml")
    bare = feed_url.split("://", 1)[1]
    assert links["Apple Podcasts"] == f"podcast://{bare}" and links["Pocket Casts"] == f"pktc://subscribe/{bare}"
    assert links["AntennaPod"].startswith("https://antennapod.org/deeplink/subscribe?url=http")
    page.click("button.copy-feed")
    page.wait_for_function("document.getElementById('status').textContent.includes('feed.xml')")
    assert page.evaluate("navigator.clipboard.readText()") == feed_url
    context.close()


def test_a_phone_hides_the_shortcuts_and_section_players_know_their_length(served: tuple[str, Path],
                                                                             browser: Browser) -> None:
    """A touch screen has no keyboard to press Space or N on; each section's player shows its length unplayed."""
    base, _ = served
    phone = browser.new_context(viewport={"width": 390, "height": 640}, is_mobile=True, has_touch=True)
    page = phone.new_page()
    page.goto(f"{base}episodes/{DAYS[-1]}/index.html")
    page.wait_for_function("document.getElementById('player').readyState >= 1", timeout=15000)
    assert page.is_visible("#follow") and not page.is_visible("#keys")
    page.wait_for_function("[...document.querySelectorAll('.clips audio')].every(a => a.duration > 0)",
                           timeout=15000)  # loaded its length, never played
    assert page.evaluate("[...document.querySelectorAll('.clips audio')].every(a => a.paused)")
    phone.close()
    desktop = _episode(browser, base, 1280)
    assert desktop.is_visible("#keys")
    desktop.close()


def test_reading_and_playing_without_javascript(served: tuple[str, Path], browser: Browser) -> None:
    base, root = served
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{base}episodes/{DAYS[-1]}/index.html")
    record = json.loads((root / "episodes" / DAYS[-1] / "episode.json").read_text())
    assert page.is_visible("#player") and page.get_attribute("#player", "controls") is not None
    assert page.is_visible(".transcript") and "Chipmaker Posts Record Profit" in page.inner_text(".transcript")
    assert not page.is_visible("#follow") and not page.is_visible("#keys")  # they need a script: hidden
    assert page.request.get(page.url.rsplit("/", 1)[0] + "/" + record["audio_file"].rsplit("/", 1)[1],
                            headers={"Range": "bytes=0-1"}).status == 206
    page.goto(base)
    assert not page.is_visible("#search") and page.locator("main li.card").count() == 3
    assert page.is_visible(".subscribe .apps a >> text=Overcast") and not page.is_visible("button.copy-feed")
    context.close()
