"""The city's letterhead and clock, shared by every printed document."""

from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from flask import current_app


def city_zone() -> ZoneInfo:
    return ZoneInfo(current_app.config["BABEL_DEFAULT_TIMEZONE"])


def local_time(moment: datetime) -> datetime:
    """`moment` in the city's time zone."""
    return moment.astimezone(city_zone())


def custom_logo() -> Path | None:
    configured = current_app.config.get("CITY_LOGO")
    return Path(configured) if configured else None


def letterhead() -> dict:
    config = current_app.config
    logo = "sidak:asset/logo" if config.get("CITY_LOGO") else "sidak:asset/logo.svg"
    return {
        "city": config["CITY_NAME"],
        "authority": config["CITY_AUTHORITY"],
        "address": config["CITY_ADDRESS"],
        "logo": logo,
    }
