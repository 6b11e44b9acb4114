"""The same sums over inspection summaries and over the monthly roll-up.

Both give columns of the same names (those of `OfficeMonth`), so a query can take full
months from the roll-up and the days at either end from the summaries, and add them up.
"""

from sqlalchemy import case, func

from sidak.domain.analytics import Tally
from sidak.domain.categories import CATEGORIES
from sidak.models import InspectionStatus, InspectionSummary, OfficeMonth
from sidak.models.analytics import category_column, category_count, category_sum

S = InspectionSummary
M = OfficeMonth
#: the roll-up's measures, in the order of `summary_sums` and `rollup_sums`
BASIC = (
    "inspections",
    "scored",
    "score_sum",
    "with_critical",
    "violations",
    "findings",
    "finalized_findings",
    "critical",
    "last_on",
)
#: what a trend needs: all of it in the summaries' date index, so a scan reads only that
LEAN = ("inspections", "scored", "score_sum", "with_critical", "violations", "last_on")
MEASURES = (
    *BASIC,
    *(name for key in CATEGORIES for name in (category_sum(key), category_count(key))),
)


def _flag(condition):
    return func.coalesce(func.sum(case((condition, 1), else_=0)), 0)


def summary_sums(categories: bool = True, lean: bool = False) -> list:
    """Aggregates over `InspectionSummary` rows, labelled as the roll-up's columns (`lean`:
    only those in the date index, so a date-range scan never reads the table)."""
    columns = [
        func.count().label("inspections"),
        func.count(S.score).label("scored"),
        func.coalesce(func.sum(S.score), 0).label("score_sum"),
        _flag(S.critical > 0).label("with_critical"),
        _flag(S.violation).label("violations"),
        func.coalesce(func.sum(S.findings), 0).label("findings"),
        func.coalesce(
            func.sum(case((S.status == InspectionStatus.FINALIZED, S.findings), else_=0)), 0
        ).label("finalized_findings"),
        func.coalesce(func.sum(S.critical), 0).label("critical"),
        func.max(S.started_on).label("last_on"),
    ]
    if lean:
        return [column for column in columns if column.name in LEAN]
    for key in CATEGORIES if categories else ():
        column = getattr(S, category_column(key))
        columns.append(func.coalesce(func.sum(column), 0).label(category_sum(key)))
        columns.append(func.count(column).label(category_count(key)))
    return columns


def rollup_sums(source=None, categories: bool = True, lean: bool = False) -> list:
    """The same aggregates over roll-up rows (or over a subquery with the roll-up's columns)."""
    table = source.c if source is not None else M.__table__.c
    columns = []
    for name in LEAN if lean else MEASURES if categories else BASIC:
        column = table[name]
        aggregate = func.max(column) if name == "last_on" else func.coalesce(func.sum(column), 0)
        columns.append(aggregate.label(name))
    return columns


def tally_of(row) -> Tally:
    """A result row with the measures' labels as a Tally."""
    values = row._mapping
    with_categories = category_count(next(iter(CATEGORIES))) in values

    def number(name: str) -> int:
        return int(values.get(name, 0))  # a lean row has no findings

    return Tally(
        inspections=number("inspections"),
        scored=number("scored"),
        score_sum=number("score_sum"),
        with_critical=number("with_critical"),
        violations=number("violations"),
        findings=number("findings"),
        finalized_findings=number("finalized_findings"),
        critical=number("critical"),
        last_on=values["last_on"],
        categories={
            key: (int(values[category_sum(key)]), int(values[category_count(key)]))
            for key in (CATEGORIES if with_categories else ())
            if values[category_count(key)]
        },
    )
