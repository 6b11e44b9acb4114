"""The recap's arithmetic on plain rows, checked against values worked out by hand."""

from datetime import date, datetime, timedelta, timezone
from decimal import Decimal
from fractions import Fraction

import pytest

from sidak.domain import recap
from sidak.domain.recap import Grade, InspectionRow, ItemOutcome
from sidak.domain.text import Text

WIB = timezone(timedelta(hours=7))
GOOD = Grade("patuh", Text("Patuh"), Fraction(91), "#1b7f3b")
FAIR = Grade("perlu-perbaikan", Text("Perlu perbaikan"), Fraction(75), "#c98a00")
POOR = Grade("tidak-patuh", Text("Tidak patuh"), Fraction(0), "#b42318")


def outcome(item_id, category, status, critical=False):
    return ItemOutcome(item_id, category, critical, status in ("pass", "fail"), status == "fail")


def row(number, office, district, day, score, grade, findings=0, critical=0, items=(), cats=()):
    office_id = {"Kantor A": 1, "Kantor B": 2, "Kantor C": 3}[office]
    return InspectionRow(
        id=number,
        started=datetime(2026, 10, day, 9, 0, tzinfo=WIB),
        office_id=office_id,
        office=office,
        office_type="dinas",
        district=district,
        checklist=Text("Daftar"),
        status="finalized",
        score=None if score is None else Decimal(score),
        grade=grade,
        findings=findings,
        critical=critical,
        items=tuple(items),
        categories=tuple((key, None if s is None else Decimal(s)) for key, s in cats),
    )


@pytest.fixture
def rows():
    """Four inspections of three offices in two districts (Kantor A twice)."""
    return [
        row(
            1, "Kantor A", "Utara", 2, "80.0", FAIR, findings=3,
            items=[outcome("masker", "masks", "fail"), outcome("cuci", "handwashing", "pass"),
                   outcome("jarak", "distancing", "na", critical=True)],
            cats=[("masks", "50.0"), ("handwashing", "100.0"), ("distancing", None)],
        ),
        row(
            2, "Kantor A", "Utara", 20, "95.0", GOOD, findings=1,
            items=[outcome("masker", "masks", "pass"), outcome("cuci", "handwashing", "fail")],
            cats=[("masks", "100.0"), ("handwashing", "0.0")],
        ),
        row(
            3, "Kantor B", "Utara", 5, "60.5", POOR, findings=6, critical=1,
            items=[outcome("masker", "masks", "fail"), outcome("cuci", "handwashing", "fail"),
                   outcome("jarak", "distancing", "fail", critical=True)],
            cats=[("masks", "0.0"), ("handwashing", "0.0"), ("distancing", "0.0")],
        ),
        row(
            4, "Kantor C", "Selatan", 28, "92.4", GOOD, findings=1,
            items=[outcome("masker", "masks", "pass"),
                   outcome("jarak", "distancing", "pass", critical=True)],
            cats=[("masks", "100.0"), ("distancing", "100.0")],
        ),
    ]  # fmt: skip


def test_average_is_exact_and_rounds_half_up():
    # 86.85 as a float is 86.8499..., which float rounding would make 86.8
    assert recap.average([Decimal("86.8"), Decimal("86.9")]) == Decimal("86.9")
    assert recap.average([Decimal("70.0"), None, Decimal("75.0")]) == Decimal("72.5")
    assert recap.average([None]) is None
    assert recap.average([]) is None


def test_share_is_a_percentage_with_one_decimal():
    assert recap.share(1, 3) == Decimal("33.3")
    assert recap.share(2, 3) == Decimal("66.7")
    assert recap.share(0, 4) == Decimal("0.0")
    assert recap.share(0, 0) is None


def test_totals(rows):
    totals = recap.totals(rows)
    assert (totals.inspections, totals.offices, totals.districts) == (4, 3, 2)
    # (80 + 95 + 60.5 + 92.4) / 4 = 81.975 -> 82.0
    assert totals.average == Decimal("82.0")
    # above 90: 95.0 and 92.4
    assert totals.green_share == Decimal("50.0")
    assert totals.critical_share == Decimal("25.0")
    assert (totals.findings, totals.critical, totals.finalized) == (11, 1, 4)


