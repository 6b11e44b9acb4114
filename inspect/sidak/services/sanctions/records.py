"""Reading sanctions and actions back: an office's history, an inspection's sanction."""

from datetime import date

from sqlalchemy import select

from sidak.domain.sanctions import Ladder, PastViolation
from sidak.domain.sanctions.lifecycle import ACTION_CLOSED, SanctionState
from sidak.models import CorrectiveAction, Inspection, Sanction, db
from sidak.services.reports.letterhead import local_time


def visit_day(inspection: Inspection) -> date:
    """The day of the visit in the city's calendar: repeats are counted between visits."""
    return local_time(inspection.started_at).date()


def sanctions_of(inspection: Inspection) -> list[Sanction]:
    """The inspection's sanctions, oldest first (an escalation adds the next one)."""
    query = select(Sanction).where(Sanction.inspection_id == inspection.id).order_by(Sanction.id)
    return list(db.session.scalars(query))


def active_sanction(inspection: Inspection) -> Sanction | None:
    """The newest of the inspection's sanctions: the one that is in force or pending."""
    found = sanctions_of(inspection)
    return found[-1] if found else None


def history(ladder: Ladder, inspection: Inspection) -> list[PastViolation]:
    """The office's earlier violations, one per inspection, at the highest level reached."""
    query = (
        select(Sanction)
        .join(Inspection, Sanction.inspection_id == Inspection.id)
        .where(Sanction.office_id == inspection.office_id, Sanction.inspection_id != inspection.id)
        .order_by(Sanction.id)
    )
    by_inspection: dict[int, list[Sanction]] = {}
    for sanction in db.session.scalars(query):
        if sanction.inspection.superseded_by is not None:
            continue  # a corrected record counts through its correction
        by_inspection.setdefault(sanction.inspection_id, []).append(sanction)
    past = []
    for sanctions in by_inspection.values():
        standing = [s for s in sanctions if s.status != SanctionState.WAIVED]
        levels = [s.level for s in standing if ladder.has_level(s.level)]
        highest = max(levels, key=ladder.index) if levels else None
        past.append(PastViolation(visit_day(sanctions[0].inspection), highest, waived=not standing))
    return past


def actions_of(inspection: Inspection) -> list[CorrectiveAction]:
    query = (
        select(CorrectiveAction)
        .where(CorrectiveAction.inspection_id == inspection.id)
        .order_by(CorrectiveAction.id)
    )
    return list(db.session.scalars(query))


def unsettled_actions(office_id: int, *, besides: int | None = None) -> list[CorrectiveAction]:
    """The office's actions that are not verified or withdrawn, oldest deadline first."""
    query = select(CorrectiveAction).where(
        CorrectiveAction.office_id == office_id,
        CorrectiveAction.status.not_in([str(s) for s in ACTION_CLOSED]),
    )
    if besides is not None:
        query = query.where(CorrectiveAction.inspection_id != besides)
    return list(db.session.scalars(query.order_by(CorrectiveAction.due_date, CorrectiveAction.id)))
