"""Creating a draft from the phone: PUT by its uuid, the same again is the same draft."""

from dataclasses import asdict, replace

from flask_babel import gettext as _
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from sidak.models import Inspection, SyncReceipt, User, db
from sidak.services.inspections.errors import Conflict, InspectionError
from sidak.services.inspections.start import StartRequest, build_inspection, start_inspection
from sidak.services.sync.digest import client_uuid, fingerprint

KIND = "inspection"


def start_digest(request: StartRequest) -> str:
    """The request's fingerprint, as the phone sent it (before any clock correction)."""
    content = asdict(request)
    content["started_at"] = request.started_at.isoformat() if request.started_at else None
    return fingerprint(content)


def put_inspection(user: User, request: StartRequest) -> tuple[Inspection, bool]:
    """Create the draft the phone named, or return it if this is the same request again.

    True if created. Raises Conflict when the uuid is in use with other content.
    """
    key = client_uuid(request.uuid, _("Kode inspeksi (UUID) tidak sah."))
    request = replace(request, uuid=key)
    digest = start_digest(request)
    existing = db.session.scalar(select(Inspection).where(Inspection.uuid == request.uuid))
    if existing is not None:
        return _same_again(existing, user, request, digest), False
    try:
        inspection = build_inspection(user, request)
        db.session.add(
            SyncReceipt(kind=KIND, key=inspection.uuid, content_hash=digest, user_id=user.id)
        )
        db.session.commit()
    except InspectionError:
        db.session.rollback()
        raise
    except IntegrityError:
        # Another request with this uuid won the race: answer as for a resend.
        db.session.rollback()
        existing = db.session.scalar(select(Inspection).where(Inspection.uuid == request.uuid))
        if existing is None:
            raise
        return _same_again(existing, user, request, digest), False
    return inspection, True


def _same_again(existing: Inspection, user: User, request: StartRequest, digest: str):
    receipt = db.session.scalar(
        select(SyncReceipt).where(SyncReceipt.kind == KIND, SyncReceipt.key == existing.uuid)
    )
    if receipt is None:  # started with the web form: same office, checklist and inspector
        inspection, _created = start_inspection(user, request)
        return inspection
    if receipt.content_hash != digest or existing.created_by_id != user.id:
        raise Conflict(
            _("Kode inspeksi ini sudah dipakai untuk inspeksi lain; tidak ada yang diubah.")
        )
    return existing
