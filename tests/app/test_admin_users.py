"""Admin pages for accounts: roles and offices, ended sessions, the audit trail."""

import json

import pytest
from sqlalchemy import select

from sidak.models import AuditEvent, Role, User, db
from sidak.services.accounts import authenticate
from tests.conftest import PASSWORD


@pytest.fixture
def admin(login):
    return login(Role.ADMIN, username="admin")


@pytest.fixture
def office(make_office):
    return make_office("Puskesmas Dago", type="puskesmas", district="Coblong")


@pytest.fixture
def browser_of(app):
    """A factory: a second browser logged in as `username`."""

    def log_in(username, password=PASSWORD):
        browser = app.test_client()
        response = browser.post("/masuk", data={"username": username, "password": password})
        assert response.status_code == 302
        return browser

    return log_in


def events(action: str) -> list[AuditEvent]:
    query = select(AuditEvent).where(AuditEvent.action == action).order_by(AuditEvent.id)
    return list(db.session.scalars(query))


def new_user(**changes) -> dict[str, str]:
    return {
        "username": "sri",
        "full_name": "dr. Sri Handayani",
        "role": "inspector",
        "office_id": "",
        "agency": "Dinas Kesehatan",
        "password": "kata-sandi-baru",
        "confirm": "kata-sandi-baru",
        **changes,
    }


def edit_of(user: User, **changes) -> dict[str, str]:
    data = {
        "full_name": user.full_name,
        "role": str(user.role),
        "office_id": str(user.office_id or ""),
        "agency": user.agency,
        "active": "y" if user.active else "",
        **changes,
    }
    return {key: value for key, value in data.items() if value != ""}


def test_an_office_head_needs_an_office(client, admin, office):
    refused = client.post("/admin/pengguna/baru", data=new_user(role="office_head", agency=""))
    assert refused.status_code == 422
    assert "Kepala kantor wajib dikaitkan dengan satu kantor." in refused.text
    assert 'value="dr. Sri Handayani"' in refused.text
    assert db.session.scalar(select(User).where(User.username == "sri")) is None
    accepted = client.post(
        "/admin/pengguna/baru", data=new_user(role="office_head", office_id=str(office.id))
    )
    assert accepted.status_code == 302
    user = db.session.scalar(select(User).where(User.username == "sri"))
    assert (user.role, user.office_id) == ("office_head", office.id)
    assert authenticate("sri", "kata-sandi-baru") is user


def test_only_office_heads_may_have_an_office(client, admin, office):
    response = client.post("/admin/pengguna/baru", data=new_user(office_id=str(office.id)))
    assert response.status_code == 422
    assert "Hanya kepala kantor yang dikaitkan dengan kantor" in response.text


def test_an_inspector_needs_an_agency(client, admin):
    response = client.post("/admin/pengguna/baru", data=new_user(agency=" "))
    assert response.status_code == 422
    assert "Instansi wajib diisi untuk inspektur" in response.text


def test_a_new_account_needs_a_free_username_and_a_long_enough_password(client, admin, make_user):
    make_user("sri")
    response = client.post(
        "/admin/pengguna/baru", data=new_user(password="pendek", confirm="pendek")
    )
    assert response.status_code == 422
    assert "Nama pengguna &#39;sri&#39; sudah dipakai." in response.text
    assert "Kata sandi minimal 8 karakter." in response.text


def test_creating_an_account_is_audited_without_the_password(client, admin):
    client.post("/admin/pengguna/baru", data=new_user())
    (event,) = events("user.create")
    detail = json.loads(event.detail)
    assert (event.actor, detail["username"], detail["role"]) == ("admin", "sri", "inspector")
    assert detail["agency"] == "Dinas Kesehatan"
    assert "kata-sandi-baru" not in event.detail and "password" not in event.detail


def test_a_role_change_ends_the_persons_sessions(client, admin, make_user, browser_of):
    budi = make_user("budi", role=Role.INSPECTOR)
    browser = browser_of("budi")
    assert browser.get("/daftar-periksa").status_code == 200
    response = client.post(f"/admin/pengguna/{budi.id}", data=edit_of(budi, role="city"))
    assert response.status_code == 302
    assert budi.role == "city"
    stale = browser.get("/daftar-periksa")
    assert stale.status_code == 302
    assert stale.headers["Location"].startswith("/masuk")


