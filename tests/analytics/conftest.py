"""A small city whose dashboard numbers are computed by hand in the tests.

Offices A and B lie in Utara, C and D in Selatan (D is never inspected). The period is
15 January to 10 March 2026: half a month, a whole month (from the roll-up) and ten days.

| office | day        | score | notes                                       |
|--------|------------|-------|---------------------------------------------|
| A      | 2026-01-10 | 50.0  | before the period                           |
| A      | 2026-01-20 | 80.0  | masks 100.0                                 |
| A      | 2026-02-05 | 90.5  | masks 50.0                                  |
| A      | 2026-02-06 | 10.0  | replaced by a correction: never counted     |
| B      | 2026-02-10 | 70.0  | violation, 1 critical failure, 3 findings   |
| B      | 2026-03-05 | 60.0  | violation, masks 75.0                       |
| B      | 2026-03-20 | 99.9  | after the period                            |
| C      | 2026-02-28 | 95.0  | masks 80.0                                  |
"""

import uuid
from datetime import date, datetime, time

import pytest
from sqlalchemy import select

from sidak.domain.analytics import month_start, week_start
from sidak.domain.analytics.filters import DashboardFilter
from sidak.models import (
    ChecklistRecord,
    Inspection,
    InspectionFinding,
    InspectionSummary,
    Office,
    Role,
    Sanction,
    User,
    db,
)
from sidak.services.analytics.summaries import rebuild_rollup
from sidak.services.reports.letterhead import city_zone
from tests.sanctions.conftest import ladder, people  # noqa: F401  (fixtures shared here)

PERIOD = DashboardFilter(date_from=date(2026, 1, 15), date_to=date(2026, 3, 10))
ARGS = {"dari": "2026-01-15", "sampai": "2026-03-10"}


def add_summary(
    office,
    day: date,
    score: float,
    *,
    current=True,
    violation=False,
    critical=0,
    findings=0,
    masks=None,
    status="finalized",
    items=(),
    checklist="kantor-pelayanan",
) -> Inspection:
    """An inspection of `office` on `day` with the given summary (and findings), committed;
    the first inspector and the checklist's current version are its author and form."""
    version_id = db.session.scalar(
        select(ChecklistRecord.current_version_id).where(ChecklistRecord.key == checklist)
    )
    inspector = db.session.scalar(select(User).where(User.role == Role.INSPECTOR).limit(1))
    inspection = Inspection(
        uuid=str(uuid.uuid4()),
        office_id=office.id,
        checklist_version_id=version_id,
        created_by_id=inspector.id,
        status=status,
        started_at=datetime.combine(day, time(9), tzinfo=city_zone()),
        score=score,
        findings_count=len(items) or findings,
        critical_failures=critical,
    )
    db.session.add(inspection)
    db.session.flush()
    db.session.add(
        InspectionSummary(
            inspection_id=inspection.id,
            office_id=office.id,
            checklist_key=checklist,
            status=status,
            current=current,
            started_on=day,
            week=week_start(day),
            month=month_start(day),
            score=round(score * 10),
            violation=violation,
            findings=len(items) or findings,
            critical=critical,
            cat_masks=None if masks is None else round(masks * 10),
        )
    )
    db.session.flush()
    names = list(items) or [f"butir-{n}" for n in range(findings)]
    for position, item_id in enumerate(names):
        db.session.add(
            InspectionFinding(
                inspection_id=inspection.id,
                office_id=office.id,
                item_id=item_id,
                category="masks",
                critical=position < critical,
                position=position,
            )
        )
    db.session.commit()
    return inspection


@pytest.fixture
def record_summary(app, shipped_checklists, make_user):
    """`add_summary` as a fixture, with an inspector to author the inspections."""
    make_user("tim", role=Role.INSPECTOR)
    return add_summary


@pytest.fixture
def city(app, make_office, record_summary):
    """The offices A-D and the inspections of the table above; returns the offices by letter."""
    offices = {
        "A": make_office("Kelurahan A", type="kelurahan", district="Utara"),
        "B": make_office("Puskesmas B", type="puskesmas", district="Utara"),
        "C": make_office("Dinas C", type="dinas", district="Selatan"),
        "D": make_office("Kelurahan D", type="kelurahan", district="Selatan"),
    }
    A, B, C = offices["A"], offices["B"], offices["C"]
    record_summary(A, date(2026, 1, 10), 50.0)
    record_summary(A, date(2026, 1, 20), 80.0, masks=100.0)
    record_summary(A, date(2026, 2, 5), 90.5, masks=50.0)
    record_summary(A, date(2026, 2, 6), 10.0, current=False, violation=True)
    b1 = record_summary(B, date(2026, 2, 10), 70.0, violation=True, critical=1, findings=3)
    record_summary(B, date(2026, 3, 5), 60.0, violation=True, masks=75.0)
    record_summary(B, date(2026, 3, 20), 99.9)
    record_summary(C, date(2026, 2, 28), 95.0, masks=80.0)
    # an issued sanction long past its deadline: overdue, whatever `sidak tick` did
    db.session.add(
        Sanction(
            office_id=B.id,
            inspection_id=b1.id,
            inspected_on=date(2026, 2, 10),
            status="issued",
            ladder="uji",
            proposed_level="x",
            level="x",
            level_name="Teguran tertulis",
            due_date=date(2026, 2, 20),
            proposed_at=datetime(2026, 2, 11, 3, tzinfo=city_zone()),
        )
    )
    db.session.commit()
    rebuild_rollup()
    db.session.commit()
    return offices


@pytest.fixture
def city_user(login):
    return login(Role.CITY, username="walikota")


def office_named(name: str) -> Office:
    return db.session.scalar(select(Office).where(Office.name == name))
