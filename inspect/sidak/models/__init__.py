"""Database models (SQLAlchemy 2.0, typed). Models never commit; services do."""

from sidak.models.base import Base, db, utcnow
from sidak.models.checklist import ChecklistRecord, ChecklistVersion
from sidak.models.user import Role, User

__all__ = ["Base", "ChecklistRecord", "ChecklistVersion", "Role", "User", "db", "utcnow"]
