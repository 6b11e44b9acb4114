"""The two roll-ups (a month per office, a day for the whole city) stay equal to the summaries
through submission, finalization, correction, and two offices written at the same moment."""

import threading
import time
from datetime import date

from sqlalchemy import select

from sidak.models import CityDay, InspectionSummary, OfficeMonth, db
from sidak.services.analytics import rollups
from sidak.services.analytics.summaries import rebuild_rollup
from sidak.services.inspections.submission import start_correction, submit
from tests.app.test_inspection_flow import fill_everything, sign_all
from tests.sanctions.conftest import log_in, start, violate_and_finalize


def rows(model) -> set[tuple]:
    db.session.expire_all()
    return {tuple(row) for row in db.session.execute(select(*model.__table__.columns))}


def both() -> tuple[set, set]:
    return rows(OfficeMonth), rows(CityDay)


def as_rebuilt() -> tuple[set, set]:
    """What a rebuild from the summaries writes (rolled back afterwards)."""
    rebuild_rollup()
    rebuilt = both()
    db.session.rollback()
    return rebuilt


def test_finalizing_counts_the_findings_as_actions_in_both_roll_ups(client, people):
    office, _head, _city = people
    log_in(client, "budi")
    inspection = violate_and_finalize(client, start(client, office))
    summary = db.session.get(InspectionSummary, inspection.id)
    assert summary.status == "finalized" and summary.findings == 2
    cell = db.session.get(OfficeMonth, (summary.month, office.id, "kantor-pelayanan"))
    day = db.session.get(CityDay, (summary.started_on, "kantor-pelayanan"))
    # before, the office's month kept the findings as those of a record not yet final, so the
    # dashboard counted none of its actions as done once the month was over
    assert (cell.findings, cell.finalized_findings) == (2, 2)
    assert (day.inspections, day.findings, day.finalized_findings) == (1, 2, 2)
    assert (day.week, day.month) == (summary.week, summary.month)
    assert both() == as_rebuilt()


def test_a_correction_moves_its_record_out_of_both_roll_ups(client, people):
    office, _head, _city = people
    log_in(client, "budi")
    first = violate_and_finalize(client, start(client, office))
    correction = start_correction(first.team[0].user, first, "Salah hitung pegawai")
    fill_everything(client, correction.uuid)
    sign_all(client, correction.uuid)
    submit(first.team[0].user, correction)
    day = db.session.get(CityDay, (first.started_at.date(), "kantor-pelayanan"))
    assert day.inspections == 1, "the correction takes its record's place, not a second one"
    assert day.violations == 0 and day.score_sum == round(correction.score * 10)
    assert both() == as_rebuilt()


def test_a_day_with_nothing_left_to_count_has_no_row(app, record_summary, make_office):
    office = make_office()
    inspection = record_summary(office, date(2026, 3, 2), 80.0)
    summary = db.session.get(InspectionSummary, inspection.id)
    rollups.refresh([summary])
    assert db.session.get(CityDay, (date(2026, 3, 2), "kantor-pelayanan")).inspections == 1
    summary.current = False
    db.session.flush()
    rollups.refresh([summary])
    db.session.commit()
    assert rows(CityDay) == set() and rows(OfficeMonth) == set()


def test_two_offices_counted_on_one_day_at_once_are_both_in_the_citys_row(
    app, record_summary, make_office
):
    """Two submissions of one day commit at the same time. On PostgreSQL, without the row lock
    the second would sum the day as it was before the first committed, and its write would
    drop the first's inspection from the city's total."""
    day = date(2026, 3, 2)
    a, b, c = (make_office(name) for name in ("Kantor A", "Kantor B", "Kantor C"))
    record_summary(c, day, 60.0)  # the day's row exists already
    waiting = {office.id: record_summary(office, day, 80.0, current=False).id for office in (a, b)}
    rebuild_rollup()
    db.session.commit()
    a_id, b_id = a.id, b.id
    db.session.close()  # SQLite: no read transaction of this thread in the writers' way
    first_refreshed, go_on = threading.Event(), threading.Event()
    errors = []

    def count(office_id: int, before_commit=None) -> None:
        try:
            with app.app_context():
                summary = db.session.get(InspectionSummary, waiting[office_id])
                summary.current = True
                db.session.flush()
                rollups.refresh([summary])
                if before_commit:
                    before_commit()
                db.session.commit()
                db.session.remove()
        except Exception as error:
            errors.append(error)

    def hold():
        first_refreshed.set()
        go_on.wait(10)

    first = threading.Thread(target=count, args=(a_id, hold))
    second = threading.Thread(target=count, args=(b_id,))
    first.start()
    assert first_refreshed.wait(10)
    second.start()
    time.sleep(1.0)  # the second reaches the lock (or SQLite's write lock) and waits there
    go_on.set()
    first.join(20)
    second.join(20)
    assert errors == []
    row = db.session.get(CityDay, (day, "kantor-pelayanan"))
    assert row.inspections == 3 and row.score_sum == 2200
    assert both() == as_rebuilt()
