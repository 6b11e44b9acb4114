"""Notifications: the page, the nav badge, and e-mail through a real SMTP server."""

import re
from datetime import timedelta

import pytest
from sqlalchemy import func, select

from sidak.models import MailStatus, Notification, OutgoingMail, Role, User, db, utcnow
from sidak.services import notifications
from tests.conftest import PASSWORD
from tests.smtp import SmtpServer, free_port

PUBLIC_URL = "https://sidak.sukamaju.go.id"
ISSUED = {
    "office": "Kecamatan Sukamaju Utara",
    "number": "001/SP-SIDAK/XII/2026",
    "level": "Teguran tertulis",
    "due": "2026-12-15",
}


@pytest.fixture
def person(make_user, make_office):
    """A factory: an account with an e-mail address and a language."""
    office = None

    def make(username="kepala", role=Role.OFFICE_HEAD, email=None, language=None):
        nonlocal office
        user = make_user(username, role=role, name=f"Bapak {username.title()}")
        if role == Role.OFFICE_HEAD:
            office = office or make_office()
            user.office_id = office.id
        user.email = f"{username}@sukamaju.go.id" if email is None else email
        user.language = language
        db.session.commit()
        return user

    return make


def issue_notice(users, **options) -> list[Notification]:
    made = notifications.notify(users, "sanction.issued", ISSUED, "/kantor-saya", **options)
    db.session.commit()
    return made


def count(model) -> int:
    return db.session.scalar(select(func.count()).select_from(model))


def queued() -> list[OutgoingMail]:
    return list(db.session.scalars(select(OutgoingMail).order_by(OutgoingMail.id)))


# ---- e-mail ---------------------------------------------------------------------------------


def test_mail_arrives_in_indonesian_with_the_public_link_and_no_attachment(
    app, person, smtp_server
):
    app.config["PUBLIC_URL"] = PUBLIC_URL + "/"
    head = person()
    issue_notice([head])

    assert notifications.deliver() == (1, 0)
    [message] = smtp_server.messages
    assert message["To"] == "kepala@sukamaju.go.id"
    assert message["From"] == "Sidak <sidak@localhost>"
    assert "Sanksi dijatuhkan" in message["Subject"] and ISSUED["office"] in message["Subject"]
    assert message["Content-Language"] == "id"
    assert message["Auto-Submitted"] == "auto-generated"
    assert re.fullmatch(r"<sidak\.\d+\.\d+@localhost>", message["Message-ID"])
    assert message["Date"]
    assert not message.is_multipart()
    assert message.get_content_type() == "text/plain"
    assert message.get_content_charset() == "utf-8"
    assert not list(message.iter_attachments())
    body = message.get_content()
    assert "Yth. Bapak Kepala," in body
    assert (
        "Sanksi Teguran tertulis (nomor 001/SP-SIDAK/XII/2026) dijatuhkan kepada "
        "Kecamatan Sukamaju Utara. Batas perbaikan: 15 Desember 2026."
    ) in body
    assert f"{PUBLIC_URL}/kantor-saya" in body
    assert "Pesan otomatis dari Sidak Kota Sukamaju" in body
    assert "%PDF" not in body
    [mail] = queued()
    assert (mail.status, mail.attempts, mail.last_error) == (MailStatus.SENT, 0, "")
    assert mail.sent_at is not None
    assert notifications.deliver() == (0, 0)  # nothing is sent twice
    assert len(smtp_server.messages) == 1


def test_mail_is_written_in_the_recipients_language(app, person, smtp_server):
    indonesian, english = person("kepala"), person("head", language="en")
    issue_notice([indonesian, english])

    assert notifications.deliver() == (2, 0)
    by_address = {m["To"]: m for m in smtp_server.messages}
    in_english = by_address["head@sukamaju.go.id"]
    assert in_english["Content-Language"] == "en"
    assert "December 15, 2026" in in_english.get_content()
    assert "Desember" not in in_english.get_content()
    in_indonesian = by_address["kepala@sukamaju.go.id"]
    assert in_indonesian["Content-Language"] == "id"
    assert "15 Desember 2026" in in_indonesian.get_content()
    # writing the English mail left the current language alone
    assert "15 Desember 2026" in notifications.describe("sanction.issued", ISSUED)


def test_without_a_public_url_the_link_uses_the_requests_host(app, person):
    head = person()
    with app.test_request_context("/", base_url="http://10.0.0.5:5000"):
        issue_notice([head])
    assert "http://10.0.0.5:5000/kantor-saya" in queued()[0].body
    issue_notice([head])  # outside a request: the development address
    assert "http://localhost:5000/kantor-saya" in queued()[1].body


