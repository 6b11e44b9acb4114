"""HTML to PDF/A-3 with WeasyPrint, fetching nothing but the report's own files.

Inspectors' text ends up in the HTML. Templates escape it, and the URL fetcher is the second
wall: it answers only ``sidak:asset/...`` (the fonts, logo and stylesheet shipped with Sidak)
and ``sidak:file/...`` for the stored files this one document may show. Every other URL
(file://, http(s)://, data:, the app's own pages) is refused and noted, so nothing is read
from disk or the network and no request goes out with anyone's cookies.

WeasyPrint is imported once per process and shares one FontConfiguration and one parsed
stylesheet: importing costs about 0.4 s, and a configuration per render grows memory.
"""

import gc
import mimetypes
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from PIL import ImageFile
from weasyprint import CSS, HTML, Attachment
from weasyprint.text.fonts import FontConfiguration
from weasyprint.urls import URLFetcher, URLFetcherResponse

from sidak.config import PROJECT_ROOT

# Importing WeasyPrint tells Pillow, for the whole process, to accept truncated images.
# Uploads must still refuse them (sidak.media), and reports only show images Sidak wrote.
ImageFile.LOAD_TRUNCATED_IMAGES = False

ASSET_PREFIX = "sidak:asset/"
FILE_PREFIX = "sidak:file/"
STYLESHEET = PROJECT_ROOT / "templates" / "reports" / "report.css"
ASSETS = PROJECT_ROOT / "static" / "reports"


class ReportFetcher(URLFetcher):
    """Serves the shipped report assets and the files named in `files`; refuses the rest."""

    def __init__(
        self, files: dict[str, Callable[[], bytes]] | None = None, logo: Path | None = None
    ):
        super().__init__(allowed_protocols=())
        self.files = files or {}
        self.logo = logo
        self.fetched: list[str] = []
        self.refused: list[str] = []

    def fetch(self, url, headers=None):
        body = self._body(url)
        if body is None:
            self.refused.append(url)
            raise ValueError(f"refused by the report renderer: {url[:200]}")
        self.fetched.append(url)
        content_type = mimetypes.guess_type(url)[0] or "application/octet-stream"
        return URLFetcherResponse(url, body, {"Content-Type": content_type})

    def _body(self, url: str) -> bytes | None:
        if url.startswith(FILE_PREFIX):
            reader = self.files.get(url.removeprefix(FILE_PREFIX))
            return reader() if reader else None
        if not url.startswith(ASSET_PREFIX):
            return None
        name = url.removeprefix(ASSET_PREFIX)
        if name == "logo" and self.logo is not None:
            return self.logo.read_bytes()
        path = (ASSETS / name).resolve()
        if ASSETS.resolve() not in path.parents or not path.is_file():
            return None
        return path.read_bytes()


def chart_image(files: dict[str, Callable[[], bytes]], name: str, svg: str) -> str:
    """Offer an SVG chart to the renderer as a file and return its URL for an ``<img>``.

    As an image, WeasyPrint draws the SVG with its own renderer instead of styling every bar
    as an HTML element (and warning about SVG properties it does not know in HTML).
    """
    data = str(svg).encode("utf-8")
    files[name] = lambda: data
    return FILE_PREFIX + name


_lock = threading.Lock()
_shared: dict[str, object] = {}


def _fonts_and_style() -> tuple[FontConfiguration, CSS]:
    """One font configuration and one parsed stylesheet per process (reloaded if edited)."""
    with _lock:
        mtime = STYLESHEET.stat().st_mtime
        if _shared.get("mtime") != mtime:
            fonts = FontConfiguration()
            css = CSS(
                string=STYLESHEET.read_text(encoding="utf-8"),
                base_url=ASSET_PREFIX,
                url_fetcher=ReportFetcher(),
                font_config=fonts,
            )
            _shared.update(mtime=mtime, fonts=fonts, css=css)
        return _shared["fonts"], _shared["css"]  # type: ignore[return-value]


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause Python's cyclic garbage collector while WeasyPrint works.

    A render allocates hundreds of thousands of short-lived objects; each burst wakes the
    collector, which then rescans everything the app holds. Measured on the benchmark report:
    560 ms with the collector, 400 ms without. Reference counting still frees what a render
    drops; cycles wait for the collector's next run after the render.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


@dataclass(frozen=True)
class RenderedPdf:
    data: bytes
    pages: int
    milliseconds: int
    refused: tuple[str, ...]  #: URLs the document asked for and did not get


@dataclass(frozen=True)
class JsonAttachment:
    name: str
    description: str
    content: str


def render_pdf(
    html: str,
    *,
    fetcher: ReportFetcher,
    attachment: JsonAttachment | None = None,
    archival: bool = True,
) -> RenderedPdf:
    """Render `html` to PDF (PDF/A-3b when `archival`), with an optional JSON attachment."""
    started = time.perf_counter()
    fonts, css = _fonts_and_style()
    options: dict = {"stylesheets": [css]}
    if archival:
        options["pdf_variant"] = "pdf/a-3b"
    if attachment is not None:
        options["attachments"] = [
            Attachment(
                string=attachment.content,
                name=attachment.name,
                description=attachment.description,
                relationship="Data",
            )
        ]
    with collector_paused():
        html_document = HTML(string=html, base_url=ASSET_PREFIX, url_fetcher=fetcher)
        document = html_document.render(font_config=fonts, **options)
        data = document.write_pdf(**options)
    return RenderedPdf(
        data=data,
        pages=len(document.pages),
        milliseconds=round((time.perf_counter() - started) * 1000),
        refused=tuple(fetcher.refused),
    )
