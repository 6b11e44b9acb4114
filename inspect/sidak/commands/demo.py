"""``sidak demo``: demo data for a first look at Sidak."""

import sys
import time

import click
from flask import current_app
from flask.cli import with_appcontext

from sidak.demo import DEMO_ACCOUNTS, DEMO_PASSWORD, DemoReport, DemoState, load_demo
from sidak.models import InspectionStatus, Role


@click.group("demo")
def demo_group() -> None:
    """Data contoh."""


@demo_group.command("load")
@click.option(
    "--inspections",
    type=click.IntRange(min=0),
    default=None,
    help="Batasi jumlah inspeksi contoh (bawaan: riwayat lengkap empat bulan).",
)
@with_appcontext
def load(inspections: int | None) -> None:
    """Muat data contoh ke basis data kosong, sekali; menjalankannya lagi tidak mengubah data."""
    began = time.monotonic()
    report = load_demo(current_app.config["CHECKLISTS_DIR"], inspections=inspections)
    for line in report.checklists.problems:
        click.echo(line, err=True)
    if report.loaded:
        click.echo(
            f"Data contoh dimuat dalam {time.monotonic() - began:.0f} detik: {_summary(report)}"
        )
        for visit in report.skipped:
            click.echo(f"Dilewati (daftar periksa tidak ada): {visit}", err=True)
    elif report.state is DemoState.LOADED:
        click.echo("Data contoh sudah ada; tidak diubah.")
    else:
        click.echo("Basis data sudah berisi data; data contoh hanya dimuat ke basis data kosong.")
    active = len(report.checklists.registered) + len(report.checklists.unchanged)
    click.echo(f"Daftar periksa aktif: {active}")
    if report.state is not DemoState.OTHER:
        _print_accounts()
    if not report.checklists.ok:
        sys.exit(1)


def _summary(report: DemoReport) -> str:
    counts = report.inspections
    total = sum(counts.values())
    return (
        f"{report.offices} kantor, {report.accounts} akun, {total} inspeksi "
        f"({counts.get(InspectionStatus.FINALIZED, 0)} final, "
        f"{counts.get(InspectionStatus.SUBMITTED, 0)} terkirim, "
        f"{counts.get(InspectionStatus.DRAFT, 0)} draf)."
    )


def _print_accounts() -> None:
    click.echo("")
    click.echo(f"Akun contoh (kata sandi semua: {DEMO_PASSWORD}):")
    for account in DEMO_ACCOUNTS:
        role = Role(account.role).label
        click.echo(f"  {account.username:<16} {role:<16} {account.description}")
