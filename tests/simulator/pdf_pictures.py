"""Photos for the typeset pages: small JPEGs made with Pillow, and the flowables that print them
with their captions below or beside, as the papers do.

The pictures are noise on purpose (a gradient with shapes): an importer must find the photo's
box and its caption by place and type size, never by what the picture shows.
"""

from __future__ import annotations

import io
import random

from PIL import Image as PILImage
from PIL import ImageDraw
from reportlab.lib.utils import ImageReader
from reportlab.platypus import Flowable, Paragraph


def photo_jpeg(rng: random.Random) -> tuple[bytes, int, int]:
    """A JPEG of a few hundred pixels: a two-colour gradient with a handful of shapes on it."""
    width, height = rng.randint(280, 520), rng.randint(200, 380)
    top = tuple(rng.randint(40, 230) for _ in range(3))
    bottom = tuple(rng.randint(40, 230) for _ in range(3))
    image = PILImage.new("RGB", (width, height))
    draw = ImageDraw.Draw(image)
    for y in range(height):
        t = y / max(1, height - 1)
        draw.line([(0, y), (width, y)], fill=tuple(int(a + (b - a) * t) for a, b in zip(top, bottom, strict=True)))
    for _ in range(rng.randint(3, 9)):
        x0, y0 = rng.randrange(width), rng.randrange(height)
        x1, y1 = x0 + rng.randint(20, width // 2), y0 + rng.randint(20, height // 2)
        colour = tuple(rng.randint(0, 255) for _ in range(3))
        shape = rng.choice(["ellipse", "rectangle", "polygon"])
        if shape == "polygon":
            draw.polygon([(rng.randrange(width), rng.randrange(height)) for _ in range(3)], fill=colour)
        else:
            getattr(draw, shape)([x0, y0, x1, y1], fill=colour)
    out = io.BytesIO()
    image.save(out, format="JPEG", quality=80)
    return out.getvalue(), width, height


class Photo(Flowable):
    """A photo with its caption under it or beside it; never split across columns or pages."""

    def __init__(self, jpeg: bytes, pixel_size: tuple[int, int], caption: Paragraph | None, *,
                 beside: bool, gap: float = 4.0):
        super().__init__()
        self.jpeg, self.pixel_size, self.caption, self.beside, self.gap = jpeg, pixel_size, caption, beside, gap
        self.spaceBefore = self.spaceAfter = 6.0

    def _photo_width(self, width: float) -> float:
        # Beside: the photo takes three fifths and the caption the rest of the width.
        return width * 0.6 if self.beside and self.caption is not None else width

    def wrap(self, avail_width, avail_height):
        self.width = avail_width
        self.photo_w = self._photo_width(avail_width)
        self.photo_h = self.photo_w * self.pixel_size[1] / self.pixel_size[0]
        self.caption_h = 0.0
        if self.caption is not None:
            caption_w = avail_width - self.photo_w - self.gap if self.beside else avail_width
            _, self.caption_h = self.caption.wrap(caption_w, avail_height)
        if self.beside or self.caption is None:
            self.height = max(self.photo_h, self.caption_h)
        else:
            self.height = self.photo_h + self.gap + self.caption_h
        return self.width, self.height

    def split(self, avail_width, avail_height):
        return []

    def draw(self):
        canvas = self.canv
        photo_y = self.height - self.photo_h
        canvas.drawImage(ImageReader(io.BytesIO(self.jpeg)), 0, photo_y, self.photo_w, self.photo_h)
        if self.caption is None:
            return
        if self.beside:
            # The caption stands level with the photo's foot, as side captions are usually set.
            self.caption.drawOn(canvas, self.photo_w + self.gap, photo_y)
        else:
            self.caption.drawOn(canvas, 0, 0)
