"""Small made-up pictures for the demo: photo evidence and drawn signatures.

They go through the same checks and storage as a phone's uploads, so they are real JPEG and
PNG files; they are kept tiny (flat colours compress well) so the demo costs little disk.
"""

import base64
import io
import math
import random

from PIL import Image, ImageDraw

PHOTO_SIZE = (640, 480)
SIGNATURE_SIZE = (360, 140)
INK = (20, 40, 110, 255)

#: wall, floor and accent colours of the rooms in the photos
_ROOMS = (
    ((226, 220, 204), (150, 130, 110), (40, 110, 170)),
    ((210, 225, 230), (120, 120, 125), (200, 60, 50)),
    ((240, 236, 220), (170, 150, 120), (30, 140, 90)),
    ((215, 210, 225), (110, 100, 95), (230, 170, 40)),
)


def photo_jpeg(seed: int, label: str) -> bytes:
    """A 640x480 JPEG of a plain room with a counter and some shapes, captioned `label`."""
    rng = random.Random(seed)
    wall, floor, accent = rng.choice(_ROOMS)
    width, height = PHOTO_SIZE
    image = Image.new("RGB", PHOTO_SIZE, wall)
    draw = ImageDraw.Draw(image)
    horizon = rng.randint(280, 340)
    draw.rectangle((0, horizon, width, height), fill=floor)
    counter_left = rng.randint(40, 260)
    draw.rectangle((counter_left, horizon - 90, counter_left + 300, horizon + 20), fill=accent)
    for _ in range(rng.randint(2, 4)):  # people or chairs, as blobs
        x, y = rng.randint(20, width - 80), rng.randint(horizon - 60, height - 100)
        shade = tuple(rng.randint(30, 200) for _ in range(3))
        draw.ellipse((x, y - 70, x + 40, y - 30), fill=shade)
        draw.rectangle((x - 5, y - 30, x + 45, y + 60), fill=shade)
    draw.rectangle((0, height - 28, width, height), fill=(0, 0, 0))
    draw.text((10, height - 22), label[:90], fill=(255, 255, 255))
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=70)
    return buffer.getvalue()


def signature_data_url(name: str) -> str:
    """A drawn signature as the signature pad sends it; the same name draws the same strokes."""
    rng = random.Random(name)
    width, height = SIGNATURE_SIZE
    baseline = height / 2 + 20
    image = Image.new("RGBA", SIGNATURE_SIZE, (255, 255, 255, 0))
    draw = ImageDraw.Draw(image)
    strokes = rng.randint(2, 3)
    x = 20.0
    for _ in range(strokes):
        loops = rng.randint(3, 6)
        length = (width - 60) / strokes * rng.uniform(0.7, 0.95)
        heights = [rng.uniform(10, 42) for _ in range(loops + 1)]
        draw.line(_cursive(x, baseline, length, heights), fill=INK, width=3, joint="curve")
        x += length + rng.uniform(8, 20)
    draw.line((30, baseline + 6, width - 25, baseline + 6 - rng.uniform(0, 14)), fill=INK, width=2)
    buffer = io.BytesIO()
    image.save(buffer, "PNG", optimize=True)
    return "data:image/png;base64," + base64.b64encode(buffer.getvalue()).decode("ascii")


def _cursive(left: float, baseline: float, length: float, heights: list[float]) -> list:
    """Slanted loops of changing height, like joined-up handwriting."""
    loops = len(heights) - 1
    points = []
    for step in range(loops * 24 + 1):
        t = step / 24
        whole, part = min(int(t), loops - 1), t - min(int(t), loops - 1)
        size = heights[whole] * (1 - part) + heights[whole + 1] * part
        rise = size * (1 - math.cos(2 * math.pi * t)) * 0.8
        x = left + length * t / loops + 0.5 * size * math.sin(2 * math.pi * t) + 0.3 * rise
        points.append((x, baseline - rise))
    return points
