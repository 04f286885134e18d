"""Facets, as Datasette has them: for the rows matching a list's filters, how many have each actor, kind,
topic, outlet, speaker or month, most first.

Each facet is one GROUP BY over the filtered position rows, read from an index where one holds the column
(actor, kind, said_from, topic, source, speaker); outlets and speakers are counted per source and per
speaker id first, then named. Results are cached per process under the data version, like list totals
(queries.count): a facet is computed again only after a write commits (docs/benchmarks.md has both).
"""
from __future__ import annotations

import threading
from collections import OrderedDict

from peewee import SQL, fn

from .database import database, is_sqlite
from .entities import Person, Position, PositionTopic, Source
from .queries import CURRENT_VERSION, _filtered

FACETS = ("actor", "kind", "topic", "outlet", "speaker", "month")
FACET_SIZE = 30  # values returned per facet, most frequent first (Datasette's default size)
MAX_CACHED = 1024

_cache: OrderedDict = OrderedDict()  # (database, facet, sql, params) -> (data version, result)
_lock = threading.Lock()


def facet_counts(names, **filters) -> dict[str, dict]:
    """{facet: {"values": [{"value", "count"}], "truncated"}} for the positions matching the filters."""
    results = {}
    for name in dict.fromkeys(names):
        rows = cached_rows(name, _QUERIES[name](filters))
        results[name] = {"values": [{"value": str(value), "count": int(count)} for value, count in rows[:FACET_SIZE]],
                         "truncated": len(rows) > FACET_SIZE}
    return results


def cached_rows(name: str, query) -> list[tuple]:
    """The rows of `query`, computed again only after a write has committed since they were read."""
    sql, params = query.sql()
    key = (database.obj, name, sql, tuple(params))
    # the version is read before the rows: a write committing meanwhile leaves these rows under the older
    # version (read again at the next request), never older rows under the newer version
    version = database.execute_sql(CURRENT_VERSION).fetchone()[0]
    with _lock:
        cached = _cache.get(key)
    if cached is not None and cached[0] == version:
        return cached[1]
    rows = database.execute_sql(sql, params).fetchall()
    with _lock:
        _cache[key] = (version, rows)
        _cache.move_to_end(key)
        while len(_cache) > MAX_CACHED:
            _cache.popitem(last=False)
    return rows


def _by_column(column):
    def query(filters):
        counted = fn.COUNT(SQL("*"))
        return (_filtered(Position.select(column, counted), **filters).where(column.is_null(False))
                .group_by(column).order_by(counted.desc(), column).limit(FACET_SIZE + 1))
    return query


def _month(filters):
    month = fn.SUBSTR(Position.said_from, 1, 7) if is_sqlite() else fn.TO_CHAR(Position.said_from, "YYYY-MM")
    counted = fn.COUNT(SQL("*"))
    return (_filtered(Position.select(month.alias("month"), counted), **filters)
            .where(Position.said_from.is_null(False))
            .group_by(SQL("1")).order_by(counted.desc(), SQL("1").desc()).limit(FACET_SIZE + 1))


def _topic(filters):
    counted = fn.COUNT(SQL("*"))
    query = PositionTopic.select(PositionTopic.topic, counted)
    if _any(filters):
        query = query.where(PositionTopic.position.in_(_filtered(Position.select(Position.id), **filters)))
    return query.group_by(PositionTopic.topic).order_by(counted.desc(), PositionTopic.topic).limit(FACET_SIZE + 1)


def _named(column, table, key, name):
    """Counts per id (an index holds it), then summed per name: each position joined once per group, not row."""
    def query(filters):
        per_id = (_filtered(Position.select(column.alias("key"), fn.COUNT(SQL("*")).alias("n")), **filters)
                  .group_by(column).alias("per_id"))
        total = fn.SUM(per_id.c.n)
        return (table.select(name, total).join(per_id, on=(key == per_id.c.key))
                .where(name.is_null(False)).group_by(name).order_by(total.desc(), name).limit(FACET_SIZE + 1))
    return query


def _any(filters: dict) -> bool:
    return any(value not in (None, (), []) for value in filters.values())


_QUERIES = {
    "actor": _by_column(Position.actor),
    "kind": _by_column(Position.kind),
    "topic": _topic,
    "outlet": _named(Position.source, Source, Source.id, Source.outlet),
    "speaker": _named(Position.speaker, Person, Person.id, Person.name),
    "month": _month,
}
