"""The city's decisions and the office's replies: reasons are required where the rules say,
late objections are refused, and settled findings leave the follow-up list."""

from datetime import timedelta

from sqlalchemy import select

from sidak.models import AuditEvent, CorrectiveAction, FollowUp, Sanction, db
from sidak.services.sanctions.followups import due_visits
from tests.sanctions.conftest import log_in, start, violate_and_finalize


def _violation(client, people) -> Sanction:
    office, _, _ = people
    log_in(client, "budi")
    violate_and_finalize(client, start(client, office))
    return db.session.scalar(select(Sanction))


def test_another_level_or_waiving_needs_a_written_reason(client, people, ladder):
    sanction = _violation(client, people)
    log_in(client, "walikota")
    top = ladder.levels[-1].id
    page = client.post(
        f"/sanksi/{sanction.id}/keputusan",
        data={"keputusan": "lain", "tingkat": top},
        follow_redirects=True,
    ).get_data(as_text=True)
    assert "Tulis alasan memilih tingkat sanksi yang berbeda dari usulan." in page
    client.post(f"/sanksi/{sanction.id}/keputusan", data={"keputusan": "batal", "alasan": " "})
    db.session.refresh(sanction)
    assert sanction.status == "proposed" and sanction.number is None

    reason = "Loket pelayanan ramai; risiko tinggi"
    client.post(
        f"/sanksi/{sanction.id}/keputusan",
        data={"keputusan": "lain", "tingkat": top, "alasan": reason},
    )
    db.session.refresh(sanction)
    assert (sanction.status, sanction.level, sanction.decision_reason) == ("issued", top, reason)
    assert sanction.proposed_level != top
    assert sanction.level_name == ladder.levels[-1].name.id
    event = db.session.scalar(select(AuditEvent).where(AuditEvent.action == "sanction.issue"))
    assert reason in event.detail and event.actor == "walikota"
    # decided once: a second decision changes nothing
    again = client.post(
        f"/sanksi/{sanction.id}/keputusan",
        data={"keputusan": "batal", "alasan": "berubah pikiran"},
        follow_redirects=True,
    ).get_data(as_text=True)
    assert "Sanksi ini sudah diputuskan." in again
    db.session.refresh(sanction)
    assert sanction.status == "issued"


def test_admins_read_but_do_not_decide(client, people, make_user):
    sanction = _violation(client, people)
    make_user("admin", role="admin")
    log_in(client, "admin")
    assert client.get(f"/sanksi/{sanction.id}").status_code == 200
    response = client.post(f"/sanksi/{sanction.id}/keputusan", data={"keputusan": "usulan"})
    assert response.status_code == 403
    db.session.refresh(sanction)
    assert sanction.status == "proposed"


def test_an_accepted_objection_withdraws_the_finding_and_a_late_one_is_refused(client, people):
    _violation(client, people)
    actions = list(db.session.scalars(select(CorrectiveAction).order_by(CorrectiveAction.id)))
    late, objected = actions[0], actions[1]
    late.due_date = late.due_date - timedelta(days=60)
    db.session.commit()
    log_in(client, "kepala")
    response = client.post(
        f"/kantor-saya/tindakan/{late.id}",
        data={"jenis": "keberatan", "catatan": "Tidak benar"},
    )
    assert response.status_code == 422
    assert "keberatan tidak dapat diajukan lagi" in response.get_data(as_text=True)
    assert late.status == "open" and not late.replies
    empty = client.post(f"/kantor-saya/tindakan/{objected.id}", data={"jenis": "keberatan"})
    assert empty.status_code == 422 and "Tulis alasan keberatan." in empty.get_data(as_text=True)
    response = client.post(
        f"/kantor-saya/tindakan/{objected.id}",
        data={"jenis": "keberatan", "catatan": "Petugas sedang istirahat"},
    )
    assert response.status_code == 302 and objected.status == "objected"

    log_in(client, "walikota")
    reply = objected.replies[0]
    url = f"/tindakan/{objected.id}/tanggapan/{reply.id}"
    refused = client.post(url, data={"putusan": "tolak"}, follow_redirects=True)
    assert "Tulis alasan menolak tanggapan." in refused.get_data(as_text=True)
    assert reply.verdict is None
    client.post(url, data={"putusan": "terima"})
    assert (reply.verdict, objected.status) == ("accepted", "withdrawn")
    assert objected.closed_at is not None


def test_a_follow_up_leaves_the_list_once_every_finding_is_settled(client, people):
    _violation(client, people)
    follow_up = db.session.scalar(select(FollowUp))
    assert [v.follow_up.id for v in due_visits()] == [follow_up.id]
    for action in db.session.scalars(select(CorrectiveAction)):
        action.status = "withdrawn"
    db.session.commit()
    assert due_visits() == []


def test_an_office_head_cannot_answer_for_another_office(client, people, make_office, make_user):
    _violation(client, people)
    other = make_office("Puskesmas Cibeureum", type="puskesmas")
    head = make_user("kepala2", role="office_head")
    head.office_id = other.id
    db.session.commit()
    action = db.session.scalar(select(CorrectiveAction))
    log_in(client, "kepala2")
    assert client.get(f"/kantor-saya/tindakan/{action.id}").status_code == 403
    response = client.post(
        f"/kantor-saya/tindakan/{action.id}", data={"jenis": "bukti", "catatan": "x"}
    )
    assert response.status_code == 403 and action.status == "open"
    assert "Kecamatan Sukamaju Utara" not in client.get("/kantor-saya").get_data(as_text=True)
