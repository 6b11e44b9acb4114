"""Sending the queued mail over SMTP: the worker does it after every poll, ``sidak tick`` and
``sidak mail send`` on demand.

A mail server that is down or refuses a message delays it: each failure is counted and
retried later (1, 5, 15, 60 minutes, ...); after `MAX_ATTEMPTS` the message is given up as
failed. A message is claimed before it is sent, so two senders never send the same one.
"""

import logging
import smtplib
import ssl
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import timedelta
from email.message import EmailMessage
from email.utils import format_datetime, parseaddr

from flask import current_app
from sqlalchemy import select, update

from sidak.models import MailStatus, OutgoingMail, db, utcnow

log = logging.getLogger(__name__)

MAX_ATTEMPTS = 8
#: the wait after the 1st, 2nd, ... failure; the last one repeats
BACKOFF_MINUTES = (1, 5, 15, 60, 180, 360, 720)
#: a claimed message is left alone by other senders this long (a sender that died mid-batch)
LEASE_MINUTES = 10
SECURITIES = ("none", "starttls", "ssl")
#: what the server says about one message (a refused address, a rejected body)
MESSAGE_ERRORS = (
    smtplib.SMTPRecipientsRefused,
    smtplib.SMTPResponseException,
    smtplib.SMTPNotSupportedError,
)

_said: set[str] = set()


@dataclass(frozen=True)
class SmtpSettings:
    server: str
    port: int
    username: str
    password: str
    security: str
    sender: str
    timeout: float

    @classmethod
    def from_config(cls, config: Mapping) -> "SmtpSettings":
        return cls(
            server=config.get("MAIL_SERVER") or "",
            port=int(config.get("MAIL_PORT") or 25),
            username=config.get("MAIL_USERNAME") or "",
            password=config.get("MAIL_PASSWORD") or "",
            security=(config.get("MAIL_SECURITY") or "none").lower(),
            sender=config.get("MAIL_FROM") or "Sidak <sidak@localhost>",
            timeout=float(config.get("MAIL_TIMEOUT") or 10),
        )

    def connect(self) -> smtplib.SMTP:
        """A connection, secured and logged in as configured; raises OSError/SMTPException."""
        context = ssl.create_default_context()
        if self.security == "ssl":
            connection = smtplib.SMTP_SSL(
                self.server, self.port, timeout=self.timeout, context=context
            )
        else:
            connection = smtplib.SMTP(self.server, self.port, timeout=self.timeout)
        try:
            if self.security == "starttls":
                connection.starttls(context=context)
                connection.ehlo()
            if self.username:
                connection.login(self.username, self.password)
        except BaseException:
            connection.close()
            raise
        return connection


def deliver(limit: int = 50) -> tuple[int, int]:
    """Send up to `limit` queued messages that are due, over one connection; (sent, failed).

    `failed` counts this round's failed attempts, retried later or given up. Without a mail
    server configured nothing is sent and the mail waits. Commits after every message.
    """
    settings = SmtpSettings.from_config(current_app.config)
    if not settings.server:
        _say_once("SIDAK_MAIL_SERVER is not set: notification e-mail stays queued")
        return 0, 0
    if settings.security not in SECURITIES:
        _say_once(f"SIDAK_MAIL_SECURITY must be one of {SECURITIES}: e-mail stays queued")
        return 0, 0
    mails = _claim(limit)
    if not mails:
        return 0, 0
    try:
        connection = settings.connect()
    except (OSError, smtplib.SMTPException) as exc:
        log.warning("mail server %s:%s unreachable: %s", settings.server, settings.port, exc)
        for mail in mails:
            _failed(mail, exc)
        db.session.commit()
        return 0, len(mails)
    try:
        return _send_all(connection, mails, settings.sender)
    finally:
        _close(connection)


