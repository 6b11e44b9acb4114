"""The mayor's dashboard: every panel for one filter, in a handful of queries.

Compliance panels come from one tally per office (`queries.tallies`); the trend from one
query by month or week; coverage from each office's last inspection; sanctions and actions
from their tables, joined to the summaries for the period and the offices.
"""

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from flask import current_app
from sqlalchemy import case, func, select

from sidak.domain.analytics import Tally, month_start, week_start
from sidak.domain.analytics import panels as p
from sidak.domain.analytics.filters import DashboardFilter
from sidak.domain.bands import Band, parse_cutoffs
from sidak.domain.periods import Step, periods
from sidak.domain.sanctions.lifecycle import (
    ACTION_CLOSED,
    SANCTION_CLOSED,
    ActionState,
    SanctionState,
    action_state,
    sanction_state,
)
from sidak.models import CorrectiveAction, InspectionSummary, Office, Sanction, db
from sidak.services.analytics import queries
from sidak.services.reports.letterhead import city_zone
from sidak.services.sanctions.ladder import city_today

#: the order states are listed in: what needs someone first
SANCTION_ORDER = (
    SanctionState.OVERDUE,
    SanctionState.PROPOSED,
    SanctionState.ISSUED,
    SanctionState.CORRECTED,
    SanctionState.ESCALATED,
    SanctionState.VERIFIED,
    SanctionState.WAIVED,
)
ACTION_ORDER = (
    ActionState.OVERDUE,
    ActionState.OPEN,
    ActionState.OBJECTED,
    ActionState.REPLIED,
    ActionState.CORRECTED,
    ActionState.VERIFIED,
    ActionState.WITHDRAWN,
)


def current_bands() -> tuple[Band, ...]:
    return parse_cutoffs(current_app.config["COMPLIANCE_BANDS"])


@dataclass(frozen=True)
class StateRow:
    state: str
    total: int
    #: open states: how many in each of `panels.AGE_GROUPS` (days since made); closed: None
    ages: tuple[int, ...] | None


@dataclass(frozen=True)
class TrendPoint:
    start: date
    end: date
    tally: Tally


@dataclass(frozen=True)
class Dashboard:
    filter: DashboardFilter
    bands: tuple[Band, ...]
    total: Tally
    offices: list[p.OfficeRow]  #: inspected in the period, worst first
    in_scope: int  #: offices the filter covers, inspected or not
    districts: list[p.GroupRow]
    types: list[p.GroupRow]
    categories: list[p.CategoryRow]
    band_counts: list[tuple[Band, int]]
    repeat: list[p.OfficeRow]
    trend: list[TrendPoint]
    sanctions: list[StateRow]
    actions: list[StateRow]
    idle: list[p.IdleOffice]


def office_infos(f: DashboardFilter) -> list[p.OfficeInfo]:
    query = select(Office.id, Office.name, Office.district, Office.type, Office.active)
    scope = queries.offices_in_scope(f)
    if scope is not None:
        query = query.where(Office.id.in_(scope))
    return [p.OfficeInfo(*row) for row in db.session.execute(query.order_by(Office.name))]


def build(f: DashboardFilter) -> Dashboard:
    offices = office_infos(f)
    rows = p.office_rows(offices, queries.tallies(f, "office", categories=False))
    # categories only for the whole: per office they would be summed for nothing
    total = queries.overall(f)
    bands = current_bands()
    last_seen = queries.last_seen(f)
    return Dashboard(
        filter=f,
        bands=bands,
        total=total,
        offices=rows,
        in_scope=sum(1 for o in offices if o.active),
        districts=p.grouped(rows, lambda o: o.district),
        types=p.grouped(rows, lambda o: o.type),
        categories=p.categories(total),
        band_counts=p.band_counts(rows, bands),
        repeat=p.repeat_offenders(rows),
        trend=trend(f),
        sanctions=sanction_states(f),
        actions=action_states(f, total.finalized_findings),
        idle=p.idle_offices(offices, last_seen, f.date_to, f.idle_days),
    )


