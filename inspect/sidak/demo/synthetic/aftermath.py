"""What follows each finalized record, in time order: corrective actions with deadlines,
the office head's replies and the city's verdicts, follow-up visits that see findings
corrected, the daily tick that marks missed deadlines, and the sanctions (`SanctionDesk`).

Everything happens on one timeline of events; a visit first lets every earlier event
happen, so what it sees (the office's unsettled findings, its earlier violations) is what
the app would have shown the team that day. A row is written once it can no longer change,
or at the end as it stands: memory holds only what is still unsettled.
"""

import random
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from sidak.demo.decisions import IGNORED_SHARE, OBJECTION_SHARE, REJECT_SHARE
from sidak.demo.synthetic.ledger import (
    FINDING_FIELDS,
    OPEN,
    OVERDUE,
    ActionRecord,
    Source,
    Timeline,
)
from sidak.demo.synthetic.names import EVIDENCE_NOTES, OBJECTION_NOTES, REJECTIONS
from sidak.demo.synthetic.plan import Visit
from sidak.demo.synthetic.pool import Outcome
from sidak.demo.synthetic.record import Check
from sidak.demo.synthetic.sanctions import SanctionDesk
from sidak.demo.synthetic.sink import BulkSink, Ids
from sidak.demo.synthetic.staff import Staff
from sidak.domain.documents import add_working_days
from sidak.domain.sanctions.lifecycle import ACTION_CLOSED, ActionState
from sidak.models import CheckResult, FollowUpStatus, ReplyKind
from sidak.services.sanctions.proposals import (
    FALLBACK_CRITICAL_DAYS,
    FALLBACK_DAYS,
    FALLBACK_FOLLOW_UP,
)

#: objections the city accepts are fewer than evidence it accepts
OBJECTION_REJECT_SHARE = 0.4
#: a follow-up sees a finding corrected: when the item passes now, and when it fails again
CORRECTED_WHEN_PASSING, CORRECTED_WHEN_FAILING = 0.95, 0.3