def _send_all(connection: smtplib.SMTP, mails: list[OutgoingMail], sender: str) -> tuple[int, int]:
    sent = failed = 0
    for index, mail in enumerate(mails):
        try:
            refused = connection.send_message(build_message(mail, sender))
        except smtplib.SMTPServerDisconnected as exc:
            _connection_lost(mails[index:], exc)
            return sent, failed + 1
        except (*MESSAGE_ERRORS, ValueError) as exc:
            _failed(mail, exc)  # this message only: the connection carries on
            failed += 1
        except OSError as exc:  # a timeout, a reset: the connection is gone
            _connection_lost(mails[index:], exc)
            return sent, failed + 1
        else:
            if refused:
                _failed(mail, smtplib.SMTPRecipientsRefused(refused))
                failed += 1
            else:
                mail.status, mail.sent_at, mail.last_error = MailStatus.SENT, utcnow(), ""
                sent += 1
        db.session.commit()
    return sent, failed


def _connection_lost(unsent: list[OutgoingMail], exc: Exception) -> None:
    """The message in hand failed; the ones after it were not tried: they go again next time."""
    log.warning("mail server connection lost: %s", exc)
    _failed(unsent[0], exc)
    for mail in unsent[1:]:
        mail.next_attempt_at = utcnow()
    db.session.commit()


def _close(connection: smtplib.SMTP) -> None:
    try:
        connection.quit()
    except (OSError, smtplib.SMTPException):
        connection.close()


def _claim(limit: int) -> list[OutgoingMail]:
    """The due messages this sender may send: each is pushed out of other senders' reach."""
    now = utcnow()
    due = (OutgoingMail.status == MailStatus.QUEUED, OutgoingMail.next_attempt_at <= now)
    ids = list(
        db.session.scalars(
            select(OutgoingMail.id)
            .where(*due)
            .order_by(OutgoingMail.next_attempt_at, OutgoingMail.id)
            .limit(limit)
        )
    )
    claimed = []
    for mail_id in ids:
        result = db.session.execute(
            update(OutgoingMail)
            .where(OutgoingMail.id == mail_id, *due)
            .values(next_attempt_at=now + timedelta(minutes=LEASE_MINUTES))
            .execution_options(synchronize_session=False)
        )
        if result.rowcount == 1:
            claimed.append(mail_id)
    db.session.commit()
    if not claimed:
        return []
    query = select(OutgoingMail).where(OutgoingMail.id.in_(claimed)).order_by(OutgoingMail.id)
    return list(db.session.scalars(query))


def _failed(mail: OutgoingMail, exc: Exception) -> None:
    mail.attempts += 1
    mail.last_error = error_text(exc)[:1000]
    if mail.attempts >= MAX_ATTEMPTS:
        mail.status = MailStatus.FAILED
        log.error("mail %s to %s given up: %s", mail.id, mail.recipient, mail.last_error)
        return
    wait = BACKOFF_MINUTES[min(mail.attempts, len(BACKOFF_MINUTES)) - 1]
    mail.next_attempt_at = utcnow() + timedelta(minutes=wait)


def error_text(exc: Exception) -> str:
    """What went wrong, as the server said it."""
    if isinstance(exc, smtplib.SMTPRecipientsRefused):
        return "; ".join(
            f"{address}: {code} {_text(reply)}" for address, (code, reply) in exc.recipients.items()
        )
    if isinstance(exc, smtplib.SMTPResponseException):
        return f"{exc.smtp_code} {_text(exc.smtp_error)}"
    return f"{type(exc).__name__}: {exc}"


def _text(reply: bytes | str) -> str:
    return reply.decode(errors="replace") if isinstance(reply, bytes) else str(reply)


def build_message(mail: OutgoingMail, sender: str) -> EmailMessage:
    """The message as sent: plain UTF-8 text, one part, never an attachment."""
    domain = parseaddr(sender)[1].rpartition("@")[2] or "localhost"
    message = EmailMessage()
    message["From"] = sender
    message["To"] = mail.recipient
    message["Subject"] = mail.subject
    message["Date"] = format_datetime(mail.created_at)
    # the same id on every attempt: a receiver can tell a retry from a second message
    message["Message-ID"] = f"<sidak.{mail.id}.{int(mail.created_at.timestamp())}@{domain}>"
    message["Auto-Submitted"] = "auto-generated"
    message["X-Auto-Response-Suppress"] = "All"
    message.set_content(mail.body, charset="utf-8", cte="quoted-printable")
    message["Content-Language"] = mail.language  # after set_content, which drops Content-*
    return message


def _say_once(warning: str) -> None:
    if warning not in _said:
        _said.add(warning)
        log.warning(warning)
