"""Recap jobs: asked for on a page (or the command line), rendered by `sidak worker`.

A job is a row: queued, then running with its progress committed as it goes, then done
(with its stored PDF) or failed (with a message). Claiming, and what happens to a job whose
worker died, is in `job_queue`.
"""

import hashlib
import logging
from collections.abc import Callable
from datetime import date

from flask import render_template
from flask_babel import force_locale
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from sqlalchemy import func, select
from sqlalchemy.orm import selectinload

from sidak.domain.periods import is_whole_month
from sidak.models import JobStatus, RecapJob, ReportKind, Role, StoredReport, User, db, utcnow
from sidak.services import audit
from sidak.services.inspections.evidence import file_store
from sidak.services.reports import recap
from sidak.services.reports.job_queue import (  # noqa: F401  (the queue, as callers know it)
    MAX_ATTEMPTS,
    STALE_MINUTES,
    claim_next,
    requeue,
    reset_stale,
)
from sidak.services.reports.pdf import RenderedPdf, render_pdf
from sidak.services.reports.periods import RecapInvalid, check_period

log = logging.getLogger(__name__)

LANGUAGES = ("id", "en")
ACTIVE = (JobStatus.QUEUED, JobStatus.RUNNING)

#: what a job is doing, by its `stage` key
STAGES = {
    "queued": _l("Menunggu giliran"),
    "gathering": _l("Mengumpulkan data inspeksi"),
    "charts": _l("Menyiapkan tabel dan grafik"),
    "rendering": _l("Menyusun PDF"),
    "storing": _l("Menyimpan berkas"),
    "done": _l("Selesai"),
    "failed": _l("Gagal"),
}

Progress = Callable[[RecapJob], None]


def may_request_recaps(user: User) -> bool:
    """The mayor's office and administrators: the recap covers every office."""
    return user.role in (Role.CITY, Role.ADMIN)


def request_recap(user: User | None, date_from: date, date_to: date, language: str) -> RecapJob:
    """Queue a recap, or return the same one already queued or running; commit.

    Raises RecapInvalid for a period `check_period` refuses or an unknown language.
    """
    _check(date_from, date_to, language)
    same = db.session.scalar(
        select(RecapJob)
        .where(
            RecapJob.date_from == date_from,
            RecapJob.date_to == date_to,
            RecapJob.language == language,
            RecapJob.status.in_(ACTIVE),
        )
        .order_by(RecapJob.id)
        .limit(1)
    )
    if same is not None:
        return same
    return _new_job(user, date_from, date_to, language, JobStatus.QUEUED)


def start_now(user: User | None, date_from: date, date_to: date, language: str) -> RecapJob:
    """A job already running, for the command line to run itself; commit."""
    _check(date_from, date_to, language)
    return _new_job(user, date_from, date_to, language, JobStatus.RUNNING)


def _check(date_from: date, date_to: date, language: str) -> None:
    if language not in LANGUAGES:
        raise RecapInvalid(_("Bahasa rekap harus id atau en."))
    check_period(date_from, date_to, recap.today())


def _new_job(user, date_from, date_to, language, status: JobStatus) -> RecapJob:
    running = status == JobStatus.RUNNING
    job = RecapJob(
        requested_by=user,
        date_from=date_from,
        date_to=date_to,
        language=language,
        status=status,
        stage="gathering" if running else "queued",
        started_at=utcnow() if running else None,
    )
    db.session.add(job)
    db.session.flush()
    audit.record(
        "recap.request",
        user=user,
        object_type="recap_job",
        object_id=job.id,
        date_from=date_from.isoformat(),
        date_to=date_to.isoformat(),
        language=language,
    )
    db.session.commit()
    return job


