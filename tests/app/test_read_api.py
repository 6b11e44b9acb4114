"""The read API: tokens and sessions, who sees what, pages, filters and refused parameters."""

# ruff: noqa: F811  (fixtures imported from read_api_support are parameters of the tests)

from datetime import date, datetime, timedelta

import pytest
from sqlalchemy import event

from sidak.models import InspectionStatus, Integration, Role, db, utcnow
from sidak.services.integrations import revoke_integration
from tests.app.read_api_support import (  # noqa: F401  (fixtures)
    JAKARTA,
    make_integration,
    make_record,
    make_sanction,
    read,
    walk,
)
from tests.app.test_sync_drafts import create_draft
from tests.conftest import PASSWORD

LISTS = ("/api/v1/offices", "/api/v1/inspections", "/api/v1/sanctions")


@pytest.fixture
def city(make_office, make_record, make_sanction):
    """Two offices, each with a finalized record and an issued sanction; a draft and a
    proposed sanction in the first."""
    north = make_office("Kecamatan Sukamaju Utara", type="kecamatan", district="Sukamaju Utara")
    clinic = make_office("Puskesmas Cibeureum", type="puskesmas", district="Cibeureum")
    records = {
        "north": make_record(north),
        "clinic": make_record(clinic, checklist="puskesmas"),
        "draft": make_record(north, status=InspectionStatus.DRAFT),
    }
    sanctions = {
        "north": make_sanction(records["north"]),
        "clinic": make_sanction(records["clinic"]),
        "proposal": make_sanction(records["north"], status="proposed"),
    }
    return north, clinic, records, sanctions


def uuids(response) -> set[str]:
    return {row["uuid"] for row in response.get_json()["data"]}


@pytest.mark.parametrize("path", LISTS)
def test_without_a_token_or_a_session_the_answer_is_401_json(read, path):
    response = read(path)
    assert response.status_code == 401
    assert response.get_json()["code"] == "unauthorized"
    assert "Authorization: Bearer" in response.get_json()["error"]
    assert response.headers["WWW-Authenticate"] == 'Bearer realm="Sidak"'


@pytest.mark.parametrize(
    "header", ("Bearer sdk_tidak-ada", "Bearer ", "Basic YWRtaW46c2lkYWs=", "sdk_tanpa-skema")
)
def test_an_unknown_or_malformed_token_is_401(client, make_integration, header):
    make_integration()
    response = client.get("/api/v1/offices", headers={"Authorization": header})
    assert response.status_code == 401
    assert response.get_json() == {
        "error": "Token tidak dikenal atau sudah dicabut.",
        "code": "unauthorized",
    }
    assert 'error="invalid_token"' in response.headers["WWW-Authenticate"]


def test_a_revoked_token_is_401_even_with_a_session(client, read, login, make_integration):
    integration, token = make_integration()
    assert read("/api/v1/offices", token).status_code == 200
    revoke_integration(integration, "Sistem lama dimatikan", actor=integration.created_by)
    login(Role.CITY)  # a token that was sent decides, whatever the cookie says
    assert read("/api/v1/offices", token).status_code == 401


def test_a_city_token_reads_every_office_record_and_sanction_but_no_draft(
    read, make_integration, city
):
    north, clinic, records, sanctions = city
    _integration, token = make_integration()
    offices = read("/api/v1/offices", token).get_json()["data"]
    assert [o["name"] for o in offices] == [north.name, clinic.name]
    assert uuids(read("/api/v1/inspections", token)) == {
        records["north"].uuid,
        records["clinic"].uuid,
    }
    assert read(f"/api/v1/inspections/{records['draft'].uuid}", token).status_code == 404
    listed = read("/api/v1/sanctions", token).get_json()["data"]
    assert {s["id"] for s in listed} == {s.id for s in sanctions.values()}


