"""Demo data for a first look: the offices of Kota Sukamaju, one account per role, and four
months of inspections made through the real services.

It is loaded into an empty database only, once: a database with any account, office or
inspection is left as it is (`make run` loads the demo on every start, also on a server).
"""

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from enum import StrEnum
from importlib import resources

from sqlalchemy import func, select

from sidak.demo.clock import HistoricalClock
from sidak.demo.decisions import DemoDecisions
from sidak.demo.history import record_visit
from sidak.demo.people import DEMO_ACCOUNTS, DEMO_PASSWORD, DemoAccount, create_accounts
from sidak.demo.schedule import HISTORY_DAYS, plan
from sidak.models import AuditEvent, Inspection, Office, User, db, utcnow
from sidak.services import audit
from sidak.services.checklists import SyncReport, current_checklists, sync_folder
from sidak.services.office_import import import_offices

__all__ = ["DEMO_ACCOUNTS", "DEMO_PASSWORD", "DemoAccount", "DemoReport", "DemoState", "load_demo"]

OFFICES_FILE = "offices.csv"
#: the audit event that says the demo was loaded completely
LOADED_ACTION = "demo.load"
#: people have read their notifications older than this
READ_AFTER_DAYS = 3


class DemoState(StrEnum):
    EMPTY = "empty"  #: nothing in the database: the demo may be loaded
    LOADED = "loaded"  #: the demo was loaded completely, now or before
    OTHER = "other"  #: real data, or a demo load that was interrupted


@dataclass
class DemoReport:
    #: the state before this run
    state: DemoState
    checklists: SyncReport
    offices: int = 0
    accounts: int = 0
    #: inspections by status (``draft``, ``submitted``, ``finalized``)
    inspections: dict[str, int] = field(default_factory=dict)
    #: planned visits left out because their checklist is not registered
    skipped: list[str] = field(default_factory=list)

    @property
    def loaded(self) -> bool:
        """Whether this run loaded the demo."""
        return self.state is DemoState.EMPTY


def demo_state() -> DemoState:
    if db.session.scalar(select(AuditEvent.id).where(AuditEvent.action == LOADED_ACTION)):
        return DemoState.LOADED
    for model in (User, Office, Inspection):
        if db.session.scalar(select(model.id).limit(1)) is not None:
            return DemoState.OTHER
    return DemoState.EMPTY


def load_demo(
    checklists_folder: str, inspections: int | None = None, now: datetime | None = None
) -> DemoReport:
    """Load the demo into an empty database; otherwise only sync the checklists.

    `inspections` caps the number of inspections (tests load a few); `now` is the moment
    the history ends. Commits as the services do, one step at a time.
    """
    state = demo_state()
    if state is not DemoState.EMPTY:
        return DemoReport(state, sync_folder(checklists_folder))
    now = now or utcnow()
    with HistoricalClock(now - timedelta(days=HISTORY_DAYS + 14)).running() as clock:
        report = DemoReport(state, sync_folder(checklists_folder))
        offices = _import_offices()
        users = create_accounts()
        available = {record.key for record in current_checklists()}
        by_name = {office.name: office for office in offices}
        city = DemoDecisions(clock)
        for visit in plan(offices, now, inspections):
            if visit.checklist not in available:
                report.skipped.append(f"{visit.office} ({visit.checklist})")
                continue
            city.catch_up(visit.start)
            record_visit(visit, by_name[visit.office], users, clock)
        city.catch_up(now)
        city.read_notifications(older_than=now - timedelta(days=READ_AFTER_DAYS))
    report.offices, report.accounts = len(offices), len(users)
    report.inspections = _count_by_status()
    audit.record(LOADED_ACTION, object_type="demo", **report.inspections, offices=len(offices))
    db.session.commit()
    return report


def _import_offices() -> list[Office]:
    data = resources.files(__name__).joinpath(OFFICES_FILE).read_bytes()
    result = import_offices(data, OFFICES_FILE)
    if not result.ok:  # the file ships with the code: a problem here is a bug
        raise RuntimeError("\n".join(result.problems))
    return list(db.session.scalars(select(Office).order_by(Office.id)))


def _count_by_status() -> dict[str, int]:
    query = select(Inspection.status, func.count(Inspection.id)).group_by(Inspection.status)
    return dict(db.session.execute(query).all())
