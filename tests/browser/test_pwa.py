"""The installable app shell: the manifest, the service worker's headers and version, and in
Chromium on a phone: what the worker stores, what it answers offline, what it never touches,
how a new version waits for the page, and that Chromium finds the app installable."""

import io
import json
import re
import shutil
import threading
import time
from pathlib import Path

import pytest
from flask import request
from PIL import Image
from werkzeug.exceptions import HTTPException

from sidak.config import PROJECT_ROOT

AXE = Path(__file__).parent / "vendor" / "axe.min.js"
WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
BOOTSTRAP = "/api/v1/field/bootstrap"
#: every cache's URLs (path and query) by cache name
CACHED = """async () => {
  const out = {};
  for (const name of await caches.keys()) {
    const cache = await caches.open(name);
    out[name] = (await cache.keys()).map((r) => new URL(r.url).pathname + new URL(r.url).search);
  }
  return out;
}"""
FETCH = "([url, init]) => fetch(url, init).then((r) => r.status, (e) => 'rejected')"


def config_of(source: str) -> dict:
    line = next(line for line in source.splitlines() if line.startswith("const CONFIG = "))
    return json.loads(line.removeprefix("const CONFIG = ").removesuffix(";"))


def has_route(app, path: str) -> bool:
    try:
        app.url_map.bind("localhost").match(path, method="GET")
    except HTTPException:
        return False
    return True


def own_static(app, tmp_path) -> Path:
    """Serve the app's static files from a copy the test may change."""
    folder = tmp_path / "static"
    shutil.copytree(PROJECT_ROOT / "static", folder)
    app.static_folder = str(folder)
    return folder


def log_in(page, base: str) -> None:
    """Log the inspector in; the worker installed on the login page controls the page."""
    page.goto(base + "/masuk")
    page.fill("#username", "inspektur")
    page.fill("#password", "sidak-demo")
    page.click("button[type=submit]")
    page.wait_for_url(re.compile(r"/inspeksi$"))
    # a worker that activates while the login form is being posted claims no page (the new
    # page did not exist yet); the next navigation is always controlled, as for a person
    page.evaluate("navigator.serviceWorker.ready.then(() => true)")
    if not page.evaluate("navigator.serviceWorker.controller !== null"):
        page.reload()
    page.wait_for_function("navigator.serviceWorker.controller !== null")


@pytest.fixture
def served(live_server):
    """The paths the live server is asked for (the worker answers the others)."""
    paths = []
    live_server[1].before_request(lambda: paths.append(request.path))
    return paths


# -- without a browser ----------------------------------------------------------------------


def test_the_manifest_describes_an_installable_app(client):
    response = client.get("/manifest.webmanifest")
    assert response.mimetype == "application/manifest+json"
    manifest = json.loads(response.data)
    assert manifest["name"] and manifest["short_name"] == "Sidak"
    assert manifest["start_url"] == "/lapangan"
    assert manifest["display"] == "standalone"
    declared = set()
    for icon in manifest["icons"]:
        image = Image.open(io.BytesIO(client.get(icon["src"]).data))
        assert icon["sizes"] == "{}x{}".format(*image.size), icon["src"]
        assert icon["type"] == "image/png" and image.format == "PNG"
        declared.add((icon["sizes"], icon["purpose"]))
    assert declared == {("192x192", "any"), ("512x512", "any"), ("512x512", "maskable")}
    apple = Image.open(io.BytesIO(client.get("/static/icons/apple-touch-icon-180.png").data))
    assert apple.size == (180, 180)


def test_the_worker_is_served_from_the_root_and_always_revalidated(client):
    response = client.get("/sw.js")
    assert response.status_code == 200
    assert response.mimetype == "text/javascript"
    assert response.headers["Cache-Control"] == "no-cache"
    assert response.headers["Service-Worker-Allowed"] == "/"
    again = client.get("/sw.js", headers={"If-None-Match": response.headers["ETag"]})
    assert again.status_code == 304


