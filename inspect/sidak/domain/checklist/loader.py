"""Loading a checklist file: read YAML -> normalise and validate every field -> cross-check
-> build the frozen model. Every problem of a file is collected in one pass; no input, however
broken, raises anything but `InvalidDocument` (and only from `parse_checklist`).
"""

from dataclasses import dataclass
from os import PathLike
from pathlib import Path

from sidak.domain.checklist import codes, vocabulary
from sidak.domain.checklist.fields import Fields, child
from sidak.domain.checklist.grades import read_grades
from sidak.domain.checklist.items import ItemDraft, read_item
from sidak.domain.checklist.model import Checklist, Item, Rule, Section
from sidak.domain.checklist.refs import check_items, check_rule_references
from sidak.domain.checklist.yamlnodes import Mapping, Node, Scalar, kind_of, read_yaml
from sidak.domain.problems import InvalidDocument, Mark, Problem, Severity
from sidak.domain.text import Text

ROOT_KEYS = ("id", "version", "title", "description", "basis", "rules", "grades", "sections")
REQUIRED_ROOT_KEYS = ("id", "version", "title", "rules", "grades", "sections")
_CHECKLIST = ("daftar periksa", "checklist")


@dataclass
class _SectionDraft:
    id: str | None
    title: Text | None
    items: list[ItemDraft]


def load_checklist(
    text: str | bytes, *, source_name: str = ""
) -> tuple[Checklist | None, list[Problem]]:
    """The checklist and its warnings, or None and every problem (errors and warnings).

    `source_name` is accepted for symmetry with `load_checklist_file`; problems carry no
    path: format them with ``Problem.format(path)``.
    """
    node, problems = read_yaml(text)
    if node is None:
        return None, problems
    f = Fields()
    checklist = _read_document(f, node)
    problems = sorted(f.problems, key=lambda p: (p.mark.line, p.mark.col, p.code))
    if any(p.severity is Severity.ERROR for p in problems):
        return None, problems
    return checklist, problems


def parse_checklist(text: str | bytes, *, source_name: str = "") -> Checklist:
    """The checklist; raises `InvalidDocument` with every problem if it has any error."""
    checklist, problems = load_checklist(text, source_name=source_name)
    if checklist is None:
        raise InvalidDocument(problems)
    return checklist


def load_checklist_file(path: str | PathLike[str]) -> tuple[Checklist | None, list[Problem]]:
    """`load_checklist` on a file's bytes; a missing or unreadable file is a problem too."""
    try:
        data = Path(path).read_bytes()
    except FileNotFoundError:
        return None, [codes.FILE_MISSING.at(Mark(1, 1))]
    except OSError as exc:
        return None, [codes.FILE_UNREADABLE.at(Mark(1, 1), reason=exc.strerror or str(exc))]
    return load_checklist(data, source_name=str(path))


def _read_document(f: Fields, node: Node) -> Checklist | None:
    if not isinstance(node, Mapping):
        found, found_en = kind_of(node)
        f.add(codes.NOT_A_CHECKLIST, node, found=found, found_en=found_en)
        return None
    entries = f.entries(node, _CHECKLIST, ROOT_KEYS, REQUIRED_ROOT_KEYS)
    read = {key: value for key, (_, value) in entries.items()}
    checklist_id = f.ident(read["id"]) if "id" in read else None
    version = f.scalar(read["version"], "version") if "version" in read else None
    title = f.text(read["title"], "title") if "title" in read else None
    description = f.text(read["description"], "description") if "description" in read else None
    basis = _scalars(f, read["basis"], "basis") if "basis" in read else ()
    rules = _read_rules(f, read["rules"]) if "rules" in read else None
    grades = read_grades(f, read["grades"]) if "grades" in read else None
    sections = _read_sections(f, read["sections"]) if "sections" in read else []
    drafts = [draft for section in sections for draft in section.items]
    if rules is not None:
        cited = basis + tuple(scalar for draft in drafts for scalar in draft.basis)
        check_rule_references(f, cited, {rule.id for rule in rules})
    check_items(f, drafts)
    types = [draft.type for draft in drafts]
    if types and None not in types and not any(d.fields.get("scored") for d in drafts):
        f.add(codes.NOTHING_SCORED, read["sections"])
    if any(p.severity is Severity.ERROR for p in f.problems):
        return None
    return Checklist(
        id=checklist_id,
        version=version.value.strip(),
        title=title,
        description=description,
        rules=tuple(sorted(rules, key=lambda rule: rule.id)),
        sections=tuple(_build_section(section) for section in sections),
        grades=grades,
        basis=tuple(dict.fromkeys(scalar.value for scalar in basis)),
    )


def _scalars(f: Fields, node: Node, key: str) -> tuple[Scalar, ...]:
    return tuple(s for item in f.sequence(node, key) if (s := f.scalar(item, key)) is not None)


def _read_rules(f: Fields, node: Node) -> list[Rule] | None:
    """The legal bases; None if ``rules`` is not a mapping at all."""
    mapping = f.mapping(node, "rules")
    if mapping is None:
        return None
    if not mapping.entries:
        thing = {"thing": "dasar hukum", "thing_en": "rule"}
        f.add(codes.EMPTY_LIST, mapping, **vocabulary.key_fields("rules"), **thing)
    rules: dict[str, Rule] = {}
    first_line: dict[str, int] = {}
    for key, value in mapping.entries:
        if f.cut_text(key, value):
            continue
        if key.value in first_line:
            f.add(codes.DUPLICATE_KEY, key, key=key.value, first=first_line[key.value])
            continue
        first_line[key.value] = key.mark.line
        rule_id = f.ident(key, "rules")
        title = f.text(value, "rules")
        if rule_id is not None:
            rules[rule_id] = Rule(rule_id, title or Text(""))
    return list(rules.values())


def _read_sections(f: Fields, node: Node) -> list[_SectionDraft]:
    sections = []
    nodes = f.sequence(node, "sections", thing=("bagian", "section"))
    for section_node in nodes:
        mapping = f.mapping(section_node, "sections")
        if mapping is None:
            continue
        keys = ("id", "title", "items")
        entries = f.entries(mapping, ("bagian", "section"), keys, keys)
        section_id = f.ident(entries["id"][1]) if "id" in entries else None
        title = f.text(entries["title"][1], "title") if "title" in entries else None
        items: list[ItemDraft] = []
        if "items" in entries:
            for item_node in f.sequence(entries["items"][1], "items", thing=("butir", "item")):
                draft = read_item(f, item_node)
                items += [draft] if draft is not None else []
        sections.append(_SectionDraft(section_id, title, items))
    f.unique((child(n, "id") for n in nodes), ("bagian", "section"))
    return sections


def _build_section(section: _SectionDraft) -> Section:
    items = tuple(_build_item(draft) for draft in section.items)
    return Section(section.id, section.title, items)


def _build_item(draft: ItemDraft) -> Item:
    fields = {key: value for key, value in draft.fields.items() if value is not None}
    basis = tuple(dict.fromkeys(scalar.value for scalar in draft.basis))
    return Item(id=draft.id, type=draft.type, basis=basis, **fields)
