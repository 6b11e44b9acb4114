"""The same sums over inspection summaries and over the monthly roll-up.

Both give columns of the same names (those of `OfficeMonth`), so a query can take full
months from the roll-up and the days at either end from the summaries, and add them up.
"""

from collections.abc import Callable, Iterable, Sequence

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
    """The same aggregates over roll-up rows: the office roll-up's, or those of `source` (the
    city roll-up, or a subquery with the roll-up's columns)."""
    table = source.c if source is not None else M.__table__.c
    columns = []
    for name in LEAN if lean else MEASURES if categories else BASIC:
        column = table[name]
        aggregate = func.max(column) if name == "last_on" else func.coalesce(func.sum(column), 0)
        columns.append(aggregate.label(name))
    return columns


def tally_reader(labels: Iterable[str]) -> Callable[[Sequence], Tally]:
    """A function making a Tally of each result row whose columns carry these labels (the
    measures' names, some of them). The positions are worked out once: a per-office query
    returns hundreds of rows, and the dashboard reads them on every view."""
    labels = list(labels)
    where = {name: index for index, name in enumerate(labels)}
    counts = [(name, where[name]) for name in BASIC if name != "last_on" and name in where]
    last_on = where["last_on"]
    categories = [
        (key, where[category_sum(key)], where[category_count(key)])
        for key in CATEGORIES
        if category_count(key) in where
    ]

    def read(row: Sequence) -> Tally:
        return Tally(
            **{name: int(row[index]) for name, index in counts},  # a lean row has no findings
            last_on=row[last_on],
            categories={
                key: (int(row[total]), int(row[count]))
                for key, total, count in categories
                if row[count]
            },
        )

    return read


def tally_of(row) -> Tally:
    """A result row with the measures' labels as a Tally."""
    return tally_reader(row._fields)(row)
