"""Admin pages for user accounts: list, create, edit, reset a password."""

from flask import Blueprint, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_user

from sidak.models import User, db
from sidak.services.users import (
    UserInvalid,
    assignable_offices,
    create_account,
    find_users,
    office_names,
    reset_password,
    update_account,
)
from sidak.web.admin.forms import PasswordResetForm, UserCreateForm, UserEditForm
from sidak.web.paging import requested_page

bp = Blueprint("users", __name__, url_prefix="/pengguna")


@bp.get("")
def index():
    page = find_users(requested_page())
    names = office_names(page.items)
    return render_template("admin/users.html", page=page, office_names=names)


@bp.route("/baru", methods=["GET", "POST"])
def new():
    form = UserCreateForm()
    form.set_offices(assignable_offices())
    if form.validate_on_submit():
        try:
            user = create_account(form.username.data, form.password.data, form.profile())
        except UserInvalid as exc:
            form.show_problems(exc.problems)
        else:
            flash(_("Akun '%(username)s' dibuat.", username=user.username), "info")
            return redirect(url_for(".index"))
    page = render_template("admin/user_form.html", form=form, user=None)
    return page, 422 if form.errors else 200


@bp.route("/<int:user_id>", methods=["GET", "POST"])
def edit(user_id: int):
    user = db.get_or_404(User, user_id)
    form = UserEditForm(obj=user)
    form.set_offices(assignable_offices(user.office_id))
    if form.validate_on_submit():
        try:
            ended = update_account(user, form.profile(form.active.data), actor=current_user)
        except UserInvalid as exc:
            form.show_problems(exc.problems)
        else:
            flash(_("Perubahan disimpan."), "info")
            if ended:
                flash(_("Sesi '%(username)s' diakhiri.", username=user.username), "info")
            return redirect(url_for(".edit", user_id=user.id))
    return _edit_page(user, form, PasswordResetForm(prefix="reset"))


@bp.post("/<int:user_id>/kata-sandi")
def password(user_id: int):
    user = db.get_or_404(User, user_id)
    reset = PasswordResetForm(prefix="reset")
    if reset.validate_on_submit():
        try:
            reset_password(user, reset.password.data)
        except UserInvalid as exc:
            reset.show_problems(exc.problems)
        else:
            if user.id == current_user.id:
                login_user(user)  # this device stays logged in; every other one is logged out
            flash(
                _(
                    "Kata sandi '%(username)s' diganti; semua sesinya diakhiri.",
                    username=user.username,
                ),
                "info",
            )
            return redirect(url_for(".edit", user_id=user.id))
    form = UserEditForm(obj=user)
    form.set_offices(assignable_offices(user.office_id))
    return _edit_page(user, form, reset)


def _edit_page(user: User, form: UserEditForm, reset: PasswordResetForm):
    page = render_template("admin/user_form.html", form=form, reset=reset, user=user)
    return page, 422 if form.errors or reset.errors else 200
