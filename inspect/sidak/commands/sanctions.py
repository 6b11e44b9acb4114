"""``sidak tick``: deadlines, escalations and reminders; run it from cron."""

from datetime import date

import click
from flask.cli import with_appcontext


@click.command("tick")
@click.option(
    "--date",
    "on",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    help="Hitung seolah-olah hari ini tanggal ini (untuk uji coba).",
)
@click.option("--no-mail", is_flag=True, help="Jangan kirim e-mail sekarang (tetap diantrekan).")
@with_appcontext
def tick_command(on, no_mail: bool) -> None:
    """Perbarui status batas waktu, naikkan sanksi yang lewat, kirim pengingat.

    Aman dijalankan berkali-kali: putaran kedua pada hari yang sama tidak mengubah apa pun.
    """
    from sidak.services import notifications
    from sidak.services.sanctions.tick import tick

    today: date | None = on.date() if on else None
    report = tick(today)
    click.echo(f"tanggal: {report.today.isoformat()}")
    click.echo(f"tindakan lewat batas: {report.actions_overdue}")
    click.echo(f"sanksi lewat batas: {report.sanctions_overdue}")
    click.echo(f"sanksi dinaikkan: {len(report.escalated)}")
    for line in report.escalated:
        click.echo(f"  {line}")
    click.echo(f"pemberitahuan baru: {report.reminders}")
    if not no_mail:
        sent, failed = notifications.deliver()
        click.echo(f"e-mail terkirim: {sent}, gagal: {failed}")
