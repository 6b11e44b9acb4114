"""Flask extensions, created unbound and bound to the app in `create_app`."""

from flask_babel import Babel
from flask_compress import Compress
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address
from flask_login import LoginManager
from flask_migrate import Migrate
from flask_wtf import CSRFProtect

from sidak.models import db

migrate = Migrate(render_as_batch=True)  # SQLite alters tables by copying them
login_manager = LoginManager()
csrf = CSRFProtect()
babel = Babel()
#: phones on one bar of signal: HTML, CSS, JS and JSON leave the server compressed
compress = Compress()
#: login attempts and the read API, counted per address, account or token (sidak.web.limits);
#: the storage is SIDAK_RATELIMIT_STORAGE: memory on one machine, Redis shared beyond it
limiter = Limiter(key_func=get_remote_address, headers_enabled=True)

__all__ = ["babel", "compress", "csrf", "db", "limiter", "login_manager", "migrate"]
