"""Photo evidence and drawn signatures: checked, made upright, shrunk, stripped of metadata.

Whatever bytes arrive, the answer is a ProcessedImage or ImageRejected, never another
exception: uploads come from phones on bad connections and from anyone who can post a form.
The format is decided by Pillow reading the content, never by a file name or a content type.
"""

import hashlib
import io
from dataclasses import dataclass
from datetime import datetime, tzinfo

import pillow_heif
from PIL import Image, ImageCms, ImageOps

from sidak.media.exif import JAKARTA, captured_at
from sidak.media.formats import sniff
from sidak.media.rejections import ImageRejected, too_large, too_many_pixels, wrong_kind

__all__ = ["ImageRejected", "ProcessedImage", "print_copy", "process_photo", "process_signature"]

# iPhones send HEIC; only the primary image is wanted, not thumbnails or depth maps.
pillow_heif.register_heif_opener(thumbnails=False, depth_images=False, aux_images=False)

PHOTO_FORMATS = ("JPEG", "PNG", "WEBP", "HEIF")  #: Pillow's names for the accepted formats
PHOTO_NAMES = ("JPEG", "PNG", "WebP", "HEIC")  #: the same, as people know them
SIGNATURE_BOX = (1000, 600)  #: a drawn signature is shrunk to fit, never refused for size
THUMBNAIL_SIDE = 320
JPEG_QUALITY = 85
THUMBNAIL_QUALITY = 80
#: a report prints a photo about 8 cm wide: 1000 px is over 300 dpi there
PRINT_SIDE = 1000
PRINT_QUALITY = 80
#: darkest minus lightest grey below this: nothing was drawn on the signature pad
BLANK_CONTRAST = 16

_WHITE = (255, 255, 255)
_SRGB = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB"))
_SIXTEEN_BIT_GREY = {"I", "I;16", "I;16B", "I;16L", "I;16N"}


@dataclass(frozen=True)
class ProcessedImage:
    data: bytes  #: the re-encoded image, without any metadata
    content_type: str  #: "image/jpeg" or "image/png"
    width: int
    height: int
    sha256: str  #: hex digest of `data`
    thumbnail: bytes  #: JPEG with its longest side at most 320 px (signatures: `data` itself)
    captured_at: datetime | None  #: camera's DateTimeOriginal in UTC; data, not proof


def process_photo(
    data: bytes,
    *,
    max_bytes: int = 15 * 2**20,
    max_pixels: int = 40_000_000,
    max_side: int = 1600,
    local_zone: tzinfo = JAKARTA,
) -> ProcessedImage:
    """A JPEG, PNG, WebP or HEIC photo as an upright sRGB JPEG, longest side <= `max_side`.

    `local_zone` is how a capture time without a UTC offset is read. Raises ImageRejected
    for anything that is not such a photo or breaks a limit, and for damaged files.
    """
    image = _open(data, PHOTO_FORMATS, PHOTO_NAMES, max_bytes, max_pixels)
    try:
        _draft(image, max_side)
        image.load()
        taken = captured_at(_exif(image), local_zone)
        image = _resizable(image)
        image.thumbnail((max_side, max_side), Image.Resampling.LANCZOS)
        image = _srgb(_upright(image))
    except Exception as exc:  # Pillow's decoders raise many types for a damaged file
        raise ImageRejected("corrupt") from exc
    image = _without_metadata(image)
    width, height = image.size
    encoded = _jpeg(image, JPEG_QUALITY, progressive=True)
    image.thumbnail((THUMBNAIL_SIDE, THUMBNAIL_SIDE), Image.Resampling.LANCZOS)
    return ProcessedImage(
        data=encoded,
        content_type="image/jpeg",
        width=width,
        height=height,
        sha256=hashlib.sha256(encoded).hexdigest(),
        thumbnail=_jpeg(image, THUMBNAIL_QUALITY),
        captured_at=taken,
    )


def process_signature(
    data: bytes,
    *,
    max_bytes: int = 2 * 2**20,
    max_pixels: int = 5_000_000,
    box: tuple[int, int] = SIGNATURE_BOX,
) -> ProcessedImage:
    """A signature drawn on a canvas (PNG) as a PNG on white that fits in `box`.

    High-density screens make large canvases, so anything up to `max_pixels` is shrunk
    rather than refused. Raises ImageRejected for anything but a PNG, for a damaged file,
    and for a blank pad.
    """
    image = _open(data, ("PNG",), ("PNG",), max_bytes, max_pixels)
    try:
        image.load()
        image = _srgb(_resizable(image))
        image.thumbnail(box, Image.Resampling.LANCZOS)
    except Exception as exc:  # Pillow's decoders raise many types for a damaged file
        raise ImageRejected("corrupt") from exc
    darkest, lightest = image.convert("L").getextrema()
    if lightest - darkest < BLANK_CONTRAST:
        raise ImageRejected("blank_signature")
    buffer = io.BytesIO()
    _without_metadata(image).save(buffer, "PNG", optimize=True)
    encoded = buffer.getvalue()
    return ProcessedImage(
        data=encoded,
        content_type="image/png",
        width=image.width,
        height=image.height,
        sha256=hashlib.sha256(encoded).hexdigest(),
        thumbnail=encoded,
        captured_at=None,
    )


