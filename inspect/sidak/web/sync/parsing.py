"""Request bodies of the sync API into the services' requests; refusals in the user's language."""

import re
from datetime import datetime

from flask_babel import gettext as _

from sidak.ids import fits
from sidak.models import SignerRole
from sidak.services.inspections.errors import InspectionError
from sidak.services.inspections.start import StartRequest, TeamEntry
from sidak.services.sync.photos import Chunk, PhotoMeta
from sidak.services.sync.signatures import SignatureRequest

_RANGE = re.compile(r"bytes (?:(\d+)-(\d+)|\*)/(\d+)")


def _number(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def timestamp(text: object) -> datetime | None:
    """An ISO 8601 time as phones write it (``...Z``); None when absent or unreadable."""
    if not isinstance(text, str) or not text:
        return None
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None


def start_request(key: str, body: dict) -> StartRequest:
    office_id, checklist_hash = body.get("office_id"), body.get("checklist_hash")
    if not isinstance(office_id, int) or isinstance(office_id, bool):
        raise InspectionError(_("'office_id' harus bilangan bulat."))
    if not fits(office_id):  # no office has it (and the database could not look)
        raise InspectionError(_("Pilih kantor yang akan diperiksa."))
    if not isinstance(checklist_hash, str) or not checklist_hash:
        raise InspectionError(_("'checklist_hash' wajib diisi."))
    declined = body.get("location_declined", False)
    if not isinstance(declined, bool):
        raise InspectionError(_("'location_declined' harus true atau false."))
    started = body.get("started_at")
    if started is not None and timestamp(started) is None:
        raise InspectionError(_("'started_at' harus waktu ISO 8601."))
    return StartRequest(
        uuid=key,
        office_id=office_id,
        checklist_hash=checklist_hash,
        team=_team(body.get("team", [])),
        location_declined=declined,
        started_at=timestamp(started),
        **_position(body.get("position")),
    )


def _team(entries: object) -> list[TeamEntry]:
    if not isinstance(entries, list) or not all(isinstance(e, dict) for e in entries):
        raise InspectionError(_("'team' harus daftar anggota tim."))
    team = []
    for entry in entries:
        user_id, name, agency = entry.get("user_id"), entry.get("name", ""), entry.get("agency", "")
        if user_id is not None and (not isinstance(user_id, int) or isinstance(user_id, bool)):
            raise InspectionError(_("'user_id' anggota tim harus bilangan bulat atau null."))
        if user_id is not None and not fits(user_id):
            raise InspectionError(_("Anggota tim dengan akun harus inspektur yang aktif."))
        if not isinstance(name, str) or not isinstance(agency, str):
            raise InspectionError(_("Nama dan instansi anggota tim harus teks."))
        team.append(TeamEntry(name, agency, user_id, entry.get("lead") is True))
    return team


def _position(position: object) -> dict:
    if position is None:
        return {}
    if not isinstance(position, dict):
        raise InspectionError(_("'position' harus objek atau null."))
    latitude, longitude = position.get("latitude"), position.get("longitude")
    accuracy = position.get("accuracy_m")
    if not (_number(latitude) and _number(longitude)) or not (
        accuracy is None or _number(accuracy)
    ):
        raise InspectionError(_("Posisi GPS tidak sah."))
    return {
        "latitude": float(latitude),
        "longitude": float(longitude),
        "accuracy_m": None if accuracy is None else float(accuracy),
    }


def chunk(content_range: str | None, data: bytes) -> Chunk:
    """``Content-Range: bytes START-END/TOTAL`` (or ``bytes */TOTAL`` to finish) and the bytes."""
    match = _RANGE.fullmatch((content_range or "").strip())
    if match is None:
        raise InspectionError(_("Header Content-Range wajib: bytes AWAL-AKHIR/TOTAL."))
    start, end, total = match.groups()
    if start is None:
        return Chunk(None, None, int(total))
    return Chunk(int(start), int(end), int(total), data)


def photo_meta(args) -> PhotoMeta:
    item_id, sha256 = args.get("item", ""), args.get("sha256", "")
    if not item_id:
        raise InspectionError(_("Parameter 'item' (butir) wajib diisi."))
    return PhotoMeta(
        item_id=item_id, sha256=sha256.lower(), taken_at=timestamp(args.get("taken_at"))
    )


def signature_request(role: str, position: int | None, body: dict) -> SignatureRequest:
    try:
        signer = SignerRole(role)
    except ValueError:
        raise InspectionError(_("Peran penanda tangan tidak sah.")) from None
    image = body.get("image")
    texts = (body.get("witness", ""), body.get("name", ""))
    flags = (body.get("refused", False), body.get("replace", False))
    if not (image is None or isinstance(image, str)) or not all(isinstance(t, str) for t in texts):
        raise InspectionError(_("'image', 'witness' dan 'name' harus teks."))
    if not all(isinstance(f, bool) for f in flags):
        raise InspectionError(_("'refused' dan 'replace' harus true atau false."))
    return SignatureRequest(signer, position, image, flags[0], texts[0], texts[1], flags[1])
