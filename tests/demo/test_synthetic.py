"""`sidak demo generate`: a large synthetic history written in bulk that the app reads as
its own: the services score, summarise, hash and decide it the same way."""

from collections import Counter, defaultdict
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import func, select

from sidak.config import PROJECT_ROOT
from sidak.demo.synthetic import GenerationRefused, generate
from sidak.domain.preview import render_json
from sidak.models import (
    AnswerRecord,
    CityDay,
    CorrectiveAction,
    FollowUp,
    Inspection,
    InspectionFinding,
    InspectionStatus,
    InspectionSummary,
    Office,
    OfficeMonth,
    Sanction,
    Signature,
    TeamMember,
    User,
    db,
)
from sidak.services.analytics import summaries
from sidak.services.checklists import checklist_of
from sidak.services.inspections.drafts import evaluate, missing_before_submit
from sidak.services.inspections.submission import missing_signatures, submission_digest
from sidak.services.reports.letterhead import local_time
from sidak.services.sanctions.tick import tick

NOW = datetime(2026, 3, 18, 7, 0, tzinfo=UTC)  #: a Wednesday, 14:00 in Jakarta


@pytest.fixture
def city(app, tmp_path):
    """A factory: ``city(offices=12, inspections=300)`` generates a year of history."""
    app.config["UPLOADS_DIR"] = str(tmp_path / "uploads")
    app.config["CHECKLISTS_DIR"] = str(PROJECT_ROOT / "checklists")

    def make(offices=12, inspections=300, years=1, seed=1, breakdown=False):
        return generate(offices, inspections, years, seed, now=NOW, breakdown=breakdown)

    return make


def count(model) -> int:
    return db.session.scalar(select(func.count()).select_from(model))


def test_a_small_city_gets_the_history_asked_for(city):
    report = city()
    assert count(Office) == report.offices == 12
    assert count(Inspection) == report.rows["inspections"] == 300
    statuses = Counter(db.session.scalars(select(Inspection.status)))
    assert statuses["finalized"] > 250 and statuses["submitted"] > 0
    assert set(statuses) == {"finalized", "submitted"}
    first, last = db.session.execute(
        select(func.min(Inspection.started_at), func.max(Inspection.submitted_at))
    ).one()
    assert NOW - timedelta(days=366) < first.replace(tzinfo=UTC) and last.replace(tzinfo=UTC) < NOW
    summarised = set(db.session.scalars(select(InspectionSummary.inspection_id)))
    assert summarised == set(db.session.scalars(select(Inspection.id)))
    checklists = Counter(db.session.scalars(select(InspectionSummary.checklist_key)))
    assert checklists["puskesmas"] > 0 and checklists["kantor-pelayanan"] > 0
    answers = Counter(db.session.scalars(select(AnswerRecord.inspection_id)))
    assert min(answers.values()) >= 25 and max(answers.values()) <= 34
    assert count(TeamMember) == 2 * 300 and count(Signature) == 3 * 300
    roles = Counter(db.session.scalars(select(User.role)))
    assert roles["admin"] == roles["city"] == 1 and roles["inspector"] >= 4
    assert roles["office_head"] >= 2


def test_every_record_is_what_the_services_would_have_stored(city, runner):
    city()
    for inspection in db.session.scalars(select(Inspection).order_by(Inspection.id)):
        assert inspection.score_json is None
        result = evaluate(inspection)
        assert inspection.score == result.total
        assert inspection.grade_id == (result.grade.id if result.grade else None)
        assert inspection.findings_count == len(result.findings)
        assert inspection.critical_failures == len(result.critical_failures)
        assert missing_before_submit(inspection, result) == []
        assert missing_signatures(inspection) == []
        assert submission_digest(inspection) == inspection.submission_hash
        items = {item.id for item in checklist_of(inspection.checklist_version).items}
        assert {answer.item_id for answer in inspection.answers} <= items
    result = runner.invoke(args=["verify"])
    assert result.exit_code == 0, result.output
    assert "0 berubah" in result.output


def test_the_score_breakdown_is_stored_only_when_asked_for(city):
    city(offices=6, inspections=40, breakdown=True)
    for inspection in db.session.scalars(select(Inspection)):
        checklist = checklist_of(inspection.checklist_version)
        assert inspection.score_json == render_json(checklist, evaluate(inspection))


def test_summaries_and_the_rollup_are_those_a_rebuild_writes(city):
    city()
    before = _analytics()
    assert before[2], "the monthly roll-up is built"
    summaries.rebuild()
    assert _analytics() == before


def _analytics() -> tuple:
    columns = [c for c in InspectionSummary.__table__.columns if c.name != "updated_at"]
    rows = {tuple(row) for row in db.session.execute(select(*columns))}
    findings = Counter(
        tuple(row)
        for row in db.session.execute(
            select(
                InspectionFinding.inspection_id,
                InspectionFinding.item_id,
                InspectionFinding.category,
                InspectionFinding.critical,
                InspectionFinding.position,
            )
        )
    )
    rollup = {tuple(row) for row in db.session.execute(select(*OfficeMonth.__table__.columns))}
    city = {tuple(row) for row in db.session.execute(select(*CityDay.__table__.columns))}
    assert city, "the city's daily roll-up is written too"
    return rows, findings, rollup, city


