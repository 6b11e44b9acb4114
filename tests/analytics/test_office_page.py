"""An office's history page: the city sees any office, its head only their own."""

from datetime import date

from sidak.models import Role, Sanction, db
from sidak.services.analytics.summaries import rebuild_rollup
from tests.conftest import PASSWORD


def test_the_history_shows_the_timeline_trend_and_recurring_findings(
    client, make_office, record_summary, login
):
    office = make_office("Kelurahan Sukajadi", type="kelurahan", district="Utara")
    record_summary(office, date(2026, 9, 3), 72.5, items=("masker-pegawai", "sabun"))
    record_summary(office, date(2026, 10, 8), 81.0, items=("masker-pegawai",))
    record_summary(office, date(2026, 11, 12), 93.0)
    rebuild_rollup()
    db.session.commit()
    login(Role.CITY, username="walikota")
    page = client.get(f"/kantor/{office.id}").get_data(as_text=True)
    assert "Kelurahan Sukajadi" in page
    assert "82,2" in page  # (72.5 + 81.0 + 93.0) / 3 = 82.1666 -> 82.2
    recurring = page.split("Temuan yang berulang")[1].split("Riwayat inspeksi")[0]
    assert "Pegawai memakai masker dengan benar" in recurring
    assert "2 kali" in recurring, "masker-pegawai failed twice"
    assert "Sabun" not in recurring and "sabun" not in recurring, "sabun failed only once"
    assert page.count('class="badge score-badge"') >= 3
    assert "<svg" in page and "Tabel skor per bulan" in page


def test_an_office_head_reads_only_their_own_office(client, make_office, make_user, record_summary):
    own = make_office("Puskesmas Sukajadi", type="puskesmas")
    other = make_office("Puskesmas Cibeureum", type="puskesmas")
    head = make_user("kepala", role=Role.OFFICE_HEAD)
    head.office_id = own.id
    db.session.commit()
    visit = record_summary(own, date(2026, 11, 2), 60.0, violation=True)
    for status, level in (("proposed", "Teguran lisan"), ("issued", "Teguran tertulis")):
        db.session.add(
            Sanction(
                office_id=own.id,
                inspection_id=visit.id,
                status=status,
                ladder="uji",
                proposed_level="x",
                level="x",
                level_name=level,
            )
        )
    db.session.commit()
    client.post("/masuk", data={"username": "kepala", "password": PASSWORD})
    page = client.get(f"/kantor/{own.id}").get_data(as_text=True)
    assert "Teguran tertulis" in page and "Teguran lisan" not in page, "proposals stay the city's"
    assert client.get(f"/kantor/{own.id}").status_code == 200
    assert client.get(f"/kantor/{other.id}").status_code == 403
    portal = client.get("/kantor-saya").get_data(as_text=True)
    assert f"/kantor/{own.id}" in portal
    assert client.get("/dasbor").status_code == 403
