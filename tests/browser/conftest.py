"""A live Sidak server and a phone-sized Chromium for the browser tests.

Chromium comes from Debian (`apt-get install chromium`; .ci/run installs it); Playwright
never downloads a browser of its own here.
"""

import os
import shutil
import threading
from pathlib import Path

import pytest
from werkzeug.serving import make_server

from sidak.app import create_app
from sidak.models import Office, Role, db
from sidak.services.accounts import create_user
from sidak.services.checklists import sync_folder

HERE = Path(__file__).parent
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
    "--disable-quic",
]
PHONE = {
    "viewport": {"width": 360, "height": 740},
    "is_mobile": True,
    "has_touch": True,
    "device_scale_factor": 2,
    "locale": "id-ID",
}


def chromium_available() -> bool:
    return Path(CHROMIUM).exists()


@pytest.fixture
def live_server(tmp_path):
    """Sidak on a free loopback port, with CSRF on, a small checklist and one office."""
    folder = tmp_path / "checklists"
    folder.mkdir()
    shutil.copy(HERE / "checklist.yaml", folder / "uji-browser.yaml")
    database = os.environ.get("SIDAK_DATABASE_URL") or f"sqlite:///{tmp_path / 'live.db'}"
    if database.startswith("postgresql://"):
        database = "postgresql+psycopg://" + database.removeprefix("postgresql://")
    app = create_app(
        {
            "SECRET_KEY": "browser-test",
            "SQLALCHEMY_DATABASE_URI": database,
            "CHECKLISTS_DIR": str(folder),
            "UPLOADS_DIR": str(tmp_path / "uploads"),
        }
    )
    with app.app_context():
        db.drop_all()
        db.create_all()
        sync_folder(folder)
        create_user("inspektur", "Bayu Saputra", "sidak-demo", Role.INSPECTOR)
        db.session.add(
            Office(
                name="Kantor Kecamatan Sukamaju Utara",
                type="kecamatan",
                district="Sukamaju Utara",
                head_name="Drs. Ahmad Fauzi",
            )
        )
        db.session.commit()
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}", app
    server.shutdown()
    with app.app_context():
        db.session.remove()
        db.drop_all()


@pytest.fixture
def phone():
    """A new phone-sized page in Debian's Chromium."""
    if not chromium_available():
        if os.environ.get("CI"):
            pytest.fail(f"Chromium is missing at {CHROMIUM}; .ci/run installs it")
        pytest.skip(f"Chromium is not installed ({CHROMIUM}); apt-get install chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        context = browser.new_context(**PHONE)
        page = context.new_page()
        page.set_default_timeout(15000)
        yield page
        context.close()
        browser.close()


@pytest.fixture
def phone_profile(tmp_path):
    """A phone-sized page in a persistent Chromium profile. The `phone` fixture's context is
    incognito-like, and Chromium never offers to install a web app from one."""
    if not chromium_available():
        if os.environ.get("CI"):
            pytest.fail(f"Chromium is missing at {CHROMIUM}; .ci/run installs it")
        pytest.skip(f"Chromium is not installed ({CHROMIUM}); apt-get install chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        context = playwright.chromium.launch_persistent_context(
            str(tmp_path / "profile"), executable_path=CHROMIUM, args=CHROMIUM_ARGS, **PHONE
        )
        page = context.new_page()
        page.set_default_timeout(15000)
        yield page
        context.close()
