"""An inspector who does not wait: a count tapped in and a link out of the field app followed
at once, a number typed and "Ke ringkasan" tapped at once. A change is saved 600 ms after the
last tap; what is still waiting for its timer must be saved before the page is left, and show
on the next view."""

import re
import time

from sqlalchemy import select

from sidak.models import AnswerRecord, db
from tests.browser.actions import log_in, start_in_field_app, tap_count


def start(page, base):
    log_in(page, base)
    page.goto(base + "/lapangan")
    return start_in_field_app(page)


def server_answer(app, want: tuple[int, int], timeout: float = 15.0):
    """The one answer on the server, once it holds these counts (or the time is up)."""
    deadline = time.monotonic() + timeout
    while True:
        with app.app_context():
            db.session.remove()
            answer = db.session.scalar(select(AnswerRecord))
            arrived = answer is not None and (answer.observed, answer.compliant) == want
            if arrived or time.monotonic() > deadline:
                return answer
        time.sleep(0.2)


def test_taps_not_yet_saved_survive_a_link_out_of_the_app(live_server, phone):
    base, app = live_server
    page = phone
    start(page, base)
    masks = page.locator("[data-item=masker-pegawai]")
    tap_count(masks, 5, 2)
    page.click("nav a:has-text('Inspeksi')")
    page.wait_for_url(re.compile(r"/inspeksi$"))
    page.goto(base + "/lapangan")
    answer = server_answer(app, want=(5, 2))
    assert (answer.item_id, answer.observed, answer.compliant) == ("masker-pegawai", 5, 2)


def test_a_number_typed_then_the_summary_at_once_counts(live_server, phone):
    base, _ = live_server
    page = phone
    key = start(page, base)
    page.goto(page.url.split("#")[0] + f"#/i/{key}/2")
    page.locator("[data-item=disinfeksi] label:has-text('Lengkap')").click()
    page.fill("#f-persen-wfo-number", "60")
    page.click("a:has-text('Ke ringkasan')")
    page.locator("[data-score]").wait_for()
    # two answered items, the share working in the office over its 50%: 100 × (1 + 0) / 2
    assert page.locator("[data-score]").inner_text() == "50,0"
    page.goto(page.url.split("#")[0] + f"#/i/{key}/2")
    assert page.input_value("#f-persen-wfo-number") == "60"


def start_online(page, base):
    log_in(page, base)
    page.click("text=Mulai inspeksi")
    page.check("input[name=decline_location]")
    page.fill("#office", "Kantor Kecamatan Sukamaju Utara")
    page.click("button:has-text('Mulai')")
    page.wait_for_url(re.compile(r"/bagian/1$"))


def test_the_online_form_sends_taps_not_yet_saved_when_a_link_leaves_it(live_server, phone):
    base, app = live_server
    page = phone
    start_online(page, base)
    masks = page.locator("[data-item=masker-pegawai]")
    tap_count(masks, 4, 3)
    page.click("nav a:has-text('Inspeksi')")
    page.wait_for_url(re.compile(r"/inspeksi$"))
    answer = server_answer(app, want=(4, 3))
    assert (answer.item_id, answer.observed, answer.compliant) == ("masker-pegawai", 4, 3)


def test_the_online_form_asks_before_a_link_leaves_an_answer_it_could_not_save(live_server, phone):
    base, app = live_server
    page = phone
    start_online(page, base)
    dialogs = []

    def decide(dialog):
        dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", decide)
    page.context.set_offline(True)
    masks = page.locator("[data-item=masker-pegawai]")
    tap_count(masks, 2, 1)
    with page.expect_event("dialog"):
        page.click("nav a:has-text('Inspeksi')")
    assert dialogs == [
        "Ada jawaban yang belum tersimpan di server. Tetap tinggalkan halaman ini? "
        "Jawaban itu akan hilang."
    ]
    assert page.url.endswith("/bagian/1")  # stayed, the taps still on screen
    assert page.input_value("#a-masker-pegawai-observed") == "2"
    page.context.set_offline(False)
    page.click("nav a:has-text('Inspeksi')")
    page.wait_for_url(re.compile(r"/inspeksi$"))
    assert len(dialogs) == 1  # saved this time: nothing to ask
    answer = server_answer(app, want=(2, 1))
    assert (answer.item_id, answer.observed, answer.compliant) == ("masker-pegawai", 2, 1)


def test_half_a_count_is_a_hint_in_plain_words_not_an_error(live_server, phone):
    base, app = live_server
    page = phone
    start(page, base)
    masks = page.locator("[data-item=masker-pegawai]")
    tap_count(masks, 3, 0)
    state = masks.locator("[data-state]")
    hint = "Isi jumlah diamati dan jumlah patuh; disimpan setelah keduanya terisi."
    page.wait_for_function(
        "hint => document.querySelector('[data-item=masker-pegawai] [data-state]')"
        ".textContent === hint",
        arg=hint,
    )
    assert "error" not in state.get_attribute("class")
    tap_count(masks, 0, 4)
    masks.locator("[data-state].error").wait_for()
    assert state.inner_text() == "Jumlah patuh tidak boleh melebihi jumlah diamati"
    masks.locator("[data-step='-1'][data-target$=compliant]").click()
    masks.locator("[data-state].saved").wait_for()
    answer = server_answer(app, want=(3, 3))
    assert (answer.observed, answer.compliant) == (3, 3)