def test_the_worker_version_follows_the_files_it_precaches(app, client, tmp_path):
    static = own_static(app, tmp_path)
    first = config_of(client.get("/sw.js").text)
    assert config_of(client.get("/sw.js").text)["version"] == first["version"]
    assert "/static/css/sidak.css" in first["shell"]
    assert not [url for url in first["shell"] if url.startswith("/api/")]

    with (static / "css" / "sidak.css").open("a") as css:
        css.write("\n.uji { color: red; }\n")
    second = config_of(client.get("/sw.js").text)
    assert second["version"] != first["version"]

    (static / "js" / "field").mkdir(exist_ok=True)
    (static / "js" / "field" / "baru.js").write_text("// baru\n")
    third = config_of(client.get("/sw.js").text)
    assert third["version"] != second["version"]
    assert "/static/js/field/baru.js" in third["shell"]


# -- in Chromium ----------------------------------------------------------------------------


def test_after_one_online_visit_the_shell_assets_work_offline(live_server, phone, served):
    base, _ = live_server
    page = phone
    log_in(page, base)
    config = config_of(page.request.get(base + "/sw.js").text())
    cached = page.evaluate(CACHED)
    shell = cached["sidak-shell-" + config["version"]]
    assert set(config["shell"]) <= set(shell)

    served.clear()
    page.reload()
    assert "/inspeksi" in served, "an ordinary page always comes from the network"
    assert "/static/css/sidak.css" not in served, "shell assets come from the cache first"

    page.context.set_offline(True)
    css = page.evaluate("fetch('/static/css/sidak.css').then((r) => r.text())")
    assert "/* pwa */" in css
    assert page.evaluate(FETCH, ["/healthz", {}]) == "rejected", "not cached, so offline"
    # the worker never answers what changes data: offline, such requests simply fail
    assert page.evaluate(FETCH, ["/masuk", {"method": "POST", "body": "x"}]) == "rejected"
    put = {"method": "PUT", "body": "{}", "headers": {"Content-Type": "application/json"}}
    assert page.evaluate(FETCH, ["/api/v1/inspections/x/answers/y", put]) == "rejected"


def test_the_field_app_opens_offline_and_nothing_else_is_stored(live_server, phone, served):
    base, app = live_server
    if not has_route(app, "/lapangan"):
        pytest.skip("/lapangan does not exist yet: nothing to open offline")
    page = phone
    log_in(page, base)
    for path in ("/daftar-periksa", "/inspeksi/baru", "/lapangan"):
        page.goto(base + path)
    page.wait_for_function("caches.match('/lapangan').then((r) => r !== undefined)", polling=100)
    config = config_of(page.request.get(base + "/sw.js").text())
    allowed = {*config["shell"], "/lapangan"}
    for name, urls in page.evaluate(CACHED).items():
        if name == "sidak-data":
            assert {url.split("?")[0] for url in urls} <= {BOOTSTRAP}
        else:
            assert set(urls) <= allowed, f"{name} stores more than the shell"

    page.context.set_offline(True)
    served.clear()
    page.reload()
    assert page.title().startswith("Inspeksi lapangan")
    page.goto(base + "/lapangan/inspeksi/apa-saja")
    assert page.title().startswith("Inspeksi lapangan"), "sub-paths fall back to the shell"
    assert served == []
    with pytest.raises(Exception, match="ERR_INTERNET_DISCONNECTED"):
        page.goto(base + "/inspeksi")


def test_a_slow_network_gets_the_stored_field_app_after_three_seconds(live_server, phone):
    base, app = live_server
    if not has_route(app, "/lapangan"):
        pytest.skip("/lapangan does not exist yet: nothing to open from the cache")
    slow = []
    # the slow answer is let go when the test ends, so no request outlives the server
    release = threading.Event()
    app.before_request(lambda: release.wait(6) if slow and request.path == "/lapangan" else None)
    page = phone
    log_in(page, base)
    page.goto(base + "/lapangan")
    page.wait_for_function("caches.match('/lapangan').then((r) => r !== undefined)")
    slow.append(True)
    began = time.monotonic()
    try:
        page.reload()
        assert time.monotonic() - began < 5.5
        assert page.title().startswith("Inspeksi lapangan")
    finally:
        release.set()


