"""People who use Sidak and what they may do."""

from datetime import datetime
from enum import StrEnum

from flask_babel import lazy_gettext as _l
from flask_login import UserMixin
from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column
from werkzeug.security import check_password_hash, generate_password_hash

from sidak.models.base import UTCDateTime, db, utcnow


class Role(StrEnum):
    INSPECTOR = "inspector"  #: fills inspections as part of a team
    OFFICE_HEAD = "office_head"  #: reads and answers for one office
    CITY = "city"  #: the mayor's office: reads everything, decides sanctions
    ADMIN = "admin"  #: manages users, offices and checklists

    @property
    def label(self) -> str:
        return str(ROLE_LABELS[self.value])


ROLE_LABELS = {
    "inspector": _l("Inspektur"),
    "office_head": _l("Kepala kantor"),
    "city": _l("Pemerintah kota"),
    "admin": _l("Administrator"),
}


class User(UserMixin, db.Model):
    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    #: what the person types to log in
    username: Mapped[str] = mapped_column(String(64), unique=True)
    full_name: Mapped[str] = mapped_column(String(200))
    #: Werkzeug's scrypt hash
    password_hash: Mapped[str] = mapped_column(String(255))
    role: Mapped[Role] = mapped_column(String(20))
    #: the office an office head answers for
    office_id: Mapped[int | None] = mapped_column(ForeignKey("offices.id"), index=True)
    #: inspectors: the agency they come from (Satpol PP, Dinas Kesehatan, ...)
    agency: Mapped[str] = mapped_column(String(200), default="", server_default="")
    #: where Sidak sends this person's notifications; empty: none by mail
    email: Mapped[str] = mapped_column(String(200), default="", server_default="")
    #: interface language chosen by the person; None: the default (Indonesian)
    language: Mapped[str | None] = mapped_column(String(2))
    active: Mapped[bool] = mapped_column(default=True)
    #: changes when the password changes or the user logs out everywhere: old sessions stop working
    session_token: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    def set_password(self, password: str) -> None:
        self.password_hash = generate_password_hash(password, method="scrypt")

    def check_password(self, password: str) -> bool:
        return check_password_hash(self.password_hash, password)

    def get_id(self) -> str:
        return f"{self.id}:{self.session_token}"

    @property
    def role_label(self) -> str:
        return Role(self.role).label

    @property
    def is_active(self) -> bool:
        return self.active
