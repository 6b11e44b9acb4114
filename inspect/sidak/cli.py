"""The ``sidak`` command: Flask's CLI for this app, plus Sidak's own groups."""

import ipaddress

import click
from flask import current_app
from flask.cli import FlaskGroup, routes_command, shell_command

from sidak.app import create_app

LOOPBACK_NAMES = ("localhost",)


@click.group(cls=FlaskGroup, create_app=create_app, add_default_commands=False)
def main() -> None:
    """Sidak: inspeksi protokol kesehatan kantor pemerintah kota."""


def _is_loopback(host: str) -> bool:
    if host in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


@main.command("run")
@click.option("--host", "-h", default="127.0.0.1", show_default=True)
@click.option("--port", "-p", default=5000, show_default=True, type=int)
@click.option("--debug/--no-debug", default=False, help="Debugger and reloader (loopback only).")
def run_command(host: str, port: int, debug: bool) -> None:
    """Development server. For real use: `sidak serve` (gunicorn)."""
    if debug and not _is_loopback(host):
        raise click.UsageError(
            "Debugger Werkzeug hanya boleh di alamat loopback (127.0.0.1): "
            "siapa pun yang menjangkaunya bisa menjalankan kode di server."
        )
    from werkzeug.serving import run_simple

    # Flask ignores app.run() inside its own CLI, so serve with Werkzeug directly
    app = current_app._get_current_object()
    app.debug = debug
    run_simple(host, port, app, use_debugger=debug, use_reloader=debug, threaded=True)


@main.command("serve")
@click.option("--host", default="0.0.0.0", show_default=True)
@click.option("--port", default=5000, show_default=True, type=int, envvar="PORT")
@click.option("--workers", default=2, show_default=True, type=int, envvar="SIDAK_WORKERS")
@click.option("--no-worker", is_flag=True, help="Without the recap worker (run `sidak worker`).")
def serve_command(host: str, port: int, workers: int, no_worker: bool) -> None:
    """Serve with gunicorn (production WSGI server) and print where to open the app."""
    from sidak.commands.serve import serve

    serve(host, port, workers, with_worker=not no_worker)


main.add_command(routes_command)
main.add_command(shell_command)
