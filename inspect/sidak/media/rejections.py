"""Why an uploaded image was refused: a stable code and a sentence in Indonesian and English.

Codes never change meaning; the service shows `message` to inspectors and logs `code`.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Reason:
    """One entry of the catalogue: Indonesian and English templates with ``str.format`` fields."""

    id: str
    en: str


REASONS = {
    "empty": Reason(
        "Berkas kosong. Ambil atau pilih gambar lagi.",
        "The file is empty. Take or choose the picture again.",
    ),
    "too_large": Reason(
        "Berkas terlalu besar ({size_id}); ukuran maksimum {limit_id}.",
        "The file is too large ({size_en}); the maximum is {limit_en}.",
    ),
    "too_many_pixels": Reason(
        "Resolusi gambar terlalu besar; maksimum {limit_id} megapiksel.",
        "The image resolution is too high; the maximum is {limit_en} megapixels.",
    ),
    "unsupported_format": Reason(
        "Format {found} tidak didukung. Gunakan berkas {allowed_id}.",
        "The {found} format is not supported. Use a {allowed_en} file.",
    ),
    "not_an_image": Reason(
        "Berkas ini bukan gambar. Gunakan berkas {allowed_id}.",
        "This file is not an image. Use a {allowed_en} file.",
    ),
    "corrupt": Reason(
        "Gambar rusak atau tidak lengkap. Coba unggah ulang.",
        "The image is damaged or incomplete. Try uploading it again.",
    ),
    "blank_signature": Reason(
        "Tanda tangan masih kosong. Bubuhkan tanda tangan terlebih dahulu.",
        "The signature is blank. Please sign first.",
    ),
}


class ImageRejected(ValueError):
    """An upload that is not an acceptable image; `code` is stable, `message` is for people."""

    def __init__(self, code: str, **fields: object):
        reason = REASONS[code]
        self.code = code
        self.message = reason.id.format(**fields)
        self.message_en = reason.en.format(**fields)
        super().__init__(f"{code}: {self.message_en}")


def too_large(size: int, limit: int) -> ImageRejected:
    return ImageRejected(
        "too_large",
        size_id=_megabytes(size, ","),
        size_en=_megabytes(size, "."),
        limit_id=_megabytes(limit, ","),
        limit_en=_megabytes(limit, "."),
    )


def too_many_pixels(limit: int) -> ImageRejected:
    megapixels = f"{limit / 1_000_000:.1f}".removesuffix(".0")
    return ImageRejected(
        "too_many_pixels",
        limit_id=megapixels.replace(".", ","),
        limit_en=megapixels,
    )


def wrong_kind(code: str, allowed: tuple[str, ...], found: str = "") -> ImageRejected:
    """`unsupported_format` or `not_an_image`, naming the formats that are accepted."""
    return ImageRejected(
        code,
        found=found,
        allowed_id=_choice(allowed, "atau"),
        allowed_en=_choice(allowed, "or"),
    )


def _megabytes(size: int, decimal_mark: str) -> str:
    text = f"{size / 2**20:.1f}".removesuffix(".0")
    return f"{text.replace('.', decimal_mark)} MB"


def _choice(names: tuple[str, ...], word: str) -> str:
    """``JPEG, PNG, atau HEIC``; a single name alone."""
    if len(names) == 1:
        return names[0]
    return f"{', '.join(names[:-1])}, {word} {names[-1]}"
