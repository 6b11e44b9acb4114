"""The city's and the offices' side of the demo history: sanctions decided, replies sent
and judged, each through the real services at a plausible moment after the visit.

Before each visit is recorded, everything that would have happened earlier is caught up:
the city decides a proposal a day or two after it, an office head with an account answers
an issued sanction's actions within days, and the city judges the answer the day after.
"""

import random
import secrets
from datetime import datetime, time, timedelta

from sqlalchemy import select, update

from sidak.demo.clock import HistoricalClock
from sidak.demo.pictures import photo_jpeg
from sidak.demo.schedule import JAKARTA
from sidak.domain.sanctions.lifecycle import ActionState, SanctionState
from sidak.models import (
    ActionReply,
    CorrectiveAction,
    Notification,
    Office,
    ReplyKind,
    Role,
    Sanction,
    User,
    db,
)
from sidak.services.accounts import add_user
from sidak.services.reports.letterhead import local_time
from sidak.services.sanctions import decisions, replies
from sidak.services.sanctions.ladder import current_ladder
from sidak.services.sanctions.tick import tick

WAIVE_SHARE = 0.1
#: escalations the city lets go when the office has corrected most findings
WAIVE_ESCALATION_SHARE = 0.6
OTHER_LEVEL_SHARE = 0.05
OBJECTION_SHARE = 0.15
REJECT_SHARE = 0.12
#: answers that come with a photo (the others describe the correction)
PHOTO_SHARE = 0.5
#: findings an office lets pass without an answer (they go overdue)
IGNORED_SHARE = 0.05


class DemoDecisions:
    def __init__(self, clock: HistoricalClock, seed: int = 7):
        self.clock = clock
        self.rng = random.Random(seed)
        self.city = db.session.scalar(select(User).where(User.role == Role.CITY))
        self.heads = _office_heads()
        self.ticked = local_time(clock()).date()
        self.ignored: set[int] = {0}

    def catch_up(self, until: datetime) -> None:
        """Everything due to happen before `until`, in time order; the clock ends at `until`."""
        while (step := self._next_step(until)) is not None:
            moment, act = step
            self.clock.set(moment)
            act()
        self.clock.set(until)

    def _next_step(self, until: datetime):
        steps = [self._tick(), self._decision(), self._reply(), self._judgement()]
        steps = [s for s in steps if s is not None and s[0] < until]
        return min(steps, key=lambda s: s[0]) if steps else None

    def read_notifications(self, older_than: datetime) -> None:
        """People read their notices: all but the last days' are marked read."""
        db.session.execute(
            update(Notification)
            .where(Notification.created_at < older_than, Notification.read_at.is_(None))
            .values(read_at=older_than)
        )
        db.session.commit()

    def _tick(self):
        """The city's cron runs `sidak tick` at one in the morning."""
        day = self.ticked + timedelta(days=1)
        moment = datetime.combine(day, time(1, 0), tzinfo=JAKARTA)

        def run() -> None:
            tick(day)
            self.ticked = day

        return moment, run

    def _decision(self):
        sanction = db.session.scalar(
            select(Sanction)
            .where(Sanction.status == SanctionState.PROPOSED)
            .order_by(Sanction.proposed_at)
            .limit(1)
        )
        if sanction is None or self.city is None:
            return None
        moment = sanction.proposed_at + timedelta(hours=self.rng.choice((20, 26, 44)))
        return moment, lambda: self._decide(sanction)

    def _decide(self, sanction: Sanction) -> None:
        roll = self.rng.random()
        if sanction.escalated_from is not None and roll < WAIVE_ESCALATION_SHARE:
            reason = (
                "Sebagian besar temuan sudah diperbaiki; kepala kantor dibina Sekretariat Daerah."
            )
            decisions.waive(self.city, sanction, reason)
            return
        if roll < WAIVE_SHARE:
            decisions.waive(self.city, sanction, "Pelanggaran ringan; kepala kantor dibina.")
            return
        ladder = current_ladder()
        if roll < WAIVE_SHARE + OTHER_LEVEL_SHARE and ladder is not None:
            index = ladder.index(sanction.proposed_level)
            if index + 1 < len(ladder.levels):
                decisions.issue(
                    self.city,
                    sanction,
                    ladder.levels[index + 1].id,
                    "Pelanggaran di loket pelayanan yang ramai pengunjung.",
                )
                return
        decisions.issue(self.city, sanction)

    def _reply(self):
        """The office answers most findings two or three days after the record is final."""
        query = (
            select(CorrectiveAction)
            .where(
                CorrectiveAction.status == ActionState.OPEN,
                CorrectiveAction.id.not_in(self.ignored),
            )
            .order_by(CorrectiveAction.created_at, CorrectiveAction.id)
            .limit(1)
        )
        action = db.session.scalar(query)
        if action is None:
            return None
        late = len(action.replies)  # a rejected answer is tried again, later
        days = 2 if late == 0 else 6
        if late > 1:
            return action.created_at, lambda: self.ignored.add(action.id)
        moment = action.created_at + timedelta(days=days, hours=action.id % 20)
        if action.office_id not in self.heads or random.Random(action.id).random() < IGNORED_SHARE:
            return moment, lambda: self.ignored.add(action.id)
        return moment, lambda: self._answer(action)

    def _answer(self, action: CorrectiveAction) -> None:
        head = self.heads[action.office_id]
        if self.rng.random() < OBJECTION_SHARE and not action.critical:
            note = "Saat pemeriksaan petugas sedang istirahat; sarana sudah tersedia sejak lama."
            replies.reply(head, action, ReplyKind.OBJECTION, note)
            return
        if self.rng.random() < PHOTO_SHARE:
            picture = photo_jpeg(self.rng.getrandbits(32), f"{action.office.name} - perbaikan")
            replies.reply(
                head, action, ReplyKind.EVIDENCE, "Sudah diperbaiki; foto terlampir.", [picture]
            )
            return
        note = "Sudah diperbaiki sesuai temuan; petugas protokol sudah ditunjuk untuk memantau."
        replies.reply(head, action, ReplyKind.EVIDENCE, note)

    def _judgement(self):
        answer = db.session.scalar(
            select(ActionReply).where(ActionReply.verdict.is_(None)).order_by(ActionReply.id)
        )
        if answer is None or self.city is None:
            return None
        return answer.created_at + timedelta(hours=22), lambda: self._judge(answer)

    def _judge(self, answer: ActionReply) -> None:
        if self.rng.random() < REJECT_SHARE:
            replies.judge(self.city, answer, False, "Foto tidak menunjukkan sarana yang dimaksud.")
        else:
            replies.judge(self.city, answer, True)


def _office_heads() -> dict[int, User]:
    """Every office's head: the demo's three accounts, and one (unprinted, with a random
    password) for each other office, so that every office can answer its findings."""
    heads = {
        u.office_id: u
        for u in db.session.scalars(select(User).where(User.role == Role.OFFICE_HEAD))
    }
    for office in db.session.scalars(select(Office).order_by(Office.id)):
        if office.id in heads or not office.head_name:
            continue
        user = add_user(
            f"kepala.{office.id:03d}", office.head_name, secrets.token_urlsafe(24), Role.OFFICE_HEAD
        )
        user.office_id = office.id
        heads[office.id] = user
    db.session.commit()
    return heads
