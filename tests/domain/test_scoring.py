"""The scoring engine on checklists worked through by hand (docs/checklists.md shows the sums)."""

from decimal import Decimal
from fractions import Fraction

from sidak.domain.answers import Answer
from sidak.domain.scoring import Status, score_inspection
from tests.domain.scoring_builders import (
    checklist,
    count,
    counted,
    na,
    no,
    photo,
    section,
    text,
    yes,
    yesno,
)


def plain_yesno():
    return checklist(
        section(
            "pintu",
            yesno("poster", category="information"),
            yesno("kerumunan", expect="no", category="distancing"),
            yesno("petugas", category="supervision"),
        )
    )


def test_plain_yesno_scores_the_share_of_passed_items():
    result = score_inspection(plain_yesno(), [yes("poster"), no("kerumunan"), no("petugas")])

    assert result.total == Decimal("66.7")
    assert result.overall.exact == Fraction(200, 3)
    assert result.grade.id == "kurang"
    assert [r.status for r in result.items] == [Status.PASS, Status.PASS, Status.FAIL]
    assert result.section("pintu").passed_items == ("poster", "kerumunan")
    assert result.section("pintu").failed_items == ("petugas",)
    assert [f.item_id for f in result.findings] == ["petugas"]
    assert result.complete


def test_a_yesno_item_asked_negatively_passes_on_no():
    result = score_inspection(plain_yesno(), [yes("kerumunan")])

    assert result.item("kerumunan").status is Status.FAIL
    assert result.item("kerumunan").explanation.id == "Jawaban ya, diharapkan tidak: gagal"
    assert result.item("kerumunan").explanation.en == "Answer yes, expected no: failed"


def test_points_say_what_each_item_adds_to_and_costs_the_total():
    result = score_inspection(plain_yesno(), [yes("poster"), no("kerumunan"), no("petugas")])

    assert result.item("poster").points == Fraction(100, 3)
    assert result.item("poster").points_lost == 0
    assert result.item("petugas").points == 0
    assert result.item("petugas").points_lost == Fraction(100, 3)
    assert sum(r.points for r in result.items) == result.overall.exact


def counts_na_hidden():
    return checklist(
        section(
            "pintu",
            count("masker-pegawai", "9/10", weight=2, category="masks"),
            count("jaga-jarak", "8/10", category="distancing"),
            yesno("suhu", allow_na=True, category="screening"),
            yesno("wastafel", category="handwashing"),
            yesno("sabun", when=("wastafel", "yes"), category="handwashing"),
        ),
        section(
            "layanan",
            count("antrean", "8/10", weight=2, category="queueing"),
            yesno("kantin-buka", expect="no", category="service"),
            yesno("kantin-jarak", when=("kantin-buka", "yes"), category="distancing"),
            yesno("kantin-sekat", when=("kantin-jarak", "yes"), category="partitions"),
            yesno("poster", category="information"),
            text("catatan"),
        ),
    )


COUNTS_NA_HIDDEN_ANSWERS = [
    counted("masker-pegawai", 7, 10),
    counted("jaga-jarak", 0, 0),
    na("suhu"),
    yes("wastafel"),
    no("sabun"),
    counted("antrean", 9, 10),
    no("kantin-buka"),
    yes("kantin-sekat"),  # left over from an earlier answer: ignored while hidden
    Answer("catatan", value="Petugas ramah"),
]


def test_counts_give_partial_credit_and_pass_at_their_threshold():
    result = score_inspection(counts_na_hidden(), COUNTS_NA_HIDDEN_ANSWERS)

    masker = result.item("masker-pegawai")
    assert (masker.status, masker.credit, masker.earned, masker.possible) == (
        Status.FAIL,
        Fraction(7, 10),
        Fraction(7, 5),
        2,
    )
    assert masker.explanation.id == "7 dari 10 patuh (70%), batas lulus 90%: gagal"
    assert masker.explanation.en == "7 of 10 comply (70%), pass at 90%: failed"
    assert result.item("antrean").status is Status.PASS
    assert result.item("antrean").credit == Fraction(9, 10)


