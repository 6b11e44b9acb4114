"""The city's own offices that teams inspect."""

from datetime import datetime
from enum import StrEnum

from flask_babel import lazy_gettext as _l
from sqlalchemy import String, Text
from sqlalchemy.orm import Mapped, mapped_column

from sidak.models.base import UTCDateTime, db, utcnow


class OfficeType(StrEnum):
    DINAS = "dinas"
    BADAN = "badan"
    SEKRETARIAT = "sekretariat"
    KECAMATAN = "kecamatan"
    KELURAHAN = "kelurahan"
    PUSKESMAS = "puskesmas"
    MPP = "mpp"  #: mal pelayanan publik
    RSUD = "rsud"
    LAINNYA = "lainnya"

    @property
    def label(self) -> str:
        return str(OFFICE_TYPE_LABELS[self.value])


OFFICE_TYPE_LABELS = {
    "dinas": _l("Dinas"),
    "badan": _l("Badan"),
    "sekretariat": _l("Sekretariat"),
    "kecamatan": _l("Kecamatan"),
    "kelurahan": _l("Kelurahan"),
    "puskesmas": _l("Puskesmas"),
    "mpp": _l("Mal Pelayanan Publik"),
    "rsud": _l("Rumah sakit daerah"),
    "lainnya": _l("Lainnya"),
}


class Office(db.Model):
    __tablename__ = "offices"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    #: an `OfficeType` value
    type: Mapped[str] = mapped_column(String(20))
    #: the kecamatan the office lies in (dashboards group by it)
    district: Mapped[str] = mapped_column(String(100), index=True)
    address: Mapped[str] = mapped_column(Text, default="")
    head_name: Mapped[str] = mapped_column(String(200), default="")
    head_phone: Mapped[str] = mapped_column(String(50), default="")
    head_email: Mapped[str] = mapped_column(String(200), default="")
    latitude: Mapped[float | None]
    longitude: Mapped[float | None]
    #: the language its reports are written in
    language: Mapped[str] = mapped_column(String(2), default="id")
    active: Mapped[bool] = mapped_column(default=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    @property
    def type_label(self) -> str:
        return OfficeType(self.type).label
