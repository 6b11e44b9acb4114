"""What printed documents say about sanctions: the report's section and the recap's table.

Documents show the *effective* state (`sidak.domain.sanctions.lifecycle`): an issued sanction
whose deadline passed is printed as overdue even before ``sidak tick`` stored it.
"""

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import func, or_, select
from sqlalchemy.orm import selectinload

from sidak.domain.sanctions.lifecycle import SanctionState, sanction_state
from sidak.models import CorrectiveAction, Inspection, Sanction, db, utcnow
from sidak.services.reports.letterhead import local_time
from sidak.services.sanctions.ladder import current_ladder

#: the recap's order: what needs the city's attention first
RECAP_ORDER = (
    SanctionState.OVERDUE,
    SanctionState.PROPOSED,
    SanctionState.ISSUED,
    SanctionState.CORRECTED,
    SanctionState.VERIFIED,
    SanctionState.ESCALATED,
    SanctionState.WAIVED,
)


@dataclass(frozen=True)
class PrintedSanction:
    sanction: Sanction
    state: SanctionState
    today: date

    @property
    def days_overdue(self) -> int:
        due = self.sanction.due_date
        if self.state is not SanctionState.OVERDUE or due is None:
            return 0
        return (self.today - due).days

    @property
    def changed_level(self) -> bool:
        """The city chose another level than Sidak proposed."""
        return self.sanction.level != self.sanction.proposed_level

    def text(self, name: str, lang: str) -> str:
        return in_language(self.sanction, name, lang)

    def proposed_name(self, lang: str) -> str:
        return proposed_name(self.sanction, lang)


def in_language(record: object, name: str, lang: str) -> str:
    """A copied text in `lang`: ``record.<name>_en`` in English when it was given."""
    english = getattr(record, f"{name}_en", "") if lang == "en" else ""
    return english or getattr(record, name) or ""


def proposed_name(sanction: Sanction, lang: str) -> str:
    """The name of the level Sidak proposed. Only the decided level's words are copied into
    the sanction, so another proposed level is named as the ladder in force names it."""
    if not sanction.level_name or sanction.proposed_level == sanction.level:
        return in_language(sanction, "level_name", lang)
    ladder = current_ladder()
    if ladder is not None and ladder.has_level(sanction.proposed_level):
        return ladder.level(sanction.proposed_level).name.get(lang)
    return sanction.proposed_level


def city_today() -> date:
    return local_time(utcnow()).date()


def printed(sanction: Sanction, today: date) -> PrintedSanction:
    return PrintedSanction(
        sanction, sanction_state(sanction.status, sanction.due_date, today), today
    )


def latest_sanction(inspection: Inspection) -> Sanction | None:
    """The inspection's newest sanction (an escalation adds one after the first)."""
    return db.session.scalar(
        select(Sanction)
        .where(Sanction.inspection_id == inspection.id)
        .order_by(Sanction.id.desc())
        .limit(1)
    )


def report_sanction(inspection: Inspection, today: date | None = None) -> PrintedSanction | None:
    """The sanction the inspection's report shows, as of `today` (the city's today)."""
    sanction = latest_sanction(inspection)
    if sanction is None:
        return None
    return printed(sanction, today or city_today())


def report_revision(inspection: Inspection, today: date | None = None) -> str:
    """What the stored report must have shown to be current: "" without a sanction."""
    shown = report_sanction(inspection, today)
    if shown is None:
        return ""
    return f"{shown.sanction.id}:{shown.state}:{shown.sanction.number or ''}"[:64]


def action_dues(inspection: Inspection) -> dict[str, date]:
    """The deadline of each finding (by item id) as finalization set it; empty before."""
    rows = db.session.execute(
        select(CorrectiveAction.item_id, CorrectiveAction.due_date).where(
            CorrectiveAction.inspection_id == inspection.id
        )
    )
    return dict(rows.all())


def period_sanctions(start: datetime, end: datetime, today: date) -> list[PrintedSanction]:
    """The sanctions a recap of [start, end) lists, overdue first.

    A sanction belongs to the period when it was issued in it, when it was proposed in it
    and not issued (still pending, or waived), or when its deadline fell in it.
    """
    decided_or_proposed = func.coalesce(Sanction.issued_at, Sanction.proposed_at)
    query = (
        select(Sanction)
        .options(selectinload(Sanction.office))
        .where(
            or_(
                (decided_or_proposed >= start) & (decided_or_proposed < end),
                (Sanction.due_date >= start.date()) & (Sanction.due_date < end.date()),
            )
        )
        .order_by(Sanction.id)
    )
    rows = [printed(s, today) for s in db.session.scalars(query)]
    return sorted(
        rows,
        key=lambda r: (
            RECAP_ORDER.index(r.state),
            r.sanction.due_date or date.max,
            r.sanction.office.name,
        ),
    )


def state_counts(rows: list[PrintedSanction]) -> list[tuple[SanctionState, int]]:
    """How many of `rows` are in each state, in the recap's order; states with none left out."""
    counts = dict.fromkeys(RECAP_ORDER, 0)
    for row in rows:
        counts[row.state] += 1
    return [(state, n) for state, n in counts.items() if n]
