"""Database models (SQLAlchemy 2.0, typed). Models never commit; services do."""

from sidak.models.audit import AuditEvent
from sidak.models.base import Base, db, utcnow
from sidak.models.checklist import ChecklistRecord, ChecklistVersion
from sidak.models.inspection import (
    AnswerRecord,
    Inspection,
    InspectionStatus,
    Photo,
    Signature,
    SignerRole,
    TeamMember,
)
from sidak.models.office import Office, OfficeType
from sidak.models.report import JobStatus, RecapJob, ReportKind, StoredReport
from sidak.models.sync import AnswerEdit, PhotoUpload, SyncReceipt
from sidak.models.user import Role, User

__all__ = [
    "AnswerEdit",
    "AnswerRecord",
    "AuditEvent",
    "Base",
    "ChecklistRecord",
    "ChecklistVersion",
    "Inspection",
    "InspectionStatus",
    "JobStatus",
    "Office",
    "OfficeType",
    "Photo",
    "PhotoUpload",
    "RecapJob",
    "ReportKind",
    "Role",
    "Signature",
    "SignerRole",
    "StoredReport",
    "SyncReceipt",
    "TeamMember",
    "User",
    "db",
    "utcnow",
]
