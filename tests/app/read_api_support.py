"""Fixtures of the read API tests: integrations, a GET with a token, records made directly.

Records made here have a summary as submission writes it but no answers: enough to list,
filter and page. What a record holds is tested on inspections made through the real flow.
"""

import uuid
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select

from sidak.domain.analytics import month_start, week_start
from sidak.models import (
    ChecklistRecord,
    Inspection,
    InspectionFinding,
    InspectionStatus,
    InspectionSummary,
    Role,
    Sanction,
    db,
)
from sidak.services.integrations import create_integration

JAKARTA = ZoneInfo("Asia/Jakarta")


@pytest.fixture
def make_integration(app, make_user):
    """A factory: an integration made through the service by an admin -> (integration, token)."""
    made = {}

    def make(name="Dasbor Dinkes", scope="city", office=None):
        if "admin" not in made:
            made["admin"] = make_user("pembuat", Role.ADMIN, name="Admin Integrasi")
        office_id = office.id if office is not None else None
        return create_integration(name, scope, office_id, actor=made["admin"])

    return make


@pytest.fixture
def read(client):
    """A factory: GET an API path with a bearer token (None: no header) -> the response."""

    def get(path, token=None, **params):
        headers = {"Authorization": f"Bearer {token}"} if token else {}
        return client.get(path, query_string=params or None, headers=headers)

    return get


@pytest.fixture
def make_record(app, shipped_checklists, make_user):
    """A factory: an inspection of `office` with its summary (and findings) -> Inspection.

    ``status="draft"`` makes a draft, which has no summary."""
    author = make_user("pencatat", Role.INSPECTOR, name="Pencatat")

    def make(
        office,
        day=date(2026, 11, 2),
        status=InspectionStatus.FINALIZED,
        score=873,
        checklist="kantor-pelayanan",
        current=True,
        findings=(),
        supersedes=None,
    ):
        record = db.session.scalar(select(ChecklistRecord).where(ChecklistRecord.key == checklist))
        started = datetime.combine(day, time(9, 30), tzinfo=JAKARTA)
        inspection = Inspection(
            uuid=str(uuid.uuid4()),
            office=office,
            checklist_version=record.current_version,
            created_by_id=author.id,
            status=status,
            started_at=started,
            supersedes=supersedes,
            version=2 if supersedes else 1,
        )
        db.session.add(inspection)
        if status != InspectionStatus.DRAFT:
            inspection.submitted_at = started + timedelta(hours=1)
            inspection.score = Decimal(score) / 10
            inspection.grade_id = "patuh" if score >= 900 else "perlu-perbaikan"
            _summary(inspection, record.key, day, score, current, findings)
        db.session.commit()
        return inspection

    return make


def _summary(inspection, checklist, day, score, current, findings) -> InspectionSummary:
    summary = InspectionSummary(
        inspection=inspection,
        office_id=inspection.office.id,
        checklist_key=checklist,
        status=inspection.status,
        current=current,
        started_on=day,
        week=week_start(day),
        month=month_start(day),
        score=score,
        grade_id=inspection.grade_id,
        findings=len(findings),
    )
    db.session.add(summary)
    db.session.flush()
    for position, item_id in enumerate(findings):
        db.session.add(
            InspectionFinding(
                inspection_id=inspection.id,
                office_id=inspection.office.id,
                item_id=item_id,
                category="masks",
                position=position,
            )
        )
    return summary


@pytest.fixture
def make_sanction(app):
    """A factory: a sanction on a record, in a stored state -> Sanction."""

    def make(inspection, status="issued", due=date(2026, 12, 1), proposed=None, **more):
        sanction = Sanction(
            office_id=inspection.office_id,
            inspection=inspection,
            status=status,
            ladder="uji 1",
            proposed_level="teguran-lisan",
            level="teguran-lisan",
            level_name="Teguran lisan",
            level_name_en="Verbal warning",
            reason="pelanggaran ke-1 dalam 90 hari",
            due_date=due if status != "proposed" else None,
            proposed_at=proposed or inspection.started_at,
            **more,
        )
        db.session.add(sanction)
        db.session.commit()
        return sanction

    return make


def walk(read, path, token, **params) -> list[dict]:
    """Every row of a list, following `next` from page to page."""
    rows, url, pages = [], path, 0
    response = read(url, token, **params)
    while True:
        assert response.status_code == 200, response.get_json()
        body = response.get_json()
        rows += body["data"]
        pages += 1
        assert pages < 100
        if body["next"] is None:
            assert "Link" not in response.headers
            return rows
        assert response.headers["Link"] == f'<{body["next"]}>; rel="next"'
        response = read(body["next"].removeprefix("http://localhost"), token)
