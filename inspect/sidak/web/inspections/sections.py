"""What a section page shows: each item with its answer, photos, visibility and errors."""

import json
from dataclasses import dataclass

from sidak.domain.answers import Answer
from sidak.domain.checklist import Checklist, Item
from sidak.domain.visibility import visible_items
from sidak.models import Inspection, Photo
from sidak.services.inspections.drafts import answers_of, section_progress


@dataclass(frozen=True)
class ItemView:
    item: Item
    answer: Answer | None
    note: str
    photos: list[Photo]
    visible: bool
    error: str | None
    #: JSON for the browser: {"item": id, "values": [...]} or null
    condition: str


def section_context(
    inspection: Inspection, checklist: Checklist, number: int, errors: dict[str, str], posted
) -> dict:
    answers = answers_of(inspection)
    notes = {r.item_id: r.note for r in inspection.answers}
    shown = visible_items(checklist, answers)
    section = checklist.sections[number - 1]
    photos: dict[str, list[Photo]] = {}
    for photo in inspection.photos:
        photos.setdefault(photo.item_id, []).append(photo)
    views = [
        ItemView(
            item=item,
            answer=answers.get(item.id),
            note=notes.get(item.id, ""),
            photos=photos.get(item.id, []),
            visible=item.id in shown,
            error=errors.get(item.id),
            condition=json.dumps(
                {"item": item.show_if.item_id, "values": list(item.show_if.values)}
                if item.show_if
                else None
            ),
        )
        for item in section.items
    ]
    return {
        "inspection": inspection,
        "checklist": checklist,
        "section": section,
        "number": number,
        "total": len(checklist.sections),
        "views": views,
        "progress": section_progress(inspection),
        "posted": posted,
        # answers of controlling items in other sections, for the browser's visibility rule
        "controllers": json.dumps(_controller_values(checklist, answers)),
    }


def _controller_values(checklist: Checklist, answers: dict[str, Answer]) -> dict[str, str | None]:
    controllers = {item.show_if.item_id for item in checklist.items if item.show_if}
    return {
        item_id: ("na" if answers[item_id].na else answers[item_id].value)
        if item_id in answers
        else None
        for item_id in controllers
    }
