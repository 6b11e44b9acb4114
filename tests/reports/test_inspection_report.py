"""The berita acara PDF: what it says, that it is archival, verifiable, and rendered once."""

import hashlib
import io
import json
import re
import subprocess

from pypdf import PdfReader
from sqlalchemy import func, select

from sidak.models import Inspection, StoredReport, db
from sidak.services.reports import inspection as inspection_report
from tests.reports.conftest import needs_poppler, pdf_text

pytestmark = needs_poppler


def download(client, inspection: Inspection):
    response = client.get(f"/inspeksi/{inspection.uuid}/berita-acara.pdf")
    assert response.status_code == 200, response.text[:500]
    assert response.mimetype == "application/pdf"
    return response


def test_the_report_reads_like_the_record(client, finalized):
    inspection = finalized()
    response = download(client, inspection)
    text = pdf_text(response.data)
    pages = len(PdfReader(io.BytesIO(response.data)).pages)
    assert "PEMERINTAH KOTA SUKAMAJU" in text
    assert "BERITA ACARA PEMERIKSAAN PROTOKOL KESEHATAN" in text
    assert re.search(r"Nomor: 001/BA-SIDAK/[IVX]+/20\d\d", text)
    assert inspection.report_number.startswith("001/BA-SIDAK/")
    assert inspection.office.name in text
    # the score, one decimal with a comma, and the finding as counted
    score = f"{inspection.score:.1f}".replace(".", ",")
    assert "Skor" in text and f" {score} " in text
    assert "6 dari 10" in text
    assert "Empat tanpa masker" in text
    # the legal basis of the finding, and the team with agencies
    assert "Dasar hukum: Keputusan Menteri Kesehatan Nomor HK.01.07/MENKES/382/2020" in text
    assert "Bripka Dedi Kurniawan" in text and "Polres Sukamaju" in text
    # the representative refused to sign, with a witness
    assert "MENOLAK MENANDATANGANI" in text and "Saksi: Siti" in text
    assert f"Halaman 1 dari {pages}" in text
    assert f"Halaman {pages} dari {pages}" in text
    fingerprint = inspection.content_hash
    assert " ".join(fingerprint[i : i + 8] for i in range(0, 64, 8)) in text


def test_the_report_is_pdf_a_3_with_the_record_attached_and_fonts_embedded(client, finalized):
    inspection = finalized()
    data = download(client, inspection).data
    reader = PdfReader(io.BytesIO(data))
    metadata = reader.xmp_metadata
    assert metadata is not None
    xmp = metadata.stream.get_data().decode("utf-8")
    assert re.search(r"pdfaid:part(>|=\")3", xmp), xmp[:400]
    assert re.search(r"pdfaid:conformance(>|=\")B", xmp)
    attached = reader.attachments["berita-acara.json"][0]
    assert attached == inspection.canonical_json.encode("utf-8")
    assert hashlib.sha256(attached).hexdigest() == inspection.content_hash
    assert json.loads(attached)["inspection"] == inspection.uuid
    fonts = embedded_fonts(reader)
    assert fonts and all(fonts.values()), fonts
    # only the fonts shipped in static/reports/fonts (registered as "Sidak Sans")
    assert all("+Sidak-Sans" in name for name in fonts), fonts
    titles = [entry.title for entry in flatten(reader.outline)]
    assert "1. Ringkasan hasil" in titles and "4. Jawaban lengkap" in titles


def embedded_fonts(reader: PdfReader) -> dict[str, bool]:
    """Every font used on any page (also inside forms such as the SVG charts) and whether
    its program is embedded."""
    found: dict[str, bool] = {}

    def visit(resources):
        resources = resources.get_object() if resources else {}
        for font in (resources.get("/Font") or {}).values():
            font = font.get_object()
            descendant = font.get("/DescendantFonts")
            described = descendant[0].get_object() if descendant else font
            descriptor = described.get("/FontDescriptor")
            descriptor = descriptor.get_object() if descriptor else {}
            found[str(font.get("/BaseFont"))] = any(
                key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3")
            )
        for xobject in (resources.get("/XObject") or {}).values():
            xobject = xobject.get_object()
            if xobject.get("/Subtype") == "/Form":
                visit(xobject.get("/Resources"))

    for page in reader.pages:
        visit(page.get("/Resources"))
    return found


def flatten(outline):
    for entry in outline:
        if isinstance(entry, list):
            yield from flatten(entry)
        else:
            yield entry


def test_a_finalized_report_is_rendered_once_and_served_from_storage(
    client, finalized, monkeypatch
):
    inspection = finalized()
    first = download(client, inspection)
    stored = db.session.scalar(select(StoredReport))
    assert stored.sha256 == hashlib.sha256(first.data).hexdigest()
    assert first.headers["ETag"].strip('"') == stored.sha256

    def no_render(*args, **kwargs):
        raise AssertionError("a stored report must not be rendered again")

    monkeypatch.setattr(inspection_report, "render", no_render)
    again = download(client, inspection)
    assert again.data == first.data
    assert db.session.scalar(select(func.count(StoredReport.id))) == 1
    cached = client.get(
        f"/inspeksi/{inspection.uuid}/berita-acara.pdf",
        headers={"If-None-Match": first.headers["ETag"]},
    )
    assert cached.status_code == 304


