"""``sidak offices``: the register of offices, filled from a spreadsheet."""

import sys
from pathlib import Path

import click
from flask.cli import with_appcontext

from sidak.services.office_import import import_offices


@click.group("offices")
def offices_group() -> None:
    """Kantor yang diinspeksi."""


@offices_group.command("import")
@click.argument("path", type=click.Path(dir_okay=False))
@with_appcontext
def import_command(path: str) -> None:
    """Impor kantor dari CSV (UTF-8, koma atau titik koma); kantor bernama sama diperbarui.

    Kolom: nama,jenis,kecamatan,alamat,kepala,telepon,email,lintang,bujur. Bila ada baris
    yang salah, tidak ada yang diimpor dan semua kesalahan dicetak; keluar 1.
    """
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        click.echo(f"{path}: berkas tidak dapat dibaca ({exc.strerror}).", err=True)
        sys.exit(1)
    report = import_offices(data, path)
    for problem in report.problems:
        click.echo(problem, err=True)
    if not report.ok:
        click.echo(f"Tidak ada yang diimpor: {len(report.problems)} kesalahan.", err=True)
        sys.exit(1)
    click.echo(
        f"Impor selesai: {report.created} kantor baru, {report.updated} diperbarui, "
        f"{report.unchanged} tidak berubah."
    )
