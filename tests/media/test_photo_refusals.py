"""Refusals: anything but a real JPEG, PNG, WebP or HEIC, bombs, oversize and broken files."""

import time

import pytest
from PIL import Image, ImageFile

from sidak.media.images import process_photo
from sidak.media.rejections import REASONS
from tests.media.test_photos import encode, jpeg_claiming, marked, png_claiming, rejection

SVG = b'<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"><rect/></svg>'
PDF = b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF\n"


@pytest.mark.parametrize(
    ("data", "code", "named"),
    [
        (encode(marked((40, 30)), "GIF"), "unsupported_format", "GIF"),
        (encode(marked((40, 30)), "BMP"), "unsupported_format", "BMP"),
        (encode(marked((40, 30)), "TIFF"), "unsupported_format", "TIFF"),
        (encode(marked((40, 30)), "AVIF"), "unsupported_format", "AVIF"),
        (SVG, "unsupported_format", "SVG"),
        (b"<svg xmlns='http://www.w3.org/2000/svg'/>", "unsupported_format", "SVG"),
        (PDF, "unsupported_format", "PDF"),
        (b"Laporan sidak: semua baik.\n", "not_an_image", "HEIC"),
        (bytes(range(256)) * 4, "not_an_image", "HEIC"),
        (b"", "empty", ""),
    ],
    ids=["gif", "bmp", "tiff", "avif", "svg", "bare-svg", "pdf", "text", "binary", "empty"],
)
def test_other_files_are_refused_with_a_code_and_a_message(data, code, named):
    refused = rejection(data)
    assert refused.code == code
    assert named in refused.message and named in refused.message_en
    assert isinstance(refused, ValueError)


def test_refusals_name_the_accepted_formats_in_each_language():
    refused = rejection(encode(marked((40, 30)), "GIF"))
    assert refused.message == (
        "Format GIF tidak didukung. Gunakan berkas JPEG, PNG, WebP, atau HEIC."
    )
    assert refused.message_en == (
        "The GIF format is not supported. Use a JPEG, PNG, WebP, or HEIC file."
    )


def test_every_code_has_a_message_in_both_languages():
    assert set(REASONS) == {
        "empty", "too_large", "too_many_pixels", "unsupported_format", "not_an_image",
        "corrupt", "blank_signature",
    }  # fmt: skip
    assert all(reason.id and reason.en and reason.id != reason.en for reason in REASONS.values())


@pytest.fixture
def load_calls(monkeypatch) -> list[object]:
    """Records every attempt to decode pixels."""
    calls = []
    original = ImageFile.ImageFile.load

    def spy(self):
        calls.append(self)
        return original(self)

    monkeypatch.setattr(ImageFile.ImageFile, "load", spy)
    return calls


@pytest.mark.parametrize(
    "data",
    [png_claiming(50_000, 50_000), png_claiming(8000, 6000), jpeg_claiming(65_000, 65_000)],
    ids=["png-2.5-gigapixels", "png-48-megapixels", "jpeg-4.2-gigapixels"],
)
def test_a_decompression_bomb_is_refused_from_its_header(data, load_calls):
    start = time.perf_counter()
    refused = rejection(data)
    assert time.perf_counter() - start < 1
    assert refused.code == "too_many_pixels"
    assert refused.message == "Resolusi gambar terlalu besar; maksimum 40 megapiksel."
    assert load_calls == []
    assert len(data) < 1000


def test_the_pixel_limit_counts_width_times_height(load_calls):
    data = encode(marked((100, 100)), "PNG")
    assert rejection(data, max_pixels=9_999).code == "too_many_pixels"
    assert load_calls == []
    assert process_photo(data, max_pixels=10_000).width == 100


def test_a_file_over_max_bytes_is_refused_before_it_is_opened(monkeypatch):
    opens = []
    monkeypatch.setattr(Image, "open", lambda *args, **kwargs: opens.append(args))
    refused = rejection(b"\xff\xd8\xff" + bytes(2 * 2**20), max_bytes=2 * 2**20)
    assert refused.code == "too_large"
    assert refused.message == "Berkas terlalu besar (2 MB); ukuran maksimum 2 MB."
    assert opens == []


def test_the_size_limit_is_shown_in_megabytes_with_a_decimal_comma():
    refused = rejection(bytes(int(15.3 * 2**20)))
    assert refused.message == "Berkas terlalu besar (15,3 MB); ukuran maksimum 15 MB."
    assert refused.message_en == "The file is too large (15.3 MB); the maximum is 15 MB."


@pytest.mark.parametrize("image_format", ["JPEG", "PNG", "WEBP"])
def test_a_truncated_photo_is_corrupt(image_format):
    data = encode(Image.effect_noise((200, 150), 60).convert("RGB"), image_format)
    refused = rejection(data[: len(data) // 2])
    assert refused.code == "corrupt"
    assert refused.message == "Gambar rusak atau tidak lengkap. Coba unggah ulang."


def test_a_jpeg_with_a_damaged_header_is_corrupt_not_foreign():
    assert rejection(b"\xff\xd8\xff\xe0" + b"\x00" * 40).code == "corrupt"
