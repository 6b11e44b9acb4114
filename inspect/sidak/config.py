"""Configuration from ``SIDAK_``-prefixed environment variables, with safe defaults."""

import os
import secrets
from pathlib import Path

#: The checkout's top folder (holds ``templates/``, ``checklists/``, ``migrations/``).
PROJECT_ROOT = Path(__file__).resolve().parents[2]


def _env(name: str, default: str | None = None) -> str | None:
    value = os.environ.get(f"SIDAK_{name}")
    return value if value not in (None, "") else default


def instance_path() -> Path:
    """Where the SQLite database, the secret key and uploads live."""
    return Path(_env("INSTANCE_PATH", str(PROJECT_ROOT / "instance"))).resolve()


def _secret_key(instance: Path) -> str:
    """The configured key, or one generated once and kept in the instance folder."""
    configured = _env("SECRET_KEY")
    if configured:
        return configured
    key_file = instance / "secret_key"
    if key_file.exists():
        return key_file.read_text().strip()
    instance.mkdir(parents=True, exist_ok=True)
    key = secrets.token_hex(32)
    key_file.write_text(key)
    key_file.chmod(0o600)
    return key


def from_environment() -> dict:
    """The app's configuration as read from the environment."""
    instance = instance_path()
    database_url = _env("DATABASE_URL", f"sqlite:///{instance / 'sidak.sqlite3'}")
    if database_url.startswith("postgres://"):  # the form some hosts hand out
        database_url = "postgresql+psycopg://" + database_url.removeprefix("postgres://")
    elif database_url.startswith("postgresql://"):
        database_url = "postgresql+psycopg://" + database_url.removeprefix("postgresql://")
    return {
        "SECRET_KEY": _secret_key(instance),
        "SQLALCHEMY_DATABASE_URI": database_url,
        "SQLALCHEMY_ENGINE_OPTIONS": {"pool_pre_ping": True},
        "CHECKLISTS_DIR": _env("CHECKLISTS_DIR", str(PROJECT_ROOT / "checklists")),
        "CITY_NAME": _env("CITY_NAME", "Kota Sukamaju"),
        # the letterhead of reports: who issues them, where, and the city's crest (SVG or PNG)
        "CITY_AUTHORITY": _env("CITY_AUTHORITY", "Tim Pengawasan Protokol Kesehatan"),
        "CITY_ADDRESS": _env("CITY_ADDRESS", "Jl. Merdeka No. 1, Sukamaju"),
        "CITY_LOGO": _env("CITY_LOGO"),
        #: the address people reach Sidak at; printed in reports' verification QR codes
        "PUBLIC_URL": _env("PUBLIC_URL"),
        "REPORT_NUMBER_PATTERN": _env(
            "REPORT_NUMBER_PATTERN", "{sequence:03d}/BA-SIDAK/{month_roman}/{year}"
        ),
        #: the sanction ladder; default: ``sanksi.yaml`` in the checklists folder
        "SANCTIONS_FILE": _env("SANCTIONS_FILE"),
        "SANCTION_NUMBER_PATTERN": _env(
            "SANCTION_NUMBER_PATTERN", "{sequence:03d}/SP-SIDAK/{month_roman}/{year}"
        ),
        #: the colour bands of compliance: red below the first, green above the second (in %)
        "COMPLIANCE_BANDS": _env("COMPLIANCE_BANDS", "75,90"),
        "BABEL_DEFAULT_LOCALE": _env("LANGUAGE", "id"),
        "BABEL_DEFAULT_TIMEZONE": _env("TIMEZONE", "Asia/Jakarta"),
        "SESSION_COOKIE_HTTPONLY": True,
        "SESSION_COOKIE_SAMESITE": "Lax",
        "SESSION_COOKIE_SECURE": _env("SECURE_COOKIES", "0") == "1",
        "REMEMBER_COOKIE_HTTPONLY": True,
        "REMEMBER_COOKIE_SAMESITE": "Lax",
        "MAX_CONTENT_LENGTH": 20 * 1024 * 1024,
        # a phone may stay offline for hours: its CSRF token lasts as long as its session
        "WTF_CSRF_TIME_LIMIT": None,
        "UPLOADS_DIR": _env("UPLOADS_DIR", str(instance / "uploads")),
        #: the longest side of a stored photo, in pixels (the browser downscales to it first)
        "PHOTO_MAX_SIDE": int(_env("PHOTO_MAX_SIDE", "1600")),
        **_mail_settings(),
        **_limit_settings(),
    }


def _limit_settings() -> dict:
    """Rate limits (sidak.web.limits): where they are counted and how many attempts pass."""
    return {
        #: ``memory://`` counts in each process; ``redis://host:6379/0`` across machines
        "RATELIMIT_STORAGE_URI": _env("RATELIMIT_STORAGE", "memory://"),
        "RATELIMIT_ENABLED": _env("RATELIMIT", "1") != "0",
        #: failed logins from one address, and at one account from anywhere
        "LOGIN_RATE_LIMIT": _env("LOGIN_RATE_LIMIT", "10 per minute;50 per hour"),
        "LOGIN_ACCOUNT_RATE_LIMIT": _env("LOGIN_ACCOUNT_RATE_LIMIT", "20 per hour"),
        #: requests to the read API per integration token (or person)
        "API_RATE_LIMIT": _env("API_RATE_LIMIT", "300 per minute"),
        #: reverse proxies in front of the app that set X-Forwarded-For (0: none)
        "PROXIES": int(_env("PROXIES", "0")),
    }


#: the usual port of each way of securing SMTP, when SIDAK_MAIL_PORT is not given
MAIL_PORTS = {"none": 25, "starttls": 587, "ssl": 465}


def _mail_settings() -> dict:
    """The SMTP server notifications are sent through; no server: mail waits in the queue."""
    security = (_env("MAIL_SECURITY", "none") or "none").lower()
    return {
        "MAIL_SERVER": _env("MAIL_SERVER", ""),
        "MAIL_PORT": int(_env("MAIL_PORT", str(MAIL_PORTS.get(security, 25)))),
        "MAIL_USERNAME": _env("MAIL_USERNAME", ""),
        "MAIL_PASSWORD": _env("MAIL_PASSWORD", ""),
        #: ``none``, ``starttls`` or ``ssl``
        "MAIL_SECURITY": security,
        "MAIL_FROM": _env("MAIL_FROM", "Sidak <sidak@localhost>"),
        #: seconds to wait for the mail server before trying again later
        "MAIL_TIMEOUT": float(_env("MAIL_TIMEOUT", "10")),
    }
