"""What the generator keeps in memory while it can still change: the timeline of events,
and the actions, sanctions and follow-up visits of each record with findings.

Each record mirrors a model's row (the same column names) and becomes one when it is
settled, or at the end as it stands.
"""

import heapq
from dataclasses import dataclass, field, fields
from datetime import date, datetime
from itertools import count

from sidak.domain.sanctions.lifecycle import ActionState, SanctionState

OPEN, OVERDUE = ActionState.OPEN.value, ActionState.OVERDUE.value


class Timeline:
    """Events in time order; `run_until` lets everything before a moment happen."""

    def __init__(self) -> None:
        self.heap: list = []
        self.order = count()

    def at(self, moment: datetime, step, *args) -> None:
        heapq.heappush(self.heap, (moment, next(self.order), step, args))

    def run_until(self, moment: datetime) -> None:
        while self.heap and self.heap[0][0] < moment:
            when, _, step, args = heapq.heappop(self.heap)
            step(when, *args)


@dataclass(slots=True, eq=False)
class ActionRecord:
    """A `CorrectiveAction` row in the making, with its replies and follow-up checks."""

    id: int
    source: "Source"
    item_id: str
    question: str
    question_en: str
    finding: str
    finding_en: str
    critical: bool
    due_date: date
    created_at: datetime
    status: str = OPEN
    closed_at: datetime | None = None
    verified_by_id: int | None = None
    replies: list[dict] = field(default_factory=list)
    checks: list[dict] = field(default_factory=list)

    def row(self) -> dict:
        return {
            "id": self.id,
            "inspection_id": self.source.id,
            "office_id": self.source.office_id,
            "inspected_on": self.source.day,
            **{name: getattr(self, name) for name in _ACTION_FIELDS},
        }


#: what an action copies from its finding (`pool.Action`), and its other columns
FINDING_FIELDS = ("item_id", "question", "question_en", "finding", "finding_en", "critical")
_ACTION_FIELDS = (*FINDING_FIELDS, "status", "due_date", "created_at", "closed_at")
_ACTION_FIELDS += ("verified_by_id",)


@dataclass(slots=True, eq=False)
class SanctionRecord:
    """A `Sanction` row in the making (the same column names)."""

    id: int
    office_id: int
    inspection_id: int
    ladder: str
    proposed_level: str
    ordinal: int
    reason: str
    reason_en: str
    proposed_at: datetime
    inspected_on: date | None = None
    escalated_from_id: int | None = None
    status: str = SanctionState.PROPOSED.value
    level: str = ""
    level_name: str = ""
    level_name_en: str = ""
    level_meaning: str = ""
    level_meaning_en: str = ""
    rule: str = ""
    rule_en: str = ""
    days: int = 5
    decision_reason: str = ""
    decided_at: datetime | None = None
    decided_by_id: int | None = None
    number_year: int | None = None
    number_sequence: int | None = None
    number: str | None = None
    issued_at: datetime | None = None
    due_date: date | None = None
    closed_at: datetime | None = None


@dataclass(eq=False)
class Source:
    """A finalized record with findings: its actions, sanctions and follow-up visit."""

    id: int
    uuid: str
    office_id: int
    day: date  #: the visit's day in the city's calendar
    actions: list[ActionRecord] = field(default_factory=list)
    sanctions: list[SanctionRecord] = field(default_factory=list)
    follow_up: dict | None = None


def sanction_row(sanction: SanctionRecord) -> dict:
    return {name: getattr(sanction, name) for name in _SANCTION_COLUMNS}


_SANCTION_COLUMNS = tuple(f.name for f in fields(SanctionRecord))
