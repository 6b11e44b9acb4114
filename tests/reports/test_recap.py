"""The city's recap: what it counts, the PDF it renders, the jobs that render it, the pages."""

import hashlib
import json
import uuid
from datetime import UTC, date, datetime, timedelta, timezone
from decimal import Decimal

import pytest
from sqlalchemy import func, select

from sidak.domain import recap as domain
from sidak.models import (
    AuditEvent,
    Inspection,
    JobStatus,
    RecapJob,
    ReportKind,
    Role,
    Sanction,
    StoredReport,
    db,
    utcnow,
)
from sidak.services.checklists import checklist_of, current_checklists
from sidak.services.reports import job_queue, jobs, periods, recap
from sidak.services.reports.sanction_status import state_counts
from tests.reports.conftest import needs_poppler, pdf_text

WIB = timezone(timedelta(hours=7))
TODAY = date(2026, 11, 23)
OCTOBER = (date(2026, 10, 1), date(2026, 10, 31))


@pytest.fixture(autouse=True)
def today(monkeypatch):
    """Recaps may not reach past today: the tests live on 23 November 2026."""
    monkeypatch.setattr(recap, "today", lambda: TODAY)


@pytest.fixture
def make_inspection(app, make_user, shipped_checklists):
    """A factory for inspections as submission leaves them: score, grade, breakdown."""
    author = make_user("tim", Role.INSPECTOR)
    record = next(r for r in current_checklists() if r.key == "kantor-pelayanan")
    checklist = checklist_of(record.current_version)

    def make(office, started, score, grade, status="finalized", items=None, cats=None, **more):
        items = items or {}
        breakdown = {
            "total": score,
            "grade": grade,
            "items": [
                {
                    "id": item_id,
                    "category": checklist.item(item_id).category,
                    "critical": checklist.item(item_id).critical,
                    "status": result,
                }
                for item_id, result in items.items()
            ],
            "categories": [{"id": key, "score": value} for key, value in (cats or {}).items()],
        }
        failed = [i for i, result in items.items() if result == "fail"]
        inspection = Inspection(
            uuid=str(uuid.uuid4()),
            office=office,
            checklist_version=record.current_version,
            created_by_id=author.id,
            status=status,
            started_at=started.astimezone(UTC),
            score=None if status == "draft" else Decimal(score),
            grade_id=None if status == "draft" else grade,
            findings_count=len(failed),
            critical_failures=sum(1 for i in failed if checklist.item(i).critical),
            score_json=None if status == "draft" else json.dumps(breakdown),
            **more,
        )
        db.session.add(inspection)
        db.session.commit()
        return inspection

    return make


