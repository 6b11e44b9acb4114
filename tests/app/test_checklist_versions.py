"""Registering checklist files: every version kept, old versions never change."""

import json

from sqlalchemy import func, select

from sidak.models import ChecklistRecord, ChecklistVersion, db
from sidak.services.checklists import checklist_of, sync_folder

MINIMAL = """\
id: kantor-uji
version: "1"
title: Daftar periksa uji
rules:
  inpres-6-2020: Instruksi Presiden Nomor 6 Tahun 2020
grades:
  - {id: patuh, label: Patuh, min: 85, color: "#1b7f3b"}
  - {id: tidak-patuh, label: Tidak patuh, min: 0, color: "#c53030"}
sections:
  - id: masker
    title: Masker
    items:
      - id: masker-pegawai
        type: yesno
        question: Pegawai memakai masker
        category: masks
        weight: 2
"""


def write(folder, name, text):
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_text(text, encoding="utf-8")


def versions():
    return db.session.scalar(select(func.count(ChecklistVersion.id)))


def test_sync_registers_a_file_once(app, tmp_path):
    folder = tmp_path / "checklists"
    write(folder, "kantor-uji.yaml", MINIMAL)
    first = sync_folder(folder)
    again = sync_folder(folder)
    assert [line.split()[0] for line in first.registered] == ["kantor-uji"]
    assert again.registered == []
    assert [line.split()[0] for line in again.unchanged] == ["kantor-uji"]
    assert versions() == 1


def test_comments_and_formatting_do_not_make_a_new_version(app, tmp_path):
    folder = tmp_path / "checklists"
    write(folder, "kantor-uji.yaml", MINIMAL)
    sync_folder(folder)
    write(
        folder, "kantor-uji.yaml", "# komentar baru\n" + MINIMAL.replace("weight: 2", "weight:   2")
    )
    report = sync_folder(folder)
    assert report.registered == []
    assert versions() == 1


def test_an_edit_adds_a_version_and_keeps_the_old_one_intact(app, tmp_path):
    folder = tmp_path / "checklists"
    write(folder, "kantor-uji.yaml", MINIMAL)
    sync_folder(folder)
    old = db.session.scalar(select(ChecklistVersion))
    old_json = old.canonical_json
    write(folder, "kantor-uji.yaml", MINIMAL.replace("weight: 2", "weight: 5"))
    sync_folder(folder)
    record = db.session.scalar(select(ChecklistRecord))
    assert versions() == 2
    assert record.current_version_id != old.id
    db.session.refresh(old)
    assert old.canonical_json == old_json
    assert checklist_of(old).item("masker-pegawai").weight == 2
    assert checklist_of(record.current_version).item("masker-pegawai").weight == 5


def test_a_broken_edit_keeps_the_last_good_version_current(app, tmp_path):
    folder = tmp_path / "checklists"
    write(folder, "kantor-uji.yaml", MINIMAL)
    sync_folder(folder)
    good = db.session.scalar(select(ChecklistRecord)).current_version_id
    write(folder, "kantor-uji.yaml", MINIMAL.replace("weight: 2", "weight: -1"))
    report = sync_folder(folder)
    assert not report.ok
    assert any("kantor-uji.yaml:" in line and "C" in line for line in report.problems)
    record = db.session.scalar(select(ChecklistRecord))
    assert record.current_version_id == good
    assert not record.retired


def test_a_removed_file_retires_the_checklist_but_keeps_its_versions(app, tmp_path):
    folder = tmp_path / "checklists"
    write(folder, "kantor-uji.yaml", MINIMAL)
    sync_folder(folder)
    (folder / "kantor-uji.yaml").unlink()
    report = sync_folder(folder)
    assert report.retired == ["kantor-uji"]
    assert db.session.scalar(select(ChecklistRecord)).retired
    assert versions() == 1


def test_stored_version_keeps_the_source_and_a_canonical_form(app, tmp_path):
    folder = tmp_path / "checklists"
    write(folder, "kantor-uji.yaml", MINIMAL)
    sync_folder(folder)
    version = db.session.scalar(select(ChecklistVersion))
    assert version.source_yaml == MINIMAL
    assert version.label == "1"
    assert len(version.content_hash) == 64
    assert json.loads(version.canonical_json)["id"] == "kantor-uji"


def test_catalogue_pages_show_the_checklist(app, client, login, tmp_path):
    folder = tmp_path / "checklists"
    write(folder, "kantor-uji.yaml", MINIMAL)
    sync_folder(folder)
    login()
    index = client.get("/daftar-periksa")
    assert "Daftar periksa uji" in index.text
    assert "1 butir" in index.text
    detail = client.get("/daftar-periksa/kantor-uji")
    assert "Pegawai memakai masker" in detail.text
    assert "Instruksi Presiden Nomor 6 Tahun 2020" in detail.text
    assert "bobot 2" in detail.text
    assert client.get("/daftar-periksa/tidak-ada").status_code == 404


def test_grade_bands_are_shown_as_exact_one_decimal_ranges(app, client, login, tmp_path):
    folder = tmp_path / "checklists"
    write(folder, "kantor-uji.yaml", MINIMAL.replace("weight: 2", "weight: 1.5"))
    sync_folder(folder)
    login()
    page = client.get("/daftar-periksa/kantor-uji").text
    assert "skor 85–100" in page
    assert "skor 0–84,9" in page
    assert "bobot 1,5" in page
    english = client.get("/daftar-periksa/kantor-uji?lang=en").text
    assert "score 0–84.9" in english
    assert "weight 1.5" in english


def test_an_admin_registers_edited_files_from_the_catalogue(app, client, login, tmp_path):
    from sidak.models import Role

    folder = tmp_path / "checklists"
    write(folder, "kantor-uji.yaml", MINIMAL)
    login(Role.ADMIN, username="admin")
    response = client.post("/daftar-periksa/sinkron", follow_redirects=True)
    assert "1 versi baru, 0 tidak berubah, 0 tidak dipakai lagi." in response.text
    write(folder, "kantor-uji.yaml", MINIMAL.replace("weight: 2", "weight: 0"))
    response = client.post("/daftar-periksa/sinkron", follow_redirects=True)
    assert "kantor-uji.yaml:" in response.text
    assert "C201" in response.text
    assert versions() == 1
