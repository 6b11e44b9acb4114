"""Checks across the whole checklist: unique item ids, rule references, show_if conditions."""

from sidak.domain.checklist import codes, vocabulary
from sidak.domain.checklist.fields import Fields
from sidak.domain.checklist.items import ConditionDraft, ItemDraft
from sidak.domain.checklist.model import Condition, ItemType
from sidak.domain.checklist.yamlnodes import Scalar, yes_no

_ANSWERABLE = (ItemType.YESNO, ItemType.CHOICE)


def check_rule_references(f: Fields, basis: tuple[Scalar, ...], rule_ids: set[str]) -> None:
    """Every cited rule must be listed under ``rules``."""
    for scalar in basis:
        if scalar.value not in rule_ids:
            hint = vocabulary.hint(scalar.value, sorted(rule_ids))
            f.add(codes.UNKNOWN_RULE, scalar, value=scalar.value, **hint)


def check_items(f: Fields, drafts: list[ItemDraft]) -> None:
    """Unique ids and valid conditions; sets each valid condition as the draft's ``show_if``."""
    f.unique((d.id_node for d in drafts if isinstance(d.id_node, Scalar)), ("butir", "item"))
    by_id: dict[str, ItemDraft] = {}
    for draft in drafts:
        if draft.id is not None:
            by_id.setdefault(draft.id, draft)
    edges: dict[str, str] = {}
    for draft in drafts:
        condition = draft.condition
        if condition is None or draft.id is None:
            continue
        target = by_id.get(condition.target.value)
        if _check_target(f, draft, condition, target, by_id):
            draft.fields["show_if"] = _condition(f, condition, target)
            if by_id[draft.id] is draft:  # a repeated id is already an error; keep one graph
                edges[draft.id] = condition.target.value
    in_cycles = _report_cycles(f, by_id, edges)
    order = {item_id: index for index, item_id in enumerate(by_id)}
    for item_id, target_id in edges.items():
        if item_id not in in_cycles and order[target_id] > order[item_id]:
            condition = by_id[item_id].condition
            f.add(codes.LATER_TARGET, condition.target, value=target_id)


def _check_target(
    f: Fields,
    draft: ItemDraft,
    condition: ConditionDraft,
    target: ItemDraft | None,
    by_id: dict[str, ItemDraft],
) -> bool:
    """Whether the condition's target is an item whose answers a condition can test."""
    name = condition.target.value
    if name == draft.id:
        f.add(codes.SELF_CONDITION, condition.node, value=name)
        return False
    if target is None:
        f.add(codes.UNKNOWN_TARGET, condition.target, value=name, **vocabulary.hint(name, by_id))
        return False
    if target.type is None:
        return False
    if target.type not in _ANSWERABLE:
        f.add(codes.TARGET_NOT_ANSWERABLE, condition.target, value=name, type=target.type.value)
        return False
    return True


def _condition(f: Fields, condition: ConditionDraft, target: ItemDraft) -> Condition | None:
    """The condition with canonical values, or None after reporting impossible ones."""
    if target.type is ItemType.YESNO:
        choices = ("ya", "tidak")
        canonical = {value: yes_no(value.value) for value in condition.values}
    else:
        options = target.fields.get("options")
        if not options:  # the choice item itself is broken and already reported
            return None
        choices = tuple(option.value for option in options)
        canonical = {v: v.value if v.value in choices else None for v in condition.values}
    for value, answer in canonical.items():
        if answer is None:
            fields = {"value": value.value, "target": target.id, "choices": ", ".join(choices)}
            f.add(codes.BAD_CONDITION_VALUE, value, **fields)
    if None in canonical.values():
        return None
    values = tuple(dict.fromkeys(answer for answer in canonical.values() if answer))
    return Condition(condition.target.value, values)


def _report_cycles(f: Fields, by_id: dict[str, ItemDraft], edges: dict[str, str]) -> set[str]:
    """Report each cycle of conditions once, at its first item; the ids in any cycle."""
    state: dict[str, str] = {}
    in_cycles: set[str] = set()
    order = [item_id for item_id in by_id if item_id in edges]  # file order
    for start in order:
        path: list[str] = []
        node = start
        while node in edges and node not in state:
            state[node] = "visiting"
            path.append(node)
            node = edges[node]
        if state.get(node) == "visiting":
            cycle = path[path.index(node) :]
            first = min(cycle, key=order.index)
            turn = cycle.index(first)
            chain = [*cycle[turn:], *cycle[:turn], first]
            f.add(codes.CONDITION_CYCLE, by_id[first].condition.node, chain=" -> ".join(chain))
            in_cycles.update(cycle)
        for visited in path:
            state[visited] = "done"
    return in_cycles
