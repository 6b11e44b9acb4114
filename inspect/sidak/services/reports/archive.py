"""Finalized reports are rendered once and kept; drafts and submitted ones render fresh."""

import hashlib
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from sidak.models import Inspection, InspectionStatus, ReportKind, StoredReport, db
from sidak.services.inspections.evidence import file_store
from sidak.services.reports import inspection as inspection_report
from sidak.services.reports.identity import assign_identity


@dataclass(frozen=True)
class ReportFile:
    """A PDF to send: stored (`key` set) or freshly rendered (`data` set)."""

    filename: str
    sha256: str
    key: str | None = None
    data: bytes | None = None


def filename_for(inspection: Inspection) -> str:
    number = inspection.report_number or f"draf-{inspection.uuid[:8]}"
    safe = "".join(c if c.isalnum() else "-" for c in number).strip("-")
    return f"berita-acara-{safe}.pdf"


def inspection_report_file(inspection: Inspection) -> ReportFile:
    """The report to download: the stored one if there is one, else rendered (and kept if final)."""
    if inspection.status != InspectionStatus.FINALIZED:
        rendered = inspection_report.render(inspection)
        digest = hashlib.sha256(rendered.data).hexdigest()
        return ReportFile(filename_for(inspection), digest, data=rendered.data)
    stored = stored_report(inspection) or store_report(inspection)
    return ReportFile(filename_for(inspection), stored.sha256, key=stored.storage_key)


def stored_report(inspection: Inspection, language: str | None = None) -> StoredReport | None:
    language = language or inspection_report.report_language(inspection)
    return db.session.scalar(
        select(StoredReport).where(
            StoredReport.inspection_id == inspection.id, StoredReport.language == language
        )
    )


def store_report(inspection: Inspection) -> StoredReport:
    """Render a finalized inspection's report, keep the file and its hash; commit.

    Two first downloads at once both render; the second to commit finds the first's row
    and uses it (its own file is removed).
    """
    if not inspection.report_number:  # finalized before reports were numbered
        assign_identity(inspection)
        db.session.commit()
    language = inspection_report.report_language(inspection)
    rendered = inspection_report.render(inspection, language)
    store = file_store()
    key = store.save(rendered.data, "pdf")
    report = StoredReport(
        kind=ReportKind.INSPECTION,
        inspection_id=inspection.id,
        language=language,
        storage_key=key,
        sha256=hashlib.sha256(rendered.data).hexdigest(),
        size_bytes=len(rendered.data),
        pages=rendered.pages,
        render_ms=rendered.milliseconds,
    )
    db.session.add(report)
    try:
        db.session.commit()
    except IntegrityError:
        db.session.rollback()
        store.delete(key)
        existing = stored_report(inspection, language)
        if existing is None:
            raise
        return existing
    return report
