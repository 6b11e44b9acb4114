"""The berita acara's sanction section: it follows the sanction after finalizing, and the
stored report is rendered again (only) when what the section shows changed."""

from datetime import date, timedelta

from sqlalchemy import func, select

from sidak.models import CorrectiveAction, StoredReport, db
from sidak.services.inspections.evidence import file_store
from sidak.services.reports import inspection as inspection_report
from sidak.services.reports.sanction_status import city_today
from tests.reports.conftest import needs_poppler, pdf_text
from tests.reports.test_sanction_letter import add_actions, make_sanction

pytestmark = needs_poppler


def download(client, inspection):
    response = client.get(f"/inspeksi/{inspection.uuid}/berita-acara.pdf")
    assert response.status_code == 200, response.text[:300]
    return response


def test_a_new_sanction_renders_the_stored_report_again(client, finalized, monkeypatch):
    inspection = finalized()
    first = download(client, inspection)
    assert "Tidak ada sanksi yang diusulkan" in pdf_text(first.data)
    stored = db.session.scalar(select(StoredReport))
    assert stored.revision == ""
    first_key = stored.storage_key

    sanction = make_sanction(
        inspection, None, status="proposed", number=None, number_year=None,
        number_sequence=None, issued_at=None, decided_at=None, due_date=None,
    )  # fmt: skip
    proposed = download(client, inspection)
    assert proposed.headers["ETag"] != first.headers["ETag"]
    text = pdf_text(proposed.data)
    assert "Diusulkan – menunggu keputusan pemerintah kota" in text
    assert "Teguran tertulis" in text

    sanction.status = "issued"
    sanction.number, sanction.number_sequence = "007/SP-SIDAK/XI/2026", 7
    sanction.number_year = 2026
    sanction.issued_at = sanction.decided_at = sanction.proposed_at
    sanction.due_date = city_today() + timedelta(days=7)
    db.session.commit()
    issued = download(client, inspection)
    assert issued.headers["ETag"] not in (first.headers["ETag"], proposed.headers["ETag"])
    text = pdf_text(issued.data)
    assert "Nomor 007/SP-SIDAK/XI/2026" in text and "Dijatuhkan" in text

    # one row, pointing at the newest file; the older files are kept
    assert db.session.scalar(select(func.count(StoredReport.id))) == 1
    db.session.refresh(stored)
    assert stored.revision == f"{sanction.id}:issued:007/SP-SIDAK/XI/2026"
    assert stored.storage_key != first_key
    assert file_store().open(first_key).startswith(b"%PDF")

    def no_render(*args, **kwargs):
        raise AssertionError("nothing changed: the stored report must be served")

    monkeypatch.setattr(inspection_report, "render", no_render)
    again = download(client, inspection)
    assert again.headers["ETag"] == issued.headers["ETag"]
    assert again.data == issued.data


def test_a_passed_deadline_shows_as_overdue_before_the_tick(client, finalized):
    inspection = finalized()
    make_sanction(inspection, None, due_date=city_today() - timedelta(days=1))
    text = pdf_text(download(client, inspection).data)
    assert "Lewat batas waktu" in text
    revision = db.session.scalar(select(StoredReport.revision))
    assert revision.endswith(":overdue:007/SP-SIDAK/XI/2026")


def test_a_waived_sanction_shows_the_reason(client, finalized):
    inspection = finalized()
    make_sanction(
        inspection, None, status="waived", number=None, number_year=None, number_sequence=None,
        issued_at=None, due_date=None, decision_reason="Kantor sedang direnovasi",
    )  # fmt: skip
    text = pdf_text(download(client, inspection).data)
    assert "Tidak dijatuhkan" in text
    assert "Kantor sedang direnovasi" in text


def test_the_actions_table_uses_the_recorded_deadlines(client, finalized):
    inspection = finalized()
    add_actions(inspection)
    action = db.session.scalar(
        select(CorrectiveAction).where(CorrectiveAction.item_id == "masker-pengunjung")
    )
    action.due_date = date(2027, 1, 15)
    db.session.commit()
    assert "Jumat, 15 Januari 2027" in pdf_text(download(client, inspection).data)
