"""The admin pages for integrations: a token shown once, revocation with a reason, the audit."""

import hashlib
import json
import re

import pytest
from sqlalchemy import select

from sidak.models import AuditEvent, Integration, Role, db

TOKEN = re.compile(r">(sdk_[A-Za-z0-9_-]{40,})</textarea>")


@pytest.fixture
def admin(login):
    return login(Role.ADMIN, username="admin")


def create(client, **fields):
    data = {"name": "Dasbor Dinas Kesehatan", "scope": "city", "office_id": "", **fields}
    return client.post("/admin/integrasi/baru", data=data)


def events(action: str) -> list[AuditEvent]:
    return list(db.session.scalars(select(AuditEvent).where(AuditEvent.action == action)))


def test_a_new_token_is_shown_once_and_only_its_hash_is_kept(client, admin):
    response = create(client)
    assert response.status_code == 200
    assert response.headers["Cache-Control"] == "no-store"
    assert "hanya ditampilkan sekali" in response.text
    token = TOKEN.search(response.text).group(1)
    integration = db.session.scalar(select(Integration))
    assert integration.token_hash == hashlib.sha256(token.encode()).hexdigest()
    assert integration.token_prefix == token[:12]
    assert (integration.scope, integration.office_id) == ("city", None)
    for page in ("/admin/integrasi", f"/admin/integrasi/{integration.id}"):
        shown = client.get(page).text
        assert token not in shown and integration.token_prefix in shown
    client.post("/keluar")
    reply = client.get("/api/v1/offices", headers={"Authorization": f"Bearer {token}"})
    assert reply.status_code == 200


def test_creating_is_in_the_audit_log_with_who_but_never_the_token(client, admin):
    token = TOKEN.search(create(client).text).group(1)
    (event,) = events("integration.create")
    assert (event.actor, event.user_id) == ("admin", admin.id)
    detail = json.loads(event.detail)
    assert detail["name"] == "Dasbor Dinas Kesehatan" and detail["scope"] == "city"
    assert token not in event.detail and detail["prefix"] == token[:12]


def test_an_office_scope_needs_an_active_office(client, admin, make_office):
    office = make_office()
    closed = make_office("Kelurahan Lama", type="kelurahan", active=False)
    refused = create(client, scope="office")
    assert refused.status_code == 422
    assert "Pilih kantor yang boleh dibaca integrasi ini." in refused.text
    assert create(client, scope="office", office_id=str(closed.id)).status_code == 422
    assert db.session.scalar(select(Integration)) is None
    assert create(client, scope="office", office_id=str(office.id)).status_code == 200
    integration = db.session.scalar(select(Integration))
    assert (integration.scope, integration.office_id) == ("office", office.id)
    assert office.name in client.get("/admin/integrasi").text


def test_an_office_chosen_for_a_city_scope_is_ignored(client, admin, make_office):
    office = make_office()
    assert create(client, office_id=str(office.id)).status_code == 200
    assert db.session.scalar(select(Integration)).office_id is None


@pytest.mark.parametrize(
    ("fields", "message"),
    (
        ({"name": ""}, "Nama integrasi wajib diisi."),
        ({"name": "x" * 201}, "paling banyak 200 karakter"),
        ({"scope": "semua"}, "Pilih cakupan"),
    ),
)
def test_bad_values_are_shown_under_their_field(client, admin, fields, message):
    response = create(client, **fields)
    assert response.status_code == 422
    assert message in response.text
    assert db.session.scalar(select(Integration)) is None


def test_a_name_is_used_once(client, admin):
    assert create(client).status_code == 200
    again = create(client, name="  Dasbor   Dinas Kesehatan ")
    assert again.status_code == 422
    assert "sudah dipakai integrasi lain" in again.text


def test_revoking_needs_a_reason_and_stops_the_token(client, admin):
    token = TOKEN.search(create(client).text).group(1)
    integration = db.session.scalar(select(Integration))
    page = client.get(f"/admin/integrasi/{integration.id}").text
    assert "Cabut token sekarang" in page
    refused = client.post(f"/admin/integrasi/{integration.id}/cabut", data={"reason": " "})
    assert refused.status_code == 422
    assert db.session.get(Integration, integration.id).active
    done = client.post(
        f"/admin/integrasi/{integration.id}/cabut", data={"reason": "Kontrak vendor berakhir"}
    )
    assert done.status_code == 302 and done.headers["Location"] == "/admin/integrasi"
    db.session.refresh(integration)
    assert integration.revoked_at is not None and integration.revoked_by_id == admin.id
    (event,) = events("integration.revoke")
    assert event.actor == "admin"
    assert json.loads(event.detail)["reason"] == "Kontrak vendor berakhir"
    page = client.get(f"/admin/integrasi/{integration.id}").text
    assert "Kontrak vendor berakhir" in page and "Cabut token sekarang" not in page
    assert "Dicabut" in client.get("/admin/integrasi").text
    again = client.post(f"/admin/integrasi/{integration.id}/cabut", data={"reason": "lagi"})
    assert again.status_code == 422 and len(events("integration.revoke")) == 1
    client.post("/keluar")
    reply = client.get("/api/v1/inspections", headers={"Authorization": f"Bearer {token}"})
    assert reply.status_code == 401


def test_the_list_shows_scope_creator_and_last_use(client, admin, make_office):
    office = make_office()
    token = TOKEN.search(create(client, scope="office", office_id=str(office.id)).text).group(1)
    assert "Belum pernah" in client.get("/admin/integrasi").text
    client.get("/api/v1/offices", headers={"Authorization": f"Bearer {token}"})
    listing = client.get("/admin/integrasi").text
    assert "Belum pernah" not in listing
    assert f"Satu kantor: {office.name}" in listing
    assert admin.full_name in listing


@pytest.mark.parametrize("role", (Role.CITY, Role.INSPECTOR, Role.OFFICE_HEAD))
def test_only_admins_manage_integrations(client, login, role):
    login(role)
    assert client.get("/admin/integrasi").status_code == 403
    assert client.get("/admin/integrasi/baru").status_code == 403
    assert create(client).status_code == 403
    assert db.session.scalar(select(Integration)) is None


def test_the_admin_menu_links_to_integrations(client, admin):
    assert 'href="/admin/integrasi"' in client.get("/admin/integrasi/baru").text
