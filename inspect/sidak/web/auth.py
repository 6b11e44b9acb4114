"""Logging in and out."""

from urllib.parse import urlsplit

from flask import Blueprint, flash, redirect, render_template, request, session, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_babel import ngettext
from flask_login import current_user, login_required, login_user, logout_user
from flask_wtf import FlaskForm
from wtforms import BooleanField, PasswordField, StringField
from wtforms.validators import DataRequired, Length

from sidak.extensions import limiter
from sidak.models import db
from sidak.services import audit
from sidak.services.accounts import authenticate, end_all_sessions
from sidak.web import limits

bp = Blueprint("auth", __name__)


class LoginForm(FlaskForm):
    username = StringField(
        _l("Nama pengguna"),
        validators=[DataRequired(_l("Nama pengguna wajib diisi.")), Length(max=64)],
        render_kw={"autocomplete": "username", "autocapitalize": "none"},
    )
    password = PasswordField(
        _l("Kata sandi"),
        validators=[DataRequired(_l("Kata sandi wajib diisi."))],
        render_kw={"autocomplete": "current-password"},
    )
    remember = BooleanField(_l("Tetap masuk di perangkat ini"))


def _safe_next(target: str | None) -> str:
    """Only redirect within this site after login."""
    if target and not urlsplit(target).netloc and target.startswith("/"):
        return target
    return url_for("inspections.index")


@bp.route("/masuk", methods=["GET", "POST"])
@limiter.limit(limits.login_limit, methods=["POST"], deduct_when=limits.failed_login)
@limiter.limit(
    limits.login_account_limit,
    key_func=limits.login_account,
    methods=["POST"],
    deduct_when=limits.failed_login,
)
def login():
    if current_user.is_authenticated:
        return redirect(url_for("inspections.index"))
    form = LoginForm()
    if form.validate_on_submit():
        user = authenticate(form.username.data, form.password.data)
        if user is not None:
            login_user(user, remember=form.remember.data)
            if user.language:
                session["lang"] = user.language
            audit.record("login", user=user)
            db.session.commit()
            return redirect(_safe_next(request.args.get("next")))
        audit.record("login_failed", username=form.username.data.strip().lower()[:64])
        db.session.commit()
        flash(_("Nama pengguna atau kata sandi salah."), "error")
    return render_template("auth/login.html", form=form), 200 if not form.errors else 422


def too_many_logins():
    """The form again, saying how long to wait; the limit counts failures only."""
    minutes = limits.minutes_to_wait()
    text = ngettext(
        "Terlalu banyak percobaan masuk yang gagal. Coba lagi dalam %(num)d menit.",
        "Terlalu banyak percobaan masuk yang gagal. Coba lagi dalam %(num)d menit.",
        minutes,
    )
    flash(text, "error")
    form = LoginForm(formdata=None)
    form.username.data = (request.form.get("username") or "")[:64]
    return render_template("auth/login.html", form=form), 429


@bp.post("/keluar")
@login_required
def logout():
    audit.record("logout")
    end_all_sessions(current_user._get_current_object())
    logout_user()
    flash(_("Anda telah keluar."), "info")
    return redirect(url_for("auth.login"))
