"""Writing millions of generated rows: buffered per table, written in chunks.

SQLite gets SQLAlchemy Core's executemany; PostgreSQL gets COPY through psycopg 3, which
is several times faster for the big tables. Rows carry their ids (the generator links
them without asking the database), so PostgreSQL's sequences are moved past them at the end.
"""

from collections import Counter
from operator import attrgetter, itemgetter

from sqlalchemy import Connection, insert, text

from sidak.models import db

#: tables in the order their foreign keys allow
TABLES = (
    "inspections",
    "team_members",
    "signatures",
    "answers",
    "photos",
    "inspection_summaries",
    "inspection_findings",
    "corrective_actions",
    "follow_up_checks",
    "action_replies",
    "follow_ups",
    "sanctions",
)
CHUNK = 50_000


class BulkSink:
    """Rows with every column, as dicts or as objects with attributes (one kind per table);
    `flush` writes what is buffered, in `TABLES` order."""

    def __init__(self, chunk: int = CHUNK):
        self.chunk = chunk
        self.postgresql = db.session.get_bind().dialect.name == "postgresql"
        self.buffers: dict[str, list] = {name: [] for name in TABLES}
        self.columns = {name: list(db.metadata.tables[name].columns.keys()) for name in TABLES}
        self.pending = 0
        self.counts: Counter[str] = Counter()
        self.statements: dict[str, tuple] = {}

    def add(self, table: str, row: dict) -> None:
        self.buffers[table].append(row)
        self.pending += 1

    @property
    def full(self) -> bool:
        return self.pending >= self.chunk

    @property
    def connection(self) -> Connection:
        """The session's connection: rows go into the transaction the caller commits."""
        return db.session.connection()

    def flush(self) -> None:
        for name in TABLES:
            rows = self.buffers[name]
            if not rows:
                continue
            values = self._values(name, rows)
            if self.postgresql:
                self._copy(name, values)
            elif self.connection.dialect.paramstyle == "qmark":
                self._executemany(name, values)
            else:
                columns = self.columns[name]
                rows = [dict(zip(columns, row, strict=True)) for row in values]
                self.connection.execute(insert(db.metadata.tables[name]), rows)
            self.counts[name] += len(rows)
            self.buffers[name] = []
        self.pending = 0

    def _values(self, name: str, rows: list) -> list[tuple]:
        """Each row's values in column order; every column must be given (the defaults of
        the models run in the ORM, not here)."""
        columns = self.columns[name]
        if isinstance(rows[0], dict):
            missing = set(columns) - rows[0].keys()
            take = itemgetter(*columns)
        else:
            missing = {column for column in columns if not hasattr(rows[0], column)}
            take = attrgetter(*columns)
        if missing:
            raise ValueError(f"{name}: no value for {sorted(missing)}")
        return [take(row) for row in rows]

    def _executemany(self, name: str, values: list[tuple]) -> None:
        """The driver's executemany, each value bound as Core binds it (by its column type's
        bind processor) but without Core's bookkeeping per row."""
        connection = self.connection
        if name not in self.statements:
            table, dialect = db.metadata.tables[name], connection.dialect
            quote = dialect.identifier_preparer.quote
            columns = self.columns[name]
            statement = (
                f"INSERT INTO {quote(name)} ({', '.join(quote(c) for c in columns)}) "
                f"VALUES ({', '.join('?' for _ in columns)})"
            )
            types = [table.c[column].type.dialect_impl(dialect) for column in columns]
            binds = [(i, t.bind_processor(dialect)) for i, t in enumerate(types)]
            self.statements[name] = statement, [(i, bind) for i, bind in binds if bind]
        statement, binds = self.statements[name]
        if binds:
            values = [list(row) for row in values]
            for index, bind in binds:
                for row in values:
                    row[index] = bind(row[index])
        cursor = connection.connection.cursor()  # the session's DBAPI connection
        try:
            cursor.executemany(statement, values)
        finally:
            cursor.close()

    def _copy(self, name: str, values: list[tuple]) -> None:
        columns = self.columns[name]
        quote = self.connection.dialect.identifier_preparer.quote
        statement = f"COPY {quote(name)} ({', '.join(quote(c) for c in columns)}) FROM STDIN"
        raw = self.connection.connection.driver_connection
        with raw.cursor() as cursor, cursor.copy(statement) as copy:
            for row in values:
                copy.write_row(row)

    def finish(self) -> None:
        """Write the rest; on PostgreSQL, move each id sequence past the ids written."""
        self.flush()
        if not self.postgresql:
            return
        for name in TABLES:
            if "id" in self.columns[name]:
                self.connection.execute(
                    text(
                        f"SELECT setval(pg_get_serial_sequence('{name}', 'id'), "
                        f"(SELECT max(id) FROM {name})) WHERE EXISTS (SELECT 1 FROM {name})"
                    )
                )

    def settle(self) -> None:
        """After the commit, on PostgreSQL: VACUUM and ANALYZE the tables written, as
        autovacuum would soon, so benchmarks see planner statistics and index-only scans
        from the start."""
        if not self.postgresql:
            return
        quote = db.session.get_bind().dialect.identifier_preparer.quote
        tables = ", ".join(quote(name) for name in (*TABLES, "office_months", "city_days"))
        with db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
            connection.exec_driver_sql(f"VACUUM (ANALYZE) {tables}")


class Ids:
    """The next id of each table: the database is empty, so ids start at 1."""

    def __init__(self) -> None:
        self.last: Counter[str] = Counter()

    def __call__(self, table: str) -> int:
        self.last[table] += 1
        return self.last[table]
