"""Submitted and finalized inspections for the read API, read through their summaries.

Drafts are never shown: only inspections with a summary (written at submission) are listed,
and the detail of a draft is "not found" for everyone.
"""

from sqlalchemy import select
from sqlalchemy.orm import contains_eager, defer, selectinload

from sidak.models import (
    ChecklistVersion,
    Inspection,
    InspectionStatus,
    InspectionSummary,
    Office,
    db,
)
from sidak.services.permissions import can_view_inspection
from sidak.services.read_api.filters import InspectionFilter
from sidak.services.read_api.inspection_json import described
from sidak.services.read_api.paging import Page, Window, cut
from sidak.services.read_api.scope import confined_office

#: what the rows need besides their own columns; the large JSON columns stay unread
_LOAD = (
    defer(Inspection.score_json),
    defer(Inspection.canonical_json),
    selectinload(Inspection.checklist_version).defer(ChecklistVersion.source_yaml),
)


def inspection_page(reader, filters: InspectionFilter, window: Window) -> Page:
    S = InspectionSummary
    query = (
        select(Inspection, S)
        .join(S, S.inspection_id == Inspection.id)
        .join(Inspection.office)
        .options(contains_eager(Inspection.office), *_LOAD)
        .where(S.inspection_id > window.after, Inspection.status != InspectionStatus.DRAFT)
        .order_by(S.inspection_id)
        .limit(window.limit + 1)
    )
    query = _filtered(query, filters)
    if (office_id := confined_office(reader)) is not None:
        query = query.where(S.office_id == office_id)
    rows, cursor = cut(db.session.execute(query).all(), window, _id)
    shown = [(i, s) for i, s in rows if can_view_inspection(reader, i)]
    return Page(described(shown), cursor)


def _id(row: tuple[Inspection, InspectionSummary]) -> int:
    return row[0].id


def _filtered(query, filters: InspectionFilter):
    S = InspectionSummary
    conditions = []
    if not filters.all_versions:
        conditions.append(S.current.is_(True))
    if filters.day_from is not None:
        conditions.append(S.started_on >= filters.day_from)
    if filters.day_to is not None:
        conditions.append(S.started_on <= filters.day_to)
    if filters.office_id is not None:
        conditions.append(S.office_id == filters.office_id)
    if filters.district is not None:
        conditions.append(Office.district == filters.district)
    if filters.office_type is not None:
        conditions.append(Office.type == filters.office_type)
    if filters.checklist is not None:
        conditions.append(S.checklist_key == filters.checklist)
    if filters.status is not None:
        conditions.append(S.status == filters.status)
    return query.where(*conditions)


def inspection_detail(reader, key: str) -> dict | None:
    """The inspection with this uuid, or None if there is none, it is a draft, or `reader`
    may not see it."""
    inspection = db.session.scalar(
        select(Inspection)
        .options(selectinload(Inspection.office), *_LOAD)
        .where(Inspection.uuid == key)
    )
    if (
        inspection is None
        or inspection.status == InspectionStatus.DRAFT
        or not can_view_inspection(reader, inspection)
    ):
        return None
    summary = db.session.get(InspectionSummary, inspection.id)
    return described([(inspection, summary)])[0]
