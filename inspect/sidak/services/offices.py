"""Offices: the register of what teams inspect, kept by admins in forms or from a CSV file.

One set of rules checks both the form and every CSV row; problems are collected per field
so a form shows each under its input and an import reports every bad row at once.
"""

import math
import re
from collections.abc import Mapping

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_sqlalchemy.pagination import Pagination
from sqlalchemy import func, or_, select
from sqlalchemy.exc import IntegrityError

from sidak.models import Office, OfficeType, db
from sidak.services import audit

PER_PAGE = 50

#: the fields a form or a CSV row may set
FIELDS = (
    "name",
    "type",
    "district",
    "address",
    "head_name",
    "head_phone",
    "head_email",
    "latitude",
    "longitude",
    "language",
)
MAX_LENGTHS = {
    "name": 200,
    "district": 100,
    "address": 1000,
    "head_name": 200,
    "head_phone": 50,
    "head_email": 200,
}
REQUIRED = {
    "name": _l("Nama kantor wajib diisi."),
    "type": _l("Jenis kantor wajib dipilih."),
    "district": _l("Kecamatan wajib diisi."),
}
EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s.]{2,}$")
PHONE = re.compile(r"^\+?[\d\s().-]+$")

#: spellings people use for an office type, beyond its value (compared case-insensitively)
TYPE_ALIASES = {
    "mal pelayanan publik": "mpp",
    "mall pelayanan publik": "mpp",
    "public service mall": "mpp",
    "rumah sakit daerah": "rsud",
    "rumah sakit umum daerah": "rsud",
    "rs daerah": "rsud",
    "regional hospital": "rsud",
    "pusat kesehatan masyarakat": "puskesmas",
    "kantor kecamatan": "kecamatan",
    "kantor kelurahan": "kelurahan",
    "sekretariat daerah": "sekretariat",
    "setda": "sekretariat",
    "sekretariat dprd": "sekretariat",
    "secretariat": "sekretariat",
    "lain lain": "lainnya",
    "lain": "lainnya",
    "other": "lainnya",
}


class OfficeInvalid(ValueError):
    """Office values were refused; `problems` maps each field to its message."""

    def __init__(self, problems: dict[str, str]):
        super().__init__("; ".join(problems.values()))
        self.problems = problems


def office_type(text: str) -> str:
    """The `OfficeType` value `text` names; raises ValueError with a message for people."""
    key = re.sub(r"[\s_-]+", " ", text.casefold()).strip()
    if key in {t.value for t in OfficeType}:
        return key
    if key in TYPE_ALIASES:
        return TYPE_ALIASES[key]
    choices = ", ".join(t.value for t in OfficeType)
    message = _(
        "Jenis '%(value)s' tidak dikenal; pilih salah satu: %(choices)s.",
        value=text,
        choices=choices,
    )
    raise ValueError(message)


def clean_office(raw: Mapping[str, str]) -> tuple[dict[str, object], dict[str, str]]:
    """The office values for the fields present in `raw`, and a message per refused field."""
    values: dict[str, object] = {}
    problems: dict[str, str] = {}
    for name, text in raw.items():
        text = (text or "").strip() if name == "address" else " ".join((text or "").split())
        try:
            values[name] = _parse(name, text)
        except ValueError as exc:
            problems[name] = str(exc)
    if "latitude" in values and "longitude" in values:
        empty = [name for name in ("latitude", "longitude") if values[name] is None]
        if len(empty) == 1:
            problems[empty[0]] = _("Isi lintang dan bujur keduanya, atau kosongkan keduanya.")
    return values, problems


def _parse(name: str, text: str) -> object:
    if not text and name in REQUIRED:
        raise ValueError(str(REQUIRED[name]))
    if len(text) > MAX_LENGTHS.get(name, 1000):
        raise ValueError(_("Paling banyak %(num)d karakter.", num=MAX_LENGTHS.get(name, 1000)))
    if name == "type":
        return office_type(text)
    if name == "head_email" and text and not EMAIL.match(text):
        raise ValueError(_("Alamat email tidak valid (contoh: kepala@kota.go.id)."))
    if name == "head_phone" and text and not _valid_phone(text):
        raise ValueError(_("Nomor telepon tidak valid: 8–15 angka, boleh diawali +."))
    if name in ("latitude", "longitude"):
        return _coordinate(name, text)
    if name == "language":
        if text.lower() not in ("id", "en"):
            raise ValueError(_("Bahasa laporan harus 'id' atau 'en'."))
        return text.lower()
    return text


