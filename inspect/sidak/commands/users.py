"""``sidak users``: accounts from the command line (the first admin)."""

import click
from flask.cli import with_appcontext

from sidak.models import Role
from sidak.services.accounts import AccountError, create_user


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
@click.password_option("--password", help="Kata sandi (ditanyakan bila tidak diberikan).")
@with_appcontext
def create(username: str, full_name: str, role: str, password: str) -> None:
    """Buat akun baru (misalnya admin pertama)."""
    try:
        user = create_user(username, full_name, password, Role(role))
    except AccountError as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(f"Akun '{user.username}' ({Role(user.role).label}) dibuat.")
