"""The demo's people: one account per role, the joint inspection team, the offices' staff."""

from dataclasses import dataclass

from sqlalchemy import select

from sidak.models import Office, Role, User, db
from sidak.services.accounts import create_user

DEMO_PASSWORD = "sidak-demo"

SATPOL_PP = "Satpol PP"
DINKES = "Dinas Kesehatan"


@dataclass(frozen=True)
class DemoAccount:
    username: str
    full_name: str
    role: Role
    #: inspectors: the agency they come from
    agency: str = ""
    #: office heads: the name of the office they answer for
    office: str | None = None

    @property
    def description(self) -> str:
        """The name with the agency or office, for the list the command prints."""
        where = self.agency or self.office
        return f"{self.full_name} ({where})" if where else self.full_name


DEMO_ACCOUNTS = (
    DemoAccount("admin", "Admin Sidak", Role.ADMIN),
    DemoAccount("kota", "Wulan Puspitasari, S.IP. (Sekretariat Daerah)", Role.CITY),
    DemoAccount("inspektur", "Bayu Saputra", Role.INSPECTOR, agency=SATPOL_PP),
    DemoAccount("satpol.andi", "Andi Pratama", Role.INSPECTOR, agency=SATPOL_PP),
    DemoAccount("dinkes.rina", "Rina Marlina, S.K.M.", Role.INSPECTOR, agency=DINKES),
    DemoAccount("dinkes.fajar", "Fajar Nugraha, S.Kep.", Role.INSPECTOR, agency=DINKES),
    DemoAccount("kepala", "dr. Sri Handayani", Role.OFFICE_HEAD, office="Puskesmas Cibeureum"),
    DemoAccount(
        "kepala.mpp",
        "Drs. Heru Santoso, M.Si.",
        Role.OFFICE_HEAD,
        office="Mal Pelayanan Publik Kota Sukamaju",
    ),
    DemoAccount(
        "kepala.dukcapil",
        "Drs. H. Asep Saepudin, M.Si.",
        Role.OFFICE_HEAD,
        office="Dinas Kependudukan dan Pencatatan Sipil",
    ),
)

#: team members from outside the city government, with their agency
OUTSIDERS = (
    ("Bripka Dedi Kurniawan", "Polres Sukamaju"),
    ("Aipda Slamet Riyadi", "Polres Sukamaju"),
    ("Serka Agus Wahyudi", "Kodim Sukamaju"),
    ("Sertu Hendra Saputra", "Kodim Sukamaju"),
)

#: staff who receive the team when the head is out, by kind of office
HEALTH_STAFF = (
    "Bd. Eti Rohaeti, A.Md.Keb.",
    "Ns. Iis Nurjanah, S.Kep.",
    "Yayan Sopyan, S.K.M.",
    "apt. Lina Herlina, S.Farm.",
)
OFFICE_STAFF = (
    "Rini Apriyani, S.E.",
    "Dodi Permana, S.Kom.",
    "Agus Rahmat, S.H.",
    "Sri Mulyani, S.Sos.",
    "Taufik Hidayat, S.IP.",
    "Yuli Astuti, A.Md.",
)
#: who witnesses a refusal to sign when no outsider is on the team
GUARDS = ("Ujang Suryana (petugas keamanan)", "Dede Rohman (petugas keamanan)")


def create_accounts() -> dict[str, User]:
    """Every demo account, office heads bound to their office; commit."""
    offices = {office.name: office for office in db.session.scalars(select(Office))}
    users = {}
    for account in DEMO_ACCOUNTS:
        user = create_user(account.username, account.full_name, DEMO_PASSWORD, account.role)
        user.agency = account.agency
        if account.office is not None:
            user.office_id = offices[account.office].id
        users[account.username] = user
    db.session.commit()
    return users


def inspectors() -> list[DemoAccount]:
    return [account for account in DEMO_ACCOUNTS if account.role == Role.INSPECTOR]
