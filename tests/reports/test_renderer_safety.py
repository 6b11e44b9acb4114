"""Text that inspectors type reaches the report's HTML: it must stay text and fetch nothing."""

import subprocess
import sys

import pytest

from sidak.services.reports import pdf
from sidak.services.reports.pdf import ReportFetcher
from tests.reports.conftest import needs_poppler, pdf_text

PAYLOADS = (
    '<img src="file:///etc/passwd">',
    '<link rel="stylesheet" href="http://127.0.0.1:9/x.css">',
    '<img src="/admin/pengguna">',
    "<style>@import url(https://example.org/a.css);</style>",
    '<svg><image href="file:///etc/hostname"/></svg>',
    "<iframe src=//example.org></iframe>",
)


@needs_poppler
def test_payloads_in_notes_show_as_text_and_nothing_is_fetched(client, finalized, monkeypatch):
    asked: list[str] = []
    original = ReportFetcher.fetch

    def spy(self, url, headers=None):
        asked.append(url)
        return original(self, url, headers)

    monkeypatch.setattr(ReportFetcher, "fetch", spy)
    note = " ".join(PAYLOADS)
    inspection = finalized(note=note)
    response = client.get(f"/inspeksi/{inspection.uuid}/berita-acara.pdf")
    assert response.status_code == 200
    text = pdf_text(response.data)
    for payload in PAYLOADS:
        assert payload in text, payload
    assert asked, "the report's own assets are fetched through the fetcher"
    assert all(url.startswith(("sidak:asset/", "sidak:file/")) for url in asked), asked
    assert not [url for url in asked if "etc" in url or "example.org" in url or "127.0" in url]


@pytest.mark.parametrize(
    "url",
    [
        "file:///etc/passwd",
        "http://127.0.0.1:5000/admin/pengguna",
        "https://example.org/logo.png",
        "data:image/svg+xml,<svg/>",
        "ftp://example.org/x",
        "sidak:asset/../../inspect/sidak/config.py",
        "sidak:asset/../reports/../../instance/secret_key",
        "sidak:asset/fonts/../../../../../../etc/passwd",
        "sidak:file/photo-of-another-inspection",
        "sidak:asset/",
    ],
)
def test_the_fetcher_refuses_everything_but_its_own_files(url):
    fetcher = ReportFetcher({"photo-1": lambda: b"jpeg"})
    with pytest.raises(ValueError, match="refused"):
        fetcher.fetch(url)
    assert fetcher.refused == [url]
    assert fetcher.fetched == []


def test_the_fetcher_serves_shipped_assets_and_named_files():
    fetcher = ReportFetcher({"photo-1": lambda: b"jpeg"})
    font = fetcher.fetch("sidak:asset/fonts/NotoSans-Regular.ttf")
    assert font.read() == (pdf.ASSETS / "fonts" / "NotoSans-Regular.ttf").read_bytes()
    assert fetcher.fetch("sidak:file/photo-1").read() == b"jpeg"
    assert fetcher.refused == []


def test_a_refused_url_in_the_template_costs_the_image_not_the_report():
    html = (
        '<html><body><p>Isi</p><img src="file:///etc/passwd"><img src="http://x/y"></body></html>'
    )
    rendered = pdf.render_pdf(html, fetcher=ReportFetcher(), archival=False)
    assert rendered.data.startswith(b"%PDF")
    assert rendered.refused == ("file:///etc/passwd", "http://x/y")


def test_loading_the_renderer_leaves_uploads_strict():
    """WeasyPrint tells Pillow, process-wide, to accept truncated images; Sidak undoes that.

    In a fresh process, so that the imports really happen in the order the server makes them.
    """
    script = """
import io
from PIL import Image
from sidak.app import create_app
from sidak.media.images import ImageRejected, process_photo
create_app({"SQLALCHEMY_DATABASE_URI": "sqlite://", "SECRET_KEY": "x"})
import weasyprint.images  # what sets the flag; already imported through the app
buffer = io.BytesIO()
Image.effect_noise((200, 150), 60).convert("RGB").save(buffer, "JPEG")
try:
    process_photo(buffer.getvalue()[: len(buffer.getvalue()) // 2])
except ImageRejected as exc:
    print("refused", exc.code)
else:
    print("accepted")
"""
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    assert done.stdout.strip().splitlines()[-1] == "refused corrupt", done.stderr[-2000:]
