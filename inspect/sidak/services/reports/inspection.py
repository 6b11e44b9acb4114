"""The berita acara of one inspection: what it says, gathered for the report template."""

from dataclasses import dataclass, field
from datetime import date

import segno
from flask import render_template
from flask_babel import force_locale

from sidak import charts
from sidak.domain.categories import CATEGORIES
from sidak.domain.checklist.model import Checklist, Item, ItemType
from sidak.domain.documents import DeadlinePolicy, display_code
from sidak.domain.preview import answer_text
from sidak.domain.scoring.results import ItemResult, ScoreResult, Status
from sidak.domain.text import Text
from sidak.models import Inspection, InspectionStatus
from sidak.services import links
from sidak.services.checklists import checklist_of
from sidak.services.inspections.drafts import evaluate
from sidak.services.inspections.evidence import file_store
from sidak.services.reports.evidence import (
    PrintedPhoto,
    ensure_print_copies,
    printed_photos,
    printed_signatures,
)
from sidak.services.reports.letterhead import custom_logo, letterhead, local_time
from sidak.services.reports.pdf import (
    JsonAttachment,
    RenderedPdf,
    ReportFetcher,
    chart_image,
    render_pdf,
)
from sidak.services.reports.sanction_status import action_dues, city_today, report_sanction
from sidak.services.sanctions.ladder import current_ladder

TEMPLATE = "reports/inspection.html"


@dataclass(frozen=True)
class Finding:
    number: int
    item: Item
    result: ItemResult
    section: Text
    answer: str  #: "7 dari 10", "Tidak", "Sebagian", ...
    note: str
    basis: tuple[str, ...]  #: short citations: the rule's title up to "tentang"
    photos: tuple[PrintedPhoto, ...]
    due: date


@dataclass(frozen=True)
class AnswerRow:
    item: Item
    result: ItemResult
    answer: str
    note: str


@dataclass
class SectionRows:
    title: Text
    score: object
    rows: list[AnswerRow] = field(default_factory=list)


def report_language(inspection: Inspection) -> str:
    return inspection.office.language if inspection.office.language in ("id", "en") else "id"


def public_url(path: str) -> str:
    """An absolute address for `path` (see `links.absolute`)."""
    return links.absolute(path)


def spoken_answer(item: Item, result: ItemResult, lang: str) -> str:
    """The answer as the report reads it: counts as "7 dari 10", N/A spelled out."""
    answer = result.answer
    if result.status is Status.HIDDEN:
        return "Tidak ditanyakan" if lang == "id" else "Not asked"
    if answer is not None and answer.na:
        return "Tidak berlaku" if lang == "id" else "Not applicable"
    if item.type is ItemType.COUNT and answer is not None and answer.observed is not None:
        joiner = "dari" if lang == "id" else "of"
        return f"{answer.compliant} {joiner} {answer.observed}"
    return answer_text(item, answer, lang)


def short_citation(title: Text, lang: str) -> str:
    """ "Keputusan Menteri Kesehatan Nomor HK.01.07/MENKES/328/2020": the title's subject
    is in the report's list of rules already."""
    text = title.get(lang)
    for joiner in (" tentang ", " on ", " concerning "):
        if joiner in text:
            return text.split(joiner, 1)[0]
    return text


def build(inspection: Inspection, lang: str) -> tuple[dict, dict]:
    """The template context and the files the renderer may fetch for it."""
    checklist = checklist_of(inspection.checklist_version)
    result = evaluate(inspection)
    store = file_store()
    files: dict = {}
    photos = printed_photos(inspection, store, files)
    notes = {r.item_id: r.note for r in inspection.answers}
    final = inspection.status == InspectionStatus.FINALIZED
    finalized_on = local_time(
        inspection.finalized_at or inspection.submitted_at or inspection.started_at
    )
    ladder = current_ladder()
    policy = DeadlinePolicy(ladder.action_days, ladder.critical_action_days) if ladder else None
    policy = policy or DeadlinePolicy()
    # a finalized inspection's deadlines are its corrective actions'; a preview computes them
    dues = action_dues(inspection) if final else {}
    findings = _findings(checklist, result, notes, photos, lang, policy, finalized_on.date(), dues)
    category_bars = _category_bars(checklist, result, lang)
    context = {
        "inspection": inspection,
        "office": inspection.office,
        "checklist": checklist,
        "result": result,
        "lang": lang,
        "final": final,
        "letterhead": letterhead(),
        "started": local_time(inspection.started_at),
        "ended": local_time(inspection.ended_at) if inspection.ended_at else None,
        "finalized": local_time(inspection.finalized_at) if inspection.finalized_at else None,
        "rules": [(rule, rule.title.get(lang)) for rule in checklist.rules],
        "category_chart": chart_image(
            files, "categories.svg", charts.score_bars(category_bars, lang=lang)
        ),
        "category_bars": category_bars,
        "findings": findings,
        "critical_count": sum(1 for f in findings if f.item.critical),
        "sections": _sections(checklist, result, notes, lang),
        "signatures": printed_signatures(inspection, store, files),
        "verification": _verification(inspection) if final else None,
        #: the inspection's newest sanction in its state today (None before finalizing)
        "sanction": report_sanction(inspection, city_today()) if final else None,
        "follow_up": _follow_up(inspection, photos, lang),
    }
    return context, files


