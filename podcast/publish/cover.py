"""The show's cover art: the producer's image, or a generated square 3000x3000 PNG."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Final

from PIL import Image, ImageDraw, ImageFont, UnidentifiedImageError

from ..config import ShowConfig
from ..errors import ConfigError
from ..language import language_for
from ..layout import Show

SIZE: Final = 3000
GENERATED_NAME: Final = "cover.png"


TITLE_SIZES: Final = (300, 270, 240, 220, 200, 180)
"""Title font sizes tried in turn; the smallest still reads at thumbnail size and beats the subtitle's."""
SUBTITLE_SIZE: Final = 130
MAX_TITLE_LINES: Final = 3
TEXT_WIDTH: Final = SIZE - 240
STAMP_KEY: Final = "podcast-cover"


def _wrap(draw: ImageDraw.ImageDraw, text: str, font: ImageFont.FreeTypeFont | ImageFont.ImageFont,
          width: int) -> list[str]:
    """Greedy word wrap; a single word wider than the line stays whole (it is shrunk by the caller)."""
    lines: list[str] = []
    for word in text.split():
        if lines and draw.textlength(f"{lines[-1]} {word}", font=font) <= width:
            lines[-1] = f"{lines[-1]} {word}"
        else:
            lines.append(word)
    return lines or [""]


def title_layout(title: str) -> tuple[int, list[str]]:
    """The largest title size at which the title fits on at most three lines, and those lines."""
    draw = ImageDraw.Draw(Image.new("RGB", (1, 1)))
    for size in TITLE_SIZES:
        font = ImageFont.load_default(size=size)
        lines = _wrap(draw, title, font, TEXT_WIDTH)
        if len(lines) <= MAX_TITLE_LINES and all(draw.textlength(line, font=font) <= TEXT_WIDTH for line in lines):
            return size, lines
    size = TITLE_SIZES[-1]
    font = ImageFont.load_default(size=size)
    lines = _wrap(draw, title, font, TEXT_WIDTH)[:MAX_TITLE_LINES]
    widest = max(draw.textlength(line, font=font) for line in lines)
    if widest > TEXT_WIDTH:  # one very long word: shrink to fit, but never below the subtitle
        size = max(SUBTITLE_SIZE + 10, int(size * TEXT_WIDTH / widest))
    if len(_wrap(draw, title, font, TEXT_WIDTH)) > MAX_TITLE_LINES:
        lines[-1] = lines[-1].rstrip(".,;:") + "…"
    return size, lines


def generate_cover(path: Path, title: str, subtitle: str) -> None:
    """A deterministic cover: a deep-blue gradient, a sound-wave motif, the show's name and a subtitle.

    Long titles wrap over up to three lines at a readable size instead of shrinking
    to one tiny line.
    """
    from PIL.PngImagePlugin import PngInfo

    image = Image.new("RGB", (SIZE, SIZE))
    draw = ImageDraw.Draw(image)
    for y in range(SIZE):
        k = y / SIZE
        draw.line([(0, y), (SIZE, y)], fill=(int(12 + 20 * k), int(34 + 40 * k), int(84 + 90 * k)))
    bars = [3, 6, 10, 15, 11, 18, 24, 16, 9, 20, 13, 7, 4]
    bar_w = 110
    left = (SIZE - len(bars) * bar_w * 2) // 2
    for i, h in enumerate(bars):
        x = left + i * bar_w * 2
        height = h * 38
        draw.rounded_rectangle(
            [x, 1100 - height // 2, x + bar_w, 1100 + height // 2], radius=50, fill=(255, 196, 61)
        )
    size, lines = title_layout(title)
    font = ImageFont.load_default(size=size)
    top = 1700 + (MAX_TITLE_LINES - len(lines)) * size * 0.55  # shorter titles sit lower, centred in the band
    for line in lines:
        draw.text(((SIZE - draw.textlength(line, font=font)) / 2, top), line, font=font, fill=(255, 255, 255))
        top += size * 1.15
    if subtitle:
        small = ImageFont.load_default(size=SUBTITLE_SIZE)
        sub_lines = _wrap(draw, subtitle, small, TEXT_WIDTH)[:2]
        top = max(top + 80, 2550 - (len(sub_lines) - 1) * SUBTITLE_SIZE * 1.2)
        for line in sub_lines:
            draw.text(((SIZE - draw.textlength(line, font=small)) / 2, top), line, font=small, fill=(255, 224, 150))
            top += SUBTITLE_SIZE * 1.2
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(f".{path.name}.part")
    stamp = PngInfo()
    stamp.add_text(STAMP_KEY, f"{title}\n{subtitle}")
    image.save(partial, format="PNG", optimize=True, pnginfo=stamp)
    partial.replace(path)


def generated_for(path: Path) -> tuple[str, str] | None:
    """(title, subtitle) a generated cover was made for; None when it is not one of ours."""
    try:
        with Image.open(path) as image:
            stamp = getattr(image, "text", {}).get(STAMP_KEY)
    except (OSError, UnidentifiedImageError):
        return None
    if stamp is None:
        return None
    title, _, subtitle = stamp.partition("\n")
    return title, subtitle


def check_artwork(path: Path) -> str:
    """The image's MIME type, after checking it is a square RGB JPEG/PNG of 1400-3000 px."""
    try:
        with Image.open(path) as image:
            fmt, size, mode = image.format, image.size, image.mode
    except (OSError, UnidentifiedImageError) as exc:
        raise ConfigError(path, f"cannot read artwork: {exc}") from exc
    if fmt not in {"PNG", "JPEG"}:
        raise ConfigError(path, f"artwork must be PNG or JPEG, not {fmt}")
    if size[0] != size[1] or not 1400 <= size[0] <= 3000:
        raise ConfigError(path, f"artwork must be square, 1400-3000 px; it is {size[0]}x{size[1]}")
    if mode != "RGB":
        raise ConfigError(path, f"artwork must be RGB without alpha; it is {mode}")
    return "image/png" if fmt == "PNG" else "image/jpeg"


def embeddable(path: Path, size: int = 1400) -> bytes:
    """A JPEG copy small enough to embed in every MP3."""
    with Image.open(path) as image:
        thumb = image.convert("RGB").resize((size, size), Image.Resampling.LANCZOS)
    out = io.BytesIO()
    thumb.save(out, format="JPEG", quality=85)
    return out.getvalue()


def ensure_cover(show: Show) -> Path:
    """The configured artwork, checked; or the generated cover, made once."""
    if show.config.artwork:
        path = show.root / show.config.artwork
        check_artwork(path)
        return path
    path = show.root / GENERATED_NAME
    subtitle = show.config.cover_subtitle
    if subtitle == ShowConfig().cover_subtitle:  # the default, written in English: in the show's language instead
        subtitle = language_for(show.config.language, show.root).page.cover_subtitle
    wanted = (show.config.title, subtitle)
    if not path.exists() or generated_for(path) != wanted:  # made again when the title or subtitle changes
        generate_cover(path, *wanted)
    return path


def relative_cover(show: Show, path: Path) -> str:
    """The cover's address relative to the show folder, as pages and feeds link it."""
    return path.relative_to(show.root).as_posix() if path.is_relative_to(show.root) else GENERATED_NAME
