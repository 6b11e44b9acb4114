"""An inspector on a 360 x 740 phone: log in, start, answer, photograph, reload, sign, submit,
finalize, and see the score; axe-core finds no WCAG 2.2 AA violation on the way."""

import json
import os
import re
import shutil
from pathlib import Path

from sqlalchemy import select

from sidak.models import Inspection, InspectionStatus, db
from tests.browser.actions import camera_photo, draw, tap_count
from tests.reports.conftest import pdf_text

AXE = Path(__file__).parent / "vendor" / "axe.min.js"
WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


def check_page(page, name: str, problems: list[str]) -> None:
    """No horizontal scrolling at 360 px, and no axe violation (and a screenshot on request)."""
    if os.environ.get("SIDAK_SCREENSHOTS"):
        folder = Path(os.environ["SIDAK_SCREENSHOTS"])
        folder.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(folder / f"{name.replace(' ', '-')}.png"), full_page=True)
    width = page.evaluate("document.documentElement.scrollWidth")
    if width > 360:
        problems.append(f"{name}: scrolls sideways ({width} px wide)")
    page.add_script_tag(path=str(AXE))
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG
    )
    for violation in result["violations"]:
        targets = [node["target"] for node in violation["nodes"]][:3]
        problems.append(f"{name}: {violation['id']} ({violation['impact']}) {targets}")


def saved(fieldset) -> None:
    fieldset.locator("[data-save-state].saved").wait_for()


def test_an_inspection_from_login_to_finalized_record(live_server, phone, tmp_path):
    base, app = live_server
    page, problems = phone, []

    page.goto(base + "/masuk")
    check_page(page, "login", problems)
    page.fill("#username", "inspektur")
    page.fill("#password", "sidak-demo")
    page.click("button[type=submit]")
    page.wait_for_url(re.compile(r"/inspeksi$"))

    page.click("text=Mulai inspeksi")
    page.wait_for_url(re.compile(r"/inspeksi/baru$"))
    page.check("input[name=decline_location]")
    check_page(page, "start", problems)
    page.fill("#office", "Kantor Kecamatan Sukamaju Utara")
    page.fill("#outsiders-0-name", "Bripka Dedi Kurniawan")
    page.fill("#outsiders-0-agency", "Polres Sukamaju")
    page.click("button:has-text('Mulai')")
    page.wait_for_url(re.compile(r"/bagian/1$"))
    key = page.url.split("/inspeksi/")[1].split("/")[0]
    assert page.locator(".jump summary").inner_text() == "Bagian 1 dari 2"

    masks = page.locator("[data-item=masker-pegawai]")
    tap_count(masks, 10, 7)
    saved(masks)
    follow_up = page.locator("[data-item=sabun]")
    assert follow_up.is_hidden()
    page.locator("[data-item=wastafel] label:has-text('Ya')").click()
    follow_up.wait_for(state="visible")
    page.locator("[data-item=sabun] label:has-text('Tidak')").click()
    saved(follow_up)
    masks.locator("input[type=file]").set_input_files(str(camera_photo(tmp_path)))
    masks.locator(".thumbs img").wait_for()
    assert masks.locator(".thumbs .remove-photo").count() == 1  # removable without a reload
    check_page(page, "section 1", problems)

    page.reload()
    assert page.input_value("#a-masker-pegawai-observed") == "10"
    assert page.input_value("#a-masker-pegawai-compliant") == "7"
    assert page.locator("[data-item=sabun]").is_visible()
    assert page.locator("[data-item=sabun] input[value=no]").is_checked()
    assert page.locator("[data-item=masker-pegawai] .thumbs img").count() == 1

    page.click("button:has-text('Simpan & lanjut')")
    page.wait_for_url(re.compile(r"/bagian/2$"))
    page.locator("[data-item=disinfeksi] label:has-text('Sebagian')").click()
    page.fill("#a-persen-wfo-number", "40")
    page.fill("#a-catatan-value", "Petugas ramah dan kooperatif")
    saved(page.locator("[data-item=catatan]"))
    saved(page.locator("[data-item=persen-wfo]"))
    check_page(page, "section 2", problems)
    page.click("button:has-text('Simpan & ke ringkasan')")
    page.wait_for_url(re.compile(r"/ringkasan$"))

    for form in page.locator("form[data-signature]").all():
        if form.locator("input[name=nama]").count():
            form.locator("input[name=nama]").fill("Drs. Ahmad Fauzi")
        draw(page, form.locator("canvas"))
        with page.expect_navigation():
            form.locator("button:has-text('Simpan tanda tangan')").click()
    assert page.locator(".signature-image").count() == 3
    check_page(page, "summary", problems)

    page.click("button:has-text('Kirim inspeksi')")
    page.wait_for_url(re.compile(rf"/inspeksi/{key}$"))
    score = page.locator(".score-card .score").inner_text()
    # masks 7/10 × 3 + washbasin 1 + soap 0 + disinfection ½ + WFO 40% ≤ 50 → 1, over weight 7
    assert score == "65,7"  # 100 × 4.6 / 7 = 65.71
    page.click("button:has-text('Finalkan berita acara')")
    page.locator("text=Berita acara final").first.wait_for()
    check_page(page, "result", problems)

    # the berita acara as the phone downloads it, and its public verification page
    link = page.get_by_role("link", name="Buka berita acara (PDF)")
    pdf = page.request.get(base + link.get_attribute("href"))
    assert pdf.headers["content-type"] == "application/pdf"
    if shutil.which("pdftotext"):
        text = pdf_text(pdf.body())
        assert "65,7" in text and "7 dari 10" in text and "Halaman 1 dari" in text
    page.locator("a[href^='/verifikasi/']").click()
    page.locator("text=Asli dan tidak berubah").wait_for()
    check_page(page, "verification", problems)

    with app.app_context():
        inspection = db.session.scalar(select(Inspection).where(Inspection.uuid == key))
        assert inspection.status == InspectionStatus.FINALIZED
        assert len(inspection.content_hash) == 64
        record = json.loads(inspection.canonical_json)
        assert record["answers"]["masker-pegawai"]["observed"] == 10
        assert len(record["photos"]) == 1
        assert {s["role"] for s in record["signatures"]} == {"lead", "member", "representative"}
        stored = inspection.photos[0]
        assert max(stored.width, stored.height) == 1600
    assert problems == []
