"""The city's recap for a date range: the inspections it counts, and the PDF's content.

Two queries read the inspections (with their offices, then the checklist versions they used);
the stored score breakdown of each inspection says which items failed, so no answer is read
and nothing is rescored. The arithmetic is in `sidak.domain.recap`. A third reads the period's
sanctions (`sanction_status.period_sanctions` says which belong to it).
"""

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

from flask import current_app, render_template
from flask_babel import format_date
from flask_babel import gettext as _
from sqlalchemy import exists, select
from sqlalchemy.orm import aliased

from sidak import charts
from sidak.domain import periods, recap
from sidak.domain.bands import DEFAULT_BANDS, Band, band_for, parse_cutoffs
from sidak.domain.categories import CATEGORIES
from sidak.domain.checklist import Checklist
from sidak.domain.text import Text
from sidak.models import ChecklistVersion, Inspection, InspectionStatus, Office, db, utcnow
from sidak.models.office import OFFICE_TYPE_LABELS
from sidak.services.checklists import checklist_of
from sidak.services.reports.letterhead import city_zone, custom_logo, letterhead
from sidak.services.reports.pdf import ReportFetcher, chart_image
from sidak.services.reports.sanction_status import PrintedSanction, period_sanctions, state_counts

TEMPLATE = "reports/recap.html"
COUNTED = (InspectionStatus.SUBMITTED, InspectionStatus.FINALIZED)
#: the trend chart's colours: the score in the app's blue, critical failures in red
SCORE_COLOR = "#0b4f6c"
CRITICAL_COLOR = "#b3261e"


@dataclass(frozen=True)
class RecapData:
    date_from: date
    date_to: date
    rows: list[recap.InspectionRow]
    #: each item's question, as the newest checklist version asking it words it
    questions: dict[str, Text]
    #: the period's sanctions in their state on the day the recap was made, overdue first
    sanctions: list[PrintedSanction] = field(default_factory=list)


def today() -> date:
    """Today in the city."""
    return utcnow().astimezone(city_zone()).date()


def bounds(date_from: date, date_to: date) -> tuple[datetime, datetime]:
    """The period's first instant and the instant after its last day, in the city's time."""
    zone = city_zone()
    start = datetime.combine(date_from, time(0), tzinfo=zone)
    end = datetime.combine(date_to + timedelta(days=1), time(0), tzinfo=zone)
    return start, end


def counted_inspections(date_from: date, date_to: date):
    """The inspections the recap counts: submitted or finalized, started in the period, and
    the latest version of their record (one corrected by a submitted correction is out; one
    whose correction is still a draft stays in until the correction is submitted)."""
    start, end = bounds(date_from, date_to)
    correction = aliased(Inspection)
    corrected = exists().where(
        correction.supersedes_id == Inspection.id, correction.status != InspectionStatus.DRAFT
    )
    return (
        select(
            Inspection.id,
            Inspection.started_at,
            Inspection.status,
            Inspection.score,
            Inspection.grade_id,
            Inspection.findings_count,
            Inspection.critical_failures,
            Inspection.report_number,
            Inspection.score_json,
            Inspection.checklist_version_id,
            Office.id.label("office_id"),
            Office.name.label("office_name"),
            Office.type.label("office_type"),
            Office.district,
        )
        .join(Office, Office.id == Inspection.office_id)
        .where(
            Inspection.status.in_(COUNTED),
            Inspection.started_at >= start,
            Inspection.started_at < end,
            ~corrected,
        )
        .order_by(Inspection.started_at, Inspection.id)
    )


