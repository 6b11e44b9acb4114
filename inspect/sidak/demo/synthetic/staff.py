"""The people of the generated city: the demo's accounts, more inspectors, some office heads.

Accounts are made through `sidak.services.accounts` (all with the demo password); the
inspection rows only need who they are, which `Person` keeps.
"""

import random
from dataclasses import dataclass

from sidak.demo.people import DEMO_ACCOUNTS, DEMO_PASSWORD, DINKES, SATPOL_PP
from sidak.demo.synthetic.city import CityOffice
from sidak.demo.synthetic.names import person
from sidak.models import Role, User, db
from sidak.services.accounts import create_user

#: inspectors per office, and the fewest and most a city has
INSPECTORS = (0.1, 4, 20)
#: share of offices whose head has an account (and answers findings)
HEADS_SHARE = 0.1


@dataclass(frozen=True)
class Person:
    id: int
    username: str
    full_name: str
    agency: str = ""


@dataclass
class Staff:
    admin: Person
    city: Person
    inspectors: list[Person]
    #: office id -> its head's account
    heads: dict[int, Person]

    @property
    def count(self) -> int:
        return 2 + len(self.inspectors) + len(self.heads)


def create_staff(offices: list[CityOffice], rng: random.Random) -> Staff:
    """Every account; commits."""
    by_name = {office.name: office for office in offices}
    made: dict[str, User] = {}
    for account in DEMO_ACCOUNTS:
        office = by_name.get(account.office) if account.office else None
        if account.office and office is None:
            continue  # a small city may lack this head's office
        user = create_user(account.username, account.full_name, DEMO_PASSWORD, account.role)
        user.agency, user.office_id = account.agency, office.id if office else None
        made[account.username] = user
    share, fewest, most = INSPECTORS
    _more_inspectors(made, min(most, max(fewest, round(len(offices) * share))), rng)
    _more_heads(made, offices, rng)
    db.session.commit()
    users = list(made.values())
    return Staff(
        admin=_person(next(u for u in users if u.role == Role.ADMIN)),
        city=_person(next(u for u in users if u.role == Role.CITY)),
        inspectors=[_person(u) for u in users if u.role == Role.INSPECTOR],
        heads={u.office_id: _person(u) for u in users if u.role == Role.OFFICE_HEAD},
    )


def _more_inspectors(made: dict[str, User], wanted: int, rng: random.Random) -> None:
    """Inspectors from Satpol PP and Dinas Kesehatan, in turn, up to `wanted`."""
    have = sum(1 for user in made.values() if user.role == Role.INSPECTOR)
    for index in range(wanted - have):
        agency = SATPOL_PP if index % 2 == 0 else DINKES
        first, last = person(rng)
        username = f"{'satpol' if agency == SATPOL_PP else 'dinkes'}.{first.lower()}"
        while username in made:
            username += str(rng.randint(0, 9))
        title = ", S.K.M." if agency == DINKES and rng.random() < 0.5 else ""
        user = create_user(username, f"{first} {last}{title}", DEMO_PASSWORD, Role.INSPECTOR)
        user.agency = agency
        made[username] = user


def _more_heads(made: dict[str, User], offices: list[CityOffice], rng: random.Random) -> None:
    """Heads for a tenth of the offices (those of the demo accounts already have one)."""
    taken = {user.office_id for user in made.values() if user.office_id is not None}
    wanted = max(len(taken), round(len(offices) * HEADS_SHARE)) - len(taken)
    others = [office for office in offices if office.id not in taken and office.head_name]
    for office in sorted(rng.sample(others, min(wanted, len(others))), key=lambda o: o.id):
        username = f"kepala.{office.id:03d}"
        user = create_user(username, office.head_name, DEMO_PASSWORD, Role.OFFICE_HEAD)
        user.office_id = office.id
        made[username] = user


def _person(user: User) -> Person:
    return Person(user.id, user.username, user.full_name, user.agency)
