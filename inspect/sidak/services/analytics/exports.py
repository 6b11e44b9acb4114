"""Exports of the dashboard's lists: inspections, findings and sanctions as CSV or XLSX.

Rows are read in batches from a server-side cursor and written as they come
(`export_files`), so 100,000 rows never sit in memory. CSV is for other programs
(comma-separated, decimal points, ISO dates, UTF-8 with BOM); XLSX is for people (typed
cells, dates as dates).
"""

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from fractions import Fraction

from sidak.domain.answers import Answer
from sidak.domain.categories import CATEGORIES
from sidak.domain.sanctions.lifecycle import action_state, sanction_state
from sidak.models import (
    AnswerRecord,
    ChecklistVersion,
    CorrectiveAction,
    Inspection,
    InspectionFinding,
    InspectionSummary,
    Office,
    Sanction,
    User,
    db,
)
from sidak.models.analytics import category_column
from sidak.services import audit
from sidak.services.analytics import lists
from sidak.services.checklists import checklist_of

S = InspectionSummary
BATCH = 2000
KINDS = ("inspeksi", "temuan", "sanksi")
FORMATS = ("csv", "xlsx")


@dataclass(frozen=True)
class Column:
    title: str
    kind: str = "text"  #: text | number | score | date | int


#: every score there is, made once: an export writes one per category per row
_SCORES = tuple(Decimal(tenths).scaleb(-1) for tenths in range(1001))


def _score(tenths: int | None) -> Decimal | None:
    if tenths is None:
        return None
    if 0 <= tenths <= 1000:
        return _SCORES[tenths]
    return Decimal(tenths).scaleb(-1)  # 873 -> 87.3, 950 -> 95.0


class _Checklists:
    """Checklist versions by id, parsed once per export."""

    def __init__(self) -> None:
        self._cache: dict[int, object] = {}

    def __call__(self, version_id: int):
        if version_id not in self._cache:
            self._cache[version_id] = checklist_of(db.session.get(ChecklistVersion, version_id))
        return self._cache[version_id]


def inspection_columns(lang: str) -> list[Column]:
    return [
        Column("nomor_berita_acara"),
        Column("uuid"),
        Column("tanggal", "date"),
        Column("kantor"),
        Column("jenis_kantor"),
        Column("kecamatan"),
        Column("daftar_periksa"),
        Column("versi_daftar_periksa"),
        Column("status"),
        Column("skor", "score"),
        Column("nilai"),
        Column("pelanggaran", "int"),
        Column("temuan", "int"),
        Column("butir_kritis_gagal", "int"),
        *(Column(f"skor_{key}", "score") for key in CATEGORIES),
    ]


def inspection_rows(query, lang: str) -> Iterator[list]:
    checklists = _Checklists()
    columns = [
        Inspection.report_number,
        Inspection.uuid,
        S.started_on,
        Office.name,
        Office.type,
        Office.district,
        S.checklist_key,
        Inspection.checklist_version_id,
        S.status,
        S.score,
        S.grade_id,
        S.violation,
        S.findings,
        S.critical,
        *(getattr(S, category_column(key)) for key in CATEGORIES),
    ]
    stream = query.with_only_columns(*columns).execution_options(yield_per=BATCH)
    for row in db.session.execute(stream):
        checklist = checklists(row[7])
        grade = next((g for g in checklist.grades if g.id == row[10]), None)
        yield [
            row[0] or "",
            row[1],
            row[2],
            row[3],
            row[4],
            row[5],
            row[6],
            checklist.version,
            row[8],
            _score(row[9]),
            grade.label.get(lang) if grade else "",
            int(bool(row[11])),
            row[12],
            row[13],
            *map(_score, row[14:]),
        ]


def finding_columns(lang: str) -> list[Column]:
    return [
        Column("nomor_berita_acara"),
        Column("uuid"),
        Column("tanggal", "date"),
        Column("kantor"),
        Column("kecamatan"),
        Column("daftar_periksa"),
        Column("butir"),
        Column("pertanyaan"),
        Column("kategori"),
        Column("kritis", "int"),
        Column("jawaban"),
        Column("catatan"),
        Column("status_tindakan"),
        Column("batas_perbaikan", "date"),
    ]


#: answer texts kept per export at most (count answers repeat: 7/10, 8/10, ...)
_TEXTS_KEPT = 20_000


