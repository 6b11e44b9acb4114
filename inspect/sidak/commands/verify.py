"""``sidak verify``: recompute finalized records and report any that changed."""

import sys

import click
from flask.cli import with_appcontext

from sidak.services.inspections.evidence import file_store
from sidak.services.inspections.verification import verify


@click.command("verify")
@click.argument("uuids", nargs=-1)
@with_appcontext
def verify_command(uuids: tuple[str, ...]) -> None:
    """Periksa sidik isi berita acara final (semua, atau yang disebut).

    Keluar 1 bila ada yang berubah sejak difinalkan.
    """
    store = file_store()
    checked, problems = verify(list(uuids) or None, read_file=store.open)
    for problem in problems:
        click.echo(f"{problem.uuid}: {problem.message}")
    if uuids and checked < len(set(uuids)):
        click.echo(f"{len(set(uuids)) - checked} kode inspeksi tidak ditemukan", err=True)
    click.echo(f"{checked} berita acara diperiksa, {len({p.uuid for p in problems})} berubah.")
    sys.exit(1 if problems or (uuids and checked < len(set(uuids))) else 0)
