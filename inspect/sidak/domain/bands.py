"""Compliance colour bands, as Indonesia's national monitoring reported them.

Below 75 % red, 75 up to 90 % yellow, above 90 % green. Cities may choose other cut-offs,
so the bands are data; charts and tables colour a score by the band it falls in.
"""

from dataclasses import dataclass
from decimal import Decimal

from sidak.domain.text import Text


@dataclass(frozen=True)
class Band:
    id: str
    label: Text
    minimum: Decimal  #: the lowest score inside the band (inclusive), 0..100
    color: str  #: ``#rrggbb``, dark enough for white text and for black-and-white print


DEFAULT_BANDS: tuple[Band, ...] = (
    Band("green", Text("Patuh", "Compliant"), Decimal("90.1"), "#1b6e3c"),
    Band("yellow", Text("Kurang patuh", "Partly compliant"), Decimal("75"), "#8a5a00"),
    Band("red", Text("Tidak patuh", "Not compliant"), Decimal("0"), "#b3261e"),
)


def band_for(score: Decimal | None, bands: tuple[Band, ...] = DEFAULT_BANDS) -> Band | None:
    """The band a score (one decimal) falls in; None for no score."""
    if score is None:
        return None
    return next((band for band in bands if score >= band.minimum), bands[-1])


def bands_from_cutoffs(low: Decimal, high: Decimal) -> tuple[Band, ...]:
    """Bands for a city's own cut-offs: red below `low`, yellow from `low` up to `high`,
    green above `high` (scores have one decimal). Raises ValueError for a bad pair."""
    if not (Decimal(0) < low < high < Decimal(100)):
        raise ValueError(f"cut-offs must satisfy 0 < low < high < 100, got {low} and {high}")
    green, yellow, red = DEFAULT_BANDS
    return (
        Band(green.id, green.label, high + Decimal("0.1"), green.color),
        Band(yellow.id, yellow.label, low, yellow.color),
        Band(red.id, red.label, Decimal(0), red.color),
    )


def parse_cutoffs(text: str) -> tuple[Band, ...]:
    """Bands from ``"75,90"`` (the low and high cut-offs, in %). Raises ValueError."""
    parts = [part.strip() for part in text.replace(";", ",").split(",")]
    if len(parts) != 2:
        raise ValueError(f"expected two numbers like '75,90', got {text!r}")
    try:
        low, high = (Decimal(part) for part in parts)
    except ArithmeticError as error:
        raise ValueError(f"expected two numbers like '75,90', got {text!r}") from error
    return bands_from_cutoffs(low, high)
