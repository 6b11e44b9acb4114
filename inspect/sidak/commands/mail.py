"""``sidak mail send``: send the notification e-mail that is due, now."""

import sys

import click
from flask import current_app
from flask.cli import with_appcontext
from sqlalchemy import func, select

from sidak.models import MailStatus, OutgoingMail, db


@click.group("mail")
def mail_group() -> None:
    """E-mail pemberitahuan."""


@mail_group.command("send")
@with_appcontext
def send_command() -> None:
    """Kirim semua e-mail yang sudah waktunya dikirim, lalu tampilkan jumlahnya.

    Pekerja latar (`sidak worker`, juga yang dijalankan `sidak serve`) sudah mengirimnya
    sendiri; perintah ini untuk mencoba pengaturan SMTP atau mengirim tanpa pekerja.
    """
    from sidak.services import notifications

    if not current_app.config.get("MAIL_SERVER"):
        click.echo("SIDAK_MAIL_SERVER belum diatur: e-mail tetap di antrean.", err=True)
        sys.exit(1)
    sent = failed = 0
    while True:
        batch_sent, batch_failed = notifications.deliver()
        if not batch_sent and not batch_failed:
            break
        sent, failed = sent + batch_sent, failed + batch_failed
    waiting = db.session.scalar(
        select(func.count(OutgoingMail.id)).where(OutgoingMail.status == MailStatus.QUEUED)
    )
    click.echo(f"e-mail terkirim: {sent}, gagal: {failed}, masih di antrean: {waiting}")
