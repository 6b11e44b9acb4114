"""The query string of a read request, read strictly.

An unknown or repeated parameter, or a value that cannot be read, is refused with a message
naming the parameter: a misspelt filter must not silently return every row.
"""

import re
from datetime import date

from flask_babel import gettext as _
from werkzeug.datastructures import MultiDict

from sidak.domain.periods import within_bounds
from sidak.domain.sanctions.lifecycle import SanctionState
from sidak.models import InspectionStatus, OfficeType
from sidak.services.read_api.filters import InspectionFilter, SanctionFilter
from sidak.services.read_api.paging import DEFAULT_LIMIT, MAX_LIMIT, Window, decode_cursor

#: parameters every request may carry and that are not the endpoint's (the interface language)
ANYWHERE = ("lang",)
WINDOW = ("limit", "cursor")
INSPECTION_FILTERS = (
    "from",
    "to",
    "office_id",
    "district",
    "office_type",
    "checklist",
    "status",
    "versions",
)
SANCTION_FILTERS = ("office_id", "state", "from", "to")
_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


class BadParameter(ValueError):
    def __init__(self, name: str, message: str):
        super().__init__(message)
        self.name = name
        self.message = message


class Params:
    def __init__(self, args: MultiDict, known: tuple[str, ...] = ()):
        for name in args:
            if name not in known and name not in ANYWHERE:
                raise BadParameter(name, _("Parameter '%(name)s' tidak dikenal.", name=name))
            if len(args.getlist(name)) > 1:
                message = _("Parameter '%(name)s' hanya boleh diberikan sekali.", name=name)
                raise BadParameter(name, message)
        self.args = args

    def text(self, name: str) -> str | None:
        value = self.args.get(name)
        if value is None:
            return None
        if not value.strip():
            raise BadParameter(name, _("Parameter '%(name)s' tidak boleh kosong.", name=name))
        return value.strip()

    def identifier(self, name: str) -> int | None:
        value = self.text(name)
        if value is None:
            return None
        if not value.isascii() or not value.isdigit() or len(value) > 18 or int(value) < 1:
            message = _("Parameter '%(name)s' harus bilangan bulat positif.", name=name)
            raise BadParameter(name, message)
        return int(value)

    def day(self, name: str) -> date | None:
        value = self.text(name)
        if value is None:
            return None
        try:
            if not _DAY.fullmatch(value):
                raise ValueError(value)
            return date.fromisoformat(value)
        except ValueError:
            message = _("Parameter '%(name)s' harus tanggal YYYY-MM-DD.", name=name)
            raise BadParameter(name, message) from None

    def period(self) -> tuple[date | None, date | None]:
        start, end = self.day("from"), self.day("to")
        if start is not None and end is not None and start > end:
            raise BadParameter("from", _("Parameter 'from' tidak boleh sesudah 'to'."))
        # a period reaching past every record means every record, and cannot overflow
        return tuple(None if day is None else within_bounds(day) for day in (start, end))

    def choice(self, name: str, choices: tuple[str, ...]) -> str | None:
        value = self.text(name)
        if value is not None and value not in choices:
            message = _(
                "Parameter '%(name)s' harus salah satu dari: %(choices)s.",
                name=name,
                choices=", ".join(choices),
            )
            raise BadParameter(name, message)
        return value

    def window(self) -> Window:
        limit = self.text("limit")
        if limit is None:
            size = DEFAULT_LIMIT
        elif limit.isascii() and limit.isdigit() and 1 <= int(limit) <= MAX_LIMIT:
            size = int(limit)
        else:
            message = _("Parameter 'limit' harus bilangan bulat 1 sampai %(max)d.", max=MAX_LIMIT)
            raise BadParameter("limit", message)
        cursor = self.text("cursor")
        if cursor is None:
            return Window(size)
        try:
            return Window(size, decode_cursor(cursor))
        except ValueError:
            message = _(
                "Parameter 'cursor' tidak sah: pakai alamat 'next' dari halaman sebelumnya."
            )
            raise BadParameter("cursor", message) from None


def inspection_filter(params: Params) -> InspectionFilter:
    day_from, day_to = params.period()
    statuses = (InspectionStatus.SUBMITTED.value, InspectionStatus.FINALIZED.value)
    return InspectionFilter(
        day_from=day_from,
        day_to=day_to,
        office_id=params.identifier("office_id"),
        district=params.text("district"),
        office_type=params.choice("office_type", tuple(t.value for t in OfficeType)),
        checklist=params.text("checklist"),
        status=params.choice("status", statuses),
        all_versions=params.choice("versions", ("current", "all")) == "all",
    )


def sanction_filter(params: Params) -> SanctionFilter:
    day_from, day_to = params.period()
    return SanctionFilter(
        office_id=params.identifier("office_id"),
        state=params.choice("state", tuple(s.value for s in SanctionState)),
        day_from=day_from,
        day_to=day_to,
    )
