"""Facet counts kept per (actor, kind) in the table `facet_count`, written by triggers in the same transaction as
the rows they count, so a write changes them instead of invalidating them. A list filtered by actor and kind
alone (or not at all: /positions, /demands, /rebuttals) sums a few hundred of its rows instead of grouping up
to every position (docs/benchmarks.md, facets).

A row is (facet, actor_id, kind, value, n): n positions of that actor and kind have that value (speaker: the
person's id, named when read; outlet: the source's outlet; month: "YYYY-MM" of said_from). Rows fall to 0
rather than being deleted; readers skip them. Children are deleted before their parent (a source's positions,
a position's topics) while the parent still says what they were counted under.

SQLite has one writer at a time: the triggers add to the counts directly. PostgreSQL writers insert in
parallel, and counters updated by each row would serialize them, or deadlock them, locked in different orders
(models/migrations.py: _data_version). There the triggers append to `facet_delta`, which no other transaction
touches, and at commit this transaction's deltas are added to the counts under the data version's row lock
(bump_data_version's, taken first): one committing writer at a time, for a moment.
"""
from __future__ import annotations

from .database import is_sqlite

TABLE = "facet_count"
DELTAS = "facet_delta"


def _month(row: str, engine: str) -> str:
    return f"substr({row}.said_from, 1, 7)" if engine == "sqlite" else f"to_char({row}.said_from, 'YYYY-MM')"


def _position_values(row: str, engine: str) -> str:
    """The (facet, value) pairs a position row (`new` or `old`) is counted under, except its topics."""
    return (f"SELECT 'actor' AS facet, {row}.actor_id AS value UNION ALL SELECT 'kind', {row}.kind "
            f"UNION ALL SELECT 'month', {_month(row, engine)} "
            f"UNION ALL SELECT 'outlet', (SELECT outlet FROM source WHERE id = {row}.source_id) "
            f"UNION ALL SELECT 'speaker', CAST({row}.speaker_id AS TEXT)")


def _add(select: str, engine: str) -> str:
    if engine == "sqlite":
        return (f'INSERT INTO "{TABLE}" (facet, actor_id, kind, value, n) {select} '
                'ON CONFLICT (facet, actor_id, kind, value) DO UPDATE SET n = n + excluded.n;')
    return f'INSERT INTO "{DELTAS}" (facet, actor_id, kind, value, n) {select};'


def _count_position(row: str, sign: int, engine: str) -> str:
    return _add(f"SELECT facet, {row}.actor_id, {row}.kind, value, {sign} "
                f"FROM ({_position_values(row, engine)}) AS v WHERE value IS NOT NULL", engine)


def _count_topic(row: str, sign: int, engine: str) -> str:
    return _add(f"SELECT 'topic', p.actor_id, p.kind, {row}.topic_id, {sign} "
                f"FROM position p WHERE p.id = {row}.position_id", engine)


def _count_topics_of(row: str, sign: int, engine: str) -> str:
    """A position's topics under its (actor, kind): moved when an update changes either."""
    return _add(f"SELECT 'topic', {row}.actor_id, {row}.kind, t.topic_id, {sign} "
                f"FROM position_topic t WHERE t.position_id = {row}.id", engine)


def _count_outlet(row: str, sign: int, engine: str) -> str:
    """A source's positions under its outlet: moved when the outlet is rewritten (a re-submission)."""
    return _add(f"SELECT 'outlet', p.actor_id, p.kind, {row}.outlet, {sign} * COUNT(*) "
                f"FROM position p WHERE p.source_id = {row}.id AND {row}.outlet IS NOT NULL "
                "GROUP BY p.actor_id, p.kind", engine)


def _triggers(engine: str) -> dict[str, tuple[str, list[str]]]:
    """name -> (when, on what, the statements it runs)."""
    return {
        "position_counted": ("AFTER INSERT ON position", [_count_position("new", 1, engine)]),
        "position_uncounted": ("AFTER DELETE ON position", [_count_position("old", -1, engine)]),
        "position_recounted": ("AFTER UPDATE OF actor_id, kind, said_from, source_id, speaker_id ON position",
                               [_count_position("old", -1, engine), _count_position("new", 1, engine),
                                _count_topics_of("old", -1, engine), _count_topics_of("new", 1, engine)]),
        # before the cascades: the topic rows go while their position still names its actor and kind
        "position_topics_first": ("BEFORE DELETE ON position",
                                  ["DELETE FROM position_topic WHERE position_id = old.id;"]),
        "position_topic_counted": ("AFTER INSERT ON position_topic", [_count_topic("new", 1, engine)]),
        "position_topic_uncounted": ("AFTER DELETE ON position_topic", [_count_topic("old", -1, engine)]),
        "position_topic_recounted": ("AFTER UPDATE ON position_topic",
                                     [_count_topic("old", -1, engine), _count_topic("new", 1, engine)]),
        # likewise the positions go while their source still names its outlet
        "source_positions_first": ("BEFORE DELETE ON source", ["DELETE FROM position WHERE source_id = old.id;"]),
        "source_outlet_recounted": ("AFTER UPDATE OF outlet ON source",
                                    [_count_outlet("old", -1, engine), _count_outlet("new", 1, engine)]),
    }


