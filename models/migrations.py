"""Indexes that serve the list order, newest said first, on both engines.

`queries.positions` orders by `said_from DESC NULLS LAST, id`. SQLite keeps NULLs lowest, so a
`said_from DESC` index already puts them last, but it refuses `NULLS LAST` in CREATE INDEX; PostgreSQL
needs `DESC NULLS LAST` spelled out, or it cannot read the order from the index and sorts every match.
Peewee's Meta.indexes cannot say that per engine, hence this table, applied by models.create_tables().
Measured on a 100,000-position corpus (docs/benchmarks.md).
"""
from __future__ import annotations

from .database import database, is_sqlite

# name -> (columns before the order key, the query it serves)
NEWEST_FIRST_INDEXES = {
    "position_newest": ((), "GET /positions, deep pages, since/until"),
    "position_actor_newest": (("actor_id",), "?actor=NATO"),
    "position_kind_newest": (("kind",), "?kind=demand, /demands, /rebuttals"),
    "position_actor_kind_newest": (("actor_id", "kind"), "?actor=RUSSIA&kind=demand&since=..."),
}


def newest_first_ddl(name: str, prefix: tuple[str, ...], *, sqlite: bool) -> str:
    said_from = '"said_from" DESC' if sqlite else '"said_from" DESC NULLS LAST'
    columns = ", ".join([*(f'"{c}"' for c in prefix), said_from, '"id"'])
    return f'CREATE INDEX IF NOT EXISTS "{name}" ON "position" ({columns})'


def create_indexes() -> None:
    """Create the newest-first indexes that are missing (safe to run on every start)."""
    sqlite = is_sqlite()
    for name, (prefix, _serves) in NEWEST_FIRST_INDEXES.items():
        database.execute_sql(newest_first_ddl(name, prefix, sqlite=sqlite))
