"""``sidak demo``: demo data for a first look at Sidak."""

import sys

import click
from flask import current_app
from flask.cli import with_appcontext

from sidak.models import Role
from sidak.services.demo import DEMO_ACCOUNTS, DEMO_PASSWORD, load_demo


@click.group("demo")
def demo_group() -> None:
    """Data contoh."""


@demo_group.command("load")
@with_appcontext
def load() -> None:
    """Muat data contoh sekali (menjalankannya lagi tidak mengubah data)."""
    report = load_demo(current_app.config["CHECKLISTS_DIR"])
    for line in report.checklists.problems:
        click.echo(line, err=True)
    if report.accounts_created:
        click.echo("Data contoh dimuat.")
    else:
        click.echo("Data contoh sudah ada; tidak diubah.")
    active = len(report.checklists.registered) + len(report.checklists.unchanged)
    click.echo(f"Daftar periksa aktif: {active}")
    click.echo("")
    click.echo(f"Akun contoh (kata sandi semua: {DEMO_PASSWORD}):")
    for username, name, role in DEMO_ACCOUNTS:
        click.echo(f"  {username:<10} {Role(role).label:<16} {name}")
    if not report.checklists.ok:
        sys.exit(1)
