"""Database models (SQLAlchemy 2.0, typed). Models never commit; services do."""

from sidak.models.analytics import (
    CityDay,
    InspectionFinding,
    InspectionSummary,
    Integration,
    IntegrationScope,
    OfficeMonth,
)
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
from sidak.models.notification import MailStatus, Notification, OutgoingMail
from sidak.models.office import Office, OfficeType
from sidak.models.report import JobStatus, RecapJob, ReportKind, StoredReport
from sidak.models.sanction import (
    ActionReply,
    CheckResult,
    CorrectiveAction,
    FollowUp,
    FollowUpCheck,
    FollowUpStatus,
    ReplyKind,
    ReplyPhoto,
    Sanction,
    follow_up_item,
)
from sidak.models.sync import AnswerEdit, PhotoUpload, SyncReceipt
from sidak.models.user import Role, User

__all__ = [
    "ActionReply",
    "AnswerEdit",
    "AnswerRecord",
    "AuditEvent",
    "Base",
    "CheckResult",
    "ChecklistRecord",
    "ChecklistVersion",
    "CityDay",
    "CorrectiveAction",
    "FollowUp",
    "FollowUpCheck",
    "FollowUpStatus",
    "Inspection",
    "InspectionFinding",
    "InspectionStatus",
    "InspectionSummary",
    "Integration",
    "IntegrationScope",
    "JobStatus",
    "MailStatus",
    "Notification",
    "Office",
    "OfficeMonth",
    "OfficeType",
    "OutgoingMail",
    "Photo",
    "PhotoUpload",
    "RecapJob",
    "ReplyKind",
    "ReplyPhoto",
    "ReportKind",
    "Role",
    "Sanction",
    "Signature",
    "SignerRole",
    "StoredReport",
    "SyncReceipt",
    "TeamMember",
    "User",
    "db",
    "follow_up_item",
    "utcnow",
]
