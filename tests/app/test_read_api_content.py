"""What the read API says about inspections and sanctions made through the real flow."""

# ruff: noqa: F811  (fixtures imported from other modules are parameters of the tests)

from datetime import timedelta

from sqlalchemy import select

from sidak.models import CorrectiveAction, Inspection, InspectionSummary, Sanction, db
from sidak.services.checklists import checklist_of
from sidak.services.sanctions.ladder import city_today
from sidak.services.sanctions.records import visit_day
from tests.app.read_api_support import make_integration, read  # noqa: F401  (fixtures)
from tests.app.test_inspection_flow import sign_all
from tests.sanctions.conftest import (  # noqa: F401  (the `people` fixture)
    log_in,
    people,
    start,
    violate_and_finalize,
)


def finalized_violation(client, office) -> Inspection:
    """A finalized record with two findings, one critical, made by budi; nobody logged in."""
    log_in(client, "budi")
    inspection = violate_and_finalize(client, start(client, office))
    client.post("/keluar")
    return inspection


def test_a_finalized_inspection_reads_as_its_record(client, read, people, make_integration):
    office, _head, _city = people
    inspection = finalized_violation(client, office)
    _integration, token = make_integration()
    body = read(f"/api/v1/inspections/{inspection.uuid}", token).get_json()
    checklist = checklist_of(inspection.checklist_version)
    summary = db.session.get(InspectionSummary, inspection.id)
    assert body["uuid"] == inspection.uuid
    assert body["office"] == {
        "id": office.id,
        "name": office.name,
        "district": office.district,
        "type": office.type,
    }
    assert body["checklist"] == {
        "key": "kantor-pelayanan",
        "version": checklist.version,
        "content_hash": inspection.checklist_version.content_hash,
    }
    assert (body["status"], body["current"]) == ("finalized", True)
    assert body["day"] == visit_day(inspection).isoformat()
    assert body["score"] == f"{inspection.score:.1f}" and "." in body["score"]
    assert body["grade"] == inspection.grade_id == checklist.failing_grade.id
    assert body["grade_label"] == {
        "id": checklist.failing_grade.label.id,
        "en": checklist.failing_grade.label.en,
    }
    assert body["critical_failures"] == 1
    assert body["report_number"] == inspection.report_number
    assert body["finalized_at"] == inspection.finalized_at.isoformat()
    code = inspection.verification_code
    assert body["verification_url"] == f"http://localhost/verifikasi/{code}"
    masks = next(c for c in body["categories"] if c["key"] == "masks")
    assert masks["name"] == {"id": "Masker", "en": "Masks"}
    assert masks["score"] == f"{summary.cat_masks // 10}.{summary.cat_masks % 10}"
    assert (body["supersedes"], body["superseded_by"]) == (None, None)


def test_findings_carry_the_question_of_the_checklist_version_and_their_action(
    client, read, people, make_integration
):
    office, _head, _city = people
    inspection = finalized_violation(client, office)
    _integration, token = make_integration()
    findings = read(f"/api/v1/inspections/{inspection.uuid}", token).get_json()["findings"]
    checklist = checklist_of(inspection.checklist_version)
    assert [f["item_id"] for f in findings] == ["masker-pegawai", "masker-pengunjung"]
    staff = findings[0]
    item = checklist.item("masker-pegawai")
    assert staff["question"] == {"id": item.question.id, "en": item.question.en}
    assert staff["question"]["en"]  # the shipped checklist has English
    assert (staff["category"], staff["critical"]) == ("masks", True)
    action = db.session.scalar(
        select(CorrectiveAction).where(
            CorrectiveAction.inspection_id == inspection.id,
            CorrectiveAction.item_id == "masker-pegawai",
        )
    )
    assert staff["action"] == {
        "id": action.id,
        "status": "open",
        "due_date": action.due_date.isoformat(),
    }
    assert findings[1]["critical"] is False
    # the list says the same as the detail
    listed = read("/api/v1/inspections", token).get_json()["data"]
    assert listed == [read(f"/api/v1/inspections/{inspection.uuid}", token).get_json()]


