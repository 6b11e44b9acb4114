"""Answer edits from phones: idempotent by the edit's uuid, never overwriting unseen changes."""

import uuid

import pytest
from sqlalchemy import select

from sidak.models import Inspection, db
from tests.app.test_sync_drafts import create_draft


@pytest.fixture
def draft(app, client, login, make_user, make_office, shipped_checklists):
    """A draft by Budi with Sari on the team; returns (key, Budi's client, Sari's client)."""
    budi = login()
    sari = make_user("sari", name="Sari Wulandari")
    office = make_office()
    team = [{"user_id": budi.id, "lead": True}, {"user_id": sari.id}]
    key, response = create_draft(client, office.id, team=team)
    assert response.status_code == 201, response.get_json()
    second = app.test_client()
    assert second.post("/masuk", data={"username": "sari", "password": "rahasia-123"}).status_code
    return key, client, second


def edit(client, key, item, base, edit_id=None, **answer):
    edit_id = edit_id or str(uuid.uuid4())
    body = {"edit": edit_id, "base": base, **answer}
    return edit_id, client.put(f"/api/v1/inspections/{key}/answers/{item}", json=body)


def stored(key, item):
    db.session.expire_all()
    inspection = db.session.scalar(select(Inspection).where(Inspection.uuid == key))
    return next(a for a in inspection.answers if a.item_id == item)


def test_an_edit_is_applied_once_and_its_resend_changes_nothing(draft):
    key, phone, _ = draft
    first, response = edit(phone, key, "masker-pegawai", None, observed=10, compliant=9)
    assert response.status_code == 200
    assert response.get_json()["edit"] == first
    assert response.get_json()["applied"] is True
    _, again = edit(phone, key, "masker-pegawai", None, first, observed=10, compliant=9)
    assert again.status_code == 200
    assert again.get_json()["applied"] is False
    assert again.get_json()["saved_at"] == response.get_json()["saved_at"]


def test_an_old_edit_resent_after_newer_ones_leaves_the_newest_value(draft):
    key, phone, _ = draft
    first, _ = edit(phone, key, "masker-pegawai", None, observed=10, compliant=9)
    second, response = edit(phone, key, "masker-pegawai", first, observed=10, compliant=4)
    assert response.status_code == 200
    _, replay = edit(phone, key, "masker-pegawai", None, first, observed=10, compliant=9)
    assert replay.status_code == 200
    assert replay.get_json()["applied"] is False
    assert stored(key, "masker-pegawai").compliant == 4
    _, next_edit = edit(phone, key, "masker-pegawai", second, observed=10, compliant=5)
    assert next_edit.status_code == 200
    assert stored(key, "masker-pegawai").compliant == 5


def test_an_edit_uuid_reused_with_other_content_is_a_conflict(draft):
    key, phone, _ = draft
    first, _ = edit(phone, key, "masker-pegawai", None, observed=10, compliant=9)
    _, response = edit(phone, key, "masker-pegawai", None, first, observed=10, compliant=1)
    assert response.status_code == 409
    assert response.get_json()["code"] == "conflict"
    _, elsewhere = edit(phone, key, "masker-pengunjung", None, first, observed=10, compliant=9)
    assert elsewhere.status_code == 409
    assert stored(key, "masker-pegawai").compliant == 9


def test_a_change_from_a_second_device_makes_the_first_phones_edit_stale(draft):
    key, budi, sari = draft
    first, _ = edit(budi, key, "masker-pegawai", None, observed=10, compliant=9)
    sari_edit, response = edit(sari, key, "masker-pegawai", first, observed=12, compliant=12)
    assert response.status_code == 200, response.get_json()
    # Budi's phone, offline meanwhile, still builds on `first`.
    _, stale = edit(budi, key, "masker-pegawai", first, observed=10, compliant=7)
    assert stale.status_code == 409
    body = stale.get_json()
    assert body["code"] == "stale"
    server = body["server"]
    assert (server["observed"], server["compliant"]) == (12, 12)
    assert server["edit"] == sari_edit
    assert server["updated_by"] == "Sari Wulandari"
    assert server["updated_at"]
    assert stored(key, "masker-pegawai").compliant == 12
    # Budi chose his own value: a new edit on top of the server's.
    _, resolved = edit(budi, key, "masker-pegawai", sari_edit, observed=10, compliant=7)
    assert resolved.status_code == 200
    assert stored(key, "masker-pegawai").compliant == 7


def test_a_first_edit_is_stale_when_the_item_was_answered_elsewhere(draft):
    key, budi, sari = draft
    edit(sari, key, "larangan-tanpa-masker", None, value="yes")
    _, stale = edit(budi, key, "larangan-tanpa-masker", None, value="no")
    assert stale.status_code == 409
    assert stale.get_json()["server"]["value"] == "yes"


def test_the_online_form_still_saves_without_edits_and_phones_notice_it(draft):
    key, phone, sari = draft
    first, _ = edit(phone, key, "masker-pegawai", None, observed=10, compliant=9)
    online = sari.put(
        f"/api/v1/inspections/{key}/answers/masker-pegawai", json={"observed": 10, "compliant": 2}
    )
    assert online.status_code == 200
    assert "progress" in online.get_json()
    _, stale = edit(phone, key, "masker-pegawai", first, observed=10, compliant=8)
    assert stale.status_code == 409
    server = stale.get_json()["server"]
    assert server["compliant"] == 2 and server["edit"] is None
    _, resolved = edit(phone, key, "masker-pegawai", None, observed=10, compliant=8)
    assert resolved.status_code == 200
    assert stored(key, "masker-pegawai").compliant == 8


def test_an_invalid_edit_is_refused_and_not_remembered(draft):
    key, phone, _ = draft
    bad, response = edit(phone, key, "masker-pegawai", None, observed=5, compliant=7)
    assert response.status_code == 400
    assert response.get_json()["code"] == "invalid"
    assert "tidak boleh melebihi" in response.get_json()["error"]
    _, fixed = edit(phone, key, "masker-pegawai", None, bad, observed=7, compliant=5)
    assert fixed.status_code == 200
    assert fixed.get_json()["applied"] is True


def test_an_edit_needs_uuids(draft):
    key, phone, _ = draft
    _, response = edit(phone, key, "masker-pegawai", None, "bukan-uuid", value="x")
    assert response.status_code == 400
    _, base = edit(phone, key, "masker-pegawai", "bukan-uuid", observed=1, compliant=1)
    assert base.status_code == 400


def test_bootstrap_hands_the_phone_the_edit_to_build_on(draft):
    key, phone, sari = draft
    first, _ = edit(phone, key, "masker-pegawai", None, observed=10, compliant=9)
    [seen] = sari.get("/api/v1/field/bootstrap").get_json()["drafts"]
    assert seen["answers"]["masker-pegawai"]["edit"] == first
