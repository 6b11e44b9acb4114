"""Rounding exact fractions for people: one decimal, half up, integer arithmetic only.

Scores are contested and kept for years, so the rounding must not depend on how a float
happens to represent a value: 86.85 as a float is 86.8499999..., which a float-based
rounding turns into 86.8; the exact fraction 1737/20 rounds to 86.9.
"""

from decimal import Decimal
from fractions import Fraction


def round_half_up(value: Fraction, places: int = 1) -> Decimal:
    """`value` rounded to `places` decimals, ties away from zero (ROUND_HALF_UP)."""
    scaled = abs(value) * 10**places
    # floor(scaled + 1/2) without leaving the integers
    units = (2 * scaled.numerator + scaled.denominator) // (2 * scaled.denominator)
    sign = "-" if value < 0 and units else ""
    digits = str(units).rjust(places + 1, "0")
    if places == 0:
        return Decimal(f"{sign}{digits}")
    return Decimal(f"{sign}{digits[:-places]}.{digits[-places:]}")


def format_decimal(value: Decimal, lang: str = "id") -> str:
    """`value` as written in `lang`: ``87,5`` in Indonesian, ``87.5`` in English."""
    text = str(value)
    return text.replace(".", ",") if lang == "id" else text


def format_percent(share: Fraction, lang: str = "id") -> str:
    """A share 0..1 as a percentage with at most one decimal: ``70%``, ``66,7%``."""
    rounded = round_half_up(share * 100)
    if rounded == rounded.to_integral_value():
        rounded = rounded.quantize(Decimal(1))
    return f"{format_decimal(rounded, lang)}%"


def format_number(value: Fraction, lang: str = "id") -> str:
    """An exact number as an author would write it: ``40``, ``37,5``; ``1/3`` as ``≈0,33``."""
    if value.denominator == 1:
        return str(value.numerator)
    for places in range(1, 5):
        if (value * 10**places).denominator == 1:
            return format_decimal(round_half_up(value, places), lang)
    return "≈" + format_decimal(round_half_up(value, 2), lang)
