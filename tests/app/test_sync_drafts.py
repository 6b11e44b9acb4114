"""The phone's offline start: bootstrap data, and drafts created by the phone's own uuid."""

import json
import uuid

import pytest
from sqlalchemy import func, select

from sidak.models import ChecklistRecord, ChecklistVersion, Inspection, Role, db


def current_hash(key="kantor-pelayanan") -> str:
    record = db.session.scalar(select(ChecklistRecord).where(ChecklistRecord.key == key))
    return record.current_version.content_hash


def draft_body(office_id: int, **more) -> dict:
    """What the phone sends to create a draft (the logged-in inspector leads by default)."""
    return {
        "office_id": office_id,
        "checklist_hash": current_hash(),
        "team": [{"user_id": None, "name": "Bripka Dedi Kurniawan", "agency": "Polres Sukamaju"}],
        "started_at": "2020-01-01T08:00:00Z",
        "position": {"latitude": -6.2, "longitude": 106.8, "accuracy_m": 12},
        "location_declined": False,
        **more,
    }


def create_draft(client, office_id: int, key: str | None = None, **more):
    key = key or str(uuid.uuid4())
    response = client.put(f"/api/v1/inspections/{key}", json=draft_body(office_id, **more))
    return key, response


@pytest.fixture
def phone(client, login, make_office, shipped_checklists):
    """An inspector's phone, logged in, with one office to inspect: (user, office)."""
    user = login(Role.INSPECTOR)
    return user, make_office(head_name="Drs. Ahmad Fauzi")


def test_a_draft_put_twice_is_created_once(client, phone):
    _user, office = phone
    key, first = create_draft(client, office.id)
    _key, again = create_draft(client, office.id, key)
    assert (first.status_code, again.status_code) == (201, 200)
    assert first.get_json() == again.get_json()
    body = first.get_json()
    assert body["uuid"] == key and body["status"] == "draft"
    assert body["checklist_hash"] == current_hash()
    assert [(m["name"], m["lead"]) for m in body["team"]] == [
        ("Budi Santoso", True),
        ("Bripka Dedi Kurniawan", False),
    ]
    assert db.session.scalar(select(func.count(Inspection.id))) == 1


def test_the_same_uuid_with_other_content_is_a_conflict_and_changes_nothing(
    client, phone, make_office
):
    _user, office = phone
    key, _ = create_draft(client, office.id)
    other = make_office("Kelurahan Mekarsari", type="kelurahan")
    _key, response = create_draft(client, other.id, key)
    assert response.status_code == 409
    assert response.get_json()["code"] == "conflict"
    _key, other_team = create_draft(client, office.id, key, team=[])
    assert other_team.status_code == 409
    inspection = db.session.scalar(select(Inspection).where(Inspection.uuid == key))
    assert inspection.office_id == office.id and len(inspection.team) == 2


def test_a_draft_made_with_the_web_form_is_recognised_by_its_uuid(client, start_draft):
    key, _user = start_draft()
    inspection = db.session.scalar(select(Inspection).where(Inspection.uuid == key))
    _key, response = create_draft(client, inspection.office_id, key)
    assert response.status_code == 200
    assert response.get_json()["uuid"] == key


def test_an_unknown_checklist_hash_is_refused(client, phone):
    _user, office = phone
    _key, response = create_draft(client, office.id, checklist_hash="0" * 64)
    assert response.status_code == 400
    assert response.get_json()["code"] == "invalid"
    assert "tidak dikenal" in response.get_json()["error"]
    assert db.session.scalar(select(func.count(Inspection.id))) == 0


def test_ids_no_column_can_hold_are_refused_as_unknown(client, phone):
    _key, office = create_draft(client, 10**30)
    assert office.status_code == 400
    assert office.get_json()["error"] == "Pilih kantor yang akan diperiksa."
    _user, real = phone
    team = [{"user_id": 2**31, "name": "", "agency": ""}]
    _key, member = create_draft(client, real.id, team=team)
    assert member.status_code == 400
    assert member.get_json()["error"] == "Anggota tim dengan akun harus inspektur yang aktif."
    assert db.session.scalar(select(func.count(Inspection.id))) == 0


