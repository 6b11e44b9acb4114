"""Which sanction an inspection calls for (`propose`), where an overdue one goes
(`escalation_of`), and the effective states of sanctions and corrective actions."""

from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

import pytest

from sidak.domain.sanctions import (
    InspectionFacts,
    Ladder,
    Level,
    PastViolation,
    Triggers,
    escalation_of,
    parse_ladder,
    propose,
)
from sidak.domain.sanctions.lifecycle import (
    ActionState,
    SanctionState,
    action_state,
    sanction_after_actions,
    sanction_state,
)
from sidak.domain.text import Text

TODAY = date(2021, 8, 2)
SHIPPED = Path(__file__).parents[2] / "checklists" / "sanksi.yaml"


def level(level_id: str, on_overdue: str | None, days: int = 5) -> Level:
    name = level_id.replace("-", " ").capitalize()
    return Level(level_id, Text(name, f"{name} (en)"), Text(f"Arti {name}"), days, on_overdue)


LADDER = Ladder(
    id="sanksi-uji",
    version="1",
    title=Text("Sanksi uji"),
    rule=Text("Peraturan Wali Kota Uji Nomor 1 Tahun 2020"),
    levels=(
        level("lisan", "tertulis"),
        level("tertulis", "tidak-puas"),
        level("tidak-puas", "penutupan", 3),
        level("penutupan", None, 3),
    ),
    triggers=Triggers(
        grades=("tidak-patuh",), critical=True, items=("masker-pegawai",), score_below=75.0
    ),
    window_days=90,
    critical_level="tidak-puas",
    action_days=5,
    critical_action_days=1,
    follow_up_days=10,
)


def facts(**changes) -> InspectionFacts:
    """A violation by grade only, inspected today."""
    return InspectionFacts(**{"on": TODAY, "grade_id": "tidak-patuh", "score": 80.0, **changes})


def earlier(days: int, level_id: str | None = "lisan", waived: bool = False) -> PastViolation:
    return PastViolation(TODAY - timedelta(days=days), level_id, waived)


def proposed(history=(), ladder: Ladder = LADDER, **changes) -> str | None:
    proposal = propose(ladder, facts(**changes), list(history))
    return proposal.level.id if proposal else None


# --- is it a violation? ----------------------------------------------------------------


def test_no_trigger_no_proposal():
    assert propose(LADDER, facts(grade_id="patuh", score=Decimal("90"))) is None
    assert propose(LADDER, facts(grade_id=None, score=None)) is None
    # history alone is never a violation
    assert propose(LADDER, facts(grade_id="patuh", score=90), [earlier(3)]) is None


@pytest.mark.parametrize(
    ("changes", "reason"),
    [
        ({}, Text("nilai 'tidak-patuh'", "grade 'tidak-patuh'")),
        (
            {"grade_id": "patuh", "score": Decimal("74.99")},
            Text("skor di bawah 75", "score below 75"),
        ),
        (
            {"grade_id": "patuh", "score": 90, "critical_failed": ("masker-pegawai",)},
            Text("1 butir kritis gagal", "1 critical item failed"),
        ),
        (
            {"grade_id": "patuh", "score": 90, "failed_items": ("sabun", "masker-pegawai")},
            Text("butir wajib gagal: masker-pegawai", "required items failed: masker-pegawai"),
        ),
    ],
)
def test_each_trigger_alone_is_a_violation(changes, reason):
    proposal = propose(LADDER, facts(**changes))
    assert proposal is not None
    assert reason in proposal.reasons


def test_the_score_threshold_is_strict():
    assert propose(LADDER, facts(grade_id="patuh", score=Decimal("75"))) is None
    assert propose(LADDER, facts(grade_id="patuh", score=75.0)) is None


def test_failed_items_not_listed_in_the_triggers_are_not_a_violation():
    assert propose(LADDER, facts(grade_id="patuh", score=90, failed_items=("sabun",))) is None


def test_a_critical_failure_is_no_violation_when_the_ladder_says_so():
    ladder = Ladder(**{**LADDER.__dict__, "triggers": Triggers(grades=("tidak-patuh",))})
    assert propose(ladder, facts(grade_id="patuh", score=90, critical_failed=("x",))) is None


# --- which level -----------------------------------------------------------------------


