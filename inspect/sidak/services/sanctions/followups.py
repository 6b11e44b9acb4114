"""Follow-up visits: scheduled when findings get deadlines, pre-loaded into the next
inspection of the office, and closing the findings the inspector saw corrected.
"""

from dataclasses import dataclass
from datetime import date

from flask_babel import gettext as _
from sqlalchemy import func, select
from sqlalchemy.orm import selectinload

from sidak.domain.documents import add_working_days
from sidak.domain.sanctions import Ladder
from sidak.domain.sanctions.lifecycle import (
    ACTION_CLOSED,
    ActionState,
    sanction_after_actions,
)
from sidak.models import (
    CheckResult,
    CorrectiveAction,
    FollowUp,
    FollowUpCheck,
    FollowUpStatus,
    Inspection,
    User,
    db,
    utcnow,
)
from sidak.services import audit
from sidak.services.inspections.errors import InspectionError, NotAllowed, NotFound
from sidak.services.permissions import can_decide_sanctions, can_edit_draft
from sidak.services.sanctions.records import actions_of, sanctions_of, unsettled_actions

FALLBACK_FOLLOW_UP = 10


def preload(inspection: Inspection) -> list[FollowUpCheck]:
    """Put the office's unsettled findings on a new inspection for the team to check."""
    checks = [
        FollowUpCheck(inspection=inspection, action_id=action.id)
        for action in unsettled_actions(inspection.office_id, besides=inspection.id)
    ]
    db.session.add_all(checks)
    return checks


def mark(
    user: User, inspection: Inspection, action_id: int, result: str | None, note: str = ""
) -> FollowUpCheck:
    """Record the team's verdict on one earlier finding (None clears it); no commit."""
    if not can_edit_draft(user, inspection):
        raise NotAllowed(_("Inspeksi ini tidak dapat diubah oleh Anda."))
    check = next((c for c in inspection.follow_up_checks if c.action_id == action_id), None)
    if check is None:
        raise NotFound(_("Temuan sebelumnya ini tidak ada pada inspeksi ini."))
    if result not in (None, CheckResult.CORRECTED, CheckResult.OPEN):
        raise InspectionError(_("Pilih: sudah diperbaiki atau belum."))
    note = (note or "").strip()[:2000]
    if (check.result, check.note) != (result, note):
        check.result, check.note, check.updated_by_id = result, note, user.id
        audit.record(
            "followup.mark",
            user=user,
            object_type="inspection",
            object_id=inspection.uuid,
            finding=action_id,
            result=result,
        )
    return check


def unmarked(inspection: Inspection) -> list[FollowUpCheck]:
    return [c for c in inspection.follow_up_checks if c.result is None]


def schedule(source: Inspection, last_due: date, ladder: Ladder | None) -> FollowUp:
    """The follow-up visit for `source`'s findings: working days after the last deadline."""
    days = ladder.follow_up_days if ladder else FALLBACK_FOLLOW_UP
    follow_up = db.session.scalar(select(FollowUp).where(FollowUp.source_id == source.id))
    if follow_up is None:
        follow_up = FollowUp(office_id=source.office_id, source=source)
        db.session.add(follow_up)
    follow_up.due_date = add_working_days(last_due, days)
    follow_up.status = FollowUpStatus.SCHEDULED
    return follow_up


def apply_checks(user: User, inspection: Inspection, day: date, ladder: Ladder | None) -> None:
    """At finalization: corrected findings close, open ones stay; follow-ups are done or moved."""
    sources: dict[int, Inspection] = {}
    for check in inspection.follow_up_checks:
        action = check.action
        if check.result is None or ActionState(action.status) in ACTION_CLOSED:
            continue
        sources[action.inspection_id] = action.inspection
        if check.result == CheckResult.CORRECTED:
            action.status = ActionState.VERIFIED
            action.closed_at = utcnow()
            action.verified_by_id = inspection.id
        elif action.status in (ActionState.CORRECTED, ActionState.REPLIED):
            action.status = ActionState.OPEN  # the team saw it is not corrected after all
        audit.record(
            "action.verify" if check.result == CheckResult.CORRECTED else "action.still_open",
            user=user,
            object_type="action",
            object_id=action.id,
            inspection=inspection.uuid,
        )
    for source in sources.values():
        refresh_sanction(source)
        _settle_follow_up(source, inspection, day, ladder)