def test_an_office_token_reads_only_its_office_and_never_drafts_or_proposals(
    read, make_integration, city
):
    north, clinic, records, sanctions = city
    _integration, token = make_integration("Portal Kecamatan", "office", north)
    assert [o["id"] for o in read("/api/v1/offices", token).get_json()["data"]] == [north.id]
    assert read(f"/api/v1/offices/{north.id}", token).status_code == 200
    assert read(f"/api/v1/offices/{clinic.id}", token).status_code == 404
    assert uuids(read("/api/v1/inspections", token)) == {records["north"].uuid}
    assert uuids(read("/api/v1/inspections", token, office_id=clinic.id)) == set()
    assert read(f"/api/v1/inspections/{records['north'].uuid}", token).status_code == 200
    for other in (records["clinic"], records["draft"]):
        response = read(f"/api/v1/inspections/{other.uuid}", token)
        assert response.status_code == 404
        assert response.get_json()["code"] == "not_found"
    listed = read("/api/v1/sanctions", token).get_json()["data"]
    assert [s["id"] for s in listed] == [sanctions["north"].id]
    assert read(f"/api/v1/sanctions/{sanctions['clinic'].id}", token).status_code == 404
    assert read(f"/api/v1/sanctions/{sanctions['proposal'].id}", token).status_code == 404


@pytest.mark.parametrize(
    ("role", "offices", "records", "sanctions"),
    (
        (Role.OFFICE_HEAD, {"north"}, {"north"}, {"north"}),
        (Role.CITY, {"north", "clinic"}, {"north", "clinic"}, {"north", "clinic", "proposal"}),
        (Role.INSPECTOR, {"north", "clinic"}, {"north", "clinic"}, {"north", "clinic", "proposal"}),
        (Role.ADMIN, {"north", "clinic"}, {"north", "clinic"}, {"north", "clinic", "proposal"}),
    ),
)
def test_a_logged_in_person_reads_what_their_role_may(
    client, read, make_user, city, role, offices, records, sanctions
):
    north, clinic, made, made_sanctions = city
    person = make_user("orang", role)
    if role == Role.OFFICE_HEAD:
        person.office_id = north.id
        db.session.commit()
    client.post("/masuk", data={"username": "orang", "password": PASSWORD})
    ids = {"north": north.id, "clinic": clinic.id}
    listed = read("/api/v1/offices").get_json()["data"]
    assert {o["id"] for o in listed} == {ids[name] for name in offices}
    assert uuids(read("/api/v1/inspections")) == {made[name].uuid for name in records}
    listed = read("/api/v1/sanctions").get_json()["data"]
    assert {s["id"] for s in listed} == {made_sanctions[name].id for name in sanctions}


def test_last_use_is_written_at_most_once_a_minute(read, make_integration):
    integration, token = make_integration()
    assert integration.last_used_at is None
    read("/api/v1/offices", token)
    db.session.refresh(integration)
    first = integration.last_used_at
    assert first is not None and utcnow() - first < timedelta(seconds=5)
    read("/api/v1/offices", token)
    db.session.refresh(integration)
    assert integration.last_used_at == first
    integration.last_used_at = first - timedelta(minutes=2)
    db.session.commit()
    read("/api/v1/offices", token)
    db.session.refresh(integration)
    assert integration.last_used_at > first


@pytest.mark.parametrize("limit", (1, 7, 1000))
def test_pages_walk_every_row_exactly_once(read, make_integration, make_office, make_record, limit):
    _integration, token = make_integration()
    offices = [make_office(f"Kelurahan {n}", type="kelurahan") for n in range(3)]
    made = [make_record(offices[n % 3], day=date(2026, 10, 1 + n)) for n in range(20)]
    rows = walk(read, "/api/v1/inspections", token, limit=limit)
    assert [row["uuid"] for row in rows] == [record.uuid for record in made]
    offices_read = walk(read, "/api/v1/offices", token, limit=limit)
    assert [o["id"] for o in offices_read] == [o.id for o in offices]


def test_the_next_page_keeps_the_filters(read, make_integration, make_office, make_record):
    _integration, token = make_integration()
    north, south = make_office(), make_office("Kecamatan Selatan", district="Selatan")
    made = [make_record(north if n % 2 else south, day=date(2026, 10, 1 + n)) for n in range(9)]
    first = read("/api/v1/inspections", token, limit=2, district="Selatan", lang="en")
    assert "district=Selatan" in first.get_json()["next"]
    assert "lang=en" in first.get_json()["next"]
    rows = walk(read, "/api/v1/inspections", token, limit=2, district="Selatan")
    assert [row["uuid"] for row in rows] == [r.uuid for r in made if r.office_id == south.id]


def test_the_default_page_is_100_rows(read, make_integration, make_office, make_record):
    _integration, token = make_integration()
    office = make_office()
    for n in range(101):
        make_record(office, day=date(2026, 1, 1) + timedelta(days=n))
    body = read("/api/v1/inspections", token).get_json()
    assert len(body["data"]) == 100 and body["next"]


