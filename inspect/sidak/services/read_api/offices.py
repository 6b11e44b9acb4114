"""Offices as the read API lists them, with the day each was last inspected."""

from datetime import date

from sqlalchemy import func, select

from sidak.models import InspectionSummary, Office, db
from sidak.services.permissions import can_view_office
from sidak.services.read_api.paging import Page, Window, cut
from sidak.services.read_api.scope import confined_office
from sidak.services.read_api.values import day_json


def office_page(reader, window: Window) -> Page:
    query = select(Office).where(Office.id > window.after).order_by(Office.id)
    if (office_id := confined_office(reader)) is not None:
        query = query.where(Office.id == office_id)
    rows, cursor = cut(list(db.session.scalars(query.limit(window.limit + 1))), window, _id)
    offices = [office for office in rows if can_view_office(reader, office)]
    return Page(_described(offices), cursor)


def office_detail(reader, office_id: int) -> dict | None:
    """The office, or None if there is none or `reader` may not see it."""
    office = db.session.get(Office, office_id)
    if office is None or not can_view_office(reader, office):
        return None
    return _described([office])[0]


def _id(office: Office) -> int:
    return office.id


def _described(offices: list[Office]) -> list[dict]:
    last = _last_inspected([office.id for office in offices])
    return [
        {
            "id": office.id,
            "name": office.name,
            "type": office.type,
            "district": office.district,
            "address": office.address,
            "head": office.head_name,
            "active": office.active,
            "last_inspected_on": day_json(last.get(office.id)),
        }
        for office in offices
    ]


def _last_inspected(office_ids: list[int]) -> dict[int, date]:
    """The last day each office was inspected (submitted records), in one grouped query."""
    if not office_ids:
        return {}
    S = InspectionSummary
    query = (
        select(S.office_id, func.max(S.started_on))
        .where(S.office_id.in_(office_ids))
        .group_by(S.office_id)
    )
    return dict(db.session.execute(query).all())