def print_copy(stored: bytes, *, max_side: int = PRINT_SIDE) -> bytes:
    """A stored photo (already checked and stripped) as a smaller JPEG for a PDF report.

    Raises ImageRejected if `stored` is not a JPEG or PNG Sidak wrote.
    """
    try:
        image = Image.open(io.BytesIO(stored), formats=("JPEG", "PNG"))
        _draft(image, max_side)
        image = image.convert("RGB")
    except Exception as exc:
        raise ImageRejected("corrupt") from exc
    image.thumbnail((max_side, max_side), Image.Resampling.LANCZOS)
    return _jpeg(_without_metadata(image), PRINT_QUALITY)


def _open(
    data: bytes,
    formats: tuple[str, ...],
    names: tuple[str, ...],
    max_bytes: int,
    max_pixels: int,
) -> Image.Image:
    """Read the header only (no pixels yet) and enforce the byte and pixel limits."""
    if not data:
        raise ImageRejected("empty")
    if len(data) > max_bytes:
        raise too_large(len(data), max_bytes)
    try:
        image = Image.open(io.BytesIO(data), formats=formats)
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        # Pillow's own limit, far above ours; the warning only raises under -W error.
        raise too_many_pixels(max_pixels) from exc
    except Exception as exc:  # plugins raise many types for a header they cannot parse
        raise _refusal(data, names) from exc
    # Pillow opens a JPEG that carries further pictures (MPO, from many phones) as "MPO".
    if image.format not in formats and not (image.format == "MPO" and "JPEG" in formats):
        raise wrong_kind("unsupported_format", names, found=image.format or "?")
    if image.width * image.height > max_pixels:
        raise too_many_pixels(max_pixels)
    return image


def _refusal(data: bytes, names: tuple[str, ...]) -> ImageRejected:
    """Pillow could not read it: an accepted format gone bad, another format, or no image."""
    found = sniff(data)
    if found in names:
        return ImageRejected("corrupt")
    if found is not None:
        return wrong_kind("unsupported_format", names, found=found)
    return wrong_kind("not_an_image", names)


def _draft(image: Image.Image, max_side: int) -> None:
    """Let a JPEG decode at 1/2, 1/4 or 1/8 scale when that still leaves enough pixels."""
    scale = max_side / max(image.size)
    if scale < 1:
        size = (max(1, int(image.width * scale)), max(1, int(image.height * scale)))
        image.draft("RGB", size)


def _exif(image: Image.Image) -> Image.Exif:
    try:
        return image.getexif()
    except Exception:  # broken metadata costs the capture time and orientation, not the photo
        return Image.Exif()


def _resizable(image: Image.Image) -> Image.Image:
    """Palette and 1-bit images would be shrunk by picking pixels; give them real channels."""
    if image.mode == "1":
        return image.convert("L")
    if image.mode == "P":
        return image.convert("RGBA" if image.has_transparency_data else "RGB")
    return image


def _upright(image: Image.Image) -> Image.Image:
    try:
        return ImageOps.exif_transpose(image)
    except Exception:  # broken metadata costs the orientation, not the photo
        return image


def _srgb(image: Image.Image) -> Image.Image:
    """RGB in sRGB: transparency flattened on white, 16-bit grey scaled, ICC profile applied."""
    profile = image.info.get("icc_profile")
    if image.has_transparency_data:
        rgba = image.convert("RGBA")
        image = Image.new("RGB", image.size, _WHITE)
        image.paste(rgba, mask=rgba.getchannel("A"))
    elif image.mode in _SIXTEEN_BIT_GREY:
        image = image.convert("I").point(lambda value: value / 256).convert("L")
    if image.mode not in ("RGB", "CMYK"):
        image = image.convert("RGB")
    if profile:
        try:
            source = ImageCms.ImageCmsProfile(io.BytesIO(profile))
            return ImageCms.profileToProfile(image, source, _SRGB, outputMode="RGB")
        except Exception:  # a broken or mismatched profile: keep the colours as they are
            pass
    return image.convert("RGB")


def _without_metadata(image: Image.Image) -> Image.Image:
    """A copy that carries pixels only: no EXIF, GPS, XMP, ICC, comments or text chunks."""
    clean = Image.new(image.mode, image.size)
    clean.paste(image)
    return clean


def _jpeg(image: Image.Image, quality: int, *, progressive: bool = False) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=quality, optimize=True, progressive=progressive)
    return buffer.getvalue()
