"""Facets, as Datasette has them: for the rows matching a list's filters, how many have each actor, kind,
topic, outlet, speaker or month, most first.

Every facet asked for is counted by one statement, so the filter is evaluated once (a search's matches, a
topic's positions) rather than once a facet:
* a list filtered by actor and kind alone (or not at all) sums the counts the facet_count table keeps per
  actor and kind (models/facet_table.py): no position is read; filtered by one topic as well, likewise the
  counts kept per topic (models/facet_topic_table.py);
* otherwise they are counted over the facet columns each process keeps in memory (models/facet_columns.py),
  which also apply the common filters (actor, kind, topic, since, until); a search's matches come from
  SQLite's trigram index, or from the search texts kept beside the columns (PostgreSQL; SQLite for a word
  shorter than a trigram); any other filter lists the matching rowids (PostgreSQL: ids) in SQL (plan_of);
* while a process first reads those columns, the matching rows' facet columns are read once into a
  materialized CTE (covering indexes hold them: models/migrations.py, migration 9), and each facet groups that.
Results are cached per process under the data version, like list totals (queries.count): the first request
after a write costs the statement above (docs/benchmarks.md has both).
"""
from __future__ import annotations

import threading
from collections import OrderedDict

import numpy as np
from peewee import Column

from . import facet_columns, facet_table, facet_topic_table
from .database import database, is_sqlite
from .entities import Person, Position
from .migrations import SEARCH_TABLE
from .queries import CURRENT_VERSION, TRIGRAM, _filtered, _fts_phrases
from .text import fold

FACETS = ("actor", "kind", "topic", "outlet", "speaker", "month")
FACET_SIZE = 30  # values returned per facet, most frequent first (Datasette's default size)
MAX_CACHED = 1024

_cache: OrderedDict = OrderedDict()  # (database, name, sql, params) -> (data version, result)
_lock = threading.Lock()


def facet_counts(names, **filters) -> dict[str, dict]:
    """{facet: {"values": [{"value", "count"}], "truncated"}} for the positions matching the filters."""
    names = list(dict.fromkeys(names))
    if not _kept(filters):
        rows = _counted_in_memory(names, filters)
    else:
        sql, params = _statement(names, filters)
        rows = cached_statement("facets", sql, params)
    found: dict[str, list] = {name: [] for name in names}
    for facet, value, count, _ in rows:
        found[facet].append({"value": str(value), "count": int(count)})
    return {name: {"values": rows[:FACET_SIZE], "truncated": len(rows) > FACET_SIZE} for name, rows in found.items()}


def cached_rows(name: str, query) -> list[tuple]:
    """The rows of a peewee `query`, computed again only after a write has committed since they were read."""
    sql, params = query.sql()
    return cached_statement(name, sql, params)


def cached_statement(name: str, sql: str, params) -> list[tuple]:
    """The rows of `sql`, computed again only after a write has committed since they were read."""
    return cached((name, sql, tuple(params)), lambda version: database.execute_sql(sql, params).fetchall())


def cached(key: tuple, compute):
    """compute(data version)'s result, kept under `key` until a write has committed since it was computed
    (None is not kept: computed another way this time)."""
    key = (database.obj, *key)
    # the version is read before the rows: a write committing meanwhile leaves these rows under the older
    # version (read again at the next request), never older rows under the newer version
    version = database.execute_sql(CURRENT_VERSION).fetchone()[0]
    with _lock:
        kept = _cache.get(key)
    if kept is not None and kept[0] == version:
        return kept[1]
    rows = compute(version)
    if rows is None:
        return None
    with _lock:
        _cache[key] = (version, rows)
        _cache.move_to_end(key)
        while len(_cache) > MAX_CACHED:
            _cache.popitem(last=False)
    return rows


def _kept(filters: dict) -> bool:
    """Whether the counts kept by triggers answer these filters: actor and kind alone, or with one topic
    (several topics would count twice a position that has more than one of them)."""
    given = {key for key, value in filters.items() if value not in (None, (), [])}
    return given <= {"actors", "kinds"} or (given <= {"actors", "kinds", "topics"}
                                            and len(set(filters.get("topics") or ())) == 1)


