"""Sums of inspections that add up: per office and month in the database, per anything here.

Every figure shown is derived from these sums exactly, as the recap derives it from the
scores themselves: an average is the sum of one-decimal scores over their number, rounded
half up to one decimal.
"""

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from fractions import Fraction

from sidak.domain.analytics.summary import tenths
from sidak.domain.scoring.rounding import round_half_up

__all__ = ["Tally", "share", "tenths"]


def share(part: int, whole: int) -> Decimal | None:
    """`part` of `whole` in %, one decimal half up; None for an empty whole."""
    return _tenths_half_up(part * 1000, whole) if whole else None


def _mean_of_tenths(total: int, count: int) -> Decimal | None:
    return _tenths_half_up(total, count) if count else None


def _tenths_half_up(numerator: int, denominator: int) -> Decimal:
    """numerator / denominator tenths as a one-decimal Decimal, half up: what
    `round_half_up(Fraction(numerator, denominator * 10))` gives, without building a Fraction
    (a dashboard asks for thousands of these)."""
    if numerator < 0:
        return round_half_up(Fraction(numerator, denominator * 10))
    return Decimal((2 * numerator + denominator) // (2 * denominator)).scaleb(-1)


@dataclass
class Tally:
    inspections: int = 0
    scored: int = 0  #: inspections with a score
    score_sum: int = 0  #: their scores, in tenths
    with_critical: int = 0  #: inspections with a failed critical item
    violations: int = 0  #: inspections the sanction ladder calls violations
    findings: int = 0
    finalized_findings: int = 0  #: findings of finalized records (one corrective action each)
    critical: int = 0  #: failed critical items
    last_on: date | None = None  #: the latest day counted
    #: category key -> (sum of its scores in tenths, inspections that scored it)
    categories: dict[str, tuple[int, int]] = field(default_factory=dict)

    def add(self, other: "Tally") -> "Tally":
        """Add `other` into this tally; returns self."""
        self.inspections += other.inspections
        self.scored += other.scored
        self.score_sum += other.score_sum
        self.with_critical += other.with_critical
        self.violations += other.violations
        self.findings += other.findings
        self.finalized_findings += other.finalized_findings
        self.critical += other.critical
        if other.last_on is not None and (self.last_on is None or other.last_on > self.last_on):
            self.last_on = other.last_on
        for key, (total, count) in other.categories.items():
            mine = self.categories.get(key, (0, 0))
            self.categories[key] = (mine[0] + total, mine[1] + count)
        return self

    @property
    def average(self) -> Decimal | None:
        """The mean score, one decimal half up; None if nothing was scored."""
        return _mean_of_tenths(self.score_sum, self.scored)

    @property
    def critical_share(self) -> Decimal | None:
        """% of inspections with a failed critical item."""
        return share(self.with_critical, self.inspections)

    @property
    def violation_share(self) -> Decimal | None:
        return share(self.violations, self.inspections)

    def category_average(self, key: str) -> Decimal | None:
        total, count = self.categories.get(key, (0, 0))
        return _mean_of_tenths(total, count)

    def category_scored(self, key: str) -> int:
        return self.categories.get(key, (0, 0))[1]


def total(tallies) -> Tally:
    """The sum of many tallies."""
    result = Tally()
    for tally in tallies:
        result.add(tally)
    return result
