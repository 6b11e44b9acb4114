"""The dashboard's filter and the drill-down of its lists, read from the query string.

A wrong value never breaks the page: the field shows its problem, and the dashboard uses
the default for that field meanwhile.
"""

from datetime import date

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from sqlalchemy import select
from wtforms import DateField, IntegerField, SelectField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import NumberRange, Optional, ValidationError

from sidak.domain.analytics.filters import DashboardFilter, Step, default_filter
from sidak.domain.analytics.panels import AGE_GROUPS
from sidak.domain.bands import DEFAULT_BANDS
from sidak.domain.categories import CATEGORIES
from sidak.domain.periods import EARLIEST, LATEST
from sidak.domain.sanctions.lifecycle import ActionState, SanctionState
from sidak.ids import MAX_ID
from sidak.models import ChecklistRecord, Office, db
from sidak.models.office import OFFICE_TYPE_LABELS
from sidak.services.analytics.lists import Drill

STEPS = {"bulan": Step.MONTH, "minggu": Step.WEEK}
#: the query arguments of the filter; the lists add the drill-down's
FILTER_ARGS = ("dari", "sampai", "kecamatan", "jenis", "daftar", "per", "hari")
DRILL_ARGS = ("kantor", "pita", "kategori", "status", "umur", "pelanggaran", "kritis", "belum")


def _in_range(form, field) -> None:
    if field.data is not None and not EARLIEST <= field.data <= LATEST:
        raise ValidationError(_l("Isi tanggal antara tahun 2000 dan 2099."))


class FilterForm(FlaskForm):
    class Meta:
        csrf = False  # a GET form: it reads, never changes anything

    dari = DateField(_l("Dari tanggal"), validators=[Optional(), _in_range])
    sampai = DateField(_l("Sampai tanggal"), validators=[Optional(), _in_range])
    kecamatan = SelectField(_l("Kecamatan"), default="")
    jenis = SelectField(_l("Jenis kantor"), default="")
    daftar = SelectField(_l("Daftar periksa"), default="")
    per = SelectField(
        _l("Tren per"),
        choices=[SelectChoice("bulan", _l("Bulan")), SelectChoice("minggu", _l("Minggu"))],
        default="bulan",
    )
    hari = IntegerField(
        _l("Belum dikunjungi selama (hari)"),
        validators=[Optional(), NumberRange(1, 3650, _l("Isi antara 1 dan 3650 hari."))],
    )

    def fill_choices(self) -> None:
        everything = [SelectChoice("", _l("Semua"))]
        districts = db.session.scalars(select(Office.district).distinct().order_by(Office.district))
        self.kecamatan.choices = everything + [SelectChoice(d, d) for d in districts]
        types = OFFICE_TYPE_LABELS.items()
        self.jenis.choices = everything + [SelectChoice(k, v) for k, v in types]
        keys = db.session.scalars(select(ChecklistRecord.key).order_by(ChecklistRecord.key))
        self.daftar.choices = everything + [SelectChoice(k, k) for k in keys]


class ListForm(FilterForm):
    kantor = IntegerField(_l("Kantor"), validators=[Optional(), NumberRange(1, MAX_ID)])
    pita = SelectField(_l("Pita"), default="")
    kategori = SelectField(_l("Kategori"), default="")
    status = SelectField(_l("Status"), default="")
    umur = IntegerField(_l("Umur"), validators=[Optional(), NumberRange(0, len(AGE_GROUPS) - 1)])
    pelanggaran = IntegerField(_l("Pelanggaran"), validators=[Optional(), NumberRange(0, 1)])
    kritis = IntegerField(_l("Kritis"), validators=[Optional(), NumberRange(0, 1)])

    def fill_choices(self) -> None:
        super().fill_choices()
        everything = [SelectChoice("", _l("Semua"))]
        self.pita.choices = everything + [SelectChoice(b.id, b.label.id) for b in DEFAULT_BANDS]
        categories = CATEGORIES.items()
        self.kategori.choices = everything + [SelectChoice(k, v.id) for k, v in categories]
        states = dict.fromkeys([*SanctionState, *ActionState])
        self.status.choices = everything + [SelectChoice(str(s), str(s)) for s in states]


def _good(field):
    """The field's value, or None when it is empty or has a problem."""
    return field.data if field.data not in (None, "") and not field.errors else None


def read_filter(form: FilterForm, today: date) -> DashboardFilter:
    """The filter the form says, with the default wherever a field is empty or wrong."""
    form.fill_choices()
    form.validate()
    if form.sampai.data and form.sampai.data > today:
        form.sampai.errors = [*form.sampai.errors, _l("Tanggal akhir sesudah hari ini.")]
    f = default_filter(today)
    date_to = _good(form.sampai) or f.date_to
    date_from = _good(form.dari) or f.date_from
    if date_from > date_to:
        form.dari.errors = [*form.dari.errors, _l("Tanggal awal sesudah tanggal akhir.")]
        date_from = min(f.date_from, date_to)
    return f.with_(
        date_from=date_from,
        date_to=date_to,
        district=_good(form.kecamatan),
        office_type=_good(form.jenis),
        checklist=_good(form.daftar),
        step=STEPS.get(_good(form.per) or "bulan", Step.MONTH),
        idle_days=_good(form.hari) or f.idle_days,
    )


def read_drill(form: "ListForm") -> Drill:
    return Drill(
        office_id=_good(form.kantor),
        band=_good(form.pita),
        violation=bool(_good(form.pelanggaran)),
        critical=bool(_good(form.kritis)),
        category=_good(form.kategori),
        state=_good(form.status),
        age=_good(form.umur),
    )


def filter_args(f: DashboardFilter) -> dict:
    """The filter as query arguments (what links and exports carry along)."""
    args = {
        "dari": f.date_from.isoformat() if f.date_from else "",
        "sampai": f.date_to.isoformat(),
        "kecamatan": f.district or "",
        "jenis": f.office_type or "",
        "daftar": f.checklist or "",
        "per": next(k for k, v in STEPS.items() if v is f.step),
        "hari": f.idle_days,
    }
    return {k: v for k, v in args.items() if v not in ("", None)}
