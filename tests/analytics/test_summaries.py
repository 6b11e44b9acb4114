"""Summaries are written when an inspection is submitted, through the real services."""

import json
from decimal import Decimal

from sqlalchemy import select

from sidak.models import (
    Inspection,
    InspectionFinding,
    InspectionSummary,
    OfficeMonth,
    db,
)
from sidak.models.analytics import category_column
from sidak.services.analytics.summaries import rebuild
from sidak.services.inspections.submission import start_correction, submit
from tests.app.test_inspection_flow import fill_everything, sign_all
from tests.sanctions.conftest import log_in, start, violate_and_finalize


def summary_of(inspection: Inspection) -> InspectionSummary:
    return db.session.get(InspectionSummary, inspection.id)


def test_a_submitted_inspection_is_summarised_as_its_record_says(client, people):
    office, _head, _city = people
    log_in(client, "budi")
    inspection = violate_and_finalize(client, start(client, office))
    summary = summary_of(inspection)
    assert summary.status == "finalized" and summary.current
    assert Decimal(summary.score) / 10 == inspection.score
    assert summary.grade_id == inspection.grade_id
    assert summary.findings == inspection.findings_count
    assert summary.critical == inspection.critical_failures == 1
    assert summary.violation, "a failed critical item is a violation under the ladder"
    breakdown = json.loads(inspection.score_json)
    for group in breakdown["categories"]:
        stored = getattr(summary, category_column(group["id"]))
        assert stored == (round(Decimal(group["score"]) * 10) if group["score"] else None)
    failed = [i["id"] for i in breakdown["items"] if i["status"] == "fail"]
    findings = db.session.scalars(
        select(InspectionFinding.item_id)
        .where(InspectionFinding.inspection_id == inspection.id)
        .order_by(InspectionFinding.position)
    )
    assert list(findings) == failed
    cell = db.session.get(OfficeMonth, (summary.month, office.id, "kantor-pelayanan"))
    assert cell.inspections == 1 and cell.score_sum == summary.score and cell.violations == 1


def test_a_submitted_correction_takes_the_place_of_its_record(client, people):
    office, _head, _city = people
    log_in(client, "budi")
    first = violate_and_finalize(client, start(client, office))
    budi = first.team[0].user
    correction = start_correction(budi, first, "Salah hitung pegawai")
    assert summary_of(first).current, "a correction still being drafted changes nothing"
    key = correction.uuid
    fill_everything(client, key)
    sign_all(client, key)
    submit(budi, correction)
    assert not summary_of(first).current and summary_of(correction).current
    cell = db.session.get(OfficeMonth, (summary_of(first).month, office.id, "kantor-pelayanan"))
    assert cell.inspections == 1 and cell.score_sum == summary_of(correction).score
    assert cell.violations == 0, "the corrected record has no failed critical item"


def test_rebuild_gives_the_same_summaries_and_roll_up(client, people):
    office, _head, _city = people
    log_in(client, "budi")
    inspection = violate_and_finalize(client, start(client, office))
    before = summary_of(inspection)
    written = (before.score, before.violation, before.findings, before.cat_masks)
    cells = [(c.month, c.inspections, c.score_sum) for c in db.session.scalars(select(OfficeMonth))]
    db.session.execute(InspectionFinding.__table__.delete())
    db.session.execute(InspectionSummary.__table__.delete())
    db.session.execute(OfficeMonth.__table__.delete())
    db.session.commit()
    assert rebuild(missing_only=True) == 1
    after = summary_of(inspection)
    assert (after.score, after.violation, after.findings, after.cat_masks) == written
    assert [
        (c.month, c.inspections, c.score_sum) for c in db.session.scalars(select(OfficeMonth))
    ] == cells
    assert rebuild(missing_only=True) == 0


def test_the_actions_panel_counts_every_action_of_the_period(client, people):
    from sidak.domain.analytics.filters import default_filter
    from sidak.models import CorrectiveAction
    from sidak.services.analytics import dashboard
    from sidak.services.sanctions.ladder import city_today

    office, _head, _city = people
    log_in(client, "budi")
    inspection = violate_and_finalize(client, start(client, office))
    actions = list(
        db.session.scalars(
            select(CorrectiveAction).where(CorrectiveAction.inspection_id == inspection.id)
        )
    )
    f = default_filter(city_today())

    def counts():
        return {row.state: row.total for row in dashboard.build(f).actions}

    assert counts()["open"] == len(actions) == inspection.findings_count
    assert counts()["verified"] == counts()["withdrawn"] == 0
    actions[0].status, actions[1].status = "verified", "withdrawn"
    db.session.commit()
    after = counts()
    assert (after["open"], after["verified"], after["withdrawn"]) == (len(actions) - 2, 1, 1)