def test_a_passed_deadline_reads_as_overdue_before_the_tick(client, read, people, make_integration):
    office, _head, _city = people
    inspection = finalized_violation(client, office)
    action = db.session.scalar(
        select(CorrectiveAction).where(CorrectiveAction.inspection_id == inspection.id)
    )
    action.due_date = city_today() - timedelta(days=1)
    db.session.commit()
    _integration, token = make_integration()
    findings = read(f"/api/v1/inspections/{inspection.uuid}", token).get_json()["findings"]
    assert findings[0]["action"]["status"] == "overdue"
    assert db.session.get(CorrectiveAction, action.id).status == "open"


def test_a_proposed_sanction_is_the_citys_until_it_is_issued(
    client, read, people, make_integration
):
    office, _head, _city = people
    inspection = finalized_violation(client, office)
    sanction = db.session.scalar(select(Sanction).where(Sanction.inspection_id == inspection.id))
    _city_integration, city_token = make_integration()
    _office_integration, office_token = make_integration("Portal kantor", "office", office)
    proposed = read(f"/api/v1/sanctions/{sanction.id}", city_token).get_json()
    assert proposed["state"] == "proposed" and proposed["number"] is None
    assert proposed["inspection"] == inspection.uuid
    assert proposed["ordinal"] == 1
    assert proposed["reason"]["id"] == sanction.reason
    assert read(f"/api/v1/sanctions/{sanction.id}", office_token).status_code == 404
    assert read("/api/v1/sanctions", office_token).get_json()["data"] == []

    log_in(client, "walikota")
    decided = client.post(f"/sanksi/{sanction.id}/keputusan", data={"keputusan": "usulan"})
    assert decided.status_code == 302
    client.post("/keluar")
    issued = read(f"/api/v1/sanctions/{sanction.id}", office_token).get_json()
    db.session.refresh(sanction)
    assert issued["state"] == "issued"
    assert issued["number"] == sanction.number is not None
    assert issued["due_date"] == sanction.due_date.isoformat()
    assert issued["issued_at"] == sanction.issued_at.isoformat()
    assert [s["id"] for s in read("/api/v1/sanctions", office_token).get_json()["data"]] == [
        sanction.id
    ]

    sanction.due_date = city_today() - timedelta(days=1)
    db.session.commit()
    assert read(f"/api/v1/sanctions/{sanction.id}", office_token).get_json()["state"] == "overdue"
    listed = read("/api/v1/sanctions", city_token, state="overdue").get_json()["data"]
    assert [s["id"] for s in listed] == [sanction.id]


def test_a_submitted_correction_replaces_its_original(client, read, people, make_integration):
    office, _head, _city = people
    original = finalized_violation(client, office)
    _integration, token = make_integration()
    log_in(client, "budi")
    response = client.post(f"/inspeksi/{original.uuid}/koreksi", data={"alasan": "Salah hitung"})
    assert response.status_code == 302
    correction = db.session.scalar(
        select(Inspection).where(Inspection.supersedes_id == original.id)
    )
    # while the correction is a draft, nobody reads it and the original stays current
    before = read(f"/api/v1/inspections/{original.uuid}", token).get_json()
    assert (before["current"], before["superseded_by"]) == (True, None)
    sign_all(client, correction.uuid)
    assert client.post(f"/inspeksi/{correction.uuid}/kirim").status_code == 302
    after = read(f"/api/v1/inspections/{original.uuid}", token).get_json()
    assert (after["current"], after["superseded_by"]) == (False, correction.uuid)
    new = read(f"/api/v1/inspections/{correction.uuid}", token).get_json()
    assert (new["status"], new["supersedes"], new["current"]) == ("submitted", original.uuid, True)
    assert [f["action"] for f in new["findings"]] == [None, None]  # actions come when final
    current = read("/api/v1/inspections", token).get_json()["data"]
    assert [i["uuid"] for i in current] == [correction.uuid]
    every = read("/api/v1/inspections", token, versions="all").get_json()["data"]
    assert [i["uuid"] for i in every] == [original.uuid, correction.uuid]


def test_the_office_head_reads_their_office_through_the_session(client, people):
    office, _head, _city = people
    inspection = finalized_violation(client, office)
    log_in(client, "kepala")
    body = client.get("/api/v1/inspections").get_json()
    assert [i["uuid"] for i in body["data"]] == [inspection.uuid]
    offices = client.get("/api/v1/offices").get_json()["data"]
    assert [o["id"] for o in offices] == [office.id]
    assert offices[0]["last_inspected_on"] == visit_day(inspection).isoformat()
    assert offices[0]["head"] == "Drs. Ahmad Fauzi"