def test_worked_example_counts_na_hidden_totals():
    result = score_inspection(counts_na_hidden(), COUNTS_NA_HIDDEN_ANSWERS)

    # counted: masker 2 x 7/10, wastafel 1, sabun 0, antrean 2 x 9/10, kantin-buka 1 -> 26/5 of 7
    assert result.overall.earned == Fraction(26, 5)
    assert result.overall.possible == 7
    assert result.total == Decimal("74.3")
    assert result.grade.id == "kurang"
    assert result.section("pintu").score == Decimal("60.0")
    assert result.section("layanan").score == Decimal("93.3")
    assert result.category("masks").score == Decimal("70.0")
    assert result.category("handwashing").score == Decimal("50.0")
    assert result.category("queueing").score == Decimal("90.0")
    assert result.category("distancing").score is None
    assert result.item("masker-pegawai").points == 20
    assert result.item("antrean").points == Fraction(180, 7)


def test_na_hidden_unscored_and_missing_items_leave_the_score_alone():
    result = score_inspection(counts_na_hidden(), COUNTS_NA_HIDDEN_ANSWERS)

    statuses = {r.item_id: r.status for r in result.items}
    assert statuses["jaga-jarak"] is Status.NA
    assert statuses["suhu"] is Status.NA
    assert statuses["kantin-jarak"] is Status.HIDDEN
    assert statuses["kantin-sekat"] is Status.HIDDEN
    assert statuses["poster"] is Status.MISSING
    assert statuses["catatan"] is Status.UNSCORED
    for item_id in ("jaga-jarak", "suhu", "kantin-jarak", "kantin-sekat", "poster", "catatan"):
        r = result.item(item_id)
        assert (r.credit, r.earned, r.possible, r.points, r.points_lost) == (None, 0, 0, 0, 0)
    assert result.missing == ("poster",)
    assert not result.complete


def test_a_count_with_nothing_observed_is_not_applicable_and_says_why():
    result = score_inspection(counts_na_hidden(), COUNTS_NA_HIDDEN_ANSWERS)

    explanation = result.item("jaga-jarak").explanation
    assert explanation.id == "0 diamati: tidak ada yang dapat diamati, dianggap tidak berlaku"
    assert explanation.en == "0 observed: nothing could be observed, treated as not applicable"


def test_a_hidden_items_answer_is_kept_but_ignored():
    result = score_inspection(counts_na_hidden(), COUNTS_NA_HIDDEN_ANSWERS)

    sekat = result.item("kantin-sekat")
    assert sekat.answer == yes("kantin-sekat")
    assert sekat.explanation.en == "Hidden: its condition on 'kantin-jarak' is not met; not counted"


def test_weights_may_be_fractions():
    sheet = checklist(section("s", yesno("a", weight="1/2"), yesno("b", weight="3/2")))

    result = score_inspection(sheet, [yes("a"), no("b")])

    assert result.total == Decimal("25.0")


def test_nothing_counted_means_no_score_and_no_grade():
    sheet = checklist(section("s", yesno("a", allow_na=True), photo("foto")))

    result = score_inspection(sheet, [na("a")])

    assert result.total is None
    assert result.grade is None
    assert result.section("s").score is None
    assert result.item("foto").status is Status.UNSCORED


def test_an_empty_answer_counts_as_unanswered():
    result = score_inspection(plain_yesno(), [Answer("poster")])

    assert result.item("poster").status is Status.MISSING
    assert result.missing == ("poster", "kerumunan", "petugas")


def test_categories_follow_the_catalogue_order_not_the_checklist_order():
    result = score_inspection(plain_yesno(), [])

    assert [g.key for g in result.categories] == ["distancing", "supervision", "information"]


def test_a_grade_follows_the_rounded_total():
    sheet = checklist(section("s", count("masker", "9/10", category="masks")))

    result = score_inspection(sheet, [counted("masker", 1799, 2000)])  # 89.95

    assert result.total == Decimal("90.0")
    assert result.grade.id == "baik"
