"""Importing offices from a CSV file: every row checked first, then all or nothing."""

import csv
import io
import re
from dataclasses import dataclass, field

from flask_babel import gettext as _
from sqlalchemy import select

from sidak.models import Office, db
from sidak.services import audit
from sidak.services.offices import FIELDS, apply_values, clean_office

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
        elif apply_values(office, values):
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
