"""The camera's capture time: read leniently, converted to UTC, None when it makes no sense."""

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest
from PIL import ExifTags, Image

from sidak.media.exif import captured_at


def exif_with(taken: object = None, offset: object = None) -> Image.Exif:
    exif = Image.Exif()
    details = exif.get_ifd(ExifTags.IFD.Exif)
    if taken is not None:
        details[ExifTags.Base.DateTimeOriginal] = taken
    if offset is not None:
        details[ExifTags.Base.OffsetTimeOriginal] = offset
    return exif


def round_trip(exif: Image.Exif) -> Image.Exif:
    """As a decoder sees it: serialised and parsed again."""
    parsed = Image.Exif()
    parsed.load(exif.tobytes())
    return parsed


@pytest.mark.parametrize(
    ("taken", "offset", "expected"),
    [
        ("2024:03:05 09:15:00", None, datetime(2024, 3, 5, 2, 15, tzinfo=UTC)),
        ("2024:03:05 09:15:00", "+07:00", datetime(2024, 3, 5, 2, 15, tzinfo=UTC)),
        ("2024:03:05 09:15:00", "+09:00", datetime(2024, 3, 5, 0, 15, tzinfo=UTC)),
        ("2024:03:05 09:15:00", "-05:30", datetime(2024, 3, 5, 14, 45, tzinfo=UTC)),
        ("2024:03:05 09:15:00", "+0800", datetime(2024, 3, 5, 1, 15, tzinfo=UTC)),
        ("2024:01:01 03:00:00", None, datetime(2023, 12, 31, 20, 0, tzinfo=UTC)),
        ("2024-03-05 09:15:00", None, datetime(2024, 3, 5, 2, 15, tzinfo=UTC)),
        ("2024:03:05 09:15:00\x00", None, datetime(2024, 3, 5, 2, 15, tzinfo=UTC)),
        (b"2024:03:05 09:15:00", b"+07:00", datetime(2024, 3, 5, 2, 15, tzinfo=UTC)),
    ],
)
def test_capture_time_is_converted_to_utc(taken, offset, expected):
    result = captured_at(round_trip(exif_with(taken, offset)))
    assert result == expected
    assert result.utcoffset().total_seconds() == 0


@pytest.mark.parametrize("offset", ["Z", "+25:00", "+07:99", "WIB", "", "   "])
def test_a_nonsense_offset_falls_back_to_jakarta(offset):
    result = captured_at(round_trip(exif_with("2024:03:05 09:15:00", offset)))
    assert result == datetime(2024, 3, 5, 2, 15, tzinfo=UTC)


def test_the_local_zone_can_be_another_indonesian_zone():
    result = captured_at(exif_with("2024:03:05 09:15:00"), ZoneInfo("Asia/Makassar"))
    assert result == datetime(2024, 3, 5, 1, 15, tzinfo=UTC)


@pytest.mark.parametrize(
    "taken",
    [
        "    :  :     :  :  ",
        "0000:00:00 00:00:00",
        "2024:13:05 09:15:00",
        "2024:02:30 09:15:00",
        "0001:01:01 00:00:00",  # before year 1 in UTC
        "kemarin sore",
        "",
        (2024, 3, 5),
    ],
)
def test_a_nonsense_capture_time_is_none(taken):
    assert captured_at(exif_with(taken)) is None


def test_no_exif_means_no_capture_time():
    assert captured_at(Image.Exif()) is None
    assert captured_at(exif_with(offset="+07:00")) is None
