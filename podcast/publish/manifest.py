"""What the show folder publishes, file by file with its kind and content hash, and the manifest a destination keeps.

The list is derived from the episode records (what the feeds are built from), not
from a scan of the folder: caches, digests, scripts and markers are never copied.
"""

from __future__ import annotations

import hashlib
import json
import re
import urllib.parse
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Final

from ..errors import PublishError
from ..layout import EPISODES, FEED_FILE, HEADLINES_FEED, SEARCH_FILE, VERSIONED_AUDIO, Show
from ..models import EpisodeRecord
from ..records import read_edition
from .cover import GENERATED_NAME
from .episodes import published_records

MANIFEST_FILE: Final = ".podcast-manifest.json"
"""Kept at the destination's root: what this tool put there, so a publish compares before it copies."""
MANIFEST_FORMAT: Final = 1
HASH_CACHE: Final = Path(".cache") / "publish-hashes.json"
"""Each published file's hash by size and modification time: a year of audio is not read again per publish."""
SHOW_PAGE: Final = "index.html"


@dataclass(frozen=True)
class Kind:
    """A sort of published file: when it goes up, and how long caches may keep it."""

    name: str
    rank: int
    """Upload order: a file goes up only after everything it refers to (audio, then pages, then feeds)."""
    cache_control: str


_YEAR: Final = "public, max-age=31536000, immutable"
"""Content-hashed audio: its URL never changes content, so a CDN and a player may keep it for good."""
_SHORT: Final = "public, max-age=300"
"""Files rewritten in place under one URL (feeds, pages, transcripts): a CDN refreshes them within minutes."""

KINDS: Final = {kind.name: kind for kind in (
    Kind("audio", 0, _YEAR),
    Kind("transcript", 1, _SHORT),
    Kind("chapters", 1, _SHORT),
    Kind("cover", 1, "public, max-age=3600"),
    Kind("episode-page", 2, _SHORT),
    Kind("show-page", 3, _SHORT),
    Kind("section-feed", 4, _SHORT),
    Kind("feed", 5, _SHORT),
)}
FEED_KINDS: Final = ("section-feed", "feed")


@dataclass(frozen=True)
class Entry:
    """One published file."""

    path: str
    """Relative to the show folder and to the destination's root, with / separators."""
    kind: str
    size: int
    sha256: str
    etag: str = ""
    """The destination's own checksum (S3's ETag) as it was after the upload; "" where it has none."""

    @property
    def rank(self) -> int:
        return KINDS[self.kind].rank


def _hash(path: Path, cache: dict[str, list[object]], relative: str) -> str:
    stat = path.stat()
    known = cache.get(relative)
    if known and known[:2] == [stat.st_size, stat.st_mtime_ns]:
        return str(known[2])
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    cache[relative] = [stat.st_size, stat.st_mtime_ns, digest.hexdigest()]
    return digest.hexdigest()


def _read_cache(show: Show) -> dict[str, list[object]]:
    try:
        data = json.loads((show.root / HASH_CACHE).read_text())
        return data if isinstance(data, dict) else {}
    except (OSError, ValueError):
        return {}


def _write_cache(show: Show, cache: dict[str, list[object]]) -> None:
    """Best effort: without it the next publish reads every file again."""
    path = show.root / HASH_CACHE
    try:
        path.parent.mkdir(exist_ok=True)
        partial = path.with_name(f".{path.name}.part")
        partial.write_text(json.dumps(cache))
        partial.replace(path)
    except OSError:
        pass


def _record_files(record: EpisodeRecord) -> list[tuple[str, str]]:
    files = [(record.audio_file, "audio"), *((clip.file, "audio") for clip in record.clips)]
    if record.opus_file:
        files.append((record.opus_file, "audio"))
    files += [(name, "transcript") for name in (record.transcript_vtt, record.transcript_srt) if name]
    if record.chapters_file:
        files.append((record.chapters_file, "chapters"))
    if record.page_file:
        files.append((record.page_file, "episode-page"))
    return files


def _kept_audio(show: Show, record: EpisodeRecord) -> list[tuple[str, str]]:
    """The previous build's audio a rebuild keeps in the episode folder (apps may be mid-download): published
    as long as the show folder keeps it, so a listener's download survives one publish there too."""
    folder = show.root / Path(record.audio_file).parent
    found = [*folder.glob("episode-*.mp3"), *folder.glob("episode-*.opus"), *folder.glob("headlines-*.mp3"),
             *(folder / "sections").glob("*.mp3")]
    return [(p.relative_to(show.root).as_posix(), "audio") for p in sorted(found) if VERSIONED_AUDIO.search(p.name)]


