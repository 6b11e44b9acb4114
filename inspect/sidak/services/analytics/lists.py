"""The lists behind every number of the dashboard, and what the exports stream.

Each list takes the dashboard's filter and a `Drill` (which office, band, state, age ...)
and returns a query, so a page shows it one page at a time and an export streams it whole.
"""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from sqlalchemy import ColumnElement, Select, and_, or_, select

from sidak.domain.analytics import panels
from sidak.domain.analytics.filters import DashboardFilter
from sidak.domain.bands import Band
from sidak.domain.categories import CATEGORIES
from sidak.domain.sanctions.lifecycle import ActionState, SanctionState
from sidak.models import (
    CorrectiveAction,
    Inspection,
    InspectionFinding,
    InspectionSummary,
    Office,
    Sanction,
)
from sidak.models.analytics import category_column
from sidak.services.analytics.queries import record_conditions, summary_conditions
from sidak.services.reports.letterhead import city_zone

S = InspectionSummary


@dataclass(frozen=True)
class Drill:
    """What a number on the dashboard counted, beyond the filter."""

    office_id: int | None = None
    band: str | None = None  #: a band id: the score (or the category's score) in that band
    violation: bool = False
    critical: bool = False  #: with a failed critical item
    category: str | None = None  #: inspections that scored this category, worst first
    state: str | None = None  #: a sanction's or an action's effective state
    age: int | None = None  #: an index into `panels.AGE_GROUPS`


def _band_condition(column, band_id: str, bands: tuple[Band, ...]) -> ColumnElement | None:
    """`column` (tenths) inside the band; None for an unknown band."""
    ids = [band.id for band in bands]
    if band_id not in ids:
        return None
    index = ids.index(band_id)
    low = int(bands[index].minimum * 10)
    condition = column >= low
    if index > 0:
        condition = and_(condition, column < int(bands[index - 1].minimum * 10))
    return condition


def inspections(f: DashboardFilter, drill: Drill, bands: tuple[Band, ...]) -> Select:
    """Current summaries with their inspection and office, newest first (a category drill:
    the category's worst first)."""
    query = (
        select(S, Inspection, Office)
        .join(Inspection, Inspection.id == S.inspection_id)
        .join(Office, Office.id == S.office_id)
        .where(*summary_conditions(f, f.date_from, f.date_to))
    )
    if drill.office_id is not None:
        query = query.where(S.office_id == drill.office_id)
    if drill.violation:
        query = query.where(S.violation.is_(True))
    if drill.critical:
        query = query.where(S.critical > 0)
    scored = S.score
    if drill.category in CATEGORIES:
        scored = getattr(S, category_column(drill.category))
        query = query.where(scored.is_not(None))
    if drill.band:
        condition = _band_condition(scored, drill.band, bands)
        if condition is not None:
            query = query.where(condition)
    if drill.category in CATEGORIES:
        return query.order_by(scored, S.started_on.desc(), S.inspection_id.desc())
    return query.order_by(S.started_on.desc(), S.inspection_id.desc())


def findings(f: DashboardFilter, drill: Drill, bands: tuple[Band, ...]) -> Select:
    """The findings of the listed inspections, with their corrective action if any."""
    listed = inspections(f, drill, bands).order_by(None).with_only_columns(S.inspection_id)
    return (
        select(InspectionFinding, S, Inspection, Office, CorrectiveAction)
        .join(S, S.inspection_id == InspectionFinding.inspection_id)
        .join(Inspection, Inspection.id == S.inspection_id)
        .join(Office, Office.id == S.office_id)
        .outerjoin(
            CorrectiveAction,
            and_(
                CorrectiveAction.inspection_id == InspectionFinding.inspection_id,
                CorrectiveAction.item_id == InspectionFinding.item_id,
            ),
        )
        .where(InspectionFinding.inspection_id.in_(listed))
        .order_by(S.started_on.desc(), S.inspection_id.desc(), InspectionFinding.position)
    )


def _made_between(column, age: int, today: date) -> ColumnElement:
    """`column` (a UTC time) on a day `age` group's days before `today`, in the city."""
    first, last = panels.AGE_GROUPS[age]
    zone = city_zone()
    latest = datetime.combine(today - timedelta(days=first - 1), time(0), tzinfo=zone)
    condition = column < latest
    if last is not None:
        earliest = datetime.combine(today - timedelta(days=last), time(0), tzinfo=zone)
        condition = and_(condition, column >= earliest)
    return condition


def _state_condition(model, state: str, today: date, owed: str, late: str) -> ColumnElement:
    """The stored state, except that an owed one past its deadline reads as late."""
    if state == late:
        return or_(model.status == late, and_(model.status == owed, model.due_date < today))
    if state == owed:
        return and_(model.status == owed, or_(model.due_date.is_(None), model.due_date >= today))
    return model.status == state


def _of_listed(model, f: DashboardFilter, drill: Drill) -> Select:
    query = (
        select(model, Office, Inspection)
        .join(Office, Office.id == model.office_id)
        .join(Inspection, Inspection.id == model.inspection_id)
        .where(*record_conditions(f, model))
    )
    if drill.office_id is not None:
        query = query.where(model.office_id == drill.office_id)
    return query


def _by_state(model, states, owed, late, made_at, f: DashboardFilter, drill: Drill, today: date):
    """Sanctions or actions of the period in one effective state and age group."""
    query = _of_listed(model, f, drill)
    if drill.state in tuple(states):
        query = query.where(_state_condition(model, drill.state, today, owed, late))
    if drill.age is not None and 0 <= drill.age < len(panels.AGE_GROUPS):
        query = query.where(_made_between(made_at, drill.age, today))
    return query


def sanctions(f: DashboardFilter, drill: Drill, today: date) -> Select:
    query = _by_state(
        Sanction,
        SanctionState,
        SanctionState.ISSUED,
        SanctionState.OVERDUE,
        Sanction.proposed_at,
        f,
        drill,
        today,
    )
    return query.order_by(Sanction.proposed_at.desc(), Sanction.id.desc())


def actions(f: DashboardFilter, drill: Drill, today: date) -> Select:
    query = _by_state(
        CorrectiveAction,
        ActionState,
        ActionState.OPEN,
        ActionState.OVERDUE,
        CorrectiveAction.created_at,
        f,
        drill,
        today,
    )
    return query.order_by(CorrectiveAction.due_date, CorrectiveAction.id)
