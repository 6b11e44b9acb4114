"""What a file is, from its first bytes: only used to word a refusal, never to accept a file.

Pillow decides what is accepted (opening with a fixed list of its plugins); when it refuses,
these signatures tell "a GIF, which we do not take" from "a broken JPEG" from "not an image".
"""

_MAGIC = (
    (b"\xff\xd8\xff", "JPEG"),
    (b"\x89PNG\r\n\x1a\n", "PNG"),
    (b"GIF87a", "GIF"),
    (b"GIF89a", "GIF"),
    (b"II*\x00", "TIFF"),
    (b"MM\x00*", "TIFF"),
    (b"%PDF-", "PDF"),
    (b"8BPS", "PSD"),
    (b"\x00\x00\x01\x00", "ICO"),
    (b"\x00\x00\x00\x0cjP  \r\n\x87\n", "JPEG 2000"),
    (b"\xff\x4f\xff\x51", "JPEG 2000"),
    (b"\x00\x00\x00\x0cJXL \r\n\x87\n", "JPEG XL"),
    (b"\xff\x0a", "JPEG XL"),
)
_HEIF_BRANDS = {b"heic", b"heix", b"heim", b"heis", b"hevc", b"hevx", b"hevm", b"hevs", b"mif1"}
_HEIF_BRANDS |= {b"msf1", b"mif2"}
_AVIF_BRANDS = {b"avif", b"avis"}


def sniff(data: bytes) -> str | None:
    """The name of the format `data` looks like ("JPEG", "GIF", "HEIC", ...), or None."""
    if data[4:8] == b"ftyp":
        return _iso_media(data)
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "WebP"
    for magic, name in _MAGIC:
        if data.startswith(magic):
            return name
    if data[:2] == b"BM" and data[6:10] == b"\x00\x00\x00\x00":  # reserved, always zero
        return "BMP"
    if _looks_like_svg(data):
        return "SVG"
    return None


def _iso_media(data: bytes) -> str:
    """HEIC, AVIF or (for any other ISO media brand) a video."""
    box_end = min(int.from_bytes(data[:4], "big"), 64)
    brands = {data[8:12]} | {data[i : i + 4] for i in range(16, box_end - 3, 4)}
    if brands & _AVIF_BRANDS:
        return "AVIF"
    if brands & _HEIF_BRANDS:
        return "HEIC"
    return "video"


def _looks_like_svg(data: bytes) -> bool:
    head = data[:1024].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return head.startswith((b"<svg", b"<?xml", b"<!doctype svg")) and b"<svg" in head
