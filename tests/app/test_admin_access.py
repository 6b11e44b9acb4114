"""Admin pages are for admins: others get the 403 page, anonymous people the login."""

import pytest

from sidak.models import Role
from sidak.services.accounts import create_user
from tests.conftest import PASSWORD

ROUTES = [
    ("GET", "/admin/kantor"),
    ("GET", "/admin/kantor/baru"),
    ("POST", "/admin/kantor/baru"),
    ("GET", "/admin/kantor/1"),
    ("POST", "/admin/kantor/1"),
    ("POST", "/admin/kantor/1/status"),
    ("GET", "/admin/kantor/impor"),
    ("POST", "/admin/kantor/impor"),
    ("GET", "/admin/pengguna"),
    ("GET", "/admin/pengguna/baru"),
    ("POST", "/admin/pengguna/baru"),
    ("GET", "/admin/pengguna/1"),
    ("POST", "/admin/pengguna/1"),
    ("POST", "/admin/pengguna/1/kata-sandi"),
]


@pytest.mark.parametrize(("method", "path"), ROUTES)
@pytest.mark.parametrize("role", [Role.INSPECTOR, Role.OFFICE_HEAD, Role.CITY])
def test_other_roles_get_the_indonesian_403_page(client, login, role, method, path):
    login(role)
    response = client.open(path, method=method, data={"name": "X", "active": "0"})
    assert response.status_code == 403
    assert "Akses ditolak" in response.text


@pytest.mark.parametrize(("method", "path"), ROUTES)
def test_anonymous_people_are_sent_to_the_login(client, method, path):
    response = client.open(path, method=method)
    assert response.status_code == 302
    assert response.headers["Location"].startswith("/masuk")


def test_only_admins_see_the_admin_links(app, client, login):
    login(Role.CITY)
    page = client.get("/daftar-periksa").text
    assert "/admin/kantor" not in page and "/admin/pengguna" not in page
    admin_browser = app.test_client()
    create_user("admin", "Admin Sidak", PASSWORD, Role.ADMIN)
    admin_browser.post("/masuk", data={"username": "admin", "password": PASSWORD})
    page = admin_browser.get("/daftar-periksa").text
    assert 'href="/admin/kantor"' in page and 'href="/admin/pengguna"' in page