def run(job: RecapJob, on_progress: Progress | None = None) -> RecapJob:
    """Render a running job's recap, committing its progress; store it and mark it done.

    Any error marks the job failed with a message and is logged; an interruption
    (Ctrl+C, the worker stopping) puts the job back in the queue and goes on.
    """
    job_id = job.id
    try:
        _render(job, on_progress)
    except Exception as exc:
        log.exception("recap job %s failed", job_id)
        db.session.rollback()
        job = _finish_failed(job_id, exc)
        if on_progress:
            on_progress(job)
        return job
    except BaseException:
        db.session.rollback()
        requeue(job_id)
        raise
    return job


def _render(job: RecapJob, on_progress: Progress | None) -> None:
    def advance(stage: str, percent: int) -> None:
        if (job.stage, job.progress) != (stage, percent):
            job.stage, job.progress = stage, percent
            db.session.commit()
            if on_progress:
                on_progress(job)

    # reading is quick; laying out the pages is most of the time (one call, no progress inside)
    advance("gathering", 5)
    data = recap.gather(
        job.date_from, job.date_to, lambda done: advance("gathering", 5 + round(20 * done))
    )
    job.inspections = len(data.rows)
    advance("charts", 25)
    with force_locale(job.language):
        files: dict = {}
        context = recap.build(data, job.language, files)
        advance("rendering", 35)
        page = render_template(recap.TEMPLATE, **context)
    rendered = render_pdf(page, fetcher=recap.fetcher(files))
    if rendered.refused:
        log.warning("recap job %s: the renderer refused %s", job.id, rendered.refused)
    advance("storing", 95)
    _store(job, rendered)


def _store(job: RecapJob, rendered: RenderedPdf) -> None:
    store = file_store()
    key = store.save(rendered.data, "pdf")
    try:
        job.report = StoredReport(
            kind=ReportKind.RECAP,
            inspection_id=None,
            language=job.language,
            storage_key=key,
            sha256=hashlib.sha256(rendered.data).hexdigest(),
            size_bytes=len(rendered.data),
            pages=rendered.pages,
            render_ms=rendered.milliseconds,
        )
        job.status = JobStatus.DONE
        job.stage = "done"
        job.progress = 100
        job.finished_at = utcnow()
        db.session.commit()
    except BaseException:
        db.session.rollback()
        store.delete(key)
        raise


def _finish_failed(job_id: int, exc: Exception) -> RecapJob:
    job = db.session.get(RecapJob, job_id)
    job.status = JobStatus.FAILED
    job.stage = "failed"
    job.finished_at = utcnow()
    job.error = failure_message(exc)
    db.session.commit()
    return job


def failure_message(exc: Exception) -> str:
    """What the page says about a failed job (stored, so in Indonesian)."""
    detail = str(exc).strip() or type(exc).__name__
    return (
        f"Rekap gagal disusun: {detail[:500]}. Coba minta rekap lagi; bila gagal lagi, "
        "beri tahu administrator (rinciannya ada di log pekerja)."
    )


def recent_jobs(limit: int = 20) -> list[RecapJob]:
    query = (
        select(RecapJob)
        .options(selectinload(RecapJob.requested_by), selectinload(RecapJob.report))
        .order_by(RecapJob.id.desc())
        .limit(limit)
    )
    return list(db.session.scalars(query))


def queue_position(job: RecapJob) -> int:
    """How many queued jobs come before this one (0 when it is next, or not queued)."""
    if job.status != JobStatus.QUEUED:
        return 0
    return db.session.scalar(
        select(func.count())
        .select_from(RecapJob)
        .where(RecapJob.status == JobStatus.QUEUED, RecapJob.id < job.id)
    )


def stage_text(job: RecapJob) -> str:
    return str(STAGES.get(job.stage, job.stage))


def filename_for(job: RecapJob) -> str:
    """``rekap-2026-10.pdf`` for a whole month, else ``rekap-2026-10-01-sd-2026-10-15.pdf``."""
    if is_whole_month(job.date_from, job.date_to):
        return f"rekap-{job.date_from:%Y-%m}.pdf"
    return f"rekap-{job.date_from.isoformat()}-sd-{job.date_to.isoformat()}.pdf"