def create(engine: str) -> list[str]:
    """The statements that make the table, fill it from the rows already stored, and keep it by triggers."""
    statements = [
        f'DROP TABLE IF EXISTS "{TABLE}"',
        f'CREATE TABLE "{TABLE}" (facet TEXT NOT NULL, actor_id TEXT NOT NULL, kind TEXT NOT NULL, '
        'value TEXT NOT NULL, n INTEGER NOT NULL, PRIMARY KEY (facet, actor_id, kind, value))',
        f'INSERT INTO "{TABLE}" SELECT facet, actor_id, kind, value, COUNT(*) FROM ('
        f'{every_value(engine)}) AS v WHERE value IS NOT NULL GROUP BY facet, actor_id, kind, value',
    ]
    if engine == "sqlite":
        for name, (event, body) in _triggers(engine).items():
            statements.append(f'DROP TRIGGER IF EXISTS "{name}"')
            statements.append(f'CREATE TRIGGER "{name}" {event} BEGIN {" ".join(body)} END')
        return statements
    statements += [
        f'DROP TABLE IF EXISTS "{DELTAS}"',
        f'CREATE TABLE "{DELTAS}" (txid xid8 NOT NULL DEFAULT pg_current_xact_id(), facet TEXT NOT NULL, '
        'actor_id TEXT NOT NULL, kind TEXT NOT NULL, value TEXT NOT NULL, n INTEGER NOT NULL)',
        f'CREATE INDEX "{DELTAS}_txid" ON "{DELTAS}" (txid)',
        f"""CREATE OR REPLACE FUNCTION facet_fold() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                UPDATE "data_version" SET "version" = "version" + 1, "bumped_by" = pg_current_xact_id()
                WHERE "bumped_by" IS DISTINCT FROM pg_current_xact_id();
                WITH d AS (DELETE FROM "{DELTAS}" WHERE txid = pg_current_xact_id() RETURNING *)
                INSERT INTO "{TABLE}" (facet, actor_id, kind, value, n)
                SELECT facet, actor_id, kind, value, SUM(n) FROM d GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
                ON CONFLICT (facet, actor_id, kind, value) DO UPDATE SET n = "{TABLE}".n + excluded.n;
                RETURN NULL;
            END $$""",
        # at commit, once the rows are all written (a later trigger of the same transaction finds nothing left)
        f'CREATE CONSTRAINT TRIGGER "{DELTAS}_folded" AFTER INSERT ON "{DELTAS}" '
        'DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION facet_fold()',
    ]
    for name, (event, body) in _triggers(engine).items():
        table = event.split(" ON ")[1]
        done = "OLD" if event.startswith("BEFORE") else "NULL"  # a BEFORE DELETE trigger returns the row to go on
        statements.append(f"CREATE OR REPLACE FUNCTION facet_{name}() RETURNS trigger LANGUAGE plpgsql AS $$ "
                          f"BEGIN {' '.join(body)} RETURN {done}; END $$")
        statements.append(f'DROP TRIGGER IF EXISTS "{name}" ON "{table}"')
        statements.append(f'CREATE TRIGGER "{name}" {event} FOR EACH ROW EXECUTE FUNCTION facet_{name}()')
    return statements


def every_value(engine: str) -> str:
    """(facet, actor_id, kind, value) once per position and facet value: the table's contents from scratch."""
    return ("SELECT 'actor' AS facet, actor_id, kind, actor_id AS value FROM position "
            "UNION ALL SELECT 'kind', actor_id, kind, kind FROM position "
            f"UNION ALL SELECT 'month', actor_id, kind, {_month('position', engine)} FROM position "
            "UNION ALL SELECT 'outlet', p.actor_id, p.kind, s.outlet FROM position p JOIN source s ON s.id = p.source_id "
            "UNION ALL SELECT 'speaker', actor_id, kind, CAST(speaker_id AS TEXT) FROM position "
            "UNION ALL SELECT 'topic', p.actor_id, p.kind, t.topic_id FROM position_topic t "
            "JOIN position p ON p.id = t.position_id")


def grouped(facet: str, actors, kinds, *, table: str = TABLE, topic: str | None = None) -> tuple[str, list]:
    """SELECT value, count for one facet over the positions of these actors and kinds (any when empty); of
    `topic` as well in the `table` kept per topic (models/facet_topic_table.py)."""
    mark = "?" if is_sqlite() else "%s"
    where, params = [f"c.facet = {mark}"], [facet]
    if topic:
        where.append(f"c.topic_id = {mark}")
        params.append(topic)
    for column, values in (("actor_id", actors), ("kind", kinds)):
        if values:
            where.append(f"c.{column} IN ({', '.join([mark] * len(values))})")
            params.extend(values)
    if facet == "speaker":
        source, value = f'"{table}" c JOIN person pe ON CAST(pe.id AS TEXT) = c.value', "pe.name"
    else:
        source, value = f'"{table}" c', "c.value"
    return (f"SELECT {value} AS value, SUM(c.n) AS n FROM {source} WHERE {' AND '.join(where)} "
            f"GROUP BY {value} HAVING SUM(c.n) > 0"), params
