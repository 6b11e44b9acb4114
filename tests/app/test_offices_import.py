"""Importing offices from a spreadsheet: every row checked, all or nothing."""

import json

import pytest
from sqlalchemy import func, select

from sidak.models import AuditEvent, Office, db
from sidak.services.office_import import import_offices

HEADER = "nama,jenis,kecamatan,alamat,kepala,telepon,email,lintang,bujur\n"


def offices() -> dict[str, Office]:
    return {office.name: office for office in db.session.scalars(select(Office))}


def office_count() -> int:
    return db.session.scalar(select(func.count(Office.id)))


def test_a_valid_file_creates_every_office_with_its_values(app):
    data = HEADER + (
        "Dinas Kesehatan,dinas,Coblong,Jl. Supratman 73,dr. Ani,022-4201234,ani@kota.go.id,"
        "-6.9024,107.6322\n"
        "Puskesmas Dago,Puskesmas,Coblong,,,,,,\n"
    )
    report = import_offices(data.encode(), "kantor.csv")
    assert report.problems == []
    assert (report.created, report.updated) == (2, 0)
    stored = offices()
    health = stored["Dinas Kesehatan"]
    assert (health.type, health.district, health.head_email) == (
        "dinas",
        "Coblong",
        "ani@kota.go.id",
    )
    assert (health.latitude, health.longitude) == (-6.9024, 107.6322)
    assert health.language == "id"
    dago = stored["Puskesmas Dago"]
    assert (dago.type, dago.latitude, dago.head_phone) == ("puskesmas", None, "")


def test_excel_file_with_bom_semicolons_and_decimal_commas_is_read(app):
    data = (
        "\ufeffnama;jenis;kecamatan;alamat;kepala;telepon;email;lintang;bujur\r\n"
        "Kecamatan Sukajadi;kecamatan;Sukajadi;Jl. Sukajadi 1, Bandung;;;;-6,8870;107,5975\r\n"
    )
    report = import_offices(data.encode("utf-8"), "excel.csv")
    assert report.ok, report.problems
    office = offices()["Kecamatan Sukajadi"]
    assert office.address == "Jl. Sukajadi 1, Bandung"
    assert (office.latitude, office.longitude) == (-6.887, 107.5975)


def test_english_headers_in_any_case_are_accepted(app):
    data = (
        "Name,Type,District,Address,Head_Name,Head_Phone,Head_Email,Latitude,Longitude\n"
        "Regional Hospital,rsud,Cibeunying,,Dr. Budi,+62 22 1234567,budi@rs.go.id,,\n"
    )
    report = import_offices(data.encode(), "english.csv")
    assert report.ok, report.problems
    office = offices()["Regional Hospital"]
    assert (office.type, office.head_name, office.head_phone) == (
        "rsud",
        "Dr. Budi",
        "+62 22 1234567",
    )


@pytest.mark.parametrize(
    ("written", "stored"),
    [
        ("Mal Pelayanan Publik", "mpp"),
        ("mall pelayanan publik", "mpp"),
        ("PUSKESMAS", "puskesmas"),
        ("Rumah Sakit Umum Daerah", "rsud"),
        ("lain-lain", "lainnya"),
        ("  Kelurahan ", "kelurahan"),
    ],
)
def test_office_types_are_recognised_in_common_spellings(app, written, stored):
    report = import_offices(f"nama,jenis,kecamatan\nKantor A,{written},Coblong\n".encode(), "f.csv")
    assert report.ok, report.problems
    assert offices()["Kantor A"].type == stored


