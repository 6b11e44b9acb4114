"""When the camera says a photo was taken: kept as data beside the photo, never as proof.

Camera clocks can be wrong or set by hand; the upload time recorded by the server is what
counts. This only reads EXIF DateTimeOriginal and, when the phone wrote it, its UTC offset.
"""

import re
from datetime import UTC, datetime, timedelta, timezone, tzinfo
from zoneinfo import ZoneInfo

from PIL import ExifTags, Image

#: Camera times without an offset are read as local time where the inspections happen.
JAKARTA = ZoneInfo("Asia/Jakarta")

_DATETIME = re.compile(r"(\d{4})[:-](\d{2})[:-](\d{2})[ T](\d{2}):(\d{2}):(\d{2})")
_OFFSET = re.compile(r"([+-])(\d{2}):?(\d{2})")


def captured_at(exif: Image.Exif, local_zone: tzinfo = JAKARTA) -> datetime | None:
    """DateTimeOriginal as an aware UTC datetime, or None when absent or nonsense."""
    try:
        ifd = exif.get_ifd(ExifTags.IFD.Exif)
    except Exception:  # a broken EXIF block only means there is no capture time
        return None
    match = _DATETIME.match(_text(ifd.get(ExifTags.Base.DateTimeOriginal)))
    if match is None:
        return None
    zone = _offset(_text(ifd.get(ExifTags.Base.OffsetTimeOriginal))) or local_zone
    try:
        taken = datetime(*(int(part) for part in match.groups()), tzinfo=zone)
        return taken.astimezone(UTC)
    except (ValueError, OverflowError):  # "0000:00:00 00:00:00", month 13, year 1 minus 7 h
        return None


def _offset(text: str) -> timezone | None:
    match = _OFFSET.fullmatch(text)
    if match is None:
        return None
    sign, hours, minutes = match.groups()
    if int(hours) > 14 or int(minutes) > 59:
        return None
    delta = timedelta(hours=int(hours), minutes=int(minutes))
    return timezone(-delta if sign == "-" else delta)


def _text(value: object) -> str:
    """EXIF ASCII values come as str, or bytes when the writer got the type wrong."""
    if isinstance(value, bytes):
        value = value.decode("ascii", "replace")
    return value.strip("\x00 ") if isinstance(value, str) else ""