def test_offices_worst_average_first_with_latest_score_and_worst_grade(rows):
    offices = recap.by_office(rows)
    assert [o.name for o in offices] == ["Kantor B", "Kantor A", "Kantor C"]
    b, a, c = offices
    assert (a.inspections, a.average, a.latest) == (2, Decimal("87.5"), Decimal("95.0"))
    assert a.worst_grade is FAIR
    assert (a.findings, a.critical) == (4, 0)
    assert a.band.id == "yellow"
    assert (b.average, b.worst_grade, b.critical, b.band.id) == (Decimal("60.5"), POOR, 1, "red")
    assert (c.average, c.band.id) == (Decimal("92.4"), "green")


def test_districts_count_offices_inspections_and_the_green_share(rows):
    utara, selatan = recap.by_district(rows)
    # (80 + 95 + 60.5) / 3 = 78.5; one of three above 90
    assert (utara.name, utara.offices, utara.inspections) == ("Utara", 2, 3)
    assert (utara.average, utara.green_share) == (Decimal("78.5"), Decimal("33.3"))
    assert (selatan.name, selatan.offices, selatan.inspections) == ("Selatan", 1, 1)
    assert (selatan.average, selatan.green_share) == (Decimal("92.4"), Decimal("100.0"))


def test_failures_by_category_count_only_where_the_item_was_asked(rows):
    categories = recap.failures_by_category(rows)
    # two failures each: handwashing has the lower average (33.3 < 62.5); then distancing
    assert [c.key for c in categories] == ["handwashing", "masks", "distancing"]
    handwashing, masks, distancing = categories
    assert (handwashing.failed, handwashing.scored, handwashing.average) == (
        2,
        3,
        Decimal("33.3"),
    )
    assert (masks.failed, masks.scored, masks.average) == (2, 4, Decimal("62.5"))
    # distancing was N/A in the first inspection: scored twice, 0 and 100
    assert (distancing.failed, distancing.scored, distancing.average) == (1, 2, Decimal("50.0"))
    (cuci,) = handwashing.items
    assert (cuci.failed, cuci.asked, cuci.share) == (2, 3, Decimal("66.7"))
    (masker,) = masks.items
    assert (masker.failed, masker.asked, masker.share) == (2, 4, Decimal("50.0"))
    (jarak,) = distancing.items
    assert (jarak.failed, jarak.asked, jarak.share, jarak.critical) == (1, 2, Decimal("50.0"), True)


def test_items_that_never_failed_are_left_out_and_the_list_is_capped():
    many = [
        row(1, "Kantor A", "Utara", 1, "50.0", POOR, items=[
            outcome(f"butir-{n}", "masks", "fail") for n in range(7)
        ] + [outcome("baik", "masks", "pass")]),
    ]  # fmt: skip
    (masks,) = recap.failures_by_category(many, per_category=5)
    assert len(masks.items) == 5
    assert masks.failed == 7  # every failure of the category, listed or not
    assert "baik" not in {item.item_id for item in masks.items}


def test_trend_by_week_cuts_the_month_at_mondays(rows):
    points = recap.trend(rows, date(2026, 10, 1), date(2026, 10, 31))
    # 1 October 2026 is a Thursday
    assert [(p.start.day, p.end.day) for p in points] == [
        (1, 4),
        (5, 11),
        (12, 18),
        (19, 25),
        (26, 31),
    ]
    assert [p.inspections for p in points] == [1, 1, 0, 1, 1]
    assert [p.average for p in points] == [
        Decimal("80.0"),
        Decimal("60.5"),
        None,
        Decimal("95.0"),
        Decimal("92.4"),
    ]
    assert [p.critical_share for p in points] == [
        Decimal("0.0"),
        Decimal("100.0"),
        None,
        Decimal("0.0"),
        Decimal("0.0"),
    ]


def test_an_empty_period_gives_empty_tables():
    assert recap.by_office([]) == []
    assert recap.by_district([]) == []
    assert recap.failures_by_category([]) == []
    totals = recap.totals([])
    assert (totals.inspections, totals.average, totals.green_share) == (0, None, None)
    points = recap.trend([], date(2026, 10, 1), date(2026, 10, 3))
    assert [(p.inspections, p.average) for p in points] == [(0, None)] * 3
