"""Reading inspection forms: answers from a section page, the start form."""

from flask_babel import lazy_gettext as _l
from flask_babel import lazy_pgettext
from flask_wtf import FlaskForm
from wtforms import (
    BooleanField,
    FieldList,
    FloatField,
    FormField,
    HiddenField,
    SelectField,
    StringField,
    TextAreaField,
)
from wtforms import Form as PlainForm
from wtforms.validators import DataRequired, Length, Optional

from sidak.domain.checklist import Checklist, ItemType
from sidak.ids import parse_id
from sidak.services.inspections.drafts import AnswerInput
from sidak.services.inspections.start import StartRequest


class OutsiderForm(PlainForm):
    name = StringField(_l("Nama"), validators=[Optional(), Length(max=200)])
    agency = StringField(_l("Instansi"), validators=[Optional(), Length(max=200)])


class StartForm(FlaskForm):
    uuid = HiddenField()
    office = StringField(
        _l("Kantor yang diperiksa"),
        validators=[DataRequired(_l("Pilih kantor yang akan diperiksa."))],
        render_kw={"list": "daftar-kantor", "autocomplete": "off"},
    )
    checklist = SelectField(lazy_pgettext("field", "Daftar periksa"), validators=[DataRequired()])
    lead = SelectField(_l("Ketua tim"), coerce=int)
    outsiders = FieldList(FormField(OutsiderForm), min_entries=2, max_entries=8)
    latitude = FloatField(validators=[Optional()], widget=HiddenField.widget)
    longitude = FloatField(validators=[Optional()], widget=HiddenField.widget)
    accuracy = FloatField(validators=[Optional()], widget=HiddenField.widget)
    decline_location = BooleanField(_l("Jangan rekam lokasi saya"))
    note = TextAreaField(validators=[Optional()])


def _int(text: str | None) -> int | None:
    text = (text or "").strip()
    if not text:
        return None
    try:
        return int(text)
    except ValueError:
        return -1  # refused by the answer check with a clear message


def section_answers(form, checklist: Checklist, item_ids: list[str]) -> dict[str, AnswerInput]:
    """The answers a section form carries, for the items it shows (an empty one is skipped)."""
    found: dict[str, AnswerInput] = {}
    for item_id in item_ids:
        item = checklist.item(item_id)
        prefix = f"a-{item_id}-"
        if not any(key.startswith(prefix) for key in form):
            continue
        na = form.get(prefix + "na") == "1"
        note = form.get(prefix + "note")
        if item.type is ItemType.COUNT:
            given = AnswerInput(
                observed=None if na else _int(form.get(prefix + "observed")),
                compliant=None if na else _int(form.get(prefix + "compliant")),
                na=na,
                note=note,
            )
        elif item.type is ItemType.NUMBER:
            given = AnswerInput(
                number=None if na else form.get(prefix + "number"), na=na, note=note
            )
        else:
            value = form.get(prefix + "value")
            given = AnswerInput(
                value=None if na or value == "na" else value, na=na or value == "na", note=note
            )
        found[item_id] = given
    return found


def start_request(form: StartForm, raw, choices) -> StartRequest:
    """The service's request from the start form; the office is matched by its name."""
    from sidak.services.inspections.start import TeamEntry

    names = {office.name.casefold(): office.id for office in choices.offices}
    office_id = names.get(form.office.data.strip().casefold(), 0)
    lead = form.lead.data
    team = [TeamEntry(user_id=lead, is_lead=True)]
    for member in raw.getlist("members"):
        member_id = parse_id(member)
        if member_id is not None and member_id != lead:
            team.append(TeamEntry(user_id=member_id))
    for outsider in form.outsiders.entries:
        if outsider.form.name.data and outsider.form.name.data.strip():
            team.append(
                TeamEntry(name=outsider.form.name.data, agency=outsider.form.agency.data or "")
            )
    declined = bool(form.decline_location.data)
    return StartRequest(
        uuid=form.uuid.data or _new_uuid(),
        office_id=office_id,
        checklist_key=form.checklist.data,
        team=team,
        latitude=None if declined else form.latitude.data,
        longitude=None if declined else form.longitude.data,
        accuracy_m=None if declined else form.accuracy.data,
        location_declined=declined,
    )


def _new_uuid() -> str:
    """Without JavaScript the server names the inspection (a reload then starts another)."""
    import uuid

    return str(uuid.uuid4())