def test_every_bad_row_is_reported_at_its_physical_line_and_nothing_is_imported(app):
    data = HEADER + (
        "Dinas Pendidikan,dinas,Sumur Bandung,,,,,,\n"  # line 2: fine
        'Dinas Sosial,dinas,Coblong,"Jl. Panjang 1\nLantai 2",,,,,\n'  # lines 3-4: fine
        'Kantor Tanpa Jenis,warung,Coblong,"Jl. Lebar 2\nBelakang pasar",,,,,\n'  # lines 5-6
        "Dinas Pangan,dinas,,,,,bukan-email,,\n"  # line 7: two problems
        "\n"  # line 8: empty
        "Dinas Perhubungan,dinas,Andir,,,,,-6.9,\n"  # line 9
        "Dinas Pariwisata,dinas,Andir,,,,,,\n"  # line 10: fine
    )
    report = import_offices(data.encode(), "kantor.csv")
    lines = report.problems
    assert [line.split(": ", 1)[0] for line in lines] == [
        "kantor.csv:5",
        "kantor.csv:7",
        "kantor.csv:7",
        "kantor.csv:9",
    ]
    assert "jenis: Jenis 'warung' tidak dikenal" in lines[0]
    assert "kecamatan: Kecamatan wajib diisi." in lines[1]
    assert "email: Alamat email tidak valid" in lines[2]
    assert "bujur: Isi lintang dan bujur keduanya" in lines[3]
    assert office_count() == 0
    assert db.session.scalar(select(func.count(AuditEvent.id))) == 0


def test_offices_are_updated_by_name_and_columns_not_in_the_file_are_kept(app, make_office):
    make_office(
        "Dinas Kesehatan",
        type="dinas",
        district="Coblong",
        latitude=-6.9,
        longitude=107.6,
        head_name="dr. Lama",
        language="en",
    )
    data = (
        "nama,jenis,kecamatan,kepala\n"
        "dinas kesehatan,dinas,Coblong,dr. Baru\n"
        "Dinas Sosial,dinas,Andir,\n"
    )
    report = import_offices(data.encode(), "kantor.csv")
    assert (report.created, report.updated, report.unchanged) == (1, 1, 0)
    stored = offices()
    assert set(stored) == {"dinas kesehatan", "Dinas Sosial"}
    updated = stored["dinas kesehatan"]
    assert updated.head_name == "dr. Baru"
    assert (updated.latitude, updated.longitude, updated.language) == (-6.9, 107.6, "en")
    again = import_offices(data.encode(), "kantor.csv")
    assert (again.created, again.updated, again.unchanged) == (0, 0, 2)


def test_a_name_twice_in_the_file_is_an_error_naming_the_first_line(app):
    data = "nama,jenis,kecamatan\nDinas Sosial,dinas,Andir\nDINAS SOSIAL,dinas,Coblong\n"
    report = import_offices(data.encode(), "kantor.csv")
    assert report.problems == ["kantor.csv:3: nama 'DINAS SOSIAL' sudah dipakai di baris 2."]
    assert office_count() == 0


def test_header_problems_are_reported_on_line_1(app):
    data = "nama,jenis,kecamtan,lintang\nDinas Sosial,dinas,Andir,-6.9\n"
    report = import_offices(data.encode(), "kantor.csv")
    assert all(line.startswith("kantor.csv:1: ") for line in report.problems), report.problems
    text = "\n".join(report.problems)
    assert "kolom 'kecamtan' tidak dikenal" in text
    assert "kolom 'kecamatan' wajib ada." in text
    assert "kolom lintang dan bujur harus ada keduanya." in text


def test_a_file_that_is_not_utf8_is_refused_at_the_line_of_the_bad_byte(app):
    data = b"nama,jenis,kecamatan\nDinas A,dinas,Andir\n" + "Kantor Ç,dinas,Andir\n".encode(
        "cp1252"
    )
    report = import_offices(data, "ansi.csv")
    assert report.problems == ["ansi.csv:3: berkas bukan UTF-8; simpan sebagai 'CSV UTF-8'."]
    assert office_count() == 0


def test_a_row_with_more_cells_than_the_header_is_an_error(app):
    data = "nama,jenis,kecamatan,lintang,bujur\nDinas A,dinas,Andir,-6,9,107,6\n"
    report = import_offices(data.encode(), "f.csv")
    assert report.problems == ["f.csv:2: baris ini 7 kolom, header 5."]


def test_an_import_is_audited_with_its_counts(app):
    import_offices(b"nama,jenis,kecamatan\nDinas A,dinas,Andir\nDinas B,badan,Andir\n", "f.csv")
    event = db.session.scalar(select(AuditEvent).where(AuditEvent.action == "office.import"))
    detail = json.loads(event.detail)
    assert (detail["created"], detail["updated"], detail["source"]) == (2, 0, "f.csv")
