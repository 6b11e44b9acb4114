"""Integrations: the city's other systems that read Sidak through the API with their own token.

A token is shown once, when it is made; Sidak keeps only its SHA-256 and its first characters
(so people can tell tokens apart). An integration reads like a person of the role its scope
names: the whole city like the mayor's office, one office like that office's head. Every
creation and revocation is in the audit log with who did it.
"""

import hashlib
import json
import secrets
from dataclasses import dataclass
from datetime import timedelta

from flask_babel import gettext as _
from sqlalchemy import or_, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import selectinload

from sidak.models import AuditEvent, Integration, IntegrationScope, Office, Role, User, db, utcnow
from sidak.services import audit

TOKEN_PREFIX = "sdk_"
#: how many of the token's characters are kept for display ("sdk_" and 8 random ones)
SHOWN = 12
#: `last_used_at` is written at most this often, so reading does not write on every request
TOUCH_EVERY = timedelta(minutes=1)
MAX_REASON = 1000


class IntegrationInvalid(ValueError):
    """Values were refused; `problems` maps each form field to its message."""

    def __init__(self, problems: dict[str, str]):
        super().__init__("; ".join(problems.values()))
        self.problems = problems


@dataclass(frozen=True)
class IntegrationReader:
    """An integration as the permission rules see a person: a role and, maybe, an office."""

    integration_id: int
    role: Role
    office_id: int | None
    #: never a user, so never on an inspection's team
    id: None = None


def token_digest(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def reader_of(integration: Integration) -> IntegrationReader:
    """Scope ``city`` reads like the city role; scope ``office`` like that office's head."""
    if integration.scope == IntegrationScope.OFFICE:
        return IntegrationReader(integration.id, Role.OFFICE_HEAD, integration.office_id)
    return IntegrationReader(integration.id, Role.CITY, None)


def all_integrations() -> list[Integration]:
    """Every integration for the admin list: active ones first, then by name."""
    query = (
        select(Integration)
        .options(
            selectinload(Integration.office),
            selectinload(Integration.created_by),
            selectinload(Integration.revoked_by),
        )
        .order_by(Integration.revoked_at.is_not(None), Integration.name)
    )
    return list(db.session.scalars(query))


def office_choices() -> list[Office]:
    """The offices an integration may be scoped to: active ones, by name."""
    query = select(Office).where(Office.active.is_(True)).order_by(Office.name)
    return list(db.session.scalars(query))


def create_integration(
    name: str, scope: str, office_id: int | None, *, actor: User
) -> tuple[Integration, str]:
    """Make, audit and commit an integration; the token, returned here, is never stored.

    Raises IntegrationInvalid with a message per field.
    """
    name = " ".join(name.split())
    office_id = office_id if scope == IntegrationScope.OFFICE else None
    problems = _problems(name, scope, office_id)
    if problems:
        raise IntegrationInvalid(problems)
    token = TOKEN_PREFIX + secrets.token_urlsafe(32)
    integration = Integration(
        name=name,
        token_hash=token_digest(token),
        token_prefix=token[:SHOWN],
        scope=scope,
        office_id=office_id,
        created_by_id=actor.id,
    )
    db.session.add(integration)
    try:
        db.session.flush()
    except IntegrityError:  # the same name made at the same moment elsewhere
        db.session.rollback()
        raise IntegrationInvalid({"name": _name_taken(name)}) from None
    audit.record(
        "integration.create",
        user=actor,
        object_type="integration",
        object_id=integration.id,
        name=name,
        scope=scope,
        office_id=office_id,
        prefix=integration.token_prefix,
    )
    db.session.commit()
    return integration, token


def _problems(name: str, scope: str, office_id: int | None) -> dict[str, str]:
    problems: dict[str, str] = {}
    if not name or len(name) > 200:
        problems["name"] = _("Nama integrasi wajib diisi (paling banyak 200 karakter).")
    elif db.session.scalar(select(Integration.id).where(Integration.name == name)) is not None:
        problems["name"] = _name_taken(name)
    if scope not in (IntegrationScope.CITY, IntegrationScope.OFFICE):
        problems["scope"] = _("Pilih cakupan: seluruh kota atau satu kantor.")
    elif scope == IntegrationScope.OFFICE:
        office = db.session.get(Office, office_id) if office_id is not None else None
        if office is None or not office.active:
            problems["office_id"] = _("Pilih kantor yang boleh dibaca integrasi ini.")
    return problems


def _name_taken(name: str) -> str:
    return _("Nama '%(name)s' sudah dipakai integrasi lain.", name=name)


def revoke_integration(integration: Integration, reason: str, *, actor: User) -> None:
    """Revoke for ever, audit with the reason and commit; raises IntegrationInvalid."""
    reason = reason.strip()
    if not integration.active:
        raise IntegrationInvalid({"reason": _("Integrasi ini sudah dicabut.")})
    if not reason or len(reason) > MAX_REASON:
        message = _("Tulis alasan pencabutan (paling banyak %(num)d karakter).", num=MAX_REASON)
        raise IntegrationInvalid({"reason": message})
    integration.revoked_at = utcnow()
    integration.revoked_by_id = actor.id
    audit.record(
        "integration.revoke",
        user=actor,
        object_type="integration",
        object_id=integration.id,
        name=integration.name,
        prefix=integration.token_prefix,
        reason=reason,
    )
    db.session.commit()


def revocation_reason(integration: Integration) -> str:
    """Why it was revoked, as the audit log keeps it ("" while active)."""
    if integration.active:
        return ""
    event = db.session.scalar(
        select(AuditEvent)
        .where(
            AuditEvent.action == "integration.revoke",
            AuditEvent.object_type == "integration",
            AuditEvent.object_id == str(integration.id),
        )
        .order_by(AuditEvent.id.desc())
        .limit(1)
    )
    return json.loads(event.detail).get("reason", "") if event is not None else ""


def authenticate(token: str) -> Integration | None:
    """The active integration holding `token`, or None; notes when it was last used."""
    if not token or len(token) > 200:
        return None
    integration = db.session.scalar(
        select(Integration).where(Integration.token_hash == token_digest(token))
    )
    if integration is None or not integration.active:
        return None
    _touch(integration)
    return integration


def _touch(integration: Integration) -> None:
    """Set `last_used_at` if it is a minute old; the condition is in the UPDATE, so two
    requests at once write it once."""
    now = utcnow()
    if integration.last_used_at is not None and now - integration.last_used_at < TOUCH_EVERY:
        return
    db.session.execute(
        update(Integration)
        .where(
            Integration.id == integration.id,
            or_(
                Integration.last_used_at.is_(None),
                Integration.last_used_at <= now - TOUCH_EVERY,
            ),
        )
        .values(last_used_at=now)
    )
    db.session.commit()
