"""The city's recap: compliance per office and district, failures, trend, from plain rows.

The services read one row per counted inspection (the latest version of each record,
submitted or finalized, started inside the period); everything here is arithmetic on those
rows, exact until the end: averages and shares are computed as fractions and rounded half up
to one decimal, like the scores themselves.
"""

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from fractions import Fraction

from sidak.domain.bands import DEFAULT_BANDS, Band, band_for
from sidak.domain.periods import Step, periods, trend_step
from sidak.domain.scoring.rounding import round_half_up
from sidak.domain.text import Text

#: the most-failed items listed per category
ITEMS_PER_CATEGORY = 5


@dataclass(frozen=True)
class Grade:
    id: str
    label: Text
    floor: Fraction  #: the grade's lowest score: compares grades of different checklists
    color: str


@dataclass(frozen=True)
class ItemOutcome:
    """One item of one inspection, as far as the recap cares."""

    item_id: str
    category: str
    critical: bool
    asked: bool  #: counted in the score (passed or failed); N/A and hidden items were not
    failed: bool


@dataclass(frozen=True)
class InspectionRow:
    id: int
    started: datetime  #: in the city's time zone
    office_id: int
    office: str
    office_type: str  #: an OfficeType value
    district: str
    checklist: Text
    status: str
    score: Decimal | None
    grade: Grade | None
    findings: int
    critical: int  #: failed critical items
    report_number: str | None = None
    items: tuple[ItemOutcome, ...] = ()
    #: the score of each category the checklist uses (None: nothing counted in it)
    categories: tuple[tuple[str, Decimal | None], ...] = ()

    @property
    def band(self) -> Band | None:
        return band_for(self.score)


@dataclass(frozen=True)
class OfficeSummary:
    office_id: int
    name: str
    office_type: str
    district: str
    inspections: int
    average: Decimal | None
    latest: Decimal | None  #: the score of the office's last inspection in the period
    worst_grade: Grade | None
    findings: int
    critical: int

    @property
    def band(self) -> Band | None:
        return band_for(self.average)


@dataclass(frozen=True)
class DistrictSummary:
    name: str
    offices: int  #: offices inspected at least once
    inspections: int
    average: Decimal | None
    green_share: Decimal | None  #: % of scored inspections in the green band

    @property
    def band(self) -> Band | None:
        return band_for(self.average)


@dataclass(frozen=True)
class ItemFailures:
    item_id: str
    category: str
    critical: bool
    failed: int
    asked: int  #: inspections where the item counted
    share: Decimal  #: failed / asked, in %


@dataclass(frozen=True)
class CategoryFailures:
    key: str
    average: Decimal | None  #: mean category score over the inspections that scored it
    scored: int  #: inspections that scored the category
    failed: int  #: failed items of the category, all inspections together
    items: tuple[ItemFailures, ...] = field(default=())  #: most failed first

    @property
    def band(self) -> Band | None:
        return band_for(self.average)


@dataclass(frozen=True)
class TrendPoint:
    start: date
    end: date  #: inclusive
    inspections: int
    average: Decimal | None
    critical_share: Decimal | None  #: % of inspections with a failed critical item


@dataclass(frozen=True)
class Totals:
    inspections: int
    finalized: int
    offices: int
    districts: int
    average: Decimal | None
    green_share: Decimal | None
    critical_share: Decimal | None
    findings: int
    critical: int


def average(scores: Iterable[Decimal | None]) -> Decimal | None:
    """The mean of the scores given (None ignored), one decimal half up; None if none."""
    exact = [Fraction(str(score)) for score in scores if score is not None]
    if not exact:
        return None
    return round_half_up(sum(exact, Fraction(0)) / len(exact))


def share(part: int, whole: int) -> Decimal | None:
    """`part` of `whole` in %, one decimal half up; None for an empty whole."""
    if not whole:
        return None
    return round_half_up(Fraction(part * 100, whole))


def _is_green(score: Decimal | None, bands: tuple[Band, ...]) -> bool:
    band = band_for(score, bands)
    return band is not None and band is bands[0]


def green_share(rows: Sequence[InspectionRow], bands=DEFAULT_BANDS) -> Decimal | None:
    scored = [row.score for row in rows if row.score is not None]
    return share(sum(1 for score in scored if _is_green(score, bands)), len(scored))


