"""The listening page in a real browser (Debian's chromium driven by Playwright) against podcast serve."""

from __future__ import annotations

from pathlib import Path

from playwright.sync_api import sync_playwright

from .test_publish import published, server  # noqa: F401 (fixtures)

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--autoplay-policy=no-user-gesture-required", "--mute-audio"]


def test_page_loads_every_player_answers_and_a_clip_plays(published: Path, server: int) -> None:  # noqa: F811
    base = f"http://127.0.0.1:{server}/"
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        page = browser.new_page()
        response = page.goto(base)
        assert response is not None and response.status == 200
        assert page.title() == "Daily Buzz"
        sources = page.eval_on_selector_all("audio", "els => els.map(e => e.src)")
        assert len(sources) == 2 * (1 + 2)  # two episodes, each with its two section clips
        for src in sources:
            answer = page.request.get(src, headers={"Range": "bytes=0-1"})
            assert answer.status in (200, 206), src

        clip = page.locator("article").first.locator(".clip audio").first
        clip.evaluate("a => a.play()")
        page.wait_for_function("a => a.currentTime > 0.5", arg=clip.element_handle(), timeout=15000)

        # Clicking a chapter seeks the episode's player.
        chapters = page.locator("article").first.locator("button.seek")
        assert chapters.count() == 2
        chapters.nth(1).click()
        start = float(chapters.nth(1).get_attribute("data-start") or 0)
        player = page.locator("article").first.locator("audio").first
        page.wait_for_function("([a, t]) => a.currentTime >= t", arg=[player.element_handle(), start],
                               timeout=15000)
        transcript = page.locator("article").first.locator("a", has_text="Transcript")
        assert page.request.get(base + (transcript.get_attribute("href") or "")).status == 200
        browser.close()
