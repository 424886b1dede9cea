"""The show's cover art: the producer's image, or a generated square 3000x3000 PNG."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Final

from PIL import Image, ImageDraw, ImageFont, UnidentifiedImageError

from .errors import ConfigError

SIZE: Final = 3000
GENERATED_NAME: Final = "cover.png"


def generate_cover(path: Path, title: str, subtitle: str) -> None:
    """A deterministic cover: a deep-blue gradient, a sound-wave motif and the show's name."""
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
            [x, 1250 - height // 2, x + bar_w, 1250 + height // 2], radius=50, fill=(255, 196, 61)
        )
    for text, size, y in ((title, 300, 2150), (subtitle, 130, 2520)):
        font = ImageFont.load_default(size=size)
        width = draw.textlength(text, font=font)
        if width > SIZE - 200:  # a long title shrinks to fit
            font = ImageFont.load_default(size=int(size * (SIZE - 200) / width))
            width = draw.textlength(text, font=font)
        draw.text(((SIZE - width) / 2, y), text, font=font, fill=(255, 255, 255))
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(f".{path.name}.part")
    image.save(partial, format="PNG", optimize=True)
    partial.replace(path)


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