def totals(rows: Sequence[InspectionRow], bands: tuple[Band, ...] = DEFAULT_BANDS) -> Totals:
    return Totals(
        inspections=len(rows),
        finalized=sum(1 for row in rows if row.status == "finalized"),
        offices=len({row.office_id for row in rows}),
        districts=len({row.district for row in rows}),
        average=average(row.score for row in rows),
        green_share=green_share(rows, bands),
        critical_share=share(sum(1 for row in rows if row.critical), len(rows)),
        findings=sum(row.findings for row in rows),
        critical=sum(row.critical for row in rows),
    )


def _worst_first(average_score: Decimal | None, name: str) -> tuple:
    """Lowest average first; nothing scored last."""
    return (average_score is None, average_score if average_score is not None else 0, name)


def by_office(rows: Sequence[InspectionRow]) -> list[OfficeSummary]:
    """One line per office inspected, lowest average first."""
    groups: dict[int, list[InspectionRow]] = defaultdict(list)
    for row in rows:
        groups[row.office_id].append(row)
    summaries = []
    for office_rows in groups.values():
        first = office_rows[0]
        latest = max(office_rows, key=lambda row: (row.started, row.id))
        grades = [row.grade for row in office_rows if row.grade is not None]
        summaries.append(
            OfficeSummary(
                office_id=first.office_id,
                name=first.office,
                office_type=first.office_type,
                district=first.district,
                inspections=len(office_rows),
                average=average(row.score for row in office_rows),
                latest=latest.score,
                worst_grade=min(grades, key=lambda grade: grade.floor) if grades else None,
                findings=sum(row.findings for row in office_rows),
                critical=sum(row.critical for row in office_rows),
            )
        )
    return sorted(summaries, key=lambda s: _worst_first(s.average, s.name))


def by_district(
    rows: Sequence[InspectionRow], bands: tuple[Band, ...] = DEFAULT_BANDS
) -> list[DistrictSummary]:
    """One line per district with an inspection, lowest average first."""
    groups: dict[str, list[InspectionRow]] = defaultdict(list)
    for row in rows:
        groups[row.district].append(row)
    summaries = [
        DistrictSummary(
            name=name,
            offices=len({row.office_id for row in district_rows}),
            inspections=len(district_rows),
            average=average(row.score for row in district_rows),
            green_share=green_share(district_rows, bands),
        )
        for name, district_rows in groups.items()
    ]
    return sorted(summaries, key=lambda s: _worst_first(s.average, s.name))


def failures_by_category(
    rows: Sequence[InspectionRow], per_category: int = ITEMS_PER_CATEGORY
) -> list[CategoryFailures]:
    """Every category scored in the period, most failures first, each with its most-failed
    items (failed / asked: how often the item failed where it counted)."""
    asked: dict[str, int] = defaultdict(int)
    failed: dict[str, int] = defaultdict(int)
    first_seen: dict[str, ItemOutcome] = {}
    category_scores: dict[str, list[Decimal | None]] = defaultdict(list)
    for row in rows:
        for key, score in row.categories:
            category_scores[key].append(score)
        for outcome in row.items:
            first_seen.setdefault(outcome.item_id, outcome)
            asked[outcome.item_id] += outcome.asked
            failed[outcome.item_id] += outcome.failed
    items_of: dict[str, list[ItemFailures]] = defaultdict(list)
    for item_id, outcome in first_seen.items():
        if failed[item_id]:
            items_of[outcome.category].append(
                ItemFailures(
                    item_id=item_id,
                    category=outcome.category,
                    critical=outcome.critical,
                    failed=failed[item_id],
                    asked=asked[item_id],
                    share=share(failed[item_id], asked[item_id]) or Decimal("0.0"),
                )
            )
    categories = []
    for key in {*category_scores, *items_of}:
        items = sorted(items_of[key], key=lambda i: (-i.failed, -i.share, i.item_id))
        scores = category_scores.get(key, [])
        categories.append(
            CategoryFailures(
                key=key,
                average=average(scores),
                scored=sum(1 for score in scores if score is not None),
                failed=sum(item.failed for item in items),
                items=tuple(items[:per_category]),
            )
        )
    return sorted(categories, key=lambda c: (-c.failed, *_worst_first(c.average, c.key)))


def trend(
    rows: Sequence[InspectionRow], date_from: date, date_to: date, step: Step | None = None
) -> list[TrendPoint]:
    """Average score and share of inspections with a critical failure, per day/week/month."""
    cuts = periods(date_from, date_to, step or trend_step(date_from, date_to))
    points = []
    for start, end in cuts:
        inside = [row for row in rows if start <= row.started.date() <= end]
        points.append(
            TrendPoint(
                start=start,
                end=end,
                inspections=len(inside),
                average=average(row.score for row in inside),
                critical_share=share(sum(1 for row in inside if row.critical), len(inside)),
            )
        )
    return points
