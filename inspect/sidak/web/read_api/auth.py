"""Who is reading: an integration's bearer token, or else the logged-in person's session."""

from flask import jsonify, request
from flask_babel import gettext as _
from flask_login import current_user

from sidak.services import integrations


class Unauthorized(Exception):
    def __init__(self, message: str, token_given: bool):
        super().__init__(message)
        self.message = message
        self.token_given = token_given


def current_reader():
    """The integration the Authorization header names, else the session's user; raises
    Unauthorized when neither is there or the token is unknown or revoked."""
    header = request.headers.get("Authorization")
    if header is not None:
        scheme, _space, token = header.strip().partition(" ")
        integration = None
        if scheme.lower() == "bearer":
            integration = integrations.authenticate(token.strip())
        if integration is None:
            raise Unauthorized(_("Token tidak dikenal atau sudah dicabut."), token_given=True)
        return integrations.reader_of(integration)
    if current_user.is_authenticated:
        return current_user._get_current_object()
    raise Unauthorized(
        _("Kirim token integrasi di header 'Authorization: Bearer <token>', atau masuk dulu."),
        token_given=False,
    )


def unauthorized(exc: Unauthorized):
    """401 in the sync API's error format, with the challenge RFC 6750 asks for."""
    response = jsonify(error=exc.message, code="unauthorized")
    challenge = 'Bearer realm="Sidak"'
    if exc.token_given:
        challenge += ', error="invalid_token"'
    response.headers["WWW-Authenticate"] = challenge
    return response, 401
