"""Accounts as admins manage them: who has which role, for which office, and who is active.

Changing a role, deactivating or resetting a password ends the person's sessions at once,
so what they may do never lags behind what an admin decided.
"""

from dataclasses import asdict, dataclass

from flask_babel import gettext as _
from flask_sqlalchemy.pagination import Pagination
from sqlalchemy import select

from sidak.models import Office, Role, User, db
from sidak.services import audit
from sidak.services.accounts import (
    add_user,
    end_all_sessions,
    password_problem,
    username_problem,
)
from sidak.services.offices import EMAIL

PER_PAGE = 50


class UserInvalid(ValueError):
    """Account values were refused; `problems` maps each field to its message."""

    def __init__(self, problems: dict[str, str]):
        super().__init__("; ".join(problems.values()))
        self.problems = problems


@dataclass(frozen=True)
class Profile:
    """What an admin decides about an account besides its username and password."""

    full_name: str
    role: str
    office_id: int | None = None
    #: inspectors: the agency they come from
    agency: str = ""
    active: bool = True
    #: where notifications are mailed; empty: none by mail
    email: str = ""


def find_users(page: int = 1) -> Pagination:
    """Every account by username, inactive ones included."""
    return db.paginate(
        select(User).order_by(User.username), page=page, per_page=PER_PAGE, error_out=False
    )


def office_names(users: list[User]) -> dict[int, str]:
    """The names of the offices these accounts answer for, by office id."""
    ids = {user.office_id for user in users if user.office_id is not None}
    rows = db.session.execute(select(Office.id, Office.name).where(Office.id.in_(ids)))
    return dict(rows.all())


def assignable_offices(current_id: int | None = None) -> list[Office]:
    """Active offices by name, plus the office an account already has."""
    query = select(Office).where((Office.active.is_(True)) | (Office.id == current_id))
    return list(db.session.scalars(query.order_by(Office.name)))


def create_account(username: str, password: str, profile: Profile) -> User:
    """Check, add and commit an account with a ``user.create`` event; raises UserInvalid."""
    profile = _tidy(profile)
    problems = _profile_problems(profile)
    if message := username_problem(username):
        problems["username"] = message
    if message := password_problem(password):
        problems["password"] = message
    if problems:
        raise UserInvalid(problems)
    fields = asdict(profile)
    user = add_user(username, password=password, **fields)
    db.session.flush()
    audit.record(
        "user.create", object_type="user", object_id=user.id, username=user.username, **fields
    )
    db.session.commit()
    return user


def update_account(user: User, profile: Profile, *, actor: User) -> bool:
    """Check and commit `profile` with a ``user.update`` event; True if sessions were ended.

    Raises UserInvalid, also when `actor` would demote or deactivate their own account.
    """
    profile = _tidy(profile)
    problems = _profile_problems(profile, current_office_id=user.office_id)
    if user.id == actor.id and profile.role != Role.ADMIN:
        problems["role"] = _("Anda tidak dapat mengubah peran akun Anda sendiri.")
    if user.id == actor.id and not profile.active:
        problems["active"] = _("Anda tidak dapat menonaktifkan akun Anda sendiri.")
    if problems:
        raise UserInvalid(problems)
    old = _snapshot(user)
    for name, value in asdict(profile).items():
        setattr(user, name, value)
    new = _snapshot(user)
    if old == new:
        return False
    ends_sessions = old["role"] != new["role"] or (old["active"] and not new["active"])
    audit.record(
        "user.update",
        object_type="user",
        object_id=user.id,
        username=user.username,
        old=old,
        new=new,
        sessions_ended=ends_sessions,
    )
    if ends_sessions:
        end_all_sessions(user)  # commits the change and its event with it
    else:
        db.session.commit()
    return ends_sessions


def reset_password(user: User, password: str) -> None:
    """Set a new password and end every session; raises UserInvalid if it is refused."""
    if message := password_problem(password):
        raise UserInvalid({"password": message})
    user.set_password(password)
    audit.record(
        "user.password_reset", object_type="user", object_id=user.id, username=user.username
    )
    end_all_sessions(user)


def _tidy(profile: Profile) -> Profile:
    return Profile(
        full_name=" ".join(profile.full_name.split()),
        role=profile.role,
        office_id=profile.office_id,
        agency=" ".join(profile.agency.split()),
        active=profile.active,
        email=profile.email.strip(),
    )


def _profile_problems(profile: Profile, current_office_id: int | None = None) -> dict[str, str]:
    problems: dict[str, str] = {}
    if not profile.full_name or len(profile.full_name) > 200:
        problems["full_name"] = _("Nama lengkap wajib diisi (paling banyak 200 karakter).")
    if profile.role not in {role.value for role in Role}:
        problems["role"] = _("Pilih peran dari daftar.")
    elif profile.role == Role.OFFICE_HEAD:
        if profile.office_id is None:
            problems["office_id"] = _("Kepala kantor wajib dikaitkan dengan satu kantor.")
        elif not _office_assignable(profile.office_id, current_office_id):
            problems["office_id"] = _("Kantor ini tidak ada atau sudah nonaktif.")
    elif profile.office_id is not None:
        problems["office_id"] = _("Hanya kepala kantor yang dikaitkan dengan kantor; kosongkan.")
    if profile.role == Role.INSPECTOR and not profile.agency:
        problems["agency"] = _("Instansi wajib diisi untuk inspektur (mis. Satpol PP).")
    if len(profile.agency) > 200:
        problems["agency"] = _("Paling banyak %(num)d karakter.", num=200)
    if message := email_problem(profile.email):
        problems["email"] = message
    return problems


def email_problem(email: str) -> str | None:
    """Why `email` cannot receive notifications, or None (empty is allowed: no mail)."""
    if email and (len(email) > 200 or not EMAIL.match(email)):
        return _("Alamat e-mail tidak valid (contoh: nama@kota.go.id).")
    return None


def _office_assignable(office_id: int, current_office_id: int | None) -> bool:
    office = db.session.get(Office, office_id)
    return office is not None and (office.active or office.id == current_office_id)


def _snapshot(user: User) -> dict[str, object]:
    """The values a ``user.update`` event records before and after."""
    return {
        "full_name": user.full_name,
        "role": str(user.role),
        "office_id": user.office_id,
        "agency": user.agency,
        "active": user.active,
        "email": user.email,
    }
