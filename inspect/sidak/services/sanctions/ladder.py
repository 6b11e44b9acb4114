"""The ladder in force (``checklists/sanksi.yaml``) and the city's calendar."""

import logging
from datetime import date
from pathlib import Path

from flask import current_app

from sidak.domain.sanctions import Ladder
from sidak.domain.sanctions.loader import load_ladder_file
from sidak.models import utcnow
from sidak.services.reports.letterhead import local_time

log = logging.getLogger(__name__)
_cache: dict[str, tuple[float, Ladder | None]] = {}


class LadderMissing(RuntimeError):
    """The ladder file is missing or has errors: no sanction can be decided."""


def ladder_path() -> Path:
    configured = current_app.config.get("SANCTIONS_FILE")
    return Path(configured or Path(current_app.config["CHECKLISTS_DIR"]) / "sanksi.yaml")


def current_ladder() -> Ladder | None:
    """The ladder as the file says now (read again when the file changes); None if unusable.

    A broken file is logged with every problem and never stops an inspection: findings still
    become corrective actions, and no sanction is proposed until the file is fixed.
    """
    path = ladder_path()
    try:
        stamp = path.stat().st_mtime
    except OSError:
        stamp = -1.0
    cached = _cache.get(str(path))
    if cached is not None and cached[0] == stamp:
        return cached[1]
    ladder, problems = load_ladder_file(path)
    for problem in problems:
        log.warning("%s", problem.format(str(path)))
    _cache[str(path)] = (stamp, ladder)
    return ladder


def require_ladder() -> Ladder:
    ladder = current_ladder()
    if ladder is None:
        raise LadderMissing(str(ladder_path()))
    return ladder


def city_today() -> date:
    return local_time(utcnow()).date()
