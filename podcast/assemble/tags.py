"""ID3 v2.3 tags: title, show, artist, date, genre, cover art, length, and per-story chapters under one table
of contents per section."""

from __future__ import annotations

from pathlib import Path

from mutagen import MutagenError
from mutagen.id3 import APIC, CHAP, CTOC, ID3, TALB, TCON, TDRC, TIT2, TLEN, TPE1, CTOCFlags
from mutagen.mp3 import MP3

from ..errors import TaggingError
from ..models import Chapter


class _PlayOrderID3(ID3):
    """ID3 that writes frames in the order they were added (text, chapters in play order, then the cover).

    mutagen sorts frames by size, which scattered the chapters (chp0, chp3, CTOC, chp1,
    chp2), and players such as ffprobe list chapters in the order their frames appear.
    """

    def _write(self, config: object) -> bytearray:
        from mutagen.id3._tags import save_frame

        frames = sorted(self.values(), key=lambda frame: frame.FrameID == "APIC")  # stable: keeps insertion order
        return bytearray().join(save_frame(frame, config=config) for frame in frames)


def write_tags(
    path: Path,
    *,
    title: str,
    show: str,
    artist: str,
    date: str,
    cover_jpeg: bytes,
    chapters: tuple[Chapter, ...] = (),
) -> float:
    """Tag the MP3 in place and return its duration in seconds, as decoded by mutagen."""
    try:
        info = MP3(str(path)).info
        if info is None:
            raise TaggingError(path, ValueError("not an MP3 file"))
        duration = float(info.length)
        tags = _PlayOrderID3()
        tags.add(TIT2(encoding=3, text=title))
        tags.add(TALB(encoding=3, text=show))
        tags.add(TPE1(encoding=3, text=artist))
        tags.add(TDRC(encoding=3, text=date))
        tags.add(TCON(encoding=3, text="Podcast"))
        tags.add(TLEN(encoding=3, text=str(int(duration * 1000))))
        tags.add(APIC(encoding=3, mime="image/jpeg", type=3, desc="Cover", data=cover_jpeg))
        _add_chapters(tags, chapters)
        tags.save(str(path), v2_version=3)
    except (MutagenError, OSError) as exc:
        raise TaggingError(path, exc) from exc
    return duration


def _add_chapters(tags: ID3, chapters: tuple[Chapter, ...]) -> None:
    """A top-level ordered CTOC listing the opening chapter and one CTOC per section, each section's CTOC
    listing its stories' CHAPs; tables of contents first, then the chapters in play order."""
    if not chapters:
        return
    ids = [f"chp{i}" for i in range(len(chapters))]
    sections: dict[str, list[str]] = {}
    top: list[str] = []
    for element_id, chapter in zip(ids, chapters, strict=True):
        if not chapter.section:
            top.append(element_id)
            continue
        if chapter.section not in sections:
            sections[chapter.section] = []
            top.append(f"toc{len(sections)}")
        sections[chapter.section].append(element_id)
    tags.add(CTOC(element_id="toc", flags=CTOCFlags.TOP_LEVEL | CTOCFlags.ORDERED, child_element_ids=top,
                  sub_frames=[TIT2(encoding=3, text="Chapters")]))
    for number, (section, members) in enumerate(sections.items(), 1):
        tags.add(CTOC(element_id=f"toc{number}", flags=CTOCFlags.ORDERED, child_element_ids=members,
                      sub_frames=[TIT2(encoding=3, text=section)]))
    for element_id, chapter in zip(ids, chapters, strict=True):
        tags.add(CHAP(element_id=element_id, start_time=chapter.start_ms, end_time=chapter.end_ms,
                      start_offset=0xFFFFFFFF, end_offset=0xFFFFFFFF,
                      sub_frames=[TIT2(encoding=3, text=chapter.title)]))