def published_files(show: Show) -> list[Entry]:
    """Every file the show folder publishes, in upload order, hashed; a referenced file that is missing or
    whose size differs from its record is an error (publish nothing rather than a feed that points nowhere)."""
    records = published_records(show)
    editions = [e for r in records if show.config.headlines_edition
                and (e := read_edition(show.root / EPISODES / r.date))]
    wanted: dict[str, str] = {}
    for record in records:
        for relative, kind in [*_record_files(record), *_kept_audio(show, record)]:
            wanted.setdefault(relative, kind)
    for edition in editions:  # the headlines edition: its own audio, captions and chapters, on the episode's page
        for relative, kind in _record_files(edition):
            wanted.setdefault(relative, kind)
    artwork = show.root / (show.config.artwork or GENERATED_NAME)
    if not artwork.resolve().is_relative_to(show.root.resolve()):
        raise PublishError(f"{artwork}: the artwork must be inside the show folder to be published with it")
    wanted[artwork.relative_to(show.root).as_posix()] = "cover"
    wanted[SHOW_PAGE] = "show-page"
    if (show.root / SEARCH_FILE).exists():
        wanted[SEARCH_FILE] = "show-page"
    for slug in sorted({clip.slug for record in records for clip in record.clips}):
        wanted[f"feeds/{slug}.xml"] = "section-feed"
    if editions:
        wanted[HEADLINES_FEED] = "section-feed"
    wanted[FEED_FILE] = "feed"
    sizes = {r.audio_file: r.length for r in [*records, *editions]} | {c.file: c.length for r in records
                                                                       for c in r.clips}
    entries = []
    cache = _read_cache(show)
    for relative, kind in wanted.items():
        path = show.root / relative
        try:
            size = path.stat().st_size
        except OSError as exc:
            raise PublishError(f"{path}: listed in the feeds but missing from the show folder ({exc.strerror}); "
                               "`podcast feed` or a rebuild restores it") from exc
        if relative in sizes and sizes[relative] != size:
            raise PublishError(f"{path}: {size} bytes, but its episode record says {sizes[relative]}; rebuild it")
        entries.append(Entry(relative, kind, size, _hash(path, cache, relative)))
    _write_cache(show, {e.path: cache[e.path] for e in entries})
    _check_feeds_refer_to(show, {e.path for e in entries})
    return sorted(entries, key=lambda e: (e.rank, e.path))


def referenced(show_url: str, xml: bytes) -> set[str]:
    """The show's own files a feed or page names (its URLs under the show's address), relative to the show."""
    out = set()
    for url in re.findall(rb'(?:url|href)="([^"]+)"', xml):
        text = url.decode("utf-8", "replace").replace("&amp;", "&")
        if text.startswith(show_url) and len(text) > len(show_url):
            out.add(urllib.parse.unquote(urllib.parse.urlsplit(text[len(show_url):]).path))
    return out


def _check_feeds_refer_to(show: Show, files: set[str]) -> None:
    base = show.config.url("")
    for relative in [FEED_FILE, *sorted(p for p in files if p.startswith("feeds/") or p == HEADLINES_FEED)]:
        missing = referenced(base, (show.root / relative).read_bytes()) - files
        if missing:
            raise PublishError(f"{show.root / relative}: names {sorted(missing)[0]}, which the episode records do "
                               "not publish; `podcast feed` rewrites the feeds from them")


def dumps(entries: dict[str, Entry]) -> bytes:
    files = {path: {k: v for k, v in asdict(entry).items() if k != "path"} for path, entry in sorted(entries.items())}
    return (json.dumps({"format": MANIFEST_FORMAT, "files": files}, indent=1) + "\n").encode()


def loads(data: bytes, where: str) -> dict[str, Entry]:
    """A destination's manifest; one this version cannot read counts as none (everything is copied again)."""
    try:
        raw = json.loads(data)
        if raw.get("format") != MANIFEST_FORMAT:
            return {}
        return {path: Entry(path, str(f["kind"]), int(f["size"]), str(f["sha256"]), str(f.get("etag", "")))
                for path, f in raw["files"].items() if f["kind"] in KINDS}
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        raise PublishError(f"{where}: damaged publish manifest ({exc}); delete it to copy everything again") from exc
