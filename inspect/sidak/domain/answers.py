"""An inspector's answers, as the scoring engine reads them."""

from dataclasses import dataclass
from fractions import Fraction


@dataclass(frozen=True)
class Answer:
    """The answer to one item. Which fields are used depends on the item's type.

    - yesno: ``value`` is ``"yes"`` or ``"no"``
    - choice: ``value`` is the option's value
    - count: ``observed`` (N, how many were looked at) and ``compliant`` (X of them complied)
    - number: ``number``
    - text: ``value`` holds the text
    - any scored type whose item allows it: ``na=True`` (not applicable)
    """

    item_id: str
    value: str | None = None
    observed: int | None = None
    compliant: int | None = None
    number: Fraction | None = None
    na: bool = False