def test_a_name_change_keeps_the_persons_sessions(client, admin, make_user, browser_of):
    budi = make_user("budi", role=Role.CITY)
    browser = browser_of("budi")
    client.post(f"/admin/pengguna/{budi.id}", data=edit_of(budi, full_name="Budi S."))
    assert budi.full_name == "Budi S."
    assert browser.get("/daftar-periksa").status_code == 200


def test_deactivating_ends_sessions_and_refuses_logins(client, admin, make_user, browser_of):
    budi = make_user("budi", role=Role.CITY)
    browser = browser_of("budi")
    client.post(f"/admin/pengguna/{budi.id}", data=edit_of(budi, active=""))
    assert budi.active is False
    assert browser.get("/daftar-periksa").status_code == 302
    assert authenticate("budi", PASSWORD) is None


def test_an_update_is_audited_with_old_and_new_role_office_and_active(
    client, admin, make_user, office
):
    budi = make_user("budi", role=Role.CITY)
    client.post(
        f"/admin/pengguna/{budi.id}",
        data=edit_of(budi, role="office_head", office_id=str(office.id), active=""),
    )
    (event,) = events("user.update")
    detail = json.loads(event.detail)
    assert detail["old"] | {"full_name": None} == {
        "full_name": None,
        "role": "city",
        "office_id": None,
        "agency": "",
        "active": True,
        "email": "",
    }
    assert (detail["new"]["role"], detail["new"]["office_id"], detail["new"]["active"]) == (
        "office_head",
        office.id,
        False,
    )
    assert detail["sessions_ended"] is True
    assert event.object_id == str(budi.id)


def test_an_admin_cannot_demote_or_deactivate_themself(client, admin):
    demoted = client.post(f"/admin/pengguna/{admin.id}", data=edit_of(admin, role="city"))
    assert demoted.status_code == 422
    assert "Anda tidak dapat mengubah peran akun Anda sendiri." in demoted.text
    deactivated = client.post(f"/admin/pengguna/{admin.id}", data=edit_of(admin, active=""))
    assert deactivated.status_code == 422
    assert "Anda tidak dapat menonaktifkan akun Anda sendiri." in deactivated.text
    assert (admin.role, admin.active) == ("admin", True)
    assert events("user.update") == []
    assert client.get("/admin/pengguna").status_code == 200


def test_a_password_reset_ends_sessions_and_the_new_password_works(
    client, admin, make_user, browser_of
):
    budi = make_user("budi")
    browser = browser_of("budi")
    response = client.post(
        f"/admin/pengguna/{budi.id}/kata-sandi",
        data={"reset-password": "sandi-baru-99", "reset-confirm": "sandi-baru-99"},
    )
    assert response.status_code == 302
    assert browser.get("/daftar-periksa").status_code == 302
    assert authenticate("budi", PASSWORD) is None
    assert authenticate("budi", "sandi-baru-99") is budi
    (event,) = events("user.password_reset")
    assert "sandi-baru-99" not in event.detail
    assert json.loads(event.detail) == {"username": "budi"}


def test_a_refused_password_reset_changes_nothing(client, admin, make_user, browser_of):
    budi = make_user("budi")
    browser = browser_of("budi")
    response = client.post(
        f"/admin/pengguna/{budi.id}/kata-sandi",
        data={"reset-password": "sandi-baru-99", "reset-confirm": "sandi-lain-99"},
    )
    assert response.status_code == 422
    assert "Kedua kata sandi tidak sama." in response.text
    assert browser.get("/daftar-periksa").status_code == 200
    assert authenticate("budi", PASSWORD) is budi


def test_an_admin_resetting_their_own_password_stays_logged_in_here(client, admin):
    response = client.post(
        f"/admin/pengguna/{admin.id}/kata-sandi",
        data={"reset-password": "sandi-baru-99", "reset-confirm": "sandi-baru-99"},
    )
    assert response.status_code == 302
    assert client.get("/admin/pengguna").status_code == 200


def test_the_list_shows_accounts_with_their_office_but_never_a_password_hash(
    client, admin, make_user, office
):
    head = make_user("kepala", role=Role.OFFICE_HEAD, name="dr. Sri")
    head.office_id = office.id
    db.session.commit()
    page = client.get("/admin/pengguna").text
    assert "kepala" in page and "dr. Sri" in page and "Puskesmas Dago" in page
    assert "Kepala kantor" in page
    for user in db.session.scalars(select(User)):
        assert user.password_hash not in page
        assert user.password_hash not in client.get(f"/admin/pengguna/{user.id}").text
