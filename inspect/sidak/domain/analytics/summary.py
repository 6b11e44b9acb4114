"""One scored inspection reduced to what the dashboards count."""

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from sidak.domain.categories import CATEGORIES
from sidak.domain.scoring.results import ScoreResult


@dataclass(frozen=True)
class Finding:
    item_id: str
    category: str
    critical: bool
    position: int  #: the item's place in the checklist


@dataclass(frozen=True)
class SummaryFacts:
    score: int | None  #: tenths of a point; None when nothing was counted
    grade_id: str | None
    critical: int  #: failed critical items
    findings: tuple[Finding, ...]
    #: every category of the vocabulary: its score in tenths, None where nothing counted
    categories: dict[str, int | None]


def tenths(score: Decimal | None) -> int | None:
    """A one-decimal score as an integer number of tenths (87.3 -> 873)."""
    return None if score is None else int(score * 10)


def summary_facts(result: ScoreResult) -> SummaryFacts:
    """The counts of one scored inspection, as rounded in its record."""
    scored = {group.key: tenths(group.score) for group in result.categories}
    positions = {item.item_id: index for index, item in enumerate(result.items)}
    return SummaryFacts(
        score=tenths(result.total),
        grade_id=result.grade.id if result.grade else None,
        critical=len(result.critical_failures),
        findings=tuple(
            Finding(f.item_id, f.category, f.critical, positions[f.item_id])
            for f in result.findings
        ),
        categories={key: scored.get(key) for key in CATEGORIES},
    )


def week_start(day: date) -> date:
    """The Monday of `day`'s week."""
    return day - timedelta(days=day.weekday())


def month_start(day: date) -> date:
    return day.replace(day=1)
