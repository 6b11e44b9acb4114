"""Answer edits from the phone: idempotent by the edit's uuid, refused when built on stale data.

Each item's answer has a current edit: the last edit applied through this protocol, unless
the answer was changed since without one (the online form, whose writes simply win). A phone
sends the edit it last saw as `base`; anything else is Stale, and the phone asks the person.
"""

from dataclasses import asdict, dataclass
from datetime import datetime

from flask_babel import gettext as _
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from sidak.models import AnswerEdit, AnswerRecord, Inspection, User, db
from sidak.services.inspections.drafts import AnswerInput, save_answer
from sidak.services.inspections.errors import Conflict, InspectionError, NotAllowed
from sidak.services.permissions import can_edit_draft, is_on_team
from sidak.services.sync.digest import client_uuid, fingerprint
from sidak.services.sync.errors import Stale


@dataclass(frozen=True)
class EditRequest:
    edit: str  #: the uuid of this edit
    base: str | None  #: the edit the phone last saw for the item; None: it saw none
    answer: AnswerInput


@dataclass(frozen=True)
class AppliedEdit:
    edit: str
    saved_at: datetime
    applied: bool  #: False when this was a resend of an edit already applied


def apply_edit(
    user: User, inspection: Inspection, item_id: str, request: EditRequest
) -> AppliedEdit:
    """Apply one edit to one answer; commit. A resend of an applied edit changes nothing.

    Raises Conflict when the edit's uuid was used for other content, Stale when the item's
    current edit is not `request.base`, and InspectionError when the answer is not valid.
    """
    key = client_uuid(request.edit, _("Kode perubahan (UUID) tidak sah."))
    base = None if request.base is None else client_uuid(request.base, _("Kode dasar tidak sah."))
    digest = fingerprint({"item": item_id, **asdict(request.answer)})
    if not is_on_team(user, inspection):
        raise NotAllowed(_("Inspeksi ini tidak dapat diubah oleh Anda."))
    known = db.session.get(AnswerEdit, key)
    if known is not None:
        return _resent(known, inspection, item_id, digest)
    if not can_edit_draft(user, inspection):
        raise NotAllowed(_("Inspeksi ini tidak dapat diubah oleh Anda."))
    head = _head(inspection, item_id)
    if _current(head, inspection, item_id) != base:
        raise _stale(inspection, item_id)
    edit = AnswerEdit(
        uuid=key,
        inspection_id=inspection.id,
        item_id=item_id,
        seq=head.seq + 1 if head is not None else 1,
        content_hash=digest,
        user_id=user.id,
    )
    # save_answer commits: the edit joins that transaction, so both are stored or neither.
    db.session.add(edit)
    try:
        record = save_answer(user, inspection, item_id, request.answer)
    except InspectionError:
        db.session.rollback()
        raise
    except IntegrityError:
        # Another device applied an edit on the same base at the same moment.
        db.session.rollback()
        raise _stale(inspection, item_id) from None
    edit.result_hash = answer_hash(record)
    edit.applied_at = record.updated_at  # a resend answers the same saved_at
    db.session.commit()
    return AppliedEdit(key, record.updated_at, True)


def _resent(known: AnswerEdit, inspection: Inspection, item_id: str, digest: str) -> AppliedEdit:
    same = (
        known.inspection_id == inspection.id
        and known.item_id == item_id
        and known.content_hash == digest
    )
    if not same:
        raise Conflict(_("Kode perubahan ini sudah dipakai untuk isi lain; tidak ada yang diubah."))
    return AppliedEdit(known.uuid, known.applied_at, False)


def _head(inspection: Inspection, item_id: str) -> AnswerEdit | None:
    return db.session.scalar(
        select(AnswerEdit)
        .where(AnswerEdit.inspection_id == inspection.id, AnswerEdit.item_id == item_id)
        .order_by(AnswerEdit.seq.desc())
        .limit(1)
    )


def _record(inspection: Inspection, item_id: str) -> AnswerRecord | None:
    return next((r for r in inspection.answers if r.item_id == item_id), None)


def _current(head: AnswerEdit | None, inspection: Inspection, item_id: str) -> str | None:
    record = _record(inspection, item_id)
    if head is None or record is None:
        return None
    if head.result_hash is not None and head.result_hash != answer_hash(record):
        return None  # changed since without an edit (the online form)
    return head.uuid


def current_edits(inspection: Inspection) -> dict[str, str | None]:
    """The current edit of every answered item, by item id."""
    heads: dict[str, AnswerEdit] = {}
    for edit in db.session.scalars(
        select(AnswerEdit).where(AnswerEdit.inspection_id == inspection.id)
    ):
        if edit.item_id not in heads or edit.seq > heads[edit.item_id].seq:
            heads[edit.item_id] = edit
    return {
        record.item_id: _current(heads.get(record.item_id), inspection, record.item_id)
        for record in inspection.answers
    }


def answer_hash(record: AnswerRecord) -> str:
    return fingerprint(stored_answer(record))


def stored_answer(record: AnswerRecord | None) -> dict:
    """An answer as the phone keeps it (number as decimal text)."""
    if record is None:
        return dict.fromkeys(("value", "observed", "compliant", "number"), None) | {
            "na": False,
            "note": "",
        }
    return {
        "value": record.value,
        "observed": record.observed,
        "compliant": record.compliant,
        "number": record.number,
        "na": record.na,
        "note": record.note or "",
    }


def _stale(inspection: Inspection, item_id: str) -> Stale:
    record = _record(inspection, item_id)
    who = db.session.get(User, record.updated_by_id) if record and record.updated_by_id else None
    server = {
        "item": item_id,
        **stored_answer(record),
        "edit": _current(_head(inspection, item_id), inspection, item_id),
        "updated_by": who.full_name if who else None,
        "updated_at": record.updated_at.isoformat() if record else None,
    }
    return Stale(
        _(
            "Jawaban butir '%(item)s' sudah diubah di perangkat lain; pilih jawaban yang dipakai.",
            item=item_id,
        ),
        server=server,
    )
