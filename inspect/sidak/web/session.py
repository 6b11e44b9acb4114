"""The session cookie, and the one kind of response that must leave it alone.

The session is a signed cookie, so whichever response sets it last wins. A script's or the
service worker's request that was sent before a login (with the cookie from before) can be
answered after it: the worker fetches /lapangan in the background while it installs, which
happens on the login page, and on a slow line that takes longer than typing a password. If that
answer set the cookie (the "please log in" message, Flask-Login's protection clearing its keys),
it would put back the session from before the login and log the phone out again, and clearing
the "keep me signed in" cookie would undo that choice too.

So a request that is not a navigation (the browser says so in ``Sec-Fetch-Mode``) and carries
no login sets neither the session cookie nor the remember cookie. Navigations, and everything
for a logged-in person, save them as Flask always does. Browsers send ``Sec-Fetch-Mode`` only
in secure contexts, the same ones where the service worker runs; without the header the request
counts as a navigation.
"""

from http.cookies import SimpleCookie

from flask import Flask, Response, request
from flask.sessions import SecureCookieSessionInterface, SessionMixin


def from_a_script() -> bool:
    """True for fetch(), XHR and service-worker requests; False for pages a person opens."""
    mode = request.headers.get("Sec-Fetch-Mode")
    return mode is not None and mode != "navigate"


class SessionCookie(SecureCookieSessionInterface):
    def save_session(self, app: Flask, session: SessionMixin, response: Response) -> None:
        if from_a_script() and "_user_id" not in session:
            if session.accessed:
                response.vary.add("Cookie")
            _drop_cookie(response, app.config.get("REMEMBER_COOKIE_NAME", "remember_token"))
            return
        super().save_session(app, session, response)


def _drop_cookie(response: Response, name: str) -> None:
    """Take back a Set-Cookie for `name` that an after-request hook added."""
    kept = [c for c in response.headers.getlist("Set-Cookie") if name not in SimpleCookie(c)]
    response.headers.setlist("Set-Cookie", kept)
