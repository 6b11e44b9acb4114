"""The dashboard's numbers against the hand-computed values of the city in conftest.py."""

import re
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal

from sqlalchemy import select

from sidak.domain.analytics.filters import Step
from sidak.models import CorrectiveAction, InspectionSummary, db
from sidak.services.analytics import dashboard, queries
from sidak.services.reports.letterhead import city_zone
from sidak.services.sanctions.ladder import city_today
from tests.analytics.conftest import ARGS, PERIOD


def test_totals_count_the_period_and_only_the_current_records(city):
    d = dashboard.build(PERIOD)
    # 80.0 + 90.5 + 70.0 + 60.0 + 95.0 = 395.5 over 5
    assert d.total.inspections == 5
    assert d.total.average == Decimal("79.1")
    assert d.total.violations == 2
    assert d.total.with_critical == 1 and d.total.critical_share == Decimal("20.0")
    assert d.total.findings == 3


def test_office_averages_round_half_up_and_rank_worst_first(city):
    d = dashboard.build(PERIOD)
    ranked = [(row.office.name, row.tally.average) for row in d.offices]
    # A: (80.0 + 90.5) / 2 = 85.25 -> 85.3 (half up, not to even)
    assert ranked == [
        ("Puskesmas B", Decimal("65.0")),
        ("Kelurahan A", Decimal("85.3")),
        ("Dinas C", Decimal("95.0")),
    ]


def test_districts_types_and_bands(city):
    d = dashboard.build(PERIOD)
    # Utara: (80.0 + 90.5 + 70.0 + 60.0) / 4 = 75.125 -> 75.1; Selatan: C alone
    assert [(g.key, g.offices, g.tally.inspections, g.tally.average) for g in d.districts] == [
        ("Utara", 2, 4, Decimal("75.1")),
        ("Selatan", 1, 1, Decimal("95.0")),
    ]
    assert [(g.key, g.tally.average) for g in d.types] == [
        ("puskesmas", Decimal("65.0")),
        ("kelurahan", Decimal("85.3")),
        ("dinas", Decimal("95.0")),
    ]
    assert [(band.id, n) for band, n in d.band_counts] == [("green", 1), ("yellow", 1), ("red", 1)]


def test_categories_average_only_the_inspections_that_scored_them(city):
    d = dashboard.build(PERIOD)
    masks = next(c for c in d.categories if c.key == "masks")
    # 100.0 + 50.0 + 75.0 + 80.0 = 305.0 over 4 (B's February inspection scored no masks)
    assert masks.scored == 4 and masks.average == Decimal("76.3")


def test_repeat_offenders_and_coverage(city):
    d = dashboard.build(PERIOD)
    assert [(row.office.name, row.tally.violations) for row in d.repeat] == [("Puskesmas B", 2)]
    # as of 10 March, 30 days: D was never inspected; A last on 5 February (33 days; its
    # corrected 6 February record does not count); B on 5 March, C on 28 February
    assert [(i.office.name, i.days) for i in d.idle] == [("Kelurahan D", None), ("Kelurahan A", 33)]
    assert d.in_scope == 4
    # the same through the per-checklist path (months from the roll-up, then the summaries)
    one = dashboard.build(PERIOD.with_(checklist="kantor-pelayanan"))
    assert [(i.office.name, i.days) for i in one.idle] == [(i.office.name, i.days) for i in d.idle]
    other = dashboard.build(PERIOD.with_(checklist="puskesmas"))
    assert [i.office.name for i in other.idle] == [
        "Dinas C",
        "Kelurahan A",
        "Kelurahan D",
        "Puskesmas B",
    ], "nobody was inspected with that checklist"


