"""``sidak users``: accounts from the command line (the first admin)."""

import click
from flask.cli import with_appcontext

from sidak.models import Role, db
from sidak.services.accounts import AccountError, create_user
from sidak.services.users import email_problem


@click.group("users")
def users_group() -> None:
    """Akun pengguna."""


@users_group.command("create")
@click.argument("username")
@click.option("--name", "full_name", default="", help="Nama lengkap.")
@click.option(
    "--role",
    type=click.Choice([r.value for r in Role]),
    default=Role.ADMIN.value,
    show_default=True,
)
@click.option("--email", default="", help="Alamat e-mail untuk pemberitahuan (boleh kosong).")
@click.password_option("--password", help="Kata sandi (ditanyakan bila tidak diberikan).")
@with_appcontext
def create(username: str, full_name: str, role: str, email: str, password: str) -> None:
    """Buat akun baru (misalnya admin pertama)."""
    email = email.strip()
    if problem := email_problem(email):
        raise click.BadParameter(problem, param_hint="--email")
    try:
        user = create_user(username, full_name, password, Role(role))
    except AccountError as exc:
        raise click.ClickException(str(exc)) from exc
    if email:
        user.email = email
        db.session.commit()
    click.echo(f"Akun '{user.username}' ({Role(user.role).label}) dibuat.")
