"""An office with a head and a city user, and inspections finalized through the web."""

import io
import uuid
from pathlib import Path

import pytest
from sqlalchemy import select

from sidak.config import PROJECT_ROOT
from sidak.domain.sanctions.loader import parse_ladder
from sidak.models import Inspection, Office, Role, User, db
from tests.app.test_inspection_flow import answer, fill_everything, jpeg_bytes, sign_all
from tests.conftest import PASSWORD

OFFICE = "Kecamatan Sukamaju Utara"
LADDER_FILE = PROJECT_ROOT / "checklists" / "sanksi.yaml"


@pytest.fixture
def ladder():
    return parse_ladder(Path(LADDER_FILE).read_bytes())


@pytest.fixture
def people(app, make_user, make_office, shipped_checklists):
    """The office, its head ``kepala`` and the city's ``walikota``, each with an e-mail."""
    app.config["SANCTIONS_FILE"] = str(LADDER_FILE)
    office = make_office(OFFICE, head_name="Drs. Ahmad Fauzi")
    head = make_user("kepala", role=Role.OFFICE_HEAD, name="Drs. Ahmad Fauzi")
    head.office_id, head.email = office.id, "kepala@sukamaju.go.id"
    city = make_user("walikota", role=Role.CITY, name="Sri Wahyuni")
    city.email = "rekap@sukamaju.go.id"
    make_user("budi", role=Role.INSPECTOR)
    db.session.commit()
    return office, head, city


def log_in(client, username: str) -> None:
    client.post("/keluar")
    response = client.post("/masuk", data={"username": username, "password": PASSWORD})
    assert response.status_code == 302, response.text


def start(client, office: Office, *, expect_follow_up: bool = False) -> str:
    key = str(uuid.uuid4())
    budi = db.session.scalar(select(User).where(User.username == "budi"))
    response = client.post(
        "/inspeksi/baru",
        data={"uuid": key, "office": office.name, "checklist": "kantor-pelayanan", "lead": budi.id},
    )
    assert response.status_code == 302, response.text
    target = "tindak-lanjut" if expect_follow_up else "bagian/1"
    assert response.headers["Location"] == f"/inspeksi/{key}/{target}"
    return key


def violate_and_finalize(client, key: str) -> Inspection:
    """Everything answered; visitors' masks 6/10 and a failed critical item (staff masks)."""
    fill_everything(client, key)
    answer(client, key, "masker-pegawai", observed=10, compliant=7, note="Tiga pegawai loket")
    client.post(
        f"/inspeksi/{key}/foto",
        data={
            "uuid": str(uuid.uuid4()),
            "butir": "masker-pegawai",
            "foto": (io.BytesIO(jpeg_bytes()), "p.jpg"),
        },
    )
    sign_all(client, key)
    assert client.post(f"/inspeksi/{key}/kirim").status_code == 302
    assert client.post(f"/inspeksi/{key}/final").status_code == 302
    inspection = db.session.scalar(select(Inspection).where(Inspection.uuid == key))
    assert inspection.status == "finalized"
    return inspection
