"""Fixtures: a fresh app and database per test, a client, a CLI runner, logged-in helpers.

The suite runs on SQLite by default; with ``SIDAK_DATABASE_URL`` set it runs on that
database instead (CI runs it again on PostgreSQL).
"""

import os

import pytest
from flask import g

from sidak.app import create_app
from sidak.models import Role, db
from sidak.services.accounts import create_user
from tests.smtp import smtp_server  # noqa: F401  (a fixture: a real SMTP server)

PASSWORD = "rahasia-123"


@pytest.fixture
def app(tmp_path):
    database_url = os.environ.get("SIDAK_DATABASE_URL") or f"sqlite:///{tmp_path / 'test.db'}"
    if database_url.startswith("postgresql://"):
        database_url = "postgresql+psycopg://" + database_url.removeprefix("postgresql://")
    app = create_app(
        {
            "TESTING": True,
            "SECRET_KEY": "test",
            "SQLALCHEMY_DATABASE_URI": database_url,
            "WTF_CSRF_ENABLED": False,
            "CHECKLISTS_DIR": str(tmp_path / "checklists"),
        }
    )

    @app.before_request
    def forget_the_previous_request():
        # The fixture keeps an app context pushed, so Flask reuses its `g` for every request;
        # in production each request has its own. Drop what extensions cache on `g`.
        for name in list(vars(g)):
            delattr(g, name)

    with app.app_context():
        db.drop_all()
        db.create_all()
        yield app
        db.session.remove()
        db.drop_all()


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def runner(app):
    return app.test_cli_runner()


@pytest.fixture
def make_user(app):
    """A factory: ``make_user("budi", role=Role.CITY)``."""

    def make(username="budi", role=Role.INSPECTOR, password=PASSWORD, name="Budi Santoso"):
        return create_user(username, name, password, role)

    return make


@pytest.fixture
def login(client, make_user):
    """A factory that creates a user and logs the client in as them."""

    def log_in(role=Role.INSPECTOR, username="budi"):
        user = make_user(username, role=role)
        response = client.post("/masuk", data={"username": username, "password": PASSWORD})
        assert response.status_code == 302, response.text
        return user

    return log_in


@pytest.fixture
def make_office(app):
    """A factory: ``make_office("Kecamatan Sukamaju Utara", type="kecamatan")``."""
    from sidak.models import Office

    def make(name="Kecamatan Sukamaju Utara", type="kecamatan", district="Sukamaju Utara", **more):
        office = Office(name=name, type=type, district=district, **more)
        db.session.add(office)
        db.session.commit()
        return office

    return make


@pytest.fixture
def shipped_checklists(app, tmp_path):
    """The shipped checklists, registered as versions."""
    from sidak.config import PROJECT_ROOT
    from sidak.services.checklists import sync_folder

    app.config["UPLOADS_DIR"] = str(tmp_path / "uploads")
    report = sync_folder(PROJECT_ROOT / "checklists")
    assert report.ok, report.problems
    return report


@pytest.fixture
def start_draft(client, login, make_office, shipped_checklists):
    """A factory: log an inspector in and start a kantor-pelayanan draft through the start
    form, with one outsider on the team; returns (uuid, user). Form fields may be overridden."""
    import uuid

    def start(username="budi", office_name="Kecamatan Sukamaju Utara", **fields):
        user = login(Role.INSPECTOR, username=username)
        office = make_office(office_name, head_name="Drs. Ahmad Fauzi")
        key = str(uuid.uuid4())
        data = {
            "uuid": key,
            "office": office.name,
            "checklist": "kantor-pelayanan",
            "lead": user.id,
            "outsiders-0-name": "Bripka Dedi Kurniawan",
            "outsiders-0-agency": "Polres Sukamaju",
            **fields,
        }
        response = client.post("/inspeksi/baru", data=data)
        assert response.status_code == 302, response.text
        assert response.headers["Location"] == f"/inspeksi/{key}/bagian/1"
        return key, user

    return start
