"""The API's contract: CSRF and session failures as JSON, signatures by slot, the OpenAPI."""

import re

import pytest
from openapi_spec_validator import validate
from sqlalchemy import func, select

from sidak.api.openapi import document
from sidak.models import Role, Signature, db
from tests.app.test_sync_drafts import create_draft, draft_body
from tests.app.test_sync_photos import png_data_url


@pytest.fixture
def phone(client, login, make_office, shipped_checklists):
    login(Role.INSPECTOR)
    return make_office(head_name="Drs. Ahmad Fauzi")


@pytest.mark.parametrize(
    "path",
    (
        "/api/v1/inspections/3f1c1f9e-0000-4000-8000-000000000001",
        "/api/v1/inspections/3f1c1f9e-0000-4000-8000-000000000001/answers/masker-pegawai",
    ),
)
def test_a_change_without_the_csrf_token_is_refused_as_json(app, client, phone, path):
    app.config["WTF_CSRF_ENABLED"] = True
    response = client.put(path, json={}, headers={"X-CSRFToken": "basi"})
    assert response.status_code == 400
    assert response.is_json
    assert response.get_json()["code"] == "csrf"
    assert response.get_json()["error"]


def test_the_bootstrap_token_lets_the_phone_change_things(app, client, phone):
    app.config["WTF_CSRF_ENABLED"] = True
    token = client.get("/api/v1/field/bootstrap").get_json()["csrf_token"]
    assert client.get("/api/v1/field/session").get_json()["csrf_token"]
    response = client.put(
        "/api/v1/inspections/3f1c1f9e-0000-4000-8000-000000000002",
        json=draft_body(phone.id),
        headers={"X-CSRFToken": token},
    )
    assert response.status_code == 201, response.get_json()


def test_csrf_failures_outside_the_api_keep_the_html_page(app, client, phone):
    app.config["WTF_CSRF_ENABLED"] = True
    response = client.post("/keluar")
    assert response.status_code == 400
    assert not response.is_json


@pytest.mark.parametrize(
    ("method", "path"),
    (
        ("get", "/api/v1/field/bootstrap"),
        ("put", "/api/v1/inspections/3f1c1f9e-0000-4000-8000-000000000003"),
        ("put", "/api/v1/inspections/3f1c1f9e-0000-4000-8000-000000000003/answers/x"),
        ("get", "/api/v1/inspections/3f1c1f9e-0000-4000-8000-000000000003/photos/x"),
    ),
)
def test_an_expired_session_answers_401_json_so_the_phone_keeps_its_outbox(
    client, phone, method, path
):
    with client.session_transaction() as session:
        session.clear()
    response = getattr(client, method)(path, json={"edit": "x"})
    assert response.status_code == 401
    assert response.get_json()["error"]


def test_a_signature_sent_twice_is_stored_once(client, phone):
    key, _ = create_draft(client, phone.id)
    url = f"/api/v1/inspections/{key}/signatures"
    body = {"image": png_data_url()}
    first = client.put(f"{url}/lead", json=body)
    again = client.put(f"{url}/lead/0", json=body)
    assert (first.status_code, again.status_code) == (201, 200)
    assert first.get_json()["sha256"] == again.get_json()["sha256"]
    refusal = {"refused": True, "witness": "Siti", "name": "Drs. Ahmad Fauzi"}
    assert client.put(f"{url}/representative", json=refusal).status_code == 201
    assert client.put(f"{url}/representative", json=refusal).status_code == 200
    assert db.session.scalar(select(func.count(Signature.id))) == 2


def test_a_signed_slot_is_replaced_only_on_purpose(client, phone):
    key, _ = create_draft(client, phone.id)
    url = f"/api/v1/inspections/{key}/signatures/representative"
    client.put(url, json={"refused": True, "witness": "Siti", "name": "Pak Ahmad"})
    other = {"image": png_data_url(), "name": "Pak Ahmad"}
    conflict = client.put(url, json=other)
    assert conflict.status_code == 409
    assert conflict.get_json()["code"] == "conflict"
    replaced = client.put(url, json={**other, "replace": True})
    assert replaced.status_code == 200
    assert replaced.get_json()["refused"] is False


def test_a_signature_for_a_place_not_on_the_team_is_refused(client, phone):
    key, _ = create_draft(client, phone.id)
    response = client.put(
        f"/api/v1/inspections/{key}/signatures/member/7", json={"image": png_data_url()}
    )
    assert response.status_code == 400
    unknown_role = client.put(f"/api/v1/inspections/{key}/signatures/walikota", json={})
    assert unknown_role.status_code == 400


def test_the_openapi_document_is_valid_and_public(app):
    validate(document())
    response = app.test_client().get("/api/v1/openapi.json")
    assert response.status_code == 200
    assert response.get_json()["openapi"] == "3.1.0"


def test_every_api_route_is_in_the_openapi_document(app):
    paths = document()["paths"]
    undocumented = []
    for rule in app.url_map.iter_rules():
        if not rule.rule.startswith("/api/v1/"):
            continue
        path = re.sub(r"<(?:[a-z]+:)?(\w+)>", r"{\1}", rule.rule)
        for method in sorted(rule.methods - {"HEAD", "OPTIONS"}):
            if method.lower() not in paths.get(path, {}):
                undocumented.append(f"{method} {path}")
    assert undocumented == []
    assert "/api/v1/inspections/{key}/photos/{photo_uuid}" in paths
