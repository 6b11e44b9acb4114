"""Page weight of what an inspector loads on the phone, against the budget; prints a table.

Run with ``make bench``. A live Sidak server (SQLite, an inspector, one office, the shipped
checklists) and Debian's Chromium as a 360 x 740 phone with an empty cache and the service
worker blocked, so each page is measured as on its first visit; what the worker precaches on
top of that is shown on its own. "sent" is what Sidak itself sent over the wire, compressed by
Flask-Compress as the phone asked (Chrome's encodedDataLength, headers included; for the
JavaScript row, the files' own sizes); "gzip" is every text body at gzip -9 plus the same
headers, the floor a compressing proxy would reach. The budget is judged on gzip. Exits with 1
when a budget is missed; ``--requests`` also lists every response.
"""

import gzip
import logging
import shutil
import sys
import tempfile
import threading
from base64 import b64decode
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from werkzeug.serving import make_server

from sidak.app import create_app
from sidak.config import PROJECT_ROOT
from sidak.models import Office, Role, db
from sidak.services.accounts import create_user
from sidak.services.checklists import sync_folder

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
    "--disable-quic",
]
PHONE = {
    "viewport": {"width": 360, "height": 740},
    "is_mobile": True,
    "has_touch": True,
    "device_scale_factor": 2,
    "locale": "id-ID",
}
USER, PASSWORD, OFFICE = "inspektur", "sidak-demo", "Kantor Kecamatan Sukamaju Utara"
TOTAL_BUDGET, JS_BUDGET = 150 * 1024, 50 * 1024
TEXT_TYPES = ("text/", "javascript", "json", "xml", "svg", "manifest")


@dataclass
class Transfer:
    """One response as the page received it."""

    url: str
    mime: str = ""
    raw: int = 0  #: bytes over the wire, headers included
    body: bytes = b""

    @property
    def gzipped(self) -> int:
        headers = max(self.raw - len(self.body), 0)
        return headers + (gzip_size(self.body) if self.compressible else len(self.body))

    @property
    def compressible(self) -> bool:
        return any(kind in self.mime for kind in TEXT_TYPES)

    @property
    def is_script(self) -> bool:
        return "javascript" in self.mime or urlsplit(self.url).path.endswith(".js")


@dataclass
class PageWeight:
    name: str
    transfers: list[Transfer] = field(default_factory=list)
    foreign: list[str] = field(default_factory=list)  #: requests to another host


def gzip_size(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=9, mtime=0))


@contextmanager
def live_server():
    """Sidak on a free loopback port with demo-like data; yields its base URL and app."""
    with tempfile.TemporaryDirectory() as folder:
        app = create_app(
            {
                "SECRET_KEY": "bench",
                "SQLALCHEMY_DATABASE_URI": f"sqlite:///{folder}/bench.db",
                "CHECKLISTS_DIR": str(PROJECT_ROOT / "checklists"),
                "UPLOADS_DIR": f"{folder}/uploads",
            }
        )
        with app.app_context():
            db.create_all()
            sync_folder(PROJECT_ROOT / "checklists")
            create_user(USER, "Bayu Saputra", PASSWORD, Role.INSPECTOR)
            db.session.add(Office(name=OFFICE, type="kecamatan", district="Sukamaju Utara"))
            db.session.commit()
        server = make_server("127.0.0.1", 0, app, threaded=True)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        try:
            yield f"http://127.0.0.1:{server.server_port}", app
        finally:
            server.shutdown()


