"""The sanction letter (surat sanksi): what it says, who may read it, and that it is archival."""

import hashlib
import io
import re
import subprocess
from datetime import UTC, date, datetime

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from sidak.models import CorrectiveAction, Inspection, Role, Sanction, User, db
from sidak.services.checklists import checklist_of
from sidak.services.inspections.drafts import evaluate
from tests.conftest import PASSWORD
from tests.reports.conftest import needs_poppler, pdf_text
from tests.reports.test_inspection_report import embedded_fonts

pytestmark = needs_poppler

NUMBER = "007/SP-SIDAK/XI/2026"
RULE = "Peraturan Wali Kota Sukamaju Nomor 12 Tahun 2020 tentang Penerapan Protokol Kesehatan"
REASON = "pelanggaran ke-2 dalam 90 hari; butir kritis gagal"


def add_actions(inspection: Inspection) -> list[CorrectiveAction]:
    """A corrective action for each finding (finalizing may have made them already), and a
    critical one as if the staff's masks had failed too."""
    existing = {
        a.item_id
        for a in db.session.scalars(
            select(CorrectiveAction).where(CorrectiveAction.inspection_id == inspection.id)
        )
    }
    checklist = checklist_of(inspection.checklist_version)
    findings = [(f.item_id, f.critical) for f in evaluate(inspection).findings]
    for item_id, critical in [*findings, ("masker-pegawai", True)]:
        if item_id in existing:
            continue
        item = checklist.item(item_id)
        db.session.add(
            CorrectiveAction(
                inspection=inspection,
                office_id=inspection.office_id,
                item_id=item_id,
                question=item.question.id,
                question_en=item.question.get("en"),
                finding="Tiga pegawai loket tanpa masker" if critical else "6 dari 10 memakai",
                critical=critical,
                status="open",
                due_date=date(2026, 11, 24) if critical else date(2026, 11, 30),
            )
        )
    db.session.commit()
    return list(
        db.session.scalars(
            select(CorrectiveAction).where(CorrectiveAction.inspection_id == inspection.id)
        )
    )


def make_sanction(inspection: Inspection, decided_by: User | None, **fields) -> Sanction:
    values = {
        "office_id": inspection.office_id,
        "inspection": inspection,
        "status": "issued",
        "ladder": "sanksi-prokes 2026.1",
        "proposed_level": "teguran-tertulis",
        "level": "teguran-tertulis",
        "level_name": "Teguran tertulis",
        "level_name_en": "Written warning",
        "level_meaning": "Peringatan resmi yang dicatat dalam arsip kantor.",
        "level_meaning_en": "A formal warning kept on the office's record.",
        "rule": RULE,
        "rule_en": "Sukamaju Mayor Regulation No. 12 of 2020 on Health Protocols",
        "days": 5,
        "ordinal": 2,
        "reason": REASON,
        "reason_en": "second violation within 90 days; a critical item failed",
        "number": NUMBER,
        "number_year": 2026,
        "number_sequence": 7,
        "decided_at": datetime(2026, 11, 23, 3, 0, tzinfo=UTC),
        "issued_at": datetime(2026, 11, 23, 3, 0, tzinfo=UTC),  # 10.00 WIB
        "due_date": date(2026, 11, 30),
        "decided_by_id": decided_by.id if decided_by else None,
        **fields,
    }
    sanction = Sanction(**values)
    db.session.add(sanction)
    db.session.commit()
    return sanction


@pytest.fixture
def issued(finalized, make_user):
    """An issued sanction on a finalized inspection, decided by the city's Sri Wahyuni."""
    inspection = finalized()
    add_actions(inspection)
    city = make_user("walikota", Role.CITY, name="Sri Wahyuni, S.H.")
    return make_sanction(inspection, city)


def letter(client, sanction: Sanction, **query):
    return client.get(f"/sanksi/{sanction.id}/surat.pdf", query_string=query)


def log_in_as(client, make_user, username: str, role: Role, office_id: int | None = None):
    user = make_user(username, role)
    user.office_id = office_id
    db.session.commit()
    client.post("/keluar")
    response = client.post("/masuk", data={"username": username, "password": PASSWORD})
    assert response.status_code == 302
    return user


def test_the_letter_says_what_was_decided_and_how_to_answer(client, issued):
    response = letter(client, issued)  # the lead inspector is still logged in
    assert response.status_code == 200, response.text[:300]
    assert response.mimetype == "application/pdf"
    digest = hashlib.sha256(response.data).hexdigest()
    assert response.headers["ETag"].strip('"') == digest
    assert response.headers["Content-Disposition"] == (
        'inline; filename="surat-sanksi-007-SP-SIDAK-XI-2026.pdf"'
    )
    text = pdf_text(response.data)
    inspection, office = issued.inspection, issued.office
    for expected in (
        "PEMERINTAH KOTA SUKAMAJU",
        "Sukamaju, 23 November 2026",
        f"Nomor : {NUMBER}",
        f"Lampiran : Berita Acara Pemeriksaan Protokol Kesehatan Nomor {inspection.report_number}",
        "Perihal : Sanksi Teguran tertulis atas pelanggaran protokol kesehatan",
        f"Kepala {office.name}",
        "pelanggaran ke-2",
        REASON,
        "Peringatan resmi yang dicatat dalam arsip kantor.",
        f"Dasar hukum: {RULE}",
        "Senin, 30 November 2026",  # the deadline
        "5 hari kerja",
        f"sanksi dinaikkan ke tingkat berikutnya sesuai {RULE}",
        "menu Kantor Saya: http://localhost/kantor-saya",
        "a.n. Wali Kota Sukamaju",
        "Tim Pengawasan Protokol Kesehatan",
        "Sri Wahyuni, S.H.",
        "Halaman 1 dari",
    ):
        assert expected in text, expected
    score = f"{inspection.score:.1f}".replace(".", ",")
    assert f"skor {score}" in text
    # the questions (their cells wrap beside the findings, so only their first words)
    assert "Pengunjung memakai masker" in text and "Pegawai memakai masker" in text
    assert "Tiga pegawai loket" in text
    assert "KRITIS" in text  # the critical marker of the staff's masks
    assert "usulan Sidak" not in text and "mengusulkan" not in text