def test_a_once_key_makes_the_second_notice_a_no_op(person):
    head, other = person("kepala"), person("kepala2")
    first = issue_notice([head, head, other], once_key="deadline.soon:7:2026-12-15")
    assert [n.user_id for n in first] == [head.id, other.id]
    assert {n.once_key for n in first} == {
        f"deadline.soon:7:2026-12-15:{head.id}",
        f"deadline.soon:7:2026-12-15:{other.id}",
    }
    before = count(Notification), count(OutgoingMail)

    assert issue_notice([head, other], once_key="deadline.soon:7:2026-12-15") == []
    assert (count(Notification), count(OutgoingMail)) == before
    assert len(issue_notice([head], once_key="deadline.soon:7:2026-12-16")) == 1
    assert len(issue_notice([head])) == 1  # without a key, every call tells


def test_inactive_people_get_nothing_and_people_without_an_address_no_mail(person):
    head, quiet, gone = person("kepala"), person("kepala2", email=""), person("kepala3")
    gone.active = False
    made = issue_notice([head, quiet, gone])
    assert [n.user_id for n in made] == [head.id, quiet.id]
    assert [m.recipient for m in queued()] == ["kepala@sukamaju.go.id"]
    assert queued()[0].notification_id == made[0].id


def test_a_server_that_is_down_leaves_the_mail_queued_until_it_is_back(app, person):
    port = free_port()
    app.config.update(MAIL_SERVER="127.0.0.1", MAIL_PORT=port, MAIL_TIMEOUT=2)
    issue_notice([person()])

    assert notifications.deliver() == (0, 1)
    [mail] = queued()
    assert (mail.status, mail.attempts) == (MailStatus.QUEUED, 1)
    assert "Connection" in mail.last_error or "refused" in mail.last_error.lower()
    assert mail.next_attempt_at > utcnow() + timedelta(seconds=30)  # backing off
    assert notifications.deliver() == (0, 0)  # not due yet

    server = SmtpServer(port).start()
    try:
        mail.next_attempt_at = utcnow()  # a minute later
        db.session.commit()
        assert notifications.deliver() == (1, 0)
    finally:
        server.stop()
    assert [m["To"] for m in server.messages] == ["kepala@sukamaju.go.id"]
    db.session.refresh(mail)
    assert (mail.status, mail.attempts) == (MailStatus.SENT, 1)


def test_a_message_is_given_up_after_the_last_attempt(app, person):
    app.config.update(MAIL_SERVER="127.0.0.1", MAIL_PORT=free_port(), MAIL_TIMEOUT=2)
    issue_notice([person()])
    [mail] = queued()
    mail.attempts = notifications.MAX_ATTEMPTS - 1
    db.session.commit()
    assert notifications.deliver() == (0, 1)
    db.session.refresh(mail)
    assert (mail.status, mail.attempts) == (MailStatus.FAILED, notifications.MAX_ATTEMPTS)


def test_a_refused_recipient_fails_only_its_own_message(person, smtp_server):
    smtp_server.mailbox.refuse.add("kepala2@sukamaju.go.id")
    issue_notice([person("kepala"), person("kepala2"), person("kepala3")])

    assert notifications.deliver() == (2, 1)
    assert sorted(m["To"] for m in smtp_server.messages) == [
        "kepala3@sukamaju.go.id",
        "kepala@sukamaju.go.id",
    ]
    refused = next(m for m in queued() if m.recipient == "kepala2@sukamaju.go.id")
    assert (refused.status, refused.attempts) == (MailStatus.QUEUED, 1)
    assert "550" in refused.last_error


def test_without_a_mail_server_mail_stays_queued(app, person):
    app.config["MAIL_SERVER"] = ""
    issue_notice([person()])
    assert notifications.deliver() == (0, 0)
    [mail] = queued()
    assert (mail.status, mail.attempts, mail.last_error) == (MailStatus.QUEUED, 0, "")


def test_the_worker_sends_mail_between_recaps(runner, person, smtp_server):
    issue_notice([person()])
    result = runner.invoke(args=["worker", "--once"])
    assert result.exit_code == 0, result.output
    assert "1 terkirim" in result.output
    assert len(smtp_server.messages) == 1


