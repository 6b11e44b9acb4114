"""The evidence a printed report shows: photos at print size and drawn signatures.

The renderer may fetch only what is named here (`files`), by ``sidak:file/...`` URLs.
"""

from dataclasses import dataclass
from datetime import datetime

from sidak.media.images import ImageRejected, print_copy
from sidak.models import Inspection, Photo, SignerRole, db
from sidak.services.inspections.evidence import file_store
from sidak.services.reports.letterhead import local_time
from sidak.services.reports.pdf import FILE_PREFIX


@dataclass(frozen=True)
class PrintedPhoto:
    url: str
    number: int
    caption: str
    taken: datetime | None


def ensure_print_copies(inspection: Inspection) -> None:
    """Make the print-sized copy of every photo that lacks one; commit if any was made."""
    store = file_store()
    made = False
    for photo in inspection.photos:
        if photo.print_key:
            continue
        try:
            photo.print_key = store.save(print_copy(store.open(photo.storage_key)), "jpg")
        except (KeyError, ImageRejected):
            continue  # a missing or broken file: the report says so rather than failing
        made = True
    if made:
        db.session.commit()


def printed_photos(inspection: Inspection, store, files: dict) -> dict[str, list[PrintedPhoto]]:
    by_item: dict[str, list[PrintedPhoto]] = {}
    for number, photo in enumerate(_photo_order(inspection), start=1):
        name = f"photo-{photo.uuid}"
        key = photo.print_key or photo.storage_key
        files[name] = lambda key=key: store.open(key)
        by_item.setdefault(photo.item_id, []).append(
            PrintedPhoto(
                url=FILE_PREFIX + name,
                number=number,
                caption=photo.caption or "",
                taken=local_time(photo.captured_at or photo.uploaded_at),
            )
        )
    return by_item


def _photo_order(inspection: Inspection) -> list[Photo]:
    return sorted(inspection.photos, key=lambda p: (p.captured_at or p.uploaded_at, p.id or 0))


def printed_signatures(inspection: Inspection, store, files: dict) -> dict:
    by_member = {
        s.team_member_id: s for s in inspection.signatures if s.role != SignerRole.REPRESENTATIVE
    }
    team = []
    for member in inspection.team:
        signature = by_member.get(member.id)
        team.append((member, _signature_url(signature, store, files)))
    representative = next(
        (s for s in inspection.signatures if s.role == SignerRole.REPRESENTATIVE), None
    )
    return {
        "team": team,
        "representative": representative,
        "representative_url": _signature_url(representative, store, files),
    }


def _signature_url(signature, store, files: dict) -> str | None:
    if signature is None or signature.refused or not signature.image_key:
        return None
    name = f"signature-{signature.id}"
    files[name] = lambda key=signature.image_key: store.open(key)
    return FILE_PREFIX + name