def test_the_monthly_trend_cuts_the_period_at_its_ends(city):
    d = dashboard.build(PERIOD)
    points = [(p.start, p.end, p.tally.inspections, p.tally.average) for p in d.trend]
    assert points == [
        (date(2026, 1, 15), date(2026, 1, 31), 1, Decimal("80.0")),
        # (90.5 + 70.0 + 95.0) / 3 = 85.1666... -> 85.2
        (date(2026, 2, 1), date(2026, 2, 28), 3, Decimal("85.2")),
        (date(2026, 3, 1), date(2026, 3, 10), 1, Decimal("60.0")),
    ]


def test_the_weekly_trend_counts_the_same_inspections(city):
    d = dashboard.build(PERIOD.with_(step=Step.WEEK))
    assert sum(p.tally.inspections for p in d.trend) == 5
    assert d.trend[0].start == date(2026, 1, 15) and d.trend[0].end == date(2026, 1, 18)
    week = next(p for p in d.trend if p.start == date(2026, 2, 2))
    assert week.tally.inspections == 1 and week.tally.average == Decimal("90.5")


def test_roll_up_and_summaries_agree_whatever_the_cut(city):
    """The same days counted from the roll-up (whole months) or the summaries (edges)."""
    whole = queries.tallies(
        PERIOD.with_(date_from=date(2026, 2, 1), date_to=date(2026, 2, 28)), "all"
    )
    cut = queries.tallies(
        PERIOD.with_(date_from=date(2026, 2, 1), date_to=date(2026, 2, 27)), "all"
    )
    assert whole[None].inspections == 3 and cut[None].inspections == 2
    assert whole[None].score_sum == 2555 and cut[None].score_sum == 1605


def test_filters_by_district_type_and_checklist(city):
    utara = dashboard.build(PERIOD.with_(district="Utara"))
    assert utara.total.inspections == 4 and utara.total.average == Decimal("75.1")
    assert utara.in_scope == 2
    kelurahan = dashboard.build(PERIOD.with_(office_type="kelurahan"))
    assert kelurahan.total.inspections == 2 and [i.office.name for i in kelurahan.idle] == [
        "Kelurahan D",
        "Kelurahan A",
    ]
    other = dashboard.build(PERIOD.with_(checklist="puskesmas"))
    assert other.total.inspections == 0 and other.total.average is None


def test_an_issued_sanction_past_its_deadline_counts_as_overdue(city):
    d = dashboard.build(PERIOD)
    overdue = next(row for row in d.sanctions if row.state == "overdue")
    issued = next(row for row in d.sanctions if row.state == "issued")
    assert overdue.total == 1 and overdue.ages == (0, 0, 0, 1)
    assert issued.total == 0


def test_the_page_shows_the_numbers_and_links_each_to_its_list(client, city, city_user):
    page = client.get("/dasbor", query_string=ARGS).get_data(as_text=True)
    assert "79,1" in page and "85,3" in page and "75,1" in page and "76,3" in page
    assert "Puskesmas B" in page and "belum pernah diinspeksi" in page
    # the violations tile links to the list of exactly those inspections
    link = re.search(r'href="(/dasbor/inspeksi\?[^"]*pelanggaran=1[^"]*)"', page).group(1)
    listing = client.get(link.replace("&amp;", "&")).get_data(as_text=True)
    assert "2 inspeksi" in listing and listing.count('tag critical">pelanggaran') == 2
    utara = client.get("/dasbor/inspeksi", query_string={**ARGS, "kecamatan": "Utara"})
    assert "4 inspeksi" in utara.get_data(as_text=True)
    # filtered by a district, its rows still link to their lists (the district once)
    filtered = client.get(
        "/dasbor", query_string={**ARGS, "kecamatan": "Utara", "jenis": "puskesmas"}
    )
    assert filtered.status_code == 200
    assert "65,0" in filtered.get_data(as_text=True) and "95,0" not in filtered.get_data(
        as_text=True
    )
    overdue = client.get("/dasbor/sanksi", query_string={**ARGS, "status": "overdue", "umur": 3})
    assert "Teguran tertulis" in overdue.get_data(as_text=True)


