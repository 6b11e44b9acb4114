"""The field app (/lapangan) with no connection: start, fill, photograph, sign and submit
offline, reload and close the tab in between, then go online and find exactly one inspection
on the server with every answer, photo and signature."""

import re

from sqlalchemy import func, select

from sidak.models import AnswerRecord, Inspection, InspectionStatus, Photo, Signature, db
from tests.browser.actions import camera_photo, draw, log_in, tap_count


def open_field_app(page, base):
    page.goto(base + "/lapangan")
    page.locator("a:has-text('Mulai inspeksi')").wait_for()


def saved_on_device(fieldset):
    fieldset.locator("[data-state].saved").wait_for()


def fill_offline(page, tmp_path):
    """Start and fill the whole small checklist in the field app; returns the inspection uuid."""
    page.click("a:has-text('Mulai inspeksi')")
    page.fill("#office", "Kantor Kecamatan Sukamaju Utara")
    page.fill("#o1-name", "Bripka Dedi Kurniawan")
    page.fill("#o1-agency", "Polres Sukamaju")
    page.check("#decline")
    page.click("button:has-text('Mulai')")
    page.wait_for_url(re.compile(r"#/i/[0-9a-f-]+/1$"))
    key = page.url.split("#/i/")[1].split("/")[0]
    masks = page.locator("[data-item=masker-pegawai]")
    tap_count(masks, 10, 7)
    saved_on_device(masks)
    follow_up = page.locator("[data-item=sabun]")
    assert follow_up.is_hidden()
    page.locator("[data-item=wastafel] label:has-text('Ya')").click()
    follow_up.wait_for(state="visible")
    page.locator("[data-item=sabun] label:has-text('Tidak')").click()
    saved_on_device(follow_up)
    masks.locator("input[type=file]").set_input_files(str(camera_photo(tmp_path)))
    masks.locator(".thumbs img").wait_for()
    return key


def finish_offline(page, key):
    page.goto(page.url.split("#")[0] + f"#/i/{key}/2")
    page.locator("[data-item=disinfeksi] label:has-text('Sebagian')").click()
    page.fill("#f-persen-wfo-number", "40")
    page.fill("#f-catatan-value", "Petugas ramah")
    saved_on_device(page.locator("[data-item=catatan]"))
    saved_on_device(page.locator("[data-item=persen-wfo]"))
    page.click("a:has-text('Ke ringkasan')")
    page.locator("[data-score]").wait_for()
    # the same rules as the server: 100 × (3 × 7/10 + 1 + 0 + 1/2 + 1) / 7 = 65.7
    assert page.locator("[data-score]").inner_text() == "65,7"
    for slot in ("lead", "member/1"):
        form = page.locator(f"form[data-slot='{slot}']")
        draw(page, form.locator("canvas"))
        form.locator("button[type=submit]").click()
        page.locator(f"form[data-slot='{slot}'] .ok").wait_for()
    representative = page.locator("form[data-slot=representative]")
    representative.locator("input[name=name]").fill("Drs. Ahmad Fauzi")
    representative.locator("[data-refuse]").check()
    representative.locator("input[name=witness]").fill("Siti Aminah")
    representative.locator("button[type=submit]").click()
    page.locator("form[data-slot=representative] .ok").wait_for()
    page.click("#submit")
    # the list shows the draft as queued only once the submission is stored on the phone
    page.locator(".cards .status:text-is('Menunggu dikirim')").wait_for()


def test_an_inspection_made_offline_reaches_the_server_exactly_once(live_server, phone, tmp_path):
    base, app = live_server
    page = phone
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    log_in(page, base)
    open_field_app(page, base)
    page.context.set_offline(True)
    key = fill_offline(page, tmp_path)
    page.reload()
    assert page.input_value("#f-masker-pegawai-observed") == "10"
    assert page.locator("[data-item=sabun] input[value=no]").is_checked()
    assert page.locator("[data-item=masker-pegawai] .thumbs img").count() == 1
    finish_offline(page, key)
    pending = page.locator("#outbox [data-pending]").inner_text()
    assert re.search(r"\d+ menunggu dikirim", pending)
    # close the tab, open another one, still offline
    context = page.context
    page.close()
    page = context.new_page()
    page.goto(base + "/lapangan")
    page.locator(".cards .status:text-is('Menunggu dikirim')").wait_for()
    context.set_offline(False)
    page.click("#send-now")
    page.locator("#outbox [data-pending]:has-text('Semua sudah terkirim')").wait_for(timeout=30000)
    with app.app_context():
        assert db.session.scalar(select(func.count(Inspection.id))) == 1
        inspection = db.session.scalar(select(Inspection).where(Inspection.uuid == key))
        assert inspection.status == InspectionStatus.SUBMITTED
        answers = {a.item_id: a for a in db.session.scalars(select(AnswerRecord))}
        assert (answers["masker-pegawai"].observed, answers["masker-pegawai"].compliant) == (10, 7)
        assert answers["sabun"].value == "no"
        assert answers["persen-wfo"].number == "40"
        assert db.session.scalar(select(func.count(Photo.id))) == 1
        assert db.session.scalar(select(func.count(Signature.id))) == 3
        assert str(inspection.score) == "65.7"
    assert errors == []


def queue_a_full_inspection(page, base, tmp_path):
    log_in(page, base)
    open_field_app(page, base)
    page.context.set_offline(True)
    key = fill_offline(page, tmp_path)
    finish_offline(page, key)
    return key


