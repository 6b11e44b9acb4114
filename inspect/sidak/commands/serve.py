"""Running gunicorn from the ``sidak`` command, with the recap worker beside it."""

import gc
import socket
import subprocess
import sys
import threading

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
        app = create_app()
        # What the worker holds from now on lives as long as the worker: keep it out of the
        # cyclic collector's scans, which otherwise slow every request that allocates a lot
        # (a PDF render most of all).
        gc.freeze()
        return app


def _lan_address() -> str | None:
    """The address other devices on the network would use, if there is one."""
    try:
        return socket.gethostbyname(socket.gethostname())
    except OSError:
        return None


class RecapWorker:
    """`sidak worker` as a child process, restarted if it dies, stopped with the server."""

    COMMAND = (sys.executable, "-c", "from sidak.cli import main; main()", "worker")
    RESTART_SECONDS = 5.0

    def __init__(self):
        self.process: subprocess.Popen | None = None
        self.stopping = threading.Event()
        self.lock = threading.Lock()
        self.watcher = threading.Thread(target=self._watch, name="recap-worker", daemon=True)

    def start(self) -> None:
        self.process = subprocess.Popen(self.COMMAND)
        self.watcher.start()

    def _watch(self) -> None:
        # gunicorn's arbiter reaps every child, ours too: then wait() says 0, which is fine
        while True:
            code = self.process.wait()
            if self.stopping.wait(self.RESTART_SECONDS):
                return
            with self.lock:
                if self.stopping.is_set():
                    return
                click.echo(f"Pekerja rekap berhenti (kode {code}); dijalankan lagi.", err=True)
                self.process = subprocess.Popen(self.COMMAND)

    def stop(self, timeout: float = 15.0) -> None:
        """SIGTERM: the worker finishes the recap in hand (or it goes back to the queue)."""
        with self.lock:
            self.stopping.set()
        if self.process is None or self.process.poll() is not None:
            return
        self.process.terminate()
        try:
            self.process.wait(timeout)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


def serve(host: str, port: int, workers: int, with_worker: bool = True) -> None:
    worker = RecapWorker() if with_worker else None
    if worker is not None:
        worker.start()
    try:
        _serve(host, port, workers)
    finally:
        if worker is not None:
            worker.stop()


def _serve(host: str, port: int, workers: int) -> None:
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
