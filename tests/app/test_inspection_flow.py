"""The field workflow through the web: start, answer, evidence, sign, submit, finalize."""

import base64
import io
import json
import uuid

import pytest
from PIL import Image
from sqlalchemy import func, select

from sidak.models import AuditEvent, Inspection, InspectionStatus, Role, db


def png_data_url(color=(10, 30, 60)) -> str:
    image = Image.new("RGBA", (300, 120), (255, 255, 255, 0))
    for x in range(40, 260):
        image.putpixel((x, 60 + (x % 20) - 10), (*color, 255))
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return "data:image/png;base64," + base64.b64encode(buffer.getvalue()).decode()


def jpeg_bytes(size=(800, 600)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, (120, 160, 200)).save(buffer, "JPEG")
    return buffer.getvalue()


@pytest.fixture
def started(start_draft):
    """An inspector logged in with a started kantor-pelayanan draft and a GPS position."""
    return start_draft(latitude="-6.2", longitude="106.8", accuracy="12")


def answer(client, key, item, **body):
    response = client.put(f"/api/v1/inspections/{key}/answers/{item}", json=body)
    assert response.status_code == 200, response.get_json()
    return response.get_json()


def test_starting_twice_with_the_same_uuid_makes_one_inspection(client, started):
    key, user = started
    inspection = db.session.scalar(select(Inspection).where(Inspection.uuid == key))
    assert [m.name for m in inspection.team] == ["Budi Santoso", "Bripka Dedi Kurniawan"]
    assert inspection.team[0].is_lead
    assert inspection.latitude == pytest.approx(-6.2)
    # the phone sends the start form again (a double tap, a retry on a weak connection)
    again = client.post(
        "/inspeksi/baru",
        data={
            "uuid": key,
            "office": inspection.office.name,
            "checklist": "kantor-pelayanan",
            "lead": user.id,
        },
    )
    assert again.headers["Location"] == f"/inspeksi/{key}/bagian/1"
    assert db.session.scalar(select(func.count(Inspection.id))) == 1


def test_the_same_uuid_for_another_office_is_refused(client, started, make_office):
    key, user = started
    other = make_office("Puskesmas Cibeureum", type="puskesmas")
    response = client.post(
        "/inspeksi/baru",
        data={"uuid": key, "office": other.name, "checklist": "kantor-pelayanan", "lead": user.id},
    )
    assert response.status_code == 422
    assert "sudah dipakai untuk inspeksi lain" in response.text
    assert db.session.scalar(select(func.count(Inspection.id))) == 1


def test_an_invalid_answer_is_refused_in_indonesian(client, started):
    key, _ = started
    response = client.put(
        f"/api/v1/inspections/{key}/answers/masker-pegawai", json={"observed": 5, "compliant": 7}
    )
    assert response.status_code == 400
    assert "tidak boleh melebihi" in response.get_json()["error"]


def test_the_section_page_shows_saved_answers_after_a_reload(client, started):
    key, _ = started
    answer(client, key, "masker-pegawai", observed=10, compliant=9, note="Dua pegawai di loket 3")
    answer(client, key, "larangan-tanpa-masker", value="yes")
    page = client.get(f"/inspeksi/{key}/bagian/1").text
    assert 'name="a-masker-pegawai-observed" value="10"' in page
    assert 'name="a-masker-pegawai-compliant" value="9"' in page
    assert "Dua pegawai di loket 3" in page
    assert 'value="yes" checked' in page
    assert "Bagian 1 dari 9" in page


def test_a_section_posted_without_javascript_is_saved(client, started):
    key, _ = started
    response = client.post(
        f"/inspeksi/{key}/bagian/1",
        data={
            "a-masker-pegawai-observed": "12",
            "a-masker-pegawai-compliant": "12",
            "a-larangan-tanpa-masker-value": "no",
            "a-larangan-tanpa-masker-note": "Pengunjung tanpa masker dibiarkan masuk",
        },
    )
    assert response.status_code == 302
    assert response.headers["Location"] == f"/inspeksi/{key}/bagian/2"
    inspection = db.session.scalar(select(Inspection).where(Inspection.uuid == key))
    saved = {a.item_id: a for a in inspection.answers}
    assert (saved["masker-pegawai"].observed, saved["masker-pegawai"].compliant) == (12, 12)
    assert saved["larangan-tanpa-masker"].value == "no"


def test_a_bad_section_post_keeps_what_was_typed(client, started):
    key, _ = started
    response = client.post(
        f"/inspeksi/{key}/bagian/1",
        data={"a-masker-pegawai-observed": "3", "a-masker-pegawai-compliant": "8"},
    )
    assert response.status_code == 422
    assert "tidak boleh melebihi" in response.text


