"""What people are told: in-app notifications and the e-mail outbox.

A notification keeps its kind and parameters, not sentences, so it reads in whatever
language its reader chooses. Mail is written in the recipient's language when it is queued
and sent by the worker (or ``sidak tick``); a mail server that is down delays it, never
loses it.
"""

from datetime import datetime

from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from sidak.models.base import UTCDateTime, db, utcnow
from sidak.models.user import User


class Notification(db.Model):
    __tablename__ = "notifications"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    #: e.g. ``report.finalized``, ``sanction.issued``, ``deadline.soon``
    kind: Mapped[str] = mapped_column(String(40))
    #: JSON parameters of the message (office, number, date, ...)
    params: Mapped[str] = mapped_column(Text, default="{}")
    #: the page it is about, as a path inside Sidak
    link: Mapped[str] = mapped_column(String(300), default="")
    #: makes a notification once-only (the tick's reminders); None: no such rule
    once_key: Mapped[str | None] = mapped_column(String(120), unique=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)
    read_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    user: Mapped[User] = relationship()


class MailStatus:
    QUEUED = "queued"
    SENT = "sent"
    FAILED = "failed"  #: gave up after `MAX_ATTEMPTS`


class OutgoingMail(db.Model):
    __tablename__ = "outgoing_mail"

    id: Mapped[int] = mapped_column(primary_key=True)
    notification_id: Mapped[int | None] = mapped_column(ForeignKey("notifications.id"))
    recipient: Mapped[str] = mapped_column(String(200))
    subject: Mapped[str] = mapped_column(String(300))
    body: Mapped[str] = mapped_column(Text)
    language: Mapped[str] = mapped_column(String(2), default="id")
    status: Mapped[str] = mapped_column(String(10), default=MailStatus.QUEUED, index=True)
    attempts: Mapped[int] = mapped_column(default=0)
    last_error: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    #: not before this time (retries back off)
    next_attempt_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
