"""The application factory."""

from flask import Flask, current_app, flash, has_request_context, request, session
from flask_babel import get_locale, refresh
from flask_babel import lazy_gettext as _l
from flask_login import current_user

from sidak import config
from sidak.extensions import babel, compress, csrf, db, login_manager, migrate


def create_app(test_config: dict | None = None) -> Flask:
    """Build the app; `test_config` overrides what the environment says."""
    app = Flask(
        __name__,
        instance_path=str(config.instance_path()),
        template_folder=str(config.PROJECT_ROOT / "templates"),
        static_folder=str(config.PROJECT_ROOT / "static"),
    )
    app.config.from_mapping(config.from_environment())
    if test_config:
        app.config.from_mapping(test_config)
    app.config["BABEL_TRANSLATION_DIRECTORIES"] = str(config.PROJECT_ROOT / "translations")
    _check_bands(app)
    from sidak.web import limits
    from sidak.web.converters import IdConverter
    from sidak.web.session import SessionCookie

    app.url_map.converters["int"] = IdConverter
    app.session_interface = SessionCookie()
    limits.init(app)

    db.init_app(app)
    migrate.init_app(app, db, directory=str(config.PROJECT_ROOT / "migrations"))
    csrf.init_app(app)
    compress.init_app(app)
    babel.init_app(app, locale_selector=_select_locale)
    # Flask-Babel caches the locale on `g`, which outlives a request when an app context
    # was already pushed (tests, CLI): choose it anew for every request.
    app.before_request(refresh)
    _init_login(app)
    _register_blueprints(app)
    _register_commands(app)
    app.jinja_env.globals["city_name"] = app.config["CITY_NAME"]
    return app


def _check_bands(app: Flask) -> None:
    """A wrong SIDAK_COMPLIANCE_BANDS stops the app at start, not the first dashboard."""
    from sidak.domain.bands import parse_cutoffs

    try:
        parse_cutoffs(app.config["COMPLIANCE_BANDS"])
    except ValueError as error:
        raise RuntimeError(f"SIDAK_COMPLIANCE_BANDS: {error}") from None


def _select_locale() -> str:
    """Indonesian unless the person chose English (``?lang=en`` remembers it)."""
    if not has_request_context():
        return current_app.config["BABEL_DEFAULT_LOCALE"]
    chosen = request.args.get("lang")
    if chosen in ("id", "en"):
        session["lang"] = chosen
        _remember_language(chosen)
    return session.get("lang", current_app.config["BABEL_DEFAULT_LOCALE"])


def _remember_language(lang: str) -> None:
    """A logged-in person's choice follows them to their other devices."""
    if current_user.is_authenticated and current_user.language != lang:
        current_user.language = lang
        db.session.commit()


def _init_login(app: Flask) -> None:
    from sidak.services.accounts import user_for_session

    login_manager.init_app(app)
    login_manager.login_view = "auth.login"
    login_manager.login_message = _l("Silakan masuk untuk membuka halaman ini.")
    login_manager.login_message_category = "info"
    login_manager.session_protection = "strong"
    login_manager.user_loader(user_for_session)
    login_manager.unauthorized_handler(_unauthorized)

    @app.context_processor
    def inject_user():
        return {"current_user": current_user, "current_locale": str(get_locale() or "id")}


def _unauthorized():
    """Pages redirect to the login form; the JSON API answers 401 so the phone keeps its data."""
    from flask import jsonify, redirect, url_for

    if request.path.startswith("/api/") or request.accept_mimetypes.best == "application/json":
        return jsonify(error=str(_l("Sesi berakhir. Silakan masuk lagi."))), 401
    flash(login_manager.login_message, "info")
    return redirect(url_for("auth.login", next=request.full_path.rstrip("?")))


def _register_blueprints(app: Flask) -> None:
    from sidak.web import (
        admin,
        auth,
        checklists,
        dashboard,
        errors,
        field,
        filters,
        health,
        inspections,
        notifications,
        offices,
        portal,
        pwa,
        read_api,
        recap,
        reports,
        sanctions,
        sync,
    )

    filters.register(app)
    app.register_blueprint(health.bp)
    app.register_blueprint(auth.bp)
    app.register_blueprint(checklists.bp)
    app.register_blueprint(admin.bp)
    app.register_blueprint(inspections.bp)
    app.register_blueprint(inspections.api)
    app.register_blueprint(sync.bp)
    app.register_blueprint(read_api.bp)
    app.register_blueprint(pwa.bp)
    app.register_blueprint(field.bp)
    app.register_blueprint(reports.bp)
    app.register_blueprint(recap.bp)
    app.register_blueprint(sanctions.bp)
    app.register_blueprint(portal.bp)
    app.register_blueprint(notifications.bp)
    app.register_blueprint(dashboard.bp)
    app.register_blueprint(offices.bp)
    errors.register(app)


def _register_commands(app: Flask) -> None:
    from sidak.commands.analytics import analytics_group
    from sidak.commands.checklists import checklists_group
    from sidak.commands.demo import demo_group
    from sidak.commands.mail import mail_group
    from sidak.commands.offices import offices_group
    from sidak.commands.reports import reports_group, worker_command
    from sidak.commands.sanctions import tick_command
    from sidak.commands.users import users_group
    from sidak.commands.verify import verify_command

    for group in (
        analytics_group,
        checklists_group,
        demo_group,
        mail_group,
        offices_group,
        users_group,
        verify_command,
    ):
        app.cli.add_command(group)
    app.cli.add_command(reports_group)
    app.cli.add_command(worker_command)
    app.cli.add_command(tick_command)