def start_inspection(browser, base: str) -> tuple[str, dict]:
    """Log in and start an inspection through the forms; the section URL and the session."""
    context = browser.new_context(**PHONE, service_workers="block")
    page = context.new_page()
    page.goto(base + "/masuk")
    page.fill("#username", USER)
    page.fill("#password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url("**/inspeksi")
    page.goto(base + "/inspeksi/baru")
    page.check("input[name=decline_location]")
    page.fill("#office", OFFICE)
    page.click("button:has-text('Mulai')")
    page.wait_for_url("**/bagian/1")
    url, state = page.url, context.storage_state()
    context.close()
    return url, state


def measure(browser, state: dict, name: str, url: str) -> PageWeight:
    """Load `url` with an empty cache and record every response the page received."""
    context = browser.new_context(**PHONE, storage_state=state, service_workers="block")
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.send("Network.setCacheDisabled", {"cacheDisabled": True})
    seen: dict[str, Transfer] = {}
    finished: list[str] = []
    cdp.on(
        "Network.requestWillBeSent",
        lambda e: seen.setdefault(e["requestId"], Transfer(e["request"]["url"])),
    )
    cdp.on("Network.responseReceived", lambda e: _set_mime(seen, e))
    cdp.on("Network.loadingFinished", lambda e: _finish(seen, finished, e))
    page.goto(url, wait_until="networkidle")
    weight = PageWeight(name)
    host = urlsplit(url).netloc
    for request_id, transfer in seen.items():
        scheme = urlsplit(transfer.url).scheme
        if scheme not in ("http", "https"):
            continue  # data: and blob: never touch the network
        if urlsplit(transfer.url).netloc != host:
            weight.foreign.append(transfer.url)
        if request_id in finished:
            transfer.body = _body(cdp, request_id)
            weight.transfers.append(transfer)
    context.close()
    return weight


def _set_mime(seen: dict[str, Transfer], event: dict) -> None:
    if event["requestId"] in seen:
        seen[event["requestId"]].mime = event["response"].get("mimeType", "")


def _finish(seen: dict[str, Transfer], finished: list[str], event: dict) -> None:
    if event["requestId"] in seen:
        seen[event["requestId"]].raw = int(event["encodedDataLength"])
        finished.append(event["requestId"])


def _body(cdp, request_id: str) -> bytes:
    try:
        answer = cdp.send("Network.getResponseBody", {"requestId": request_id})
    except Exception:  # redirects and empty answers have no body
        return b""
    if answer["base64Encoded"]:
        return b64decode(answer["body"])
    return answer["body"].encode()


def precache_weight(app, base: str) -> tuple[int, int, int]:
    """Files the service worker stores once, besides the pages: count, raw and gzip bytes."""
    from sidak.web.pwa import shell_assets

    with app.test_request_context(base_url=base):
        files = [path for _, path in shell_assets()]
    files.append(Path(app.static_folder) / "manifest.webmanifest")
    raw = sum(path.stat().st_size for path in files)
    packed = sum(
        path.stat().st_size if path.suffix == ".png" else gzip_size(path.read_bytes())
        for path in files
    )
    return len(files), raw, packed


def rows_for(weight: PageWeight) -> list[tuple[str, str, str, str, bool | None]]:
    scripts = [t for t in weight.transfers if t.is_script]
    total_raw = sum(t.raw for t in weight.transfers)
    total_gzip = sum(t.gzipped for t in weight.transfers)
    js_raw = sum(len(t.body) for t in scripts)
    js_gzip = sum(gzip_size(t.body) for t in scripts)
    return [
        (
            f"{weight.name}: total transferred",
            kb(total_raw),
            kb(total_gzip),
            "< 150 KB",
            total_gzip < TOTAL_BUDGET,
        ),
        (
            f"{weight.name}: JavaScript ({len(scripts)} files)",
            kb(js_raw),
            kb(js_gzip),
            "< 50 KB",
            js_gzip < JS_BUDGET,
        ),
        (f"{weight.name}: requests", str(len(weight.transfers)), "", "", None),
        (
            f"{weight.name}: third-party requests",
            str(len(weight.foreign)),
            "",
            "0",
            not weight.foreign,
        ),
    ]


def kb(size: int) -> str:
    return f"{size / 1024:.1f} KB"


def print_table(rows: list[tuple[str, str, str, str, bool | None]]) -> None:
    width = max(len(row[0]) for row in rows)
    print(f"{'page weight (budget judged on gzip)':<{width}}  {'sent':>9}  {'gzip':>9}  budget")
    print(f"{'-' * width}  {'-' * 9}  {'-' * 9}  {'-' * 15}")
    for name, raw, packed, budget, ok in rows:
        verdict = "" if ok is None else ("PASS" if ok else "FAIL")
        print(f"{name:<{width}}  {raw:>9}  {packed:>9}  {budget:<9} {verdict}".rstrip())


def print_requests(weight: PageWeight) -> None:
    print(f"{weight.name}:")
    for transfer in weight.transfers:
        path = urlsplit(transfer.url).path
        print(f"  {kb(transfer.raw):>9}  {kb(transfer.gzipped):>9}  {transfer.mime:<24} {path}")


def main() -> int:
    logging.getLogger("werkzeug").setLevel(logging.WARNING)  # no line per request
    if not Path(CHROMIUM).exists():
        print(f"Chromium is not installed ({CHROMIUM}); apt-get install chromium", file=sys.stderr)
        return 1
    from playwright.sync_api import sync_playwright

    with live_server() as (base, app), sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        section, state = start_inspection(browser, base)
        pages = [("section form", section)]
        if "field.app" in app.view_functions:
            pages.append(("/lapangan", base + "/lapangan"))
        rows = []
        for name, url in pages:
            weight = measure(browser, state, name, url)
            if "--requests" in sys.argv:
                print_requests(weight)
            rows += rows_for(weight)
        browser.close()
        count, raw, packed = precache_weight(app, base)
        name = f"service worker precache, once ({count} files)"
        rows.append((name, kb(raw), kb(packed), "", None))
    print_table(rows)
    if "field.app" not in app.view_functions:
        print("/lapangan does not exist yet: not measured")
    return 0 if all(row[4] is not False for row in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
