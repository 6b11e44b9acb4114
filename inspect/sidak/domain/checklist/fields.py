"""Reading typed values out of YAML nodes, recording a positioned problem for every mistake.

Each reader returns None when the value is unusable, after recording why; callers carry on
so that one pass finds every problem of a file.
"""

import re
from collections.abc import Iterable
from fractions import Fraction

from sidak.domain.checklist import codes, vocabulary
from sidak.domain.checklist.yamlnodes import (
    Mapping,
    Node,
    Scalar,
    Sequence,
    kind_of,
    scalar_bool,
    scalar_number,
)
from sidak.domain.problems import Code, Mark, Problem
from sidak.domain.text import LANGUAGES, Text

#: How messages name a mapping: Indonesian, English.
Place = tuple[str, str]
Entries = dict[str, tuple[Scalar, Node]]

ID_PATTERN = re.compile(r"[a-z0-9][a-z0-9_-]{0,63}")

_EXPECTED = {
    "text": ("teks", "text"),
    "list": ("daftar (- ...)", "a list (- ...)"),
    "mapping": ("pemetaan (kunci: nilai)", "a mapping (key: value)"),
    "value": ("satu nilai", "a single value"),
}


class Fields:
    """Typed readers over nodes that collect problems instead of raising."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []

    def add(self, code: Code, at: Node | Mark, **fields: object) -> None:
        mark = at if isinstance(at, Mark) else at.mark
        self.problems.append(code.at(mark, **fields))

    def entries(
        self, mapping: Mapping, place: Place, allowed: Iterable[str], required: Iterable[str] = ()
    ) -> Entries:
        """The mapping's entries by key, after reporting duplicate, unknown and missing keys."""
        allowed = tuple(allowed)
        found: Entries = {}
        for key, value in mapping.entries:
            if self.cut_text(key, value):
                continue
            if key.value in found:
                first = found[key.value][0].mark.line
                self.add(codes.DUPLICATE_KEY, key, key=key.value, first=first)
            elif key.value not in allowed:
                hint = vocabulary.hint(key.value, allowed)
                self.add(codes.UNKNOWN_KEY, key, key=key.value, **_place(place), **hint)
            else:
                found[key.value] = (key, value)
        for key in required:
            if key not in found:
                self.add(codes.MISSING_KEY, mapping, **_place(place), **vocabulary.key_fields(key))
        return found

    def cut_text(self, key: Scalar, value: Node) -> bool:
        """Report a key that is really text cut off at a comma inside ``{...}``."""
        # keys of the language never hold spaces; a spaced key with no value is a comma trap
        spaced = " " in key.value.strip()
        if spaced and isinstance(value, Scalar) and value.is_null and not value.value:
            self.add(codes.COMMA_IN_TEXT, key, key=key.value)
            return True
        return False

    def wrong_kind(self, node: Node, key: str, expected: str) -> None:
        found, found_en = kind_of(node)
        want, want_en = _EXPECTED[expected]
        self.add(
            codes.WRONG_KIND,
            node,
            **vocabulary.key_fields(key),
            expected=want,
            expected_en=want_en,
            found=found,
            found_en=found_en,
        )

    def mapping(self, node: Node, key: str) -> Mapping | None:
        if isinstance(node, Mapping):
            return node
        self.wrong_kind(node, key, "mapping")
        return None

    def sequence(self, node: Node, key: str, *, thing: Place | None = None) -> tuple[Node, ...]:
        """The list's items; a single value counts as a list of one. Empty if unusable."""
        if isinstance(node, Sequence):
            if not node.items and thing is not None:
                self.add(
                    codes.EMPTY_LIST,
                    node,
                    **vocabulary.key_fields(key),
                    thing=thing[0],
                    thing_en=thing[1],
                )
            return node.items
        if isinstance(node, Scalar) and not node.is_null:
            return (node,)
        self.wrong_kind(node, key, "list")
        return ()

    def scalar(self, node: Node, key: str) -> Scalar | None:
        """A non-empty scalar."""
        if not isinstance(node, Scalar):
            self.wrong_kind(node, key, "value")
            return None
        if node.is_null or not node.value.strip():
            self.add(codes.EMPTY_VALUE, node, **vocabulary.key_fields(key))
            return None
        return node

    def text(self, node: Node, key: str) -> Text | None:
        """Plain text (Indonesian only) or a mapping of ``id`` and optional ``en``."""
        if isinstance(node, Sequence):
            self.wrong_kind(node, key, "text")
            return None
        if isinstance(node, Scalar):
            scalar = self.scalar(node, key)
            return Text(scalar.value) if scalar else None
        found: Entries = {}
        for lang_key, value in node.entries:
            if self.cut_text(lang_key, value):
                continue
            if lang_key.value in found:
                first = found[lang_key.value][0].mark.line
                self.add(codes.DUPLICATE_KEY, lang_key, key=lang_key.value, first=first)
            elif lang_key.value not in LANGUAGES:
                self.add(codes.UNKNOWN_LANGUAGE, lang_key, key=lang_key.value)
            else:
                found[lang_key.value] = (lang_key, value)
        if "id" not in found:
            self.add(codes.MISSING_KEY, node, **_place(("teks", "text")), key="id", label="id")
            indonesian = None
        else:
            indonesian = self.scalar(found["id"][1], "id")
        english = self._english(found["en"][1]) if "en" in found else None
        return Text(indonesian.value, english) if indonesian else None

    def _english(self, node: Node) -> str | None:
        if isinstance(node, Scalar):
            return node.value if not node.is_null and node.value.strip() else None
        self.wrong_kind(node, "en", "text")
        return None

    def ident(self, node: Node, key: str = "id") -> str | None:
        scalar = self.scalar(node, key)
        if scalar is None:
            return None
        if not ID_PATTERN.fullmatch(scalar.value):
            self.add(codes.BAD_ID, scalar, value=scalar.value, suggestion=slug(scalar.value))
            return None
        return scalar.value

    def number(self, node: Node, key: str) -> Fraction | None:
        scalar = self.scalar(node, key)
        if scalar is None:
            return None
        number = scalar_number(scalar)
        if number is None:
            self.add(codes.NOT_A_NUMBER, scalar, **vocabulary.key_fields(key), value=scalar.value)
        return number

    def boolean(self, node: Node, key: str) -> bool | None:
        scalar = self.scalar(node, key)
        if scalar is None:
            return None
        value = scalar_bool(scalar)
        if value is None:
            self.add(codes.NOT_A_BOOLEAN, scalar, **vocabulary.key_fields(key), value=scalar.value)
        return value

    def unique(self, scalars: Iterable[Scalar | None], thing: Place) -> None:
        """Report every id of `scalars` that an earlier one already used."""
        first_line: dict[str, int] = {}
        for scalar in scalars:
            if scalar is None:
                continue
            if scalar.value in first_line:
                first = first_line[scalar.value]
                fields = {"value": scalar.value, "thing": thing[0], "thing_en": thing[1]}
                self.add(codes.DUPLICATE_ID, scalar, first=first, **fields)
            else:
                first_line[scalar.value] = scalar.mark.line


def child(node: Node | None, key: str) -> Scalar | None:
    """The scalar under `key` if `node` is a mapping that has one (first occurrence)."""
    if not isinstance(node, Mapping):
        return None
    value = next((v for k, v in node.entries if k.value == key), None)
    return value if isinstance(value, Scalar) else None


def slug(raw: str) -> str:
    """What `raw` would look like as an id: ``Masker Pegawai`` becomes ``masker-pegawai``."""
    lowered = re.sub(r"[^a-z0-9_-]+", "-", raw.strip().lower()).strip("-_")
    return lowered[:64] or "contoh-kode"


def _place(place: Place) -> dict[str, str]:
    return {"place": place[0], "Place": place[0].capitalize(), "place_en": place[1]}
