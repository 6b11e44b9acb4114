"""What the sanction pages and the office portal show, with states as of today."""

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from sidak.domain.sanctions.lifecycle import (
    ACTION_CLOSED,
    SANCTION_CLOSED,
    ActionState,
    SanctionState,
    action_state,
    sanction_state,
)
from sidak.models import (
    ActionReply,
    CorrectiveAction,
    FollowUp,
    FollowUpStatus,
    Inspection,
    InspectionStatus,
    Office,
    Photo,
    Sanction,
    db,
)
from sidak.services.sanctions.ladder import city_today, current_ladder
from sidak.services.sanctions.records import actions_of

#: the order a city user works through: decisions waiting first, then what is late
_STATE_ORDER = {
    SanctionState.PROPOSED: 0,
    SanctionState.OVERDUE: 1,
    SanctionState.ISSUED: 2,
    SanctionState.CORRECTED: 3,
}


@dataclass(frozen=True)
class SanctionRow:
    sanction: Sanction
    state: SanctionState
    today: date

    @property
    def days_left(self) -> int | None:
        """Days to the deadline (negative: past it), while the office still owes it."""
        due = self.sanction.due_date
        if due is None or self.state not in (SanctionState.ISSUED, SanctionState.OVERDUE):
            return None
        return (due - self.today).days


@dataclass(frozen=True)
class ActionRow:
    action: CorrectiveAction
    state: ActionState
    today: date

    @property
    def days_left(self) -> int | None:
        """Days to the deadline (negative: past it), while the office still owes it."""
        if self.state not in (ActionState.OPEN, ActionState.OVERDUE):
            return None
        return (self.action.due_date - self.today).days


def sanction_row(sanction: Sanction, today: date | None = None) -> SanctionRow:
    today = today or city_today()
    return SanctionRow(sanction, sanction_state(sanction.status, sanction.due_date, today), today)


def action_row(action: CorrectiveAction, today: date | None = None) -> ActionRow:
    today = today or city_today()
    return ActionRow(action, action_state(action.status, action.due_date, today), today)


def sanction_list(state: str = "") -> list[SanctionRow]:
    """Sanctions for the city's list, in working order; `state` filters on the effective
    state (``closed``: verified, escalated and waived; nothing: every open one)."""
    query = select(Sanction).options(
        selectinload(Sanction.office), selectinload(Sanction.inspection)
    )
    closed = [str(s) for s in SANCTION_CLOSED]
    if state == "closed":
        query = query.where(Sanction.status.in_(closed))
    elif state in (SanctionState.ISSUED, SanctionState.OVERDUE):
        # an issued sanction past its deadline is overdue before the tick stores it
        query = query.where(Sanction.status.in_([SanctionState.ISSUED, SanctionState.OVERDUE]))
    elif state:
        query = query.where(Sanction.status == state)
    else:
        query = query.where(Sanction.status.not_in(closed))
    today = city_today()
    rows = [sanction_row(s, today) for s in db.session.scalars(query.limit(500))]
    if state in (SanctionState.ISSUED, SanctionState.OVERDUE):
        rows = [r for r in rows if r.state == state]
    return sorted(
        rows,
        key=lambda r: (
            _STATE_ORDER.get(r.state, 9),
            r.sanction.due_date or date.max,
            -r.sanction.id,
        ),
    )


def state_counts() -> dict[str, int]:
    """How many open sanctions are in each effective state (for the list's tabs)."""
    counts: dict[str, int] = {}
    for row in sanction_list():
        counts[row.state] = counts.get(row.state, 0) + 1
    return counts


def sanction_page(sanction: Sanction) -> dict:
    today = city_today()
    ladder = current_ladder()
    chain = []
    earlier = sanction.escalated_from
    while earlier is not None:
        chain.append(earlier)
        earlier = earlier.escalated_from
    return {
        "sanction": sanction,
        "row": sanction_row(sanction, today),
        "actions": [action_row(a, today) for a in actions_of(sanction.inspection)],
        "levels": list(ladder.levels) if ladder else [],
        "chain": chain,
        "follow_up": follow_up_of(sanction.inspection),
    }


def follow_up_of(inspection: Inspection) -> FollowUp | None:
    return db.session.scalar(select(FollowUp).where(FollowUp.source_id == inspection.id))


def before_photos(action: CorrectiveAction) -> list[Photo]:
    """The photos the team took of the finding when it found it."""
    return [p for p in action.inspection.photos if p.item_id == action.item_id]


def pending_replies() -> list[ActionReply]:
    """Replies the city has not judged yet, oldest first."""
    query = (
        select(ActionReply)
        .options(selectinload(ActionReply.action).selectinload(CorrectiveAction.office))
        .where(ActionReply.verdict.is_(None))
        .order_by(ActionReply.id)
    )
    return list(db.session.scalars(query))


def office_overview(office: Office) -> dict:
    """The office head's portal: sanctions, open actions, the next visit, the records."""
    today = city_today()
    sanctions = db.session.scalars(
        select(Sanction)
        .where(Sanction.office_id == office.id, Sanction.status != SanctionState.PROPOSED)
        .order_by(Sanction.id.desc())
        .limit(20)
    )
    open_actions = db.session.scalars(
        select(CorrectiveAction)
        .options(selectinload(CorrectiveAction.inspection))
        .where(
            CorrectiveAction.office_id == office.id,
            CorrectiveAction.status.not_in([str(s) for s in ACTION_CLOSED]),
        )
        .order_by(CorrectiveAction.due_date, CorrectiveAction.id)
    )
    inspections = db.session.scalars(
        select(Inspection)
        .where(Inspection.office_id == office.id, Inspection.status != InspectionStatus.DRAFT)
        .order_by(Inspection.submitted_at.desc())
        .limit(20)
    )
    visit = db.session.scalar(
        select(FollowUp)
        .where(FollowUp.office_id == office.id, FollowUp.status == FollowUpStatus.SCHEDULED)
        .order_by(FollowUp.due_date)
        .limit(1)
    )
    return {
        "office": office,
        "sanctions": [sanction_row(s, today) for s in sanctions],
        "actions": [action_row(a, today) for a in open_actions],
        "inspections": list(inspections),
        "visit": visit,
        "today": today,
    }