def test_photos_are_stored_once_per_uuid_and_served_only_to_the_team(
    app, client, started, make_user
):
    key, _ = started
    photo_id = str(uuid.uuid4())
    data = jpeg_bytes((3000, 2000))

    def send():
        return client.post(
            f"/inspeksi/{key}/foto",
            data={"uuid": photo_id, "butir": "masker-pegawai", "foto": (io.BytesIO(data), "a.jpg")},
            headers={"Accept": "application/json"},
        )

    first, again = send(), send()
    assert (first.status_code, again.status_code) == (201, 200)
    assert first.get_json()["sha256"] == again.get_json()["sha256"]
    served = client.get(f"/foto/{photo_id}")
    assert served.status_code == 200
    assert Image.open(io.BytesIO(served.data)).size == (1600, 1067)
    other = app.test_client()
    make_user("kepala", role=Role.OFFICE_HEAD)
    other.post("/masuk", data={"username": "kepala", "password": "rahasia-123"})
    assert other.get(f"/foto/{photo_id}").status_code == 403


def test_a_file_that_is_not_a_photo_is_refused(client, started):
    key, _ = started
    response = client.post(
        f"/inspeksi/{key}/foto",
        data={
            "uuid": str(uuid.uuid4()),
            "butir": "masker-pegawai",
            "foto": (io.BytesIO(b"%PDF-1.4 not a photo"), "x.jpg"),
        },
        headers={"Accept": "application/json"},
    )
    assert response.status_code == 400
    assert response.get_json()["error"]


def fill_everything(client, key):
    """Answer every visible item of kantor-pelayanan; two findings with their evidence."""
    from sidak.services.checklists import checklist_of

    inspection = db.session.scalar(select(Inspection).where(Inspection.uuid == key))
    checklist = checklist_of(inspection.checklist_version)
    for item in checklist.items:
        if item.type.value == "yesno":
            answer(client, key, item.id, value=item.expect)
        elif item.type.value == "count":
            answer(client, key, item.id, observed=10, compliant=10)
        elif item.type.value == "choice":
            answer(client, key, item.id, value=item.options[0].value)
        elif item.type.value == "number":
            answer(client, key, item.id, number=str(item.pass_max or item.pass_min))
    answer(client, key, "masker-pengunjung", observed=10, compliant=6, note="Empat tanpa masker")
    client.post(
        f"/inspeksi/{key}/foto",
        data={
            "uuid": str(uuid.uuid4()),
            "butir": "masker-pengunjung",
            "foto": (io.BytesIO(jpeg_bytes()), "a.jpg"),
        },
    )


def sign_all(client, key):
    inspection = db.session.scalar(select(Inspection).where(Inspection.uuid == key))
    for member in inspection.team:
        role = "lead" if member.is_lead else "member"
        response = client.post(
            f"/inspeksi/{key}/tanda-tangan",
            data={"peran": role, "anggota": member.id, "gambar": png_data_url()},
        )
        assert response.status_code == 302
    client.post(
        f"/inspeksi/{key}/tanda-tangan",
        data={
            "peran": "representative",
            "nama": "Drs. Ahmad Fauzi",
            "menolak": "1",
            "saksi": "Siti",
        },
    )


def test_submission_is_refused_until_answers_evidence_and_signatures_are_there(client, started):
    key, _ = started
    response = client.post(f"/api/v1/inspections/{key}/submit", json={})
    assert response.status_code == 400
    details = "\n".join(response.get_json()["details"])
    assert "Belum dijawab" in details
    assert "Tanda tangan perwakilan kantor belum ada" in details
    summary = client.get(f"/inspeksi/{key}/ringkasan").text
    assert f"/inspeksi/{key}/bagian/1#butir-masker-pegawai" in summary


def test_submit_is_idempotent_and_other_content_is_a_409(client, started):
    key, _ = started
    fill_everything(client, key)
    sign_all(client, key)
    first = client.post(f"/api/v1/inspections/{key}/submit", json={"answers": {}})
    assert first.status_code == 201, first.get_json()
    body = first.get_json()
    assert body["status"] == "submitted"
    again = client.post(f"/api/v1/inspections/{key}/submit", json={"answers": {}})
    assert again.status_code == 200
    assert again.get_json() == body
    changed = client.post(
        f"/api/v1/inspections/{key}/submit",
        json={"answers": {"masker-pegawai": {"observed": 10, "compliant": 1}}},
    )
    assert changed.status_code == 409
    inspection = db.session.scalar(select(Inspection).where(Inspection.uuid == key))
    stored = {a.item_id: a for a in inspection.answers}["masker-pegawai"]
    assert stored.compliant == 10
    assert db.session.scalar(select(func.count(Inspection.id))) == 1


