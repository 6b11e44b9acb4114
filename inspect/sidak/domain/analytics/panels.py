"""The dashboard's panels, computed from per-office tallies (pure arithmetic and ordering).

The services read one tally per office for the period (from the monthly roll-up and the
summaries of the days at its ends); districts, office types, categories, the ranking and
the repeat offenders all follow from those, so every panel agrees with every other.
"""

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from sidak.domain.analytics.tally import Tally, total
from sidak.domain.bands import Band, band_for
from sidak.domain.categories import CATEGORIES

#: an office counts as a repeat offender from this many violations in the period
REPEATS = 2
#: age groups of open sanctions and actions, in days: (first, last); None: no upper end
AGE_GROUPS: tuple[tuple[int, int | None], ...] = ((0, 7), (8, 30), (31, 90), (91, None))


@dataclass(frozen=True)
class OfficeInfo:
    id: int
    name: str
    district: str
    type: str
    active: bool = True


@dataclass(frozen=True)
class OfficeRow:
    office: OfficeInfo
    tally: Tally


@dataclass(frozen=True)
class GroupRow:
    key: str
    offices: int  #: offices with at least one inspection
    tally: Tally


@dataclass(frozen=True)
class CategoryRow:
    key: str
    average: Decimal | None
    scored: int  #: inspections that scored the category


@dataclass(frozen=True)
class IdleOffice:
    office: OfficeInfo
    last_on: date | None  #: None: never inspected
    days: int | None  #: days since, as of the period's last day


def _worst_first(average: Decimal | None, name: str) -> tuple:
    """Lowest average first; nothing scored last."""
    return (average is None, average if average is not None else 0, name)


def office_rows(offices: Iterable[OfficeInfo], tallies: dict[int, Tally]) -> list[OfficeRow]:
    """The offices inspected in the period, worst first."""
    rows = [OfficeRow(o, tallies[o.id]) for o in offices if o.id in tallies]
    return sorted(rows, key=lambda r: _worst_first(r.tally.average, r.office.name))


def grouped(rows: Sequence[OfficeRow], key) -> list[GroupRow]:
    """Rows added up by `key(office)` (district, type ...), worst first."""
    tallies: dict[str, Tally] = defaultdict(Tally)
    offices: dict[str, int] = defaultdict(int)
    for row in rows:
        name = key(row.office)
        tallies[name].add(row.tally)
        offices[name] += 1
    groups = [GroupRow(name, offices[name], tallies[name]) for name in tallies]
    return sorted(groups, key=lambda g: _worst_first(g.tally.average, g.key))


def repeat_offenders(rows: Sequence[OfficeRow], minimum: int = REPEATS) -> list[OfficeRow]:
    """Offices with `minimum` or more violations in the period, most violations first."""
    found = [row for row in rows if row.tally.violations >= minimum]
    return sorted(
        found, key=lambda r: (-r.tally.violations, *_worst_first(r.tally.average, r.office.name))
    )


def categories(tally: Tally) -> list[CategoryRow]:
    """Every category scored in the period, worst first."""
    rows = [
        CategoryRow(key, tally.category_average(key), tally.category_scored(key))
        for key in CATEGORIES
        if tally.category_scored(key)
    ]
    return sorted(rows, key=lambda c: _worst_first(c.average, c.key))


def band_counts(rows: Sequence[OfficeRow], bands: tuple[Band, ...]) -> list[tuple[Band, int]]:
    """How many offices' averages fall in each band (best band first)."""
    counts = dict.fromkeys((band.id for band in bands), 0)
    for row in rows:
        band = band_for(row.tally.average, bands)
        if band is not None:
            counts[band.id] += 1
    return [(band, counts[band.id]) for band in bands]


def idle_offices(
    offices: Iterable[OfficeInfo], last_seen: dict[int, date], on: date, days: int
) -> list[IdleOffice]:
    """Active offices not inspected in the `days` days up to `on`: never inspected first,
    then the longest gap."""
    idle = []
    for office in offices:
        if not office.active:
            continue
        last = last_seen.get(office.id)
        if last is None:
            idle.append(IdleOffice(office, None, None))
        elif (on - last).days >= days:
            idle.append(IdleOffice(office, last, (on - last).days))
    return sorted(idle, key=lambda i: (i.days is not None, -(i.days or 0), i.office.name))


def age_group(days: int) -> int:
    """The index in AGE_GROUPS of an age in days (negative ages count as 0)."""
    for index, (_first, last) in enumerate(AGE_GROUPS):
        if last is None or days <= last:
            return index
    return len(AGE_GROUPS) - 1


def overall(rows: Sequence[OfficeRow]) -> Tally:
    return total(row.tally for row in rows)
