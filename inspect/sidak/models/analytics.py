"""What the dashboards, exports and the read API count, kept apart from the raw answers.

Each submitted inspection gets one summary row (score, grade, per-category results, whether
the ladder counts it as a violation) and one row per finding, written when it is submitted.
A correction replaces its record in every count (`current`). Two roll-ups, a month per office
and a day for the whole city, are recomputed from the summaries of the rows that changed, so a
year of dashboards reads a few thousand rows instead of every inspection.

Scores are kept in tenths of a point (873 means 87.3): sums stay exact integers, and averages
come out exactly as the recap computes them. Categories are the fixed vocabulary of
`sidak.domain.categories`, one column each, named by `category_column`.
"""

from datetime import date, datetime

from sqlalchemy import ForeignKey, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from sidak.domain.categories import CATEGORIES
from sidak.models.base import UTCDateTime, db, utcnow
from sidak.models.inspection import Inspection
from sidak.models.office import Office
from sidak.models.user import User


def category_column(key: str) -> str:
    """The summary column holding a category's score in tenths (None: nothing counted)."""
    return f"cat_{key}"


def category_sum(key: str) -> str:
    """The roll-up column holding the sum of a category's scores (tenths)."""
    return f"cat_{key}_sum"


def category_count(key: str) -> str:
    """The roll-up column holding how many inspections scored the category."""
    return f"cat_{key}_n"


class InspectionSummary(db.Model):
    """One submitted inspection as the dashboards count it."""

    __tablename__ = "inspection_summaries"
    __table_args__ = (
        # the date-range scans read this index alone (weekly trend, edges of a month)
        Index(
            "ix_inspection_summaries_current_day",
            "current",
            "started_on",
            "office_id",
            "score",
            "critical",
            "violation",
        ),
        Index("ix_inspection_summaries_office_day", "office_id", "started_on"),
        # each office's last inspection is one step down this index (the coverage panel)
        Index("ix_inspection_summaries_office_last", "office_id", "current", "started_on"),
    )

    inspection_id: Mapped[int] = mapped_column(ForeignKey("inspections.id"), primary_key=True)
    office_id: Mapped[int] = mapped_column(ForeignKey("offices.id"))
    #: the checklist's id (``kantor-pelayanan``), whatever its version
    checklist_key: Mapped[str] = mapped_column(String(100))
    status: Mapped[str] = mapped_column(String(12))
    #: the latest submitted version of its record; a submitted correction turns this off
    current: Mapped[bool] = mapped_column(default=True)
    #: the day it started, in the city's calendar, and that day's week (Monday) and month (1st)
    started_on: Mapped[date]
    week: Mapped[date]
    month: Mapped[date]
    #: the score in tenths (873 = 87.3); None when nothing was counted
    score: Mapped[int | None] = mapped_column(Integer)
    grade_id: Mapped[str | None] = mapped_column(String(64))
    #: the sanction ladder's triggers call it a violation (grade, critical item, listed item)
    violation: Mapped[bool] = mapped_column(default=False)
    findings: Mapped[int] = mapped_column(default=0)
    #: failed critical items
    critical: Mapped[int] = mapped_column(default=0)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)

    inspection: Mapped[Inspection] = relationship()
    office: Mapped[Office] = relationship()

    def category_score(self, key: str) -> int | None:
        return getattr(self, category_column(key))


class InspectionFinding(db.Model):
    """A failed item of a submitted inspection: recurring findings and the findings export."""

    __tablename__ = "inspection_findings"
    __table_args__ = (Index("ix_inspection_findings_office_item", "office_id", "item_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    inspection_id: Mapped[int] = mapped_column(
        ForeignKey("inspection_summaries.inspection_id"), index=True
    )
    office_id: Mapped[int] = mapped_column(ForeignKey("offices.id"))
    item_id: Mapped[str] = mapped_column(String(64))
    category: Mapped[str] = mapped_column(String(40))
    critical: Mapped[bool] = mapped_column(default=False)
    #: the item's position in its checklist, so exports list findings in checklist order
    position: Mapped[int] = mapped_column(default=0)


class RollupMeasures:
    """The sums a roll-up row keeps of the current inspections it covers (their names are
    those of `sums.MEASURES`; one sum and one count per category are added below)."""

    inspections: Mapped[int] = mapped_column(default=0)
    #: inspections with a score, and the sum of their scores in tenths
    scored: Mapped[int] = mapped_column(default=0)
    score_sum: Mapped[int] = mapped_column(default=0)
    #: inspections with at least one failed critical item
    with_critical: Mapped[int] = mapped_column(default=0)
    violations: Mapped[int] = mapped_column(default=0)
    findings: Mapped[int] = mapped_column(default=0)
    #: findings of finalized records: each is a corrective action, whatever its state now
    finalized_findings: Mapped[int] = mapped_column(default=0)
    critical: Mapped[int] = mapped_column(default=0)
    #: the last day an inspection was made
    last_on: Mapped[date]


class OfficeMonth(RollupMeasures, db.Model):
    """The sums of one office's current inspections in one month with one checklist."""

    __tablename__ = "office_months"

    month: Mapped[date] = mapped_column(primary_key=True)
    office_id: Mapped[int] = mapped_column(ForeignKey("offices.id"), primary_key=True)
    checklist_key: Mapped[str] = mapped_column(String(100), primary_key=True)


class CityDay(RollupMeasures, db.Model):
    """The sums of every office's current inspections on one day with one checklist: the
    city's total, categories and trend come from a few hundred of these rows a year when no
    district or office type is chosen, whatever the number of offices."""

    __tablename__ = "city_days"

    day: Mapped[date] = mapped_column(primary_key=True)
    checklist_key: Mapped[str] = mapped_column(String(100), primary_key=True)
    #: the day's week (its Monday) and month (its 1st), to group a trend by
    week: Mapped[date]
    month: Mapped[date]


for _key in CATEGORIES:
    # one column per category of the fixed vocabulary (adding a category needs a migration)
    setattr(InspectionSummary, category_column(_key), mapped_column(Integer, nullable=True))
    for _rollup in (OfficeMonth, CityDay):
        setattr(_rollup, category_sum(_key), mapped_column(Integer, default=0, nullable=False))
        setattr(_rollup, category_count(_key), mapped_column(Integer, default=0, nullable=False))


class IntegrationScope:
    CITY = "city"  #: reads what the mayor's office reads: every office
    OFFICE = "office"  #: reads what the office's head reads: one office


class Integration(db.Model):
    """Another system of the city that reads Sidak through the API with its own token."""

    __tablename__ = "integrations"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    #: sha256 of the token; the token itself is shown once, when it is made
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    #: the token's first characters, so people can tell tokens apart
    token_prefix: Mapped[str] = mapped_column(String(16))
    scope: Mapped[str] = mapped_column(String(10))
    office_id: Mapped[int | None] = mapped_column(ForeignKey("offices.id"))
    created_by_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    last_used_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    revoked_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))

    office: Mapped[Office | None] = relationship()
    created_by: Mapped[User] = relationship(foreign_keys=[created_by_id])
    revoked_by: Mapped[User | None] = relationship(foreign_keys=[revoked_by_id])

    @property
    def active(self) -> bool:
        return self.revoked_at is None
