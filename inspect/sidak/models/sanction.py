"""Sanctions, corrective actions, the office's replies and follow-up inspections.

Nothing here is ever deleted: a decision, a reply or a verdict adds rows or moves a state
forward, and the audit log keeps who did it and why. The states are those of
`sidak.domain.sanctions.lifecycle`.
"""

from datetime import date, datetime

from sqlalchemy import ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from sidak.models.base import UTCDateTime, db, utcnow
from sidak.models.inspection import Inspection
from sidak.models.office import Office
from sidak.models.user import User


class Sanction(db.Model):
    """A sanction for one violation (a finalized inspection) of one office."""

    __tablename__ = "sanctions"
    __table_args__ = (
        UniqueConstraint("number_year", "number_sequence"),
        # the dashboard counts them by state for a period and offices from this index alone
        Index("ix_sanctions_state_day", "status", "inspected_on", "office_id", "inspection_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    office_id: Mapped[int] = mapped_column(ForeignKey("offices.id"), index=True)
    #: the inspection whose findings it answers
    inspection_id: Mapped[int] = mapped_column(ForeignKey("inspections.id"), index=True)
    #: that inspection's day in the city's calendar (the dashboard's period, without a join)
    inspected_on: Mapped[date | None]
    status: Mapped[str] = mapped_column(String(12), index=True)
    #: the ladder (id and version) it was decided on
    ladder: Mapped[str] = mapped_column(String(100))
    #: the level Sidak proposed, and the level as decided (the same until a city user decides)
    proposed_level: Mapped[str] = mapped_column(String(64))
    level: Mapped[str] = mapped_column(String(64))
    #: the level's words as the ladder had them (the letter prints them; ladders change)
    level_name: Mapped[str] = mapped_column(String(200))
    level_name_en: Mapped[str] = mapped_column(String(200), default="")
    level_meaning: Mapped[str] = mapped_column(Text, default="")
    level_meaning_en: Mapped[str] = mapped_column(Text, default="")
    rule: Mapped[str] = mapped_column(Text, default="")
    rule_en: Mapped[str] = mapped_column(Text, default="")
    #: working days to correct, counted from the day it is issued
    days: Mapped[int] = mapped_column(default=5)
    #: this is the n-th violation of the office within the ladder's window
    ordinal: Mapped[int] = mapped_column(default=1)
    #: why Sidak proposed it ("pelanggaran ke-2 dalam 90 hari; ...")
    reason: Mapped[str] = mapped_column(Text, default="")
    reason_en: Mapped[str] = mapped_column(Text, default="")
    #: the city user's written reason for another level, or for waiving
    decision_reason: Mapped[str] = mapped_column(Text, default="")
    #: the sanction whose missed deadline led to this one
    escalated_from_id: Mapped[int | None] = mapped_column(ForeignKey("sanctions.id"), unique=True)
    proposed_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    decided_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    decided_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    #: the letter's number, given when issued: sequential per year
    number_year: Mapped[int | None]
    number_sequence: Mapped[int | None]
    number: Mapped[str | None] = mapped_column(String(60), unique=True)
    issued_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    #: the last day to correct (in the city's calendar)
    due_date: Mapped[date | None] = mapped_column(index=True)
    #: when it reached a state where nothing more is expected
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    office: Mapped[Office] = relationship()
    inspection: Mapped[Inspection] = relationship()
    decided_by: Mapped[User | None] = relationship()
    escalated_from: Mapped["Sanction | None"] = relationship(
        remote_side=[id], back_populates="escalated_to"
    )
    escalated_to: Mapped["Sanction | None"] = relationship(back_populates="escalated_from")


class CorrectiveAction(db.Model):
    """One finding the office must correct by `due_date`."""

    __tablename__ = "corrective_actions"
    __table_args__ = (
        UniqueConstraint("inspection_id", "item_id"),
        Index(
            "ix_corrective_actions_state_day",
            "status",
            "inspected_on",
            "office_id",
            "inspection_id",
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    inspection_id: Mapped[int] = mapped_column(ForeignKey("inspections.id"), index=True)
    office_id: Mapped[int] = mapped_column(ForeignKey("offices.id"), index=True)
    #: the inspection's day in the city's calendar (the dashboard's period, without a join)
    inspected_on: Mapped[date | None]
    item_id: Mapped[str] = mapped_column(String(64))
    #: the question and the finding as the checklist worded them
    question: Mapped[str] = mapped_column(Text)
    question_en: Mapped[str] = mapped_column(Text, default="")
    finding: Mapped[str] = mapped_column(Text, default="")
    finding_en: Mapped[str] = mapped_column(Text, default="")
    critical: Mapped[bool] = mapped_column(default=False)
    status: Mapped[str] = mapped_column(String(12), index=True)
    due_date: Mapped[date] = mapped_column(index=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    #: the follow-up inspection that saw it corrected
    verified_by_id: Mapped[int | None] = mapped_column(ForeignKey("inspections.id"))

    inspection: Mapped[Inspection] = relationship(foreign_keys=[inspection_id])
    office: Mapped[Office] = relationship()
    verified_by: Mapped[Inspection | None] = relationship(foreign_keys=[verified_by_id])
    replies: Mapped[list["ActionReply"]] = relationship(
        back_populates="action", order_by="ActionReply.id"
    )


class ReplyKind:
    EVIDENCE = "evidence"  #: evidence of correction: a note and photos
    OBJECTION = "objection"  #: the office disputes the finding, with reasons


class ActionReply(db.Model):
    """The office's answer to a corrective action, and the city's verdict on it."""

    __tablename__ = "action_replies"

    id: Mapped[int] = mapped_column(primary_key=True)
    action_id: Mapped[int] = mapped_column(ForeignKey("corrective_actions.id"), index=True)
    kind: Mapped[str] = mapped_column(String(12))
    note: Mapped[str] = mapped_column(Text, default="")
    created_by_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    #: ``accepted`` or ``rejected``; None while the city has not decided
    verdict: Mapped[str | None] = mapped_column(String(10))
    verdict_reason: Mapped[str] = mapped_column(Text, default="")
    decided_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    decided_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    action: Mapped[CorrectiveAction] = relationship(back_populates="replies")
    created_by: Mapped[User] = relationship(foreign_keys=[created_by_id])
    decided_by: Mapped[User | None] = relationship(foreign_keys=[decided_by_id])
    photos: Mapped[list["ReplyPhoto"]] = relationship(
        back_populates="reply", order_by="ReplyPhoto.id"
    )


class ReplyPhoto(db.Model):
    """A photo the office sent as evidence, stored like inspection photos."""

    __tablename__ = "reply_photos"

    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True)
    reply_id: Mapped[int] = mapped_column(ForeignKey("action_replies.id"), index=True)
    sha256: Mapped[str] = mapped_column(String(64))
    storage_key: Mapped[str] = mapped_column(String(100))
    thumb_key: Mapped[str] = mapped_column(String(100))
    content_type: Mapped[str] = mapped_column(String(30))
    width: Mapped[int]
    height: Mapped[int]
    size_bytes: Mapped[int]
    captured_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    uploaded_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    reply: Mapped[ActionReply] = relationship(back_populates="photos")


class FollowUpStatus:
    SCHEDULED = "scheduled"
    DONE = "done"


class FollowUp(db.Model):
    """A follow-up inspection the office is due for, scheduled when actions were set."""

    __tablename__ = "follow_ups"

    id: Mapped[int] = mapped_column(primary_key=True)
    office_id: Mapped[int] = mapped_column(ForeignKey("offices.id"), index=True)
    #: the inspection whose findings it follows up
    source_id: Mapped[int] = mapped_column(ForeignKey("inspections.id"), unique=True)
    due_date: Mapped[date] = mapped_column(index=True)
    status: Mapped[str] = mapped_column(String(12), default=FollowUpStatus.SCHEDULED, index=True)
    #: the inspection that did it
    done_by_id: Mapped[int | None] = mapped_column(ForeignKey("inspections.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    office: Mapped[Office] = relationship()
    source: Mapped[Inspection] = relationship(foreign_keys=[source_id])
    done_by: Mapped[Inspection | None] = relationship(foreign_keys=[done_by_id])


class CheckResult:
    CORRECTED = "corrected"
    OPEN = "open"


class FollowUpCheck(db.Model):
    """A follow-up inspection's verdict on one open finding (photos: item ``tl-<action>``)."""

    __tablename__ = "follow_up_checks"
    __table_args__ = (UniqueConstraint("inspection_id", "action_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    inspection_id: Mapped[int] = mapped_column(ForeignKey("inspections.id"), index=True)
    action_id: Mapped[int] = mapped_column(ForeignKey("corrective_actions.id"), index=True)
    #: ``corrected`` or ``open``; None until the inspector marks it
    result: Mapped[str | None] = mapped_column(String(10))
    note: Mapped[str] = mapped_column(Text, default="")
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)
    updated_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))

    inspection: Mapped[Inspection] = relationship(back_populates="follow_up_checks")
    action: Mapped[CorrectiveAction] = relationship()

    @property
    def photo_item(self) -> str:
        return follow_up_item(self.action_id)


def follow_up_item(action_id: int) -> str:
    """The item id a follow-up's "after" photos are filed under."""
    return f"tl-{action_id}"
