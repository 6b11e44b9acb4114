"""The audit log: who did what and when. Rows are only ever added."""

from datetime import datetime

from sqlalchemy import ForeignKey, String, Text, event
from sqlalchemy.orm import Mapped, Session, mapped_column

from sidak.models.base import UTCDateTime, db, utcnow


class AuditEvent(db.Model):
    __tablename__ = "audit_events"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), index=True)
    #: the username at the time (kept even if the account is renamed)
    actor: Mapped[str] = mapped_column(String(64), default="")
    #: what happened, e.g. ``login``, ``login_failed``, ``inspection.submit``
    action: Mapped[str] = mapped_column(String(50), index=True)
    #: what it happened to, e.g. ``inspection`` and its id
    object_type: Mapped[str] = mapped_column(String(30), default="")
    object_id: Mapped[str] = mapped_column(String(64), default="")
    #: JSON with the details (old and new values, reasons)
    detail: Mapped[str] = mapped_column(Text, default="{}")
    ip: Mapped[str] = mapped_column(String(45), default="")


class AppendOnlyError(RuntimeError):
    """An audit event was about to be changed or deleted."""


@event.listens_for(Session, "before_flush")
def _refuse_audit_changes(session: Session, flush_context, instances) -> None:
    for obj in (*session.dirty, *session.deleted):
        if isinstance(obj, AuditEvent) and (obj in session.deleted or session.is_modified(obj)):
            raise AppendOnlyError("audit events are append-only")
