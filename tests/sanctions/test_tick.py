"""`sidak tick`: deadlines pass, sanctions escalate, reminders go out, and a second run on
the same day changes nothing. Pages show the right state even before the tick has run."""

from datetime import timedelta

from sqlalchemy import func, select

from sidak.models import (
    AuditEvent,
    CorrectiveAction,
    FollowUp,
    Notification,
    OutgoingMail,
    Sanction,
    db,
)
from sidak.services.sanctions import decisions
from sidak.services.sanctions.ladder import city_today
from sidak.services.sanctions.tick import tick
from tests.sanctions.conftest import log_in, start, violate_and_finalize


def _counts() -> tuple[int, ...]:
    return tuple(
        db.session.scalar(select(func.count()).select_from(model))
        for model in (Sanction, Notification, OutgoingMail, AuditEvent)
    ) + tuple(
        db.session.scalar(select(func.count()).where(CorrectiveAction.status == state))
        for state in ("open", "overdue")
    )


def _issued(client, people):
    office, _, city = people
    log_in(client, "budi")
    violate_and_finalize(client, start(client, office))
    sanction = db.session.scalar(select(Sanction))
    with client.application.test_request_context():
        decisions.issue(city, sanction)
    return sanction


def test_a_passed_deadline_escalates_once_and_a_second_tick_changes_nothing(
    client, people, ladder, runner
):
    sanction = _issued(client, people)
    level = sanction.level
    day_after = sanction.due_date + timedelta(days=1)

    report = tick(day_after)
    assert report.changed
    db.session.refresh(sanction)
    assert sanction.status == "escalated"
    successor = sanction.escalated_to
    assert successor.status == "proposed"
    assert successor.level == ladder.levels[ladder.index(level) + 1].id
    assert sanction.number in successor.reason
    overdue = db.session.scalars(
        select(CorrectiveAction).where(CorrectiveAction.status == "overdue")
    )
    assert all(a.due_date < day_after for a in overdue)
    kinds = {n.kind for n in db.session.scalars(select(Notification))}
    assert {"sanction.escalated", "deadline.passed"} <= kinds
    before = _counts()

    again = tick(day_after)
    assert not again.changed and again.reminders == 0
    assert _counts() == before

    result = runner.invoke(args=["tick", "--date", day_after.isoformat(), "--no-mail"])
    assert result.exit_code == 0, result.output
    assert "sanksi dinaikkan: 0" in result.output and "tindakan lewat batas: 0" in result.output
    assert _counts() == before


def test_reminder_three_days_before_is_sent_once(client, people):
    _, head, _ = people
    sanction = _issued(client, people)
    action = db.session.scalar(select(CorrectiveAction).where(CorrectiveAction.critical))
    today = action.due_date - timedelta(days=3)
    tick(today)
    tick(today)
    reminders = list(
        db.session.scalars(select(Notification).where(Notification.kind == "deadline.soon"))
    )
    assert [n.user_id for n in reminders].count(head.id) >= 1
    assert len(reminders) == len({n.once_key for n in reminders})
    assert sanction.status == "issued"


def test_pages_show_overdue_before_the_tick_has_run(client, people):
    sanction = _issued(client, people)
    sanction.due_date -= timedelta(days=30)
    for action in db.session.scalars(select(CorrectiveAction)):
        action.due_date = action.due_date - timedelta(days=30)
    db.session.commit()
    log_in(client, "kepala")
    portal = client.get("/kantor-saya").get_data(as_text=True)
    assert "Lewat batas waktu" in portal and "lewat" in portal
    log_in(client, "walikota")
    page = client.get(f"/sanksi/{sanction.id}").get_data(as_text=True)
    assert "Lewat batas waktu" in page
    assert db.session.get(Sanction, sanction.id).status == "issued"  # stored: the tick's job


def test_the_portal_says_a_follow_up_visit_is_still_to_come_after_its_date(client, people):
    _issued(client, people)
    visit = db.session.scalar(select(FollowUp))  # scheduled when the record was finalized
    visit.due_date = city_today() + timedelta(days=5)
    db.session.commit()
    log_in(client, "kepala")
    ahead = client.get("/kantor-saya").get_data(as_text=True)
    assert "Inspeksi lanjutan dijadwalkan sekitar" in ahead and "belum dilakukan" not in ahead
    visit.due_date = city_today() - timedelta(days=3)
    db.session.commit()
    late = client.get("/kantor-saya").get_data(as_text=True)
    assert "belum dilakukan: tim pemeriksa dapat datang kapan saja" in late
