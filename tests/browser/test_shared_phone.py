"""One phone, two inspectors. Bayu starts an inspection while the server cannot take it and
signs out: he is warned that work is waiting, and it stays on the phone. Rina signs in on the
same phone: she sees none of his work, her outbox does not send it (the server would take it
as hers), and the list says whose work waits. Bayu signs in again: his inspection reaches the
server as his. Signing out with nothing waiting leaves nothing of his on the phone."""

import re
import threading

from sqlalchemy import select

from sidak.models import AnswerRecord, Inspection, Role, db
from sidak.services.accounts import create_user
from tests.browser.actions import log_in, tap_count

#: what the page can read of the field app's storage
STORED = """async () => {
  const db = await new Promise((ok, fail) => {
    const r = indexedDB.open("sidak-lapangan");
    r.onsuccess = () => ok(r.result);
    r.onerror = () => fail(r.error);
  });
  const all = (store) => new Promise((ok) => {
    const r = db.transaction(store).objectStore(store).getAll();
    r.onsuccess = () => ok(r.result);
  });
  const keys = await new Promise((ok) => {
    const r = db.transaction("meta").objectStore("meta").getAllKeys();
    r.onsuccess = () => ok(r.result);
  });
  const out = {inspections: (await all("inspections")).map((r) => [r.uuid, r.owner]),
               outbox: (await all("outbox")).length, meta: keys.sort(),
               dataCache: (await caches.keys()).includes("sidak-data")};
  db.close();
  return out;
}"""


class Unavailable:
    """The server answers 503 to the field API while `on` is set (a gateway down)."""

    def __init__(self, app):
        self.on = threading.Event()
        self.wsgi = app.wsgi_app
        app.wsgi_app = self

    def __call__(self, environ, start_response):
        if self.on.is_set() and environ["PATH_INFO"].startswith("/api/v1/inspections"):
            start_response("503 Service Unavailable", [("Content-Type", "application/json")])
            return [b'{"error": "down"}']
        return self.wsgi(environ, start_response)


def sign_out(page, base, dialogs):
    page.goto(base + "/inspeksi")
    page.click("form[data-logout] button")
    page.wait_for_url(re.compile(r"/masuk"))
    page.locator("#username").wait_for()
    return dialogs


def pending(page) -> str:
    return page.locator("#outbox [data-pending]").inner_text()


def test_a_shared_phone_keeps_each_inspectors_work_apart(live_server, phone):
    base, app = live_server
    with app.app_context():
        create_user("inspektur2", "Rina Wulandari", "sidak-demo", Role.INSPECTOR)
        db.session.commit()
    gateway = Unavailable(app)
    page = phone
    dialogs = []

    def answer(dialog):
        dialogs.append(dialog.message)
        dialog.accept()

    page.on("dialog", answer)

    # Bayu starts an inspection while the server cannot take it
    log_in(page, base)
    page.goto(base + "/lapangan")
    page.locator("a:has-text('Mulai inspeksi')").wait_for()
    gateway.on.set()
    page.click("a:has-text('Mulai inspeksi')")
    page.fill("#office", "Kantor Kecamatan Sukamaju Utara")
    page.check("#decline")
    page.click("button:has-text('Mulai')")
    page.wait_for_url(re.compile(r"#/i/[0-9a-f-]+/1$"))
    key = page.url.split("#/i/")[1].split("/")[0]
    masks = page.locator("[data-item=masker-pegawai]")
    tap_count(masks, 4, 3)
    masks.locator("[data-state].saved").wait_for()
    page.click("#send-now")
    page.wait_for_function(
        "document.querySelector('#outbox [data-pending]').textContent.includes('menunggu')"
    )
    waiting = int(re.search(r"(\d+) menunggu", pending(page)).group(1))
    assert waiting >= 2  # the start and the answer

    # signing out warns that work waits, and keeps it
    sign_out(page, base, dialogs)
    assert len(dialogs) == 1 and f"{waiting} perubahan" in dialogs[0]
    assert "belum terkirim" in dialogs[0]
    stored = page.evaluate(STORED)
    assert [uuid for uuid, _ in stored["inspections"]] == [key]
    assert stored["outbox"] == waiting
    assert "signedOut" in stored["meta"]
    assert not stored["dataCache"], "the stored field data leaves with the inspector"
    page.context.set_offline(True)
    page.goto(base + "/lapangan")
    page.locator("text=Anda sudah keluar di ponsel ini.").wait_for()
    assert page.locator(".cards").count() == 0
    assert pending(page) == ""
    assert page.locator("#send-now").is_hidden()
    page.context.set_offline(False)

    # Rina on the same phone: none of Bayu's work shown or sent, but said to be waiting
    gateway.on.clear()
    log_in(page, base, "inspektur2")
    page.goto(base + "/lapangan")
    page.locator("text=Belum ada inspeksi di perangkat ini.").wait_for()
    held = page.locator("[data-held]").inner_text()
    assert f"{waiting} perubahan dari Bayu Saputra" in held
    page.click("#send-now")
    page.locator("#outbox [data-pending]:has-text('Semua sudah terkirim')").wait_for()
    page.goto(base + f"/lapangan#/i/{key}/1")
    page.locator("text=Belum ada inspeksi di perangkat ini.").wait_for()
    with app.app_context():
        assert db.session.scalars(select(Inspection)).all() == []
    assert page.evaluate(STORED)["outbox"] == waiting

    # Rina has nothing waiting: no question, and her field data leaves the phone
    sign_out(page, base, dialogs)
    assert len(dialogs) == 1
    stored = page.evaluate(STORED)
    assert "bootstrap" not in stored["meta"] and "csrf" not in stored["meta"]
    assert [uuid for uuid, _ in stored["inspections"]] == [key]  # Bayu's, still waiting

    # Bayu again: his inspection reaches the server as his
    log_in(page, base)
    page.goto(base + "/lapangan")
    page.locator("#outbox [data-pending]:has-text('Semua sudah terkirim')").wait_for(timeout=30000)
    assert page.locator("[data-held]").count() == 0
    with app.app_context():
        inspection = db.session.scalar(select(Inspection).where(Inspection.uuid == key))
        assert inspection.created_by.username == "inspektur"
        answer_row = db.session.scalar(select(AnswerRecord))
        assert (answer_row.item_id, answer_row.observed, answer_row.compliant) == (
            "masker-pegawai",
            4,
            3,
        )

    # nothing waiting: nothing of his stays on the phone
    sign_out(page, base, dialogs)
    assert len(dialogs) == 1
    stored = page.evaluate(STORED)
    assert stored["inspections"] == [] and stored["outbox"] == 0
    assert "bootstrap" not in stored["meta"]
