"""Admin pages for offices: the form's checks, (de)activation, search, the CSV upload."""

import io
import json

import pytest
from sqlalchemy import select

from sidak.models import AuditEvent, Office, Role, db

VALID = {
    "name": "Dinas Kesehatan",
    "type": "dinas",
    "district": "Coblong",
    "address": "Jl. Supratman 73",
    "head_name": "dr. Ani",
    "head_phone": "0812-3456-7890",
    "head_email": "ani@kota.go.id",
    "latitude": "-6,9024",
    "longitude": "107.6322",
    "language": "id",
}


@pytest.fixture
def admin(login):
    return login(Role.ADMIN, username="admin")


def events(action: str) -> list[dict]:
    query = select(AuditEvent).where(AuditEvent.action == action).order_by(AuditEvent.id)
    return [json.loads(event.detail) for event in db.session.scalars(query)]


def test_a_valid_form_creates_the_office_and_audits_it(client, admin):
    response = client.post("/admin/kantor/baru", data=VALID)
    assert response.status_code == 302
    office = db.session.scalar(select(Office))
    assert (office.name, office.latitude, office.longitude) == (
        "Dinas Kesehatan",
        -6.9024,
        107.6322,
    )
    assert events("office.create")[0]["name"] == "Dinas Kesehatan"
    assert "Dinas Kesehatan" in client.get("/admin/kantor").text


@pytest.mark.parametrize(
    ("changed", "field_error"),
    [
        ({"latitude": "-6.9", "longitude": ""}, "Isi lintang dan bujur keduanya"),
        ({"latitude": "", "longitude": "107.6"}, "Isi lintang dan bujur keduanya"),
        ({"latitude": "-91"}, "Lintang harus angka antara -90 dan 90"),
        ({"longitude": "180.5"}, "Bujur harus angka antara -180 dan 180"),
        ({"latitude": "nan"}, "Lintang harus angka antara -90 dan 90"),
        ({"latitude": "utara"}, "Lintang harus angka antara -90 dan 90"),
        ({"head_email": "ani@kota"}, "Alamat email tidak valid"),
        ({"head_email": "ani kota.go.id"}, "Alamat email tidak valid"),
        ({"head_phone": "12-34"}, "Nomor telepon tidak valid"),
        ({"name": "  "}, "Nama kantor wajib diisi."),
        ({"district": ""}, "Kecamatan wajib diisi."),
    ],
)
def test_a_refused_form_comes_back_with_the_message_and_what_was_typed(
    client, admin, changed, field_error
):
    data = {**VALID, "name": "Kantor Ketikan Saya", **changed}
    response = client.post("/admin/kantor/baru", data=data)
    assert response.status_code == 422
    assert field_error in response.text
    assert "Jl. Supratman 73</textarea>" in response.text
    assert f'value="{data["head_phone"]}"' in response.text
    assert db.session.scalar(select(Office)) is None


def test_a_name_already_used_is_refused_whatever_its_case(client, admin, make_office):
    make_office("Dinas Kesehatan")
    response = client.post("/admin/kantor/baru", data={**VALID, "name": "DINAS KESEHATAN"})
    assert response.status_code == 422
    assert "Nama kantor ini sudah dipakai kantor lain." in response.text
    assert len(list(db.session.scalars(select(Office)))) == 1


def test_editing_keeps_its_own_name_and_audits_old_and_new_values(client, admin, make_office):
    office = make_office("Dinas Kesehatan", head_name="dr. Lama")
    response = client.post(f"/admin/kantor/{office.id}", data={**VALID, "head_name": "dr. Baru"})
    assert response.status_code == 302
    assert office.head_name == "dr. Baru"
    changes = events("office.update")[0]["changes"]
    assert changes["head_name"] == ["dr. Lama", "dr. Baru"]
    assert "name" not in changes


def test_editing_to_another_offices_name_is_refused(client, admin, make_office):
    make_office("Dinas Kesehatan")
    office = make_office("Dinas Sosial")
    response = client.post(f"/admin/kantor/{office.id}", data=VALID)
    assert response.status_code == 422
    assert "Nama kantor ini sudah dipakai kantor lain." in response.text
    assert office.name == "Dinas Sosial"


def test_an_office_is_deactivated_and_reactivated_never_deleted(client, admin, make_office):
    office = make_office()
    client.post(f"/admin/kantor/{office.id}/status", data={"active": "0"})
    assert office.active is False
    assert "Aktifkan kembali" in client.get(f"/admin/kantor/{office.id}").text
    client.post(f"/admin/kantor/{office.id}/status", data={"active": "1"})
    assert office.active is True
    assert [e["changes"]["active"] for e in events("office.update")] == [
        [True, False],
        [False, True],
    ]


def test_the_list_searches_name_and_district_and_filters_by_type(client, admin, make_office):
    make_office("Dinas Sosial", district="Andir")
    make_office("Puskesmas Dago", type="puskesmas", district="Coblong")
    make_office("Kelurahan Dago", type="kelurahan", district="Coblong")
    by_district = client.get("/admin/kantor?q=coblong").text
    assert "Puskesmas Dago" in by_district and "Dinas Sosial" not in by_district
    by_type = client.get("/admin/kantor?q=dago&jenis=puskesmas").text
    assert "Puskesmas Dago" in by_type and "Kelurahan Dago" not in by_type


def test_an_uploaded_csv_is_imported_and_counted(client, admin, make_office):
    make_office("Dinas Sosial")
    csv = "nama;jenis;kecamatan\nDinas Sosial;dinas;Cicendo\nMPP Kota;Mal Pelayanan Publik;Andir\n"
    upload = {"file": (io.BytesIO(csv.encode()), "kantor.csv")}
    response = client.post("/admin/kantor/impor", data=upload, follow_redirects=True)
    assert "Impor selesai: 1 kantor baru, 1 diperbarui, 0 tidak berubah." in response.text
    stored = {o.name: o for o in db.session.scalars(select(Office))}
    assert stored["Dinas Sosial"].district == "Cicendo"
    assert stored["MPP Kota"].type == "mpp"


def test_an_uploaded_csv_with_errors_lists_them_and_imports_nothing(client, admin):
    csv = "nama,jenis,kecamatan\nDinas A,dinas,\nDinas B,gudang,Andir\n"
    upload = {"file": (io.BytesIO(csv.encode()), "kantor.csv")}
    response = client.post("/admin/kantor/impor", data=upload)
    assert response.status_code == 422
    assert "kantor.csv:2: kecamatan: Kecamatan wajib diisi." in response.text
    assert "kantor.csv:3: jenis: Jenis &#39;gudang&#39; tidak dikenal" in response.text
    assert db.session.scalar(select(Office)) is None


def test_an_upload_without_a_file_asks_for_one(client, admin):
    response = client.post("/admin/kantor/impor", data={})
    assert response.status_code == 422
    assert "Pilih berkas CSV." in response.text