class Aftermath:
    """The timeline after the visits: actions, replies, verdicts, follow-ups, sanctions."""

    def __init__(
        self, sink: BulkSink, ids: Ids, ladder, staff: Staff, zone: ZoneInfo, rng, pattern: str
    ):
        self.sink, self.ids, self.ladder, self.staff, self.zone = sink, ids, ladder, staff, zone
        self.rng: random.Random = rng
        self.timeline = Timeline()
        self.unsettled: dict[int, list[ActionRecord]] = {}  #: by office id
        self.follow_ups: dict[int, dict] = {}  #: scheduled visits, by source id
        self.desk = None
        if ladder is not None:
            self.desk = SanctionDesk(self, ladder, staff.city, pattern, rng)
        self.days = ladder.action_days if ladder else FALLBACK_DAYS
        self.critical_days = ladder.critical_action_days if ladder else FALLBACK_CRITICAL_DAYS
        self.follow_up_days = ladder.follow_up_days if ladder else FALLBACK_FOLLOW_UP

    def local(self, moment: datetime) -> datetime:
        return moment.astimezone(self.zone)

    def tick_after(self, due: date) -> datetime:
        """When the daily tick (01:00) first sees `due` as passed."""
        return datetime.combine(due + timedelta(days=1), time(1), tzinfo=self.zone)

    def deterrence(self, visit: Visit) -> float:
        """The share of its shortfall the office makes up on this visit for the sanctions it
        is under (0 without a ladder); call once the timeline has reached the visit."""
        if self.desk is None:
            return 0.0
        return self.desk.deterrence(visit.office.id, self.local(visit.start).date())

    def preload(self, visit: Visit, outcome: Outcome) -> tuple[list[Check], list]:
        """The office's unsettled findings on the new visit, each marked by the team (an
        item that fails again is mostly still open); the checks and (action, result) pairs."""
        self.timeline.run_until(visit.start)
        waiting = sorted(self.unsettled.get(visit.office.id, []), key=lambda a: (a.due_date, a.id))
        checks, marked = [], []
        for action in waiting:
            passing = action.item_id not in outcome.failed
            chance = CORRECTED_WHEN_PASSING if passing else CORRECTED_WHEN_FAILING
            result = CheckResult.CORRECTED if self.rng.random() < chance else CheckResult.OPEN
            action.checks.append(
                {
                    "id": self.ids("follow_up_checks"),
                    "inspection_id": visit.id,
                    "action_id": action.id,
                    "result": result,
                    "note": "",
                    "updated_at": visit.start + timedelta(minutes=30),
                    "updated_by_id": visit.lead.id,
                }
            )
            checks.append(Check(action.source.uuid, action.item_id, result))
            marked.append((action, result))
        return checks, marked

    def finalized(self, when: datetime, visit: Visit, outcome: Outcome, marked: list) -> None:
        """What `finalize` sets in motion (`sidak.services.sanctions.proposals.on_finalized`)."""
        day = self.local(when).date()
        self._apply_checks(when, visit, day, marked)
        if not outcome.actions and not outcome.violation:
            return
        source = Source(visit.id, visit.uuid, visit.office.id, self.local(visit.start).date())
        for finding in outcome.actions:
            self._new_action(when, source, finding, day)
        if source.actions:
            self._schedule_follow_up(when, source)
        if self.desk is not None:
            self.desk.on_finalized(when, source, outcome.facts)

    def _apply_checks(self, when, visit: Visit, day: date, marked) -> None:
        """`followups.apply_checks`: corrected findings close, the others stay open."""
        sources: dict[int, Source] = {}
        for action, result in marked:
            if action.status in ACTION_CLOSED:
                continue
            sources[action.source.id] = action.source
            if result == CheckResult.CORRECTED:
                action.status, action.closed_at = ActionState.VERIFIED.value, when
                action.verified_by_id = visit.id
                self._settled(action)
            elif action.status in (ActionState.CORRECTED, ActionState.REPLIED):
                self._reopen(when, action)
        for source in sources.values():
            if self.desk is not None:
                self.desk.refresh(when, source)
            self._settle_follow_up(source, day, visit.id)

    def _new_action(self, when: datetime, source: Source, finding, day: date) -> None:
        action = ActionRecord(
            id=self.ids("corrective_actions"),
            source=source,
            **{name: getattr(finding, name) for name in FINDING_FIELDS},
            due_date=add_working_days(day, self.critical_days if finding.critical else self.days),
            created_at=when,
        )
        source.actions.append(action)
        self.unsettled.setdefault(source.office_id, []).append(action)
        self.timeline.at(self.tick_after(action.due_date), self._overdue, action)
        head = self.staff.heads.get(source.office_id)
        if head is not None and self.rng.random() >= IGNORED_SHARE:
            moment = when + timedelta(days=2, hours=action.id % 20)
            self.timeline.at(moment, self._reply, action)

    def _schedule_follow_up(self, when: datetime, source: Source) -> None:
        last = max(action.due_date for action in source.actions)
        source.follow_up = {
            "id": self.ids("follow_ups"),
            "office_id": source.office_id,
            "source_id": source.id,
            "due_date": add_working_days(last, self.follow_up_days),
            "status": FollowUpStatus.SCHEDULED,
            "done_by_id": None,
            "created_at": when,
        }
        self.follow_ups[source.id] = source.follow_up

    def _overdue(self, when: datetime, action: ActionRecord) -> None:
        """`sidak tick`: an open action past its deadline."""
        if action.status == OPEN and self.local(when).date() > action.due_date:
            action.status = OVERDUE

    def _reopen(self, when: datetime, action: ActionRecord) -> None:
        """Back to open; already overdue if the deadline passed (as the pages show it)."""
        late = self.local(when).date() > action.due_date
        action.status = OVERDUE if late else OPEN

    def _reply(self, when: datetime, action: ActionRecord) -> None:
        """The office head answers: evidence of correction, or an objection in time."""
        if action.status not in (OPEN, OVERDUE):
            return
        head = self.staff.heads[action.source.office_id]
        objection = (
            not action.critical
            and action.status == OPEN
            and self.local(when).date() <= action.due_date
            and self.rng.random() < OBJECTION_SHARE
        )
        kind = ReplyKind.OBJECTION if objection else ReplyKind.EVIDENCE
        reply = {
            "id": self.ids("action_replies"),
            "action_id": action.id,
            "kind": kind,
            "note": self.rng.choice(OBJECTION_NOTES if objection else EVIDENCE_NOTES),
            "created_by_id": head.id,
            "created_at": when,
            "verdict": None,
            "verdict_reason": "",
            "decided_by_id": None,
            "decided_at": None,
        }
        action.replies.append(reply)
        action.status = (ActionState.OBJECTED if objection else ActionState.REPLIED).value
        self.timeline.at(when + timedelta(hours=22), self._judge, action, reply)

    def _judge(self, when: datetime, action: ActionRecord, reply: dict) -> None:
        """The city accepts or rejects the reply; a rejected one is tried once more."""
        if action.status in ACTION_CLOSED:
            return  # a follow-up visit settled it first; the reply stays undecided
        objection = reply["kind"] == ReplyKind.OBJECTION
        rejected = self.rng.random() < (OBJECTION_REJECT_SHARE if objection else REJECT_SHARE)
        reply.update(verdict="rejected" if rejected else "accepted", decided_at=when)
        reply.update(decided_by_id=self.staff.city.id)
        if rejected:
            reply["verdict_reason"] = self.rng.choice(REJECTIONS)
        if action.status in (ActionState.REPLIED, ActionState.OBJECTED):
            if rejected:
                self._reopen(when, action)
                if len(action.replies) == 1:
                    self.timeline.at(when + timedelta(days=4), self._reply, action)
            elif objection:
                action.status, action.closed_at = ActionState.WITHDRAWN.value, when
                self._settled(action)
            else:
                action.status = ActionState.CORRECTED.value
        if self.desk is not None:
            self.desk.refresh(when, action.source)
        self._settle_if_closed(action.source)

    def _settle_follow_up(self, source: Source, day: date, visit_id: int) -> None:
        """After a follow-up visit: done when every finding is settled, else again later."""
        follow_up = self.follow_ups.get(source.id)
        if follow_up is None:
            return
        if any(action.status not in ACTION_CLOSED for action in source.actions):
            follow_up["due_date"] = add_working_days(day, self.follow_up_days)
            return
        follow_up.update(status=FollowUpStatus.DONE, done_by_id=visit_id)
        self.sink.add("follow_ups", self.follow_ups.pop(source.id))

    def _settle_if_closed(self, source: Source) -> None:
        if source.id in self.follow_ups and all(
            action.status in ACTION_CLOSED for action in source.actions
        ):
            self.follow_ups[source.id]["status"] = FollowUpStatus.DONE
            self.sink.add("follow_ups", self.follow_ups.pop(source.id))

    def _settled(self, action: ActionRecord) -> None:
        """A closed action is written with its replies and checks, and forgotten."""
        self.unsettled[action.source.office_id].remove(action)
        self._write(action)

    def _write(self, action: ActionRecord) -> None:
        self.sink.add("corrective_actions", action.row())
        for check in action.checks:
            self.sink.add("follow_up_checks", check)
        for reply in action.replies:
            self.sink.add("action_replies", reply)

    def close(self, now: datetime) -> None:
        """Let everything up to `now` happen, then write what is still open as it stands."""
        self.timeline.run_until(now)
        for actions in self.unsettled.values():
            for action in actions:
                self._write(action)
        self.unsettled.clear()
        for follow_up in self.follow_ups.values():
            self.sink.add("follow_ups", follow_up)
        self.follow_ups.clear()
        if self.desk is not None:
            self.desk.close()
