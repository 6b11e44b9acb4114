"""Which sanction a finalized inspection calls for: a pure function of the inspection, the
office's history and the ladder.

The rule, as the regional regulations write it: the n-th violation within the window is the
n-th level of the ladder; a level already reached in the window (issued higher by the city,
or escalated after a missed deadline) is never stepped down from; a failed critical item
starts at the ladder's critical level; the top level repeats.
"""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from sidak.domain.sanctions.model import Ladder, Level
from sidak.domain.text import Text


@dataclass(frozen=True)
class InspectionFacts:
    """What the decision needs from one finalized inspection."""

    on: date  #: the day of the inspection, in the city's time zone
    grade_id: str | None
    score: Decimal | float | None
    failed_items: tuple[str, ...] = ()  #: item ids with a finding
    critical_failed: tuple[str, ...] = ()  #: item ids of failed critical items
    grade_label: Text | None = None  #: the grade as the checklist names it, for the reason


@dataclass(frozen=True)
class PastViolation:
    """An earlier violation of the same office (an inspection that got a sanction record)."""

    on: date
    #: the highest level it reached (issued, or escalated to); None when waived
    level_id: str | None
    waived: bool = False


@dataclass(frozen=True)
class Proposal:
    level: Level
    ordinal: int  #: this is the `ordinal`-th violation within the window
    reasons: tuple[Text, ...]

    @property
    def reason(self) -> Text:
        return Text(
            "; ".join(r.id for r in self.reasons), "; ".join(r.get("en") for r in self.reasons)
        )


def violations(ladder: Ladder, facts: InspectionFacts) -> tuple[Text, ...]:
    """Why the inspection is a violation under the ladder's triggers (empty: it is not)."""
    t = ladder.triggers
    found: list[Text] = []
    if facts.grade_id is not None and facts.grade_id in t.grades:
        label = facts.grade_label or Text(facts.grade_id)
        found.append(Text(f"nilai '{label.id}'", f"grade '{label.get('en')}'"))
    if t.score_below is not None and facts.score is not None and facts.score < t.score_below:
        limit = _number(t.score_below)
        found.append(Text(f"skor di bawah {limit}", f"score below {limit}"))
    if t.critical and facts.critical_failed:
        n = len(facts.critical_failed)
        found.append(
            Text(f"{n} butir kritis gagal", f"{n} critical item{'s' if n > 1 else ''} failed")
        )
    listed = [item for item in facts.failed_items if item in t.items]
    if listed:
        names = ", ".join(listed)
        found.append(Text(f"butir wajib gagal: {names}", f"required items failed: {names}"))
    return tuple(found)


def propose(
    ladder: Ladder, facts: InspectionFacts, history: list[PastViolation] | tuple = ()
) -> Proposal | None:
    """The level to propose for this inspection, with its reasons; None: no violation.

    `history` holds the office's earlier violations (never this inspection itself); those
    outside the window, or after this inspection, do not count.
    """
    reasons = violations(ladder, facts)
    if not reasons:
        return None
    prior = [
        v for v in history if 0 <= (facts.on - v.on).days <= ladder.window_days and not v.waived
    ]
    top = len(ladder.levels) - 1
    index = min(len(prior), top)
    reached = [
        ladder.index(v.level_id) for v in prior if v.level_id and ladder.has_level(v.level_id)
    ]
    if reached:
        index = max(index, min(max(reached) + 1, top))
    ordinal = len(prior) + 1
    why = [_ordinal_text(ordinal, ladder.window_days), *reasons]
    if facts.critical_failed and ladder.critical_level is not None:
        floor = ladder.index(ladder.critical_level)
        if floor > index:
            index = floor
            level = ladder.levels[floor].name
            why.append(
                Text(
                    f"butir kritis gagal: paling ringan {level.id}",
                    f"critical failure: at least {level.get('en')}",
                )
            )
    return Proposal(ladder.levels[index], ordinal, tuple(why))


def escalation_of(ladder: Ladder, level_id: str) -> Level | None:
    """The level an overdue sanction of `level_id` escalates to; None when it does not."""
    following = ladder.level(level_id).on_overdue
    return ladder.level(following) if following is not None else None


def _ordinal_text(n: int, window: int) -> Text:
    if n == 1:
        return Text(f"pelanggaran pertama dalam {window} hari", f"first violation in {window} days")
    suffix = {1: "st", 2: "nd", 3: "rd"}.get(n % 10 if n % 100 not in (11, 12, 13) else 0, "th")
    return Text(
        f"pelanggaran ke-{n} dalam {window} hari", f"{n}{suffix} violation in {window} days"
    )


def _number(value: float) -> str:
    return f"{value:g}"
