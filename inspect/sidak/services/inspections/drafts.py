"""Filling a draft: answers saved one at a time, evaluated live, checked before submission."""

from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from fractions import Fraction

from flask_babel import gettext as _
from sqlalchemy import select

from sidak.domain.answers import Answer
from sidak.domain.checklist import Evidence, Item
from sidak.domain.scoring import ScoreResult, Status, find_problems, score_inspection
from sidak.domain.scoring.validation import exact_number
from sidak.domain.visibility import is_answered, visible_items
from sidak.models import AnswerRecord, Inspection, User, db
from sidak.services import audit
from sidak.services.checklists import checklist_of
from sidak.services.inspections.errors import (
    InspectionError,
    NotAllowed,
    NotFound,
    in_user_language,
)
from sidak.services.permissions import can_edit_draft


def inspection_by_uuid(key: str) -> Inspection:
    inspection = db.session.scalar(select(Inspection).where(Inspection.uuid == str(key)))
    if inspection is None:
        raise NotFound(_("Inspeksi tidak ditemukan."))
    return inspection


@dataclass(frozen=True)
class AnswerInput:
    """An answer as a form or the phone sends it; text fields, checked against the item."""

    value: str | None = None
    observed: int | None = None
    compliant: int | None = None
    number: str | None = None
    na: bool = False
    note: str | None = None  #: None keeps the stored note


def domain_answer(record: AnswerRecord) -> Answer:
    return Answer(
        item_id=record.item_id,
        value=record.value,
        observed=record.observed,
        compliant=record.compliant,
        number=Fraction(record.number) if record.number is not None else None,
        na=record.na,
    )


def answers_of(inspection: Inspection) -> dict[str, Answer]:
    return {record.item_id: domain_answer(record) for record in inspection.answers}


def save_answer(
    user: User, inspection: Inspection, item_id: str, given: AnswerInput
) -> AnswerRecord:
    """Check one answer against its item and store it in the draft; commit."""
    if not can_edit_draft(user, inspection):
        raise NotAllowed(_("Inspeksi ini tidak dapat diubah oleh Anda."))
    checklist = checklist_of(inspection.checklist_version)
    item = checklist.item(item_id)
    if item is None:
        raise InspectionError(_("Butir '%(item)s' tidak ada di daftar periksa ini.", item=item_id))
    answer = _answer(item, given)
    problems = find_problems(checklist, {item_id: answer})
    if problems:
        messages = [in_user_language(p.message) for p in problems]
        raise InspectionError(messages[0], details=messages)
    record = _record(inspection, item_id)
    record.value, record.observed, record.compliant = (
        answer.value,
        answer.observed,
        answer.compliant,
    )
    record.number = _decimal_text(answer.number)
    record.na = answer.na
    if given.note is not None:
        record.note = given.note.strip()[:4000]
    record.updated_by_id = user.id
    audit.record(
        "inspection.answer",
        user=user,
        object_type="inspection",
        object_id=inspection.uuid,
        item=item_id,
        value=_describe(answer, record.note),
    )
    db.session.commit()
    return record


def _answer(item: Item, given: AnswerInput) -> Answer:
    value = given.value.strip() if isinstance(given.value, str) else given.value
    number = None
    if given.number not in (None, ""):
        number = _parse_number(str(given.number))
    return Answer(
        item_id=item.id,
        value=value or None,
        observed=given.observed,
        compliant=given.compliant,
        number=number,
        na=given.na,
    )


def _parse_number(text: str) -> Fraction:
    """A decimal typed on a phone (``37,5`` or ``37.5``) as an exact fraction."""
    cleaned = text.strip().replace(",", ".")
    try:
        value = Decimal(cleaned) if len(cleaned) <= 30 else None
    except InvalidOperation:
        value = None
    number = exact_number(value) if value is not None else None
    if number is None:
        raise InspectionError(_("'%(text)s' bukan angka.", text=text.strip()))
    return number


def _record(inspection: Inspection, item_id: str) -> AnswerRecord:
    record = next((r for r in inspection.answers if r.item_id == item_id), None)
    if record is None:
        record = AnswerRecord(inspection=inspection, item_id=item_id)
        db.session.add(record)
    return record


def _decimal_text(number: Fraction | None) -> str | None:
    """An exact decimal as text; the scoring validation only lets decimals through."""
    if number is None:
        return None
    if number.denominator == 1:
        return str(number.numerator)
    places = 0
    while (number * 10**places).denominator != 1:
        places += 1
    scaled = number * 10**places
    sign = "-" if scaled < 0 else ""
    digits = str(abs(scaled.numerator)).rjust(places + 1, "0")
    return f"{sign}{digits[:-places]}.{digits[-places:]}"


def _describe(answer: Answer, note: str) -> dict:
    fields = {
        "value": answer.value,
        "observed": answer.observed,
        "compliant": answer.compliant,
        "number": _decimal_text(answer.number),
        "na": answer.na or None,
        "note": note or None,
    }
    return {key: value for key, value in fields.items() if value is not None}


def evaluate(inspection: Inspection) -> ScoreResult:
    """The score of the draft as it stands (the live preview)."""
    return score_inspection(checklist_of(inspection.checklist_version), answers_of(inspection))


@dataclass(frozen=True)
class Missing:
    """Something that must be there before submission, with the item it belongs to."""

    section_index: int  #: 1-based, for "Bagian 2"
    item_id: str | None
    kind: str  #: answer | photo | note | signature
    message: str  #: Indonesian, for API error details; pages say it by `kind`


def missing_before_submit(
    inspection: Inspection, result: ScoreResult | None = None
) -> list[Missing]:
    """Every unanswered item and every evidence a failed item requires, in checklist order."""
    checklist = checklist_of(inspection.checklist_version)
    result = result or evaluate(inspection)
    notes = {r.item_id: r.note for r in inspection.answers}
    photos = {p.item_id for p in inspection.photos}
    missing: list[Missing] = []
    for index, section in enumerate(checklist.sections, start=1):
        for item in section.items:
            status = result.item(item.id).status
            if status is Status.MISSING:
                missing.append(Missing(index, item.id, "answer", "Belum dijawab"))
            if status is Status.FAIL:
                missing += _evidence_missing(index, item, notes.get(item.id), photos)
    return missing


def _evidence_missing(index: int, item: Item, note: str | None, photos: set[str]) -> list[Missing]:
    found = []
    if Evidence.PHOTO in item.evidence_on_fail and item.id not in photos:
        found.append(Missing(index, item.id, "photo", "Gagal: wajib ada foto bukti"))
    if Evidence.NOTE in item.evidence_on_fail and not (note or "").strip():
        found.append(Missing(index, item.id, "note", "Gagal: wajib ada catatan"))
    return found


def section_progress(inspection: Inspection) -> list[tuple[int, int]]:
    """(answered, to answer) for each section, counting visible answerable items only."""
    checklist = checklist_of(inspection.checklist_version)
    answers = answers_of(inspection)
    shown = visible_items(checklist, answers)
    progress = []
    for section in checklist.sections:
        asked = [i for i in section.items if i.id in shown and i.type.scored]
        done = [i for i in asked if is_answered(answers.get(i.id))]
        progress.append((len(done), len(asked)))
    return progress