def test_a_draft_filled_offline_with_an_older_version_keeps_that_version(client, phone):
    _user, office = phone
    current = db.session.scalar(
        select(ChecklistVersion).where(ChecklistVersion.content_hash == current_hash())
    )
    content = json.loads(current.canonical_json)
    content["title"]["id"] = "Versi lama"
    older = ChecklistVersion(
        checklist_id=current.checklist_id,
        label="0.9",
        content_hash="a" * 64,
        title="Versi lama",
        canonical_json=json.dumps(content),
        source_yaml="",
        source_path="lama.yaml",
    )
    db.session.add(older)
    db.session.commit()
    key, response = create_draft(client, office.id, checklist_hash="a" * 64)
    assert response.status_code == 201, response.get_json()
    inspection = db.session.scalar(select(Inspection).where(Inspection.uuid == key))
    assert inspection.checklist_version.label == "0.9"
    listed = client.get("/api/v1/field/bootstrap").get_json()["checklists"]
    versions = {c["content_hash"]: c["current"] for c in listed}
    assert versions["a" * 64] is False
    assert versions[current_hash()] is True


def test_a_start_time_in_the_future_becomes_the_server_time(client, phone):
    _user, office = phone
    key, response = create_draft(client, office.id, started_at="2999-01-01T00:00:00Z")
    assert response.status_code == 201
    assert not response.get_json()["started_at"].startswith("2999")
    _key, again = create_draft(client, office.id, key, started_at="2999-01-01T00:00:00Z")
    assert again.status_code == 200


def test_bootstrap_gives_the_phone_what_it_needs_offline(client, phone, make_user, make_office):
    user, office = phone
    make_office("Kantor Lama", active=False)
    make_user("sari", name="Sari Wulandari")
    make_user("kota", role=Role.CITY, name="Pak Kota")
    key, _ = create_draft(client, office.id)
    client.put(
        f"/api/v1/inspections/{key}/answers/masker-pegawai",
        json={"edit": str(uuid.uuid4()), "base": None, "observed": 10, "compliant": 9},
    )
    response = client.get("/api/v1/field/bootstrap")
    assert response.status_code == 200
    assert response.headers["Cache-Control"] == "private, no-store"
    data = response.get_json()
    assert data["user"] == {"id": user.id, "username": "budi", "full_name": "Budi Santoso"}
    assert data["csrf_token"]
    assert [o["name"] for o in data["offices"]] == [office.name]
    assert {i["full_name"] for i in data["inspectors"]} == {"Budi Santoso", "Sari Wulandari"}
    checklist = next(c for c in data["checklists"] if c["key"] == "kantor-pelayanan")
    assert checklist["content_hash"] == current_hash()
    assert checklist["checklist"]["sections"][0]["items"][0]["id"]
    [draft] = data["drafts"]
    assert draft["uuid"] == key
    saved = draft["answers"]["masker-pegawai"]
    assert (saved["observed"], saved["compliant"], saved["na"]) == (10, 9, False)
    assert saved["edit"] is not None


def test_bootstrap_lists_only_the_drafts_of_the_persons_teams(app, client, phone, make_user):
    _user, office = phone
    create_draft(client, office.id)
    make_user("sari", name="Sari Wulandari")
    other = app.test_client()
    other.post("/masuk", data={"username": "sari", "password": "rahasia-123"})
    assert other.get("/api/v1/field/bootstrap").get_json()["drafts"] == []


def test_bootstrap_is_for_inspectors(client, login):
    login(Role.CITY, username="walikota")
    response = client.get("/api/v1/field/bootstrap")
    assert response.status_code == 403
    assert response.get_json()["code"] == "forbidden"


def test_another_teams_draft_is_forbidden_as_json(app, client, phone, make_user):
    _user, office = phone
    key, _ = create_draft(client, office.id)
    make_user("sari", name="Sari Wulandari")
    other = app.test_client()
    other.post("/masuk", data={"username": "sari", "password": "rahasia-123"})
    response = other.get(f"/api/v1/inspections/{key}/photos/{uuid.uuid4()}")
    assert response.status_code == 403
    assert response.get_json()["code"] == "forbidden"
