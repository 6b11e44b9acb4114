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


@demo_group.command("generate")
@click.option("--offices", type=click.IntRange(min=1), required=True, help="Jumlah kantor.")
@click.option("--inspections", type=click.IntRange(min=0), required=True, help="Jumlah inspeksi.")
@click.option(
    "--years",
    type=click.IntRange(1, 10),
    default=3,
    show_default=True,
    help="Lama riwayat (tahun).",
)
@click.option("--seed", type=int, default=1, show_default=True, help="Benih acak.")
@click.option(
    "--score-json",
    is_flag=True,
    help="Simpan juga rincian skor tiap inspeksi (15-22 KB; dibaca rekap kota).",
)
@with_appcontext
def generate_history(
    offices: int, inspections: int, years: int, seed: int, score_json: bool
) -> None:
    """Isi basis data KOSONG (sudah dimigrasi) dengan riwayat sintetis yang besar, untuk uji
    kecepatan dasbor dan ekspor.

    Kantor, akun (kata sandi sidak-demo), inspeksi bertahun-tahun dengan jawaban, skor,
    ringkasan, sidik berita acara, tindakan perbaikan, sanksi dan inspeksi lanjutan, semua
    dihitung dengan kode aplikasi. Rincian skor (score_json, 15-22 KB per inspeksi)
    dibiarkan kosong kecuali dengan --score-json (tanpanya rekap kota tidak menampilkan
    butir dan kategori); log audit, notifikasi dan draf tidak dibuat. Sekitar 3 menit untuk
    100.000 inspeksi. Bila terhenti di tengah jalan, mulai lagi dengan basis data baru.
    """
    from sidak.demo.synthetic import GenerationRefused, generate

    began, shown = time.monotonic(), [0]

    def progress(done: int, total: int) -> None:
        if done * 20 // total > shown[0]:  # every 5 %
            shown[0] = done * 20 // total
            seconds = time.monotonic() - began
            click.echo(f"  {_number(done)} dari {_number(total)} inspeksi, {seconds:.0f} detik")

    try:
        report = generate(
            offices, inspections, years, seed, on_progress=progress, breakdown=score_json
        )
    except GenerationRefused as refused:
        click.echo(str(refused), err=True)
        sys.exit(1)
    rows, statuses = report.rows, report.statuses
    click.echo(
        f"Selesai dalam {report.seconds:.0f} detik: {_number(report.offices)} kantor, "
        f"{report.accounts} akun, {_number(rows['inspections'])} inspeksi "
        f"({_number(statuses['finalized'])} final, {_number(statuses['submitted'])} terkirim), "
        f"{_number(rows['answers'])} jawaban, "
        f"{_number(rows['corrective_actions'])} tindakan perbaikan, "
        f"{_number(rows['sanctions'])} sanksi, {_number(rows['follow_ups'])} inspeksi lanjutan."
    )


def _number(value: int) -> str:
    """12.345: Indonesian groups thousands with a dot."""
    return f"{value:,}".replace(",", ".")
