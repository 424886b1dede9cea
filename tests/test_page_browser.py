"""The listening page in a real browser (Debian's chromium driven by Playwright) against podcast serve."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import sync_playwright

from .test_publish import published, server  # noqa: F401 (fixtures)

pytestmark = pytest.mark.slow  # every test here builds an episode or drives a browser

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--autoplay-policy=no-user-gesture-required", "--mute-audio"]


def test_show_page_lists_episodes_newest_first_and_every_player_answers(published: Path,  # noqa: F811
                                                                       server: int) -> None:  # noqa: F811
    base = f"http://127.0.0.1:{server}/"
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        page = browser.new_page()
        response = page.goto(base)
        assert response is not None and response.status == 200
        assert page.title() == "Daily Buzz"
        links = page.eval_on_selector_all("main h2 a", "els => els.map(e => e.getAttribute('href'))")
        assert links == ["episodes/2026-02-04/index.html", "episodes/2026-02-03/index.html"]  # newest first
        assert page.locator("audio").count() == 1  # the newest is playable at once
        newest = page.locator("audio").first
        newest.evaluate("a => a.play()")
        page.wait_for_function("a => a.currentTime > 0.5", arg=newest.element_handle(), timeout=15000)

        page.locator("main h2 a").nth(1).click()
        page.wait_for_url("**/episodes/2026-02-03/index.html")
        sources = page.eval_on_selector_all("audio", "els => els.map(e => e.src)")
        assert len(sources) == 1 + 2  # the episode and its two section clips
        for src in sources:
            answer = page.request.get(src, headers={"Range": "bytes=0-1"})
            assert answer.status in (200, 206), src
        durations = page.locator(".clips .stamp").all_inner_texts()
        assert len(durations) == 2 and all(d != "00:00" for d in durations)  # shown before playing
        clip = page.locator(".clips audio").first
        clip.evaluate("a => a.play()")
        page.wait_for_function("a => a.currentTime > 0.5", arg=clip.element_handle(), timeout=15000)
        for href in ("transcript.vtt", "chapters.json", "../../feed.xml"):
            assert page.request.get(page.url.rsplit("/", 1)[0] + "/" + href).status == 200, href
        browser.close()
