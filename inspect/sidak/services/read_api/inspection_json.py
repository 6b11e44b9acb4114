"""A page of inspections as JSON: findings, corrective actions and linked versions read in
three queries for the whole page, question texts from each inspection's checklist version."""

from collections import defaultdict
from datetime import date
from decimal import Decimal

from sqlalchemy import or_, select

from sidak.domain.categories import CATEGORIES
from sidak.domain.checklist import Checklist
from sidak.domain.checklist.model import Item
from sidak.domain.sanctions.lifecycle import action_state
from sidak.domain.text import Text
from sidak.models import (
    CorrectiveAction,
    Inspection,
    InspectionFinding,
    InspectionStatus,
    InspectionSummary,
    db,
)
from sidak.services.checklists import checklist_of
from sidak.services.links import absolute, path
from sidak.services.read_api.values import tenths_text, text_json, time_json
from sidak.services.sanctions.ladder import city_today
from sidak.services.sanctions.records import visit_day

Row = tuple[Inspection, InspectionSummary | None]


def described(rows: list[Row]) -> list[dict]:
    ids = [inspection.id for inspection, _ in rows]
    page = _Related(
        findings=_findings(ids),
        actions=_actions(ids),
        links=_links(rows),
        today=city_today(),
    )
    return [_inspection(inspection, summary, page) for inspection, summary in rows]


class _Related:
    """What the page's inspections share: rows read once, checklists indexed once."""

    def __init__(self, findings, actions, links, today: date):
        self.findings: dict[int, list[InspectionFinding]] = findings
        self.actions: dict[tuple[int, str], CorrectiveAction] = actions
        self.links: dict[int, dict[str, str]] = links
        self.today = today
        self._items: dict[int, dict[str, Item]] = {}

    def items(self, version_id: int, checklist: Checklist) -> dict[str, Item]:
        if version_id not in self._items:
            self._items[version_id] = {item.id: item for item in checklist.items}
        return self._items[version_id]


def _findings(ids: list[int]) -> dict[int, list[InspectionFinding]]:
    found: dict[int, list[InspectionFinding]] = defaultdict(list)
    if ids:
        query = (
            select(InspectionFinding)
            .where(InspectionFinding.inspection_id.in_(ids))
            .order_by(InspectionFinding.inspection_id, InspectionFinding.position)
        )
        for finding in db.session.scalars(query):
            found[finding.inspection_id].append(finding)
    return found


def _actions(ids: list[int]) -> dict[tuple[int, str], CorrectiveAction]:
    if not ids:
        return {}
    query = select(CorrectiveAction).where(CorrectiveAction.inspection_id.in_(ids))
    return {(a.inspection_id, a.item_id): a for a in db.session.scalars(query)}


def _links(rows: list[Row]) -> dict[int, dict[str, str]]:
    """The uuid each inspection corrects (``supersedes``) and the submitted correction that
    replaced it (``superseded_by``; a correction still in draft is nobody's to read)."""
    ids = [inspection.id for inspection, _ in rows]
    if not ids:
        return {}
    earlier = {i.supersedes_id: i.id for i, _ in rows if i.supersedes_id is not None}
    query = select(
        Inspection.id, Inspection.uuid, Inspection.supersedes_id, Inspection.status
    ).where(or_(Inspection.id.in_(list(earlier)), Inspection.supersedes_id.in_(ids)))
    links: dict[int, dict[str, str]] = defaultdict(dict)
    for other_id, uuid, supersedes_id, status in db.session.execute(query):
        if other_id in earlier:
            links[earlier[other_id]]["supersedes"] = uuid
        if supersedes_id in ids and status != InspectionStatus.DRAFT:
            links[supersedes_id]["superseded_by"] = uuid
    return links


def _inspection(inspection: Inspection, summary: InspectionSummary | None, page: _Related) -> dict:
    version = inspection.checklist_version
    checklist = checklist_of(version)
    links = page.links.get(inspection.id, {})
    office = inspection.office
    return {
        "uuid": inspection.uuid,
        "office": {
            "id": office.id,
            "name": office.name,
            "district": office.district,
            "type": office.type,
        },
        "checklist": {
            "key": checklist.id,
            "version": version.label,
            "content_hash": version.content_hash,
        },
        "status": inspection.status,
        "current": "superseded_by" not in links,
        "day": (summary.started_on if summary else visit_day(inspection)).isoformat(),
        "started_at": time_json(inspection.started_at),
        "ended_at": time_json(inspection.ended_at),
        "submitted_at": time_json(inspection.submitted_at),
        "finalized_at": time_json(inspection.finalized_at),
        "report_number": inspection.report_number,
        "score": _score(inspection, summary),
        **_grade(checklist, inspection.grade_id),
        "critical_failures": inspection.critical_failures,
        "categories": _categories(summary) if summary else None,
        "findings": _findings_of(inspection, checklist, page) if summary else None,
        "supersedes": links.get("supersedes"),
        "superseded_by": links.get("superseded_by"),
        "verification_url": _verification_url(inspection),
    }


def _findings_of(inspection: Inspection, checklist: Checklist, page: _Related) -> list[dict]:
    items = page.items(inspection.checklist_version_id, checklist)
    described = []
    for finding in page.findings.get(inspection.id, []):
        item = items.get(finding.item_id)
        action = page.actions.get((inspection.id, finding.item_id))
        described.append(
            {
                "item_id": finding.item_id,
                "question": text_json(item.question if item else Text(finding.item_id)),
                "category": finding.category,
                "critical": finding.critical,
                "action": _action(action, page.today) if action else None,
            }
        )
    return described


def _action(action: CorrectiveAction, today: date) -> dict:
    return {
        "id": action.id,
        "status": str(action_state(action.status, action.due_date, today)),
        "due_date": action.due_date.isoformat(),
    }


def _categories(summary: InspectionSummary) -> list[dict]:
    scored = []
    for key, name in CATEGORIES.items():
        value = summary.category_score(key)
        if value is not None:
            scored.append({"key": key, "name": text_json(name), "score": tenths_text(value)})
    return scored


def _grade(checklist: Checklist, grade_id: str | None) -> dict:
    band = next((g for g in checklist.grades if g.id == grade_id), None)
    return {
        "grade": grade_id,
        "grade_label": text_json(band.label) if band else None,
        "grade_color": band.color if band else None,
    }


def _score(inspection: Inspection, summary: InspectionSummary | None) -> str | None:
    if summary is not None and summary.score is not None:
        return tenths_text(summary.score)
    if inspection.score is not None:
        return f"{Decimal(inspection.score):.1f}"
    return None


def _verification_url(inspection: Inspection) -> str | None:
    code = inspection.verification_code
    return absolute(path("reports.verify", code=code)) if code else None
