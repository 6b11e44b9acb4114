"""The dashboard's charts: the SVG code the PDF recap uses, coloured by the city's bands."""

from flask_babel import gettext as _
from markupsafe import Markup

from sidak import charts
from sidak.domain.bands import band_for
from sidak.domain.categories import CATEGORIES
from sidak.models.office import OFFICE_TYPE_LABELS
from sidak.services.analytics.dashboard import Dashboard
from sidak.services.reports.recap import CRITICAL_COLOR, SCORE_COLOR, trend_label

#: drawn for a phone's width (text stays legible there) and scaled up on wider screens
WIDTH = 360


def trend_labels(d: Dashboard) -> list[str]:
    step = d.filter.step
    return [trend_label(point, step) for point in d.trend]


def for_dashboard(d: Dashboard, lang: str) -> dict[str, Markup]:
    def bar(label: str, tally) -> charts.Bar:
        band = band_for(tally.average, d.bands)
        return charts.Bar(label, tally.average, band.color if band else charts.NEUTRAL)

    def category_bar(row) -> charts.Bar:
        band = band_for(row.average, d.bands)
        color = band.color if band else charts.NEUTRAL
        return charts.Bar(CATEGORIES[row.key].get(lang), row.average, color)

    figures = {
        "districts": charts.score_bars(
            [bar(g.key, g.tally) for g in d.districts], lang=lang, width=WIDTH
        ),
        "types": charts.score_bars(
            [bar(str(OFFICE_TYPE_LABELS.get(g.key, g.key)), g.tally) for g in d.types],
            lang=lang,
            width=WIDTH,
        ),
        "categories": charts.score_bars(
            [category_bar(c) for c in d.categories], lang=lang, width=WIDTH
        ),
    }
    if any(point.tally.inspections for point in d.trend):
        figures["trend"] = charts.trend_lines(
            trend_labels(d),
            [
                charts.Series(
                    _("Skor rata-rata"), tuple(p.tally.average for p in d.trend), SCORE_COLOR
                ),
                charts.Series(
                    _("Inspeksi dengan temuan kritis (%)"),
                    tuple(p.tally.critical_share for p in d.trend),
                    CRITICAL_COLOR,
                ),
            ],
            lang=lang,
            width=WIDTH,
        )
    return figures