def test_a_wrong_filter_says_so_and_keeps_the_page(client, city, city_user):
    response = client.get("/dasbor", query_string={"dari": "kemarin", "hari": "-3"})
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "Not a valid date value" in page or "Tanggal tidak valid" in page
    assert "Isi antara 1 dan 3650 hari." in page
    backwards = client.get("/dasbor", query_string={"dari": "2026-03-10", "sampai": "2026-01-01"})
    assert "Tanggal awal sesudah tanggal akhir." in backwards.get_data(as_text=True)
    # a date no record can have, or an office id no column can hold: said, not a crash
    ancient = client.get("/dasbor", query_string={"sampai": "0001-01-01"})
    assert ancient.status_code == 200
    assert "Isi tanggal antara tahun 2000 dan 2099." in ancient.get_data(as_text=True)
    huge = client.get("/dasbor/inspeksi", query_string={**ARGS, "kantor": "9" * 20})
    assert huge.status_code == 200
    assert "5 inspeksi" in huge.get_data(as_text=True)  # no such office: the list undrilled


def test_the_city_chooses_its_colour_bands(app, city):
    app.config["COMPLIANCE_BANDS"] = "60,91"  # the earlier national scale
    d = dashboard.build(PERIOD)
    # B 65.0 is yellow from 60 on; C 95.0 is above 91
    assert [(band.id, n) for band, n in d.band_counts] == [("green", 1), ("yellow", 2), ("red", 0)]
    assert d.bands[0].minimum == Decimal("91.1")


def test_wrong_bands_stop_the_app_at_start(monkeypatch):
    import pytest

    from sidak.app import create_app

    monkeypatch.setenv("SIDAK_COMPLIANCE_BANDS", "90,75")
    with pytest.raises(RuntimeError, match="SIDAK_COMPLIANCE_BANDS"):
        create_app({"SECRET_KEY": "x", "SQLALCHEMY_DATABASE_URI": "sqlite://"})


def test_a_period_from_long_ago_starts_the_trend_at_the_first_inspection(city):
    d = dashboard.build(PERIOD.with_(date_from=date(2000, 1, 1)))
    # A's first visit on 10 January 2026 is the first on record
    assert d.trend[0].start == date(2026, 1, 10) and len(d.trend) == 3
    assert d.total.inspections == 6


def test_open_actions_are_aged_by_the_citys_calendar_at_each_boundary(city):
    """Ages are days on the city's calendar: an action made at 00:00 WIB seven days ago (17:00
    UTC the day before) is 7 days old; one made at 23:59 WIB eight days ago is 8."""
    b1 = next(s for s in db.session.scalars(select(InspectionSummary)) if s.findings == 3)
    today = city_today()
    zone = city_zone()
    moments = []
    for days in (0, 7, 30, 90):
        moments.append(datetime.combine(today - timedelta(days=days), time(0, 0), zone))
        moments.append(datetime.combine(today - timedelta(days=days + 1), time(23, 59), zone))
    for n, made in enumerate(moments):
        late = n == 3  # one of them is past its deadline: overdue, in its own row
        db.session.add(
            CorrectiveAction(
                inspection_id=b1.inspection_id,
                office_id=b1.office_id,
                inspected_on=date(2026, 2, 10),
                item_id=f"butir-{n}",
                question="?",
                status="open",
                due_date=today - timedelta(days=1) if late else today + timedelta(days=1),
                created_at=made.astimezone(UTC),
            )
        )
    db.session.commit()
    rows = {row.state: row for row in dashboard.action_states(PERIOD)}
    # by hand: 0, 1 and 7 days old (0-7); 30 (8-30); 31 and 90 (31-90); 91; the 8-day one late
    assert rows["open"].ages == (3, 1, 2, 1) and rows["open"].total == 7
    assert rows["overdue"].ages == (0, 1, 0, 0) and rows["overdue"].total == 1
