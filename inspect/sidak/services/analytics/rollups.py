"""The two roll-ups, kept equal to the summaries they sum.

- `OfficeMonth`: one office, one month, one checklist (the per-office panels, any filter);
- `CityDay`: every office, one day, one checklist (the city's total, categories and trend
  when no district or office type is chosen).

A change to a summary recomputes the rows it falls in from the current summaries, inside the
caller's transaction, so a roll-up never drifts from what it sums. Every office's submissions
of one day meet in the same city row, so a refresh first makes the rows it needs and locks them
(in one order); on PostgreSQL a second transaction refreshing the same row waits for the first
to commit and then sums what it wrote, instead of writing a total that misses it. SQLite has
one writer at a time, and ignores the lock.
"""

from collections.abc import Iterable

from sqlalchemy import and_, delete, insert, select, tuple_, update

from sidak.domain.analytics import month_start, week_start
from sidak.models import CityDay, InspectionSummary, OfficeMonth, db
from sidak.services.analytics.sums import MEASURES, summary_sums

S = InspectionSummary


class Rollup:
    """A roll-up table, its key columns and the summary columns that give the same key."""

    def __init__(self, model, keys: tuple[str, ...], summary_keys: tuple[str, ...]) -> None:
        self.model = model
        self.keys = keys
        self.summary_keys = summary_keys

    def key_of(self, summary: InspectionSummary) -> tuple:
        return tuple(getattr(summary, name) for name in self.summary_keys)

    def placeholder(self, key: tuple) -> dict:
        """A row for `key` that the refresh overwrites (every NOT NULL column set)."""
        row = dict(zip(self.keys, key, strict=True))
        first = row.get("day") or row["month"]
        row["last_on"] = first
        if self.model is CityDay:
            row["week"], row["month"] = week_start(first), month_start(first)
        return {**row, **{name: 0 for name in MEASURES if name != "last_on"}}


OFFICE_MONTHS = Rollup(
    OfficeMonth, ("month", "office_id", "checklist_key"), ("month", "office_id", "checklist_key")
)
CITY_DAYS = Rollup(CityDay, ("day", "checklist_key"), ("started_on", "checklist_key"))
ROLLUPS = (OFFICE_MONTHS, CITY_DAYS)


def keys_of(summaries: Iterable[InspectionSummary]) -> dict[Rollup, set[tuple]]:
    """The roll-up rows these summaries fall in."""
    found: dict[Rollup, set[tuple]] = {rollup: set() for rollup in ROLLUPS}
    for summary in summaries:
        for rollup in ROLLUPS:
            found[rollup].add(rollup.key_of(summary))
    return found


def refresh(summaries: Iterable[InspectionSummary]) -> None:
    """Recompute the roll-up rows of these (just changed and flushed) summaries; the office
    rows first, then the city's, each in key order, so two transactions lock in one order."""
    for rollup, keys in keys_of(summaries).items():
        _recompute(rollup, sorted(keys))


def _recompute(rollup: Rollup, keys: list[tuple]) -> None:
    if not keys:
        return
    model = rollup.model
    columns = [getattr(model, name) for name in rollup.keys]
    db.session.execute(_insert_missing(model).values([rollup.placeholder(k) for k in keys]))
    locked = select(*columns).where(tuple_(*columns).in_(keys)).order_by(*columns)
    db.session.execute(locked.with_for_update())
    grouped = [getattr(S, name) for name in rollup.summary_keys]
    # each column's own IN lets an index find the rows; the tuple's keeps only these keys
    each = [column.in_({key[i] for key in keys}) for i, column in enumerate(grouped)]
    sums = (
        select(*grouped, *summary_sums())
        .where(S.current.is_(True), *each, tuple_(*grouped).in_(keys))
        .group_by(*grouped)
    )
    found = {tuple(row[: len(grouped)]): row._mapping for row in db.session.execute(sums)}
    for key in keys:
        this_row = and_(*(column == value for column, value in zip(columns, key, strict=True)))
        values = found.get(key)
        if values is None:  # nothing counted there any more
            db.session.execute(delete(model).where(this_row))
        else:
            measures = {name: values[name] for name in MEASURES}
            db.session.execute(update(model).where(this_row).values(measures))


def _insert_missing(model):
    """INSERT ... ON CONFLICT DO NOTHING on either database."""
    if db.session.get_bind().dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert as dialect_insert
    else:
        from sqlalchemy.dialects.sqlite import insert as dialect_insert
    return dialect_insert(model).on_conflict_do_nothing()


def rebuild() -> None:
    """Recompute both roll-ups from every current summary (after a bulk load or a repair)."""
    current = S.current.is_(True)
    for rollup in ROLLUPS:
        db.session.execute(delete(rollup.model))
        grouped = [getattr(S, name) for name in rollup.summary_keys]
        extra = [S.week, S.month] if rollup is CITY_DAYS else []
        query = select(*grouped, *extra, *summary_sums()).where(current).group_by(*grouped, *extra)
        names = [*rollup.keys, *(["week", "month"] if extra else []), *MEASURES]
        db.session.execute(insert(rollup.model).from_select(names, query))
