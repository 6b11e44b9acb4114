"""What the scoring engine returns: every number exact, every item explained."""

from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum
from fractions import Fraction

from sidak.domain.answers import Answer
from sidak.domain.checklist.model import GradeBand, ItemType
from sidak.domain.text import Text


class Status(StrEnum):
    PASS = "pass"  #: counted, passed
    FAIL = "fail"  #: counted, failed: a finding
    NA = "na"  #: answered N/A, or a count with nothing observed: not counted
    HIDDEN = "hidden"  #: its `show_if` condition is not met: not counted
    MISSING = "missing"  #: visible, scored, unanswered: not counted, inspection incomplete
    UNSCORED = "unscored"  #: a text or photo item

    @property
    def counted(self) -> bool:
        """Whether the item takes part in the score (numerator and denominator)."""
        return self in (Status.PASS, Status.FAIL)


@dataclass(frozen=True)
class ItemResult:
    """One item's part in the score and why."""

    item_id: str
    section_id: str
    category: str
    type: ItemType
    status: Status
    critical: bool
    weight: Fraction  #: the item's weight as the checklist gives it
    credit: Fraction | None  #: 0..1 when counted, else None
    earned: Fraction  #: weight x credit when counted, else 0
    possible: Fraction  #: weight when counted, else 0
    points: Fraction  #: what the item adds to the total: 100 x earned / total possible
    points_lost: Fraction  #: what it costs the total: 100 x (possible - earned) / total possible
    answer: Answer | None  #: the answer as given, also for hidden items (it is then ignored)
    explanation: Text  #: e.g. "7 dari 10 patuh (70%), batas lulus 90%: gagal"


@dataclass(frozen=True)
class GroupScore:
    """The score of a section, a category or the whole checklist."""

    key: str  #: section id, category key, or ``total``
    title: Text
    earned: Fraction
    possible: Fraction
    exact: Fraction | None  #: 100 x earned / possible, unrounded; None when nothing counted
    score: Decimal | None  #: `exact` rounded half up to one decimal, e.g. Decimal("87.5")
    passed_items: tuple[str, ...]
    failed_items: tuple[str, ...]


@dataclass(frozen=True)
class ScoreResult:
    """A scored inspection; lists keep the checklist's order, categories the catalogue's."""

    checklist_id: str
    checklist_version: str
    items: tuple[ItemResult, ...]
    sections: tuple[GroupScore, ...]
    categories: tuple[GroupScore, ...]  #: only categories the checklist uses
    overall: GroupScore
    grade: GradeBand | None  #: None when nothing was counted
    critical_failures: tuple[str, ...]  #: failed critical items: they set the failing grade
    missing: tuple[str, ...]  #: visible scored items without an answer

    @property
    def total(self) -> Decimal | None:
        return self.overall.score

    @property
    def complete(self) -> bool:
        return not self.missing

    @property
    def findings(self) -> tuple[ItemResult, ...]:
        """The failed items, in checklist order."""
        return tuple(result for result in self.items if result.status is Status.FAIL)

    def item(self, item_id: str) -> ItemResult:
        return next(result for result in self.items if result.item_id == item_id)

    def section(self, section_id: str) -> GroupScore:
        return next(group for group in self.sections if group.key == section_id)

    def category(self, key: str) -> GroupScore:
        return next(group for group in self.categories if group.key == key)