def gather(
    date_from: date, date_to: date, on_progress: Callable[[float], None] | None = None
) -> RecapData:
    """Read the period's inspections; `on_progress` hears the share done (0..1) now and then."""
    records = db.session.execute(counted_inspections(date_from, date_to)).all()
    checklists = _checklists({record.checklist_version_id for record in records})
    zone = city_zone()
    rows = []
    every = max(50, len(records) // 5)  # a handful of progress reports, whatever the count
    for number, record in enumerate(records, start=1):
        rows.append(_row(record, checklists[record.checklist_version_id], zone))
        if on_progress and number % every == 0:
            on_progress(number / len(records))
    questions: dict[str, Text] = {}
    for _registered, checklist in sorted(checklists.values(), key=lambda pair: pair[0]):
        questions.update((item.id, item.question) for item in checklist.items)
    sanctions = period_sanctions(*bounds(date_from, date_to), today())
    return RecapData(date_from, date_to, rows, questions, sanctions)


def _checklists(version_ids: set[int]) -> dict[int, tuple[datetime, Checklist]]:
    if not version_ids:
        return {}
    versions = db.session.scalars(
        select(ChecklistVersion).where(ChecklistVersion.id.in_(version_ids))
    )
    return {v.id: (v.registered_at, checklist_of(v)) for v in versions}


def _row(record, version: tuple[datetime, Checklist], zone: ZoneInfo) -> recap.InspectionRow:
    checklist = version[1]
    breakdown = json.loads(record.score_json) if record.score_json else {}
    grade = next((g for g in checklist.grades if g.id == record.grade_id), None)
    return recap.InspectionRow(
        id=record.id,
        started=record.started_at.astimezone(zone),
        office_id=record.office_id,
        office=record.office_name,
        office_type=record.office_type,
        district=record.district,
        checklist=checklist.title,
        status=record.status,
        score=record.score,
        grade=recap.Grade(grade.id, grade.label, grade.min, grade.color) if grade else None,
        findings=record.findings_count,
        critical=record.critical_failures,
        report_number=record.report_number,
        items=tuple(
            recap.ItemOutcome(
                item_id=item["id"],
                category=item["category"],
                critical=bool(item["critical"]),
                asked=item["status"] in ("pass", "fail"),
                failed=item["status"] == "fail",
            )
            for item in breakdown.get("items", ())
        ),
        categories=tuple(
            (group["id"], Decimal(group["score"]) if group["score"] is not None else None)
            for group in breakdown.get("categories", ())
        ),
    )


def build(data: RecapData, lang: str, files: dict) -> dict:
    """The template context (call inside ``force_locale(lang)``); the charts are added to
    `files` for the renderer and named by URL in the context."""
    rows = data.rows
    bands = parse_cutoffs(current_app.config["COMPLIANCE_BANDS"])
    districts = recap.by_district(rows, bands)
    categories = recap.failures_by_category(rows)
    step = periods.trend_step(data.date_from, data.date_to)
    points = recap.trend(rows, data.date_from, data.date_to, step)
    labels = [trend_label(point, step) for point in points]
    return {
        "lang": lang,
        "letterhead": letterhead(),
        "date_from": data.date_from,
        "date_to": data.date_to,
        "period": period_label(data.date_from, data.date_to),
        "generated": utcnow().astimezone(city_zone()),
        "totals": recap.totals(rows, bands),
        "offices": recap.by_office(rows),
        "districts": districts,
        "categories": categories,
        "trend": list(zip(labels, points, strict=True)),
        "step": step.value,
        "inspections": rows,
        "questions": data.questions,
        "category_names": CATEGORIES,
        "office_types": OFFICE_TYPE_LABELS,
        "band_ranges": band_ranges(lang, bands),
        "band_for": lambda score: band_for(score, bands),
        "items_per_category": recap.ITEMS_PER_CATEGORY,
        "district_chart": chart_image(
            files,
            "districts.svg",
            charts.score_bars(
                [_bar(d.name, d.average, bands) for d in districts], lang=lang, width=620
            ),
        ),
        "category_chart": chart_image(
            files,
            "categories.svg",
            charts.score_bars(
                [
                    _bar(CATEGORIES[c.key].get(lang), c.average, bands)
                    for c in _by_score(categories)
                ],
                lang=lang,
                width=620,
            ),
        ),
        "trend_chart": chart_image(files, "trend.svg", _trend_chart(labels, points, lang)),
        #: the sanctions recorded in Sidak for the period (never anything else), and how
        #: many are in each state
        "sanctions": data.sanctions,
        "sanction_counts": state_counts(data.sanctions),
    }


def html(data: RecapData, lang: str) -> tuple[str, dict]:
    """The recap as HTML for the PDF renderer, and the files it shows (call inside
    ``force_locale(lang)``)."""
    files: dict = {}
    return render_template(TEMPLATE, **build(data, lang, files)), files


def fetcher(files: dict) -> ReportFetcher:
    return ReportFetcher(files, logo=custom_logo())


def period_label(date_from: date, date_to: date) -> str:
    """ "Oktober 2026" for a whole month, else "1 Oktober 2026 – 15 Oktober 2026"."""
    if periods.is_whole_month(date_from, date_to):
        return format_date(date_from, "MMMM y")
    if date_from == date_to:
        return format_date(date_from, "d MMMM y")
    return f"{format_date(date_from, 'd MMMM y')} – {format_date(date_to, 'd MMMM y')}"


def trend_label(point: recap.TrendPoint, step: periods.Step) -> str:
    if step is periods.Step.MONTH:
        return format_date(point.start, "MMM y")
    if point.start == point.end:
        return format_date(point.start, "d MMM")
    if point.start.month == point.end.month:
        return f"{point.start.day}–{format_date(point.end, 'd MMM')}"
    return f"{format_date(point.start, 'd MMM')}–{format_date(point.end, 'd MMM')}"


def band_ranges(lang: str, bands: tuple[Band, ...] = DEFAULT_BANDS) -> list[tuple[Band, str]]:
    """Each band with its scores as people write them: "> 90", "75–90", "< 75"."""
    tenth = Decimal("0.1")
    ranges = []
    for index, band in enumerate(bands):
        if index == 0:
            limits = f"> {_plain(band.minimum - tenth, lang)}"
        elif index == len(bands) - 1:
            limits = f"< {_plain(bands[index - 1].minimum, lang)}"
        else:
            upper = bands[index - 1].minimum - tenth
            limits = f"{_plain(band.minimum, lang)}–{_plain(upper, lang)}"
        ranges.append((band, limits))
    return ranges


def _plain(value: Decimal, lang: str) -> str:
    text = str(value.to_integral_value()) if value == value.to_integral_value() else str(value)
    return text.replace(".", ",") if lang == "id" else text


def _bar(label: str, score: Decimal | None, bands: tuple[Band, ...]) -> charts.Bar:
    band = band_for(score, bands)
    return charts.Bar(label, score, band.color if band else charts.NEUTRAL)


def _by_score(categories: list[recap.CategoryFailures]) -> list[recap.CategoryFailures]:
    scored = [c for c in categories if c.average is not None]
    return sorted(scored, key=lambda c: (c.average, c.key))


def _trend_chart(labels: list[str], points: list[recap.TrendPoint], lang: str):
    return charts.trend_lines(
        labels,
        [
            charts.Series(_("Skor rata-rata"), tuple(p.average for p in points), SCORE_COLOR),
            charts.Series(
                _("Inspeksi dengan temuan kritis (%)"),
                tuple(p.critical_share for p in points),
                CRITICAL_COLOR,
            ),
        ],
        lang=lang,
        width=620,
    )
