"""Photos sent in chunks, resumable after a lost connection, processed once complete.

The phone asks how many bytes arrived and sends the rest from there. When the last byte is
in, the whole file must have the SHA-256 the phone declared; then it goes through
`evidence.add_photo` like any photo (Pillow checks, idempotent by the photo's uuid).
"""

import hashlib
import re
from dataclasses import dataclass
from datetime import datetime

from flask import current_app
from flask_babel import gettext as _
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from sidak.models import Inspection, Photo, PhotoUpload, User, db, utcnow
from sidak.services.inspections.errors import Conflict, InspectionError, NotAllowed
from sidak.services.inspections.evidence import add_photo
from sidak.services.permissions import can_edit_draft, is_on_team
from sidak.services.sync.digest import client_uuid
from sidak.services.sync.errors import ChecksumMismatch, PhotosMissing, TooLarge, WrongOffset
from sidak.services.sync.staging import StagedFile, Staging

_SHA256 = re.compile(r"[0-9a-f]{64}")


@dataclass(frozen=True)
class PhotoMeta:
    item_id: str
    sha256: str  #: hex digest of the whole file as the phone has it
    taken_at: datetime | None = None


@dataclass(frozen=True)
class Chunk:
    """Bytes `start`..`end` (inclusive) of `total`; `start` None asks only to finish."""

    start: int | None
    end: int | None
    total: int
    data: bytes = b""


@dataclass(frozen=True)
class UploadState:
    received: int
    complete: bool
    photo: Photo | None = None


def staging() -> Staging:
    return Staging(current_app.config["UPLOADS_DIR"])


def upload_state(inspection: Inspection, photo_uuid: str) -> UploadState:
    """How much of a photo has arrived, and whether it is stored."""
    key = client_uuid(photo_uuid, _("Kode foto (UUID) tidak sah."))
    photo = _photo(inspection, key)
    upload = _upload(key)
    if photo is not None:
        return UploadState(upload.total_bytes if upload else 0, True, photo)
    return UploadState(staging().received(key), False)


def receive_chunk(
    user: User, inspection: Inspection, photo_uuid: str, meta: PhotoMeta, chunk: Chunk
) -> tuple[UploadState, bool]:
    """Store one chunk; on the last one, check and store the photo. True if it was stored now.

    Raises WrongOffset when the chunk does not start at the bytes received so far,
    ChecksumMismatch when the whole file is not the declared one (the upload starts over),
    Conflict when the uuid is in use for another photo, TooLarge past MAX_CONTENT_LENGTH.
    """
    key = client_uuid(photo_uuid, _("Kode foto (UUID) tidak sah."))
    _check(meta, chunk)
    if not is_on_team(user, inspection):
        raise NotAllowed(_("Foto hanya dapat ditambahkan pada draf tim Anda."))
    upload = _upload(key)
    if upload is not None and not _same_upload(upload, inspection, meta, chunk):
        raise Conflict(_("Kode foto ini sudah dipakai untuk foto lain; tidak ada yang diubah."))
    stored = _photo(inspection, key)
    if stored is not None and upload is not None:
        return UploadState(chunk.total, True, stored), False
    if not can_edit_draft(user, inspection):
        raise NotAllowed(_("Foto hanya dapat ditambahkan pada draf tim Anda."))
    began = False
    if upload is None:
        upload, began = _begin(user, inspection, key, meta, chunk)
    with staging().open(key) as staged:
        if began:
            staged.truncate()  # bytes left by an upload that was given up
        received = _append(staged, chunk)
        if received < chunk.total:
            return UploadState(received, False), False
        return _finish(user, inspection, upload, staged)