def test_sanctions_and_deadlines_stand_as_the_daily_tick_leaves_them(city):
    city()
    report = tick(local_time(NOW).date())
    assert not report.changed, report
    db.session.rollback()
    sanctions = Counter(db.session.scalars(select(Sanction.status)))
    assert {"verified", "waived", "escalated"} <= set(sanctions), sanctions
    actions = Counter(db.session.scalars(select(CorrectiveAction.status)))
    assert actions["verified"] > actions["overdue"] > 0, actions
    follow_ups = Counter(db.session.scalars(select(FollowUp.status)))
    assert follow_ups["done"] > follow_ups["scheduled"] > 0, follow_ups


def test_repeat_offenders_climb_the_ladder_and_some_offices_are_never_visited(city):
    city()
    repeats = db.session.scalar(select(func.max(Sanction.ordinal)))
    assert repeats >= 3
    visited = set(db.session.scalars(select(Inspection.office_id)))
    assert 0 < count(Office) - len(visited) <= 2
    escalated = db.session.scalars(select(Sanction).where(Sanction.escalated_from_id.is_not(None)))
    for sanction in escalated:
        assert sanction.escalated_from.inspection_id == sanction.inspection_id
        assert sanction.escalated_from.status == "escalated"


def test_document_numbers_run_per_year_and_codes_are_unique(city):
    city()
    for column_year, column_sequence, model in (
        (Inspection.report_year, Inspection.report_sequence, Inspection),
        (Sanction.number_year, Sanction.number_sequence, Sanction),
    ):
        sequences = defaultdict(list)
        query = select(column_year, column_sequence).where(column_year.is_not(None))
        for year, sequence in db.session.execute(query):
            sequences[year].append(sequence)
        assert sequences, model.__name__
        for found in sequences.values():
            assert sorted(found) == list(range(1, len(found) + 1))
    codes = list(db.session.scalars(select(Inspection.verification_code)))
    finalized = count(Inspection) - Counter(codes)[None]
    assert len({code for code in codes if code}) == finalized


def test_a_database_with_offices_is_left_alone(city, make_office, runner):
    make_office()
    with pytest.raises(GenerationRefused, match="sudah berisi data"):
        city()
    result = runner.invoke(args=["demo", "generate", "--offices", "5", "--inspections", "10"])
    assert result.exit_code == 1
    assert "hanya dibuat di basis data kosong" in result.output
    assert count(Office) == 1 and count(Inspection) == 0


def test_the_command_reports_what_it_made(city, runner):
    args = ["demo", "generate", "--offices", "8", "--inspections", "40", "--years", "1"]
    result = runner.invoke(args=args)
    assert result.exit_code == 0, result.output
    assert "Selesai dalam" in result.output and "8 kantor" in result.output
    assert "40 inspeksi" in result.output
    assert count(Inspection) == 40
    assert db.session.scalar(select(Inspection.status).limit(1)) in set(InspectionStatus)


def test_a_sanctioned_office_keeps_the_protocol_better_for_the_window():
    """The generated history's offices answer sanctions: the higher the level issued to them
    in the last window, the more of their shortfall they make up (waived ones do not count)."""
    import random
    from datetime import date, datetime

    from sidak.demo.synthetic.ledger import SanctionRecord, Source
    from sidak.demo.synthetic.sanctions import DETERRENCE_KEEPS, SanctionDesk
    from sidak.domain.sanctions.loader import parse_ladder

    ladder = parse_ladder((PROJECT_ROOT / "checklists" / "sanksi.yaml").read_bytes())
    desk = SanctionDesk(None, ladder, None, "", random.Random(1))
    day = date(2026, 3, 2)

    def sanctioned(level: str, on: date, issued: bool = True) -> None:
        source = Source(len(desk.violations) + 1, "u", office_id=7, day=on)
        record = SanctionRecord(1, 7, 1, "uji", level, 1, "", "", datetime(2026, 1, 1))
        record.level = level
        record.issued_at = datetime(2026, 1, 1) if issued else None
        source.sanctions.append(record)
        desk.violations.setdefault(7, []).append(source)

    assert desk.deterrence(7, day) == 0
    first, second = ladder.levels[0].id, ladder.levels[1].id
    sanctioned(second, date(2025, 11, 1))  # outside the 90 days
    sanctioned(first, date(2026, 1, 5), issued=False)  # proposed, then waived
    assert desk.deterrence(7, day) == 0
    sanctioned(first, date(2026, 2, 2))
    assert desk.deterrence(7, day) == pytest.approx(1 - DETERRENCE_KEEPS)
    sanctioned(second, date(2026, 2, 20))
    assert desk.deterrence(7, day) == pytest.approx(1 - DETERRENCE_KEEPS**2)
    assert desk.deterrence(8, day) == 0, "another office"
