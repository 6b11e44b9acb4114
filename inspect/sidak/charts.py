"""Charts as SVG drawn on the server with pygal: the PDF reports and the web pages share them.

An SVG needs no script and no network, prints sharply, and is embedded in the HTML the
report renderer and the browser both read. Every chart comes with the numbers it shows, so
a page can put a table beside it for screen readers.
"""

from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

import pygal
from markupsafe import Markup
from pygal.style import Style

FONT = "Sidak Sans, Noto Sans, DejaVu Sans, Arial, sans-serif"  # Sidak Sans: the PDF fonts
INK = "#1f2328"
GRID = "#c8ccd0"
NEUTRAL = "#5b6570"
#: charts kept drawn, per process (tens of KB each)
CACHED_CHARTS = 128


@dataclass(frozen=True)
class Bar:
    label: str
    value: Decimal | None  #: 0..100; None: nothing counted (drawn as no bar)
    color: str = NEUTRAL


@dataclass(frozen=True)
class Series:
    name: str
    values: tuple[Decimal | None, ...]  #: one per x label; None leaves a gap
    color: str = NEUTRAL


def _style(colors: tuple[str, ...]) -> Style:
    return Style(
        background="white",
        plot_background="white",
        foreground=INK,
        foreground_strong=INK,
        foreground_subtle=GRID,
        colors=colors or (NEUTRAL,),
        font_family=FONT,
        label_font_size=11,
        major_label_font_size=11,
        value_font_size=10,
        legend_font_size=11,
        title_font_size=12,
        guide_stroke_color=GRID,
        major_guide_stroke_color=GRID,
        guide_stroke_dasharray="2,3",
        major_guide_stroke_dasharray="2,3",
        opacity="1",
        opacity_hover="1",
        stroke_opacity="1",
        stroke_opacity_hover="1",
    )


TICKS = (0, 25, 50, 75, 90, 100)


def _formatter(lang: str):
    def one_decimal(value) -> str:
        if value is None:
            return "–"
        text = f"{Decimal(str(value)).quantize(Decimal('0.1'))}"
        return text.replace(".", ",") if lang == "id" else text

    return one_decimal


def _common(lang: str, width: int, height: int) -> dict:
    return {
        "width": width,
        "height": height,
        "explicit_size": True,
        "js": [],
        "disable_xml_declaration": True,
        "range": (0, 100),
        "margin": 6,
        "spacing": 8,
        "value_formatter": _formatter(lang),
        "y_labels": [{"label": str(tick), "value": tick} for tick in TICKS],
        "truncate_label": -1,
        "no_data_text": "",
    }


def score_bars(bars: list[Bar], *, lang: str = "id", width: int = 520) -> Markup:
    """Horizontal bars from 0 to 100, one per row, top to bottom in the given order."""
    return _score_bars(tuple(bars), lang, width)


# A chart is a pure function of what it shows: the dashboard asks for the same ones again and
# again between two inspections, and pygal takes milliseconds to draw each.
@lru_cache(maxsize=CACHED_CHARTS)
def _score_bars(bars: tuple[Bar, ...], lang: str, width: int) -> Markup:
    height = 34 + 17 * max(len(bars), 1)
    chart = pygal.HorizontalBar(
        style=_style(()),
        show_legend=False,
        print_values=False,
        **_common(lang, width, height),
    )
    # across a phone the labels of 90 and 100 run together: 90 keeps its guide line only
    chart.y_labels = [{"label": "" if tick == 90 else str(tick), "value": tick} for tick in TICKS]
    # the value is part of the label, in ink on white, whatever the bar's colour
    number = _formatter(lang)
    # pygal draws horizontal bars bottom up: give it the rows reversed
    chart.x_labels = [f"{bar.label}  {number(bar.value)}" for bar in reversed(bars)]
    chart.add(
        "",
        [
            {"value": float(bar.value) if bar.value is not None else None, "color": bar.color}
            for bar in reversed(bars)
        ],
    )
    return Markup(chart.render(is_unicode=True))


def trend_lines(
    labels: list[str], series: list[Series], *, lang: str = "id", width: int = 520
) -> Markup:
    """Scores over time, one line per series, with a legend below when there are several."""
    return _trend_lines(tuple(labels), tuple(series), lang, width)


@lru_cache(maxsize=CACHED_CHARTS)
def _trend_lines(labels: tuple[str, ...], series: tuple[Series, ...], lang: str, width: int):
    chart = pygal.Line(
        style=_style(tuple(s.color for s in series)),
        show_legend=len(series) > 1,
        legend_at_bottom=True,
        # narrow (a phone): one legend entry per line, never cut short
        legend_at_bottom_columns=1 if width < 480 else min(len(series), 3) or 1,
        truncate_legend=-1,
        x_label_rotation=0,
        # as many x labels as fit the width (about 70 px each), evenly spread
        show_minor_x_labels=len(labels) <= width // 70,
        x_labels_major_every=max(1, -(-len(labels) // max(1, width // 70))),
        dots_size=3,
        allow_interruptions=True,
        **_common(lang, width, 240),
    )
    # the last x label is centred on the right edge: leave room for its half
    chart.margin_right = 6 + 3.5 * max((len(label) for label in labels[-1:]), default=0)
    chart.print_values = len(labels) <= 8 and len(series) == 1
    chart.x_labels = labels
    for line in series:
        chart.add(line.name, [float(v) if v is not None else None for v in line.values])
    return Markup(chart.render(is_unicode=True))
