"""Problems found in files written by people: stable codes, a position, a message in two languages.

Modelled on XLSForm's error catalogue: every problem has a code that never changes meaning,
a message template, and the line and column of the YAML node it is about. Validation
collects every problem of a file and raises once with all of them.
"""

from dataclasses import dataclass
from enum import StrEnum

from sidak.domain.text import Text


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True)
class Mark:
    """A position in a file, 1-based like editors show it."""

    line: int
    col: int


@dataclass(frozen=True)
class Problem:
    code: str
    mark: Mark
    message: Text
    severity: Severity = Severity.ERROR

    def format(self, path: str, lang: str = "id") -> str:
        """``PATH:LINE:COL: CODE message`` (warnings say so after the code)."""
        tag = self.code if self.severity is Severity.ERROR else f"{self.code} (peringatan)"
        if self.severity is Severity.WARNING and lang == "en":
            tag = f"{self.code} (warning)"
        return f"{path}:{self.mark.line}:{self.mark.col}: {tag} {self.message.get(lang)}"


@dataclass(frozen=True)
class Code:
    """One entry of a problem catalogue: a stable code and its message templates."""

    code: str
    id: str  #: Indonesian template, ``str.format`` fields
    en: str  #: English template, same fields
    severity: Severity = Severity.ERROR

    def at(self, mark: Mark, **fields: object) -> Problem:
        text = Text(self.id.format(**fields), self.en.format(**fields))
        return Problem(self.code, mark, text, self.severity)


class InvalidDocument(Exception):
    """A file has problems; `problems` holds every one of them, in file order."""

    def __init__(self, problems: list[Problem] | tuple[Problem, ...]):
        self.problems = tuple(sorted(problems, key=lambda p: (p.mark.line, p.mark.col)))
        super().__init__(f"{len(self.problems)} problem(s)")

    @property
    def errors(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.severity is Severity.ERROR)
