"""Admin pages for integrations: list, create (the token shown once), revoke."""

from flask import Blueprint, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user

from sidak.models import Integration, db
from sidak.services.integrations import (
    IntegrationInvalid,
    all_integrations,
    create_integration,
    office_choices,
    revocation_reason,
    revoke_integration,
)
from sidak.web.admin.forms import IntegrationForm, IntegrationRevokeForm

bp = Blueprint("integrations", __name__, url_prefix="/integrasi")


@bp.get("")
def index():
    return render_template("admin/integrations.html", integrations=all_integrations())


@bp.route("/baru", methods=["GET", "POST"])
def new():
    form = IntegrationForm()
    form.set_offices(office_choices())
    if form.validate_on_submit():
        try:
            integration, token = create_integration(
                form.name.data, form.scope.data, form.chosen_office(), actor=current_user
            )
        except IntegrationInvalid as exc:
            form.show_problems(exc.problems)
        else:
            # shown in this answer only: never kept, never in a redirect or the session
            page = render_template(
                "admin/integration_token.html", integration=integration, token=token
            )
            return page, 200, {"Cache-Control": "no-store"}
    page = render_template("admin/integration_form.html", form=form)
    return page, 422 if form.errors else 200


@bp.get("/<int:integration_id>")
def detail(integration_id: int):
    integration = db.get_or_404(Integration, integration_id)
    return _detail_page(integration, IntegrationRevokeForm())


@bp.post("/<int:integration_id>/cabut")
def revoke(integration_id: int):
    integration = db.get_or_404(Integration, integration_id)
    form = IntegrationRevokeForm()
    if form.validate_on_submit():
        try:
            revoke_integration(integration, form.reason.data, actor=current_user)
        except IntegrationInvalid as exc:
            form.show_problems(exc.problems)
        else:
            flash(_("Token '%(name)s' dicabut.", name=integration.name), "info")
            return redirect(url_for(".index"))
    return _detail_page(integration, form)


def _detail_page(integration: Integration, form: IntegrationRevokeForm):
    page = render_template(
        "admin/integration.html",
        integration=integration,
        form=form,
        reason=revocation_reason(integration),
    )
    return page, 422 if form.errors else 200