def test_each_inspection_filter(read, make_integration, make_office, make_record):
    _integration, token = make_integration()
    north = make_office("Kecamatan Utara", type="kecamatan", district="Utara")
    clinic = make_office("Puskesmas Utara", type="puskesmas", district="Utara")
    south = make_office("Kelurahan Selatan", type="kelurahan", district="Selatan")
    old = make_record(north, day=date(2026, 10, 30), current=False)
    fixed = make_record(north, day=date(2026, 10, 31), supersedes=old)
    submitted = make_record(
        clinic, day=date(2026, 11, 1), status="submitted", checklist="puskesmas"
    )
    late = make_record(south, day=date(2026, 11, 3))

    def found(**params):
        return uuids(read("/api/v1/inspections", token, **params))

    assert found() == {fixed.uuid, submitted.uuid, late.uuid}
    assert found(versions="all") == {old.uuid, fixed.uuid, submitted.uuid, late.uuid}
    assert found(**{"from": "2026-11-01"}) == {submitted.uuid, late.uuid}
    assert found(to="2026-11-01") == {fixed.uuid, submitted.uuid}
    assert found(**{"from": "2026-11-01", "to": "2026-11-01"}) == {submitted.uuid}
    assert found(office_id=south.id) == {late.uuid}
    assert found(district="Utara") == {fixed.uuid, submitted.uuid}
    assert found(office_type="puskesmas") == {submitted.uuid}
    assert found(checklist="puskesmas") == {submitted.uuid}
    assert found(checklist="tidak-ada") == set()
    assert found(status="submitted") == {submitted.uuid}
    assert found(status="finalized", district="Utara") == {fixed.uuid}
    assert found(**{"from": "0001-01-01", "to": "9999-12-31"}) == found()


def test_each_sanction_filter(read, make_integration, make_office, make_record, make_sanction):
    _integration, token = make_integration()
    north, south = make_office(), make_office("Kecamatan Selatan", district="Selatan")
    record, other = make_record(north), make_record(south)
    today = date.today()
    late = make_sanction(record, due=today - timedelta(days=3))
    running = make_sanction(record, due=today + timedelta(days=3))
    stored_late = make_sanction(other, status="overdue", due=today - timedelta(days=9))
    waived = make_sanction(other, status="waived")
    # 06:00 on 5 November in Jakarta is still 4 November in UTC: the city's day counts
    morning = datetime(2026, 11, 5, 6, 0, tzinfo=JAKARTA)
    proposal = make_sanction(other, status="proposed", proposed=morning)

    def found(**params):
        return {s["id"] for s in read("/api/v1/sanctions", token, **params).get_json()["data"]}

    assert found(state="overdue") == {late.id, stored_late.id}
    assert found(state="issued") == {running.id}
    assert found(state="waived") == {waived.id}
    assert found(office_id=north.id) == {late.id, running.id}
    assert found(**{"from": "2026-11-05", "to": "2026-11-05"}) == {proposal.id}
    assert found(**{"from": "2026-11-02", "to": "2026-11-04"}) == {
        late.id,
        running.id,
        stored_late.id,
        waived.id,
    }
    assert found(to="2026-11-01") == set()
    # the calendar's ends mean "every one" (they once overflowed turning into a time)
    everyone = {late.id, running.id, stored_late.id, waived.id, proposal.id}
    assert found(**{"from": "0001-01-01", "to": "9999-12-31"}) == everyone
    one = read(f"/api/v1/sanctions/{late.id}", token).get_json()
    assert one["state"] == "overdue"
    assert one["level"] == {
        "id": "teguran-lisan",
        "name": {"id": "Teguran lisan", "en": "Verbal warning"},
    }