def test_the_first_violation_gets_the_first_level():
    proposal = propose(LADDER, facts())
    assert proposal.level == LADDER.levels[0]
    assert proposal.ordinal == 1
    assert proposal.reasons[0] == Text(
        "pelanggaran pertama dalam 90 hari", "first violation in 90 days"
    )
    assert proposal.reason == Text(
        "pelanggaran pertama dalam 90 hari; nilai 'tidak-patuh'",
        "first violation in 90 days; grade 'tidak-patuh'",
    )


def test_repeats_within_the_window_climb_the_ladder():
    proposal = propose(LADDER, facts(), [earlier(30)])
    assert proposal.level.id == "tertulis"
    assert proposal.ordinal == 2
    assert proposal.reasons[0] == Text("pelanggaran ke-2 dalam 90 hari", "2nd violation in 90 days")
    assert proposed([earlier(60), earlier(30, "tertulis")]) == "tidak-puas"
    assert proposed([earlier(80), earlier(60, "tertulis"), earlier(30, "tidak-puas")]) == (
        "penutupan"
    )


def test_the_top_level_repeats():
    history = [earlier(days, level_id) for days, level_id in zip(
        (80, 60, 40, 20, 10), ("lisan", "tertulis", "tidak-puas", "penutupan", "penutupan"),
        strict=True,
    )]  # fmt: skip
    proposal = propose(LADDER, facts(), history)
    assert proposal.level.id == "penutupan"
    assert proposal.reasons[0] == Text("pelanggaran ke-6 dalam 90 hari", "6th violation in 90 days")


@pytest.mark.parametrize(
    ("count", "english"),
    [(3, "3rd"), (4, "4th"), (11, "11th"), (12, "12th"), (13, "13th"), (21, "21st"), (22, "22nd")],
)
def test_ordinals_in_english(count, english):
    history = [earlier(day, None) for day in range(1, count)]
    assert propose(LADDER, facts(), history).reasons[0].en == f"{english} violation in 90 days"


def test_the_window_edge_counts_and_a_day_more_does_not():
    assert proposed([earlier(90)]) == "tertulis"
    assert proposed([earlier(91)]) == "lisan"
    assert proposed([earlier(0)]) == "tertulis"  # an earlier visit the same day


def test_violations_outside_the_window_do_not_count():
    proposal = propose(LADDER, facts(), [earlier(91), earlier(200, "penutupan")])
    assert proposal.level.id == "lisan"
    assert proposal.ordinal == 1


def test_later_violations_do_not_count():
    assert proposed([earlier(-1, "tidak-puas")]) == "lisan"


def test_waived_violations_do_not_count():
    assert proposed([earlier(30, None, waived=True)]) == "lisan"
    assert proposed([earlier(30, "tidak-puas", waived=True), earlier(20)]) == "tertulis"
    assert propose(LADDER, facts(), [earlier(30, None, waived=True)]).ordinal == 1


def test_a_level_already_reached_is_never_stepped_down_from():
    # one earlier violation, but it was escalated (or issued) at the third level
    assert proposed([earlier(30, "tidak-puas")]) == "penutupan"
    # reached the top: the top repeats
    assert proposed([earlier(30, "penutupan")]) == "penutupan"
    # the highest level reached counts, not the latest
    assert proposed([earlier(60, "tidak-puas"), earlier(30, "lisan")]) == "penutupan"


def test_levels_no_longer_on_the_ladder_are_counted_but_not_climbed_from():
    assert proposed([earlier(30, "denda-lama")]) == "tertulis"


def test_a_critical_failure_starts_at_the_critical_level():
    proposal = propose(LADDER, facts(critical_failed=("masker-pegawai",)))
    assert proposal.level.id == "tidak-puas"
    assert proposal.ordinal == 1
    assert proposal.reasons[-1] == Text(
        "butir kritis gagal: paling ringan Tidak puas", "critical failure: at least Tidak puas (en)"
    )


def test_the_critical_level_is_a_floor_not_a_ceiling():
    history = [earlier(60), earlier(30, "tidak-puas")]
    proposal = propose(LADDER, facts(critical_failed=("masker-pegawai",)), history)
    assert proposal.level.id == "penutupan"
    assert not any("kritis gagal:" in reason.id for reason in proposal.reasons)


def test_without_a_critical_level_a_critical_failure_climbs_like_any_violation():
    ladder = Ladder(**{**LADDER.__dict__, "critical_level": None})
    assert proposed(ladder=ladder, critical_failed=("masker-pegawai",)) == "lisan"


