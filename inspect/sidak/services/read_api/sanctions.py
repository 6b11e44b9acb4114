"""Sanctions for the read API, each in its effective state (an issued sanction past its
deadline reads as overdue even before `sidak tick` stores it)."""

from datetime import date, datetime, time, timedelta

from sqlalchemy import and_, or_, select
from sqlalchemy.orm import contains_eager

from sidak.domain.sanctions.lifecycle import SanctionState, sanction_state
from sidak.domain.text import Text
from sidak.models import Inspection, Sanction, db
from sidak.services.permissions import can_view_sanction
from sidak.services.read_api.filters import SanctionFilter
from sidak.services.read_api.paging import Page, Window, cut
from sidak.services.read_api.scope import confined_office, sees_proposals
from sidak.services.read_api.values import day_json, text_json, time_json
from sidak.services.reports.letterhead import city_zone
from sidak.services.sanctions.ladder import city_today


def sanction_page(reader, filters: SanctionFilter, window: Window) -> Page:
    today = city_today()
    query = (
        select(Sanction, Inspection.uuid)
        .join(Inspection, Sanction.inspection_id == Inspection.id)
        .join(Sanction.office)
        .options(contains_eager(Sanction.office))
        .where(Sanction.id > window.after, *_conditions(filters, today))
        .order_by(Sanction.id)
        .limit(window.limit + 1)
    )
    if (office_id := confined_office(reader)) is not None:
        query = query.where(Sanction.office_id == office_id)
    if not sees_proposals(reader):
        query = query.where(Sanction.status != SanctionState.PROPOSED)
    rows, cursor = cut(db.session.execute(query).all(), window, _id)
    shown = [(s, key) for s, key in rows if _visible(reader, s)]
    return Page(_described(reader, shown, today), cursor)


def sanction_detail(reader, sanction_id: int) -> dict | None:
    """The sanction, or None if there is none or `reader` may not see it."""
    sanction = db.session.get(Sanction, sanction_id)
    if sanction is None or not _visible(reader, sanction):
        return None
    return _described(reader, [(sanction, sanction.inspection.uuid)], city_today())[0]


def _id(row: tuple[Sanction, str]) -> int:
    return row[0].id


def _visible(reader, sanction: Sanction) -> bool:
    return can_view_sanction(reader, sanction) and (
        sees_proposals(reader) or sanction.status != SanctionState.PROPOSED
    )


def _conditions(filters: SanctionFilter, today: date) -> list:
    conditions = []
    if filters.office_id is not None:
        conditions.append(Sanction.office_id == filters.office_id)
    if filters.state is not None:
        conditions.append(_in_state(filters.state, today))
    if filters.day_from is not None:
        conditions.append(Sanction.proposed_at >= _midnight(filters.day_from))
    if filters.day_to is not None:
        conditions.append(Sanction.proposed_at < _midnight(filters.day_to + timedelta(days=1)))
    return conditions


def _in_state(state: str, today: date):
    """The SQL form of `sanction_state`: an issued sanction past its due date is overdue."""
    issued, overdue = Sanction.status == SanctionState.ISSUED, SanctionState.OVERDUE
    if state == SanctionState.OVERDUE:
        return or_(Sanction.status == overdue, and_(issued, Sanction.due_date < today))
    if state == SanctionState.ISSUED:
        return and_(issued, or_(Sanction.due_date.is_(None), Sanction.due_date >= today))
    return Sanction.status == state


def _midnight(day: date) -> datetime:
    """The start of `day` in the city's time zone."""
    return datetime.combine(day, time.min, tzinfo=city_zone())


def _described(reader, rows: list[tuple[Sanction, str]], today: date) -> list[dict]:
    escalations = _escalations(reader, [sanction.id for sanction, _ in rows])
    return [_sanction(s, key, escalations.get(s.id), today) for s, key in rows]


def _escalations(reader, ids: list[int]) -> dict[int, int]:
    """The sanction each one was escalated to, if `reader` may see that one."""
    if not ids:
        return {}
    query = select(Sanction.escalated_from_id, Sanction.id, Sanction.status).where(
        Sanction.escalated_from_id.in_(ids)
    )
    return {
        earlier: later
        for earlier, later, status in db.session.execute(query)
        if sees_proposals(reader) or status != SanctionState.PROPOSED
    }


def _sanction(sanction: Sanction, inspection_uuid: str, escalated_to: int | None, today) -> dict:
    office = sanction.office
    return {
        "id": sanction.id,
        "number": sanction.number,
        "office": {"id": office.id, "name": office.name},
        "inspection": inspection_uuid,
        "level": {
            "id": sanction.level,
            "name": text_json(Text(sanction.level_name, sanction.level_name_en)),
        },
        "proposed_level": sanction.proposed_level,
        "state": str(sanction_state(sanction.status, sanction.due_date, today)),
        "ordinal": sanction.ordinal,
        "reason": text_json(Text(sanction.reason, sanction.reason_en)),
        "decision_reason": sanction.decision_reason,
        "proposed_at": time_json(sanction.proposed_at),
        "decided_at": time_json(sanction.decided_at),
        "issued_at": time_json(sanction.issued_at),
        "due_date": day_json(sanction.due_date),
        "closed_at": time_json(sanction.closed_at),
        "escalated_from": sanction.escalated_from_id,
        "escalated_to": escalated_to,
    }
