"""The office's earlier findings in the field app (/lapangan): a new inspection shows them
first; the team marks one corrected with a note and an "after" photo while offline, and the
server has the mark and the photo once the phone is back online."""

import time
import uuid
from datetime import timedelta

from sqlalchemy import select

from sidak.models import (
    ChecklistVersion,
    CorrectiveAction,
    FollowUpCheck,
    Inspection,
    InspectionStatus,
    Office,
    Photo,
    User,
    db,
    utcnow,
)
from tests.browser.actions import camera_photo, log_in, start_in_field_app
from tests.browser.test_offline import open_field_app
from tests.browser.test_phone_inspection import check_page

FINDING = "Tidak ada tempat cuci tangan di pintu masuk"


def open_finding(app) -> int:
    """A critical finding from an earlier (finalized) inspection of the office, still open."""
    with app.app_context():
        office = db.session.scalar(select(Office))
        earlier = Inspection(
            uuid=str(uuid.uuid4()),
            office=office,
            checklist_version=db.session.scalar(select(ChecklistVersion)),
            created_by_id=db.session.scalar(select(User.id).where(User.username == "inspektur")),
            status=InspectionStatus.FINALIZED,
            started_at=utcnow() - timedelta(days=20),
        )
        action = CorrectiveAction(
            inspection=earlier,
            office=office,
            item_id="wastafel",
            question="Tersedia tempat cuci tangan di pintu masuk",
            finding=FINDING,
            critical=True,
            status="open",
            due_date=(utcnow() + timedelta(days=3)).date(),
        )
        db.session.add_all([earlier, action])
        db.session.commit()
        return action.id


def start_offline(page, base) -> str:
    """Open the field app online (the bootstrap brings the finding), then start offline."""
    log_in(page, base)
    open_field_app(page, base)
    page.context.set_offline(True)
    return start_in_field_app(page, then="temuan")


NOTE = "Wastafel dan sabun sudah dipasang"


def stored_note(page) -> str:
    """The first finding's note as the phone stored it."""
    return page.evaluate(
        "() => SidakDB.get('inspections', location.hash.split('/')[2])"
        ".then(r => r.followUps[0].note)"
    )


def mark_corrected(page, action_id, tmp_path):
    card = page.locator(f"#temuan-{action_id}")
    card.locator("label:has-text('Sudah diperbaiki')").click()
    card.locator("[data-state].saved").wait_for()
    card.locator("textarea").fill(NOTE)
    # the phone is locked before the typing's 600 ms have passed: the note is saved at once
    page.evaluate(
        """() => { Object.defineProperty(document, 'visibilityState', {value: 'hidden',
                     configurable: true});
                   document.dispatchEvent(new Event('visibilitychange')); }"""
    )
    began = time.monotonic()
    while stored_note(page) != NOTE:
        assert time.monotonic() - began < 0.4, "the note waited for its timer"
        time.sleep(0.02)
    page.evaluate("() => { delete document.visibilityState; }")
    card.locator("input[type=file]").set_input_files(str(camera_photo(tmp_path)))
    card.locator(".thumbs img").wait_for()
    return card


def all_sent(page):
    page.locator("#outbox [data-pending]:has-text('Semua sudah terkirim')").wait_for(timeout=30000)


def test_a_finding_marked_corrected_offline_reaches_the_server(live_server, phone, tmp_path):
    base, app = live_server
    page, problems, errors = phone, [], []
    page.on("pageerror", lambda e: errors.append(str(e)))
    action_id = open_finding(app)
    key = start_offline(page, base)
    card = page.locator(f"#temuan-{action_id}")
    assert "Tersedia tempat cuci tangan" in card.locator("legend").inner_text()
    assert card.locator(".tag.critical").inner_text().lower() == "kritis"
    assert FINDING in card.inner_text()
    mark_corrected(page, action_id, tmp_path)
    check_page(page, "field follow-up", problems)
    assert problems == []
    for target in card.locator(".choice span").all():
        assert target.bounding_box()["height"] >= 48

    page.reload()  # still offline: the marks come back from the phone
    card = page.locator(f"#temuan-{action_id}")
    assert card.locator("input[value=corrected]").is_checked()
    assert card.locator("textarea").input_value() == "Wastafel dan sabun sudah dipasang"
    assert card.locator(".thumbs img").count() == 1
    page.click(".jump summary")
    page.click(".jump a:has-text('Ringkasan')")
    counted = page.locator("#temuan-sebelumnya")
    counted.wait_for()
    assert "1 temuan sebelumnya diperiksa ulang; 0 belum diperiksa" in counted.inner_text()

    page.context.set_offline(False)
    page.click("#send-now")
    all_sent(page)
    with app.app_context():
        inspection = db.session.scalar(select(Inspection).where(Inspection.uuid == key))
        check = db.session.scalar(
            select(FollowUpCheck).where(FollowUpCheck.inspection_id == inspection.id)
        )
        assert (check.action_id, check.result) == (action_id, "corrected")
        assert check.note == "Wastafel dan sabun sudah dipasang"
        photo = db.session.scalar(select(Photo).where(Photo.inspection_id == inspection.id))
        assert photo.item_id == f"tl-{action_id}"

    # a phone that lost the draft gets it back from the server, marks included
    page.evaluate(f"() => SidakDB.del('inspections', '{key}')")
    page.goto(base + f"/lapangan#/i/{key}/temuan")
    page.reload()  # the same page: a new hash alone would not load the bootstrap again
    card = page.locator(f"#temuan-{action_id}")
    card.wait_for()
    assert card.locator("input[value=corrected]").is_checked()
    assert card.locator("textarea").input_value() == "Wastafel dan sabun sudah dipasang"
    assert errors == []


def test_a_finding_settled_before_the_start_arrives_leaves_the_phone(live_server, phone, tmp_path):
    base, app = live_server
    page = phone
    action_id = open_finding(app)
    key = start_offline(page, base)
    mark_corrected(page, action_id, tmp_path)
    with app.app_context():  # the city closed it while the phone was offline
        db.session.get(CorrectiveAction, action_id).status = "withdrawn"
        db.session.commit()
    page.context.set_offline(False)
    page.click("#send-now")
    all_sent(page)
    page.locator(f"#temuan-{action_id}").wait_for(state="detached")
    record = page.evaluate(f"() => SidakDB.get('inspections', '{key}')")
    assert record["followUps"] == [] and record.get("problems", []) == []
    assert page.evaluate(f"() => SidakDB.photosOf('{key}').then(p => p.length)") == 0
    with app.app_context():
        inspection = db.session.scalar(select(Inspection).where(Inspection.uuid == key))
        assert inspection.follow_up_checks == []
