"""Messages from the inspection services reach each person in their own language."""

import uuid

import pytest

from sidak.models import Role


@pytest.fixture
def started(start_draft):
    """An inspector logged in with a started kantor-pelayanan draft (lead plus one outsider)."""
    key, _user = start_draft(decline_location="y")
    return key


@pytest.fixture
def in_english(client):
    """Switch the logged-in person to English (remembered in the session)."""
    assert client.get("/inspeksi?lang=en").status_code == 200


def put_answer(client, key, item, **body):
    return client.put(f"/api/v1/inspections/{key}/answers/{item}", json=body)


def leave_evidence_missing(client, key):
    """Fail one item that needs a photo and one that needs a note, giving neither."""
    assert put_answer(client, key, "masker-pengunjung", observed=10, compliant=6).status_code == 200
    assert put_answer(client, key, "larangan-tanpa-masker", value="no").status_code == 200


def missing_list(client, key) -> str:
    page = client.get(f"/inspeksi/{key}/ringkasan").text
    start = page.index('id="kekurangan"')
    return page[start : page.index("</section>", start)]


def test_an_invalid_answer_is_refused_in_english(client, started, in_english):
    response = put_answer(client, started, "masker-pegawai", observed=5, compliant=7)
    assert response.status_code == 400
    body = response.get_json()
    assert "complying cannot exceed observed" in body["error"]
    assert "tidak boleh melebihi" not in body["error"]
    assert body["details"] == [body["error"]]


def test_an_invalid_answer_is_refused_in_indonesian(client, started):
    response = put_answer(client, started, "masker-pegawai", observed=5, compliant=7)
    assert response.status_code == 400
    assert "patuh tidak boleh melebihi diamati" in response.get_json()["error"]


@pytest.mark.parametrize(
    ("english", "expected"),
    [
        (True, "'tiga puluh' is not a number."),
        (False, "'tiga puluh' bukan angka."),
    ],
)
def test_a_message_with_a_placeholder_is_translated_around_it(client, started, english, expected):
    if english:
        client.get("/inspeksi?lang=en")
    response = put_answer(client, started, "wfo-zona-rendah", number="tiga puluh")
    assert response.status_code == 400
    assert response.get_json()["error"] == expected


def test_an_unknown_item_is_named_in_english(client, started, in_english):
    response = put_answer(client, started, "tidak-ada", value="yes")
    assert response.status_code == 400
    assert response.get_json()["error"] == "Item 'tidak-ada' is not in this checklist."


def test_the_missing_list_on_the_summary_is_english(client, started, in_english):
    leave_evidence_missing(client, started)
    missing = missing_list(client, started)
    assert "Not answered yet" in missing
    assert "Failed: a photo as evidence is required" in missing
    assert "Failed: a note is required" in missing
    assert "Signature of Budi Santoso is missing" in missing
    assert "Signature of Bripka Dedi Kurniawan is missing" in missing
    assert "Signature of the office representative is missing" in missing
    for indonesian in ("Belum dijawab", "Gagal:", "Tanda tangan", "belum ada"):
        assert indonesian not in missing


def test_the_missing_list_on_the_summary_is_indonesian(client, started):
    leave_evidence_missing(client, started)
    missing = missing_list(client, started)
    assert "Belum dijawab" in missing
    assert "Gagal: wajib ada foto bukti" in missing
    assert "Gagal: wajib ada catatan" in missing
    assert "Tanda tangan Budi Santoso belum ada" in missing
    assert "Tanda tangan Bripka Dedi Kurniawan belum ada" in missing
    assert "Tanda tangan perwakilan kantor belum ada" in missing


def test_api_submission_details_stay_indonesian_for_machines(client, started, in_english):
    response = client.post(f"/api/v1/inspections/{started}/submit", json={})
    assert response.status_code == 400
    body = response.get_json()
    assert body["error"] == "The inspection is not complete yet."
    details = "\n".join(body["details"])
    assert "Belum dijawab" in details
    assert "Tanda tangan perwakilan kantor belum ada" in details


def test_a_team_error_names_the_member_in_english(client, login, make_office, shipped_checklists):
    user = login(Role.INSPECTOR)
    office = make_office()
    client.get("/inspeksi?lang=en")
    response = client.post(
        "/inspeksi/baru",
        data={
            "uuid": str(uuid.uuid4()),
            "office": office.name,
            "checklist": "kantor-pelayanan",
            "lead": user.id,
            "outsiders-0-name": "Bripka Dedi Kurniawan",
            "decline_location": "y",
        },
    )
    assert response.status_code == 422
    assert "Write the agency of team member Bripka Dedi Kurniawan." in response.text


def test_the_checklist_field_and_the_checklists_menu_are_translated_apart(
    client, login, shipped_checklists
):
    login(Role.INSPECTOR)
    page = client.get("/inspeksi/baru?lang=en").text
    assert ">Checklists</a>" in page  # the menu
    assert "Checklist</label>" in page  # the start form's field


def test_services_called_without_a_request_speak_indonesian(
    app, make_user, make_office, shipped_checklists
):
    from sidak.services.inspections.errors import InspectionError
    from sidak.services.inspections.start import StartRequest, start_inspection

    user = make_user()
    office = make_office()
    with pytest.raises(InspectionError) as refused:
        start_inspection(user, StartRequest("bukan-uuid", office.id, "kantor-pelayanan"))
    assert refused.value.message == "Kode inspeksi (UUID) tidak sah."