def test_a_mail_failure_does_not_stop_the_worker(runner, monkeypatch):
    from sidak.commands import reports

    def broken(limit=50):
        raise RuntimeError("kotak surat rusak")

    logged = []
    monkeypatch.setattr(notifications, "deliver", broken)
    monkeypatch.setattr(reports.log, "exception", lambda *args: logged.append(args))
    result = runner.invoke(args=["worker", "--once"])
    assert result.exit_code == 0, result.output
    assert "Antrean kosong" in result.output
    assert logged


def test_mail_send_sends_what_is_due_and_prints_the_counts(app, runner, person, smtp_server):
    smtp_server.mailbox.refuse.add("kepala2@sukamaju.go.id")
    issue_notice([person("kepala"), person("kepala2")])
    result = runner.invoke(args=["mail", "send"])
    assert result.exit_code == 0, result.output
    assert "e-mail terkirim: 1, gagal: 1, masih di antrean: 1" in result.output

    app.config["MAIL_SERVER"] = ""
    unconfigured = runner.invoke(args=["mail", "send"])
    assert unconfigured.exit_code == 1
    assert "SIDAK_MAIL_SERVER" in unconfigured.output


# ---- what a notification says -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("kind", "params", "expected"),
    [
        (
            "report.finalized",
            {"office": "Puskesmas Dago", "number": "001/BA-SIDAK/XI/2026"},
            "Berita acara 001/BA-SIDAK/XI/2026 untuk Puskesmas Dago sudah final.",
        ),
        (
            "sanction.proposed",
            {"office": "Puskesmas Dago", "level": "Teguran lisan"},
            "Sanksi Teguran lisan diusulkan untuk Puskesmas Dago; menunggu keputusan.",
        ),
        (
            "sanction.escalated",
            {
                "office": "Puskesmas Dago",
                "level": "Teguran lisan",
                "next_level": "Teguran tertulis",
            },
            "Batas perbaikan sanksi Teguran lisan untuk Puskesmas Dago terlewati; "
            "diusulkan naik ke Teguran tertulis.",
        ),
        (
            "deadline.soon",
            {"office": "Puskesmas Dago", "count": 2, "due": "2026-08-17"},
            "2 tindakan perbaikan Puskesmas Dago jatuh tempo 17 Agustus 2026 (3 hari lagi).",
        ),
        (
            "reply.received",
            {"office": "Puskesmas Dago", "question": "Pegawai bermasker", "kind": "evidence"},
            "Puskesmas Dago mengirim bukti perbaikan untuk: Pegawai bermasker",
        ),
        (
            "reply.received",
            {"office": "Puskesmas Dago", "question": "Pegawai bermasker", "kind": "objection"},
            "Puskesmas Dago mengajukan keberatan untuk: Pegawai bermasker",
        ),
        (
            "followup.due",
            {"office": "Puskesmas Dago", "due": "2026-01-05"},
            "Inspeksi lanjutan ke Puskesmas Dago jatuh tempo 5 Januari 2026.",
        ),
    ],
)
def test_each_kind_has_its_sentence(app, kind, params, expected):
    assert notifications.describe(kind, params) == expected


def test_unknown_kinds_and_broken_parameters_read_as_a_generic_sentence(app):
    assert notifications.describe("something.new", {"office": "Puskesmas Dago"}) == (
        "Ada kabar baru tentang Puskesmas Dago di Sidak."
    )
    assert notifications.describe("sanction.issued", {}) == "Ada kabar baru di Sidak."
    broken = Notification(kind="deadline.passed", params="{not json")
    assert notifications.describe(broken) == "Ada kabar baru di Sidak."
    odd_date = {"office": "Puskesmas Dago", "count": 1, "due": "besok"}
    assert "besok" in notifications.describe("deadline.passed", odd_date)


# ---- the page and the badge ---------------------------------------------------------------------


def log_in(client, user: User) -> None:
    client.post("/keluar")
    response = client.post("/masuk", data={"username": user.username, "password": PASSWORD})
    assert response.status_code == 302


def badge(page: str) -> int:
    found = re.search(r'data-unread="(\d+)"', page)
    return int(found.group(1)) if found else 0


