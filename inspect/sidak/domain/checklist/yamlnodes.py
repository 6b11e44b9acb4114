"""A safe YAML reader that keeps positions: files written by people, read without surprises.

The tree is built from PyYAML's SafeLoader event stream, never with ``yaml.load``: aliases,
anchors and tags are refused (which also defuses "billion laughs"), nesting depth is checked
before anything recursive sees the document, and duplicate keys are kept so the validator can
report them. Scalars keep their raw text; `scalar_bool` and `scalar_number` interpret them
without YAML 1.1's traps (``no`` as false, ``1.10`` as 1.1, floats).
"""

import re
from dataclasses import dataclass
from fractions import Fraction

import yaml
from yaml.resolver import Resolver

from sidak.domain.checklist import codes
from sidak.domain.problems import Mark, Problem

MAX_BYTES = 1024 * 1024
MAX_DEPTH = 40

STR_TAG = "tag:yaml.org,2002:str"
NULL_TAG = "tag:yaml.org,2002:null"


@dataclass(frozen=True)
class Scalar:
    value: str  #: the text as written (quotes and escapes already resolved)
    mark: Mark
    tag: str  #: YAML's implicit tag, e.g. ``tag:yaml.org,2002:int``; quoted text is ``str``
    quoted: bool  #: written quoted or as a block (``|``, ``>``): certainly meant as text

    @property
    def is_null(self) -> bool:
        """Written as nothing, ``~`` or ``null``: no value at all."""
        return self.tag == NULL_TAG


@dataclass(frozen=True)
class Mapping:
    entries: tuple[tuple[Scalar, "Node"], ...]  #: in file order, duplicate keys kept
    mark: Mark


@dataclass(frozen=True)
class Sequence:
    items: tuple["Node", ...]
    mark: Mark


Node = Scalar | Mapping | Sequence

_RESOLVER = Resolver()


def read_yaml(text: str | bytes) -> tuple[Node | None, list[Problem]]:
    """The document's node tree, or None and the problems; never raises.

    The node is None exactly when there are problems: a partial tree would only produce
    misleading follow-up errors.
    """
    size = _size(text)
    if size > MAX_BYTES:
        return None, [codes.TOO_LARGE.at(Mark(1, 1), size=size, limit=MAX_BYTES)]
    if isinstance(text, bytes):
        try:
            text = text.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            return None, [codes.NOT_UTF8.at(_byte_mark(text, exc.start))]
    if _FAST_LOADER is not yaml.SafeLoader:
        builder = _build(text, _FAST_LOADER)
        if not builder.failed:
            return builder.result()
    # A broken file is read again by the pure-Python parser, whose messages and positions
    # the friendly explanations are written for.
    builder = _build(text, yaml.SafeLoader)
    return builder.result()


#: libyaml's parser when PyYAML was built with it: the same events, several times faster
_FAST_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _build(text: str, loader: type) -> "_TreeBuilder":
    builder = _TreeBuilder()
    try:
        for event in yaml.parse(text, Loader=loader):
            if not builder.feed(event):
                break
    except yaml.MarkedYAMLError as exc:
        builder.fail(_syntax_problem(exc))
    except yaml.reader.ReaderError as exc:
        builder.fail(_reader_problem(text, exc))
    except (yaml.YAMLError, RecursionError) as exc:  # pragma: no cover
        # no known input gets here; the promise is a problem, never a traceback
        builder.fail(codes.SYNTAX.at(Mark(1, 1), detail=str(exc), detail_en=str(exc)))
    return builder


def _size(text: str | bytes) -> int:
    if isinstance(text, bytes):
        return len(text)
    if len(text) > MAX_BYTES:  # every character is at least one byte: no need to encode
        return len(text)
    return len(text.encode("utf-8", "surrogatepass"))


def _byte_mark(data: bytes, offset: int) -> Mark:
    line_start = data.rfind(b"\n", 0, offset) + 1
    column = len(data[line_start:offset].decode("utf-8", "replace"))
    return Mark(data.count(b"\n", 0, offset) + 1, column + 1)