def test_the_letter_is_pdf_a_with_its_fonts_embedded(client, issued):
    data = letter(client, issued).data
    reader = PdfReader(io.BytesIO(data))
    xmp = reader.xmp_metadata.stream.get_data().decode("utf-8")
    assert re.search(r"pdfaid:part(>|=\")3", xmp), xmp[:400]
    fonts = embedded_fonts(reader)
    assert fonts and all(fonts.values()), fonts
    assert all("+Sidak-Sans" in name for name in fonts), fonts


def test_only_the_offices_own_head_may_read_it(client, issued, make_user, make_office):
    other = make_office("Puskesmas Cibeureum", type="puskesmas")
    log_in_as(client, make_user, "kepala2", Role.OFFICE_HEAD, other.id)
    assert letter(client, issued).status_code == 403
    log_in_as(client, make_user, "kepala", Role.OFFICE_HEAD, issued.office_id)
    assert letter(client, issued).status_code == 200
    log_in_as(client, make_user, "lain", Role.INSPECTOR)  # not on the team: inspectors read all
    assert letter(client, issued).status_code == 200


def test_a_sanction_that_was_not_issued_has_no_letter(client, finalized):
    inspection = finalized()
    pending = make_sanction(
        inspection, None, status="proposed", number=None, number_year=None,
        number_sequence=None, issued_at=None, decided_at=None, due_date=None,
    )  # fmt: skip
    waived = make_sanction(
        inspection, None, status="waived", number=None, number_year=None,
        number_sequence=None, issued_at=None, due_date=None, decision_reason="Sudah diperbaiki",
    )  # fmt: skip
    assert letter(client, pending).status_code == 404
    assert letter(client, waived).status_code == 404
    assert client.get("/sanksi/999/surat.pdf").status_code == 404


def test_the_english_letter_uses_the_sanctions_english_words(client, issued):
    text = pdf_text(letter(client, issued, lang="en").data)
    assert "Written warning" in text
    assert "second violation within 90 days" in text
    assert "Sukamaju Mayor Regulation No. 12 of 2020" in text
    assert "Teguran tertulis" not in text
    assert "November 30, 2026" in text or "30 November 2026" in text


def test_the_office_language_is_the_default(client, issued):
    issued.office.language = "en"
    db.session.commit()
    assert "Written warning" in pdf_text(letter(client, issued).data)
    assert "Teguran tertulis" in pdf_text(letter(client, issued, lang="id").data)


def test_another_level_than_proposed_is_explained(client, issued):
    issued.proposed_level = "teguran-lisan"
    issued.decision_reason = "Kantor ini sudah dua kali ditegur lisan tahun ini"
    db.session.commit()
    text = pdf_text(letter(client, issued).data)
    assert "Sidak mengusulkan sanksi" in text
    assert "Kantor ini sudah dua kali ditegur lisan tahun ini" in text


def test_an_escalated_sanction_names_the_one_it_raises(client, issued, make_user):
    city = db.session.scalar(select(User).where(User.username == "walikota"))
    issued.status = "escalated"
    db.session.commit()
    raised = make_sanction(
        issued.inspection,
        city,
        number="008/SP-SIDAK/XII/2026",
        number_sequence=8,
        level="penutupan-sementara",
        proposed_level="penutupan-sementara",
        level_name="Penutupan sementara",
        escalated_from=issued,
        ordinal=3,
    )
    text = pdf_text(letter(client, raised).data)
    assert f"menaikkan sanksi nomor {NUMBER}" in text
    assert "Sanksi Penutupan sementara" in text
    # the escalated one keeps its letter
    assert letter(client, issued).status_code == 200


def test_a_long_letter_carries_its_number_on_every_page_and_signs_with_text(client, issued):
    for n in range(1, 13):
        db.session.add(
            CorrectiveAction(
                inspection_id=issued.inspection_id,
                office_id=issued.office_id,
                item_id=f"uji-{n}",
                question=f"Butir uji nomor {n} dipenuhi sesuai protokol yang berlaku di kantor",
                finding="Tidak dipenuhi saat pemeriksaan",
                status="open",
                due_date=date(2026, 11, 30),
            )
        )
    db.session.commit()
    data = letter(client, issued).data
    assert len(PdfReader(io.BytesIO(data)).pages) == 2
    second = " ".join(
        subprocess.run(
            ["pdftotext", "-layout", "-f", "2", "-l", "2", "-", "-"],
            input=data,
            capture_output=True,
            check=True,
        )
        .stdout.decode("utf-8")
        .split()
    )
    assert second.startswith(f"Surat sanksi {NUMBER}")  # the running header
    assert "Halaman 2 dari 2" in second
    # the closing sentence goes over with the signature
    assert "Demikian disampaikan" in second and "Sri Wahyuni" in second


def test_the_letter_reads_the_same_each_time(client, issued):
    first, second = letter(client, issued), letter(client, issued)
    assert first.headers["ETag"] == second.headers["ETag"]
    cached = client.get(
        f"/sanksi/{issued.id}/surat.pdf", headers={"If-None-Match": first.headers["ETag"]}
    )
    assert cached.status_code == 304
