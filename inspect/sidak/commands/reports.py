"""``sidak reports recap`` renders a recap now; ``sidak worker`` renders the queued ones."""

import logging
import os
import shutil
import signal
import socket
import sys
import time
from datetime import date

import click
from flask.cli import with_appcontext
from sqlalchemy.exc import OperationalError

from sidak.models import JobStatus, RecapJob, db
from sidak.services import notifications
from sidak.services.inspections.evidence import file_store
from sidak.services.reports import jobs, periods, recap

log = logging.getLogger(__name__)

#: how often an idle worker looks at the queue, and at jobs whose worker died
IDLE_SECONDS = 2.0
STALE_CHECK_SECONDS = 60.0


@click.group("reports")
def reports_group() -> None:
    """Laporan PDF: rekap kota."""


def _period(month: str | None, date_from: str | None, date_to: str | None) -> tuple[date, date]:
    today = recap.today()
    if month and (date_from or date_to):
        raise periods.RecapInvalid("Pilih --month atau --from/--to, bukan keduanya.")
    return periods.choose_period(month or periods.last_month(today), date_from, date_to, today)


def _printer():
    shown: set[tuple[str, int]] = set()

    def show(job: RecapJob) -> None:
        if (job.stage, job.progress) not in shown:
            shown.add((job.stage, job.progress))
            click.echo(f"{job.progress:>4}%  {jobs.stage_text(job)}")

    return show


@reports_group.command("recap")
@click.option("--month", metavar="YYYY-MM", help="Bulan (bawaan: bulan lalu).")
@click.option("--from", "date_from", metavar="YYYY-MM-DD", help="Tanggal awal (termasuk).")
@click.option("--to", "date_to", metavar="YYYY-MM-DD", help="Tanggal akhir (termasuk).")
@click.option("--lang", type=click.Choice(jobs.LANGUAGES), default="id", show_default=True)
@click.option("--out", type=click.Path(dir_okay=False), help="Salin PDF ke berkas ini juga.")
@with_appcontext
def recap_command(month, date_from, date_to, lang, out) -> None:
    """Susun rekap kota untuk satu bulan atau rentang tanggal sekarang juga.

    Rekap disimpan seperti yang diminta dari halaman Rekap; keluar 1 bila gagal.
    """
    try:
        start, end = _period(month, date_from, date_to)
        job = jobs.start_now(None, start, end, lang)
    except periods.RecapInvalid as exc:
        click.echo(str(exc), err=True)
        sys.exit(2)
    click.echo(f"Rekap #{job.id}: {start:%d-%m-%Y} s.d. {end:%d-%m-%Y} ({lang})")
    job = jobs.run(job, on_progress=_printer())
    if job.status != JobStatus.DONE:
        click.echo(job.error, err=True)
        sys.exit(1)
    report = job.report
    path = file_store().path(report.storage_key)
    seconds = f"{report.render_ms / 1000:.1f}".replace(".", ",")
    click.echo(
        f"Selesai: {job.inspections} inspeksi, {report.pages} halaman, "
        f"{report.size_bytes // 1024} KB, disusun dalam {seconds} detik."
    )
    click.echo(f"Berkas: {path}")
    click.echo(f"SHA-256: {report.sha256}")
    if out:
        shutil.copyfile(path, out)
        click.echo(f"Disalin ke: {out}")


class _Stop:
    """SIGTERM lets the current job finish, then the worker leaves."""

    def __init__(self):
        self.requested = False

    def __call__(self, signum, frame) -> None:
        self.requested = True


def work(name: str, *, once: bool, idle: float = IDLE_SECONDS, stop: _Stop | None = None) -> int:
    """Claim and run jobs until stopped (or, `once`, until the queue is empty). How many ran."""
    stop = stop or _Stop()
    done = 0
    last_check = float("-inf")
    while not stop.requested:
        try:
            if time.monotonic() - last_check >= STALE_CHECK_SECONDS:
                last_check = time.monotonic()
                if requeued := jobs.reset_stale():
                    click.echo(f"{requeued} rekap yang tertinggal dikembalikan ke antrean.")
            job = jobs.claim_next(name)
        except OperationalError as exc:  # the database is away (restarting): wait, retry
            if once:
                raise
            click.echo(f"Basis data tidak terjangkau, dicoba lagi: {exc.orig}", err=True)
            db.session.rollback()
            _sleep(idle * 5, stop)
            continue
        if job is None:
            _deliver_mail()
            if once:
                break
            _sleep(idle, stop)
            continue
        click.echo(f"Rekap #{job.id} ({job.date_from} s.d. {job.date_to}) mulai disusun.")
        job = jobs.run(job)
        if job.status == JobStatus.DONE:
            click.echo(f"Rekap #{job.id} selesai: {job.inspections} inspeksi.")
        else:
            click.echo(f"Rekap #{job.id} gagal: {job.error}", err=True)
        done += 1
        _deliver_mail()
        db.session.remove()  # a fresh session per job: nothing piles up in a long-lived worker
    return done


def _deliver_mail() -> None:
    """Notification e-mail goes out between recaps; a mail problem never stops the worker."""
    try:
        sent, failed = notifications.deliver()
    except Exception:
        log.exception("sending notification e-mail failed")
        db.session.rollback()
        return
    if sent or failed:
        click.echo(f"E-mail pemberitahuan: {sent} terkirim, {failed} gagal.")


def _sleep(seconds: float, stop: _Stop) -> None:
    end = time.monotonic() + seconds
    while not stop.requested and time.monotonic() < end:
        time.sleep(min(0.2, end - time.monotonic()))


@click.command("worker")
@click.option("--once", is_flag=True, help="Kerjakan antrean sampai kosong, lalu berhenti.")
@click.option("--name", default=lambda: f"{socket.gethostname()}:{os.getpid()}", hidden=True)
@with_appcontext
def worker_command(once: bool, name: str) -> None:
    """Pekerja latar: menyusun rekap yang diminta dari halaman Rekap dan mengirim e-mail
    pemberitahuan yang sudah waktunya.

    Boleh berjalan lebih dari satu (di mesin mana pun yang memakai basis data dan folder
    unggahan yang sama): setiap rekap diambil oleh satu pekerja saja.
    """
    stop = _Stop()
    previous = signal.signal(signal.SIGTERM, stop)
    if not once:
        click.echo(f"Pekerja rekap {name} berjalan. Tekan Ctrl+C untuk berhenti.")
    try:
        count = work(name, once=once, stop=stop)
    except KeyboardInterrupt:  # the job in hand went back to the queue
        click.echo("Pekerja rekap berhenti.")
        return
    finally:
        signal.signal(signal.SIGTERM, previous)
    if once:
        click.echo(f"Antrean kosong: {count} rekap dikerjakan.")


reports_group.add_command(worker_command)