def _counted_in_memory(names: list[str], filters: dict) -> list[tuple]:
    """(facet, value, count, place) rows as _statement's, counted over the in-memory facet columns."""
    plan = plan_of(filters)

    def compute(version: int) -> list[tuple]:
        columns = facet_columns.current(version)
        if columns is None:  # being read afresh, or already at a newer snapshot than this one: count in SQL
            sql, statement_params = _statement(names, filters)
            return database.execute_sql(sql, statement_params).fetchall()
        rowids = matching_rows(columns, plan)
        rows = []
        for name in names:
            counts = columns.counts(name, rowids)
            if name == "speaker":
                counts = _named(counts)
            by_value = sorted(counts, key=lambda pair: pair[0], reverse=name == "month")
            ranked = sorted(by_value, key=lambda pair: -pair[1])[:FACET_SIZE + 1]
            rows += [(name, value, n, place) for place, (value, n) in enumerate(ranked, start=1)]
        return rows

    # the version and every row after it from one snapshot: the columns are brought to the version read
    with database.atomic():
        return cached(("facet columns", *plan_key(plan), tuple(names)), compute)


def matching_rows(columns, plan: tuple) -> np.ndarray:
    """The rows of `columns` that a filter's plan (plan_of) matches."""
    how, matching, params, left = plan
    if how == "all":
        rowids = columns.present()
    elif how == "words":  # a search's words (params) matched over the kept texts
        rowids = columns.search(params)
    elif is_sqlite():  # one string rather than a row per match: listing 53,624 rows costs Python 30 ms, this 10
        listed = database.execute_sql(f"SELECT group_concat(r) FROM ({matching})", params).fetchone()[0]
        rowids = np.fromstring(listed or "", np.int64, sep=",")
    else:  # position ids, to their slots
        listed = database.execute_sql(f"SELECT string_agg(r, ',') FROM ({matching}) AS m", params).fetchone()[0]
        rowids = columns.slots_of(listed.split(",") if listed else [])
    return columns.filtered(rowids, left)


def plan_key(plan: tuple) -> tuple:
    """A plan as a cache key."""
    how, matching, params, left = plan
    applied = tuple(sorted((key, tuple(value) if isinstance(value, (list, tuple)) else value)
                           for key, value in left.items()))
    return how, matching, tuple(params), applied


IN_MEMORY_FILTERS = frozenset({"q", "actors", "kinds", "topics", "since", "until"})


def plan_of(filters: dict) -> tuple[str, str | None, list, dict]:
    """How a filter's matching rows are found, and the filters the in-memory columns then apply
    (FacetColumns.filtered): ("all", ...) every position; ("words", None, words, ...) a search matched over the
    kept search texts (PostgreSQL's; SQLite's when a word is shorter than a trigram: "Mỹ"); ("listed", SELECT r,
    params, ...) rowids (PostgreSQL: ids) listed by SQL: a search whose every word is in SQLite's trigram index,
    answered by the index without reading a position (SQL would look each of a common word's matches up in the
    wide table), or, with every filter in SQL, a filter the columns cannot apply (a target, a speaker, a
    source, has_quote)."""
    given = {key for key, value in filters.items() if value not in (None, (), [])}
    words = fold(filters.get("q") or "").split()
    if given <= IN_MEMORY_FILTERS:
        left = {key: filters[key] for key in given - {"q"}}
        if not words:
            return "all", None, [], left
        if is_sqlite() and all(len(w) >= TRIGRAM for w in words):
            return ("listed", f'SELECT rowid AS r FROM "{SEARCH_TABLE}" WHERE "{SEARCH_TABLE}" MATCH ?',
                    [_fts_phrases(words)], left)
        return "words", None, words, left  # PostgreSQL's any search, SQLite's with a word the index cannot serve
    key = Column(Position, "rowid") if is_sqlite() else Position.id
    sql, params = _filtered(Position.select(key.alias("r")), **filters).sql()
    return "listed", sql, list(params), {}