def _valid_phone(text: str) -> bool:
    digits = sum(c.isdigit() for c in text)
    return bool(PHONE.match(text)) and 8 <= digits <= 15


def _coordinate(name: str, text: str) -> float | None:
    """Decimal degrees; a decimal comma (Indonesian spreadsheets) is accepted."""
    if not text:
        return None
    limit = 90 if name == "latitude" else 180
    if "." not in text and text.count(",") == 1:
        text = text.replace(",", ".")
    try:
        value = float(text)
    except ValueError:
        value = math.nan
    if not math.isfinite(value) or abs(value) > limit:
        if name == "latitude":
            raise ValueError(_("Lintang harus angka antara -90 dan 90 (contoh: -6,9175)."))
        raise ValueError(_("Bujur harus angka antara -180 dan 180 (contoh: 107,6191)."))
    return value


def _name_taken(name: str, except_id: int | None = None) -> bool:
    query = select(Office.id).where(func.lower(Office.name) == name.lower())
    if except_id is not None:
        query = query.where(Office.id != except_id)
    return db.session.scalar(query) is not None


def find_offices(search: str = "", office_type: str = "", page: int = 1) -> Pagination:
    """Offices whose name or kecamatan contains `search`, active ones first, by name."""
    query = select(Office).order_by(Office.active.desc(), Office.name)
    if search.strip():
        words = search.strip()
        query = query.where(
            or_(
                Office.name.icontains(words, autoescape=True),
                Office.district.icontains(words, autoescape=True),
            )
        )
    if office_type in {t.value for t in OfficeType}:
        query = query.where(Office.type == office_type)
    return db.paginate(query, page=page, per_page=PER_PAGE, error_out=False)


def create_office(raw: Mapping[str, str]) -> Office:
    """Check, add and commit a new office; raises OfficeInvalid with every problem."""
    values, problems = clean_office(raw)
    if "name" in values and _name_taken(str(values["name"])):
        problems.setdefault("name", _("Nama kantor ini sudah dipakai kantor lain."))
    if problems:
        raise OfficeInvalid(problems)
    office = Office(**values)
    db.session.add(office)
    db.session.flush()
    audit.record("office.create", object_type="office", object_id=office.id, **values)
    _commit()
    return office


def update_office(office: Office, raw: Mapping[str, str]) -> dict[str, list[object]]:
    """Check and commit new values; the changes as ``{field: [old, new]}``."""
    values, problems = clean_office(raw)
    if "name" in values and _name_taken(str(values["name"]), except_id=office.id):
        problems.setdefault("name", _("Nama kantor ini sudah dipakai kantor lain."))
    if problems:
        raise OfficeInvalid(problems)
    changes = apply_values(office, values)
    if changes:
        audit.record("office.update", object_type="office", object_id=office.id, changes=changes)
        _commit()
    return changes


def set_office_active(office: Office, active: bool) -> None:
    """Deactivate or reactivate; offices are never deleted (inspections point at them)."""
    if office.active != active:
        changes = apply_values(office, {"active": active})
        audit.record("office.update", object_type="office", object_id=office.id, changes=changes)
        db.session.commit()


def apply_values(office: Office, values: Mapping[str, object]) -> dict[str, list[object]]:
    changes = {}
    for name, value in values.items():
        if getattr(office, name) != value:
            changes[name] = [getattr(office, name), value]
            setattr(office, name, value)
    return changes


def _commit() -> None:
    """Commit; a name taken meanwhile by another request is a problem on the name."""
    try:
        db.session.commit()
    except IntegrityError as exc:
        db.session.rollback()
        raise OfficeInvalid({"name": _("Nama kantor ini sudah dipakai kantor lain.")}) from exc
