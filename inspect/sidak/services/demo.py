"""Demo data for a first look: one account per role and the shipped checklists."""

from dataclasses import dataclass

from sqlalchemy import func, select

from sidak.models import Role, User, db
from sidak.services.accounts import create_user
from sidak.services.checklists import SyncReport, sync_folder

DEMO_PASSWORD = "sidak-demo"

DEMO_ACCOUNTS = (
    ("admin", "Admin Sidak", Role.ADMIN),
    ("kota", "Rina Wulandari (Sekretariat Daerah)", Role.CITY),
    ("inspektur", "Bayu Saputra (Satpol PP)", Role.INSPECTOR),
    ("kepala", "dr. Sri Handayani (Kepala Puskesmas)", Role.OFFICE_HEAD),
)


@dataclass
class DemoReport:
    accounts_created: bool
    checklists: SyncReport


def load_demo(checklists_folder: str) -> DemoReport:
    """Load the demo data once: running it again keeps what is there."""
    empty = db.session.scalar(select(func.count(User.id))) == 0
    if empty:
        for username, name, role in DEMO_ACCOUNTS:
            create_user(username, name, DEMO_PASSWORD, role)
    return DemoReport(accounts_created=empty, checklists=sync_folder(checklists_folder))
