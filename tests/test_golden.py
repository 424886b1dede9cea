"""Byte-for-byte guard: a tone-voiced build of the sample digest publishes exactly the pinned files.

The restructure of the package must not change one byte of what a build publishes; these hashes were
taken from the code before it. A change that means to alter the output updates them in the same commit.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from typer.testing import CliRunner

from podcast.cli import app

from .conftest import SAMPLE_DIGEST, SHORT_DIGEST, write_digest

SKIPPED = {".cache", ".podcast.lock"}


def published(root: Path) -> dict[str, str]:
    """Every file the builds left in the show folder (the caches aside), by path: its SHA-256, shortened."""
    return {
        path.relative_to(root).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()[:16]
        for path in sorted(root.rglob("*"))
        if path.is_file() and path.relative_to(root).parts[0] not in SKIPPED
    }


PINNED = {
    ".podcast-show.json": "8141eec781d429a4",
    "cover.png": "f71d9ecf66f0bbaa",
    "episodes/2026-02-02/chapters.json": "798def1e267f0f14",
    "episodes/2026-02-02/digest.txt": "3500d5aafad0aea6",
    "episodes/2026-02-02/episode-a72164ca66.opus": "a72164ca66721c33",
    "episodes/2026-02-02/episode-fb61daa54e.mp3": "fb61daa54e611e8c",
    "episodes/2026-02-02/episode.json": "b814e37dac56420e",
    "episodes/2026-02-02/episode.mp3": "fb61daa54e611e8c",
    "episodes/2026-02-02/episode.opus": "a72164ca66721c33",
    "episodes/2026-02-02/headlines-b6ec7541f4.mp3": "b6ec7541f468c21d",
    "episodes/2026-02-02/headlines-chapters.json": "8e30cbc23901d03d",
    "episodes/2026-02-02/headlines.json": "255c71a3c1931f80",
    "episodes/2026-02-02/headlines.mp3": "b6ec7541f468c21d",
    "episodes/2026-02-02/headlines.srt": "89705dc97df158d1",
    "episodes/2026-02-02/headlines.vtt": "f41e272338cf2457",
    "episodes/2026-02-02/index.html": "3b4440fa08b7ac7a",
    "episodes/2026-02-02/proof.html": "7ac337fdb30a0e8e",
    "episodes/2026-02-02/proof.json": "3afcd2154ddfe78a",
    "episodes/2026-02-02/script.json": "581053a5367c127c",
    "episodes/2026-02-02/script.txt": "9e4a64f08b322382",
    "episodes/2026-02-02/sections/01-top-news-1e866d9cd6.mp3": "1e866d9cd60bcf37",
    "episodes/2026-02-02/sections/01-top-news.mp3": "1e866d9cd60bcf37",
    "episodes/2026-02-02/sections/02-top-business-8bca55fdee.mp3": "8bca55fdee07e17b",
    "episodes/2026-02-02/sections/02-top-business.mp3": "8bca55fdee07e17b",
    "episodes/2026-02-02/sections/03-economy-markets-6fe4037adb.mp3": "6fe4037adb9aba5e",
    "episodes/2026-02-02/sections/03-economy-markets.mp3": "6fe4037adb9aba5e",
    "episodes/2026-02-02/sections/04-corporate-2a4047c135.mp3": "2a4047c135118023",
    "episodes/2026-02-02/sections/04-corporate.mp3": "2a4047c135118023",
    "episodes/2026-02-02/transcript.srt": "4adb7dc2a79a3b60",
    "episodes/2026-02-02/transcript.vtt": "05c924f3e7e29487",
    "episodes/2026-02-03/chapters.json": "53cbe7b0bc929d53",
    "episodes/2026-02-03/digest.txt": "236d66e77a0d8818",
    "episodes/2026-02-03/episode-aff4024d2e.opus": "aff4024d2e9621d4",
    "episodes/2026-02-03/episode-ccde1eff31.mp3": "ccde1eff31e02240",
    "episodes/2026-02-03/episode.json": "b5eefc6fa82b7ba5",
    "episodes/2026-02-03/episode.mp3": "ccde1eff31e02240",
    "episodes/2026-02-03/episode.opus": "aff4024d2e9621d4",
    "episodes/2026-02-03/headlines-chapters.json": "5549ea0b17af4f07",
    "episodes/2026-02-03/headlines-f7d1c527ba.mp3": "f7d1c527baeb6351",
    "episodes/2026-02-03/headlines.json": "226a7906596aebb7",
    "episodes/2026-02-03/headlines.mp3": "f7d1c527baeb6351",
    "episodes/2026-02-03/headlines.srt": "15a9975264089ac3",
    "episodes/2026-02-03/headlines.vtt": "1ed2e8b2bd73d4c7",
    "episodes/2026-02-03/index.html": "4c8534e0c7d68df9",
    "episodes/2026-02-03/proof.html": "d12349c83302f7f0",
    "episodes/2026-02-03/proof.json": "82e49dc315f24646",
    "episodes/2026-02-03/script.json": "6b4f36c2835466a1",
    "episodes/2026-02-03/script.txt": "71b3bcd773ee4116",
    "episodes/2026-02-03/sections/01-top-news-e2a7208066.mp3": "e2a7208066fde576",
    "episodes/2026-02-03/sections/01-top-news.mp3": "e2a7208066fde576",
    "episodes/2026-02-03/sections/02-economy-markets-32a9035b27.mp3": "32a9035b2762a295",
    "episodes/2026-02-03/sections/02-economy-markets.mp3": "32a9035b2762a295",
    "episodes/2026-02-03/transcript.srt": "5cd25419169b35a0",
    "episodes/2026-02-03/transcript.vtt": "597a11b2fffa8664",
    "feed-headlines.xml": "588fd8d7fb49227a",
    "feed.xml": "5ad1668cd7afa4c6",
    "feeds/corporate.xml": "2f7f1183ad4a8151",
    "feeds/economy-markets.xml": "2c1ebf52bcceb40d",
    "feeds/top-business.xml": "0c6ba159d19259c5",
    "feeds/top-news.xml": "62392f74a412a8bc",
    "inbox.txt": "236d66e77a0d8818",
    "index.html": "1a7cc78215e4fadd",
    "podcast.toml": "0e1cca85f25565ea",
    "search.json": "dc49074d7c684722",
    "voices/anchor.toml": "cdb21fb6edce8098",
    "voices/default.toml": "c27c03af616996e2",
    "voices/espeak.toml": "6c47d41a28beaab5",
    "voices/lexicon.toml": "74a951d524f63edb",
    "voices/piper.toml": "074c02ceb8f92a1d",
}


@pytest.mark.slow
def test_tone_build_of_the_sample_is_byte_identical(tone_show: Path) -> None:
    (tone_show / "podcast.toml").write_text('[show]\nbase_url = "https://pod.example.org/daily/"\n')
    write_digest(tone_show, "2026-02-02", SAMPLE_DIGEST.read_text())
    (tone_show / "inbox.txt").write_text(SHORT_DIGEST)  # built with --digest: copied into the episode
    runner = CliRunner()
    for args in (["2026-02-02"], ["2026-02-03", "--digest", str(tone_show / "inbox.txt")]):
        result = runner.invoke(app, ["--show", str(tone_show), "build", *args, "--quiet"])
        assert result.exit_code == 0, result.output
    assert published(tone_show) == PINNED
