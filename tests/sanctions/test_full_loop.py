"""The whole loop, through the web as people use it: a violation is found, a sanction is
proposed and issued, the office head is told by e-mail and answers with evidence, the city
accepts, a follow-up visit verifies, and a second violation in the window climbs the ladder.
"""

import io
import re
import shutil

from sqlalchemy import select

from sidak.models import ActionReply, CorrectiveAction, FollowUp, Sanction, db
from sidak.services import notifications
from tests.app.test_inspection_flow import jpeg_bytes
from tests.reports.conftest import pdf_text
from tests.sanctions.conftest import log_in, start, violate_and_finalize


def test_the_whole_loop(client, people, ladder, smtp_server):
    office, head, city = people
    first_index = ladder.index(ladder.critical_level) if ladder.critical_level else 0

    # 1. the team finds a violation and finalizes the record
    log_in(client, "budi")
    first = violate_and_finalize(client, start(client, office))
    actions = list(db.session.scalars(select(CorrectiveAction).order_by(CorrectiveAction.id)))
    assert {a.item_id for a in actions} >= {"masker-pegawai", "masker-pengunjung"}
    assert all(a.status == "open" and a.office_id == office.id for a in actions)
    critical = next(a for a in actions if a.item_id == "masker-pegawai")
    assert critical.critical and critical.due_date < max(a.due_date for a in actions)
    sanction = db.session.scalar(select(Sanction))
    assert sanction.status == "proposed" and sanction.inspection_id == first.id
    assert sanction.level == ladder.levels[first_index].id
    assert "pelanggaran pertama dalam 90 hari" in sanction.reason
    follow_up = db.session.scalar(select(FollowUp))
    assert follow_up.office_id == office.id and follow_up.due_date > critical.due_date

    # 2. the city sees the proposal and issues it as proposed
    log_in(client, "walikota")
    listing = client.get("/sanksi").get_data(as_text=True)
    assert office.name in listing and sanction.level_name in listing
    response = client.post(f"/sanksi/{sanction.id}/keputusan", data={"keputusan": "usulan"})
    assert response.status_code == 302
    db.session.refresh(sanction)
    assert sanction.status == "issued"
    assert re.fullmatch(r"001/SP-SIDAK/[IVX]+/\d{4}", sanction.number)
    assert sanction.due_date is not None and sanction.decided_by_id == city.id
    letter = client.get(f"/sanksi/{sanction.id}/surat.pdf")
    assert letter.status_code == 200 and letter.data.startswith(b"%PDF")

    # 3. the office head is told by e-mail, with a link and no PDF
    notifications.deliver()
    to_head = [m for m in smtp_server.messages if m["To"] == head.email]
    subjects = " | ".join(m["Subject"] for m in to_head)
    bodies = "\n".join(m.get_content() for m in to_head)
    assert first.report_number in bodies and sanction.number in bodies
    assert len(to_head) >= 2, subjects
    assert all(not m.is_multipart() for m in to_head)
    assert "/kantor-saya" in bodies

    # 4. the office head answers every action with a photo and a note
    log_in(client, "kepala")
    portal = client.get("/kantor-saya").get_data(as_text=True)
    assert sanction.number in portal and critical.question in portal
    for action in actions:
        response = client.post(
            f"/kantor-saya/tindakan/{action.id}",
            data={
                "jenis": "bukti",
                "catatan": "Sudah diperbaiki, lihat foto",
                "foto": (io.BytesIO(jpeg_bytes()), "bukti.jpg"),
            },
            content_type="multipart/form-data",
        )
        assert response.status_code == 302, response.get_data(as_text=True)
    assert {a.status for a in actions} == {"replied"}
    notifications.deliver()
    to_city = [m for m in smtp_server.messages if m["To"] == city.email]
    assert any(office.name in m.get_content() for m in to_city)

    # 5. the city accepts every reply: the actions are corrected, so is the sanction
    log_in(client, "walikota")
    for reply in db.session.scalars(select(ActionReply)):
        page = client.get(f"/tindakan/{reply.action_id}").get_data(as_text=True)
        assert "Sudah diperbaiki, lihat foto" in page
        response = client.post(
            f"/tindakan/{reply.action_id}/tanggapan/{reply.id}", data={"putusan": "terima"}
        )
        assert response.status_code == 302
    assert {a.status for a in actions} == {"corrected"}
    db.session.refresh(sanction)
    assert sanction.status == "corrected"

    # 6. the follow-up visit: the earlier findings come pre-loaded; all corrected, but the
    #    staff are again without masks: a second violation inside the window
    log_in(client, "budi")
    assert office.name in client.get("/inspeksi").get_data(as_text=True)
    key = start(client, office, expect_follow_up=True)
    page = client.get(f"/inspeksi/{key}/tindak-lanjut").get_data(as_text=True)
    assert critical.question in page, page
    marks = {f"hasil-{a.id}": "corrected" for a in actions}
    marks[f"foto-{critical.id}"] = (io.BytesIO(jpeg_bytes()), "sesudah.jpg")
    response = client.post(
        f"/inspeksi/{key}/tindak-lanjut", data=marks, content_type="multipart/form-data"
    )
    assert response.headers["Location"] == f"/inspeksi/{key}/bagian/1"
    second = violate_and_finalize(client, key)
    assert {a.status for a in actions} == {"verified"}
    assert all(a.verified_by_id == second.id for a in actions)
    db.session.refresh(sanction)
    db.session.refresh(follow_up)
    assert sanction.status == "verified" and follow_up.status == "done"
    assert any(p.item_id == f"tl-{critical.id}" for p in second.photos)

    if shutil.which("pdftotext"):  # the follow-up's berita acara says what was checked
        text = pdf_text(client.get(f"/inspeksi/{key}/berita-acara.pdf").data)
        assert "Pemeriksaan ulang temuan sebelumnya" in text
        assert first.report_number in text and "Sudah diperbaiki" in text

    # 7. ... and the second violation is proposed one level up
    proposal = db.session.scalar(select(Sanction).where(Sanction.inspection_id == second.id))
    assert proposal.status == "proposed"
    assert proposal.level == ladder.levels[first_index + 1].id
    assert "pelanggaran ke-2 dalam 90 hari" in proposal.reason
