"""Running gunicorn from the ``sidak`` command."""

import socket

import click
from gunicorn.app.base import BaseApplication

from sidak.app import create_app


class _Gunicorn(BaseApplication):
    def __init__(self, options: dict):
        self.options = options
        super().__init__()

    def load_config(self) -> None:
        for key, value in self.options.items():
            self.cfg.set(key, value)

    def load(self):
        return create_app()


def _lan_address() -> str | None:
    """The address other devices on the network would use, if there is one."""
    try:
        return socket.gethostbyname(socket.gethostname())
    except OSError:
        return None


def serve(host: str, port: int, workers: int) -> None:
    click.echo(f"Sidak berjalan di http://127.0.0.1:{port}/")
    lan = _lan_address() if host == "0.0.0.0" else None
    if lan and not lan.startswith("127."):
        click.echo(f"Dari ponsel di jaringan yang sama: http://{lan}:{port}/")
    click.echo("Tekan Ctrl+C untuk berhenti.")
    _Gunicorn(
        {
            "bind": f"{host}:{port}",
            "workers": workers,
            "accesslog": "-",
            "errorlog": "-",
            "loglevel": "warning",
        }
    ).run()
