"""Finalized reports are rendered once and kept; drafts and submitted ones render fresh.

A finalized report also shows the inspection's sanction, which moves on after finalizing
(proposed, then issued or waived, ...). The stored row's `revision` says what it showed; a
download that finds another revision renders again and points the row at the new file.
"""

import hashlib
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from sidak.models import Inspection, InspectionStatus, ReportKind, StoredReport, db
from sidak.services.inspections.evidence import file_store
from sidak.services.reports import inspection as inspection_report
from sidak.services.reports.identity import assign_identity
from sidak.services.reports.sanction_status import report_revision


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
    revision = report_revision(inspection)
    stored = stored_report(inspection)
    if stored is None:
        stored = store_report(inspection, revision)
    elif stored.revision != revision:
        stored = rerender_report(inspection, stored, revision)
    return ReportFile(filename_for(inspection), stored.sha256, key=stored.storage_key)


def stored_report(inspection: Inspection, language: str | None = None) -> StoredReport | None:
    language = language or inspection_report.report_language(inspection)
    return db.session.scalar(
        select(StoredReport).where(
            StoredReport.inspection_id == inspection.id, StoredReport.language == language
        )
    )


def store_report(inspection: Inspection, revision: str = "") -> StoredReport:
    """Render a finalized inspection's report, keep the file and its hash; commit.

    Two first downloads at once both render; the second to commit finds the first's row
    and uses it (its own file is removed).
    """
    if not inspection.report_number:  # finalized before reports were numbered
        assign_identity(inspection)
        db.session.commit()
    language = inspection_report.report_language(inspection)
    report = StoredReport(
        kind=ReportKind.INSPECTION, inspection_id=inspection.id, language=language
    )
    key = _render_into(report, inspection, revision)
    db.session.add(report)
    try:
        db.session.commit()
    except IntegrityError:
        db.session.rollback()
        file_store().delete(key)
        existing = stored_report(inspection, language)
        if existing is None:
            raise
        return existing
    return report


def rerender_report(inspection: Inspection, report: StoredReport, revision: str) -> StoredReport:
    """Render the report again because what it shows changed; the row points at the new file.

    The old file stays in storage (files are never deleted). Two downloads at once may both
    render; the last to commit wins, and either file is a correct report.
    """
    _render_into(report, inspection, revision)
    db.session.commit()
    return report


def _render_into(report: StoredReport, inspection: Inspection, revision: str) -> str:
    """Render in the row's language, save the file and describe it in the row; its key."""
    rendered = inspection_report.render(inspection, report.language)
    key = file_store().save(rendered.data, "pdf")
    report.storage_key = key
    report.sha256 = hashlib.sha256(rendered.data).hexdigest()
    report.size_bytes = len(rendered.data)
    report.pages = rendered.pages
    report.render_ms = rendered.milliseconds
    report.revision = revision
    return key
