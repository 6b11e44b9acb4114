"""Tallies for a dashboard filter, grouped by office, month or week.

Whole months come from the monthly roll-up; the days of a period that do not fill a month
(its first and last days) come from the summaries. Each part is summed by the group key
first, then the parts are added up, so a year reads a few thousand roll-up rows whatever
the number of inspections.
"""

from datetime import date, timedelta

from sqlalchemy import ColumnElement, Select, select, union_all

from sidak.domain.analytics import Tally
from sidak.domain.analytics.filters import DashboardFilter, full_months, next_month
from sidak.models import InspectionSummary, Office, OfficeMonth, db
from sidak.services.analytics.sums import BASIC, MEASURES, rollup_sums, summary_sums, tally_of

S = InspectionSummary
M = OfficeMonth
#: what a tally can be grouped by: (roll-up column, summary column); weeks have no roll-up
GROUPS = {
    "office": (M.office_id, S.office_id),
    "month": (M.month, S.month),
    "week": (None, S.week),
    "all": (None, None),
}


def offices_in_scope(f: DashboardFilter) -> Select | None:
    """The ids of the offices the filter keeps (None: every office)."""
    conditions = []
    if f.district:
        conditions.append(Office.district == f.district)
    if f.office_type:
        conditions.append(Office.type == f.office_type)
    return select(Office.id).where(*conditions) if conditions else None


def summary_conditions(f: DashboardFilter, first: date | None, last: date) -> list:
    """The current summaries of the filter's offices and checklist between two days."""
    conditions: list[ColumnElement] = [S.current.is_(True), S.started_on <= last]
    if first is not None:
        conditions.append(S.started_on >= first)
    if f.checklist:
        conditions.append(S.checklist_key == f.checklist)
    scope = offices_in_scope(f)
    if scope is not None:
        conditions.append(S.office_id.in_(scope))
    return conditions


def _rollup_part(f: DashboardFilter, key, first: date, last: date, categories: bool) -> Select:
    conditions = [M.month >= first, M.month <= last]
    if f.checklist:
        conditions.append(M.checklist_key == f.checklist)
    scope = offices_in_scope(f)
    if scope is not None:
        conditions.append(M.office_id.in_(scope))
    keys = [key.label("key")] if key is not None else []
    query = select(*keys, *rollup_sums(categories=categories)).where(*conditions)
    return query.group_by(key) if key is not None else query


def _summary_part(f, key, first: date | None, last: date, categories: bool) -> Select:
    keys = [key.label("key")] if key is not None else []
    query = select(*keys, *summary_sums(categories)).where(*summary_conditions(f, first, last))
    return query.group_by(key) if key is not None else query


def _parts(f: DashboardFilter, by: str, categories: bool) -> list[Select]:
    rollup_key, summary_key = GROUPS[by]
    whole = full_months(f.date_from, f.date_to) if by != "week" else None
    if whole is None:
        return [_summary_part(f, summary_key, f.date_from, f.date_to, categories)]
    first, last = whole
    parts = [_rollup_part(f, rollup_key if by != "all" else None, first, last, categories)]
    if f.date_from is not None and f.date_from < first:
        parts.append(
            _summary_part(f, summary_key, f.date_from, first - timedelta(days=1), categories)
        )
    if next_month(last) <= f.date_to:
        parts.append(_summary_part(f, summary_key, next_month(last), f.date_to, categories))
    return parts


def tallies(f: DashboardFilter, by: str, categories: bool = True) -> dict:
    """One tally per group key (an office id, a month's or a week's first day)."""
    parts = _parts(f, by, categories)
    if len(parts) == 1:
        rows = db.session.execute(parts[0])
    else:
        united = union_all(*parts).subquery()
        if by == "all":
            query = select(*rollup_sums(united, categories))
        else:
            key = united.c.key
            query = select(key, *rollup_sums(united, categories)).group_by(key)
        rows = db.session.execute(query)
    found = {}
    for row in rows:
        tally = tally_of(row)
        if tally.inspections:
            found[row.key if by != "all" else None] = tally
    return found


def overall(f: DashboardFilter) -> Tally:
    return tallies(f, "all").get(None, Tally())


__all__ = ["BASIC", "MEASURES", "offices_in_scope", "overall", "summary_conditions", "tallies"]