def server_counts(app, key):
    with app.app_context():
        db.session.remove()
        inspection = db.session.scalar(select(Inspection).where(Inspection.uuid == key))
        return (
            db.session.scalar(select(func.count(Inspection.id))),
            inspection.status if inspection else None,
            db.session.scalar(select(func.count(Photo.id))),
            db.session.scalar(select(func.count(Signature.id))),
        )


def test_a_flush_cut_halfway_resumes_without_duplicates(live_server, phone, tmp_path):
    base, app = live_server
    page = phone
    key = queue_a_full_inspection(page, base, tmp_path)
    chunks = {"seen": 0}

    def cut_the_second_chunk(route):
        chunks["seen"] += 1
        if chunks["seen"] == 2:
            route.abort("connectionreset")  # the connection drops in the middle of the photo
        else:
            route.continue_()

    page.route(re.compile(r"/photos/"), cut_the_second_chunk)
    page.context.set_offline(False)
    page.click("#send-now")
    page.wait_for_function("() => !document.querySelector('#outbox').textContent.includes('Semua')")
    page.wait_for_timeout(500)
    assert server_counts(app, key)[1] in (InspectionStatus.DRAFT, None)
    page.unroute(re.compile(r"/photos/"))
    page.click("#send-now")
    page.locator("#outbox [data-pending]:has-text('Semua sudah terkirim')").wait_for(timeout=30000)
    assert server_counts(app, key) == (1, InspectionStatus.SUBMITTED, 1, 3)


def test_two_flushes_at_once_send_everything_once(live_server, phone, tmp_path):
    base, app = live_server
    page = phone
    key = queue_a_full_inspection(page, base, tmp_path)
    second = page.context.new_page()
    page.context.set_offline(False)
    second.goto(base + "/lapangan")
    bounded = "p => Promise.race([p, new Promise(done => setTimeout(done, 30000))])"
    page.evaluate(f"() => ({bounded})(Promise.all([SidakOutbox.flush(), SidakOutbox.flush()]))")
    second.evaluate(f"() => ({bounded})(SidakOutbox.flush())")
    page.locator("#outbox [data-pending]:has-text('Semua sudah terkirim')").wait_for(timeout=30000)
    assert server_counts(app, key) == (1, InspectionStatus.SUBMITTED, 1, 3)


def test_a_session_that_expired_offline_keeps_the_outbox_until_login(live_server, phone, tmp_path):
    base, app = live_server
    page = phone
    key = queue_a_full_inspection(page, base, tmp_path)
    page.context.clear_cookies()  # the session ended while the phone was offline
    page.context.set_offline(False)
    page.click("#send-now")
    page.locator("#login-needed").wait_for(state="visible")
    assert server_counts(app, key)[0] == 0
    assert "menunggu dikirim" in page.locator("#outbox [data-pending]").inner_text()
    login = page.context.new_page()
    log_in(login, base)
    login.close()
    page.reload()
    page.locator("#outbox [data-pending]:has-text('Semua sudah terkirim')").wait_for(timeout=30000)
    problems = page.evaluate(f"() => SidakDB.get('inspections', '{key}').then(r => r.problems)")
    assert server_counts(app, key) == (1, InspectionStatus.SUBMITTED, 1, 3), problems


def test_an_answer_changed_on_another_device_comes_back_as_a_choice(live_server, phone, tmp_path):
    base, app = live_server
    first = phone
    log_in(first, base)
    open_field_app(first, base)
    first.click("a:has-text('Mulai inspeksi')")
    first.fill("#office", "Kantor Kecamatan Sukamaju Utara")
    first.check("#decline")
    first.click("button:has-text('Mulai')")
    first.wait_for_url(re.compile(r"#/i/[0-9a-f-]+/1$"))
    key = first.url.split("#/i/")[1].split("/")[0]
    first.locator("#outbox [data-pending]:has-text('Semua sudah terkirim')").wait_for()
    # the same inspector's second phone picks the draft up from the server
    second = first.context.new_page()
    second.goto(base + f"/lapangan#/i/{key}/1")
    second.locator("[data-item=wastafel]").wait_for()
    first.locator("[data-item=wastafel] label:has-text('Ya')").click()
    first.locator("#outbox [data-pending]:has-text('Semua sudah terkirim')").wait_for()
    second.evaluate(
        "() => SidakDB.get('inspections', location.hash.split('/')[2])"
        ".then(r => { r.answers = {}; return SidakDB.put('inspections', r); })"
    )  # the second phone has not seen the first phone's answer
    second.reload()
    second.locator("[data-item=wastafel] label:has-text('Tidak')").click()
    second.locator("[data-item=wastafel] .conflict").wait_for(timeout=15000)
    with app.app_context():
        db.session.remove()
        kept = db.session.scalar(select(AnswerRecord).where(AnswerRecord.item_id == "wastafel"))
        assert kept.value == "yes"  # nothing was overwritten silently
    second.locator("[data-item=wastafel] [data-keep=mine]").click()
    second.locator("[data-item=wastafel] .conflict").wait_for(state="detached")

    def server_value():
        with app.app_context():
            db.session.remove()
            query = select(AnswerRecord).where(AnswerRecord.item_id == "wastafel")
            return db.session.scalar(query).value

    for _ in range(40):
        if server_value() == "no":
            break
        second.wait_for_timeout(250)
    assert server_value() == "no"
