"""``sidak tick``: what happens because time passed. Safe to run as often as cron likes:
a second run on the same day finds nothing left to do and changes nothing.

1. Open actions past their deadline become overdue; the office is told once per deadline.
2. Issued sanctions past their deadline become overdue and, where the ladder says so,
   escalate: the sanction is closed as escalated and the next level is proposed.
3. Deadlines three days away (actions and sanctions) are announced once.
4. Follow-up visits due within three days are announced to inspectors once.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta

from sqlalchemy import select

from sidak.domain.sanctions import Proposal, escalation_of
from sidak.domain.sanctions.lifecycle import ACTION_CLOSED, ActionState, SanctionState
from sidak.domain.text import Text
from sidak.models import (
    CorrectiveAction,
    Role,
    Sanction,
    User,
    db,
    utcnow,
)
from sidak.services import audit, links, notifications
from sidak.services.sanctions.followups import due_visits
from sidak.services.sanctions.ladder import city_today, current_ladder
from sidak.services.sanctions.proposals import new_sanction
from sidak.services.sanctions.records import actions_of

REMIND_DAYS = 3


@dataclass
class TickReport:
    today: date
    actions_overdue: int = 0
    sanctions_overdue: int = 0
    escalated: list[str] = field(default_factory=list)
    reminders: int = 0

    @property
    def changed(self) -> bool:
        return bool(self.actions_overdue or self.sanctions_overdue or self.escalated)


def tick(today: date | None = None) -> TickReport:
    """Bring every stored state up to `today` (the city's date); commits."""
    report = TickReport(today or city_today())
    _overdue_actions(report)
    _overdue_sanctions(report)
    _reminders(report)
    db.session.commit()
    return report


def _overdue_actions(report: TickReport) -> None:
    query = select(CorrectiveAction).where(
        CorrectiveAction.status == ActionState.OPEN, CorrectiveAction.due_date < report.today
    )
    by_office: dict[tuple, list[CorrectiveAction]] = defaultdict(list)
    for action in db.session.scalars(query.order_by(CorrectiveAction.id)):
        action.status = ActionState.OVERDUE
        audit.record("action.overdue", object_type="action", object_id=action.id)
        report.actions_overdue += 1
        by_office[(action.office_id, action.due_date)].append(action)
    report.reminders += _tell_offices(by_office, "deadline.passed")


def _overdue_sanctions(report: TickReport) -> None:
    ladder = current_ladder()
    query = select(Sanction).where(
        Sanction.status.in_([SanctionState.ISSUED, SanctionState.OVERDUE]),
        Sanction.due_date < report.today,
    )
    for sanction in db.session.scalars(query.order_by(Sanction.id)):
        if sanction.status == SanctionState.ISSUED:
            sanction.status = SanctionState.OVERDUE
            audit.record("sanction.overdue", object_type="sanction", object_id=sanction.id)
            report.sanctions_overdue += 1
            report.reminders += _tell_office(sanction, "deadline.passed")
        following = _next_level(ladder, sanction)
        if following is None:
            continue  # the top of the ladder: it stays overdue until corrected
        sanction.status = SanctionState.ESCALATED
        sanction.closed_at = utcnow()
        reason = Text(
            f"batas perbaikan sanksi {sanction.number} ({sanction.level_name}) terlewati",
            f"the deadline of sanction {sanction.number} ({sanction.level_name_en}) passed",
        )
        proposal = Proposal(following, sanction.ordinal, (reason,))
        successor = new_sanction(ladder, sanction.inspection, proposal, escalated_from=sanction)
        audit.record(
            "sanction.escalate",
            object_type="sanction",
            object_id=sanction.id,
            to=successor.id,
            level=following.id,
        )
        report.escalated.append(f"{sanction.office.name}: {sanction.level} -> {following.id}")
        params = {
            "office": sanction.office.name,
            "level": sanction.level_name,
            "next_level": successor.level_name,
        }
        link = links.path("sanctions.detail", sanction_id=successor.id)
        notifications.notify(notifications.city_recipients(), "sanction.escalated", params, link)
        notifications.notify(
            notifications.office_recipients(sanction.office),
            "sanction.escalated",
            params,
            links.path("portal.index"),
        )


def _next_level(ladder, sanction: Sanction):
    if ladder is None or not ladder.has_level(sanction.level):
        return None
    return escalation_of(ladder, sanction.level)


def _reminders(report: TickReport) -> None:
    horizon = report.today + timedelta(days=REMIND_DAYS)
    soon: dict[tuple, list] = defaultdict(list)
    actions = select(CorrectiveAction).where(
        CorrectiveAction.status == ActionState.OPEN,
        CorrectiveAction.due_date >= report.today,
        CorrectiveAction.due_date <= horizon,
    )
    for action in db.session.scalars(actions):
        soon[(action.office_id, action.due_date)].append(action)
    report.reminders += _tell_offices(soon, "deadline.soon")
    sanctions = select(Sanction).where(
        Sanction.status == SanctionState.ISSUED,
        Sanction.due_date >= report.today,
        Sanction.due_date <= horizon,
    )
    for sanction in db.session.scalars(sanctions):
        report.reminders += _tell_office(sanction, "deadline.soon")
    visits = [v.follow_up for v in due_visits(limit=1000) if v.follow_up.due_date <= horizon]
    inspectors = list(
        db.session.scalars(select(User).where(User.role == Role.INSPECTOR, User.active.is_(True)))
    )
    for visit in visits:
        report.reminders += len(
            notifications.notify(
                inspectors,
                "followup.due",
                {"office": visit.office.name, "due": visit.due_date.isoformat()},
                links.path("inspections.index"),
                once_key=f"followup.due:{visit.id}:{visit.due_date.isoformat()}",
            )
        )


def _tell_offices(groups: dict[tuple, list[CorrectiveAction]], kind: str) -> int:
    """One notice per office and deadline (once ever) for its actions due that day."""
    told = 0
    for (office_id, due), actions in groups.items():
        office = actions[0].office
        told += len(
            notifications.notify(
                notifications.office_recipients(office),
                kind,
                {"office": office.name, "count": len(actions), "due": due.isoformat()},
                links.path("portal.index"),
                once_key=f"{kind}:{office_id}:{due.isoformat()}",
            )
        )
    return told


def _tell_office(sanction: Sanction, kind: str) -> int:
    """A sanction's deadline notice to its office, once per sanction and kind."""
    pending = [a for a in actions_of(sanction.inspection) if a.status not in ACTION_CLOSED]
    params = {
        "office": sanction.office.name,
        "count": len(pending),
        "due": sanction.due_date.isoformat(),
    }
    return len(
        notifications.notify(
            notifications.office_recipients(sanction.office),
            kind,
            params,
            links.path("portal.index"),
            once_key=f"{kind}:sanction:{sanction.id}",
        )
    )
