"""Template filters for domain values (texts in two languages, exact numbers)."""

from decimal import Decimal
from fractions import Fraction

from flask import Flask
from flask_babel import format_datetime, get_locale
from flask_babel import lazy_gettext as _l

from sidak.domain.text import Text

ITEM_TYPE_LABELS = {
    "yesno": _l("Ya / tidak"),
    "count": _l("Hitungan (X dari N)"),
    "number": _l("Angka"),
    "choice": _l("Pilihan"),
    "text": _l("Teks bebas"),
    "photo": _l("Foto"),
}

EVIDENCE_LABELS = {"photo": _l("foto"), "note": _l("catatan")}


def text_in_locale(value: Text | None) -> str:
    if value is None:
        return ""
    return value.get(str(get_locale() or "id"))


def plain_number(value: Fraction | Decimal | int | None) -> str:
    """85, 1.5 or 66.67: no trailing zeros, a point as Indonesian forms accept it."""
    if value is None:
        return "–"
    number = Decimal(value.numerator) / Decimal(value.denominator) if isinstance(
        value, Fraction
    ) else Decimal(value)
    text = f"{number.quantize(Decimal('0.01')).normalize():f}"
    return text


def register(app: Flask) -> None:
    app.add_template_filter(text_in_locale, "t")
    app.add_template_filter(plain_number, "score")
    app.add_template_filter(lambda v: format_datetime(v, "d MMM yyyy HH:mm"), "datetimeformat")
    app.add_template_filter(lambda v: EVIDENCE_LABELS.get(str(v), str(v)), "evidence_label")
    app.jinja_env.globals["item_type_labels"] = ITEM_TYPE_LABELS