@pytest.mark.parametrize(
    ("path", "params", "parameter", "words"),
    (
        ("/api/v1/inspections", {"limit": "0"}, "limit", "1 sampai 1000"),
        ("/api/v1/inspections", {"limit": "1001"}, "limit", "1 sampai 1000"),
        ("/api/v1/offices", {"limit": "sepuluh"}, "limit", "bilangan bulat"),
        ("/api/v1/inspections", {"from": "2026-13-01"}, "from", "YYYY-MM-DD"),
        ("/api/v1/inspections", {"to": "03-11-2026"}, "to", "YYYY-MM-DD"),
        ("/api/v1/inspections", {"from": "2026-11-02", "to": "2026-11-01"}, "from", "sesudah"),
        ("/api/v1/inspections", {"office_id": "-1"}, "office_id", "bilangan bulat positif"),
        ("/api/v1/inspections", {"office_id": "satu"}, "office_id", "bilangan bulat positif"),
        ("/api/v1/inspections", {"office_type": "kantor"}, "office_type", "puskesmas"),
        ("/api/v1/inspections", {"status": "draft"}, "status", "submitted, finalized"),
        ("/api/v1/inspections", {"versions": "semua"}, "versions", "current, all"),
        ("/api/v1/inspections", {"district": " "}, "district", "kosong"),
        ("/api/v1/inspections", {"cursor": "bukan-kursor"}, "cursor", "next"),
        ("/api/v1/sanctions", {"cursor": "djE6LTE"}, "cursor", "next"),
        ("/api/v1/inspections", {"kecamatan": "Utara"}, "kecamatan", "tidak dikenal"),
        ("/api/v1/offices", {"district": "Utara"}, "district", "tidak dikenal"),
        ("/api/v1/sanctions", {"state": "aktif"}, "state", "overdue"),
        ("/api/v1/sanctions", {"office_id": "1.5"}, "office_id", "bilangan bulat"),
        ("/api/v1/offices/1", {"limit": "5"}, "limit", "tidak dikenal"),
    ),
)
def test_a_bad_parameter_is_400_naming_it(read, make_integration, path, params, parameter, words):
    _integration, token = make_integration()
    response = read(path, token, **params)
    assert response.status_code == 400
    body = response.get_json()
    assert body["code"] == "invalid" and body["parameter"] == parameter
    assert f"'{parameter}'" in body["error"] and words in body["error"]


def test_a_repeated_parameter_is_refused(client, make_integration):
    _integration, token = make_integration()
    response = client.get(
        "/api/v1/inspections?status=submitted&status=finalized",
        headers={"Authorization": f"Bearer {token}"},
    )
    assert response.status_code == 400
    assert response.get_json()["parameter"] == "status"


@pytest.mark.parametrize("path", (*LISTS, "/api/v1/offices/1"))
def test_the_language_parameter_is_allowed_everywhere(read, make_integration, make_office, path):
    make_office()
    _integration, token = make_integration()
    assert read(path, token, lang="en").status_code in (200, 404)
    response = read("/api/v1/inspections", token, limit="0", lang="en")
    assert response.status_code == 400 and "'limit'" in response.get_json()["error"]


def test_the_phones_put_and_the_readers_get_share_a_path(
    client, read, login, make_office, make_integration, shipped_checklists
):
    office = make_office()
    _integration, token = make_integration()
    login(Role.INSPECTOR)
    key, created = create_draft(client, office.id)
    assert created.status_code == 201
    assert created.get_json()["status"] == "draft"
    assert client.get(f"/api/v1/inspections/{key}").status_code == 404  # a draft, for everyone
    assert read(f"/api/v1/inspections/{key}", token).status_code == 404
    _key, again = create_draft(client, office.id, key)
    assert again.status_code == 200
    assert client.delete(f"/api/v1/inspections/{key}").status_code == 405


def test_a_page_reads_its_rows_in_a_fixed_number_of_queries(
    app, read, make_integration, make_office, make_record, make_sanction
):
    _integration, token = make_integration()
    office = make_office()

    def queries(path) -> int:
        statements = []

        def count(*_args):
            statements.append(1)

        event.listen(db.engine, "before_cursor_execute", count)
        try:
            assert read(path, token, limit=1000).status_code == 200
        finally:
            event.remove(db.engine, "before_cursor_execute", count)
        return len(statements)

    def add(n):
        for _ in range(n):
            record = make_record(office, findings=("masker-pegawai", "masker-pengunjung"))
            make_sanction(record)

    read("/api/v1/offices", token)  # the first use of a token also notes when it was used
    add(2)
    few = {path: queries(path) for path in LISTS}
    add(30)
    many = {path: queries(path) for path in LISTS}
    assert many == few


def test_an_integration_never_lists_its_token(read, make_integration):
    integration, token = make_integration()
    stored = db.session.get(Integration, integration.id)
    assert token.startswith("sdk_") and stored.token_prefix == token[:12]
    assert token not in {stored.token_hash, stored.token_prefix, stored.name}
    assert read("/api/v1/offices", token).headers["Cache-Control"] == "private, no-store"
