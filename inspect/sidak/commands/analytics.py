"""``sidak analytics``: the summaries the dashboards read."""

import time

import click
from flask.cli import with_appcontext


@click.group("analytics")
def analytics_group() -> None:
    """Ringkasan untuk dasbor, ekspor, dan API baca."""


@analytics_group.command("rebuild")
@click.option(
    "--missing",
    is_flag=True,
    help="Hanya inspeksi yang belum punya ringkasan (cepat bila semuanya sudah ada).",
)
@with_appcontext
def rebuild(missing: bool) -> None:
    """Hitung ulang ringkasan setiap inspeksi terkirim dan rekap bulanan per kantor.

    Jalankan sekali sesudah memperbarui Sidak dari versi tanpa dasbor, atau sesudah mengganti
    pemicu pelanggaran di berkas sanksi.
    """
    from sidak.services.analytics.summaries import rebuild as rebuild_summaries

    began = time.monotonic()
    done = rebuild_summaries(
        missing_only=missing, on_progress=lambda n: click.echo(f"  {n} inspeksi ...")
    )
    click.echo(f"Ringkasan dihitung untuk {done} inspeksi dalam {time.monotonic() - began:.1f} s.")