def refresh_sanction(source: Inspection) -> None:
    """Move the inspection's sanction along with its actions (corrected, then verified)."""
    found = sanctions_of(source)
    if not found:
        return
    sanction = found[-1]
    after = sanction_after_actions(sanction.status, [a.status for a in actions_of(source)])
    if after != sanction.status:
        audit.record(
            "sanction.state",
            object_type="sanction",
            object_id=sanction.id,
            before=sanction.status,
            after=str(after),
        )
        sanction.status = after
        if after == "verified":
            sanction.closed_at = utcnow()


def _settle_follow_up(source: Inspection, visit: Inspection, day: date, ladder) -> None:
    follow_up = db.session.scalar(select(FollowUp).where(FollowUp.source_id == source.id))
    if follow_up is None:
        return
    still_open = [a for a in actions_of(source) if ActionState(a.status) not in ACTION_CLOSED]
    if still_open:
        days = ladder.follow_up_days if ladder else FALLBACK_FOLLOW_UP
        follow_up.due_date = add_working_days(day, days)
        follow_up.status = FollowUpStatus.SCHEDULED
    else:
        follow_up.status = FollowUpStatus.DONE
        follow_up.done_by_id = visit.id


def reschedule(user: User, follow_up: FollowUp, due: date, reason: str) -> FollowUp:
    """A city user moves a follow-up visit, with a reason; commits."""
    if not can_decide_sanctions(user):
        raise NotAllowed(_("Hanya pemerintah kota yang dapat mengubah jadwal inspeksi lanjutan."))
    if follow_up.status != FollowUpStatus.SCHEDULED:
        raise InspectionError(_("Inspeksi lanjutan ini sudah dilakukan."))
    if not reason.strip():
        raise InspectionError(_("Tulis alasan perubahan jadwal."))
    audit.record(
        "followup.reschedule",
        user=user,
        object_type="followup",
        object_id=follow_up.id,
        before=follow_up.due_date.isoformat(),
        after=due.isoformat(),
        reason=reason.strip(),
    )
    follow_up.due_date = due
    db.session.commit()
    return follow_up


@dataclass(frozen=True)
class DueVisit:
    follow_up: FollowUp
    open_findings: int


def due_visits(limit: int = 50) -> list[DueVisit]:
    """Scheduled follow-up visits, the soonest first, with their number of open findings."""
    open_count = (
        select(func.count(CorrectiveAction.id))
        .where(
            CorrectiveAction.inspection_id == FollowUp.source_id,
            CorrectiveAction.status.not_in([str(s) for s in ACTION_CLOSED]),
        )
        .scalar_subquery()
    )
    query = (
        select(FollowUp, open_count)
        .options(selectinload(FollowUp.office), selectinload(FollowUp.source))
        .where(FollowUp.status == FollowUpStatus.SCHEDULED, open_count > 0)
        .order_by(FollowUp.due_date, FollowUp.id)
        .limit(limit)
    )
    return [DueVisit(f, n) for f, n in db.session.execute(query)]


def visits_by_office(limit: int = 50) -> list[DueVisit]:
    """One entry per office (its soonest visit), with all its open findings counted."""
    by_office: dict[int, DueVisit] = {}
    for visit in due_visits(limit=limit * 4):
        office = visit.follow_up.office_id
        if office in by_office:
            earlier = by_office[office]
            by_office[office] = DueVisit(
                earlier.follow_up, earlier.open_findings + visit.open_findings
            )
        else:
            by_office[office] = visit
    return list(by_office.values())[:limit]


def settle_if_closed(source: Inspection) -> None:
    """A follow-up visit is no longer needed once every finding of its source is settled."""
    if any(ActionState(a.status) not in ACTION_CLOSED for a in actions_of(source)):
        return
    follow_up = db.session.scalar(select(FollowUp).where(FollowUp.source_id == source.id))
    if follow_up is not None and follow_up.status == FollowUpStatus.SCHEDULED:
        follow_up.status = FollowUpStatus.DONE