def test_a_submitted_inspection_previews_fresh_as_a_draft(client, submitted):
    key, _ = submitted()
    first = client.get(f"/inspeksi/{key}/berita-acara.pdf")
    assert first.status_code == 200
    text = pdf_text(first.data)
    assert "DRAF – belum final" in text
    assert "bukan berita acara resmi" in text
    assert "Kode verifikasi" not in text
    assert db.session.scalar(select(func.count(StoredReport.id))) == 0


def test_the_report_follows_the_office_language(client, finalized):
    inspection = finalized()
    inspection.office.language = "en"
    db.session.commit()
    text = pdf_text(download(client, inspection).data)
    assert "OFFICIAL RECORD OF HEALTH PROTOCOL INSPECTION" in text
    assert "Page 1 of" in text
    assert "6 of 10" in text
    assert "REFUSED TO SIGN" in text


def test_numbers_run_in_sequence_within_a_year(client, finalized):
    first = finalized()
    second = finalized()
    assert first.report_sequence == 1 and second.report_sequence == 2
    assert second.report_number.startswith("002/BA-SIDAK/")
    assert first.verification_code != second.verification_code


def qr_text(pdf: bytes, tmp_path) -> list[str]:
    import zxingcpp
    from PIL import Image

    source = tmp_path / "report.pdf"
    source.write_bytes(pdf)
    pages = len(PdfReader(str(source)).pages)
    subprocess.run(
        [
            "pdftoppm",
            "-r",
            "150",
            "-png",
            "-f",
            str(pages),
            "-l",
            str(pages),
            source,
            tmp_path / "p",
        ],
        check=True,
    )
    image = Image.open(next(tmp_path.glob("p*.png")))
    return [barcode.text for barcode in zxingcpp.read_barcodes(image)]


def test_the_qr_code_opens_the_public_verification_page(app, client, finalized, tmp_path):
    inspection = finalized()
    pdf = download(client, inspection).data
    codes = qr_text(pdf, tmp_path)
    assert codes == [f"http://localhost/verifikasi/{inspection.verification_code}"]
    anonymous = app.test_client()
    page = anonymous.get(codes[0].removeprefix("http://localhost"))
    assert page.status_code == 200
    assert "Asli dan tidak berubah" in page.text
    assert inspection.report_number in page.text
    assert inspection.office.name in page.text
    # nothing else: no notes, no team, no score
    assert "Empat tanpa masker" not in page.text
    assert "Dedi Kurniawan" not in page.text
    assert f"{inspection.score:.1f}".replace(".", ",") not in page.text
    assert page.headers["X-Robots-Tag"] == "noindex"


def test_the_verification_page_reports_a_tampered_record(app, client, finalized):
    inspection = finalized()
    code = inspection.verification_code
    db.session.execute(
        db.text("UPDATE answers SET compliant = 10 WHERE item_id = 'masker-pengunjung'")
    )
    db.session.commit()
    db.session.expire_all()
    page = app.test_client().get(f"/verifikasi/{code}")
    assert page.status_code == 200
    assert "ISI BERUBAH" in page.text
    assert "Asli dan tidak berubah" not in page.text


def test_codes_are_typed_loosely_and_unknown_ones_are_refused(app, finalized):
    inspection = finalized()
    code = inspection.verification_code
    visitor = app.test_client()
    typed = f" {code[:5].lower()}-{code[5:]} "
    response = visitor.get("/verifikasi", query_string={"kode": typed})
    assert response.status_code == 302
    assert response.headers["Location"] == f"/verifikasi/{code}"
    unknown = visitor.get("/verifikasi/ZZZZZZZZZZ")
    assert unknown.status_code == 404
    assert "tidak dikenal" in unknown.text
    malformed = visitor.get("/verifikasi", query_string={"kode": "12"})
    assert malformed.status_code == 422
    assert "10 huruf dan angka" in malformed.text


def test_a_corrected_record_says_it_was_replaced(client, finalized):
    inspection = finalized()
    client.post(f"/inspeksi/{inspection.uuid}/koreksi", data={"alasan": "Salah hitung"})
    page = client.get(f"/verifikasi/{inspection.verification_code}")
    assert "telah dikoreksi" in page.text


def test_a_number_taken_outside_the_sequence_is_skipped(app, client, submitted, make_office):
    from sidak.models import Inspection as Model

    app.config["REPORT_NUMBER_PATTERN"] = "{sequence:03d}/UJI"
    key, user = submitted()
    taken = Model(
        uuid="00000000-0000-4000-8000-000000000001",
        office=make_office("Dinas Arsip"),
        checklist_version_id=db.session.scalar(select(Model.checklist_version_id)),
        created_by_id=user.id,
        report_number="001/UJI",  # e.g. numbered by hand before Sidak, without a sequence
    )
    db.session.add(taken)
    db.session.commit()
    assert client.post(f"/inspeksi/{key}/final").status_code == 302
    inspection = db.session.scalar(select(Model).where(Model.uuid == key))
    assert inspection.report_number == "002/UJI"
