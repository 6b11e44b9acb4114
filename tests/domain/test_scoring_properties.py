"""Properties of the engine on random checklists and answers (Hypothesis).

Monotonicity is stated for a fixed set of visible items: an item that controls a condition
may reveal follow-ups when its answer changes, and a revealed follow-up is a new observation
that can rightly lower the score. So only items that control no condition are improved.
"""

from dataclasses import replace
from fractions import Fraction

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from sidak.domain.answers import Answer
from sidak.domain.checklist.model import Checklist, Condition, Item, ItemType, Option
from sidak.domain.scoring import GroupScore, ScoreResult, Status, round_half_up, score_inspection
from sidak.domain.text import Text
from tests.domain.scoring_builders import checklist, section

SETTINGS = settings(max_examples=200, deadline=None)
CATEGORY_KEYS = ("masks", "distancing", "handwashing", "ventilation", "other")


@st.composite
def items(draw, item_id: str, earlier: list[Item]) -> Item:
    kind = draw(st.sampled_from(list(ItemType)))
    fields = {
        "weight": Fraction(draw(st.integers(1, 10)), draw(st.integers(1, 4))),
        "critical": draw(st.booleans()),
        "allow_na": draw(st.booleans()),
        "category": draw(st.sampled_from(CATEGORY_KEYS)),
        "show_if": draw(conditions(earlier)),
    }
    if kind is ItemType.YESNO:
        fields["expect"] = draw(st.sampled_from(["yes", "no"]))
    elif kind is ItemType.COUNT:
        fields["pass_ratio"] = Fraction(draw(st.integers(1, 10)), 10)
    elif kind is ItemType.NUMBER:
        low = draw(st.integers(0, 100))
        fields.update(minimum=Fraction(0), maximum=Fraction(100), pass_min=Fraction(low))
        fields["pass_max"] = draw(st.sampled_from([None, Fraction(draw(st.integers(low, 100)))]))
    elif kind is ItemType.CHOICE:
        scores = draw(st.lists(st.integers(0, 4), min_size=2, max_size=4, unique=True))
        fields["options"] = tuple(
            Option(f"o{s}", Text(f"o{s}"), Fraction(s, 4), s == 4 or draw(st.booleans()))
            for s in scores
        )
    return Item(item_id, kind, Text(item_id), **fields)


@st.composite
def conditions(draw, earlier: list[Item]) -> Condition | None:
    controllers = [i for i in earlier if i.type in (ItemType.YESNO, ItemType.CHOICE)]
    if not controllers or draw(st.booleans()):
        return None
    controller = draw(st.sampled_from(controllers))
    values = [o.value for o in controller.options] or ["yes", "no"]
    chosen = draw(st.lists(st.sampled_from(values), min_size=1, unique=True))
    return Condition(controller.id, tuple(chosen))


@st.composite
def checklists(draw) -> Checklist:
    sizes = draw(st.lists(st.integers(1, 5), min_size=1, max_size=4))
    made: list[Item] = []
    for size in sizes:
        for _ in range(size):
            made.append(draw(items(f"i{len(made)}", made)))
    sections, start = [], 0
    for number, size in enumerate(sizes):
        sections.append(section(f"s{number}", *made[start : start + size]))
        start += size
    return checklist(*sections)


@st.composite
def answers_for(draw, item: Item) -> Answer | None:
    if draw(st.integers(0, 5)) == 0:
        return None
    if item.allow_na and draw(st.integers(0, 4)) == 0:
        return Answer(item.id, na=True)
    if item.type is ItemType.YESNO:
        return Answer(item.id, value=draw(st.sampled_from(["yes", "no"])))
    if item.type is ItemType.COUNT:
        observed = draw(st.integers(0, 20))
        return Answer(item.id, observed=observed, compliant=draw(st.integers(0, observed)))
    if item.type is ItemType.NUMBER:
        return Answer(item.id, number=Fraction(draw(st.integers(0, 200)), 2))
    if item.type is ItemType.CHOICE:
        return Answer(item.id, value=draw(st.sampled_from(item.options)).value)
    return Answer(item.id, value=draw(st.sampled_from([None, "catatan"])))


@st.composite
def inspections(draw) -> tuple[Checklist, dict[str, Answer]]:
    sheet = draw(checklists())
    answers = {item.id: draw(answers_for(item)) for item in sheet.items}
    return sheet, {key: answer for key, answer in answers.items() if answer is not None}


def group_scores(result: ScoreResult) -> dict[str, Fraction | None]:
    groups = [result.overall, *result.sections]
    scores = {f"section:{g.key}": g.exact for g in groups}
    scores.update({f"category:{g.key}": g.exact for g in result.categories})
    return scores


@SETTINGS
@given(inspections())
def test_every_score_lies_between_0_and_100_and_the_points_add_up(inspection):
    sheet, answers = inspection

    result = score_inspection(sheet, answers)

    for group in (result.overall, *result.sections, *result.categories):
        assert group.exact is None or 0 <= group.exact <= 100
        assert group.score == (None if group.exact is None else round_half_up(group.exact))
    if result.overall.exact is not None:
        assert sum(r.points for r in result.items) == result.overall.exact
        assert sum(r.points + r.points_lost for r in result.items) == 100


