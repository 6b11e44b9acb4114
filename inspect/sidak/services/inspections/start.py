"""Starting an inspection: the office, the checklist version, the team, where and when."""

import uuid as uuidlib
from dataclasses import dataclass, field
from datetime import datetime

from flask_babel import gettext as _
from sqlalchemy import select

from sidak.models import (
    ChecklistRecord,
    ChecklistVersion,
    Inspection,
    Office,
    Role,
    TeamMember,
    User,
    db,
    utcnow,
)
from sidak.services import audit
from sidak.services.inspections.errors import Conflict, InspectionError, NotAllowed
from sidak.services.permissions import can_start_inspection
from sidak.services.sanctions import followups


@dataclass(frozen=True)
class TeamEntry:
    """A team member: an inspector account (`user_id`) or a named outsider."""

    name: str = ""
    agency: str = ""
    user_id: int | None = None
    is_lead: bool = False


@dataclass(frozen=True)
class StartRequest:
    uuid: str
    office_id: int
    #: the checklist by key: its current version (the start form)
    checklist_key: str = ""
    team: list[TeamEntry] = field(default_factory=list)
    latitude: float | None = None
    longitude: float | None = None
    accuracy_m: float | None = None
    location_declined: bool = False
    started_at: datetime | None = None
    #: the exact version instead, current or older (a phone that filled it offline)
    checklist_hash: str | None = None


def start_inspection(user: User, request: StartRequest) -> tuple[Inspection, bool]:
    """Create the draft, or return the one this uuid already names. True if created.

    Raises Conflict when the uuid exists with another office or checklist.
    """
    if not can_start_inspection(user):
        raise NotAllowed(_("Hanya inspektur yang dapat memulai inspeksi."))
    key = _valid_uuid(request.uuid)
    existing = db.session.scalar(select(Inspection).where(Inspection.uuid == key))
    if existing is not None:
        return _same_start(existing, user, request), False
    inspection = build_inspection(user, request)
    db.session.commit()
    return inspection, True


def build_inspection(user: User, request: StartRequest) -> Inspection:
    """Add a new draft (and its audit event) to the session without committing.

    For callers that store more in the same transaction. Raises InspectionError when the
    request is not valid; the uuid is expected to be unused.
    """
    if not can_start_inspection(user):
        raise NotAllowed(_("Hanya inspektur yang dapat memulai inspeksi."))
    key = _valid_uuid(request.uuid)
    office = _office(request.office_id)
    version = _version(request)
    inspection = Inspection(
        uuid=key,
        office=office,
        checklist_version=version,
        created_by_id=user.id,
        started_at=_started_at(request.started_at),
        **_position(request),
    )
    inspection.team = _team(user, request.team)
    db.session.add(inspection)
    db.session.flush()
    followups.preload(inspection)
    audit.record(
        "inspection.start",
        user=user,
        object_type="inspection",
        object_id=key,
        office=office.name,
        checklist=version.content_hash[:12],
    )
    return inspection


def _valid_uuid(value: str) -> str:
    try:
        return str(uuidlib.UUID(str(value)))
    except ValueError as exc:
        raise InspectionError(_("Kode inspeksi (UUID) tidak sah.")) from exc


def _same_start(existing: Inspection, user: User, request: StartRequest) -> Inspection:
    version = existing.checklist_version
    if request.checklist_hash is not None:
        same_checklist = version.content_hash == request.checklist_hash
    else:
        same_checklist = version.checklist.key == request.checklist_key
    same = (
        existing.office_id == request.office_id
        and same_checklist
        and existing.created_by_id == user.id
    )
    if not same:
        raise Conflict(
            _("Kode inspeksi ini sudah dipakai untuk inspeksi lain; tidak ada yang diubah.")
        )
    return existing


def _office(office_id: int) -> Office:
    office = db.session.get(Office, office_id)
    if office is None or not office.active:
        raise InspectionError(_("Pilih kantor yang akan diperiksa."))
    return office


def _version(request: StartRequest) -> ChecklistVersion:
    if request.checklist_hash is not None:
        return _stored_version(request.checklist_hash)
    return _current_version(request.checklist_key)


def _current_version(key: str) -> ChecklistVersion:
    record = db.session.scalar(select(ChecklistRecord).where(ChecklistRecord.key == key))
    if record is None or record.retired or record.current_version is None:
        raise InspectionError(_("Pilih daftar periksa yang masih berlaku."))
    return record.current_version


def _stored_version(content_hash: str) -> ChecklistVersion:
    """Any registered version: the phone may have filled an older one while offline."""
    version = db.session.scalar(
        select(ChecklistVersion).where(ChecklistVersion.content_hash == content_hash)
    )
    if version is None:
        raise InspectionError(
            _("Versi daftar periksa %(hash)s tidak dikenal server.", hash=content_hash[:12])
        )
    return version


def _started_at(claimed: datetime | None) -> datetime:
    """The phone's start time when it is plausible (not in the future, same day), else now."""
    now = utcnow()
    if claimed is None or claimed.tzinfo is None:
        return now
    if claimed > now or (now - claimed).total_seconds() > 24 * 3600:
        return now
    return claimed


def _position(request: StartRequest) -> dict:
    if request.location_declined or request.latitude is None or request.longitude is None:
        return {"location_declined": request.location_declined}
    if not (-90 <= request.latitude <= 90 and -180 <= request.longitude <= 180):
        raise InspectionError(_("Posisi GPS tidak sah."))
    accuracy = request.accuracy_m if request.accuracy_m and request.accuracy_m >= 0 else None
    return {"latitude": request.latitude, "longitude": request.longitude, "accuracy_m": accuracy}


def _team(user: User, entries: list[TeamEntry]) -> list[TeamMember]:
    """The team as asked, with the starting inspector on it; exactly one lead, an inspector."""
    entries = [e for e in entries if e.user_id or e.name.strip()]
    if not any(e.user_id == user.id for e in entries):
        entries.insert(0, TeamEntry(user_id=user.id, is_lead=not any(e.is_lead for e in entries)))
    leads = [e for e in entries if e.is_lead]
    if len(leads) != 1:
        raise InspectionError(_("Tim harus punya tepat satu ketua."))
    members, seen = [], set()
    for position, entry in enumerate(entries):
        member = _member(entry, position)
        if member.user_id is not None and member.user_id in seen:
            raise InspectionError(_("Satu orang tercantum dua kali dalam tim."))
        seen.add(member.user_id)
        members.append(member)
    if members[[e.is_lead for e in entries].index(True)].user_id is None:
        raise InspectionError(_("Ketua tim harus inspektur yang punya akun Sidak."))
    return members


def _member(entry: TeamEntry, position: int) -> TeamMember:
    if entry.user_id is None:
        if not entry.agency.strip():
            raise InspectionError(
                _("Tulis instansi untuk anggota tim %(name)s.", name=entry.name.strip())
            )
        return TeamMember(
            name=entry.name.strip()[:200],
            agency=entry.agency.strip()[:200],
            is_lead=entry.is_lead,
            position=position,
        )
    account = db.session.get(User, entry.user_id)
    if account is None or not account.active or account.role != Role.INSPECTOR:
        raise InspectionError(_("Anggota tim dengan akun harus inspektur yang aktif."))
    return TeamMember(
        user_id=account.id,
        name=account.full_name,
        agency=account.agency,
        is_lead=entry.is_lead,
        position=position,
    )
