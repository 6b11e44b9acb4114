"""Errors as the phone reads them: a message for the person and a stable `code` to act on."""

from flask import jsonify
from flask_babel import gettext as _
from flask_wtf.csrf import CSRFError
from werkzeug.exceptions import HTTPException

from sidak.services.inspections.errors import Conflict, InspectionError, NotAllowed, NotFound

HTTP_CODES = {
    400: "invalid",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    413: "too_large",
    429: "rate_limited",
}


def error_code(exc: InspectionError) -> str:
    code = getattr(exc, "code", None)
    if code:
        return code
    if isinstance(exc, NotAllowed):
        return "forbidden"
    if isinstance(exc, NotFound):
        return "not_found"
    if isinstance(exc, Conflict):
        return "conflict"
    return "invalid"


def failure(exc: InspectionError):
    """The JSON answer for a refused request, with what the phone needs to recover."""
    body: dict = {"error": exc.message, "code": error_code(exc)}
    if exc.details:
        body["details"] = exc.details
    for extra in ("server", "missing", "received"):
        if hasattr(exc, extra):
            body[extra] = getattr(exc, extra)
    response = jsonify(body)
    if hasattr(exc, "received"):
        response.headers["Upload-Offset"] = str(exc.received)
    return response, exc.status


def invalid(message: str):
    return jsonify(error=message, code="invalid"), 400


def http_error(error: HTTPException):
    """abort() inside the API answers JSON, never the HTML error page."""
    from sidak.web.errors import MESSAGES

    if isinstance(error, CSRFError):  # a 400 too: this handler would otherwise hide it
        text = _("Sesi formulir sudah kedaluwarsa. Muat ulang halaman lalu kirim lagi.")
        return jsonify(error=text, code="csrf"), 400
    status = error.code or 500
    title, _text = MESSAGES.get(status, (_("Terjadi kesalahan"), ""))
    return jsonify(error=str(title), code=HTTP_CODES.get(status, "error")), status
