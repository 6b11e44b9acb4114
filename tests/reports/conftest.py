"""A finalized inspection made through the web, as the report tests need it."""

import io
import shutil
import subprocess
import uuid

import pytest
from sqlalchemy import select

from sidak.models import Inspection, db
from tests.app.test_inspection_flow import answer, fill_everything, jpeg_bytes, sign_all

needs_poppler = pytest.mark.skipif(
    shutil.which("pdftotext") is None, reason="poppler-utils (pdftotext) is not installed"
)


def pdf_text(data: bytes) -> str:
    """The PDF's text as pdftotext reads it, whitespace collapsed to single spaces."""
    result = subprocess.run(
        ["pdftotext", "-layout", "-", "-"], input=data, capture_output=True, check=True
    )
    return " ".join(result.stdout.decode("utf-8").split())


@pytest.fixture
def submitted(client, start_draft):
    """A filled, signed and submitted kantor-pelayanan inspection: (uuid, lead inspector)."""

    made = []

    def make(note: str = "Empat tanpa masker") -> tuple[str, object]:
        made.append(len(made) + 1)
        n = len(made)
        if n > 1:
            client.post("/keluar")  # the next inspection is another inspector's
        key, user = start_draft(
            username="budi" if n == 1 else f"budi{n}",
            office_name="Kecamatan Sukamaju Utara" if n == 1 else f"Kelurahan Cempaka {n}",
            latitude="-6.2",
            longitude="106.8",
            accuracy="12",
        )
        fill_everything(client, key)
        answer(client, key, "masker-pengunjung", observed=10, compliant=6, note=note)
        client.post(
            f"/inspeksi/{key}/foto",
            data={
                "uuid": str(uuid.uuid4()),
                "butir": "masker-pengunjung",
                "foto": (io.BytesIO(jpeg_bytes((1600, 1200))), "b.jpg"),
            },
        )
        sign_all(client, key)
        response = client.post(f"/inspeksi/{key}/kirim")
        assert response.status_code == 302
        return key, user

    return make


@pytest.fixture
def finalized(client, submitted):
    def make(note: str = "Empat tanpa masker") -> Inspection:
        key, _ = submitted(note)
        assert client.post(f"/inspeksi/{key}/final").status_code == 302
        return db.session.scalar(select(Inspection).where(Inspection.uuid == key))

    return make
