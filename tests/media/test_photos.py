"""Accepted photos come out upright, no larger than asked, as clean JPEGs with a thumbnail."""

import hashlib
import io
import struct
import zlib
from datetime import UTC, datetime

import pillow_heif
import pytest
from PIL import ExifTags, Image, ImageCms, ImageDraw

from sidak.media.images import ImageRejected, ProcessedImage, process_photo

RED, GREY, BLUE = (255, 0, 0), (128, 128, 128), (0, 0, 255)
XMP = b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF/></x:xmpmeta>'


def encode(image: Image.Image, image_format: str, **params) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, image_format, **params)
    return buffer.getvalue()


def marked(size: tuple[int, int]) -> Image.Image:
    """Grey with a red block in the stored top-left corner, to see where that corner goes."""
    image = Image.new("RGB", size, GREY)
    ImageDraw.Draw(image).rectangle((0, 0, size[0] // 5, size[1] // 5), fill=RED)
    return image


def camera_exif(orientation=6, taken="2024:03:05 09:15:00", offset=None, gps=True) -> Image.Exif:
    exif = Image.Exif()
    exif[ExifTags.Base.Orientation] = orientation
    exif[ExifTags.Base.Make] = "Kamera Uji"
    details = exif.get_ifd(ExifTags.IFD.Exif)
    if taken is not None:
        details[ExifTags.Base.DateTimeOriginal] = taken
    if offset is not None:
        details[ExifTags.Base.OffsetTimeOriginal] = offset
    if gps:
        position = exif.get_ifd(ExifTags.IFD.GPSInfo)
        position[ExifTags.GPS.GPSLatitudeRef] = "S"
        position[ExifTags.GPS.GPSLatitude] = (6.0, 10.0, 30.5)
        position[ExifTags.GPS.GPSLongitudeRef] = "E"
        position[ExifTags.GPS.GPSLongitude] = (106.0, 49.0, 37.0)
    return exif


def camera_jpeg(size=(4000, 3000), **exif_fields) -> bytes:
    """A phone-like JPEG: EXIF with orientation, capture time and GPS; XMP, ICC, a comment."""
    return encode(
        marked(size),
        "JPEG",
        quality=90,
        exif=camera_exif(**exif_fields),
        xmp=XMP,
        icc_profile=ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes(),
        comment=b"lokasi rahasia",
    )


def png_claiming(width: int, height: int) -> bytes:
    """A 1x1 PNG whose header says it is `width` x `height` (with a valid CRC)."""
    data = bytearray(encode(Image.new("L", (1, 1)), "PNG"))
    data[16:24] = struct.pack(">II", width, height)
    data[29:33] = struct.pack(">I", zlib.crc32(data[12:29]))
    return bytes(data)


def jpeg_claiming(width: int, height: int) -> bytes:
    data = bytearray(encode(Image.new("RGB", (8, 8)), "JPEG"))
    frame = data.index(b"\xff\xc0")
    data[frame + 5 : frame + 9] = struct.pack(">HH", height, width)
    return bytes(data)


def opened(data: bytes) -> Image.Image:
    return Image.open(io.BytesIO(data))


def near(pixel, colour, tolerance=12) -> bool:
    return all(abs(a - b) <= tolerance for a, b in zip(pixel, colour, strict=True))


def rejection(data: bytes, **limits) -> ImageRejected:
    with pytest.raises(ImageRejected) as caught:
        process_photo(data, **limits)
    return caught.value


@pytest.fixture(scope="module")
def camera_photo() -> tuple[bytes, ProcessedImage]:
    data = camera_jpeg()
    return data, process_photo(data)


def test_the_camera_photo_really_carries_the_metadata_to_strip(camera_photo):
    data, _ = camera_photo
    source = opened(data)
    assert source.size == (4000, 3000)
    assert source.getexif()[ExifTags.Base.Orientation] == 6
    assert source.getexif().get_ifd(ExifTags.IFD.GPSInfo)
    assert {"xmp", "icc_profile", "comment"} <= source.info.keys()


def test_a_camera_photo_is_turned_upright_and_shrunk(camera_photo):
    _, result = camera_photo
    out = opened(result.data)
    assert (result.width, result.height) == out.size == (1200, 1600)
    assert out.format == "JPEG" and result.content_type == "image/jpeg"
    # orientation 6: the stored top-left corner is shown top-right
    assert near(out.getpixel((1150, 50)), RED)
    assert near(out.getpixel((50, 50)), GREY)
    assert near(out.getpixel((1150, 1550)), GREY)


def test_a_camera_photo_loses_all_metadata(camera_photo):
    _, result = camera_photo
    out = opened(result.data)
    assert not out.getexif()
    assert not out.getexif().get_ifd(ExifTags.IFD.GPSInfo)
    assert not {"exif", "xmp", "icc_profile", "comment"} & out.info.keys()
    for marker in (b"Exif\x00\x00", b"ns.adobe.com/xap", b"ICC_PROFILE", b"lokasi", b"Kamera"):
        assert marker not in result.data


def test_a_camera_photo_is_a_progressive_jpeg_with_its_hash(camera_photo):
    _, result = camera_photo
    assert opened(result.data).info.get("progressive") == 1
    assert result.sha256 == hashlib.sha256(result.data).hexdigest()


def test_the_thumbnail_is_a_jpeg_320_pixels_on_its_longest_side(camera_photo):
    _, result = camera_photo
    thumbnail = opened(result.thumbnail)
    assert thumbnail.format == "JPEG"
    assert thumbnail.size == (240, 320)
    assert near(thumbnail.getpixel((230, 10)), RED, tolerance=24)
    assert not thumbnail.getexif()


def test_capture_time_without_offset_is_jakarta_time_in_utc(camera_photo):
    _, result = camera_photo
    assert result.captured_at == datetime(2024, 3, 5, 2, 15, tzinfo=UTC)


def test_capture_time_with_an_offset_uses_that_offset():
    result = process_photo(camera_jpeg(size=(64, 48), offset="+09:00"))
    assert result.captured_at == datetime(2024, 3, 5, 0, 15, tzinfo=UTC)


def test_a_photo_without_capture_time_has_none():
    result = process_photo(camera_jpeg(size=(64, 48), taken=None, gps=False))
    assert result.captured_at is None


def test_a_small_photo_is_not_enlarged():
    result = process_photo(encode(marked((640, 480)), "JPEG"))
    assert (result.width, result.height) == (640, 480)
    assert opened(result.thumbnail).size == (320, 240)
    tiny = process_photo(encode(marked((100, 50)), "PNG"))
    assert (tiny.width, tiny.height) == opened(tiny.thumbnail).size == (100, 50)


def test_the_longest_side_is_held_to_max_side():
    result = process_photo(encode(marked((3000, 1000)), "PNG"), max_side=1600)
    assert (result.width, result.height) == (1600, 533)
    small = process_photo(encode(marked((3000, 1000)), "PNG"), max_side=300)
    assert (small.width, small.height) == (300, 100)


def test_a_png_with_transparency_becomes_a_jpeg_on_white():
    image = Image.new("RGBA", (200, 100), (0, 0, 0, 0))
    ImageDraw.Draw(image).rectangle((50, 25, 150, 75), fill=(*BLUE, 255))
    result = process_photo(encode(image, "PNG"))
    out = opened(result.data)
    assert out.format == "JPEG" and out.mode == "RGB"
    assert near(out.getpixel((5, 5)), (255, 255, 255))
    assert near(out.getpixel((100, 50)), BLUE)


def test_a_palette_png_with_a_transparent_colour_is_flattened_on_white():
    image = marked((60, 40)).convert("P", palette=Image.Palette.ADAPTIVE, colors=4)
    red_index = image.getpixel((0, 0))
    out = opened(process_photo(encode(image, "PNG", transparency=red_index)).data)
    assert near(out.getpixel((2, 2)), (255, 255, 255))
    assert near(out.getpixel((50, 30)), GREY)


def test_a_16_bit_grey_png_keeps_its_tones():
    image = Image.new("I;16", (40, 40), 32768)
    out = opened(process_photo(encode(image, "PNG")).data)
    assert near(out.getpixel((20, 20)), (128, 128, 128), tolerance=3)


def test_a_cmyk_jpeg_comes_out_rgb():
    image = Image.new("CMYK", (40, 40), (0, 255, 255, 0))  # red in ink
    out = opened(process_photo(encode(image, "JPEG")).data)
    assert out.mode == "RGB"
    assert near(out.getpixel((20, 20)), RED, tolerance=30)


def test_a_broken_colour_profile_does_not_cost_the_photo():
    result = process_photo(encode(marked((80, 60)), "JPEG", icc_profile=b"not a profile"))
    assert near(opened(result.data).getpixel((75, 55)), GREY)


def test_a_webp_photo_is_accepted():
    data = encode(marked((400, 300)), "WEBP", exif=camera_exif(gps=False))
    result = process_photo(data)
    out = opened(result.data)
    assert out.format == "JPEG" and out.size == (300, 400)
    assert near(out.getpixel((290, 10)), RED)
    assert result.captured_at == datetime(2024, 3, 5, 2, 15, tzinfo=UTC)


def test_a_jpeg_with_a_second_picture_is_accepted_as_a_jpeg():
    """Many phones write MPO: a JPEG with more pictures after it, which Pillow names "MPO"."""
    data = encode(
        marked((300, 200)), "MPO", save_all=True, append_images=[Image.new("RGB", (9, 9))]
    )
    assert opened(data).format == "MPO"
    out = opened(process_photo(data).data)
    assert out.format == "JPEG" and out.size == (300, 200)
    assert near(out.getpixel((290, 190)), GREY)


def test_a_heic_photo_is_accepted():
    if not pillow_heif.libheif_info()["HEIF"]:
        pytest.skip("this pillow-heif build has no HEIC encoder to make a test file with")
    data = encode(marked((400, 300)), "HEIF", exif=camera_exif(orientation=1, offset="+07:00"))
    assert data[4:12] == b"ftypheic"
    result = process_photo(data)
    out = opened(result.data)
    assert out.format == "JPEG" and out.size == (400, 300)
    assert near(out.getpixel((10, 10)), RED, tolerance=20)
    assert near(out.getpixel((390, 290)), GREY, tolerance=20)
    assert result.captured_at == datetime(2024, 3, 5, 2, 15, tzinfo=UTC)
    assert b"Exif\x00\x00" not in result.data
