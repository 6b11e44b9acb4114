"""Checklists as the database keeps them: every version ever registered, never changed."""

from datetime import datetime

from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from sidak.models.base import UTCDateTime, db, utcnow


class ChecklistRecord(db.Model):
    """A checklist known by its id (``kantor-pelayanan``), across all of its versions."""

    __tablename__ = "checklists"

    id: Mapped[int] = mapped_column(primary_key=True)
    #: the id written in the YAML file
    key: Mapped[str] = mapped_column(String(100), unique=True)
    #: the version new inspections use; None until a valid file was registered
    current_version_id: Mapped[int | None] = mapped_column(
        ForeignKey("checklist_versions.id", use_alter=True)
    )
    #: the file is gone from the checklists folder; old inspections still use its versions
    retired: Mapped[bool] = mapped_column(default=False)

    versions: Mapped[list["ChecklistVersion"]] = relationship(
        back_populates="checklist",
        foreign_keys="ChecklistVersion.checklist_id",
        order_by="ChecklistVersion.registered_at",
    )
    current_version: Mapped["ChecklistVersion | None"] = relationship(
        foreign_keys=[current_version_id], post_update=True
    )


class ChecklistVersion(db.Model):
    """One exact content of a checklist, identified by the hash of its normalised form."""

    __tablename__ = "checklist_versions"

    id: Mapped[int] = mapped_column(primary_key=True)
    checklist_id: Mapped[int] = mapped_column(ForeignKey("checklists.id"), index=True)
    #: the author's version label; two versions may share a label if the author forgot to bump it
    label: Mapped[str] = mapped_column(String(50))
    #: sha256 of the canonical JSON: the identity of this version
    content_hash: Mapped[str] = mapped_column(String(64), unique=True)
    #: Indonesian title, for lists
    title: Mapped[str] = mapped_column(String(300))
    #: the normalised checklist as JSON: what scoring and reports read, forever
    canonical_json: Mapped[str] = mapped_column(Text)
    #: the YAML exactly as it was, for people
    source_yaml: Mapped[str] = mapped_column(Text)
    source_path: Mapped[str] = mapped_column(String(500))
    registered_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    checklist: Mapped[ChecklistRecord] = relationship(
        back_populates="versions", foreign_keys=[checklist_id]
    )
