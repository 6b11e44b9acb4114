"""Offices: the register of what teams inspect, kept by admins in forms or from a CSV file.

One set of rules checks both the form and every CSV row; problems are collected per field
so a form shows each under its input and an import reports every bad row at once.
"""

import csv
import io
import math
import re
from collections.abc import Mapping
from dataclasses import dataclass, field

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

#: CSV headers, Indonesian or English, and the field each fills
COLUMNS = {
    "nama": "name",
    "jenis": "type",
    "kecamatan": "district",
    "alamat": "address",
    "kepala": "head_name",
    "telepon": "head_phone",
    "email": "head_email",
    "lintang": "latitude",
    "bujur": "longitude",
    "bahasa": "language",
    **{name: name for name in FIELDS},
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
    changes = _apply(office, values)
    if changes:
        audit.record("office.update", object_type="office", object_id=office.id, changes=changes)
        _commit()
    return changes


def set_office_active(office: Office, active: bool) -> None:
    """Deactivate or reactivate; offices are never deleted (inspections point at them)."""
    if office.active != active:
        changes = _apply(office, {"active": active})
        audit.record("office.update", object_type="office", object_id=office.id, changes=changes)
        db.session.commit()


def _apply(office: Office, values: Mapping[str, object]) -> dict[str, list[object]]:
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


@dataclass
class ImportReport:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    #: ``FILE:LINE: message``, in file order
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def import_offices(data: bytes, source: str) -> ImportReport:
    """Create an office per CSV row, updating the one of the same name; all or nothing.

    Every row is checked first; if any has a problem nothing is stored and the report
    lists them all. Otherwise one commit stores the offices with an ``office.import`` event.
    """
    report = ImportReport()
    headers, rows = _read_csv(data, source, report.problems)
    checked: list[dict[str, object]] = []
    first_line: dict[str, int] = {}
    for line, raw in rows:
        values, problems = clean_office(raw)
        report.problems += [f"{source}:{line}: {headers[f]}: {m}" for f, m in problems.items()]
        key = str(values.get("name", "")).casefold()
        if key in first_line:
            message = _(
                "nama '%(name)s' sudah dipakai di baris %(line)d.",
                name=values["name"],
                line=first_line[key],
            )
            report.problems.append(f"{source}:{line}: {message}")
        elif key:
            first_line[key] = line
        checked.append(values)
    if report.ok:
        _store(checked, report)
        audit.record("office.import", object_type="office", source=source, **_counts(report))
        db.session.commit()
    return report


def _counts(report: ImportReport) -> dict[str, int]:
    return {"created": report.created, "updated": report.updated, "unchanged": report.unchanged}


def _store(rows: list[dict[str, object]], report: ImportReport) -> None:
    existing = {office.name.casefold(): office for office in db.session.scalars(select(Office))}
    for values in rows:
        office = existing.get(str(values["name"]).casefold())
        if office is None:
            db.session.add(Office(**values))
            report.created += 1
        elif _apply(office, values):
            report.updated += 1
        else:
            report.unchanged += 1


def _read_csv(
    data: bytes, source: str, problems: list[str]
) -> tuple[dict[str, str], list[tuple[int, dict[str, str]]]]:
    """The header (field -> column as written) and each row's values by field, with the
    physical line each row starts on; problems with the file itself go to `problems`."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        problems.append(f"{source}:{line}: " + _("berkas bukan UTF-8; simpan sebagai 'CSV UTF-8'."))
        return {}, []
    if not text.strip():
        problems.append(f"{source}:1: " + _("berkas kosong."))
        return {}, []
    first = text.split("\n", 1)[0]
    # Excel in Indonesia separates with semicolons (the comma is the decimal mark)
    delimiter = ";" if first.count(";") > first.count(",") else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    header = next(reader)
    headers = _check_header(header, source, problems)
    if not headers:
        return {}, []
    fields = [COLUMNS[_column_key(column)] for column in header]
    rows: list[tuple[int, dict[str, str]]] = []
    end = reader.line_num
    try:
        for cells in reader:
            line, end = end + 1, reader.line_num
            if not any(cell.strip() for cell in cells):
                continue
            if len(cells) > len(fields):
                message = _(
                    "baris ini %(cells)d kolom, header %(columns)d.",
                    cells=len(cells),
                    columns=len(fields),
                )
                problems.append(f"{source}:{line}: {message}")
                continue
            rows.append((line, dict(zip(fields, [*cells, *[""] * len(fields)], strict=False))))
    except csv.Error as exc:
        message = _("CSV tidak dapat dibaca: %(error)s", error=exc)
        problems.append(f"{source}:{reader.line_num}: {message}")
    if not rows and not problems:
        problems.append(f"{source}:2: " + _("berkas tidak berisi satu baris kantor pun."))
    return headers, rows


def _column_key(header: str) -> str:
    return re.sub(r"[\s-]+", "_", header.strip().casefold())


def _check_header(header: list[str], source: str, problems: list[str]) -> dict[str, str]:
    """Field -> column name as written; {} when the header has a problem (each reported)."""
    found: dict[str, str] = {}
    before = len(problems)
    for column in header:
        name = COLUMNS.get(_column_key(column))
        if name is None:
            known = "nama, jenis, kecamatan, alamat, kepala, telepon, email, lintang, bujur"
            message = _(
                "kolom '%(column)s' tidak dikenal; kolom yang dikenal: %(known)s.",
                column=column,
                known=known,
            )
        elif name in found:
            message = _("kolom '%(column)s' muncul dua kali.", column=column)
        else:
            found[name] = column.strip()
            continue
        problems.append(f"{source}:1: {message}")
    for name in ("name", "type", "district"):
        if name not in found:
            column = next(k for k, v in COLUMNS.items() if v == name)
            problems.append(f"{source}:1: " + _("kolom '%(column)s' wajib ada.", column=column))
    if ("latitude" in found) != ("longitude" in found):
        problems.append(f"{source}:1: " + _("kolom lintang dan bujur harus ada keduanya."))
    return found if len(problems) == before else {}
