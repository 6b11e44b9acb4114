"""No bytes, however strange, get anything out but a ProcessedImage or ImageRejected."""

import io

import pillow_heif
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PIL import Image

from sidak.media.images import ImageRejected, ProcessedImage, process_photo, process_signature
from sidak.media.rejections import REASONS
from tests.media.test_photos import camera_exif, encode, marked
from tests.media.test_signatures import canvas

# Pillow warns about each broken EXIF block it skips; here that is the point.
pytestmark = pytest.mark.filterwarnings(r"ignore::UserWarning:PIL\.")
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
MAX_SIDE = 48


def photo_samples() -> dict[str, bytes]:
    image = marked((64, 40))
    exif = camera_exif(offset="+08:00")
    samples = {
        "jpeg": encode(image, "JPEG", exif=exif, quality=70),
        "progressive-jpeg": encode(image, "JPEG", exif=exif, progressive=True),
        "png": encode(image.convert("RGBA"), "PNG", exif=exif),
        "palette-png": encode(image.convert("P"), "PNG"),
        "webp": encode(image, "WEBP", exif=exif),
    }
    if pillow_heif.libheif_info()["HEIF"]:
        samples["heic"] = encode(image, "HEIF", exif=exif, quality=50)
    return samples


PHOTOS = photo_samples()
SIGNATURE = encode(canvas((120, 50)), "PNG")
PREFIXES = [data[:32] for data in PHOTOS.values()] + [b"GIF89a", b"II*\x00", b"<svg", b""]


def assert_photo_or_refusal(data: bytes) -> None:
    try:
        result = process_photo(data, max_side=MAX_SIDE)
    except ImageRejected as refused:
        assert refused.code in REASONS
        assert refused.message and refused.message_en
        return
    assert isinstance(result, ProcessedImage)
    out = Image.open(io.BytesIO(result.data))
    assert out.format == "JPEG"
    assert out.size == (result.width, result.height)
    assert max(out.size) <= MAX_SIDE
    assert not out.getexif()


def assert_signature_or_refusal(data: bytes) -> None:
    try:
        result = process_signature(data)
    except ImageRejected as refused:
        assert refused.code in REASONS
        return
    assert Image.open(io.BytesIO(result.data)).format == "PNG"


def damaged(original: bytes):
    """The file with a few bytes changed, or cut short, or both."""
    flips = st.lists(
        st.tuples(st.integers(0, len(original) - 1), st.integers(1, 255)), min_size=1, max_size=6
    )

    def apply(changes, cut):
        data = bytearray(original)
        for position, mask in changes:
            data[position] ^= mask
        return bytes(data[:cut])

    return st.builds(apply, flips, st.integers(1, len(original)))


@SETTINGS
@given(st.binary(max_size=4096))
def test_random_bytes_are_refused_cleanly(data):
    assert_photo_or_refusal(data)
    assert_signature_or_refusal(data)


@SETTINGS
@given(st.sampled_from(PREFIXES), st.binary(max_size=2048))
def test_random_bytes_after_a_real_header_are_refused_cleanly(prefix, data):
    assert_photo_or_refusal(prefix + data)


@pytest.mark.parametrize("kind", PHOTOS)
def test_damaged_photos_give_a_photo_or_a_refusal(kind):
    @SETTINGS
    @given(damaged(PHOTOS[kind]))
    def check(data):
        assert_photo_or_refusal(data)

    check()


@SETTINGS
@given(damaged(SIGNATURE))
def test_damaged_signatures_give_a_signature_or_a_refusal(data):
    assert_signature_or_refusal(data)


def test_the_samples_are_accepted_undamaged():
    for data in PHOTOS.values():
        assert max(process_photo(data, max_side=MAX_SIDE).width, 1) <= MAX_SIDE
    assert process_signature(SIGNATURE).width == 120
