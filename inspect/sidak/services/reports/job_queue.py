"""The recap queue: workers claim jobs, and jobs whose worker died go back or fail.

Workers claim a job with a conditional UPDATE, so any number of them may share a queue; a
job left running by a worker that died is put back in the queue after `STALE_MINUTES`, until
it has taken down `MAX_ATTEMPTS` workers: then it fails with a message instead of killing a
worker every half hour.
"""

import logging
from datetime import timedelta

from sqlalchemy import select, update

from sidak.models import JobStatus, RecapJob, db, utcnow

log = logging.getLogger(__name__)

#: a job running this long has lost its worker (a recap takes seconds)
STALE_MINUTES = 30
#: workers a job may take down (out of memory on a huge period, say) before it fails
MAX_ATTEMPTS = 3


def claim_next(worker_name: str) -> RecapJob | None:
    """Move the oldest queued job to running and return it; None when the queue is empty.

    The UPDATE only applies while the job is still queued, so when two workers pick the same
    job one of them changes no row and tries the next job instead.
    """
    tried: set[int] = set()
    while True:
        query = select(RecapJob.id).where(RecapJob.status == JobStatus.QUEUED)
        if tried:
            query = query.where(RecapJob.id.not_in(tried))
        job_id = db.session.scalar(query.order_by(RecapJob.id).limit(1))
        if job_id is None:
            db.session.rollback()  # end the read transaction: the next poll sees new jobs
            return None
        claimed = db.session.execute(
            update(RecapJob)
            .where(RecapJob.id == job_id, RecapJob.status == JobStatus.QUEUED)
            .values(
                status=JobStatus.RUNNING,
                started_at=utcnow(),
                progress=0,
                stage="gathering",
                attempts=RecapJob.attempts + 1,
            )
            .execution_options(synchronize_session=False)
        )
        db.session.commit()
        if claimed.rowcount == 1:
            log.info("recap job %s claimed by %s", job_id, worker_name)
            return db.session.get(RecapJob, job_id)
        tried.add(job_id)


def reset_stale(minutes: int = STALE_MINUTES) -> int:
    """Put jobs running for more than `minutes` back in the queue, or fail those that have
    had `MAX_ATTEMPTS` workers already; commit. How many went back."""
    stale = (
        RecapJob.status == JobStatus.RUNNING,
        RecapJob.started_at < utcnow() - timedelta(minutes=minutes),
    )
    given_up = db.session.execute(
        update(RecapJob)
        .where(*stale, RecapJob.attempts >= MAX_ATTEMPTS)
        .values(
            status=JobStatus.FAILED,
            stage="failed",
            finished_at=utcnow(),
            error=(
                f"Rekap gagal disusun: pekerja berhenti {MAX_ATTEMPTS} kali saat menyusunnya "
                "(mungkin kehabisan memori). Minta rekap untuk periode yang lebih pendek, atau "
                "beri tahu administrator (rinciannya ada di log pekerja)."
            ),
        )
        .execution_options(synchronize_session=False)
    )
    if given_up.rowcount:
        log.warning("%s recap job(s) failed after %s attempts", given_up.rowcount, MAX_ATTEMPTS)
    result = db.session.execute(
        update(RecapJob)
        .where(*stale)
        .values(status=JobStatus.QUEUED, progress=0, stage="queued", started_at=None)
        .execution_options(synchronize_session=False)
    )
    db.session.commit()
    return result.rowcount


def requeue(job_id: int) -> None:
    """Back to the queue, for another worker (or this one, restarted); commit. A worker that
    was stopped did not crash: the attempt does not count."""
    db.session.execute(
        update(RecapJob)
        .where(RecapJob.id == job_id, RecapJob.status == JobStatus.RUNNING)
        .values(
            status=JobStatus.QUEUED,
            progress=0,
            stage="queued",
            started_at=None,
            attempts=RecapJob.attempts - 1,
        )
        .execution_options(synchronize_session=False)
    )
    db.session.commit()
