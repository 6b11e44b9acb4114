"""What a person does on the phone in the browser tests: log in, start, tap, sign, photograph."""

import re
from pathlib import Path

from PIL import Image


def log_in(page, base: str, username: str = "inspektur", password: str = "sidak-demo") -> None:
    page.goto(base + "/masuk")
    page.fill("#username", username)
    page.fill("#password", password)
    page.click("button[type=submit]")
    page.wait_for_url(re.compile(r"/inspeksi$"))


def start_in_field_app(page, then: str = "1") -> str:
    """Start an inspection of the test office in /lapangan (already open), declining the
    location; wait for the view `then` (a section number or "temuan"); return its uuid."""
    page.click("a:has-text('Mulai inspeksi')")
    page.fill("#office", "Kantor Kecamatan Sukamaju Utara")
    page.check("#decline")
    page.click("button:has-text('Mulai')")
    page.wait_for_url(re.compile(rf"#/i/[0-9a-f-]+/{then}$"))
    return page.url.split("#/i/")[1].split("/")[0]


def tap_count(fieldset, observed: int, compliant: int) -> None:
    """Tap a count item's + buttons: people seen, then people complying."""
    for _ in range(observed):
        fieldset.locator("[data-step='1'][data-target$=observed]").click()
    for _ in range(compliant):
        fieldset.locator("[data-step='1'][data-target$=compliant]").click()


def draw(page, canvas) -> None:
    """A signature: a zigzag stroke across the pad."""
    canvas.scroll_into_view_if_needed()
    box = canvas.bounding_box()
    x, y = box["x"] + 20, box["y"] + box["height"] / 2
    page.mouse.move(x, y)
    page.mouse.down()
    for step in range(1, 12):
        page.mouse.move(x + step * 18, y + (12 if step % 2 else -12))
    page.mouse.up()


def camera_photo(tmp_path: Path, size: tuple[int, int] = (4000, 3000)) -> Path:
    """A JPEG the size a phone camera makes."""
    path = tmp_path / "IMG_2041.jpg"
    Image.new("RGB", size, (90, 140, 200)).save(path, "JPEG", quality=90)
    return path