def _named(counts: list[tuple]) -> list[tuple]:
    """Counts per speaker id as counts per name (people of one name counted together, as the SQL groups)."""
    names = dict(Person.select(Person.id, Person.name).where(Person.id.in_([pid for pid, _ in counts])).tuples())
    summed: dict[str, int] = {}
    for pid, n in counts:
        if pid in names:
            summed[names[pid]] = summed.get(names[pid], 0) + n
    return list(summed.items())


def _statement(names: list[str], filters: dict) -> tuple[str, list]:
    """One SELECT of (facet, value, count, place) rows: each facet's FACET_SIZE + 1 most frequent values."""
    topics = set(filters.get("topics") or ())
    if _kept(filters):
        kept = {"table": facet_topic_table.TABLE, "topic": topics.pop()} if topics else {}
        parts = [facet_table.grouped(name, list(filters.get("actors") or ()), list(filters.get("kinds") or ()), **kept)
                 for name in names]
        return _ranked(names, parts), [p for _, params in parts for p in params]
    matching, params = _filtered(Position.select(Position.id, Position.actor, Position.kind, Position.said_from,
                                                 Position.source, Position.speaker), **filters).sql()
    parts = [(_GROUPED[name](), []) for name in names]
    return f"WITH m AS MATERIALIZED ({matching}) " + _ranked(names, parts), list(params)


def _ranked(names: list[str], parts: list[tuple[str, list]]) -> str:
    """The grouped SELECTs (value, n) as one UNION ALL, each cut to its first FACET_SIZE + 1 by place:
    most first, then by value (months: the latest first)."""
    selects = []
    for name, (grouped, _) in zip(names, parts):
        by_value = "value DESC" if name == "month" else "value"
        selects.append(f"SELECT * FROM (SELECT '{name}' AS facet, value, n, ROW_NUMBER() OVER "
                       f"(ORDER BY n DESC, {by_value}) AS place FROM ({grouped}) AS g) AS r "
                       f"WHERE place <= {FACET_SIZE + 1}")
    return " UNION ALL ".join(selects) + " ORDER BY 1, 4"


def _month() -> str:
    return "substr(m.said_from, 1, 7)" if is_sqlite() else "to_char(m.said_from, 'YYYY-MM')"


# each facet of the matching rows `m` (the CTE above) as SELECT value, n. CROSS JOIN: SQLite then reads m first
# and looks each row up (it cannot tell m's size, and would scan the other table whole); PostgreSQL plans it
# as any inner join
_GROUPED = {
    "actor": lambda: "SELECT m.actor_id AS value, COUNT(*) AS n FROM m GROUP BY m.actor_id",
    "kind": lambda: "SELECT m.kind AS value, COUNT(*) AS n FROM m GROUP BY m.kind",
    "month": lambda: (f"SELECT {_month()} AS value, COUNT(*) AS n FROM m WHERE m.said_from IS NOT NULL "
                      f"GROUP BY {_month()}"),
    "topic": lambda: ('SELECT t.topic_id AS value, COUNT(*) AS n FROM m CROSS JOIN "position_topic" t '
                      "WHERE t.position_id = m.id GROUP BY t.topic_id"),
    # per source and per speaker first, then named: each source and person looked up once, not once a row
    "outlet": lambda: ('SELECT s.outlet AS value, SUM(g.n) AS n FROM (SELECT m.source_id, COUNT(*) AS n FROM m '
                       'GROUP BY m.source_id) AS g CROSS JOIN "source" s WHERE s.id = g.source_id '
                       "AND s.outlet IS NOT NULL GROUP BY s.outlet"),
    "speaker": lambda: ('SELECT pe.name AS value, SUM(g.n) AS n FROM (SELECT m.speaker_id, COUNT(*) AS n FROM m '
                        'WHERE m.speaker_id IS NOT NULL GROUP BY m.speaker_id) AS g CROSS JOIN "person" pe '
                        "WHERE pe.id = g.speaker_id GROUP BY pe.name"),
}
