"""Signatures drawn on a canvas: a real PNG, on white, small enough, and not blank."""

import hashlib

import pytest
from PIL import Image, ImageCms, ImageDraw, PngImagePlugin

from sidak.media.images import ImageRejected, process_signature
from tests.media.test_photos import camera_exif, encode, near, opened, png_claiming

INK = (20, 30, 120)


def canvas(size=(800, 300), ink=INK, drawn=True) -> Image.Image:
    """What a browser canvas exports: transparent, with strokes of opaque ink."""
    image = Image.new("RGBA", size, (0, 0, 0, 0))
    if drawn:
        width, height = size
        ImageDraw.Draw(image).line(
            [(width * 0.1, height * 0.7), (width * 0.4, height * 0.2), (width * 0.9, height * 0.6)],
            fill=(*ink, 255),
            width=max(3, width // 100),
        )
    return image


def chunk_types(png: bytes) -> list[bytes]:
    types, position = [], 8
    while position < len(png):
        length = int.from_bytes(png[position : position + 4], "big")
        types.append(png[position + 4 : position + 8])
        position += 12 + length  # length, type, data, CRC
    return types


def rejection(data: bytes, **limits) -> ImageRejected:
    with pytest.raises(ImageRejected) as caught:
        process_signature(data, **limits)
    return caught.value


def test_a_drawn_signature_becomes_a_png_on_white():
    result = process_signature(encode(canvas(), "PNG"))
    out = opened(result.data)
    assert out.format == "PNG" and out.mode == "RGB"
    assert result.content_type == "image/png"
    assert (result.width, result.height) == out.size == (800, 300)
    assert near(out.getpixel((5, 5)), (255, 255, 255))
    assert near(out.getpixel((320, 60)), INK, tolerance=20)
    assert result.sha256 == hashlib.sha256(result.data).hexdigest()
    assert result.thumbnail == result.data
    assert result.captured_at is None


def test_a_signature_keeps_no_metadata():
    text = PngImagePlugin.PngInfo()
    text.add_text("Author", "perangkat inspektur")
    profile = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    data = encode(
        canvas(), "PNG", pnginfo=text, exif=camera_exif(), icc_profile=profile, dpi=(300, 300)
    )
    assert {b"tEXt", b"eXIf", b"iCCP", b"pHYs"} <= set(chunk_types(data))
    result = process_signature(data)
    types = chunk_types(result.data)
    assert types[0] == b"IHDR" and types[-1] == b"IEND"
    assert set(types) == {b"IHDR", b"IDAT", b"IEND"}
    assert b"perangkat" not in result.data


def test_a_large_high_density_canvas_is_shrunk_to_fit():
    result = process_signature(encode(canvas((2400, 900)), "PNG"))
    assert (result.width, result.height) == (1000, 375)
    tall = process_signature(encode(canvas((900, 1200)), "PNG"))
    assert (tall.width, tall.height) == (450, 600)


def test_a_small_canvas_is_not_enlarged():
    result = process_signature(encode(canvas((300, 120)), "PNG"))
    assert (result.width, result.height) == (300, 120)


@pytest.mark.parametrize(
    "image",
    [canvas(drawn=False), Image.new("RGB", (800, 300), "white"), Image.new("L", (80, 30), 200)],
    ids=["transparent", "white", "plain-grey"],
)
def test_a_blank_pad_is_refused(image):
    refused = rejection(encode(image, "PNG"))
    assert refused.code == "blank_signature"
    assert refused.message == "Tanda tangan masih kosong. Bubuhkan tanda tangan terlebih dahulu."


def test_only_png_is_taken_for_a_signature():
    refused = rejection(encode(canvas().convert("RGB"), "JPEG"))
    assert refused.code == "unsupported_format"
    assert refused.message == "Format JPEG tidak didukung. Gunakan berkas PNG."
    assert rejection(b"data:image/png;base64,iVBORw0KGgo=").code == "not_an_image"
    assert rejection(b"").code == "empty"


def test_signature_limits_are_enforced():
    assert rejection(png_claiming(5000, 5000)).code == "too_many_pixels"
    assert rejection(encode(canvas(), "PNG"), max_bytes=100).code == "too_large"
    data = encode(canvas(), "PNG")
    assert rejection(data[: len(data) // 2]).code == "corrupt"