@pytest.fixture
def october(make_office, make_inspection):
    """Three offices in two districts; in October five inspections were sent, one of them
    corrected later (the correction counts instead), and one is still a draft."""
    sukasari = make_office("Kelurahan Sukasari", type="kelurahan", district="Sukamaju Utara")
    puskesmas = make_office("Puskesmas Cibeureum", type="puskesmas", district="Cibeureum")
    dinas = make_office("Dinas Kesehatan", type="dinas", district="Sukamaju Utara")
    first = make_inspection(
        sukasari,
        datetime(2026, 10, 2, 9, 0, tzinfo=WIB),
        "70.0",
        "tidak-patuh",
        items={
            "masker-pegawai": "fail",
            "masker-pengunjung": "fail",
            "sarana-cuci-tangan": "pass",
            "ventilasi": "fail",
            "wfo-zona-rendah": "hidden",
        },
        cats={"masks": "40.0", "handwashing": "100.0", "ventilation": "0.0"},
        report_number="001/BA-SIDAK/X/2026",
    )
    corrected = make_inspection(
        sukasari,
        datetime(2026, 10, 5, 10, 0, tzinfo=WIB),
        "50.0",
        "tidak-patuh",
        items={"masker-pengunjung": "fail", "sarana-cuci-tangan": "fail", "ventilasi": "fail"},
        cats={"masks": "0.0", "handwashing": "0.0", "ventilation": "0.0"},
        report_number="002/BA-SIDAK/X/2026",
    )
    correction = make_inspection(
        sukasari,
        datetime(2026, 10, 5, 10, 0, tzinfo=WIB),
        "75.0",
        "perlu-perbaikan",
        items={
            "masker-pegawai": "pass",
            "masker-pengunjung": "fail",
            "sarana-cuci-tangan": "pass",
            "ventilasi": "na",
        },
        cats={"masks": "80.0", "handwashing": "100.0", "ventilation": None},
        report_number="003/BA-SIDAK/X/2026",
        version=2,
        supersedes=corrected,
        correction_reason="Salah hitung",
    )
    puskesmas_visit = make_inspection(
        puskesmas,
        datetime(2026, 10, 20, 8, 30, tzinfo=WIB),
        "95.0",
        "patuh",
        status="submitted",
        items={
            "masker-pegawai": "pass",
            "masker-pengunjung": "pass",
            "sarana-cuci-tangan": "pass",
            "ventilasi": "pass",
        },
        cats={"masks": "100.0", "handwashing": "100.0", "ventilation": "100.0"},
    )
    # late on the last evening in Jakarta: still October there (already 16:30 UTC)
    last = make_inspection(
        dinas,
        datetime(2026, 10, 31, 23, 30, tzinfo=WIB),
        "80.1",
        "perlu-perbaikan",
        items={
            "masker-pegawai": "pass",
            "masker-pengunjung": "fail",
            "sarana-cuci-tangan": "pass",
            "ventilasi": "fail",
        },
        cats={"masks": "70.0", "handwashing": "100.0", "ventilation": "0.0"},
        report_number="004/BA-SIDAK/X/2026",
    )
    make_inspection(dinas, datetime(2026, 10, 10, 9, 0, tzinfo=WIB), "0", None, status="draft")
    # outside October in Jakarta, though one of them is 31 October in UTC
    make_inspection(dinas, datetime(2026, 9, 30, 23, 30, tzinfo=WIB), "10.0", "tidak-patuh")
    make_inspection(dinas, datetime(2026, 11, 1, 0, 30, tzinfo=WIB), "20.0", "tidak-patuh")
    return {
        "offices": (sukasari, puskesmas, dinas),
        "counted": [first, correction, puskesmas_visit, last],
        "corrected": corrected,
    }


def running_job(language="id") -> RecapJob:
    """An October recap, queued and claimed as a worker would."""
    jobs.request_recap(None, *OCTOBER, language)
    return jobs.claim_next("uji")


# ---- what the recap counts ---------------------------------------------------------------


def test_the_recap_counts_the_latest_version_of_sent_inspections_started_in_the_period(october):
    data = recap.gather(*OCTOBER)
    assert [row.id for row in data.rows] == [i.id for i in october["counted"]]
    assert october["corrected"].id not in {row.id for row in data.rows}


def test_aggregates_match_the_hand_computed_values(october):
    data = recap.gather(*OCTOBER)
    totals = domain.totals(data.rows)
    # (70 + 75 + 95 + 80.1) / 4 = 80.025 -> 80.0; only the puskesmas is above 90
    assert (totals.inspections, totals.offices, totals.districts) == (4, 3, 2)
    assert (totals.average, totals.green_share) == (Decimal("80.0"), Decimal("25.0"))
    assert (totals.critical_share, totals.findings, totals.critical) == (Decimal("25.0"), 6, 1)

    offices = {o.name: o for o in domain.by_office(data.rows)}
    sukasari = offices["Kelurahan Sukasari"]
    assert (sukasari.inspections, sukasari.average, sukasari.latest) == (
        2,
        Decimal("72.5"),
        Decimal("75.0"),
    )
    assert sukasari.worst_grade.id == "tidak-patuh"
    assert (sukasari.findings, sukasari.critical) == (4, 1)
    assert offices["Dinas Kesehatan"].inspections == 1  # the draft and out-of-period ones: no

    utara, cibeureum = domain.by_district(data.rows)
    # (70 + 75 + 80.1) / 3 = 75.03 -> 75.0
    assert (utara.name, utara.offices, utara.inspections) == ("Sukamaju Utara", 2, 3)
    assert (utara.average, utara.green_share) == (Decimal("75.0"), Decimal("0.0"))
    assert (cibeureum.offices, cibeureum.average, cibeureum.green_share) == (
        1,
        Decimal("95.0"),
        Decimal("100.0"),
    )


