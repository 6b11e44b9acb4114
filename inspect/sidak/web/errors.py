"""Error pages in Indonesian; never a traceback."""

from flask import Flask, render_template, request
from flask_wtf.csrf import CSRFError

MESSAGES = {
    400: ("Permintaan tidak valid", "Data yang dikirim tidak dapat dibaca."),
    403: ("Akses ditolak", "Anda tidak berhak membuka halaman ini."),
    404: ("Halaman tidak ditemukan", "Alamat ini tidak ada atau sudah dipindahkan."),
    405: ("Metode tidak diizinkan", "Halaman ini tidak menerima permintaan seperti itu."),
    413: ("Berkas terlalu besar", "Ukuran berkas melebihi batas yang diizinkan."),
    500: ("Terjadi kesalahan", "Maaf, terjadi kesalahan di server. Data Anda tidak hilang."),
}


def register(app: Flask) -> None:
    for status in MESSAGES:
        app.register_error_handler(status, _page)
    app.register_error_handler(CSRFError, _csrf_page)


def _page(error):
    status = getattr(error, "code", 500) or 500
    title, text = MESSAGES.get(status, MESSAGES[500])
    if request.accept_mimetypes.best == "application/json":
        return {"error": title, "detail": text}, status
    return render_template("errors/error.html", title=title, text=text, status=status), status


def _csrf_page(error):
    text = "Sesi formulir sudah kedaluwarsa. Muat ulang halaman lalu kirim lagi."
    page = render_template("errors/error.html", title="Formulir kedaluwarsa", text=text, status=400)
    return page, 400
