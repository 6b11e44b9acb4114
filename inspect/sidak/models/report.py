"""Rendered PDF documents, kept once rendered, and the recap jobs that render them.

A finalized inspection's report never changes, so it is rendered once (per language) and the
stored file is served afterwards with its SHA-256. Recaps take seconds, so a job renders them
away from web requests and records its progress for the page that waits on it.
"""

from datetime import date, datetime
from enum import StrEnum

from sqlalchemy import ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from sidak.models.base import UTCDateTime, db, utcnow
from sidak.models.user import User


class ReportKind(StrEnum):
    INSPECTION = "inspection"  #: berita acara pemeriksaan of one finalized inspection
    RECAP = "recap"  #: the city's recap for a date range


class StoredReport(db.Model):
    __tablename__ = "stored_reports"
    __table_args__ = (UniqueConstraint("inspection_id", "language"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(20))
    #: the finalized inspection it records (None for a recap)
    inspection_id: Mapped[int | None] = mapped_column(ForeignKey("inspections.id"))
    language: Mapped[str] = mapped_column(String(2))
    #: the PDF in the file store, and its SHA-256 (the download's ETag)
    storage_key: Mapped[str] = mapped_column(String(100))
    sha256: Mapped[str] = mapped_column(String(64))
    size_bytes: Mapped[int]
    pages: Mapped[int]
    render_ms: Mapped[int]
    #: what else the document showed when rendered (the sanction's state): a change re-renders
    revision: Mapped[str] = mapped_column(String(64), default="", server_default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class JobStatus(StrEnum):
    QUEUED = "queued"
    RUNNING = "running"
    DONE = "done"
    FAILED = "failed"


class RecapJob(db.Model):
    """A request for the city's recap over a date range, rendered by `sidak worker`."""

    __tablename__ = "recap_jobs"

    id: Mapped[int] = mapped_column(primary_key=True)
    #: who asked (None when run from the command line)
    requested_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    #: the period, both days included, in the city's time zone
    date_from: Mapped[date]
    date_to: Mapped[date]
    language: Mapped[str] = mapped_column(String(2), default="id")
    status: Mapped[str] = mapped_column(String(10), default=JobStatus.QUEUED, index=True)
    #: 0..100, and what the job is doing now (an Indonesian message id, see jobs.STAGES)
    progress: Mapped[int] = mapped_column(default=0)
    stage: Mapped[str] = mapped_column(String(40), default="queued")
    #: times a worker took it and did not come back (a crash); see jobs.MAX_ATTEMPTS
    attempts: Mapped[int] = mapped_column(default=0, server_default="0")
    error: Mapped[str] = mapped_column(Text, default="")
    inspections: Mapped[int] = mapped_column(default=0)
    report_id: Mapped[int | None] = mapped_column(ForeignKey("stored_reports.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    started_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    finished_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    requested_by: Mapped[User | None] = relationship()
    report: Mapped[StoredReport | None] = relationship()