def _check(meta: PhotoMeta, chunk: Chunk) -> None:
    if not _SHA256.fullmatch(meta.sha256):
        raise InspectionError(_("sha256 foto harus 64 digit heksadesimal huruf kecil."))
    limit = current_app.config["MAX_CONTENT_LENGTH"]
    if chunk.total > limit:
        raise TooLarge(_("Foto terlalu besar: paling besar %(size)s MB.", size=limit // 2**20))
    if chunk.start is None:
        return
    if not (0 <= chunk.start <= chunk.end < chunk.total) or (
        len(chunk.data) != chunk.end - chunk.start + 1
    ):
        raise InspectionError(_("Content-Range tidak sesuai dengan isi yang dikirim."))


def _same_upload(upload: PhotoUpload, inspection: Inspection, meta: PhotoMeta, chunk: Chunk):
    return (
        upload.inspection_id == inspection.id
        and upload.item_id == meta.item_id
        and upload.sha256 == meta.sha256
        and upload.total_bytes == chunk.total
    )


def _begin(
    user: User, inspection: Inspection, key: str, meta: PhotoMeta, chunk: Chunk
) -> tuple[PhotoUpload, bool]:
    """The upload's row, and whether this request made it. Two first chunks of one photo
    arriving together (a retry while the first is still on its way) both get here; the
    second finds the first one's row and goes on from the bytes it has."""
    if chunk.start != 0:
        raise WrongOffset(_("Kirim foto dari awal."), received=0)
    upload = PhotoUpload(
        uuid=key,
        inspection_id=inspection.id,
        item_id=meta.item_id,
        sha256=meta.sha256,
        total_bytes=chunk.total,
        taken_at=meta.taken_at,
        user_id=user.id,
    )
    db.session.add(upload)
    try:
        db.session.commit()
    except IntegrityError:
        db.session.rollback()
        upload = _upload(key)
        if upload is None or not _same_upload(upload, inspection, meta, chunk):
            raise Conflict(
                _("Kode foto ini sudah dipakai untuk foto lain; tidak ada yang diubah.")
            ) from None
        return upload, False
    return upload, True


def _append(staged: StagedFile, chunk: Chunk) -> int:
    received = staged.received
    if chunk.start is not None:
        if chunk.start != received:
            raise WrongOffset(
                _(
                    "Bagian foto ini tidak bersambung: sudah diterima %(received)s bita.",
                    received=received,
                ),
                received=received,
            )
        staged.append(chunk.data)
        received += len(chunk.data)
    return received


def _finish(
    user: User, inspection: Inspection, upload: PhotoUpload, staged: StagedFile
) -> tuple[UploadState, bool]:
    data = staged.read()
    if hashlib.sha256(data).hexdigest() != upload.sha256:
        _start_over(upload, staged)
        raise ChecksumMismatch(_("Foto tiba rusak (sha256 berbeda); kirim ulang dari awal."))
    try:
        photo, created = add_photo(
            user, inspection, upload.uuid, upload.item_id, data, taken_at=upload.taken_at
        )
    except InspectionError:
        _start_over(upload, staged)
        raise
    upload.completed_at = utcnow()
    db.session.commit()
    staged.discard()
    return UploadState(len(data), True, photo), created


def _start_over(upload: PhotoUpload, staged: StagedFile) -> None:
    db.session.rollback()
    db.session.delete(upload)
    db.session.commit()
    staged.discard()


def _photo(inspection: Inspection, key: str) -> Photo | None:
    return db.session.scalar(
        select(Photo).where(Photo.uuid == key, Photo.inspection_id == inspection.id)
    )


def _upload(key: str) -> PhotoUpload | None:
    return db.session.scalar(select(PhotoUpload).where(PhotoUpload.uuid == key))


def check_photos_arrived(inspection: Inspection, photo_uuids: list[str]) -> None:
    """Raise PhotosMissing unless every named photo is stored on this inspection."""
    keys = [client_uuid(value, _("Kode foto (UUID) tidak sah.")) for value in photo_uuids]
    stored = set(
        db.session.scalars(
            select(Photo.uuid).where(Photo.inspection_id == inspection.id, Photo.uuid.in_(keys))
        )
    )
    missing = [key for key in keys if key not in stored]
    if missing:
        raise PhotosMissing(
            _("%(count)s foto belum selesai terkirim.", count=len(missing)), missing=missing
        )
