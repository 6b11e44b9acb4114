"""Verifying finalized records: recompute each one's canonical content and compare."""

import hashlib
import json
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from sidak.domain import integrity
from sidak.models import ChecklistVersion, Inspection, InspectionStatus, TeamMember, db
from sidak.services.inspections.record import canonical_record

VERIFY_BATCH = 500
#: what a canonical record reads of an inspection, loaded per batch rather than per record
RECORD_PARTS = (
    selectinload(Inspection.team).selectinload(TeamMember.user),
    selectinload(Inspection.answers),
    selectinload(Inspection.photos),
    selectinload(Inspection.signatures),
    selectinload(Inspection.follow_up_checks),
    selectinload(Inspection.supersedes),
    selectinload(Inspection.finalized_by),
    selectinload(Inspection.office),
    selectinload(Inspection.checklist_version).selectinload(ChecklistVersion.checklist),
)


@dataclass(frozen=True)
class VerifyProblem:
    uuid: str
    message: str


def verify(uuids: list[str] | None = None, *, read_file=None) -> tuple[int, list[VerifyProblem]]:
    """Recompute every finalized record (or the named ones); report any that changed.

    `read_file(key) -> bytes` also checks stored photo files against their hashes.
    """
    query = select(Inspection.id).where(Inspection.status == InspectionStatus.FINALIZED)
    if uuids:
        query = select(Inspection.id).where(Inspection.uuid.in_(uuids))
    ids = list(db.session.scalars(query.order_by(Inspection.id)))
    checked, problems = 0, []
    # a batch at a time, each record with what it holds in a few queries, then forgotten:
    # a city's years of records never sit in memory together
    for start in range(0, len(ids), VERIFY_BATCH):
        batch = db.session.scalars(
            select(Inspection)
            .where(Inspection.id.in_(ids[start : start + VERIFY_BATCH]))
            .options(*RECORD_PARTS)
            .order_by(Inspection.id)
        )
        for inspection in batch:
            checked += 1
            problems += _verify_one(inspection, read_file)
        db.session.expunge_all()
    return checked, problems


def check_record(inspection: Inspection) -> list[VerifyProblem]:
    """What changed in one record since it was finalized (nothing: an empty list)."""
    return _verify_one(inspection, None)


def _verify_one(inspection: Inspection, read_file) -> list[VerifyProblem]:
    if inspection.status != InspectionStatus.FINALIZED or not inspection.content_hash:
        return [VerifyProblem(inspection.uuid, "belum final: tidak ada sidik untuk diperiksa")]
    problems = []
    current = canonical_record(inspection)
    if integrity.content_hash(current) != inspection.content_hash:
        stored = json.loads(inspection.canonical_json or "{}")
        changed = ", ".join(integrity.differences(stored, current)) or "isi"
        problems.append(VerifyProblem(inspection.uuid, f"isi berubah sejak final: {changed}"))
    elif integrity.canonical_bytes(current).decode("utf-8") != inspection.canonical_json:
        problems.append(VerifyProblem(inspection.uuid, "salinan kanonik tersimpan berubah"))
    if read_file is not None:
        problems += _verify_files(inspection, read_file)
    return problems


def _verify_files(inspection: Inspection, read_file) -> list[VerifyProblem]:
    problems = []
    for photo in inspection.photos:
        try:
            data = read_file(photo.storage_key)
        except (KeyError, OSError):
            problems.append(VerifyProblem(inspection.uuid, f"berkas foto {photo.uuid} hilang"))
            continue
        if hashlib.sha256(data).hexdigest() != photo.sha256:
            problems.append(VerifyProblem(inspection.uuid, f"berkas foto {photo.uuid} berubah"))
    return problems
