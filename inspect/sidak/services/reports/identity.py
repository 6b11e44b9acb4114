"""A finalized inspection's document number and verification code, each given once."""

from flask import current_app
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from sidak.domain.documents import (
    DEFAULT_NUMBER_PATTERN,
    new_verification_code,
    report_number,
)
from sidak.models import Inspection, db, utcnow
from sidak.services.reports.letterhead import local_time

ATTEMPTS = 5


def assign_identity(inspection: Inspection) -> None:
    """Give a finalized inspection its number (next in its year) and code; flush, no commit.

    Two finalizations at the same moment may pick the same number: the unique constraint
    refuses the second, which takes the next number inside its own savepoint.
    """
    if inspection.report_number and inspection.verification_code:
        return
    local = local_time(inspection.finalized_at or utcnow())
    pattern = current_app.config.get("REPORT_NUMBER_PATTERN") or DEFAULT_NUMBER_PATTERN
    sequence = 0
    for attempt in range(ATTEMPTS):
        with db.session.no_autoflush:  # a clashing number stays pending after its rollback
            last = db.session.scalar(
                select(func.max(Inspection.report_sequence)).where(
                    Inspection.report_year == local.year
                )
            )
        # after a clash, move past the number that clashed even if no row holds its sequence
        sequence = max((last or 0) + 1, sequence + 1)
        try:
            with db.session.begin_nested():
                inspection.report_year = local.year
                inspection.report_sequence = sequence
                inspection.report_number = report_number(pattern, sequence, local.year, local.month)
                inspection.verification_code = new_verification_code()
                db.session.flush()
            return
        except IntegrityError:
            if attempt == ATTEMPTS - 1:
                raise


def by_verification_code(code: str) -> Inspection | None:
    return db.session.scalar(select(Inspection).where(Inspection.verification_code == code))
