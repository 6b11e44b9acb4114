"""Error pages in Indonesian; never a traceback."""

from flask import Flask, render_template, request
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_wtf.csrf import CSRFError

MESSAGES = {
    400: (_l("Permintaan tidak valid"), _l("Data yang dikirim tidak dapat dibaca.")),
    403: (_l("Akses ditolak"), _l("Anda tidak berhak membuka halaman ini.")),
    404: (_l("Halaman tidak ditemukan"), _l("Alamat ini tidak ada atau sudah dipindahkan.")),
    405: (_l("Metode tidak diizinkan"), _l("Halaman ini tidak menerima permintaan seperti itu.")),
    413: (_l("Berkas terlalu besar"), _l("Ukuran berkas melebihi batas yang diizinkan.")),
    429: (
        _l("Terlalu banyak permintaan"),
        _l("Terlalu banyak permintaan dalam waktu singkat. Coba lagi sebentar lagi."),
    ),
    500: (
        _l("Terjadi kesalahan"),
        _l("Maaf, terjadi kesalahan di server. Data Anda tidak hilang."),
    ),
}


def register(app: Flask) -> None:
    for status in MESSAGES.keys() - {429}:
        app.register_error_handler(status, _page)
    app.register_error_handler(CSRFError, _csrf_page)
    app.register_error_handler(429, _too_many)


def _page(error):
    status = getattr(error, "code", 500) or 500
    title, text = MESSAGES.get(status, MESSAGES[500])
    if request.accept_mimetypes.best == "application/json":
        return {"error": str(title), "detail": str(text)}, status
    return render_template("errors/error.html", title=title, text=text, status=status), status


def _too_many(error):
    """A rate limit (sidak.web.limits): the login form says how long to wait, the API
    answers JSON; Flask-Limiter adds Retry-After."""
    from sidak.web import auth

    if request.endpoint == "auth.login":
        return auth.too_many_logins()
    title, text = MESSAGES[429]
    if request.path.startswith("/api/"):
        return {"error": str(text), "code": "rate_limited"}, 429
    return render_template("errors/error.html", title=title, text=text, status=429), 429


def _csrf_page(error):
    text = _("Sesi formulir sudah kedaluwarsa. Muat ulang halaman lalu kirim lagi.")
    if request.path.startswith("/api/"):  # the phone fetches a new token and resends
        return {"error": text, "code": "csrf"}, 400
    title = _("Formulir kedaluwarsa")
    page = render_template("errors/error.html", title=title, text=text, status=400)
    return page, 400