def test_the_bootstrap_falls_back_to_the_stored_copy(live_server, phone):
    base, app = live_server
    if not has_route(app, BOOTSTRAP):
        pytest.skip(f"{BOOTSTRAP} does not exist yet")
    page = phone
    log_in(page, base)
    headers = "(r) => [r.status, r.headers.get('X-Sidak-Stored-At')]"
    fresh = page.evaluate(f"fetch('{BOOTSTRAP}').then({headers})")
    assert fresh == [200, None]
    page.wait_for_function(f"caches.match('{BOOTSTRAP}', {{cacheName: 'sidak-data'}})")
    page.context.set_offline(True)
    status, stored_at = page.evaluate(f"fetch('{BOOTSTRAP}').then({headers})")
    assert status == 200 and stored_at, "the stored copy says when it was stored"


def test_ready_offline_shows_once_the_data_is_stored(live_server, phone):
    base, _ = live_server
    page = phone
    log_in(page, base)
    ready = page.locator("[data-offline-ready]")
    assert ready.is_hidden()
    # what the worker stores after the field app's first bootstrap
    page.evaluate(
        """url => caches.open('sidak-data').then((cache) => cache.put(url,
             new Response('{}', {headers: {'Content-Type': 'application/json'}})))""",
        BOOTSTRAP,
    )
    page.reload()
    ready.wait_for()
    assert ready.inner_text() == "Siap offline"


def test_only_inspectors_ask_the_browser_to_keep_their_storage(live_server, phone):
    base, _ = live_server
    page = phone
    page.add_init_script(
        """window.persistCalls = 0;
        const persist = navigator.storage.persist.bind(navigator.storage);
        navigator.storage.persist = () => { window.persistCalls += 1; return persist(); };"""
    )
    page.goto(base + "/masuk")
    page.wait_for_load_state("networkidle")
    assert page.evaluate("window.persistCalls") == 0
    log_in(page, base)
    page.wait_for_function("window.persistCalls === 1")


def test_a_new_version_waits_until_the_page_asks_and_keeps_the_data(live_server, phone, tmp_path):
    base, app = live_server
    static = own_static(app, tmp_path)
    page = phone
    log_in(page, base)
    old = "sidak-shell-" + config_of(page.request.get(base + "/sw.js").text())["version"]
    page.evaluate(
        """url => caches.open('sidak-data').then((cache) => cache.put(url,
             new Response('{"drafts": 1}', {headers: {'Content-Type': 'application/json'}})))""",
        BOOTSTRAP,
    )
    page.reload()
    page.locator("[data-offline-ready]").wait_for()
    with (static / "css" / "sidak.css").open("a") as css:
        css.write("\n/* versi baru */\n")
    new = "sidak-shell-" + config_of(page.request.get(base + "/sw.js").text())["version"]
    assert new != old

    page.evaluate("navigator.serviceWorker.getRegistration().then((r) => r.update())")
    notice = page.locator("[data-sw-update]")
    notice.wait_for()
    assert "Versi baru tersedia" in notice.inner_text()
    assert {old, new} <= set(page.evaluate("caches.keys()"))
    css = page.evaluate("fetch('/static/css/sidak.css').then((r) => r.text())")
    assert "versi baru" not in css, "the old worker still serves the page"
    page.add_script_tag(path=str(AXE))
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG
    )
    assert [violation["id"] for violation in result["violations"]] == []

    with page.expect_navigation():
        notice.locator("[data-sw-reload]").click()
    page.wait_for_function("navigator.serviceWorker.controller !== null")
    assert set(page.evaluate("caches.keys()")) == {new, "sidak-data"}
    data = page.evaluate(
        "url => caches.match(url, {cacheName: 'sidak-data'}).then((r) => r.json())", BOOTSTRAP
    )
    assert data == {"drafts": 1}, "an update never drops data"
    css = page.evaluate("fetch('/static/css/sidak.css').then((r) => r.text())")
    assert "versi baru" in css
    assert page.locator("[data-sw-update]").is_hidden()


def test_chromium_finds_the_app_installable(live_server, phone_profile):
    base, _ = live_server
    page = phone_profile
    page.goto(base + "/masuk")
    page.wait_for_function("navigator.serviceWorker.controller !== null")
    cdp = page.context.new_cdp_session(page)
    assert cdp.send("Page.getAppManifest")["errors"] == []
    assert cdp.send("Page.getInstallabilityErrors")["installabilityErrors"] == []