@SETTINGS
@given(inspections(), st.data())
def test_na_is_the_same_as_leaving_the_item_out_of_the_checklist(inspection, data):
    sheet, answers = inspection
    allowing = [item for item in sheet.items if item.allow_na]
    assume(allowing)
    item = data.draw(st.sampled_from(allowing))

    as_na = score_inspection(sheet, {**answers, item.id: Answer(item.id, na=True)})
    without = score_inspection(_remove(sheet, item.id), _drop(answers, item.id))

    assert _comparable(as_na, skip=item.id) == _comparable(without, skip=item.id)


@SETTINGS
@given(inspections(), st.data())
def test_improving_an_answer_never_lowers_a_score(inspection, data):
    sheet, answers = inspection
    controllers = {item.show_if.item_id for item in sheet.items if item.show_if}
    before = score_inspection(sheet, answers)
    improvable = [
        (item, better)
        for item in sheet.items
        if item.id not in controllers and item.id in answers
        for better in _better_answers(item, answers[item.id])
    ]
    assume(improvable)
    item, better = data.draw(st.sampled_from(improvable))

    after = score_inspection(sheet, {**answers, item.id: better})

    old, new = group_scores(before), group_scores(after)
    for key, score in old.items():
        assert (score is None) == (new[key] is None)
        assert score is None or new[key] >= score, key
    if not item.critical:
        assert _rank(sheet, after) <= _rank(sheet, before)


@SETTINGS
@given(inspections(), st.randoms(use_true_random=False))
def test_the_order_of_sections_and_items_does_not_change_any_result(inspection, random):
    sheet, answers = inspection
    shuffled_sections = [
        replace(s, items=tuple(random.sample(s.items, len(s.items)))) for s in sheet.sections
    ]
    random.shuffle(shuffled_sections)
    shuffled = replace(sheet, sections=tuple(shuffled_sections))

    assert _comparable(score_inspection(shuffled, answers)) == _comparable(
        score_inspection(sheet, answers)
    )


@SETTINGS
@given(inspections())
def test_scoring_is_deterministic_whatever_form_the_answers_take(inspection):
    sheet, answers = inspection

    first = score_inspection(sheet, answers)

    assert score_inspection(sheet, dict(answers)) == first
    assert score_inspection(sheet, list(answers.values())) == first


@SETTINGS
@given(inspections())
def test_a_failed_critical_item_always_gives_the_failing_grade(inspection):
    sheet, answers = inspection

    result = score_inspection(sheet, answers)

    failed = {r.item_id for r in result.items if r.critical and r.status is Status.FAIL}
    assert set(result.critical_failures) == failed
    if failed:
        assert result.grade == sheet.failing_grade
    elif result.total is None:
        assert result.grade is None
    else:
        assert result.grade == sheet.grade_for(Fraction(result.total))


def _better_answers(item: Item, answer: Answer) -> list[Answer]:
    if answer.na:
        return []
    if item.type is ItemType.YESNO and answer.value != item.expect:
        return [Answer(item.id, value=item.expect)]
    if item.type is ItemType.COUNT and answer.compliant < answer.observed:
        return [replace(answer, compliant=answer.compliant + 1)]
    if item.type is ItemType.CHOICE:
        current = item.option(answer.value).score
        return [Answer(item.id, value=o.value) for o in item.options if o.score > current]
    if item.type is ItemType.NUMBER:
        return [Answer(item.id, number=item.pass_min)]  # inside the pass range
    return []


def _rank(sheet: Checklist, result: ScoreResult) -> int:
    """0 for the best grade; one past the worst for no grade at all."""
    return len(sheet.grades) if result.grade is None else sheet.grades.index(result.grade)


def _remove(sheet: Checklist, item_id: str) -> Checklist:
    sections = [
        replace(s, items=tuple(i for i in s.items if i.id != item_id)) for s in sheet.sections
    ]
    return replace(sheet, sections=tuple(sections))


def _drop(answers: dict[str, Answer], item_id: str) -> dict[str, Answer]:
    return {key: answer for key, answer in answers.items() if key != item_id}


def _comparable(result: ScoreResult, skip: str | None = None) -> dict:
    """Everything a result says, keyed by id so that order does not matter."""
    items = {r.item_id: r for r in result.items if r.item_id != skip}
    if skip is not None:
        # Left out of the checklist, the item's follow-ups lose their controller: a hidden
        # item's explanation is the same either way, so compare the scores and statuses.
        items = {
            k: (r.status, r.earned, r.possible, r.points, r.points_lost) for k, r in items.items()
        }
    return {
        "items": items,
        "sections": {g.key: _unordered(g) for g in result.sections},
        "categories": {g.key: _unordered(g) for g in result.categories if g.exact is not None},
        "overall": _unordered(result.overall),
        "grade": result.grade,
        "critical": set(result.critical_failures),
        "missing": set(result.missing) - {skip},
    }


def _unordered(group: GroupScore) -> tuple:
    passed, failed = set(group.passed_items), set(group.failed_items)
    return (group.key, group.title, group.earned, group.possible, group.score, passed, failed)
