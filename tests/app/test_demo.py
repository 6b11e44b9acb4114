"""The demo data: offices from the shipped CSV, one account per role, a history of
inspections made through the services, loaded once into an empty database only."""

import csv
import io
from collections import Counter
from datetime import UTC, datetime, timedelta
from importlib import resources

import pytest
from sqlalchemy import func, select

from sidak.config import PROJECT_ROOT
from sidak.demo import DEMO_ACCOUNTS, DEMO_PASSWORD, DemoState, load_demo
from sidak.demo.schedule import plan
from sidak.models import (
    AnswerRecord,
    AuditEvent,
    Inspection,
    InspectionStatus,
    Office,
    Photo,
    Role,
    Signature,
    User,
    db,
)
from sidak.services.accounts import authenticate
from sidak.services.inspections.drafts import missing_before_submit
from sidak.services.inspections.evidence import file_store
from sidak.services.inspections.submission import missing_signatures
from sidak.services.inspections.verification import verify

SHIPPED = PROJECT_ROOT / "checklists"
NOW = datetime(2021, 9, 15, 7, 0, tzinfo=UTC)  #: a Wednesday, 14:00 in Jakarta


@pytest.fixture
def demo(app, tmp_path):
    """A factory: ``demo(inspections=8)`` loads the demo and returns its report."""
    app.config["UPLOADS_DIR"] = str(tmp_path / "uploads")

    def load(inspections=8):
        return load_demo(str(SHIPPED), inspections=inspections, now=NOW)

    return load


def csv_rows() -> list[dict[str, str]]:
    text = resources.files("sidak.demo").joinpath("offices.csv").read_text(encoding="utf-8")
    return list(csv.DictReader(io.StringIO(text)))


def test_offices_are_the_shipped_csv_with_every_field(demo):
    report = demo(inspections=0)
    offices = db.session.scalars(select(Office)).all()
    assert report.offices == len(offices) == len(csv_rows()) == 30
    assert len({office.district for office in offices}) == 6
    kinds = Counter(office.type for office in offices)
    assert kinds["puskesmas"] >= 3 and kinds["kelurahan"] >= 3 and kinds["kecamatan"] == 6
    for office in offices:
        assert office.address.startswith("Jl. ")
        assert office.head_name and office.head_phone.startswith("0")
        assert office.head_email.endswith("@sukamajukota.go.id")
        assert abs(office.latitude - -6.92) < 0.06 and abs(office.longitude - 107.62) < 0.06


def test_every_role_has_an_account_and_office_heads_answer_for_an_office(demo):
    demo(inspections=0)
    roles = Counter()
    for account in DEMO_ACCOUNTS:
        user = authenticate(account.username, DEMO_PASSWORD)
        assert user is not None, account.username
        roles[user.role] += 1
        if user.role == Role.INSPECTOR:
            assert user.agency in ("Satpol PP", "Dinas Kesehatan")
    assert roles[Role.ADMIN] == roles[Role.CITY] == 1
    assert roles[Role.INSPECTOR] == 4 and roles[Role.OFFICE_HEAD] >= 2
    kepala = db.session.scalar(select(User).where(User.username == "kepala"))
    assert db.session.get(Office, kepala.office_id).name == "Puskesmas Cibeureum"


def test_inspections_are_scored_and_the_finalized_ones_verify(demo, runner):
    report = demo(inspections=8)
    assert report.inspections == {"finalized": 5, "submitted": 2, "draft": 1}
    for inspection in db.session.scalars(select(Inspection)):
        if inspection.status == InspectionStatus.DRAFT:
            assert inspection.score is None and inspection.lead.user.username == "inspektur"
            continue
        assert inspection.score is not None and inspection.grade_id
        assert NOW - timedelta(days=121) < inspection.started_at < inspection.submitted_at < NOW
        assert len(inspection.team) in (2, 3)
        assert missing_before_submit(inspection) == [] and missing_signatures(inspection) == []
    notes = select(AnswerRecord.note).where(
        AnswerRecord.note != "", AnswerRecord.item_id != "catatan-umum"
    )
    assert db.session.scalars(notes).first(), "failures carry the inspector's note"
    assert db.session.scalar(select(func.count(Photo.id))) > 0
    checked, problems = verify(read_file=file_store().open)
    assert (checked, problems) == (5, [])
    result = runner.invoke(args=["verify"])
    assert result.exit_code == 0 and "0 berubah" in result.output


def test_the_history_carries_the_days_it_happened(demo):
    demo(inspections=8)
    finalized = db.session.scalars(
        select(Inspection).where(Inspection.status == InspectionStatus.FINALIZED)
    ).all()
    for inspection in finalized:
        assert inspection.submitted_at < inspection.finalized_at < NOW
        assert all(s.signed_at <= inspection.submitted_at for s in inspection.signatures)
        events = db.session.scalars(
            select(AuditEvent).where(AuditEvent.object_id == inspection.uuid)
        ).all()
        assert {e.action for e in events} >= {"inspection.start", "inspection.finalize"}
        assert all(inspection.started_at <= e.at <= inspection.finalized_at for e in events)


def test_a_second_load_changes_nothing(demo):
    demo(inspections=4)
    before = table_sizes()
    again = demo(inspections=4)
    assert again.state is DemoState.LOADED and not again.loaded
    assert table_sizes() == before


def test_a_database_with_other_data_is_left_alone(demo, make_user):
    make_user("budi", role=Role.ADMIN)
    report = demo(inspections=4)
    assert report.state is DemoState.OTHER
    assert db.session.scalar(select(func.count(Office.id))) == 0
    assert db.session.scalar(select(func.count(User.id))) == 1


def test_the_full_history_inspects_each_office_one_to_four_times(demo):
    demo(inspections=0)
    offices = db.session.scalars(select(Office)).all()
    visits = plan(offices, NOW)
    assert visits == plan(offices, NOW)  # the same day gives the same story
    assert 60 <= len(visits) <= 90
    statuses = Counter(visit.status for visit in visits)
    assert statuses[InspectionStatus.DRAFT] == 2 and statuses[InspectionStatus.SUBMITTED] == 3
    history = Counter(v.office for v in visits if v.status != InspectionStatus.DRAFT)
    assert set(history) == {office.name for office in offices}
    assert set(history.values()) <= {1, 2, 3, 4}
    checklists = {v.office: v.checklist for v in visits}
    assert checklists["Puskesmas Cibeureum"] == "puskesmas"
    assert checklists["Dinas Sosial"] == "kantor-pelayanan"


def table_sizes() -> dict[str, int]:
    models = (User, Office, Inspection, AnswerRecord, Photo, Signature, AuditEvent)
    return {m.__name__: db.session.scalar(select(func.count(m.id))) for m in models}