def _mark(yaml_mark: yaml.Mark | None) -> Mark:
    if yaml_mark is None:
        return Mark(1, 1)
    return Mark(yaml_mark.line + 1, yaml_mark.column + 1)


class _TreeBuilder:
    """Builds nodes from events without recursion, reporting what a checklist may not use."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []
        self.stack: list[tuple[type, Mark, list]] = []
        self.root: Node | None = None
        self.documents = 0
        self.failed = False  #: the parser gave up on the text

    def fail(self, problem: Problem) -> None:
        self.failed = True
        self.problems.append(problem)

    def feed(self, event: yaml.Event) -> bool:
        """Take one event; False when reading must stop."""
        if isinstance(event, yaml.DocumentStartEvent):
            self.documents += 1
            if self.documents > 1:
                self.problems.append(codes.MANY_DOCUMENTS.at(_mark(event.start_mark)))
                return False
        elif isinstance(event, yaml.AliasEvent):
            self.problems.append(codes.ALIAS.at(_mark(event.start_mark), token=f"*{event.anchor}"))
            self._add(Scalar("", _mark(event.start_mark), NULL_TAG, False))
        elif isinstance(event, yaml.NodeEvent):
            return self._node_event(event)
        elif isinstance(event, yaml.CollectionEndEvent):
            self._close()
        return True

    def _node_event(self, event: yaml.NodeEvent) -> bool:
        mark = _mark(event.start_mark)
        if event.anchor is not None:
            self.problems.append(codes.ALIAS.at(mark, token=f"&{event.anchor}"))
        if getattr(event, "tag", None) is not None:
            tag = event.tag.replace("tag:yaml.org,2002:", "!!", 1)
            self.problems.append(codes.TAG.at(mark, tag=tag))
        if isinstance(event, yaml.ScalarEvent):
            tag = _RESOLVER.resolve(yaml.ScalarNode, event.value, event.implicit)
            self._add(Scalar(event.value, mark, tag, bool(event.style)))  # C parser: "" = plain
            return True
        if len(self.stack) >= MAX_DEPTH:
            self.problems.append(codes.TOO_DEEP.at(mark, limit=MAX_DEPTH))
            return False
        kind = Mapping if isinstance(event, yaml.MappingStartEvent) else Sequence
        self.stack.append((kind, mark, []))
        return True

    def _close(self) -> None:
        kind, mark, children = self.stack.pop()
        if kind is Sequence:
            self._add(Sequence(tuple(children), mark))
            return
        entries = []
        for key, value in zip(children[::2], children[1::2], strict=True):
            if isinstance(key, Scalar):
                entries.append((key, value))
            else:
                self.problems.append(codes.COMPLEX_KEY.at(key.mark))
        self._add(Mapping(tuple(entries), mark))

    def _add(self, node: Node) -> None:
        if self.stack:
            self.stack[-1][2].append(node)
        else:
            self.root = node

    def result(self) -> tuple[Node | None, list[Problem]]:
        if self.problems:
            return None, self.problems
        root = self.root
        if root is None or (isinstance(root, Scalar) and root.is_null and root.value == ""):
            return None, [codes.EMPTY_FILE.at(Mark(1, 1))]
        return root, []


#: PyYAML's wording -> what an author should do (Indonesian, English).
_FRIENDLY = (
    (
        "found character '\\t'",
        "ada karakter tab; YAML hanya boleh memakai spasi untuk menjorok",
        "a tab character; YAML indentation must use spaces",
    ),
    (
        "mapping values are not allowed here",
        "tanda ':' tidak diharapkan di sini; jika teks berisi ':', apit dengan tanda kutip, "
        "atau periksa jorokan baris ini",
        "unexpected ':'; quote text that contains ':', or check this line's indentation",
    ),
    (
        "could not find expected ':'",
        "tanda ':' tidak ditemukan; setiap baris kunci ditulis 'kunci: nilai'",
        "expected ':'; write each key line as 'key: value'",
    ),
    (
        "found unexpected end of stream",
        "berkas berakhir sebelum tanda kutip atau kurung ditutup",
        "the file ends before a quote or bracket is closed",
    ),
    (
        "expected <block end>",
        "jorokan (spasi di awal baris) tidak cocok dengan baris sebelumnya",
        "the indentation does not match the lines before",
    ),
    (
        "did not find expected key",
        "jorokan tidak cocok atau ada tanda '-' yang salah tempat",
        "the indentation does not match, or a '-' is out of place",
    ),
    (
        "expected ',' or '}'",
        "pemetaan dengan '{' belum ditutup dengan '}' atau kurang tanda koma; tanda '#' tanpa "
        'kutip memulai komentar, jadi tulis warna seperti "#c33"',
        "a '{' mapping is not closed with '}' or misses a comma; an unquoted '#' starts a "
        'comment, so write colours like "#c33"',
    ),
    (
        "expected ',' or ']'",
        "daftar dengan '[' belum ditutup dengan ']' atau kurang tanda koma",
        "a '[' list is not closed with ']' or misses a comma",
    ),
    (
        "cannot start any token",
        "ada karakter yang tidak boleh mengawali nilai; apit teksnya dengan tanda kutip",
        "a character that cannot start a value; quote the text",
    ),
)


def _syntax_problem(exc: yaml.MarkedYAMLError) -> Problem:
    original = exc.problem or exc.context or "?"
    unclosed = any(s in original for s in ("end of stream", "<stream end>", "expected ','"))
    # an unclosed quote or bracket shows up lines later, often at the end; point where it opened
    yaml_mark = exc.context_mark if unclosed and exc.context_mark else exc.problem_mark
    mark = _mark(yaml_mark or exc.context_mark)
    for needle, friendly_id, friendly_en in _FRIENDLY:
        if needle in original:
            return codes.SYNTAX.at(mark, detail=friendly_id, detail_en=friendly_en)
    return codes.SYNTAX.at(mark, detail=original, detail_en=original)


def _reader_problem(text: str, exc: yaml.reader.ReaderError) -> Problem:
    before = text[: exc.position]
    mark = Mark(before.count("\n") + 1, exc.position - (before.rfind("\n") + 1) + 1)
    code_point = f"#x{exc.character:04x}" if isinstance(exc.character, int) else "?"
    return codes.SYNTAX.at(
        mark,
        detail=f"karakter tak terlihat {code_point} tidak diizinkan; hapus karakter itu",
        detail_en=f"the invisible character {code_point} is not allowed; remove it",
    )


# --- interpreting scalars -------------------------------------------------------------

_BOOLEANS = {"true": True, "yes": True, "ya": True, "false": False, "no": False, "tidak": False}
_YES_NO = {"ya": "yes", "yes": "yes", "true": "yes", "tidak": "no", "no": "no", "false": "no"}
_DECIMAL = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)")


def scalar_bool(scalar: Scalar) -> bool | None:
    """true/false/yes/no/ya/tidak in any case, quoted or not; None for anything else."""
    return _BOOLEANS.get(scalar.value.strip().lower())


def yes_no(raw: str) -> str | None:
    """The canonical answer ``yes``/``no`` for ya/tidak/yes/no/true/false; None otherwise."""
    return _YES_NO.get(raw.strip().lower())


def scalar_number(scalar: Scalar) -> Fraction | None:
    """The exact number written (``1.5`` is 3/2, ``1.10`` is 11/10); None if not a number."""
    raw = scalar.value.strip()
    if not _DECIMAL.fullmatch(raw):
        return None
    return Fraction(raw)


def kind_of(node: Node) -> tuple[str, str]:
    """How a message names what was written, in Indonesian and English."""
    if isinstance(node, Mapping):
        return "pemetaan (kunci: nilai)", "a mapping (key: value)"
    if isinstance(node, Sequence):
        return "daftar (- ...)", "a list (- ...)"
    if node.is_null:
        return "kosong", "nothing"
    return f'"{node.value}"', f'"{node.value}"'