def test_the_page_lists_ones_own_notifications_newest_first(client, person):
    mine, theirs = person("kepala"), person("walikota", role=Role.CITY)
    notifications.notify(
        [mine], "report.finalized", {"office": "Kantor A", "number": "001/BA"}, "/kantor-saya"
    )
    db.session.commit()
    issue_notice([mine])
    notifications.notify([theirs], "sanction.proposed", {"office": "Kantor B", "level": "X"}, "/")
    db.session.commit()

    log_in(client, mine)
    page = client.get("/notifikasi").text
    assert "Berita acara 001/BA untuk Kantor A sudah final." in page
    assert page.index("dijatuhkan kepada") < page.index("Berita acara 001/BA")
    assert "Kantor B" not in page
    assert 'href="/kantor-saya"' in page
    assert badge(page) == 2
    english = client.get("/notifikasi?lang=en").text
    assert "December 15, 2026" in english


def test_marking_read_changes_the_badge_and_only_touches_ones_own(client, person):
    mine, theirs = person("kepala"), person("walikota", role=Role.CITY)
    first, second = issue_notice([mine]) + issue_notice([mine])
    [other] = issue_notice([theirs])
    log_in(client, mine)
    assert badge(client.get("/notifikasi").text) == 2

    refused = client.post("/notifikasi/baca", data={"id": str(other.id)})
    assert refused.status_code == 302
    db.session.refresh(other)
    assert other.read_at is None
    assert badge(client.get("/notifikasi").text) == 2

    client.post("/notifikasi/baca", data={"id": str(first.id)})
    page = client.get("/notifikasi").text
    assert badge(page) == 1
    db.session.refresh(first)
    assert first.read_at is not None

    response = client.post("/notifikasi/baca")
    assert response.headers["Location"].startswith("/notifikasi")
    page = client.get("/notifikasi").text
    assert badge(page) == 0 and "data-unread" not in page
    db.session.refresh(second)
    db.session.refresh(other)
    assert second.read_at is not None and other.read_at is None
    assert notifications.unread_count(theirs) == 1


def test_the_page_is_paginated(client, person):
    head = person()
    for number in range(25):
        notifications.notify(
            [head], "report.finalized", {"office": "Kantor A", "number": f"{number:03d}/BA"}, "/"
        )
    db.session.commit()
    log_in(client, head)
    first = client.get("/notifikasi").text
    assert "024/BA" in first and "000/BA" not in first
    assert "halaman=2" in first
    assert "000/BA" in client.get("/notifikasi?halaman=2").text


def test_marking_read_needs_the_csrf_token(app, client, person):
    head = person()
    issue_notice([head])
    log_in(client, head)
    app.config["WTF_CSRF_ENABLED"] = True
    assert client.post("/notifikasi/baca").status_code == 400
    assert notifications.unread_count(head) == 1


def test_anonymous_visitors_are_sent_to_log_in(client):
    assert client.get("/notifikasi").headers["Location"].startswith("/masuk?next=")
    assert client.post("/notifikasi/baca").headers["Location"].startswith("/masuk?next=")


# ---- addresses --------------------------------------------------------------------------------


def test_an_admin_sets_and_checks_an_address(client, login, make_user):
    login(Role.ADMIN, username="admin")
    data = {
        "username": "sri",
        "full_name": "dr. Sri Handayani",
        "role": "city",
        "email": "bukan-alamat",
        "password": "kata-sandi-baru",
        "confirm": "kata-sandi-baru",
    }
    refused = client.post("/admin/pengguna/baru", data=data)
    assert refused.status_code == 422
    assert "Alamat e-mail tidak valid" in refused.text
    accepted = client.post("/admin/pengguna/baru", data={**data, "email": " sri@kota.go.id "})
    assert accepted.status_code == 302
    sri = db.session.scalar(select(User).where(User.username == "sri"))
    assert sri.email == "sri@kota.go.id"

    form = client.get(f"/admin/pengguna/{sri.id}").text
    assert 'value="sri@kota.go.id"' in form
    edit = {"full_name": sri.full_name, "role": "city", "active": "y", "email": "sri@dinkes.go.id"}
    assert client.post(f"/admin/pengguna/{sri.id}", data=edit).status_code == 302
    db.session.refresh(sri)
    assert sri.email == "sri@dinkes.go.id"


def test_users_create_takes_an_email(runner):
    result = runner.invoke(
        args=["users", "create", "admin", "--email", "admin@kota.go.id", "--password", PASSWORD]
    )
    assert result.exit_code == 0, result.output
    assert db.session.scalar(select(User.email).where(User.username == "admin")) == (
        "admin@kota.go.id"
    )
    bad = runner.invoke(args=["users", "create", "lain", "--email", "x@", "--password", PASSWORD])
    assert bad.exit_code == 2
    assert "Alamat e-mail tidak valid" in bad.output
    assert db.session.scalar(select(User).where(User.username == "lain")) is None
