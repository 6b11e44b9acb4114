"""Forms of the admin pages. The services check the rules; forms carry values and show
each problem under its field."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from flask_wtf.file import FileField, FileRequired
from wtforms import (
    BooleanField,
    EmailField,
    PasswordField,
    RadioField,
    SelectField,
    StringField,
    TelField,
    TextAreaField,
)
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, EqualTo

from sidak.ids import parse_id
from sidak.models import IntegrationScope, Office, OfficeType, Role
from sidak.models.office import OFFICE_TYPE_LABELS
from sidak.models.user import ROLE_LABELS
from sidak.services.offices import FIELDS as OFFICE_FIELDS
from sidak.services.users import Profile

LANGUAGES = [SelectChoice("id", "Bahasa Indonesia"), SelectChoice("en", "English")]
DECIMAL = {"inputmode": "decimal", "autocomplete": "off"}


def _optional_id(value: object) -> str:
    return "" if value is None else str(value)


class ProblemsForm(FlaskForm):
    def show_problems(self, problems: dict[str, str]) -> None:
        """Put each service problem under its field."""
        for name, message in problems.items():
            self[name].errors = [*self[name].errors, message]


class OfficeForm(ProblemsForm):
    name = StringField(_l("Nama kantor"))
    type = SelectField(
        _l("Jenis"),
        choices=[SelectChoice(t.value, OFFICE_TYPE_LABELS[t.value]) for t in OfficeType],
        validate_choice=False,
    )
    district = StringField(_l("Kecamatan"))
    address = TextAreaField(_l("Alamat"), render_kw={"rows": 3})
    head_name = StringField(_l("Nama kepala kantor"))
    head_phone = TelField(_l("Telepon kepala kantor"), render_kw={"autocomplete": "off"})
    head_email = EmailField(_l("Email kepala kantor"), render_kw={"autocomplete": "off"})
    latitude = StringField(_l("Lintang (mis. -6,9175)"), render_kw=DECIMAL)
    longitude = StringField(_l("Bujur (mis. 107,6191)"), render_kw=DECIMAL)
    language = SelectField(_l("Bahasa laporan"), choices=LANGUAGES, validate_choice=False)

    def values(self) -> dict[str, str]:
        return {name: self[name].data or "" for name in OFFICE_FIELDS}


class OfficeImportForm(FlaskForm):
    file = FileField(
        _l("Berkas CSV"),
        validators=[FileRequired(_l("Pilih berkas CSV."))],
        render_kw={"accept": ".csv,text/csv"},
    )


class ProfileForm(ProblemsForm):
    full_name = StringField(
        _l("Nama lengkap"), validators=[DataRequired(_l("Nama lengkap wajib diisi."))]
    )
    role = SelectField(
        _l("Peran"),
        choices=[SelectChoice(r.value, ROLE_LABELS[r.value]) for r in Role],
        validate_choice=False,
    )
    office_id = SelectField(
        _l("Kantor (khusus kepala kantor)"), coerce=_optional_id, validate_choice=False
    )
    agency = StringField(_l("Instansi (khusus inspektur, mis. Satpol PP)"))
    email = EmailField(
        _l("E-mail (untuk pemberitahuan; boleh kosong)"),
        render_kw={"autocomplete": "off", "autocapitalize": "none"},
    )

    def set_offices(self, offices: list[Office]) -> None:
        self.office_id.choices = [
            SelectChoice("", _l("— Tanpa kantor —")),
            *(SelectChoice(str(office.id), office.name) for office in offices),
        ]

    def profile(self, active: bool = True) -> Profile:
        office = self.office_id.data
        return Profile(
            full_name=self.full_name.data or "",
            role=self.role.data or "",
            office_id=parse_id(office),
            agency=self.agency.data or "",
            active=active,
            email=self.email.data or "",
        )


class UserCreateForm(ProfileForm):
    username = StringField(
        _l("Nama pengguna"),
        validators=[DataRequired(_l("Nama pengguna wajib diisi."))],
        render_kw={"autocomplete": "off", "autocapitalize": "none"},
    )
    password = PasswordField(
        _l("Kata sandi (minimal 8 karakter)"),
        validators=[DataRequired(_l("Kata sandi wajib diisi."))],
        render_kw={"autocomplete": "new-password"},
    )
    confirm = PasswordField(
        _l("Ulangi kata sandi"),
        validators=[EqualTo("password", _l("Kedua kata sandi tidak sama."))],
        render_kw={"autocomplete": "new-password"},
    )


class UserEditForm(ProfileForm):
    active = BooleanField(_l("Aktif (boleh masuk)"))


class PasswordResetForm(ProblemsForm):
    password = PasswordField(
        _l("Kata sandi baru (minimal 8 karakter)"),
        validators=[DataRequired(_l("Kata sandi wajib diisi."))],
        render_kw={"autocomplete": "new-password"},
    )
    confirm = PasswordField(
        _l("Ulangi kata sandi baru"),
        validators=[EqualTo("password", _l("Kedua kata sandi tidak sama."))],
        render_kw={"autocomplete": "new-password"},
    )


class IntegrationForm(ProblemsForm):
    name = StringField(
        _l("Nama integrasi (mis. Dasbor Dinas Kesehatan)"),
        validators=[DataRequired(_l("Nama integrasi wajib diisi."))],
        render_kw={"autocomplete": "off"},
    )
    scope = RadioField(
        _l("Yang boleh dibaca"),
        choices=[
            SelectChoice(IntegrationScope.CITY, _l("Seluruh kota (seperti pemerintah kota)")),
            SelectChoice(IntegrationScope.OFFICE, _l("Satu kantor (seperti kepala kantornya)")),
        ],
        default=IntegrationScope.CITY,
        validate_choice=False,
    )
    office_id = SelectField(
        _l("Kantor (bila satu kantor)"), coerce=_optional_id, validate_choice=False
    )

    def set_offices(self, offices: list[Office]) -> None:
        self.office_id.choices = [
            SelectChoice("", _l("— Pilih kantor —")),
            *(SelectChoice(str(office.id), office.name) for office in offices),
        ]

    def chosen_office(self) -> int | None:
        return parse_id(self.office_id.data)


class IntegrationRevokeForm(ProblemsForm):
    reason = TextAreaField(
        _l("Alasan pencabutan"),
        validators=[DataRequired(_l("Tulis alasan pencabutan."))],
        render_kw={"rows": 3},
    )
