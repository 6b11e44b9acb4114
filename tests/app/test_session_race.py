"""A request a script or the service worker sends while the person is logging in must not
undo the login.

The session lives in a signed cookie, so the last response to set it wins. The service worker
fetches /lapangan in the background when it installs, which happens on the login page; on a
slow line that fetch can leave with the cookie from before the login and come back after it.
The server then answered "log in first" and wrote a session cookie of its own (a flashed
message, Flask-Login's strong protection clearing keys), and the phone was logged out again.
"""

import re

from sidak.models import Role
from tests.conftest import PASSWORD

BACKGROUND = {"Sec-Fetch-Mode": "same-origin", "Sec-Fetch-Dest": "empty"}
NAVIGATION = {"Sec-Fetch-Mode": "navigate", "Sec-Fetch-Dest": "document"}


def test_a_background_request_from_before_the_login_leaves_the_new_session_alone(
    app, client, make_user
):
    app.config["WTF_CSRF_ENABLED"] = True
    make_user("budi", role=Role.INSPECTOR)
    form = client.get("/masuk").text
    token = re.search(r'name="csrf_token"[^>]*value="([^"]+)"', form).group(1)
    before_login = client.get_cookie("session").value

    response = client.post(
        "/masuk",
        data={"username": "budi", "password": PASSWORD, "csrf_token": token, "remember": "y"},
    )
    assert response.status_code == 302
    logged_in = client.get_cookie("session").value
    assert logged_in != before_login
    assert client.get_cookie("remember_token") is not None

    # the worker's fetch, sent with the old cookie, answered after the login
    worker = app.test_client()
    worker.set_cookie("session", before_login)
    late = worker.get("/lapangan", headers=BACKGROUND)
    assert late.status_code == 302
    assert late.headers["Location"].startswith("/masuk")
    assert late.headers.getlist("Set-Cookie") == []
    assert "Cookie" in late.headers.get("Vary", "")

    # so the phone keeps the cookies of the login, and the field app opens
    assert client.get("/lapangan", headers=NAVIGATION).status_code == 200
    client.delete_cookie("session")  # the browser closed: "keep me signed in" still works
    assert client.get("/lapangan", headers=NAVIGATION).status_code == 200


def test_a_person_sent_to_the_login_form_still_reads_why(client):
    client.get("/masuk")
    response = client.get("/lapangan", headers=NAVIGATION)
    assert response.status_code == 302
    assert response.headers["Set-Cookie"].startswith("session=")
    page = client.get(response.headers["Location"])
    assert "Silakan masuk untuk membuka halaman ini." in page.text


def test_a_background_request_of_a_logged_in_person_still_renews_the_session(client, login):
    login(Role.INSPECTOR)
    response = client.get("/inspeksi?lang=en", headers=BACKGROUND)
    assert response.status_code == 200
    assert response.headers["Set-Cookie"].startswith("session=")
    assert "Inspections" in client.get("/inspeksi").text