def test_worst_findings_come_from_the_stored_breakdown(october):
    data = recap.gather(*OCTOBER)
    masks, ventilation, *rest = domain.failures_by_category(data.rows)
    assert (masks.key, masks.failed, masks.average) == ("masks", 4, Decimal("72.5"))
    visitors, staff = masks.items
    assert (visitors.item_id, visitors.failed, visitors.asked, visitors.share) == (
        "masker-pengunjung",
        3,
        4,
        Decimal("75.0"),
    )
    assert (staff.item_id, staff.critical, staff.share) == ("masker-pegawai", True, Decimal("25.0"))
    # N/A in the correction: asked three times
    (vent,) = ventilation.items
    assert (vent.failed, vent.asked, vent.share) == (2, 3, Decimal("66.7"))
    assert ventilation.average == Decimal("33.3")
    assert [c.key for c in rest] == ["handwashing"] and rest[0].items == ()
    assert data.questions["masker-pengunjung"].get("id").startswith("Pengunjung memakai masker")


def test_a_correction_still_in_draft_leaves_the_original_counted(october, make_inspection):
    puskesmas_visit = october["counted"][2]
    make_inspection(
        october["offices"][1],
        datetime(2026, 10, 20, 8, 30, tzinfo=WIB),
        "0",
        None,
        status="draft",
        version=2,
        supersedes=puskesmas_visit,
    )
    assert puskesmas_visit.id in {row.id for row in recap.gather(*OCTOBER).rows}


def test_a_real_submission_is_read_from_its_breakdown(submitted):
    """Through the inspection pages: the one finding shows up as the recap's worst item."""
    submitted()
    inspection = db.session.scalar(select(Inspection))
    day = inspection.started_at.astimezone(WIB).date()
    data = recap.gather(day, day)
    (row,) = data.rows
    assert (row.status, row.findings, row.score) == ("submitted", 1, inspection.score)
    assert len(row.items) == len(checklist_of(inspection.checklist_version).items)
    (masks, *_) = domain.failures_by_category(data.rows)
    assert [(i.item_id, i.failed, i.asked) for i in masks.items] == [("masker-pengunjung", 1, 1)]


# ---- the PDF -----------------------------------------------------------------------------


