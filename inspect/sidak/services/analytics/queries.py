"""Tallies for a dashboard filter, grouped by office, month or week.

Without a district or office type, the city's tallies (its total, by month, by week) come
from the daily city roll-up alone: a year is about a thousand rows, however many offices and
inspections. Per office, or for some offices, whole months come from the monthly office
roll-up, and the days of a period that do not fill a month (its first and last days) from
the summaries; each part is summed by the group key first, then the parts are added up.
"""

from datetime import date, timedelta

from sqlalchemy import ColumnElement, Select, func, select, union_all

from sidak.domain.analytics import Tally, week_start
from sidak.domain.analytics.filters import DashboardFilter, full_months
from sidak.domain.periods import next_month
from sidak.models import CityDay, InspectionSummary, Office, OfficeMonth, db
from sidak.services.analytics.sums import BASIC, MEASURES, rollup_sums, summary_sums, tally_reader

S = InspectionSummary
M = OfficeMonth
C = CityDay
#: what a tally can be grouped by: (roll-up column, summary column); weeks have no roll-up
GROUPS = {
    "office": (M.office_id, S.office_id),
    "month": (M.month, S.month),
    # weeks are summed by day, from the date index alone, and the days folded into weeks here
    "week": (None, S.started_on),
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


def record_conditions(f: DashboardFilter, model) -> list:
    """Sanctions or corrective actions (`model`) of the inspections the filter counts, read
    from their own columns (the visit day, the office) so that an index answers alone; only
    the few records replaced by a correction, and a checklist, need the summaries."""
    conditions: list[ColumnElement] = [model.inspected_on <= f.date_to]
    if f.date_from is not None:
        conditions.append(model.inspected_on >= f.date_from)
    scope = offices_in_scope(f)
    if scope is not None:
        conditions.append(model.office_id.in_(scope))
    replaced = select(S.inspection_id).where(S.current.is_(False))
    conditions.append(model.inspection_id.not_in(replaced))
    if f.checklist:
        of_checklist = select(S.inspection_id).where(S.checklist_key == f.checklist)
        conditions.append(model.inspection_id.in_(of_checklist))
    return conditions


def _rollup_part(
    f: DashboardFilter, key, first: date, last: date, categories: bool, lean: bool
) -> Select:
    conditions = [M.month >= first, M.month <= last]
    if f.checklist:
        conditions.append(M.checklist_key == f.checklist)
    scope = offices_in_scope(f)
    if scope is not None:
        conditions.append(M.office_id.in_(scope))
    keys = [key.label("key")] if key is not None else []
    query = select(*keys, *rollup_sums(categories=categories, lean=lean)).where(*conditions)
    return query.group_by(key) if key is not None else query


def _summary_part(f, key, first: date | None, last: date, categories: bool, lean: bool) -> Select:
    keys = [key.label("key")] if key is not None else []
    sums = summary_sums(categories, lean)
    query = select(*keys, *sums).where(*summary_conditions(f, first, last))
    return query.group_by(key) if key is not None else query


def _parts(f: DashboardFilter, by: str, categories: bool, lean: bool) -> list[Select]:
    rollup_key, summary_key = GROUPS[by]
    whole = full_months(f.date_from, f.date_to) if by != "week" else None
    if whole is None:
        return [_summary_part(f, summary_key, f.date_from, f.date_to, categories, lean)]
    first, last = whole
    parts = [_rollup_part(f, rollup_key, first, last, categories, lean)]
    if f.date_from is not None and f.date_from < first:
        day_before = first - timedelta(days=1)
        parts.append(_summary_part(f, summary_key, f.date_from, day_before, categories, lean))
    if next_month(last) <= f.date_to:
        parts.append(_summary_part(f, summary_key, next_month(last), f.date_to, categories, lean))
    return parts


def _city_part(f: DashboardFilter, by: str, categories: bool, lean: bool) -> Select:
    """The whole city's sums from the daily roll-up (no district or office type chosen)."""
    key = {"month": C.month, "week": C.week, "all": None}[by]
    conditions = [C.day <= f.date_to]
    if f.date_from is not None:
        conditions.append(C.day >= f.date_from)
    if f.checklist:
        conditions.append(C.checklist_key == f.checklist)
    keys = [key.label("key")] if key is not None else []
    sums = rollup_sums(C.__table__, categories=categories, lean=lean)
    query = select(*keys, *sums).where(*conditions)
    return query.group_by(key) if key is not None else query


def tallies(f: DashboardFilter, by: str, categories: bool = True, lean: bool = False) -> dict:
    """One tally per group key (an office id, a month's or a week's first day; None for
    "all"). Without `categories` no category sums; `lean`: only what a trend shows."""
    if by != "office" and offices_in_scope(f) is None:
        parts = [_city_part(f, by, categories, lean)]
    else:
        parts = _parts(f, by, categories, lean)
    if len(parts) == 1:
        rows = db.session.execute(parts[0])
    else:
        united = union_all(*parts).subquery()
        sums = rollup_sums(united, categories, lean)
        keys = [] if by == "all" else [united.c.key]
        rows = db.session.execute(select(*keys, *sums).group_by(*keys))
    found: dict = {}
    read = tally_reader(rows.keys())
    for row in rows:
        tally = read(row)
        if not tally.inspections:
            continue
        key = row.key if by != "all" else None
        if by == "week":
            key = week_start(key)
            tally = found.pop(key, Tally()).add(tally)
        found[key] = tally
    return found


def last_seen(f: DashboardFilter) -> dict[int, date]:
    """Each office's last inspection up to the filter's last day (whatever its first)."""
    if f.checklist:
        return _last_seen_with(f)
    # one step down the (office, current, day) index per office
    last = (
        select(func.max(S.started_on))
        .where(S.office_id == Office.id, S.current.is_(True), S.started_on <= f.date_to)
        .scalar_subquery()
    )
    query = select(Office.id, last)
    scope = offices_in_scope(f)
    if scope is not None:
        query = query.where(Office.id.in_(scope))
    return {key: day for key, day in db.session.execute(query) if day is not None}


def _last_seen_with(f: DashboardFilter) -> dict[int, date]:
    """`last_seen` for one checklist: whole months from the roll-up, then the summaries."""
    M_ = OfficeMonth
    scope = offices_in_scope(f)
    whole = full_months(None, f.date_to)
    parts = []
    if whole is not None:
        conditions = [M_.month <= whole[1]]
        if f.checklist:
            conditions.append(M_.checklist_key == f.checklist)
        if scope is not None:
            conditions.append(M_.office_id.in_(scope))
        parts.append(
            select(M_.office_id.label("key"), func.max(M_.last_on).label("last_on"))
            .where(*conditions)
            .group_by(M_.office_id)
        )
    first = next_month(whole[1]) if whole is not None else None
    parts.append(
        select(S.office_id.label("key"), func.max(S.started_on).label("last_on"))
        .where(*summary_conditions(f, first, f.date_to))
        .group_by(S.office_id)
    )
    united = union_all(*parts).subquery()
    query = select(united.c.key, func.max(united.c.last_on)).group_by(united.c.key)
    return {key: day for key, day in db.session.execute(query) if day is not None}


def overall(f: DashboardFilter) -> Tally:
    return tallies(f, "all").get(None, Tally())


__all__ = [
    "BASIC",
    "MEASURES",
    "last_seen",
    "offices_in_scope",
    "overall",
    "record_conditions",
    "summary_conditions",
    "tallies",
]
