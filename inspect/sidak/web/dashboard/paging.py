"""One page of a long query: the rows of the page and the count, in two queries."""

from dataclasses import dataclass

from sqlalchemy import Select, func, select

from sidak.models import db
from sidak.web.paging import requested_page

PER_PAGE = 50


@dataclass(frozen=True)
class Page:
    """What templates/admin/_pager.html needs, and the page's rows as tuples."""

    rows: list[tuple]
    page: int
    per_page: int
    total: int

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // self.per_page))

    @property
    def has_prev(self) -> bool:
        return self.page > 1

    @property
    def has_next(self) -> bool:
        return self.page < self.pages

    @property
    def prev_num(self) -> int:
        return self.page - 1

    @property
    def next_num(self) -> int:
        return self.page + 1


def paginate(query: Select, per_page: int = PER_PAGE) -> Page:
    """The requested page of `query` (past the end: the last page)."""
    total = db.session.scalar(select(func.count()).select_from(query.order_by(None).subquery()))
    page = min(requested_page(), max(1, -(-total // per_page)))
    rows = db.session.execute(query.limit(per_page).offset((page - 1) * per_page))
    return Page([tuple(row) for row in rows], page, per_page, total or 0)
