"""The public check behind a report's QR code: is this document on record, and unchanged?"""

from dataclasses import dataclass
from datetime import datetime

from sidak.domain.documents import normalize_code
from sidak.domain.text import Text
from sidak.models import Inspection, InspectionStatus
from sidak.services.checklists import checklist_of
from sidak.services.inspections.verification import check_record
from sidak.services.reports.identity import by_verification_code


@dataclass(frozen=True)
class Verification:
    """Only what the public page shows: nothing about answers, notes or people."""

    number: str
    office: str
    inspected_at: datetime
    grade: Text | None
    grade_color: str | None
    unchanged: bool
    #: the number of the correction that replaced this document, if any
    replaced_by: str | None


def verify_code(typed: str) -> Verification | None:
    """The verification for a code as typed or scanned; None for an unknown code."""
    code = normalize_code(typed)
    inspection = by_verification_code(code) if code else None
    if inspection is None or inspection.status != InspectionStatus.FINALIZED:
        return None
    grade = _grade(inspection)
    successor = inspection.superseded_by
    return Verification(
        number=inspection.report_number or "",
        office=inspection.office.name,
        inspected_at=inspection.started_at,
        grade=grade.label if grade else None,
        grade_color=grade.color if grade else None,
        unchanged=not check_record(inspection),
        replaced_by=(successor.report_number or "") if successor else None,
    )


def _grade(inspection: Inspection):
    checklist = checklist_of(inspection.checklist_version)
    return next((band for band in checklist.grades if band.id == inspection.grade_id), None)
