"""The episode page in Debian's chromium (Playwright) against podcast serve: skip to a story, read along,
share a moment, on a phone and a desktop, in light and dark, with no console error or critical axe issue."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page, sync_playwright

from podcast import dates, layout, pipeline

from .conftest import REPO, serving, use_tone_voices, write_digest
from .test_build import LONGER
from .test_page_browser import ARGS, CHROMIUM

pytestmark = pytest.mark.slow  # every test here builds an episode or drives a browser

AXE = Path(sys.prefix) / "share" / "npm" / "node_modules" / "axe-core" / "axe.min.js"
ARTIFACTS = REPO / "tests" / "artifacts"


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, dict[str, object]]]:
    import shutil

    root = tmp_path_factory.mktemp("show")
    shutil.copytree(REPO / "voices", root / "voices")
    (root / "podcast.toml").write_text("[show]\n")
    use_tone_voices(root)
    write_digest(root, "2026-02-03", LONGER)
    pipeline.build(layout.Show.open(root), dates.parse_date("2026-02-03"), report=pipeline.Reporter(level=0))
    record = json.loads((root / "episodes" / "2026-02-03" / "episode.json").read_text())
    with serving(root) as (port, _):
        yield f"http://127.0.0.1:{port}/", record


def _open(page: Page, url: str, errors: list[str]) -> None:
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: errors.append(str(error)))
    response = page.goto(url)
    assert response is not None and response.status == 200
    page.wait_for_function("document.getElementById('player').readyState >= 1", timeout=15000)


def test_stories_seek_the_transcript_follows_and_links_start_there(served: tuple[str, dict[str, object]]) -> None:
    base, record = served
    url = base + "episodes/2026-02-03/index.html"
    chapters = record["chapters"]
    assert isinstance(chapters, list)
    stories = [c for c in chapters if c["section"]]
    errors: list[str] = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        _open(page, url, errors)
        assert page.title().startswith(str(record["title"]))
        links = page.locator("nav a.seek")
        assert links.count() == len(chapters) == 1 + len(stories) == 5
        # The third story: its chapter start, within half a second.
        third = stories[2]
        page.locator("nav a.seek", has_text=third["title"]).click()
        target = third["start_ms"] / 1000  # episode.json times chapters in milliseconds
        page.wait_for_function(f"Math.abs(document.getElementById('player').currentTime - {target}) < 0.5",
                               timeout=15000)
        # While playing, the highlighted sentence is the one being spoken.
        page.evaluate("document.getElementById('player').play()")
        page.wait_for_function("document.getElementById('player').currentTime > "
                               f"{target} + 1.0", timeout=20000)
        for _ in range(3):
            now = page.evaluate("""() => {
                const t = document.getElementById('player').currentTime;
                const s = document.querySelector('.transcript .s.now');
                return [t, parseFloat(s.dataset.start), parseFloat(s.dataset.end), s.textContent];
            }""")
            later = page.evaluate("[...document.querySelectorAll('.transcript .s')].map(s => +s.dataset.start)")
            following = min([s for s in later if s > now[1]], default=10 ** 9)
            assert now[1] - 0.3 <= now[0] <= following + 0.3, now
            page.wait_for_timeout(700)
        # Clicking a sentence seeks to it.
        sentence = page.locator(".transcript .s").nth(6)
        sentence.click()
        start = float(sentence.get_attribute("data-start") or 0)
        page.wait_for_function(f"Math.abs(document.getElementById('player').currentTime - {start}) < 0.5")
        # A shared moment: #t=MM:SS (and ?t=) start the player there.
        fresh = browser.new_page()
        _open(fresh, url + "#t=00:20", errors)
        fresh.wait_for_function("Math.abs(document.getElementById('player').currentTime - 20) < 0.5", timeout=15000)
        query = browser.new_page()
        _open(query, url + "?t=0:42", errors)
        query.wait_for_function("Math.abs(document.getElementById('player').currentTime - 42) < 0.5", timeout=15000)
        # Each story's "Copy link" gives that address.
        page.context.grant_permissions(["clipboard-read", "clipboard-write"])
        page.locator("button.copy").nth(3).click()
        page.wait_for_function("document.getElementById('status').textContent.includes('#t=')")
        copied = page.evaluate("document.getElementById('status').textContent")
        assert copied.endswith("#t=" + page.locator("button.copy").nth(3).get_attribute("data-stamp"))
        browser.close()
    assert errors == []


@pytest.mark.parametrize("width, scheme", [(390, "light"), (390, "dark"), (1280, "light")])
def test_readable_on_a_phone_and_a_desktop_and_accessible(served: tuple[str, dict[str, object]], width: int,
                                                          scheme: str) -> None:
    base, _ = served
    assert AXE.is_file(), f"{AXE} missing: `make test` installs axe-core from npm"
    ARTIFACTS.mkdir(exist_ok=True)
    errors: list[str] = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        for name, path in (("episode", "episodes/2026-02-03/index.html"), ("show", "index.html")):
            page = browser.new_page(viewport={"width": width, "height": 844}, color_scheme=scheme)
            page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
            page.on("pageerror", lambda e: errors.append(str(e)))
            assert page.goto(base + path).status == 200  # type: ignore[union-attr]
            page.wait_for_load_state("networkidle")
            overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
            assert overflow <= 0, f"{path} scrolls sideways by {overflow} px at {width} px"
            page.screenshot(path=str(ARTIFACTS / f"{name}-{width}-{scheme}.png"), full_page=True)
            page.add_script_tag(path=str(AXE))
            result = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
            serious = [(v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3]) for v in result["violations"]
                       if v["impact"] in ("critical", "serious")]
            assert serious == [], serious
        browser.close()
    assert errors == []
