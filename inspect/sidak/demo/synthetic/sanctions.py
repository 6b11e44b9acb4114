"""The city's side of the generated history: sanctions proposed from each office's record,
decided a day or two later, issued with numbers and deadlines, and escalated by the daily
tick when the deadline passes. The decisions are the domain's (`propose`, `escalation_of`,
`sanction_after_actions`); only the bookkeeping is kept in memory instead of the database.
"""

import random
from dataclasses import replace
from datetime import datetime, timedelta

from sidak.demo.decisions import OTHER_LEVEL_SHARE, WAIVE_ESCALATION_SHARE, WAIVE_SHARE
from sidak.demo.synthetic.ledger import SanctionRecord, Source, sanction_row
from sidak.demo.synthetic.names import OTHER_LEVEL_REASON, WAIVE_ESCALATION_REASON, WAIVE_REASON
from sidak.demo.synthetic.sink import BulkSink, Ids
from sidak.demo.synthetic.staff import Person
from sidak.domain.documents import add_working_days, report_number
from sidak.domain.sanctions import Ladder, PastViolation, Proposal, escalation_of, propose
from sidak.domain.sanctions.lifecycle import SANCTION_CLOSED, SanctionState, sanction_after_actions
from sidak.domain.text import Text
from sidak.services.sanctions.proposals import copy_level

#: hours after the proposal at which the city decides, as in the demo
DECISION_HOURS = (20, 26, 44)
#: the share of its shortfall (1 - `plan.Visit.level`) an office keeps after each step of the
#: ladder it was sanctioned at within the window: each step tightens things up by a fifth of
#: what is left, and its critical items (staff masks, screening) by half as much again
DETERRENCE_KEEPS = 0.8
CRITICAL_MINDED = 1.5


