"""Rate limits: failed logins per address and per account, and the read API per reader.

Counts live in SIDAK_RATELIMIT_STORAGE: ``memory://`` counts in each process (one machine,
`make run`); ``redis://host:6379/0`` shares them between every process and machine. Behind a
reverse proxy set SIDAK_PROXIES to the number of proxies, or every person shares the
proxy's address. The phone's sync API is not limited: an outbox sends its queue in a burst.
"""

import hashlib
import time

from flask import Flask, current_app, request
from flask_login import current_user
from limits import parse_many
from werkzeug.middleware.proxy_fix import ProxyFix

from sidak.extensions import limiter

#: the configuration keys that hold limits, and the variables that set them
SETTINGS = {
    "LOGIN_RATE_LIMIT": "SIDAK_LOGIN_RATE_LIMIT",
    "LOGIN_ACCOUNT_RATE_LIMIT": "SIDAK_LOGIN_ACCOUNT_RATE_LIMIT",
    "API_RATE_LIMIT": "SIDAK_API_RATE_LIMIT",
}


def init(app: Flask) -> None:
    """Check the limits (a wrong one stops the app at start), trust the proxies, bind."""
    for key, variable in SETTINGS.items():
        try:
            parse_many(app.config[key])
        except ValueError:
            raise RuntimeError(
                f"{variable}: {app.config[key]!r} is not a limit like '10 per minute;50 per hour'"
            ) from None
    proxies = app.config["PROXIES"]
    if proxies:
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=proxies, x_proto=proxies, x_host=proxies)
    limiter.init_app(app)


def login_limit() -> str:
    return current_app.config["LOGIN_RATE_LIMIT"]


def login_account_limit() -> str:
    return current_app.config["LOGIN_ACCOUNT_RATE_LIMIT"]


def api_limit() -> str:
    return current_app.config["API_RATE_LIMIT"]


def login_account() -> str:
    """The account being guessed at, whatever address the guesses come from."""
    return "akun:" + (request.form.get("username") or "").strip().lower()[:64]


def failed_login(response) -> bool:
    """Only failures count: a login that succeeds redirects."""
    return response.status_code != 302


def reader() -> str:
    """Who reads the API: the token (hashed, never stored as given), else the person, else the
    address."""
    header = request.headers.get("Authorization")
    if header:
        return "token:" + hashlib.sha256(header.strip().encode()).hexdigest()[:32]
    if current_user.is_authenticated:
        return f"akun:{current_user.id}"
    return "alamat:" + (request.remote_addr or "")


def minutes_to_wait() -> int:
    """Until the breached limit lets the next attempt through, to the nearest minute (at
    least one). Flask-Limiter sends the seconds as Retry-After."""
    breached = [limit for limit in limiter.current_limits if limit.breached]
    reset = max((limit.reset_at for limit in breached), default=time.time() + 60)
    return max(1, round((reset - time.time()) / 60))
