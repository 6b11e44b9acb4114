"""``sidak offices import`` as people run it."""

from sqlalchemy import select

from sidak.models import Office, db


def names() -> list[str]:
    return list(db.session.scalars(select(Office.name).order_by(Office.name)))


def test_import_prints_what_it_did_and_exits_0(runner, tmp_path):
    path = tmp_path / "kantor.csv"
    path.write_text("nama;jenis;kecamatan\nDinas A;dinas;Andir\nDinas B;mpp;Andir\n")
    result = runner.invoke(args=["offices", "import", str(path)])
    assert result.exit_code == 0, result.output
    assert "Impor selesai: 2 kantor baru, 0 diperbarui, 0 tidak berubah." in result.output
    assert names() == ["Dinas A", "Dinas B"]
    again = runner.invoke(args=["offices", "import", str(path)])
    assert "0 kantor baru, 0 diperbarui, 2 tidak berubah." in again.output


def test_import_with_bad_rows_prints_file_line_messages_imports_nothing_and_exits_1(
    runner, tmp_path
):
    path = tmp_path / "kantor.csv"
    path.write_text("nama,jenis,kecamatan,email\nDinas A,dinas,Andir,\nDinas B,dinas,,x@\n")
    result = runner.invoke(args=["offices", "import", str(path)])
    assert result.exit_code == 1
    assert f"{path}:3: kecamatan: Kecamatan wajib diisi." in result.output
    assert f"{path}:3: email: Alamat email tidak valid" in result.output
    assert "Tidak ada yang diimpor: 2 kesalahan." in result.output
    assert names() == []


def test_import_of_a_missing_file_is_a_message_not_a_traceback(runner, tmp_path):
    result = runner.invoke(args=["offices", "import", str(tmp_path / "tidak-ada.csv")])
    assert result.exit_code == 1
    assert "tidak-ada.csv: berkas tidak dapat dibaca" in result.output
    assert "Traceback" not in result.output
