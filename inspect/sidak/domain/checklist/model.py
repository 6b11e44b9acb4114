"""A checklist as the rest of Sidak sees it: immutable, validated, exact numbers.

Numbers that take part in scoring are `Fraction`s so that no float ever enters a score.
"""

from dataclasses import dataclass, field
from enum import StrEnum
from fractions import Fraction

from sidak.domain.text import Text


class ItemType(StrEnum):
    YESNO = "yesno"  #: yes / no, optionally N/A
    COUNT = "count"  #: "X of N observed comply", passes at a share
    NUMBER = "number"  #: a measured number in an allowed range, passes inside a pass range
    CHOICE = "choice"  #: one option out of several, each with its own score
    TEXT = "text"  #: free text, never scored
    PHOTO = "photo"  #: photo evidence only, never scored

    @property
    def scored(self) -> bool:
        return self not in (ItemType.TEXT, ItemType.PHOTO)


class Evidence(StrEnum):
    """What an inspector must attach when an item fails."""

    PHOTO = "photo"
    NOTE = "note"


@dataclass(frozen=True)
class Rule:
    """A legal basis the checklist follows (a decree, an instruction, a regional rule)."""

    id: str  #: short code the items cite, e.g. ``kmk-328-2020``
    title: Text  #: full citation


@dataclass(frozen=True)
class Option:
    """One answer of a choice item."""

    value: str  #: stored in answers, e.g. ``lengkap``
    label: Text
    score: Fraction  #: share of the item's weight earned, 0..1 (authors write 0-100)
    passed: bool  #: whether choosing it passes the item (default: score is 100)


@dataclass(frozen=True)
class Condition:
    """Show an item only when another item's answer is one of `values`."""

    item_id: str
    values: tuple[str, ...]  #: canonical values: ``yes``/``no`` or option values


@dataclass(frozen=True)
class Item:
    id: str
    type: ItemType
    question: Text
    category: str  #: a key of `sidak.domain.categories.CATEGORIES`
    weight: Fraction = Fraction(1)
    critical: bool = False  #: a failure sets the failing grade whatever the total
    #: False for an informational yesno/choice item (``scored: tidak``): it is asked, and
    #: conditions may use it, but it never counts in a score and never fails
    scored: bool = True
    allow_na: bool = False
    guidance: Text | None = None
    basis: tuple[str, ...] = ()  #: ids of the checklist's rules
    evidence_on_fail: tuple[Evidence, ...] = ()
    show_if: Condition | None = None
    #: yesno: the answer that passes (``yes`` unless the question is asked negatively)
    expect: str = "yes"
    #: count: the share of compliant observations needed to pass, 0..1
    pass_ratio: Fraction | None = None
    #: number: allowed input range and the range that passes (None: unbounded)
    minimum: Fraction | None = None
    maximum: Fraction | None = None
    pass_min: Fraction | None = None
    pass_max: Fraction | None = None
    unit: str | None = None
    #: choice
    options: tuple[Option, ...] = ()

    @property
    def is_scored(self) -> bool:
        """Whether this item counts in scores: a scored type, and not informational."""
        return self.scored and self.type.scored

    def option(self, value: str) -> Option | None:
        return next((o for o in self.options if o.value == value), None)


@dataclass(frozen=True)
class Section:
    id: str
    title: Text
    items: tuple[Item, ...]


@dataclass(frozen=True)
class GradeBand:
    """A grade from `min` (inclusive) up to the next band's `min`."""

    id: str
    label: Text
    min: Fraction  #: 0..100
    color: str  #: ``#rrggbb``


@dataclass(frozen=True)
class Checklist:
    id: str
    version: str  #: the author's label, e.g. ``2021.2``
    title: Text
    description: Text | None
    rules: tuple[Rule, ...]
    sections: tuple[Section, ...]
    grades: tuple[GradeBand, ...]  #: sorted by `min`, highest first; the last starts at 0
    #: ids of the rules that apply to the whole checklist
    basis: tuple[str, ...] = field(default=())

    @property
    def items(self) -> tuple[Item, ...]:
        return tuple(item for section in self.sections for item in section.items)

    def item(self, item_id: str) -> Item | None:
        return next((i for i in self.items if i.id == item_id), None)

    @property
    def failing_grade(self) -> GradeBand:
        """The grade a failed critical item sets: the lowest band."""
        return self.grades[-1]

    def grade_for(self, score: Fraction) -> GradeBand:
        return next(band for band in self.grades if score >= band.min)