@needs_poppler
def test_the_command_renders_a_pdf_with_the_numbers_in_indonesian(runner, october, tmp_path):
    out = tmp_path / "rekap.pdf"
    result = runner.invoke(args=["reports", "recap", "--month", "2026-10", "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert "Mengumpulkan data inspeksi" in result.output
    assert "Menyusun PDF" in result.output
    assert "Selesai: 4 inspeksi" in result.output
    job = db.session.scalar(select(RecapJob))
    report = job.report
    assert f"SHA-256: {report.sha256}" in result.output
    assert str(jobs.file_store().path(report.storage_key)) in result.output
    data = out.read_bytes()
    assert data.startswith(b"%PDF") and hashlib.sha256(data).hexdigest() == report.sha256
    text = pdf_text(out.read_bytes())
    for expected in (
        "REKAPITULASI PEMERIKSAAN PROTOKOL KESEHATAN",
        "Oktober 2026",
        "Kelurahan Sukasari",
        "Puskesmas Cibeureum",
        "Dinas Kesehatan",
        "Sukamaju Utara",
        "Cibeureum",
        "72,5",  # Kelurahan Sukasari's average
        "80,1",
        "75,0%",  # visitors without masks: 3 of 4
        "Pengunjung memakai masker",
        "Tidak ada sanksi yang tercatat",
        "001/BA-SIDAK/X/2026",
        "Halaman 1 dari",
    ):
        assert expected in text, expected
    assert "002/BA-SIDAK/X/2026" not in text  # corrected: its correction is listed instead
    assert "72.5" not in text
    assert report.pages == text.count("Halaman ")


@needs_poppler
def test_an_english_recap_names_categories_and_months_in_english(runner, october, tmp_path):
    out = tmp_path / "recap.pdf"
    result = runner.invoke(
        args=[
            *("reports", "recap", "--from", "2026-10-01", "--to", "2026-10-31"),
            *("--lang", "en", "--out", str(out)),
        ]
    )
    assert result.exit_code == 0, result.output
    text = pdf_text(out.read_bytes())
    assert "October 2026" in text and "Masks" in text and "80.1" in text
    assert db.session.scalar(select(RecapJob)).language == "en"


def test_the_command_refuses_bad_periods_in_indonesian(runner):
    backwards = runner.invoke(
        args=["reports", "recap", "--from", "2026-10-05", "--to", "2026-10-01"]
    )
    assert backwards.exit_code == 2
    assert "Tanggal awal harus sebelum tanggal akhir" in backwards.output
    garbled = runner.invoke(args=["reports", "recap", "--month", "Oktober"])
    assert garbled.exit_code == 2 and "Bulan tidak dikenali" in garbled.output
    future = runner.invoke(args=["reports", "recap", "--month", "2026-12"])
    assert future.exit_code == 2 and "belum dimulai" in future.output
    assert db.session.scalar(select(func.count(RecapJob.id))) == 0


def test_recaps_of_the_same_language_are_all_kept(october):
    """stored_reports is unique per (inspection, language); a recap has no inspection."""
    for _ in range(2):
        job = jobs.start_now(None, *OCTOBER, "id")
        assert jobs.run(job).status == JobStatus.DONE
    reports = db.session.scalars(select(StoredReport)).all()
    assert len(reports) == 2
    assert {(r.kind, r.inspection_id, r.language) for r in reports} == {
        (ReportKind.RECAP, None, "id")
    }


# ---- sanctions ---------------------------------------------------------------------------


@pytest.fixture
def sanctions(october):
    """Sanctions around October: issued, decided or due in it, or not (see each comment)."""
    first, _correction, puskesmas_visit, last = october["counted"]

    def sanction(inspection, proposed, status, number=None, issued=None, due=None):
        made = Sanction(
            office_id=inspection.office_id,
            inspection=inspection,
            status=status,
            ladder="uji 1",
            proposed_level="teguran-tertulis",
            level="teguran-tertulis",
            level_name="Teguran tertulis",
            level_name_en="Written warning",
            proposed_at=proposed.astimezone(UTC),
            issued_at=issued.astimezone(UTC) if issued else None,
            number=number,
            due_date=due,
        )
        db.session.add(made)
        return made

    made = {
        # issued in October, its deadline passed: overdue on 23 November (the tick never ran)
        "late": sanction(
            first,
            datetime(2026, 10, 3, 9, 0, tzinfo=WIB),
            "issued",
            "001/SP-SIDAK/X/2026",
            datetime(2026, 10, 5, 10, 0, tzinfo=WIB),
            date(2026, 10, 12),
        ),
        # proposed late on the last evening of October (Jakarta), not decided yet
        "pending": sanction(last, datetime(2026, 10, 31, 23, 45, tzinfo=WIB), "proposed"),
        # proposed and waived in October
        "waived": sanction(puskesmas_visit, datetime(2026, 10, 21, 9, 0, tzinfo=WIB), "waived"),
        # issued in September, its deadline in October, corrected and verified
        "verified": sanction(
            first,
            datetime(2026, 9, 18, 9, 0, tzinfo=WIB),
            "verified",
            "009/SP-SIDAK/IX/2026",
            datetime(2026, 9, 20, 9, 0, tzinfo=WIB),
            date(2026, 10, 2),
        ),
        # issued and due in September: another recap's
        "september": sanction(
            last,
            datetime(2026, 9, 1, 9, 0, tzinfo=WIB),
            "overdue",
            "004/SP-SIDAK/IX/2026",
            datetime(2026, 9, 2, 9, 0, tzinfo=WIB),
            date(2026, 9, 9),
        ),
        # proposed on 1 November in Jakarta (still 31 October in UTC): November's
        "november": sanction(last, datetime(2026, 11, 1, 0, 30, tzinfo=WIB), "proposed"),
    }
    db.session.commit()
    return made


def test_the_recap_lists_the_periods_sanctions_overdue_first(sanctions):
    data = recap.gather(*OCTOBER)
    listed = [row.sanction.id for row in data.sanctions]
    assert listed == [sanctions[k].id for k in ("late", "pending", "verified", "waived")]
    late = data.sanctions[0]
    assert (late.state, late.days_overdue) == ("overdue", 42)  # 12 October to 23 November
    assert [row.days_overdue for row in data.sanctions[1:]] == [0, 0, 0]
    assert state_counts(data.sanctions) == [
        ("overdue", 1),
        ("proposed", 1),
        ("verified", 1),
        ("waived", 1),
    ]


@needs_poppler
def test_the_recap_pdf_shows_the_sanctions_table(runner, sanctions, tmp_path):
    out = tmp_path / "rekap.pdf"
    result = runner.invoke(args=["reports", "recap", "--month", "2026-10", "--out", str(out)])
    assert result.exit_code == 0, result.output
    text = pdf_text(out.read_bytes())
    assert "Tidak ada sanksi yang tercatat" not in text
    section = text.split("4. Sanksi", 1)[1].split("5. Tren", 1)[0]
    # the counts, then the rows: overdue first, 42 days late
    assert "1 1 1 1 Lewat batas waktu Diusulkan Terverifikasi Tidak dijatuhkan" in section
    assert "001/SP-SIDAK/X/2026 5 Okt 2026 12 Okt 2026 Lewat batas 42" in section
    assert "009/SP-SIDAK/IX/2026 20 Sep 2026 2 Okt 2026 Terverifikasi" in section
    assert section.index("001/SP-SIDAK/X/2026") < section.index("Diusulkan –")
    assert section.index("Diusulkan –") < section.index("009/SP-SIDAK/IX/2026")
    assert "Teguran" in section and "Puskesmas" in section
    assert "004/SP-SIDAK/IX/2026" not in text  # September's


# ---- jobs --------------------------------------------------------------------------------


def test_requests_are_validated(app):
    with pytest.raises(periods.RecapInvalid, match="sebelum tanggal akhir"):
        jobs.request_recap(None, date(2026, 10, 2), date(2026, 10, 1), "id")
    with pytest.raises(periods.RecapInvalid, match="366 hari"):
        jobs.request_recap(None, date(2025, 11, 1), date(2026, 11, 2), "id")
    with pytest.raises(periods.RecapInvalid, match="hari ini"):
        jobs.request_recap(None, date(2026, 11, 1), TODAY + timedelta(days=1), "id")
    with pytest.raises(periods.RecapInvalid, match="id atau en"):
        jobs.request_recap(None, *OCTOBER, "fr")
    assert jobs.request_recap(None, date(2025, 11, 23), TODAY, "id").status == JobStatus.QUEUED


def test_the_current_month_ends_today():
    assert periods.month_period("2026-11", TODAY) == (date(2026, 11, 1), TODAY)
    assert periods.month_period("2026-2", TODAY) == (date(2026, 2, 1), date(2026, 2, 28))
    assert periods.last_month(date(2027, 1, 10)) == "2026-12"


def test_an_identical_request_reuses_the_queued_job(app, make_user):
    city = make_user("kota", Role.CITY)
    first = jobs.request_recap(city, *OCTOBER, "id")
    assert jobs.request_recap(city, *OCTOBER, "id").id == first.id
    assert jobs.request_recap(city, *OCTOBER, "en").id != first.id
    first.status = JobStatus.DONE
    db.session.commit()
    assert jobs.request_recap(city, *OCTOBER, "id").id != first.id
    event = db.session.scalar(select(AuditEvent).where(AuditEvent.action == "recap.request"))
    assert event.user_id == city.id and json.loads(event.detail)["date_to"] == "2026-10-31"


def test_claiming_takes_the_oldest_queued_job_once(app):
    older = jobs.request_recap(None, *OCTOBER, "id")
    newer = jobs.request_recap(None, *OCTOBER, "en")
    claimed = jobs.claim_next("uji:1")
    assert claimed.id == older.id
    assert (claimed.status, claimed.stage) == (JobStatus.RUNNING, "gathering")
    assert claimed.started_at is not None
    assert jobs.claim_next("uji:2").id == newer.id
    assert jobs.claim_next("uji:3") is None


def test_a_job_another_worker_claimed_first_is_skipped(app, monkeypatch):
    taken = jobs.request_recap(None, *OCTOBER, "id")
    free = jobs.request_recap(None, *OCTOBER, "en")
    real_update = job_queue.update

    def the_other_worker_is_faster(table):
        if taken.status == JobStatus.QUEUED:  # between our SELECT and our UPDATE
            db.session.execute(
                real_update(RecapJob).where(RecapJob.id == taken.id).values(status="running")
            )
            db.session.refresh(taken)
        return real_update(table)

    monkeypatch.setattr(job_queue, "update", the_other_worker_is_faster)
    assert jobs.claim_next("langsam").id == free.id
    assert jobs.claim_next("langsam") is None


def test_a_job_left_running_by_a_dead_worker_goes_back_to_the_queue(app):
    stuck = jobs.request_recap(None, *OCTOBER, "id")
    busy = jobs.request_recap(None, *OCTOBER, "en")
    jobs.claim_next("mati")
    jobs.claim_next("hidup")
    stuck.started_at = utcnow() - timedelta(minutes=jobs.STALE_MINUTES + 1)
    db.session.commit()
    assert jobs.reset_stale() == 1
    db.session.refresh(stuck)
    db.session.refresh(busy)
    assert (stuck.status, stuck.progress, stuck.started_at) == (JobStatus.QUEUED, 0, None)
    assert busy.status == JobStatus.RUNNING


def test_a_job_that_keeps_killing_its_worker_fails_instead_of_looping(app):
    poison = jobs.request_recap(None, *OCTOBER, "id")
    for attempt in range(1, jobs.MAX_ATTEMPTS + 1):
        assert jobs.claim_next(f"pekerja-{attempt}").id == poison.id
        assert poison.attempts == attempt
        poison.started_at = utcnow() - timedelta(minutes=jobs.STALE_MINUTES + 1)
        db.session.commit()
        back = jobs.reset_stale()
        db.session.refresh(poison)
        if attempt < jobs.MAX_ATTEMPTS:
            assert (back, poison.status) == (1, JobStatus.QUEUED)
    assert (back, poison.status, poison.stage) == (0, JobStatus.FAILED, "failed")
    assert f"pekerja berhenti {jobs.MAX_ATTEMPTS} kali" in poison.error
    assert poison.finished_at is not None
    assert jobs.claim_next("pekerja-4") is None


def test_a_worker_stopped_on_purpose_does_not_use_up_an_attempt(app):
    job = jobs.request_recap(None, *OCTOBER, "id")
    for _ in range(jobs.MAX_ATTEMPTS + 1):
        assert jobs.claim_next("pekerja").id == job.id
        jobs.requeue(job.id)  # Ctrl+C, a deploy: run() puts the job back
        db.session.refresh(job)
        assert (job.status, job.attempts) == (JobStatus.QUEUED, 0)


def test_progress_is_committed_stage_by_stage(october):
    seen = []
    job = running_job()
    done = jobs.run(job, on_progress=lambda j: seen.append((j.stage, j.progress)))
    assert seen == [
        ("gathering", 5),
        ("charts", 25),
        ("rendering", 35),
        ("storing", 95),
    ]
    assert (done.status, done.stage, done.progress, done.inspections) == (
        JobStatus.DONE,
        "done",
        100,
        4,
    )
    assert done.finished_at >= done.started_at


def test_a_failing_render_marks_the_job_failed_with_a_message(october, monkeypatch, client, login):
    def broken(*args, **kwargs):
        raise RuntimeError("font Sidak Sans tidak ditemukan")

    monkeypatch.setattr(jobs, "render_pdf", broken)
    job = running_job()
    failed = jobs.run(job)
    assert (failed.status, failed.stage) == (JobStatus.FAILED, "failed")
    assert "font Sidak Sans tidak ditemukan" in failed.error
    assert failed.error.startswith("Rekap gagal disusun")
    assert failed.finished_at is not None and failed.report is None
    assert db.session.scalar(select(func.count(StoredReport.id))) == 0
    login(Role.CITY, "kota")
    page = client.get(f"/laporan/rekap/{failed.id}")
    assert page.status_code == 200 and "Refresh" not in page.headers
    assert "font Sidak Sans tidak ditemukan" in page.text
    assert "Minta rekap ini lagi" in page.text
    assert client.get(f"/laporan/rekap/{failed.id}/rekap.pdf").status_code == 404


def test_an_interrupted_job_goes_back_to_the_queue(october, monkeypatch):
    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(jobs, "render_pdf", interrupted)
    job = running_job()
    with pytest.raises(KeyboardInterrupt):
        jobs.run(job)
    job = db.session.get(RecapJob, job.id)
    db.session.refresh(job)
    assert (job.status, job.progress, job.stage) == (JobStatus.QUEUED, 0, "queued")


# ---- the pages ---------------------------------------------------------------------------


def test_the_form_offers_last_month_and_the_nav_links_to_it(client, login):
    login(Role.CITY, "kota")
    page = client.get("/laporan/rekap")
    assert page.status_code == 200
    assert 'name="bulan" value="2026-10"' in page.text
    assert 'href="/laporan/rekap"' in page.text  # the top navigation
    assert "Belum ada rekap." in page.text


def test_a_city_user_asks_waits_and_downloads(client, login, runner, october):
    login(Role.CITY, "kota")
    response = client.post("/laporan/rekap", data={"bulan": "2026-10", "bahasa": "id"})
    assert response.status_code == 302
    job = db.session.scalar(select(RecapJob))
    assert response.headers["Location"] == f"/laporan/rekap/{job.id}"
    assert (job.status, job.date_from, job.date_to) == (JobStatus.QUEUED, *OCTOBER)
    assert job.requested_by.username == "kota"

    waiting = client.get(f"/laporan/rekap/{job.id}")
    assert waiting.headers["Refresh"] == "2"
    assert "Menunggu giliran" in waiting.text
    assert '<progress max="100" value="0"' in waiting.text
    assert client.get(f"/laporan/rekap/{job.id}.json").get_json()["status"] == "queued"
    assert client.get(f"/laporan/rekap/{job.id}/rekap.pdf").status_code == 404
    listed = client.get("/laporan/rekap").text
    assert "Oktober 2026" in listed and "Menunggu giliran" in listed

    worked = runner.invoke(args=["worker", "--once"])
    assert worked.exit_code == 0, worked.output
    assert "1 rekap dikerjakan" in worked.output

    done = client.get(f"/laporan/rekap/{job.id}")
    assert "Refresh" not in done.headers
    assert "Rekap selesai" in done.text and "4 inspeksi" in done.text
    assert f'href="/laporan/rekap/{job.id}/rekap.pdf"' in done.text
    state = client.get(f"/laporan/rekap/{job.id}.json").get_json()
    assert (state["status"], state["progress"], state["inspections"]) == ("done", 100, 4)
    pdf = client.get(state["pdf"])
    assert pdf.status_code == 200
    assert pdf.headers["Content-Type"] == "application/pdf"
    assert pdf.data.startswith(b"%PDF")
    digest = hashlib.sha256(pdf.data).hexdigest()
    assert pdf.headers["ETag"] == f'"{digest}"' and state["sha256"] == digest
    assert client.get(state["pdf"], headers={"If-None-Match": f'"{digest}"'}).status_code == 304
    download = client.get(state["pdf"] + "?unduh=1")
    assert "attachment" in download.headers["Content-Disposition"]
    assert "rekap-2026-10.pdf" in download.headers["Content-Disposition"]


@pytest.mark.parametrize(
    ("form", "message"),
    [
        (
            {"dari": "2026-10-10", "sampai": "2026-10-01"},
            "Tanggal awal harus sebelum tanggal akhir",
        ),
        ({"bulan": "Oktober"}, "Bulan tidak dikenali"),
        ({"bulan": ""}, "Bulan tidak dikenali"),
        ({"dari": "2026-10-10"}, "Isi kedua tanggal"),
        ({"dari": "10/10/2026", "sampai": "2026-10-31"}, "Tanggal awal tidak dikenali"),
        ({"dari": "2026-11-01", "sampai": "2026-12-31"}, "tidak boleh melewati hari ini"),
        ({"dari": "2024-01-01", "sampai": "2026-10-31"}, "paling panjang 366 hari"),
    ],
)
def test_bad_input_shows_the_form_again_with_a_422(client, login, form, message):
    login(Role.CITY, "kota")
    response = client.post("/laporan/rekap", data={"bahasa": "id", **form})
    assert response.status_code == 422
    assert message in response.text
    assert 'class="flash flash-error"' in response.text
    assert "Traceback" not in response.text
    for value in form.values():
        assert f'value="{value}"' in response.text  # what was typed stays
    assert db.session.scalar(select(func.count(RecapJob.id))) == 0


@pytest.mark.parametrize("role", [Role.INSPECTOR, Role.OFFICE_HEAD])
def test_other_roles_are_refused(client, login, role):
    job = jobs.request_recap(None, *OCTOBER, "id")
    login(role, "lain")
    for url in ("/laporan/rekap", f"/laporan/rekap/{job.id}", f"/laporan/rekap/{job.id}.json"):
        assert client.get(url).status_code == 403, url
    assert client.post("/laporan/rekap", data={"bulan": "2026-10"}).status_code == 403
    assert 'href="/laporan/rekap"' not in client.get("/inspeksi").text
    assert db.session.scalar(select(func.count(RecapJob.id))) == 1


def test_anonymous_visitors_are_sent_to_log_in(client):
    response = client.get("/laporan/rekap")
    assert response.status_code == 302
    assert response.headers["Location"].startswith("/masuk?next=")


# ---- the worker beside the web server ----------------------------------------------------


def test_serve_starts_the_worker_and_stops_it_on_exit(monkeypatch):
    from sidak.commands import serve

    started, stopped = [], []

    class FakeProcess:
        def __init__(self, command):
            started.append(command)

        def wait(self, timeout=None):
            return 0

        def poll(self):
            return None

        def terminate(self):
            stopped.append("terminate")

        def kill(self):
            stopped.append("kill")

    monkeypatch.setattr(serve.subprocess, "Popen", FakeProcess)
    monkeypatch.setattr(serve.RecapWorker, "_watch", lambda self: None)

    def gunicorn_exits(self):
        assert started and not stopped  # the worker runs while gunicorn serves
        raise SystemExit(0)

    monkeypatch.setattr(serve._Gunicorn, "run", gunicorn_exits)
    with pytest.raises(SystemExit):
        serve.serve("127.0.0.1", 5999, 1)
    assert started[0][-1] == "worker"
    assert stopped == ["terminate"]

    started.clear()
    stopped.clear()
    monkeypatch.setattr(serve._Gunicorn, "run", lambda self: None)
    serve.serve("127.0.0.1", 5999, 1, with_worker=False)
    assert started == [] and stopped == []
