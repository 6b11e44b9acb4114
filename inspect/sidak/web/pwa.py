"""The installable web app: the service worker at the site's root, and the manifest.

The worker (static/js/sw.js) is served at /sw.js rather than under /static/ because a worker
controls only the pages below the folder it is served from. Its VERSION is a hash of the
files the app shell is made of, so changing any of them installs a new worker, which
precaches into a new cache. Browsers run service workers only on https:// and on
http://127.0.0.1 or http://localhost; other hosts need HTTPS for the offline app.
"""

import hashlib
import json
from pathlib import Path

from flask import Blueprint, Response, current_app, request, send_from_directory, url_for

bp = Blueprint("pwa", __name__)

#: the field app's page: the one HTML page the worker stores
#: the field data the worker stores for offline use
BOOTSTRAP = "/api/v1/field/bootstrap"
#: static files of the shell, relative to the static folder; those missing are left out
SHELL_STATIC = (
    "css/sidak.css",
    "js/register-sw.js",
    "js/field/*.js",
    "vendor/signature_pad/signature_pad.umd.min.js",
    "icons/*.png",
    "favicon.svg",
)
#: templates the shell page is made from: they count towards the version too
SHELL_TEMPLATES = ("base.html", "_macros.html", "_pwa_*.html", "field/*.html")
WORKER_SOURCE = "js/sw.js"
MANIFEST = "manifest.webmanifest"
CONFIG_LINE = "const CONFIG = "


@bp.get("/sw.js")
def service_worker():
    source = Path(current_app.static_folder, WORKER_SOURCE).read_text(encoding="utf-8")
    config = worker_config()
    response = Response(_with_config(source, config), mimetype="text/javascript")
    response.headers["Cache-Control"] = "no-cache"
    response.headers["Service-Worker-Allowed"] = "/"
    response.add_etag()
    return response.make_conditional(request)


@bp.get("/manifest.webmanifest")
def manifest():
    response = send_from_directory(
        current_app.static_folder, MANIFEST, mimetype="application/manifest+json"
    )
    response.headers["Cache-Control"] = "no-cache"
    return response


def worker_config() -> dict:
    """What the worker needs to know: its version, the URLs to precache, the page, the data."""
    root = request.script_root
    assets = shell_assets()
    page = url_for("field.app")
    urls = [url for url, _ in assets] + [root + "/" + MANIFEST]
    digest = hashlib.sha256()
    for url, path in [*assets, (MANIFEST, _static(MANIFEST)), *_templates()]:
        digest.update(url.encode() + b"\0" + path.read_bytes() + b"\0")
    digest.update(_static(WORKER_SOURCE).read_bytes())
    digest.update(page.encode())
    return {
        "version": digest.hexdigest()[:16],
        "shell": urls,
        "page": page,
        "data": root + BOOTSTRAP,
    }


def shell_assets() -> list[tuple[str, Path]]:
    """(URL, file) of each static shell file that exists, in a stable order."""
    static = Path(current_app.static_folder)
    prefix = request.script_root + current_app.static_url_path
    return [
        (f"{prefix}/{path.relative_to(static).as_posix()}", path)
        for pattern in SHELL_STATIC
        for path in sorted(static.glob(pattern))
        if path.is_file()
    ]


def _templates() -> list[tuple[str, Path]]:
    folder = Path(current_app.template_folder)
    return [
        (path.relative_to(folder).as_posix(), path)
        for pattern in SHELL_TEMPLATES
        for path in sorted(folder.glob(pattern))
        if path.is_file()
    ]


def _static(name: str) -> Path:
    return Path(current_app.static_folder, name)


def _with_config(source: str, config: dict) -> str:
    lines = source.splitlines(keepends=True)
    for number, line in enumerate(lines):
        if line.startswith(CONFIG_LINE):
            lines[number] = f"{CONFIG_LINE}{json.dumps(config)};\n"
            return "".join(lines)
    raise RuntimeError(f"{WORKER_SOURCE} has no line starting with {CONFIG_LINE!r}")