def test_the_shipped_ladder():
    ladder = parse_ladder(SHIPPED.read_bytes())
    first = propose(ladder, facts())
    assert first.level.id == "teguran-lisan"
    assert first.reasons[0].id == "pelanggaran pertama dalam 90 hari"
    second = propose(ladder, facts(), [earlier(89, "teguran-lisan")])
    assert second.level.id == "teguran-tertulis"
    assert second.reasons[0] == Text("pelanggaran ke-2 dalam 90 hari", "2nd violation in 90 days")
    critical = propose(ladder, facts(critical_failed=("masker-pegawai",)))
    assert critical.level.id == "teguran-tertulis"


# --- escalation ------------------------------------------------------------------------


def test_escalation_follows_on_overdue_and_stops_at_the_top():
    assert escalation_of(LADDER, "lisan").id == "tertulis"
    assert escalation_of(LADDER, "tidak-puas").id == "penutupan"
    assert escalation_of(LADDER, "penutupan") is None


def test_escalation_may_skip_levels_or_stop_early():
    ladder = Ladder(
        **{
            **LADDER.__dict__,
            "levels": (
                level("lisan", "tidak-puas"),
                level("tertulis", None),
                level("tidak-puas", None),
            ),
        }
    )
    assert escalation_of(ladder, "lisan").id == "tidak-puas"
    assert escalation_of(ladder, "tertulis") is None


def test_escalation_on_the_shipped_ladder():
    ladder = parse_ladder(SHIPPED.read_bytes())
    chain, current = [], "teguran-lisan"
    while (following := escalation_of(ladder, current)) is not None:
        chain.append(following.id)
        current = following.id
    assert chain == [level.id for level in ladder.levels[1:]]


# --- effective states ------------------------------------------------------------------

DUE = date(2021, 8, 10)


@pytest.mark.parametrize(
    ("today", "expected"),
    [
        (DUE - timedelta(days=1), SanctionState.ISSUED),
        (DUE, SanctionState.ISSUED),
        (DUE + timedelta(days=1), SanctionState.OVERDUE),
    ],
)
def test_an_issued_sanction_is_overdue_only_after_its_due_date(today, expected):
    assert sanction_state("issued", DUE, today) is expected


def test_other_sanction_states_do_not_become_overdue():
    late = DUE + timedelta(days=30)
    assert sanction_state("issued", None, late) is SanctionState.ISSUED
    for stored in ("proposed", "corrected", "verified", "escalated", "waived", "overdue"):
        assert sanction_state(stored, DUE, late) is SanctionState(stored)


@pytest.mark.parametrize(
    ("today", "expected"),
    [(DUE, ActionState.OPEN), (DUE + timedelta(days=1), ActionState.OVERDUE)],
)
def test_an_open_action_is_overdue_only_after_its_due_date(today, expected):
    assert action_state("open", DUE, today) is expected


def test_answered_actions_do_not_become_overdue():
    late = DUE + timedelta(days=30)
    for stored in ("replied", "objected", "corrected", "verified", "withdrawn"):
        assert action_state(stored, DUE, late) is ActionState(stored)


def test_unknown_states_are_refused():
    with pytest.raises(ValueError):
        sanction_state("selesai", DUE, TODAY)
    with pytest.raises(ValueError):
        action_state("selesai", DUE, TODAY)


@pytest.mark.parametrize(
    ("stored", "actions", "expected"),
    [
        ("issued", ["verified", "verified"], SanctionState.VERIFIED),
        ("issued", ["verified", "withdrawn"], SanctionState.VERIFIED),
        ("overdue", ["corrected", "verified"], SanctionState.CORRECTED),
        ("issued", ["corrected", "withdrawn"], SanctionState.CORRECTED),
        ("corrected", ["verified"], SanctionState.VERIFIED),
        ("issued", ["corrected", "open"], SanctionState.ISSUED),
        ("issued", ["verified", "replied"], SanctionState.ISSUED),
        ("issued", ["objected"], SanctionState.ISSUED),
        ("overdue", ["overdue", "corrected"], SanctionState.OVERDUE),
        ("issued", [], SanctionState.ISSUED),
        # decided or closed sanctions do not change with their actions
        ("proposed", ["verified"], SanctionState.PROPOSED),
        ("waived", ["verified"], SanctionState.WAIVED),
        ("escalated", ["verified"], SanctionState.ESCALATED),
        ("verified", ["open"], SanctionState.VERIFIED),
    ],
)
def test_sanction_after_actions(stored, actions, expected):
    assert sanction_after_actions(stored, actions) is expected
