"""Paths to Sidak's pages from code that may run outside a request (cron, the worker)."""

from flask import current_app, has_request_context, request, url_for


def path(endpoint: str, **values) -> str:
    """The page's path, e.g. ``/sanksi/3``: notices store it, mail prefixes PUBLIC_URL."""
    if has_request_context():
        return url_for(endpoint, **values)
    with current_app.test_request_context("/"):
        return url_for(endpoint, **values)


def absolute(link: str) -> str:
    """`link` (a path) on the configured PUBLIC_URL, else this request's host: for mail and
    for what is printed (QR codes, letters)."""
    if link.startswith(("http://", "https://")):
        return link
    base = current_app.config.get("PUBLIC_URL")
    if not base and has_request_context():
        base = request.host_url
    return (base or "http://localhost:5000").rstrip("/") + "/" + link.lstrip("/")
