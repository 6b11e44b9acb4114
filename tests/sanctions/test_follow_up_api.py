"""PUT /api/v1/inspections/<key>/follow-up/<action_id>: the phone's mark on an earlier finding."""

import uuid
from datetime import date, timedelta

import pytest
from sqlalchemy import func, select

from sidak.models import (
    AuditEvent,
    ChecklistVersion,
    CorrectiveAction,
    FollowUpCheck,
    Inspection,
    InspectionStatus,
    Role,
    db,
    utcnow,
)
from tests.conftest import PASSWORD


@pytest.fixture
def follow_up_draft(client, make_user, make_office, shipped_checklists):
    """An office with one open finding, and a new draft of it by ``budi`` (logged in);
    returns (draft uuid, action id)."""
    budi = make_user("budi", role=Role.INSPECTOR)
    office = make_office("Kecamatan Sukamaju Utara")
    earlier = Inspection(
        uuid=str(uuid.uuid4()),
        office=office,
        checklist_version=db.session.scalar(select(ChecklistVersion)),
        created_by_id=budi.id,
        status=InspectionStatus.FINALIZED,
        started_at=utcnow() - timedelta(days=20),
    )
    action = CorrectiveAction(
        inspection=earlier,
        office=office,
        item_id="masker-pegawai",
        question="Pegawai memakai masker dengan benar",
        finding="3 dari 10 pegawai tanpa masker",
        critical=True,
        status="open",
        due_date=date.today() + timedelta(days=5),
    )
    db.session.add_all([earlier, action])
    db.session.commit()
    client.post("/masuk", data={"username": "budi", "password": PASSWORD})
    key = str(uuid.uuid4())
    response = client.post(
        "/inspeksi/baru",
        data={"uuid": key, "office": office.name, "checklist": "kantor-pelayanan", "lead": budi.id},
    )
    assert response.headers["Location"] == f"/inspeksi/{key}/tindak-lanjut"
    return key, action.id


def check_of(key: str) -> FollowUpCheck:
    db.session.expire_all()
    inspection = db.session.scalar(select(Inspection).where(Inspection.uuid == key))
    return inspection.follow_up_checks[0]


def test_a_mark_is_stored_and_echoed(client, follow_up_draft):
    key, action_id = follow_up_draft
    body = {"result": "corrected", "note": "  Sudah pakai masker semua "}
    response = client.put(f"/api/v1/inspections/{key}/follow-up/{action_id}", json=body)
    assert response.status_code == 200
    assert response.json == {
        "action_id": action_id,
        "result": "corrected",
        "note": "Sudah pakai masker semua",
    }
    check = check_of(key)
    assert (check.result, check.note) == ("corrected", "Sudah pakai masker semua")


def test_marking_twice_with_the_same_content_changes_nothing_more(client, follow_up_draft):
    key, action_id = follow_up_draft
    url = f"/api/v1/inspections/{key}/follow-up/{action_id}"
    body = {"result": "open", "note": "Masih ada yang tanpa masker"}
    first = client.put(url, json=body)
    stamp = check_of(key).updated_at
    second = client.put(url, json=body)  # the outbox resends after a lost answer
    assert first.status_code == second.status_code == 200
    assert first.json == second.json
    assert check_of(key).updated_at == stamp
    marks = select(func.count(AuditEvent.id)).where(AuditEvent.action == "followup.mark")
    assert db.session.scalar(marks) == 1


def test_null_clears_a_mark(client, follow_up_draft):
    key, action_id = follow_up_draft
    url = f"/api/v1/inspections/{key}/follow-up/{action_id}"
    client.put(url, json={"result": "corrected", "note": ""})
    response = client.put(url, json={"result": None, "note": ""})
    assert response.status_code == 200 and response.json["result"] is None
    assert check_of(key).result is None


@pytest.mark.parametrize("body", ({"result": "maybe"}, {"result": 1}, ["corrected"]))
def test_a_bad_result_is_refused(client, follow_up_draft, body):
    key, action_id = follow_up_draft
    response = client.put(f"/api/v1/inspections/{key}/follow-up/{action_id}", json=body)
    assert response.status_code == 400
    assert check_of(key).result is None


def test_a_finding_the_inspection_does_not_have_is_not_found(client, follow_up_draft):
    key, action_id = follow_up_draft
    response = client.put(
        f"/api/v1/inspections/{key}/follow-up/{action_id + 1}", json={"result": "corrected"}
    )
    assert response.status_code == 404
    assert response.json["error"]


def test_someone_off_the_team_may_not_mark(client, follow_up_draft, make_user):
    key, action_id = follow_up_draft
    make_user("sari", role=Role.INSPECTOR, name="Sari Dewi")
    client.post("/keluar")
    client.post("/masuk", data={"username": "sari", "password": PASSWORD})
    response = client.put(
        f"/api/v1/inspections/{key}/follow-up/{action_id}", json={"result": "corrected"}
    )
    assert response.status_code == 403
    assert check_of(key).result is None
