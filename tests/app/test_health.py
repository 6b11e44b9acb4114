from sqlalchemy.exc import OperationalError

from sidak.extensions import db
from sidak.models import Role


def test_healthz_reports_the_database_as_reachable(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    body = response.get_json()
    assert body["status"] == "ok"
    assert body["database"]["status"] == "ok"
    assert body["database"]["dialect"] in ("sqlite", "postgresql")


def test_healthz_says_503_when_the_database_fails(client, monkeypatch):
    def broken(*args, **kwargs):
        raise OperationalError("SELECT 1", {}, Exception("connection refused"))

    monkeypatch.setattr(db.session, "execute", broken)
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.get_json() == {
        "status": "error",
        "database": {"status": "error", "error": "OperationalError"},
    }


def test_unknown_page_is_an_indonesian_404(client):
    response = client.get("/tidak-ada")
    assert response.status_code == 404
    assert "Halaman tidak ditemukan" in response.text


def test_pages_leave_the_server_compressed_when_the_phone_accepts_it(client):
    import gzip

    response = client.get("/masuk", headers={"Accept-Encoding": "gzip"})
    assert response.headers["Content-Encoding"] == "gzip"
    assert "Masuk ke Sidak" in gzip.decompress(response.data).decode()
    plain = client.get("/masuk")
    assert "Content-Encoding" not in plain.headers


def test_an_id_no_column_can_hold_is_no_page(client, login):
    login(Role.CITY, "kota")
    for path in (
        "/kantor/99999999999999999999",
        "/sanksi/2147483648",
        "/tanda-tangan/9" + "9" * 30,
    ):
        response = client.get(path)
        assert response.status_code == 404, path
        assert "Halaman tidak ditemukan" in response.text
    assert client.get("/notifikasi?halaman=99999999999999999999").status_code == 200
