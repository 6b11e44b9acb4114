import pytest

from sidak.models import Role
from tests.conftest import PASSWORD


@pytest.mark.parametrize("path", ["/daftar-periksa", "/daftar-periksa/kantor-pelayanan"])
def test_pages_need_a_login(client, path):
    response = client.get(path)
    assert response.status_code == 302
    assert response.headers["Location"].startswith("/masuk")


def test_wrong_password_is_refused_with_a_message(client, make_user):
    make_user("budi")
    response = client.post("/masuk", data={"username": "budi", "password": "salah-sekali"})
    assert response.status_code == 200
    assert "Nama pengguna atau kata sandi salah." in response.text
    assert client.get("/daftar-periksa").status_code == 302


def test_empty_form_shows_errors_in_indonesian(client):
    response = client.post("/masuk", data={})
    assert response.status_code == 422
    assert "Nama pengguna wajib diisi." in response.text
    assert "Kata sandi wajib diisi." in response.text


def test_login_is_case_insensitive_on_the_username_and_follows_next(client, make_user):
    make_user("budi")
    response = client.post(
        "/masuk?next=/daftar-periksa", data={"username": " Budi ", "password": PASSWORD}
    )
    assert response.headers["Location"] == "/daftar-periksa"


def test_login_never_redirects_to_another_site(client, make_user):
    make_user("budi")
    response = client.post(
        "/masuk?next=https://evil.example/", data={"username": "budi", "password": PASSWORD}
    )
    assert response.headers["Location"] == "/inspeksi"


def test_logout_ends_the_session_even_for_a_copied_cookie(app, client, login):
    login(Role.CITY)
    copied = client.get_cookie("session").value
    assert client.get("/daftar-periksa").status_code == 200
    client.post("/keluar")
    thief = app.test_client()
    thief.set_cookie("session", copied)
    response = thief.get("/daftar-periksa")
    assert response.status_code == 302
    assert response.headers["Location"].startswith("/masuk")


def test_session_cookie_is_httponly_and_samesite(client, make_user):
    make_user("budi")
    response = client.post("/masuk", data={"username": "budi", "password": PASSWORD})
    cookie = response.headers["Set-Cookie"]
    assert "HttpOnly" in cookie
    assert "SameSite=Lax" in cookie


def test_inactive_user_cannot_log_in(client, make_user, app):
    from sidak.models import db

    user = make_user("budi")
    user.active = False
    db.session.commit()
    response = client.post("/masuk", data={"username": "budi", "password": PASSWORD})
    assert "Nama pengguna atau kata sandi salah." in response.text


def test_interface_is_indonesian_by_default_and_english_on_request(client):
    assert "Masuk ke Sidak" in client.get("/masuk").text
    english = client.get("/masuk?lang=en").text
    assert "Log in to Sidak" in english
    assert '<html lang="en">' in english
    assert "Log in to Sidak" in client.get("/masuk").text  # the choice is remembered


def test_logins_failed_logins_and_logouts_are_audited(client, make_user):
    from sqlalchemy import select

    from sidak.models import AuditEvent, db

    make_user("budi")
    client.post("/masuk", data={"username": "budi", "password": "salah-sekali"})
    client.post("/masuk", data={"username": "budi", "password": PASSWORD})
    client.post("/keluar")
    events = [
        (e.action, e.actor) for e in db.session.scalars(select(AuditEvent).order_by(AuditEvent.id))
    ]
    assert events == [("login_failed", "budi"), ("login", "budi"), ("logout", "budi")]


def test_the_language_choice_follows_the_person_to_another_device(app, client, make_user):
    make_user("budi")
    client.post("/masuk", data={"username": "budi", "password": PASSWORD})
    client.get("/inspeksi?lang=en")
    phone = app.test_client()
    phone.post("/masuk", data={"username": "budi", "password": PASSWORD})
    page = phone.get("/inspeksi").text
    assert '<html lang="en">' in page
    assert "Log out" in page
