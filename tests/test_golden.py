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
    "episodes/2026-02-02/episode-0fdf5d0cdf.opus": "0fdf5d0cdfe15146",
    "episodes/2026-02-02/episode-6dbce8b173.mp3": "6dbce8b173f5d422",
    "episodes/2026-02-02/episode.json": "87d9c7a93c98ca73",
    "episodes/2026-02-02/episode.mp3": "6dbce8b173f5d422",
    "episodes/2026-02-02/episode.opus": "0fdf5d0cdfe15146",
    "episodes/2026-02-02/headlines-4ba14feff3.mp3": "4ba14feff3ef2008",
    "episodes/2026-02-02/headlines-chapters.json": "9aa4567f38a0127a",
    "episodes/2026-02-02/headlines.json": "8d7d6f7887688ecf",
    "episodes/2026-02-02/headlines.mp3": "4ba14feff3ef2008",
    "episodes/2026-02-02/headlines.srt": "bd00250e767ee60a",
    "episodes/2026-02-02/headlines.vtt": "f04bc2a2967a2a41",
    "episodes/2026-02-02/index.html": "f5e67f103dfb5214",
    "episodes/2026-02-02/script.json": "f39c61640962d0dc",
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
    "episodes/2026-02-03/episode-05e5222f4c.mp3": "05e5222f4c467e0d",
    "episodes/2026-02-03/episode-8ce4b24d32.opus": "8ce4b24d325334c5",
    "episodes/2026-02-03/episode.json": "014978e2699a4227",
    "episodes/2026-02-03/episode.mp3": "05e5222f4c467e0d",
    "episodes/2026-02-03/episode.opus": "8ce4b24d325334c5",
    "episodes/2026-02-03/headlines-c8b7d12d62.mp3": "c8b7d12d6253bb5d",
    "episodes/2026-02-03/headlines-chapters.json": "ec3a95f8c3eef3da",
    "episodes/2026-02-03/headlines.json": "aaae5b16f79ac38c",
    "episodes/2026-02-03/headlines.mp3": "c8b7d12d6253bb5d",
    "episodes/2026-02-03/headlines.srt": "00ea10f4e9f89782",
    "episodes/2026-02-03/headlines.vtt": "de7f4278cfae4578",
    "episodes/2026-02-03/index.html": "a5efc9336cc75a22",
    "episodes/2026-02-03/script.json": "4459fe88e30d556d",
    "episodes/2026-02-03/script.txt": "71b3bcd773ee4116",
    "episodes/2026-02-03/sections/01-top-news-5ddac588e8.mp3": "5ddac588e83a14a1",
    "episodes/2026-02-03/sections/01-top-news.mp3": "5ddac588e83a14a1",
    "episodes/2026-02-03/sections/02-economy-markets-558837a1a0.mp3": "558837a1a0fd34cc",
    "episodes/2026-02-03/sections/02-economy-markets.mp3": "558837a1a0fd34cc",
    "episodes/2026-02-03/transcript.srt": "b5c9e10aebfebe6a",
    "episodes/2026-02-03/transcript.vtt": "5ac575c05bb5cbec",
    "feed-headlines.xml": "2714c1f97bc3e7af",
    "feed.xml": "c7c2c4cfdbaf638d",
    "feeds/corporate.xml": "500f34f96730d0d8",
    "feeds/economy-markets.xml": "cdb42b47822c9325",
    "feeds/top-business.xml": "b1a90d6ea124b3a3",
    "feeds/top-news.xml": "93038ce4ffadd200",
    "inbox.txt": "236d66e77a0d8818",
    "index.html": "4ee7107337cec385",
    "podcast.toml": "0e1cca85f25565ea",
    "search.json": "cb338f4bce46e2ff",
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
