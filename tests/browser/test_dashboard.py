"""The mayor's office on a 360 x 740 phone: the dashboard, a number's list, an office's
history and an export; nothing scrolls sideways and axe-core finds no WCAG 2.2 AA violation."""

import re
from datetime import date
from pathlib import Path

from sidak.models import Office, Role, db
from sidak.services.accounts import create_user
from sidak.services.analytics.summaries import rebuild_rollup
from sidak.services.sanctions.ladder import city_today
from tests.analytics.conftest import add_summary
from tests.browser.test_phone_inspection import check_page

KEY = "uji-browser"  #: the checklist the live server registers


def a_year_of_inspections(app) -> None:
    """Three offices inspected over the last months; one is a repeat offender."""
    with app.app_context():
        create_user("walikota", "Wulan Puspitasari", "sidak-demo", Role.CITY)
        first = db.session.query(Office).one()
        pasar = Office(name="Puskesmas Pasar Baru", type="puskesmas", district="Sukamaju Selatan")
        dinas = Office(name="Dinas Perhubungan", type="dinas", district="Sukamaju Selatan")
        db.session.add_all([pasar, dinas])
        db.session.commit()
        today = city_today()
        for months_ago, office, score, violation in [
            (1, first, 91.0, False),
            (2, first, 84.5, False),
            (1, pasar, 62.0, True),
            (2, pasar, 58.5, True),
            (3, pasar, 71.0, False),
            (1, dinas, 95.5, False),
        ]:
            day = date(today.year, today.month, 10)
            for _ in range(months_ago):
                day = (day.replace(day=1) - date.resolution).replace(day=10)
            add_summary(office, day, score, violation=violation, masks=score, checklist=KEY)
        rebuild_rollup()
        db.session.commit()


def test_the_dashboard_on_a_phone(live_server, phone):
    base, app = live_server
    a_year_of_inspections(app)
    page, problems = phone, []
    page.goto(base + "/masuk")
    page.fill("#username", "walikota")
    page.fill("#password", "sidak-demo")
    page.click("button[type=submit]")
    page.goto(base + "/dasbor")
    assert page.locator("h1").inner_text() == "Dasbor kepatuhan"
    tiles = page.locator(".tile")
    assert tiles.first.inner_text().startswith("6")
    assert "77,1" in tiles.nth(1).inner_text()  # (91 + 84.5 + 62 + 58.5 + 71 + 95.5) / 6
    check_page(page, "dashboard", problems)

    page.click("text=Puskesmas Pasar Baru >> nth=0")
    page.wait_for_url(re.compile(r"/kantor/\d+$"))
    assert "63,8" in page.locator(".tiles").inner_text()  # (62 + 58.5 + 71) / 3
    check_page(page, "office history", problems)

    page.goto(base + "/dasbor")
    page.locator("#berulang").locator("xpath=..").locator("text=2 pelanggaran").click()
    page.wait_for_url(re.compile(r"/dasbor/inspeksi\?.*pelanggaran=1"))
    assert page.locator("table.records tbody tr").count() == 2
    check_page(page, "violations list", problems)

    page.locator("summary:has-text('Saring')").click()
    page.select_option("#kecamatan", "Sukamaju Selatan")
    page.click("button:has-text('Terapkan')")
    page.wait_for_url(re.compile(r"kecamatan=Sukamaju"))
    with page.expect_download() as download:
        page.click("a:has-text('CSV') >> nth=0")
    text = Path(download.value.path()).read_text(encoding="utf-8-sig")
    # the list's drill-down (violations) and the new district both hold: a header and 2 rows
    assert text.count("\n") == 3 and text.count("Puskesmas Pasar Baru") == 2
    assert problems == []


def test_an_office_head_opens_their_own_history_from_the_portal(live_server, phone):
    base, app = live_server
    a_year_of_inspections(app)
    with app.app_context():
        office = db.session.query(Office).filter_by(name="Puskesmas Pasar Baru").one()
        head = create_user("kepala", "dr. Sri Handayani", "sidak-demo", Role.OFFICE_HEAD)
        head.office_id = office.id
        db.session.commit()
    page, problems = phone, []
    page.goto(base + "/masuk")
    page.fill("#username", "kepala")
    page.fill("#password", "sidak-demo")
    page.click("button[type=submit]")
    page.goto(base + "/kantor-saya")
    page.click("text=Riwayat kepatuhan kantor")
    assert "Puskesmas Pasar Baru" in page.locator("h1").inner_text()
    check_page(page, "office history (head)", problems)
    assert problems == []
