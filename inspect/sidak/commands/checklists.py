"""``sidak checklists``: check, preview and register checklist files."""

import sys
from pathlib import Path

import click
from flask import current_app
from flask.cli import with_appcontext

from sidak.domain.checklist.check import check_paths
from sidak.domain.checklist.loader import parse_checklist
from sidak.domain.problems import InvalidDocument


@click.group("checklists")
def checklists_group() -> None:
    """Daftar periksa (berkas YAML)."""


def _lang_option(func):
    return click.option(
        "--lang",
        type=click.Choice(["id", "en"]),
        default="id",
        show_default=True,
        help="Bahasa pesan.",
    )(func)


@checklists_group.command("check")
@click.argument("paths", nargs=-1, type=click.Path())
@_lang_option
def check(paths: tuple[str, ...], lang: str) -> None:
    """Periksa berkas daftar periksa; keluar 0 bila semua valid, 1 bila tidak."""
    if not paths:
        paths = (_default_folder(),)
    lines, ok = check_paths(list(paths), lang=lang)
    for line in lines:
        click.echo(line)
    sys.exit(0 if ok else 1)


def _default_folder() -> str:
    """The configured checklists folder, without needing a database."""
    from sidak import config

    return config.from_environment()["CHECKLISTS_DIR"]


@checklists_group.command("preview")
@click.argument("path", type=click.Path(dir_okay=False))
@click.option(
    "--answers",
    "answers_path",
    required=True,
    type=click.Path(dir_okay=False),
    help="Berkas YAML berisi jawaban.",
)
@click.option("--json", "as_json", is_flag=True, help="Keluaran JSON untuk mesin.")
@_lang_option
def preview(path: str, answers_path: str, as_json: bool, lang: str) -> None:
    """Hitung skor dari sekumpulan jawaban dan tampilkan rinciannya."""
    from sidak.domain.answers_file import parse_answers
    from sidak.domain.preview import render_json, render_text
    from sidak.domain.scoring import InvalidAnswers, score_inspection

    checklist = _parse_or_exit(path, lambda text: parse_checklist(text), lang)
    answers = _parse_or_exit(answers_path, lambda text: parse_answers(text, checklist), lang)
    try:
        result = score_inspection(checklist, answers)
    except InvalidAnswers as exc:  # parse_answers checks first; this is the last guard
        for problem in exc.problems:
            click.echo(f"{answers_path}: {problem.code} {problem.message.get(lang)}", err=True)
        sys.exit(1)
    output = render_json(checklist, result) if as_json else render_text(checklist, result, lang)
    click.echo(output.rstrip("\n"))


def _parse_or_exit(path: str, parse, lang: str):
    try:
        text = Path(path).read_bytes()
    except OSError as exc:
        click.echo(f"{path}: tidak dapat dibaca ({exc.strerror})", err=True)
        sys.exit(1)
    try:
        return parse(text)
    except InvalidDocument as exc:
        for problem in exc.problems:
            click.echo(problem.format(path, lang), err=True)
        sys.exit(1)


@checklists_group.command("sync")
@with_appcontext
def sync() -> None:
    """Simpan versi baru dari berkas di folder daftar periksa ke basis data."""
    from sidak.services.checklists import sync_folder

    report = sync_folder(current_app.config["CHECKLISTS_DIR"])
    for line in report.registered:
        click.echo(f"versi baru: {line}")
    for line in report.unchanged:
        click.echo(f"tidak berubah: {line}")
    for key in report.retired:
        click.echo(f"tidak dipakai lagi: {key}")
    for line in report.problems:
        click.echo(line, err=True)
    sys.exit(0 if report.ok else 1)
