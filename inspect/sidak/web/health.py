"""Liveness and readiness for load balancers and monitoring."""

from flask import Blueprint, jsonify
from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError

from sidak.extensions import db

bp = Blueprint("health", __name__)


@bp.get("/healthz")
def healthz():
    try:
        db.session.execute(text("SELECT 1"))
        database = {"status": "ok", "dialect": db.engine.dialect.name}
        healthy = True
    except SQLAlchemyError as exc:
        db.session.rollback()
        database = {"status": "error", "error": exc.__class__.__name__}
        healthy = False
    body = {"status": "ok" if healthy else "error", "database": database}
    return jsonify(body), 200 if healthy else 503
