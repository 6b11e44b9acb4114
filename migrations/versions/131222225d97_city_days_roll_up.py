"""city_days: the whole city's roll-up by day; both roll-ups recomputed; last-visit index

The office roll-up kept the findings of a record finalized after its submission as not
finalized (finalizing did not refresh it), so the actions panel undercounted verified actions
in whole months; both roll-ups are recomputed here from the summaries.

Revision ID: 131222225d97
Revises: cfd7565a6733
Create Date: 2026-12-07 07:40:00.000000

"""

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = "131222225d97"
down_revision = "cfd7565a6733"
branch_labels = None
depends_on = None

#: the category vocabulary as it stands at this revision (one sum and one count each)
CATEGORIES = (
    "masks",
    "distancing",
    "handwashing",
    "partitions",
    "screening",
    "ventilation",
    "cleaning",
    "queueing",
    "service",
    "staffing",
    "supervision",
    "information",
    "health_monitoring",
    "protective_equipment",
    "patient_flow",
    "waste",
    "other",
)
BASIC = (
    "inspections",
    "scored",
    "score_sum",
    "with_critical",
    "violations",
    "findings",
    "finalized_findings",
    "critical",
)


def _measure_columns() -> list[sa.Column]:
    columns = [sa.Column(name, sa.Integer(), nullable=False) for name in BASIC]
    columns.append(sa.Column("last_on", sa.Date(), nullable=False))
    for key in CATEGORIES:
        columns.append(sa.Column(f"cat_{key}_sum", sa.Integer(), nullable=False))
        columns.append(sa.Column(f"cat_{key}_n", sa.Integer(), nullable=False))
    return columns


def upgrade():
    op.create_table(
        "city_days",
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("checklist_key", sa.String(length=100), nullable=False),
        sa.Column("week", sa.Date(), nullable=False),
        sa.Column("month", sa.Date(), nullable=False),
        *_measure_columns(),
        sa.PrimaryKeyConstraint("day", "checklist_key", name=op.f("pk_city_days")),
    )
    with op.batch_alter_table("inspection_summaries", schema=None) as batch_op:
        batch_op.create_index(
            "ix_inspection_summaries_office_last",
            ["office_id", "current", "started_on"],
            unique=False,
        )
    _fill()


def _fill() -> None:
    s = sa.table(
        "inspection_summaries",
        *(
            sa.column(name)
            for name in (
                "office_id",
                "checklist_key",
                "status",
                "current",
                "started_on",
                "week",
                "month",
                "score",
                "violation",
                "findings",
                "critical",
                *(f"cat_{key}" for key in CATEGORIES),
            )
        ),
    )

    def flag(condition):
        return sa.func.coalesce(sa.func.sum(sa.case((condition, 1), else_=0)), 0)

    sums = [
        sa.func.count(),
        sa.func.count(s.c.score),
        sa.func.coalesce(sa.func.sum(s.c.score), 0),
        flag(s.c.critical > 0),
        flag(s.c.violation == sa.true()),
        sa.func.coalesce(sa.func.sum(s.c.findings), 0),
        sa.func.coalesce(
            sa.func.sum(sa.case((s.c.status == "finalized", s.c.findings), else_=0)), 0
        ),
        sa.func.coalesce(sa.func.sum(s.c.critical), 0),
        sa.func.max(s.c.started_on),
    ]
    names = [*BASIC, "last_on"]
    for key in CATEGORIES:
        column = s.c[f"cat_{key}"]
        sums += [sa.func.coalesce(sa.func.sum(column), 0), sa.func.count(column)]
        names += [f"cat_{key}_sum", f"cat_{key}_n"]
    current = s.c.current == sa.true()
    offices = sa.table(
        "office_months", *(sa.column(n) for n in ("month", "office_id", "checklist_key", *names))
    )
    days = sa.table(
        "city_days", *(sa.column(n) for n in ("day", "week", "month", "checklist_key", *names))
    )
    op.execute(offices.delete())
    by_office = (s.c.month, s.c.office_id, s.c.checklist_key)
    op.execute(
        offices.insert().from_select(
            ["month", "office_id", "checklist_key", *names],
            sa.select(*by_office, *sums).where(current).group_by(*by_office),
        )
    )
    by_day = (s.c.started_on, s.c.week, s.c.month, s.c.checklist_key)
    op.execute(
        days.insert().from_select(
            ["day", "week", "month", "checklist_key", *names],
            sa.select(*by_day, *sums).where(current).group_by(*by_day),
        )
    )


def downgrade():
    with op.batch_alter_table("inspection_summaries", schema=None) as batch_op:
        batch_op.drop_index("ix_inspection_summaries_office_last")
    op.drop_table("city_days")