def trend(f: DashboardFilter) -> list[TrendPoint]:
    """The period cut into weeks or months, each with its tally (empty ones too)."""
    by = "week" if f.step is Step.WEEK else "month"
    found = queries.tallies(f, by, categories=False, lean=True)
    key_of = week_start if by == "week" else month_start
    # a period reaching back before the first inspection on record starts with it, not with
    # years of nothing
    first = db.session.scalar(
        select(func.min(InspectionSummary.started_on)).where(InspectionSummary.current.is_(True))
    )
    first = min(first or f.date_to, f.date_to)
    start = max(f.date_from, first) if f.date_from else first
    cuts = periods(start, f.date_to, Step(by))
    return [TrendPoint(a, b, found.get(key_of(a), Tally())) for a, b in cuts]


def _closed_counts(f: DashboardFilter, model, states) -> dict[str, int]:
    """How many of the period's sanctions or actions are in each of these (final) states."""
    query = (
        select(model.status, func.count())
        .where(*queries.record_conditions(f, model))
        .where(model.status.in_([str(state) for state in states]))
        .group_by(model.status)
    )
    return dict(db.session.execute(query).all())


def _age_group(made, today: date):
    """The index in AGE_GROUPS of the age in days (city calendar) of `made`, in SQL: an age
    of at most N days is a moment since the city's midnight N days ago."""
    whens = []
    for index, (_first, last) in enumerate(p.AGE_GROUPS[:-1]):  # the last is open-ended
        midnight = datetime.combine(today - timedelta(days=last), time(), tzinfo=city_zone())
        whens.append((made >= midnight.astimezone(UTC), index))
    return case(*whens, else_=len(p.AGE_GROUPS) - 1)


def _open_ages(
    f: DashboardFilter, model, made_at, order, closed, effective
) -> dict[str, list[int]]:
    """How many of the period's open sanctions or actions are in each age group, by effective
    state (an issued sanction or open action past its deadline is overdue, before the tick).
    Counted in the database: the open ones can be tens of thousands."""
    today = city_today()  # states and ages as they are now, whatever the period
    # the open states by name (not "not closed"), so the status index finds the few
    still_open = model.status.in_([str(state) for state in order if state not in closed])
    past_due = case((model.due_date < today, 1), else_=0)
    group = _age_group(made_at, today)
    query = (
        select(model.status, past_due, group, func.count())
        .where(*queries.record_conditions(f, model), still_open)
        .group_by(model.status, past_due, group)
    )
    ages: dict[str, list[int]] = {}
    yesterday = today - timedelta(days=1)
    for status, late, index, count in db.session.execute(query):
        state = effective(status, yesterday if late else today, today)
        ages.setdefault(state, [0] * len(p.AGE_GROUPS))[index] += count
    return ages


def _rows(order, closed, totals: dict[str, int], ages: dict[str, list[int]]) -> list[StateRow]:
    none = [0] * len(p.AGE_GROUPS)
    return [
        StateRow(state, totals.get(state, 0), None)
        if state in closed
        else StateRow(state, sum(ages.get(state, none)), tuple(ages.get(state, none)))
        for state in order
    ]


def sanction_states(f: DashboardFilter) -> list[StateRow]:
    ages = _open_ages(
        f, Sanction, Sanction.proposed_at, SANCTION_ORDER, SANCTION_CLOSED, sanction_state
    )
    totals = _closed_counts(f, Sanction, SANCTION_CLOSED)
    return _rows(SANCTION_ORDER, SANCTION_CLOSED, totals, ages)


def action_states(f: DashboardFilter, finalized_findings: int | None = None) -> list[StateRow]:
    """Actions by state. Every finding of a finalized record is one action, so the verified
    ones are what remains of the period's findings once the open and withdrawn ones (few,
    read from the table) are counted; the roll-up gives that total without reading actions."""
    if finalized_findings is None:
        finalized_findings = queries.overall(f).finalized_findings
    made = CorrectiveAction.created_at
    ages = _open_ages(f, CorrectiveAction, made, ACTION_ORDER, ACTION_CLOSED, action_state)
    totals = _closed_counts(f, CorrectiveAction, [ActionState.WITHDRAWN])
    pending = sum(sum(counts) for counts in ages.values())
    withdrawn = totals.get(ActionState.WITHDRAWN, 0)
    totals[ActionState.VERIFIED] = max(0, finalized_findings - pending - withdrawn)
    return _rows(ACTION_ORDER, ACTION_CLOSED, totals, ages)
