"""Accounts: creating users, checking passwords, ending sessions."""

import secrets

from flask_babel import gettext as _
from sqlalchemy import select

from sidak.ids import parse_id
from sidak.models import Role, User, db


class AccountError(ValueError):
    """A user could not be created or changed; the message is for people."""


def user_for_session(session_id: str) -> User | None:
    """The user a session cookie names, if the session is still valid."""
    user_id, _, token = session_id.partition(":")
    number = parse_id(user_id)
    if number is None or not token:
        return None
    user = db.session.get(User, number)
    if user is None or not secrets.compare_digest(user.session_token, token):
        return None
    return user


def authenticate(username: str, password: str) -> User | None:
    """The active user with these credentials, or None."""
    user = db.session.scalar(select(User).where(User.username == username.strip().lower()))
    if user is None or not user.active or not user.check_password(password):
        return None
    return user


def create_user(username: str, full_name: str, password: str, role: Role) -> User:
    """Create and commit a user; raises AccountError with an Indonesian message."""
    problem = username_problem(username) or password_problem(password)
    if problem:
        raise AccountError(problem)
    user = add_user(username, full_name.strip() or username.strip().lower(), password, role)
    db.session.commit()
    return user


def end_all_sessions(user: User) -> None:
    """Invalidate every cookie issued to this user (logout, password change)."""
    user.session_token = secrets.token_hex(16)
    db.session.commit()


def username_problem(username: str) -> str | None:
    """Why `username` cannot name a new account, or None."""
    username = username.strip().lower()
    if not username or len(username) > 64:
        return _("Nama pengguna wajib diisi (paling banyak 64 karakter).")
    if db.session.scalar(select(User.id).where(User.username == username)) is not None:
        return _("Nama pengguna '%(username)s' sudah dipakai.", username=username)
    return None


def password_problem(password: str) -> str | None:
    """Why `password` is refused, or None."""
    return _("Kata sandi minimal 8 karakter.") if len(password) < 8 else None


def add_user(username: str, full_name: str, password: str, role: Role, **attributes) -> User:
    """Add an account to the session without committing: the caller commits it together
    with its audit event. Check `username_problem` and `password_problem` first."""
    user = User(username=username.strip().lower(), full_name=full_name.strip(), role=Role(role))
    for name, value in attributes.items():
        setattr(user, name, value)
    user.set_password(password)
    user.session_token = secrets.token_hex(16)
    db.session.add(user)
    return user