class SanctionDesk:
    """The city deciding sanctions, and the tick escalating the missed ones."""

    def __init__(self, world, ladder: Ladder, city: Person, pattern: str, rng: random.Random):
        self.world = world  #: the timeline, sink, ids and clock (`Aftermath`)
        self.ladder = ladder
        self.city = city
        self.pattern = pattern
        self.rng = rng
        self.sequence: dict[int, int] = {}
        self.pending: dict[int, SanctionRecord] = {}
        #: office id -> its sources with a sanction, newest last (the window's history)
        self.violations: dict[int, list[Source]] = {}

    @property
    def sink(self) -> BulkSink:
        return self.world.sink

    @property
    def ids(self) -> Ids:
        return self.world.ids

    def on_finalized(self, when: datetime, source: Source, facts) -> None:
        """Propose a sanction for the record if the ladder calls it a violation."""
        facts = replace(facts, on=source.day)
        proposal = propose(self.ladder, facts, self._history(source))
        if proposal is not None:
            self._new(when, source, proposal)
            self.violations.setdefault(source.office_id, []).append(source)

    def deterrence(self, office_id: int, day) -> float:
        """The share of its shortfall an office makes up on `day` for its sanctions of the last
        window: the highest level issued to it counts."""
        horizon = day - timedelta(days=self.ladder.window_days)
        reached = [
            self.ladder.index(sanction.level) + 1
            for source in self.violations.get(office_id, [])
            if source.day >= horizon
            for sanction in source.sanctions
            if sanction.issued_at is not None and self.ladder.has_level(sanction.level)
        ]
        return 1 - DETERRENCE_KEEPS ** max(reached, default=0)

    def _history(self, source: Source) -> list[PastViolation]:
        """The office's earlier violations at the highest level each reached, as
        `sidak.services.sanctions.records.history` reads them from the database."""
        horizon = source.day - timedelta(days=self.ladder.window_days + 1)
        kept = [s for s in self.violations.get(source.office_id, []) if s.day >= horizon]
        self.violations[source.office_id] = kept
        past = []
        for earlier in kept:
            standing = [s for s in earlier.sanctions if s.status != SanctionState.WAIVED]
            levels = [s.level for s in standing if self.ladder.has_level(s.level)]
            highest = max(levels, key=self.ladder.index) if levels else None
            past.append(PastViolation(earlier.day, highest, waived=not standing))
        return past

    def _new(self, when, source: Source, proposal: Proposal, escalated_from=None) -> None:
        sanction = SanctionRecord(
            id=self.ids("sanctions"),
            office_id=source.office_id,
            inspection_id=source.id,
            inspected_on=source.day,
            ladder=f"{self.ladder.id} {self.ladder.version}"[:100],
            proposed_level=proposal.level.id,
            ordinal=proposal.ordinal,
            reason=proposal.reason.id,
            reason_en=proposal.reason.get("en"),
            proposed_at=when,
            escalated_from_id=escalated_from.id if escalated_from else None,
        )
        copy_level(sanction, self.ladder, proposal.level.id)
        source.sanctions.append(sanction)
        self.pending[sanction.id] = sanction
        hours = self.rng.choice(DECISION_HOURS)
        self.world.timeline.at(when + timedelta(hours=hours), self._decide, source, sanction)

    def _decide(self, when: datetime, source: Source, sanction: SanctionRecord) -> None:
        """Waive it, issue it at the next level with a reason, or (mostly) issue it."""
        if sanction.status != SanctionState.PROPOSED:
            return
        sanction.decided_at, sanction.decided_by_id = when, self.city.id
        roll = self.rng.random()
        waive_share = WAIVE_ESCALATION_SHARE if sanction.escalated_from_id else WAIVE_SHARE
        if roll < waive_share:
            sanction.status = SanctionState.WAIVED.value
            sanction.closed_at = when
            escalated = sanction.escalated_from_id
            sanction.decision_reason = WAIVE_ESCALATION_REASON if escalated else WAIVE_REASON
            self._emit(sanction)
            return
        index = self.ladder.index(sanction.level)
        if roll < WAIVE_SHARE + OTHER_LEVEL_SHARE and index + 1 < len(self.ladder.levels):
            copy_level(sanction, self.ladder, self.ladder.levels[index + 1].id)
            sanction.decision_reason = OTHER_LEVEL_REASON
        self._issue(when, sanction)
        self.refresh(when, source)
        if sanction.status == SanctionState.ISSUED:
            moment = self.world.tick_after(sanction.due_date)
            self.world.timeline.at(moment, self._deadline, source, sanction)

    def _issue(self, when: datetime, sanction: SanctionRecord) -> None:
        local = self.world.local(when)
        year = local.year
        self.sequence[year] = self.sequence.get(year, 0) + 1
        sanction.status = SanctionState.ISSUED.value
        sanction.issued_at = when
        sanction.due_date = add_working_days(local.date(), sanction.days)
        sanction.number_year, sanction.number_sequence = year, self.sequence[year]
        sanction.number = report_number(self.pattern, self.sequence[year], year, local.month)

    def _deadline(self, when: datetime, source: Source, sanction: SanctionRecord) -> None:
        """`sidak tick` on the day after the deadline: overdue, and escalated if the ladder
        has a next level (which is proposed in its place)."""
        if sanction.status not in (SanctionState.ISSUED, SanctionState.OVERDUE):
            return  # corrected or verified in time
        sanction.status = SanctionState.OVERDUE.value
        following = None
        if self.ladder.has_level(sanction.level):
            following = escalation_of(self.ladder, sanction.level)
        if following is None:
            return  # the top of the ladder: it stays overdue until corrected
        sanction.status = SanctionState.ESCALATED.value
        sanction.closed_at = when
        self._emit(sanction)
        reason = Text(
            f"batas perbaikan sanksi {sanction.number} ({sanction.level_name}) terlewati",
            f"the deadline of sanction {sanction.number} ({sanction.level_name_en}) passed",
        )
        self._new(when, source, Proposal(following, sanction.ordinal, (reason,)), sanction)

    def refresh(self, when: datetime, source: Source) -> None:
        """Move the record's sanction along with its actions (corrected, then verified)."""
        if not source.sanctions:
            return
        sanction = source.sanctions[-1]
        after = sanction_after_actions(sanction.status, [a.status for a in source.actions])
        if after == sanction.status:
            return
        sanction.status = after.value
        if after is SanctionState.VERIFIED:
            sanction.closed_at = when
            self._emit(sanction)

    def _emit(self, sanction: SanctionRecord) -> None:
        if self.pending.pop(sanction.id, None) is not None:
            self.sink.add("sanctions", sanction_row(sanction))

    def close(self) -> None:
        """Write the sanctions still in force, as they stand now."""
        for sanction in sorted(self.pending.values(), key=lambda s: s.id):
            assert sanction.status not in SANCTION_CLOSED
            self.sink.add("sanctions", sanction_row(sanction))
        self.pending.clear()