def finding_rows(query, lang: str, today: date) -> Iterator[list]:
    from sidak.domain.preview import answer_text

    checklists = _Checklists()
    F = InspectionFinding
    A = AnswerRecord
    columns = [
        Inspection.report_number,
        Inspection.uuid,
        S.started_on,
        Office.name,
        Office.district,
        S.checklist_key,
        F.item_id,
        Inspection.checklist_version_id,
        F.category,
        F.critical,
        CorrectiveAction.status,
        CorrectiveAction.due_date,
        # the answer's columns, not the record: no ORM object for each of 400,000 rows
        A.id,
        A.value,
        A.observed,
        A.compliant,
        A.number,
        A.na,
        A.note,
    ]
    stream = (
        query.with_only_columns(*columns)
        .outerjoin(A, (A.inspection_id == F.inspection_id) & (A.item_id == F.item_id))
        .execution_options(yield_per=BATCH)
    )
    items: dict[tuple, tuple] = {}  #: (version, item id) -> (item, its question)
    texts: dict[tuple, str] = {}  #: (version, item id, answer) -> the answer as said
    for row in db.session.execute(stream):
        place = (row[7], row[6])
        if place not in items:
            item = checklists(row[7]).item(row[6])
            items[place] = (item, item.question.get(lang) if item else "")
        item, question = items[place]
        spoken = (*place, *row[13:18]) if row[12] is not None else None
        text = texts.get(spoken) if spoken else ""
        if text is None:
            answer = Answer(
                item_id=row[6],
                value=row[13],
                observed=row[14],
                compliant=row[15],
                number=_fraction(row[16]),
                na=bool(row[17]),
            )
            text = answer_text(item, answer, lang) if item else ""
            if len(texts) >= _TEXTS_KEPT:
                texts.clear()
            texts[spoken] = text
        state = action_state(row[10], row[11], today) if row[10] else None
        yield [
            row[0] or "",
            row[1],
            row[2],
            row[3],
            row[4],
            row[5],
            row[6],
            question,
            CATEGORIES[row[8]].get(lang) if row[8] in CATEGORIES else row[8],
            int(bool(row[9])),
            text,
            row[18] or "",
            str(state) if state else "",
            row[11],
        ]


def _fraction(number: str | None) -> Fraction | None:
    return Fraction(number) if number is not None else None


def sanction_columns(lang: str) -> list[Column]:
    return [
        Column("nomor"),
        Column("kantor"),
        Column("kecamatan"),
        Column("nomor_berita_acara"),
        Column("tanggal_inspeksi", "date"),
        Column("tingkat"),
        Column("status"),
        Column("pelanggaran_ke", "int"),
        Column("alasan"),
        Column("alasan_keputusan"),
        Column("diusulkan", "date"),
        Column("dijatuhkan", "date"),
        Column("batas_perbaikan", "date"),
    ]


def sanction_rows(query, lang: str, today: date) -> Iterator[list]:
    from sidak.services.reports.letterhead import local_time

    columns = [
        Sanction.number,
        Office.name,
        Office.district,
        Inspection.report_number,
        Sanction.inspected_on,
        Sanction.level_name,
        Sanction.level_name_en,
        Sanction.status,
        Sanction.ordinal,
        Sanction.reason,
        Sanction.reason_en,
        Sanction.decision_reason,
        Sanction.proposed_at,
        Sanction.issued_at,
        Sanction.due_date,
    ]
    stream = query.with_only_columns(*columns).execution_options(yield_per=BATCH)
    for row in db.session.execute(stream):
        english = lang == "en"
        yield [
            row[0] or "",
            row[1],
            row[2],
            row[3] or "",
            row[4],
            (row[6] if english and row[6] else row[5]),
            str(sanction_state(row[7], row[14], today)),
            row[8],
            (row[10] if english and row[10] else row[9]),
            row[11],
            local_time(row[12]).date() if row[12] else None,
            local_time(row[13]).date() if row[13] else None,
            row[14],
        ]


def rows_of(kind: str, f, drill, bands, lang: str, today: date):
    """(columns, rows) of one export."""
    if kind == "inspeksi":
        return inspection_columns(lang), inspection_rows(lists.inspections(f, drill, bands), lang)
    if kind == "temuan":
        return finding_columns(lang), finding_rows(lists.findings(f, drill, bands), lang, today)
    return sanction_columns(lang), sanction_rows(lists.sanctions(f, drill, today), lang, today)


def record_export(user: User, kind: str, fmt: str, arguments: dict) -> None:
    """Every export is in the audit log with who asked and what for; commit."""
    audit.record("export", user=user, object_type=kind, format=fmt, filter=arguments)
    db.session.commit()
