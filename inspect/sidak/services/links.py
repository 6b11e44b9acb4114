"""Paths to Sidak's pages from code that may run outside a request (cron, the worker)."""

from flask import current_app, has_request_context, url_for


def path(endpoint: str, **values) -> str:
    """The page's path, e.g. ``/sanksi/3``: notices store it, mail prefixes PUBLIC_URL."""
    if has_request_context():
        return url_for(endpoint, **values)
    with current_app.test_request_context("/"):
        return url_for(endpoint, **values)
