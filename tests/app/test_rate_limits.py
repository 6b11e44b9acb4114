"""Rate limits: failed logins per address and per account, the read API per token, the
addresses a reverse proxy forwards, and counts shared between servers through a real Redis."""
# ruff: noqa: F811  (fixtures imported from read_api_support are parameters of the tests)

import os
import uuid

import pytest
import redis

from sidak.app import create_app
from sidak.models import Role, db
from tests.app.read_api_support import make_integration, read  # noqa: F401  (fixtures)
from tests.conftest import PASSWORD

REDIS = "redis://127.0.0.1:6379/15"


def attempt(client, username="budi", password="salah", address="10.0.0.1", **headers):
    return client.post(
        "/masuk",
        data={"username": username, "password": password},
        environ_base={"REMOTE_ADDR": address},
        headers=headers,
    )


@pytest.fixture
def strict(app):
    app.config.update(LOGIN_RATE_LIMIT="3 per minute", LOGIN_ACCOUNT_RATE_LIMIT="5 per hour")
    return app


def test_failed_logins_from_one_address_are_stopped_with_a_clear_wait(strict, client, make_user):
    make_user("budi")
    assert [attempt(client).status_code for _ in range(3)] == [200, 200, 200]
    refused = attempt(client, password=PASSWORD)  # even the right password waits now
    assert refused.status_code == 429
    text = refused.get_data(as_text=True)
    assert "Terlalu banyak percobaan masuk yang gagal. Coba lagi dalam 1 menit." in text
    assert 'value="budi"' in text  # the form again, the name kept
    assert 0 < int(refused.headers["Retry-After"]) <= 120
    # another address is not held up by these
    assert attempt(client, password=PASSWORD, address="10.0.0.2").status_code == 302


def test_successful_logins_do_not_count(strict, client, make_user):
    make_user("budi")
    for _ in range(5):
        assert attempt(client, password=PASSWORD).status_code == 302
        client.post("/keluar")
    assert [attempt(client).status_code for _ in range(3)] == [200, 200, 200]
    assert attempt(client).status_code == 429


def test_guesses_at_one_account_from_many_addresses_are_stopped(strict, client, make_user):
    make_user("budi")
    make_user("siti", name="Siti Aminah")
    codes = [attempt(client, address=f"10.0.1.{n}").status_code for n in range(6)]
    assert codes == [200] * 5 + [429]
    assert attempt(client, username="BUDI ", address="10.0.2.1").status_code == 429
    # the other accounts are not locked by it
    assert attempt(client, "siti", PASSWORD, address="10.0.2.2").status_code == 302


def test_the_english_message(strict, client, make_user):
    client.get("/masuk?lang=en")
    for _ in range(3):
        attempt(client)
    text = attempt(client).get_data(as_text=True)
    assert "Too many failed sign-in attempts. Try again in 1 minute." in text


def test_behind_a_proxy_the_forwarded_address_counts(tmp_path, make_user):
    app = create_app(
        {
            "TESTING": True,
            "SECRET_KEY": "test",
            "WTF_CSRF_ENABLED": False,
            "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 'proxy.db'}",
            "LOGIN_RATE_LIMIT": "2 per minute",
            "PROXIES": 1,
        }
    )
    with app.app_context():
        db.create_all()
        client = app.test_client()

        def through_proxy(person):
            # every request comes from the proxy; the person's address is in X-Forwarded-For
            return attempt(client, address="10.9.9.9", **{"X-Forwarded-For": person}).status_code

        assert [through_proxy("36.1.1.1") for _ in range(3)] == [200, 200, 429]
        assert through_proxy("36.2.2.2") == 200


def test_the_read_api_is_limited_per_token_in_json(app, read, make_integration):
    app.config.update(API_RATE_LIMIT="3 per minute")
    _first, token = make_integration("Dasbor Dinkes")
    _second, other = make_integration("SIMPUS")
    answers = [read("/api/v1/offices", token) for _ in range(3)]
    assert [a.status_code for a in answers] == [200, 200, 200]
    assert [a.headers["X-RateLimit-Remaining"] for a in answers] == ["2", "1", "0"]
    refused = read("/api/v1/offices", token)
    assert refused.status_code == 429
    assert refused.get_json()["code"] == "rate_limited"
    assert "Terlalu banyak permintaan" in refused.get_json()["error"]
    assert int(refused.headers["Retry-After"]) > 0
    assert read("/api/v1/inspections", other).status_code == 200  # another token has its own


def test_the_phones_sync_api_is_not_limited(app, login):
    app.config.update(API_RATE_LIMIT="2 per minute", LOGIN_RATE_LIMIT="2 per minute")
    login(Role.INSPECTOR)
    client = app.test_client()
    client.post("/masuk", data={"username": "budi", "password": PASSWORD})
    codes = {client.get("/api/v1/field/bootstrap").status_code for _ in range(6)}
    assert codes == {200}


@pytest.mark.parametrize(
    "setting", ["LOGIN_RATE_LIMIT", "LOGIN_ACCOUNT_RATE_LIMIT", "API_RATE_LIMIT"]
)
def test_a_wrong_limit_stops_the_app_at_start(tmp_path, setting):
    with pytest.raises(RuntimeError, match=f"SIDAK_{setting}: 'sepuluh' is not a limit"):
        create_app({"SQLALCHEMY_DATABASE_URI": "sqlite://", setting: "sepuluh"})


def redis_available() -> bool:
    try:
        return redis.Redis.from_url(REDIS, socket_timeout=1).ping()
    except redis.RedisError:
        return False


def test_two_servers_share_their_counts_through_redis(tmp_path):
    """Beyond one machine: guesses spread over two app servers are counted together."""
    if not redis_available():
        if os.environ.get("CI"):
            pytest.fail("Redis is not running on 127.0.0.1:6379; .ci/run starts it")
        pytest.skip("Redis is not running on 127.0.0.1:6379")
    prefix = f"sidak-test-{uuid.uuid4().hex[:8]}"
    database = f"sqlite:///{tmp_path / 'shared.db'}"
    servers = [
        create_app(
            {
                "TESTING": True,
                "SECRET_KEY": "test",
                "WTF_CSRF_ENABLED": False,
                "SQLALCHEMY_DATABASE_URI": database,
                "RATELIMIT_STORAGE_URI": REDIS,
                "RATELIMIT_KEY_PREFIX": prefix,
                "LOGIN_RATE_LIMIT": "4 per minute",
            }
        )
        for _ in range(2)
    ]
    with servers[0].app_context():
        db.create_all()
    try:
        codes = []
        for n in range(5):
            server = servers[n % 2]
            with server.app_context():
                codes.append(attempt(server.test_client()).status_code)
        assert codes == [200, 200, 200, 200, 429]
        stored = redis.Redis.from_url(REDIS).keys(f"*{prefix}*")
        assert stored, "the counts are in Redis"
    finally:
        connection = redis.Redis.from_url(REDIS)
        for key in connection.keys(f"*{prefix}*"):
            connection.delete(key)
