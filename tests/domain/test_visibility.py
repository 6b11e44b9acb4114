"""Which items are shown: conditions on yes/no and choice answers, hidden transitively."""

from sidak.domain.answers import Answer
from sidak.domain.checklist.model import Condition
from sidak.domain.visibility import is_answered, visible_items
from tests.domain.scoring_builders import (
    checklist,
    choice,
    na,
    no,
    picked,
    section,
    yes,
    yesno,
)


def chain():
    return checklist(
        section(
            "s",
            yesno("kantin"),
            yesno("kantin-buka", when=("kantin", "yes")),
            yesno("kantin-sekat", when=("kantin-buka", "yes")),
            choice(
                "sabun",
                [("lengkap", 100, True), ("sebagian", 50, False), ("tidak-ada", 0, False)],
            ),
            yesno("sabun-diisi", when=("sabun", "sebagian", "tidak-ada")),
        )
    )


def test_items_without_conditions_are_always_shown():
    assert visible_items(chain(), []) == {"kantin", "sabun"}


def test_a_follow_up_shows_when_its_controller_has_a_listed_answer():
    shown = visible_items(chain(), [yes("kantin"), picked("sabun", "sebagian")])

    assert shown == {"kantin", "kantin-buka", "sabun", "sabun-diisi"}


def test_a_follow_up_hides_when_its_controller_has_another_answer():
    shown = visible_items(chain(), [no("kantin"), picked("sabun", "lengkap")])

    assert shown == {"kantin", "sabun"}


def test_hiding_is_transitive_even_when_the_middle_item_keeps_an_old_answer():
    answers = {"kantin": no("kantin"), "kantin-buka": yes("kantin-buka")}

    assert "kantin-sekat" not in visible_items(chain(), answers)


def test_a_controller_answered_na_hides_its_follow_ups():
    sheet = checklist(section("s", yesno("a", allow_na=True), yesno("b", when=("a", "yes", "no"))))

    assert visible_items(sheet, [na("a")]) == {"a"}
    assert visible_items(sheet, [no("a")]) == {"a", "b"}


def test_order_of_items_does_not_matter():
    sheet = checklist(
        section("s", yesno("b", when=("a", "yes")), yesno("c", when=("b", "yes")), yesno("a"))
    )

    assert visible_items(sheet, [yes("a"), yes("b")]) == {"a", "b", "c"}


def test_a_cycle_or_an_unknown_controller_hides_the_items_instead_of_looping():
    a = yesno("a", when=("b", "yes"))
    b = yesno("b", when=("a", "yes"))
    orphan = yesno("c", show_if=Condition("nowhere", ("yes",)))
    sheet = checklist(section("s", a, b, orphan, yesno("d")))

    assert visible_items(sheet, [yes("a"), yes("b")]) == {"d"}


def test_an_all_empty_answer_is_no_answer():
    assert not is_answered(Answer("a"))
    assert not is_answered(None)
    assert is_answered(Answer("a", na=True))
    assert is_answered(Answer("a", observed=0, compliant=0))
