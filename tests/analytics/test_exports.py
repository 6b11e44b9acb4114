"""Exports with the dashboard's filter: what they hold, that they stream, that they open."""

import csv
import io
import os
import shutil
import subprocess

import pytest
from sqlalchemy import select

from sidak.models import AuditEvent, db
from tests.analytics.conftest import ARGS

#: LibreOffice's CSV filter: comma-separated, double quotes, UTF-8
AS_SHOWN = "csv:Text - txt - csv (StarCalc):44,34,76"


def csv_rows(response) -> list[dict]:
    text = response.get_data().decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(text)))


def test_the_inspections_csv_holds_the_listed_inspections(client, city, city_user):
    response = client.get("/dasbor/ekspor/inspeksi.csv", query_string=ARGS)
    assert response.status_code == 200
    assert response.mimetype == "text/csv"
    assert "sidak-inspeksi-2026-01-15_2026-03-10.csv" in response.headers["Content-Disposition"]
    assert response.is_streamed
    rows = csv_rows(response)
    assert sorted((r["kantor"], r["tanggal"], r["skor"]) for r in rows) == [
        ("Dinas C", "2026-02-28", "95.0"),
        ("Kelurahan A", "2026-01-20", "80.0"),
        ("Kelurahan A", "2026-02-05", "90.5"),
        ("Puskesmas B", "2026-02-10", "70.0"),
        ("Puskesmas B", "2026-03-05", "60.0"),
    ]
    a = next(r for r in rows if r["tanggal"] == "2026-01-20")
    assert a["skor_masks"] == "100.0" and a["skor_distancing"] == "" and a["kecamatan"] == "Utara"
    assert {r["pelanggaran"] for r in rows if r["kantor"] == "Puskesmas B"} == {"1"}


def test_exports_follow_the_drill_down_and_are_audited(client, city, city_user):
    response = client.get(
        "/dasbor/ekspor/inspeksi.csv", query_string={**ARGS, "kecamatan": "Utara", "pelanggaran": 1}
    )
    assert [r["tanggal"] for r in csv_rows(response)] == ["2026-03-05", "2026-02-10"]
    event = db.session.scalars(select(AuditEvent).where(AuditEvent.action == "export")).one()
    assert event.actor == "walikota" and '"kecamatan": "Utara"' in event.detail


def test_the_findings_and_sanctions_csv(client, city, city_user):
    findings = csv_rows(client.get("/dasbor/ekspor/temuan.csv", query_string=ARGS))
    assert [(r["kantor"], r["butir"], r["kritis"]) for r in findings] == [
        ("Puskesmas B", "butir-0", "1"),
        ("Puskesmas B", "butir-1", "0"),
        ("Puskesmas B", "butir-2", "0"),
    ]
    sanctions = csv_rows(client.get("/dasbor/ekspor/sanksi.csv", query_string=ARGS))
    assert [(r["kantor"], r["tingkat"], r["status"]) for r in sanctions] == [
        ("Puskesmas B", "Teguran tertulis", "overdue")
    ]


def test_the_xlsx_opens_in_libreoffice_with_the_same_rows(client, city, city_user, tmp_path):
    if not shutil.which("libreoffice"):
        if os.environ.get("CI"):
            pytest.fail("LibreOffice is missing; .ci/run installs it")
        pytest.skip("LibreOffice is not installed (apt-get install libreoffice-calc-nogui)")
    response = client.get("/dasbor/ekspor/inspeksi.xlsx", query_string=ARGS)
    assert response.mimetype.endswith("spreadsheetml.sheet")
    workbook = tmp_path / "inspeksi.xlsx"
    workbook.write_bytes(response.get_data())
    subprocess.run(
        [
            "libreoffice",
            "--headless",
            "--convert-to",
            "csv",
            "--outdir",
            str(tmp_path),
            f"-env:UserInstallation=file://{tmp_path}/lo",
            str(workbook),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )
    rows = list(csv.DictReader((tmp_path / "inspeksi.csv").open(encoding="utf-8")))
    # dates are dates and scores numbers in the workbook, read back as LibreOffice shows them
    assert sorted((r["kantor"], r["tanggal"], float(r["skor"])) for r in rows) == [
        ("Dinas C", "2026-02-28", 95.0),
        ("Kelurahan A", "2026-01-20", 80.0),
        ("Kelurahan A", "2026-02-05", 90.5),
        ("Puskesmas B", "2026-02-10", 70.0),
        ("Puskesmas B", "2026-03-05", 60.0),
    ]


def test_an_unknown_export_is_not_found(client, city, city_user):
    assert client.get("/dasbor/ekspor/rahasia.csv").status_code == 404
    assert client.get("/dasbor/ekspor/inspeksi.pdf").status_code == 404


def test_the_findings_csv_says_each_answer_as_the_report_does(client, people):
    """A real record: the question, the answer as the inspector gave it, the note, and the
    corrective action's state and deadline, in the person's language."""
    from sidak.domain.categories import CATEGORIES
    from sidak.models import CorrectiveAction
    from tests.sanctions.conftest import log_in, start, violate_and_finalize

    office, _head, _city = people
    log_in(client, "budi")
    inspection = violate_and_finalize(client, start(client, office))
    log_in(client, "walikota")
    rows = {r["butir"]: r for r in csv_rows(client.get("/dasbor/ekspor/temuan.csv"))}
    masks = rows["masker-pegawai"]
    assert masks["pertanyaan"].startswith("Pegawai memakai masker dengan benar")
    assert (masks["jawaban"], masks["catatan"], masks["kritis"]) == (
        "7/10",
        "Tiga pegawai loket",
        "1",
    )
    action = db.session.scalar(
        select(CorrectiveAction).where(
            CorrectiveAction.inspection_id == inspection.id,
            CorrectiveAction.item_id == "masker-pegawai",
        )
    )
    assert (masks["status_tindakan"], masks["batas_perbaikan"]) == (
        "open",
        action.due_date.isoformat(),
    )
    assert len(rows) == inspection.findings_count
    english = csv_rows(client.get("/dasbor/ekspor/temuan.csv", query_string={"lang": "en"}))
    masks_en = next(r for r in english if r["butir"] == "masker-pegawai")
    assert masks_en["pertanyaan"].startswith("Staff wear masks correctly")
    assert (masks["kategori"], masks_en["kategori"]) == (
        CATEGORIES["masks"].get("id"),
        CATEGORIES["masks"].get("en"),
    )