def _follow_up(inspection: Inspection, photos: dict, lang: str) -> list[dict]:
    """A follow-up visit's verdicts on the office's earlier findings, with "after" photos."""
    return [
        {
            "question": check.action.question_en
            if lang == "en" and check.action.question_en
            else check.action.question,
            "critical": check.action.critical,
            "number": check.action.inspection.report_number or "–",
            "found": local_time(check.action.inspection.started_at),
            "result": check.result,
            "note": check.note,
            "photos": photos.get(check.photo_item, ()),
        }
        for check in inspection.follow_up_checks
    ]


def render(inspection: Inspection, lang: str | None = None) -> RenderedPdf:
    """Render the report now (a finalized one is archival PDF/A-3 with its record attached)."""
    lang = lang or report_language(inspection)
    ensure_print_copies(inspection)
    with force_locale(lang):
        context, files = build(inspection, lang)
        html = render_template(TEMPLATE, **context)
    fetcher = ReportFetcher(files, logo=custom_logo())
    final = context["final"]
    attachment = None
    if final and inspection.canonical_json:
        attachment = JsonAttachment(
            name="berita-acara.json",
            description="Sidak: isi kanonik berita acara (SHA-256 " + inspection.content_hash + ")",
            content=inspection.canonical_json,
        )
    return render_pdf(html, fetcher=fetcher, attachment=attachment, archival=final)


def _findings(checklist: Checklist, result: ScoreResult, notes, photos, lang, policy, on, dues):
    section_of = {
        item.id: section.title for section in checklist.sections for item in section.items
    }
    findings = []
    ordered = sorted(result.findings, key=lambda r: not r.critical)
    for number, item_result in enumerate(ordered, start=1):
        item = checklist.item(item_result.item_id)
        findings.append(
            Finding(
                number=number,
                item=item,
                result=item_result,
                section=section_of[item.id],
                answer=spoken_answer(item, item_result, lang),
                note=notes.get(item.id, ""),
                basis=tuple(
                    short_citation(r.title, lang) for r in checklist.rules if r.id in item.basis
                ),
                photos=tuple(photos.get(item.id, ())),
                due=dues.get(item.id) or policy.due(on, item.critical),
            )
        )
    return findings


def _sections(checklist: Checklist, result: ScoreResult, notes, lang) -> list[SectionRows]:
    sections = []
    for section in checklist.sections:
        group = SectionRows(section.title, result.section(section.id).score)
        for item in section.items:
            item_result = result.item(item.id)
            group.rows.append(
                AnswerRow(
                    item,
                    item_result,
                    spoken_answer(item, item_result, lang),
                    notes.get(item.id, ""),
                )
            )
        sections.append(group)
    return sections


def _category_bars(checklist: Checklist, result: ScoreResult, lang: str) -> list[charts.Bar]:
    bars = []
    for group in result.categories:
        band = checklist.grade_for(group.exact) if group.exact is not None else None
        bars.append(
            charts.Bar(
                label=CATEGORIES[group.key].get(lang),
                value=group.score,
                color=band.color if band else charts.NEUTRAL,
            )
        )
    return bars


def _verification(inspection: Inspection) -> dict:
    url = public_url(f"/verifikasi/{inspection.verification_code}")
    qr = segno.make(url, error="m")
    return {
        "url": url,
        "code": display_code(inspection.verification_code),
        "qr": qr.svg_inline(scale=2, border=2, dark="#000"),
        "hash": inspection.content_hash,
    }
