"""Signatures from the phone, by slot (role and team position): the same again changes nothing."""

from dataclasses import dataclass

from flask_babel import gettext as _
from sqlalchemy import select

from sidak.models import Inspection, Signature, SignerRole, SyncReceipt, TeamMember, User, db
from sidak.services.inspections.errors import Conflict, InspectionError, NotAllowed
from sidak.services.inspections.evidence import sign
from sidak.services.permissions import is_on_team
from sidak.services.sync.digest import fingerprint

KIND = "signature"


@dataclass(frozen=True)
class SignatureRequest:
    role: SignerRole
    #: the signer's place in the team (as the phone sent the team); None for the office
    #: representative, and for the lead it may be left out
    position: int | None = None
    image: str | None = None  #: a PNG data URL; None when the representative refused
    refused: bool = False
    witness: str = ""
    name: str = ""  #: the representative's name
    #: the person signed again on purpose: replace what is stored instead of refusing
    replace: bool = False


def put_signature(
    user: User, inspection: Inspection, request: SignatureRequest
) -> tuple[Signature, bool]:
    """Store the signature for its slot; True if the slot was empty. Commits.

    The same content again returns the stored signature; other content for a signed slot
    raises Conflict unless `request.replace`.
    """
    if not is_on_team(user, inspection):
        raise NotAllowed(_("Tanda tangan hanya dapat ditambahkan pada draf tim Anda."))
    member = _member(inspection, request)
    slot_key = f"{inspection.uuid}:{request.role.value}:{member.id if member else '-'}"
    digest = fingerprint(
        {
            "image": request.image,
            "refused": request.refused,
            "witness": request.witness.strip(),
            "name": request.name.strip(),
        }
    )
    receipt = db.session.scalar(
        select(SyncReceipt).where(SyncReceipt.kind == KIND, SyncReceipt.key == slot_key)
    )
    stored = _stored(inspection, request.role, member)
    if receipt is not None and stored is not None and receipt.content_hash == digest:
        return stored, False
    if stored is not None and not request.replace:
        raise Conflict(
            _("Tanda tangan ini sudah ada dengan isi lain; kirim 'replace' untuk menggantinya.")
        )
    if receipt is None:
        receipt = SyncReceipt(kind=KIND, key=slot_key, user_id=user.id)
        db.session.add(receipt)
    receipt.content_hash, receipt.user_id = digest, user.id
    try:  # sign commits: the receipt is stored with the signature or not at all
        signature = sign(
            user,
            inspection,
            request.role,
            member_id=member.id if member else None,
            name=request.name,
            image_data_url=request.image,
            refused=request.refused,
            witness=request.witness,
        )
    except InspectionError:
        db.session.rollback()
        raise
    return signature, stored is None


def _member(inspection: Inspection, request: SignatureRequest) -> TeamMember | None:
    if request.role == SignerRole.REPRESENTATIVE:
        if request.position is not None:
            raise InspectionError(_("Perwakilan kantor tidak punya nomor urut tim."))
        return None
    if request.role == SignerRole.LEAD and request.position is None:
        return inspection.lead
    member = next((m for m in inspection.team if m.position == request.position), None)
    if member is None:
        raise InspectionError(_("Anggota tim tidak ditemukan."))
    return member


def _stored(
    inspection: Inspection, role: SignerRole, member: TeamMember | None
) -> Signature | None:
    member_id = member.id if member else None
    return next(
        (s for s in inspection.signatures if s.role == role and s.team_member_id == member_id),
        None,
    )
