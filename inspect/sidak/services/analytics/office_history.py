"""One office over time: its inspections, score trend, recurring findings, sanctions, replies."""

from dataclasses import dataclass
from datetime import date

from sqlalchemy import Integer, cast, func, select
from sqlalchemy.orm import selectinload

from sidak.domain.analytics import Tally
from sidak.domain.text import Text
from sidak.models import (
    ActionReply,
    ChecklistRecord,
    ChecklistVersion,
    CorrectiveAction,
    Inspection,
    InspectionFinding,
    InspectionSummary,
    Office,
    OfficeMonth,
    Sanction,
    db,
)
from sidak.services.analytics.sums import rollup_sums, tally_of
from sidak.services.checklists import checklist_of
from sidak.services.sanctions.ladder import city_today
from sidak.services.sanctions.pages import SanctionRow, sanction_row

S = InspectionSummary
#: an item failed this often (in the office's current records) is a recurring finding
RECURRING = 2


@dataclass(frozen=True)
class Recurring:
    item_id: str
    question: Text
    category: str
    critical: bool
    times: int
    last_on: date


@dataclass(frozen=True)
class MonthPoint:
    month: date
    tally: Tally


@dataclass(frozen=True)
class OfficeHistory:
    office: Office
    total: Tally
    months: list[MonthPoint]  #: every month from the first inspection to now
    recurring: list[Recurring]
    sanctions: list[SanctionRow]
    replies: list[ActionReply]
    open_actions: int


def timeline(office: Office):
    """The office's current records, newest first (a query to page through)."""
    return (
        select(S, Inspection)
        .join(Inspection, Inspection.id == S.inspection_id)
        .where(S.office_id == office.id, S.current.is_(True))
        .order_by(S.started_on.desc(), S.inspection_id.desc())
    )


def history(office: Office) -> OfficeHistory:
    months = _months(office)
    total = Tally()
    for point in months:
        total.add(point.tally)
    today = city_today()
    sanctions = db.session.scalars(
        select(Sanction)
        .options(selectinload(Sanction.inspection))
        .where(Sanction.office_id == office.id)
        .order_by(Sanction.proposed_at.desc(), Sanction.id.desc())
        .limit(50)
    )
    replies = db.session.scalars(
        select(ActionReply)
        .join(CorrectiveAction, CorrectiveAction.id == ActionReply.action_id)
        .options(selectinload(ActionReply.action), selectinload(ActionReply.created_by))
        .where(CorrectiveAction.office_id == office.id)
        .order_by(ActionReply.created_at.desc(), ActionReply.id.desc())
        .limit(30)
    )
    open_actions = db.session.scalar(
        select(func.count())
        .select_from(CorrectiveAction)
        .where(
            CorrectiveAction.office_id == office.id,
            CorrectiveAction.status.in_(("open", "overdue", "replied", "objected")),
        )
    )
    return OfficeHistory(
        office=office,
        total=total,
        months=months,
        recurring=recurring_findings(office),
        sanctions=[sanction_row(s, today) for s in sanctions],
        replies=list(replies),
        open_actions=open_actions or 0,
    )


def _months(office: Office) -> list[MonthPoint]:
    query = (
        select(OfficeMonth.month, *rollup_sums(categories=False))
        .where(OfficeMonth.office_id == office.id)
        .group_by(OfficeMonth.month)
        .order_by(OfficeMonth.month)
    )
    found = {row.month: tally_of(row) for row in db.session.execute(query)}
    if not found:
        return []
    points, month = [], min(found)
    last = city_today().replace(day=1)
    while month <= last:
        points.append(MonthPoint(month, found.get(month, Tally())))
        month = date(month.year + month.month // 12, month.month % 12 + 1, 1)
    return points


def recurring_findings(office: Office, limit: int = 15) -> list[Recurring]:
    """Items failed in at least two of the office's current records, most often first."""
    F = InspectionFinding
    query = (
        select(
            F.item_id,
            func.max(F.category),
            func.max(cast(F.critical, Integer)),
            func.count(),
            func.max(S.started_on),
        )
        .join(S, S.inspection_id == F.inspection_id)
        .where(F.office_id == office.id, S.current.is_(True))
        .group_by(F.item_id)
        .having(func.count() >= RECURRING)
        .order_by(func.count().desc(), func.max(S.started_on).desc(), F.item_id)
        .limit(limit)
    )
    rows = db.session.execute(query).all()
    questions = _questions({row[0] for row in rows})
    return [
        Recurring(item, questions.get(item, Text(item)), category, bool(critical), times, last)
        for item, category, critical, times, last in rows
    ]


def _questions(item_ids: set[str]) -> dict[str, Text]:
    """Each item's question as the current version of its checklist words it."""
    if not item_ids:
        return {}
    versions = db.session.scalars(
        select(ChecklistVersion).join(
            ChecklistRecord, ChecklistRecord.current_version_id == ChecklistVersion.id
        )
    )
    found: dict[str, Text] = {}
    for version in versions:
        for item in checklist_of(version).items:
            if item.id in item_ids:
                found.setdefault(item.id, item.question)
    return found
