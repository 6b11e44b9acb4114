"""Template filters for domain values (texts in two languages, exact numbers)."""

from datetime import date, datetime
from decimal import Decimal
from fractions import Fraction

from babel import dates as babel_dates
from flask import Flask
from flask_babel import format_date, format_datetime, format_number, format_time, get_locale
from flask_babel import lazy_gettext as _l

from sidak.domain.bands import band_for
from sidak.domain.categories import CATEGORIES
from sidak.domain.documents import display_code
from sidak.domain.text import Text
from sidak.models.office import OFFICE_TYPE_LABELS

ITEM_TYPE_LABELS = {
    "yesno": _l("Ya / tidak"),
    "count": _l("Hitungan (X dari N)"),
    "number": _l("Angka"),
    "choice": _l("Pilihan"),
    "text": _l("Teks bebas"),
    "photo": _l("Foto"),
}

EVIDENCE_LABELS = {"photo": _l("foto"), "note": _l("catatan")}

#: an item's result, as the report's answer table reads it
RESULT_LABELS = {
    "pass": _l("Lulus"),
    "fail": _l("Gagal"),
    "na": _l("Tidak berlaku"),
    "hidden": _l("Tidak ditanyakan"),
    "missing": _l("Belum dijawab"),
    "unscored": _l("Tidak dinilai"),
}

STATUS_LABELS = {
    "draft": _l("Draf"),
    "submitted": _l("Terkirim"),
    "finalized": _l("Final"),
}

SANCTION_STATE_LABELS = {
    "proposed": _l("Diusulkan"),
    "issued": _l("Dijatuhkan"),
    "corrected": _l("Sudah diperbaiki"),
    "verified": _l("Terverifikasi"),
    "overdue": _l("Lewat batas waktu"),
    "escalated": _l("Dinaikkan"),
    "waived": _l("Tidak dijatuhkan"),
}

ACTION_STATE_LABELS = {
    "open": _l("Belum diperbaiki"),
    "replied": _l("Bukti dikirim"),
    "objected": _l("Keberatan diajukan"),
    "corrected": _l("Diperbaiki (menunggu kunjungan)"),
    "verified": _l("Terverifikasi"),
    "withdrawn": _l("Dibatalkan"),
    "overdue": _l("Lewat batas waktu"),
}


def checklist_rule(checklist, rule_id: str) -> Text:
    """The citation of a rule the checklist lists, or its id if it is unknown."""
    return next((r.title for r in checklist.rules if r.id == rule_id), Text(rule_id))


def text_in_locale(value: Text | None) -> str:
    if value is None:
        return ""
    return value.get(str(get_locale() or "id"))


def plain_number(value: Fraction | Decimal | int | None) -> str:
    """85, 1,5 or 66,67 in Indonesian (1.5 in English): no trailing zeros."""
    if value is None:
        return "–"
    if isinstance(value, Fraction):
        value = Decimal(value.numerator) / Decimal(value.denominator)
    text = f"{Decimal(value).quantize(Decimal('0.01')).normalize():f}"
    return text.replace(".", ",") if str(get_locale() or "id") == "id" else text


def _luminance(color: str) -> float:
    """WCAG relative luminance of ``#rrggbb``."""
    channels = [int(color[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def ink_on(color: str) -> str:
    """Black or white, whichever reads better on a badge of `color` (authors pick any colour)."""
    background = _luminance(color)
    on_white = 1.05 / (background + 0.05)
    on_black = (background + 0.05) / 0.05
    return "#ffffff" if on_white >= on_black else "#000000"


def tenths_score(value: int | None) -> str:
    """A score kept in tenths (873) as people read it: ``87,3``."""
    return one_decimal(None if value is None else Decimal(value) / 10)


def one_decimal(value: Decimal | None) -> str:
    """A score as people read it: always one decimal, a comma in Indonesian."""
    if value is None:
        return "–"
    text = f"{Decimal(value).quantize(Decimal('0.1'))}"
    return text.replace(".", ",") if str(get_locale() or "id") == "id" else text


def long_date(value: date | datetime) -> str:
    """``Senin, 23 November 2026``: how official letters write a day."""
    if isinstance(value, datetime):
        return format_datetime(value, "EEEE, d MMMM y")
    return format_date(value, "EEEE, d MMMM y")


def time_zone_name(value: datetime) -> str:
    """WIB, WITA or WIT: Indonesia's own names for its zones, in both languages."""
    return babel_dates.format_datetime(value, "zzz", tzinfo=value.tzinfo, locale="id")


def register(app: Flask) -> None:
    app.add_template_filter(text_in_locale, "t")
    app.add_template_filter(plain_number, "score")
    app.add_template_filter(one_decimal, "score1")
    app.add_template_filter(ink_on, "ink_on")
    app.add_template_filter(lambda v: format_datetime(v, "d MMM yyyy HH:mm"), "datetimeformat")
    app.add_template_filter(lambda v: format_datetime(v, "HH:mm"), "timeformat")
    app.add_template_filter(long_date, "longdate")
    app.add_template_filter(lambda v: format_time(v, "short"), "clock")
    app.add_template_filter(lambda v: format_datetime(v, "d MMM y, HH.mm"), "shortdatetime")
    app.add_template_filter(time_zone_name, "zone")
    app.add_template_filter(display_code, "code_groups")
    app.jinja_env.globals["status_labels"] = STATUS_LABELS
    app.jinja_env.globals["status_words"] = RESULT_LABELS
    app.jinja_env.globals["checklist_rule"] = checklist_rule
    app.jinja_env.globals["sanction_states"] = SANCTION_STATE_LABELS
    app.jinja_env.globals["action_states"] = ACTION_STATE_LABELS
    app.add_template_filter(lambda v: format_date(v, "d MMM y"), "dateformat")
    app.add_template_filter(lambda v: EVIDENCE_LABELS.get(str(v), str(v)), "evidence_label")
    app.jinja_env.globals["item_type_labels"] = ITEM_TYPE_LABELS
    # scores have one decimal, so a band ends one tenth below the next band's start
    app.jinja_env.globals["one_tenth"] = Fraction(1, 10)
    app.jinja_env.globals["band_for"] = band_for
    app.jinja_env.globals["category_names"] = CATEGORIES
    app.jinja_env.globals["office_types"] = OFFICE_TYPE_LABELS
    app.add_template_filter(tenths_score, "tenths")
    # counts as people write them: 30.557 in Indonesian, 30,557 in English
    app.add_template_filter(format_number, "count")
    app.add_template_filter(lambda v: format_date(v, "MMMM y"), "monthformat")
