"""Photos and signatures: checked with Pillow, stored outside the web root, idempotent."""

import base64
import binascii
import uuid as uuidlib
from datetime import datetime
from zoneinfo import ZoneInfo

from flask import current_app
from flask_babel import gettext as _
from sqlalchemy import select

from sidak.domain.text import Text
from sidak.media.images import ImageRejected, ProcessedImage, process_photo, process_signature
from sidak.media.store import FileStore
from sidak.models import Inspection, Photo, Signature, SignerRole, User, db, utcnow
from sidak.services import audit
from sidak.services.checklists import checklist_of
from sidak.services.inspections.errors import (
    Conflict,
    InspectionError,
    NotAllowed,
    in_user_language,
)
from sidak.services.permissions import can_edit_draft


def stored_image(store: FileStore, image: ProcessedImage) -> dict:
    """Save a checked photo and its thumbnail; the columns every photo row keeps of them."""
    return {
        "sha256": image.sha256,
        "storage_key": store.save(image.data, ".jpg"),
        "thumb_key": store.save(image.thumbnail, ".jpg"),
        "content_type": image.content_type,
        "width": image.width,
        "height": image.height,
        "size_bytes": len(image.data),
    }


def file_store() -> FileStore:
    """Uploads live in the instance folder, never under the static folder."""
    return FileStore(current_app.config["UPLOADS_DIR"])


def add_photo(
    user: User,
    inspection: Inspection,
    photo_uuid: str,
    item_id: str,
    data: bytes,
    taken_at: datetime | None = None,
) -> tuple[Photo, bool]:
    """Store a photo for an item; the same uuid again returns the stored photo. True if new.

    Raises Conflict when the uuid is known with a different picture. `taken_at` is the
    phone's word for when the picture was taken, used when the image carries no time (a
    browser that downscaled it has dropped its metadata).
    """
    key = _uuid(photo_uuid)
    if not can_edit_draft(user, inspection):
        raise NotAllowed(_("Foto hanya dapat ditambahkan pada draf tim Anda."))
    if checklist_of(inspection.checklist_version).item(item_id) is None and not any(
        check.photo_item == item_id for check in inspection.follow_up_checks
    ):
        raise InspectionError(_("Butir '%(item)s' tidak ada di daftar periksa ini.", item=item_id))
    try:
        image = process_photo(
            data,
            max_side=current_app.config["PHOTO_MAX_SIDE"],
            local_zone=ZoneInfo(current_app.config["BABEL_DEFAULT_TIMEZONE"]),
        )
    except ImageRejected as exc:
        raise InspectionError(refusal_message(exc)) from exc
    existing = db.session.scalar(select(Photo).where(Photo.uuid == key))
    if existing is not None:
        if existing.sha256 == image.sha256 and existing.inspection_id == inspection.id:
            return existing, False
        raise Conflict(_("Kode foto ini sudah dipakai untuk foto lain; tidak ada yang diubah."))
    store = file_store()
    photo = Photo(
        uuid=key,
        inspection=inspection,
        item_id=item_id,
        **stored_image(store, image),
        captured_at=image.captured_at or _plausible(taken_at),
        uploaded_by_id=user.id,
    )
    db.session.add(photo)
    audit.record(
        "inspection.photo",
        user=user,
        object_type="inspection",
        object_id=inspection.uuid,
        item=item_id,
        photo=key,
        sha256=image.sha256,
    )
    commit_or_clean(store, photo.storage_key, photo.thumb_key)
    return photo, True


def _plausible(taken_at: datetime | None) -> datetime | None:
    """A phone clock's time, if it is timezone-aware and not in the future."""
    if taken_at is None or taken_at.tzinfo is None or taken_at > utcnow():
        return None
    return taken_at


def remove_photo(user: User, photo: Photo) -> None:
    """Take a photo off a draft (the file stays until nothing refers to it)."""
    if not can_edit_draft(user, photo.inspection):
        raise NotAllowed(_("Foto hanya dapat dihapus dari draf tim Anda."))
    audit.record(
        "inspection.photo_removed",
        user=user,
        object_type="inspection",
        object_id=photo.inspection.uuid,
        photo=photo.uuid,
    )
    db.session.delete(photo)
    db.session.commit()


def commit_or_clean(store: FileStore, *keys: str) -> None:
    try:
        db.session.commit()
    except Exception:
        db.session.rollback()
        for key in keys:
            store.delete(key)
        raise


def _uuid(value: str) -> str:
    try:
        return str(uuidlib.UUID(str(value)))
    except ValueError as exc:
        raise InspectionError(_("Kode foto (UUID) tidak sah.")) from exc


def sign(
    user: User,
    inspection: Inspection,
    role: SignerRole,
    *,
    member_id: int | None = None,
    name: str = "",
    image_data_url: str | None = None,
    refused: bool = False,
    witness: str = "",
) -> Signature:
    """Record a drawn signature, or the representative's witnessed refusal; commit."""
    if not can_edit_draft(user, inspection):
        raise NotAllowed(_("Tanda tangan hanya dapat ditambahkan pada draf tim Anda."))
    signer_name = _signer_name(inspection, role, member_id, name)
    if refused:
        if role != SignerRole.REPRESENTATIVE:
            raise InspectionError(_("Hanya perwakilan kantor yang dapat menolak menandatangani."))
        if not witness.strip():
            raise InspectionError(_("Tulis nama saksi penolakan tanda tangan."))
        image_key = digest = None
    else:
        image_key, digest = _store_signature(image_data_url)
    signature = _signature_slot(inspection, role, member_id)
    signature.signer_name = signer_name
    signature.image_key, signature.sha256 = image_key, digest
    signature.refused, signature.witness_name = refused, witness.strip()[:200]
    signature.signed_at = utcnow()
    audit.record(
        "inspection.sign",
        user=user,
        object_type="inspection",
        object_id=inspection.uuid,
        role=role.value,
        name=signer_name,
        refused=refused,
    )
    db.session.commit()
    return signature


def _signer_name(inspection: Inspection, role: SignerRole, member_id: int | None, name: str) -> str:
    if role == SignerRole.REPRESENTATIVE:
        if not name.strip():
            raise InspectionError(_("Tulis nama perwakilan kantor."))
        return name.strip()[:200]
    member = next((m for m in inspection.team if m.id == member_id), None)
    if member is None or member.is_lead != (role == SignerRole.LEAD):
        raise InspectionError(_("Anggota tim tidak ditemukan."))
    return member.name


def _store_signature(data_url: str | None) -> tuple[str, str]:
    prefix = "data:image/png;base64,"
    if not data_url or not data_url.startswith(prefix):
        raise InspectionError(_("Tanda tangan belum digambar."))
    try:
        raw = base64.b64decode(data_url[len(prefix) :], validate=True)
        image = process_signature(raw)
    except (binascii.Error, ValueError) as exc:
        message = (
            refusal_message(exc)
            if isinstance(exc, ImageRejected)
            else _("Gambar tanda tangan rusak.")
        )
        raise InspectionError(message) from exc
    return file_store().save(image.data, ".png"), image.sha256


def refusal_message(exc: ImageRejected) -> str:
    """Why the image was refused, in the user's language (the media layer gives both)."""
    return in_user_language(Text(exc.message, exc.message_en))


def _signature_slot(inspection: Inspection, role: SignerRole, member_id: int | None) -> Signature:
    member = None if role == SignerRole.REPRESENTATIVE else member_id
    for signature in inspection.signatures:
        if signature.role == role and signature.team_member_id == member:
            return signature
    signature = Signature(inspection=inspection, role=role, team_member_id=member)
    db.session.add(signature)
    return signature