def test_result_lists_findings_and_finalizing_freezes_the_record(client, started, runner):
    key, _ = started
    fill_everything(client, key)
    sign_all(client, key)
    client.post(f"/inspeksi/{key}/kirim")
    page = client.get(f"/inspeksi/{key}").text
    assert "Empat tanpa masker" in page
    assert "Pengunjung memakai masker" in page
    assert "Finalkan berita acara" in page
    assert client.post(f"/inspeksi/{key}/final").status_code == 302
    inspection = db.session.scalar(select(Inspection).where(Inspection.uuid == key))
    assert inspection.status == InspectionStatus.FINALIZED
    assert len(inspection.content_hash) == 64
    record = json.loads(inspection.canonical_json)
    assert record["answers"]["masker-pengunjung"]["compliant"] == 6
    assert record["signatures"][-1]["refused"] is True
    # the draft endpoints refuse a finalized record
    late = client.put(f"/api/v1/inspections/{key}/answers/masker-pegawai", json={"value": "x"})
    assert late.status_code == 403
    actions = set(db.session.scalars(select(AuditEvent.action)))
    assert {
        "inspection.start",
        "inspection.answer",
        "inspection.submit",
        "inspection.finalize",
    } <= actions


def test_verify_reports_a_tampered_record(client, started, runner):
    key, _ = started
    fill_everything(client, key)
    sign_all(client, key)
    client.post(f"/inspeksi/{key}/kirim")
    client.post(f"/inspeksi/{key}/final")
    clean = runner.invoke(args=["verify"])
    assert clean.exit_code == 0, clean.output
    assert "1 berita acara diperiksa" in clean.output
    db.session.execute(
        db.text("UPDATE answers SET compliant = 10 WHERE item_id = 'masker-pengunjung'")
    )
    db.session.commit()
    db.session.expire_all()
    tampered = runner.invoke(args=["verify", key])
    assert tampered.exit_code == 1
    assert key in tampered.output
    assert "answers.masker-pengunjung.compliant" in tampered.output


def test_a_correction_is_a_new_linked_version_and_the_old_stays(client, started):
    key, _ = started
    fill_everything(client, key)
    sign_all(client, key)
    client.post(f"/inspeksi/{key}/kirim")
    client.post(f"/inspeksi/{key}/final")
    response = client.post(f"/inspeksi/{key}/koreksi", data={"alasan": "Salah hitung pengunjung"})
    assert response.status_code == 302
    old = db.session.scalar(select(Inspection).where(Inspection.uuid == key))
    new = old.superseded_by
    assert new.version == 2 and new.status == InspectionStatus.DRAFT
    assert response.headers["Location"] == f"/inspeksi/{new.uuid}/bagian/1"
    assert {a.item_id for a in new.answers} == {a.item_id for a in old.answers}
    assert old.status == InspectionStatus.FINALIZED
    assert "Catatan ini sudah dikoreksi" in client.get(f"/inspeksi/{key}").text


def test_a_photo_can_be_removed_from_a_draft_without_javascript(client, started):
    key, _ = started
    client.post(
        f"/inspeksi/{key}/foto",
        data={
            "uuid": str(uuid.uuid4()),
            "butir": "masker-pegawai",
            "foto": (io.BytesIO(jpeg_bytes()), "a.jpg"),
        },
    )
    page = client.get(f"/inspeksi/{key}/bagian/1").text
    action = page.split('formaction="')[1].split('"')[0]
    response = client.post(action, data={"kembali": f"/inspeksi/{key}/bagian/1#butir-x"})
    assert response.headers["Location"] == f"/inspeksi/{key}/bagian/1#butir-x"
    inspection = db.session.scalar(select(Inspection).where(Inspection.uuid == key))
    assert inspection.photos == []
    outside = client.post(action, data={"kembali": "https://evil.example/"})
    assert outside.status_code == 404


def test_the_audit_log_refuses_changes_and_deletions(client, started):
    from sidak.models.audit import AppendOnlyError

    event = db.session.scalar(select(AuditEvent))
    event.action = "something.else"
    with pytest.raises(AppendOnlyError):
        db.session.commit()
    db.session.rollback()
    db.session.delete(db.session.scalar(select(AuditEvent)))
    with pytest.raises(AppendOnlyError):
        db.session.commit()
    db.session.rollback()
