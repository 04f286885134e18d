"""Facet counts kept per topic as well (migration 10): `facet_topic_count` holds, per (topic, actor, kind), how
many positions of that topic have each facet value, so a list filtered by one topic (and optionally by actor and
kind) sums a few hundred rows instead of reading each of the topic's positions (docs/benchmarks.md, facets).

Kept as facet_count is (models/facet_table.py, read it first): by triggers in the writing transaction, rows
falling to 0 rather than going; on PostgreSQL through a table of deltas that no other writer touches, added to
the counts at commit under the data version's row lock, so writers neither wait nor deadlock on the counters.

A position counts under each of its topics, and its topic facet's values are its topics: each ordered pair
(T, U) of a position's topics, T = U included, is a row under T with the value U. The position_topic rows a
statement writes make pairs with each other and with the rows of their positions it leaves alone, so the
triggers must tell the statement's rows from the others. SQLite runs a row trigger after each row, seeing the
rows written before it: the trigger's row is the only new one. PostgreSQL runs row triggers once the statement
is done, each seeing all of the statement's rows (a multi-row insert would count its pairs twice); there they
are statement triggers, and the statement's rows are the transition tables (which leave out the rows ON
CONFLICT DO NOTHING skipped: the ingest inserts that way).

Positions are counted through their topic rows alone: a position has none when inserted, and loses them
before it goes (facet_table's position_topics_first).
"""
from __future__ import annotations

from .facet_table import _month, _position_values

TABLE = "facet_topic_count"
DELTAS = "facet_topic_delta"
_COLUMNS = "topic_id, facet, actor_id, kind, value, n"
_FACETS = ("(SELECT 'actor' AS facet UNION ALL SELECT 'kind' UNION ALL SELECT 'month' "
           "UNION ALL SELECT 'outlet' UNION ALL SELECT 'speaker')")


def _values(rows: str, engine: str) -> str:
    """(topic_id, facet, actor_id, kind, value) of the topic rows `rows` (a relation of position_id, topic_id):
    every facet value of their position, except its topics, under the row's topic."""
    return ("SELECT r.topic_id AS topic_id, f.facet AS facet, p.actor_id AS actor_id, p.kind AS kind, "
            "CASE f.facet WHEN 'actor' THEN p.actor_id WHEN 'kind' THEN p.kind "
            f"WHEN 'month' THEN {_month('p', engine)} WHEN 'outlet' THEN s.outlet "
            "WHEN 'speaker' THEN CAST(p.speaker_id AS TEXT) END AS value "
            f"FROM {rows} r JOIN position p ON p.id = r.position_id LEFT JOIN source s ON s.id = p.source_id "
            f"CROSS JOIN {_FACETS} f")


def _add(select: str, sign: int, engine: str) -> str:
    """Add `select`'s rows (topic_id, facet, actor_id, kind, value, each once), times sign, to the counts.
    Grouped first: a statement's rows share most keys, and on PostgreSQL each delta row costs a fold call."""
    rows = (f"SELECT topic_id, facet, actor_id, kind, value, {sign} * COUNT(*) FROM ({select}) AS v "
            "WHERE value IS NOT NULL GROUP BY topic_id, facet, actor_id, kind, value")
    if engine == "sqlite":
        return (f'INSERT INTO "{TABLE}" ({_COLUMNS}) {rows} '
                'ON CONFLICT (topic_id, facet, actor_id, kind, value) DO UPDATE SET n = n + excluded.n;')
    return f'INSERT INTO "{DELTAS}" ({_COLUMNS}) {rows};'


def _count_rows(changed: str, sign: int, engine: str, besides: tuple[str, ...] = ()) -> str:
    """Count (sign 1) or uncount (-1) the topic rows `changed`: their positions' values under each, and the topic
    pairs they make with each other and, both ways, with their positions' rows that stay (the table's rows
    in neither `changed` nor `besides`)."""
    stays = " ".join(f"AND NOT EXISTS (SELECT 1 FROM {rows} x WHERE x.position_id = o.position_id "
                     "AND x.topic_id = o.topic_id)" for rows in (changed, *besides))
    with_stays = (f'FROM {changed} c JOIN "position_topic" o ON o.position_id = c.position_id '
                  f"JOIN position p ON p.id = c.position_id WHERE true {stays}")
    return _add(f"{_values(changed, engine)} "
                "UNION ALL SELECT c.topic_id, 'topic', p.actor_id, p.kind, d.topic_id "
                f"FROM {changed} c JOIN {changed} d ON d.position_id = c.position_id "
                "JOIN position p ON p.id = c.position_id "
                f"UNION ALL SELECT c.topic_id, 'topic', p.actor_id, p.kind, o.topic_id {with_stays} "
                f"UNION ALL SELECT o.topic_id, 'topic', p.actor_id, p.kind, c.topic_id {with_stays}", sign, engine)


def _count_position(row: str, sign: int, engine: str) -> str:
    """A position's counts under each of its topics, from its row `old` or `new`: moved when an update changes
    what they are counted under (actor, kind) or as (month, outlet, speaker)."""
    return _add(f"SELECT t.topic_id, v.facet, {row}.actor_id, {row}.kind, v.value "
                f'FROM "position_topic" t CROSS JOIN ({_position_values(row, engine)}) AS v '
                f"WHERE t.position_id = {row}.id "
                f"UNION ALL SELECT t.topic_id, 'topic', {row}.actor_id, {row}.kind, u.topic_id "
                'FROM "position_topic" t JOIN "position_topic" u ON u.position_id = t.position_id '
                f"WHERE t.position_id = {row}.id", sign, engine)


def _count_outlet(row: str, sign: int, engine: str) -> str:
    """A source's positions under its outlet, per topic: moved when the outlet is rewritten (a re-submission)."""
    return _add(f"SELECT t.topic_id, 'outlet' AS facet, p.actor_id, p.kind, {row}.outlet AS value FROM position p "
                f'JOIN "position_topic" t ON t.position_id = p.id WHERE p.source_id = {row}.id', sign, engine)


def _triggers(engine: str) -> dict[str, tuple[str, list[str]]]:
    """name -> (when, on what, the statements it runs)."""
    if engine == "sqlite":  # row triggers, run after each row: that row is the only one not counted yet
        new, old = ("(SELECT new.position_id AS position_id, new.topic_id AS topic_id)",
                    "(SELECT old.position_id AS position_id, old.topic_id AS topic_id)")
        topic_rows = {
            "position_topic_counted_by_topic": ("AFTER INSERT ON position_topic", [_count_rows(new, 1, engine)]),
            "position_topic_uncounted_by_topic": ("AFTER DELETE ON position_topic", [_count_rows(old, -1, engine)]),
            # as a delete then an insert: the old row's pairs are with the rows there before, not the new one
            "position_topic_recounted_by_topic": ("AFTER UPDATE ON position_topic",
                                                  [_count_rows(old, -1, engine, besides=(new,)),
                                                   _count_rows(new, 1, engine)]),
        }
    else:  # statement triggers (FOR EACH STATEMENT, below): the statement's rows are the transition tables
        topic_rows = {
            "position_topic_counted_by_topic": ("AFTER INSERT ON position_topic REFERENCING NEW TABLE AS added",
                                                [_count_rows("added", 1, engine)]),
            "position_topic_uncounted_by_topic": ("AFTER DELETE ON position_topic REFERENCING OLD TABLE AS removed",
                                                  [_count_rows("removed", -1, engine)]),
            "position_topic_recounted_by_topic": (
                "AFTER UPDATE ON position_topic REFERENCING OLD TABLE AS removed NEW TABLE AS added",
                [_count_rows("removed", -1, engine, besides=("added",)), _count_rows("added", 1, engine)]),
        }
    return {
        **topic_rows,
        "position_recounted_by_topic": ("AFTER UPDATE OF actor_id, kind, said_from, source_id, speaker_id ON position",
                                        [_count_position("old", -1, engine), _count_position("new", 1, engine)]),
        "source_outlet_recounted_by_topic": ("AFTER UPDATE OF outlet ON source",
                                             [_count_outlet("old", -1, engine), _count_outlet("new", 1, engine)]),
    }


def create(engine: str) -> list[str]:
    """The statements that make the table, fill it from the rows already stored, and keep it by triggers."""
    statements = [
        f'DROP TABLE IF EXISTS "{TABLE}"',
        # keyed for its reads: one topic's rows of a facet are together (SQLite: clustered, n read with the key)
        f'CREATE TABLE "{TABLE}" (topic_id TEXT NOT NULL, facet TEXT NOT NULL, actor_id TEXT NOT NULL, '
        'kind TEXT NOT NULL, value TEXT NOT NULL, n INTEGER NOT NULL, '
        'PRIMARY KEY (topic_id, facet, actor_id, kind, value))'
        + (" WITHOUT ROWID" if engine == "sqlite" else ""),
        f'INSERT INTO "{TABLE}" ({_COLUMNS}) SELECT topic_id, facet, actor_id, kind, value, COUNT(*) FROM ('
        f'{every_value(engine)}) AS v WHERE value IS NOT NULL GROUP BY topic_id, facet, actor_id, kind, value',
    ]
    if engine == "sqlite":
        for name, (event, body) in _triggers(engine).items():
            statements.append(f'DROP TRIGGER IF EXISTS "{name}"')
            statements.append(f'CREATE TRIGGER "{name}" {event} BEGIN {" ".join(body)} END')
        return statements
    statements += [  # the deltas and their fold at commit, as facet_table's
        f'DROP TABLE IF EXISTS "{DELTAS}"',
        f'CREATE TABLE "{DELTAS}" (txid xid8 NOT NULL DEFAULT pg_current_xact_id(), topic_id TEXT NOT NULL, '
        'facet TEXT NOT NULL, actor_id TEXT NOT NULL, kind TEXT NOT NULL, value TEXT NOT NULL, n INTEGER NOT NULL)',
        f'CREATE INDEX "{DELTAS}_txid" ON "{DELTAS}" (txid)',
        f"""CREATE OR REPLACE FUNCTION facet_topic_fold() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                UPDATE "data_version" SET "version" = "version" + 1, "bumped_by" = pg_current_xact_id()
                WHERE "bumped_by" IS DISTINCT FROM pg_current_xact_id();
                WITH d AS (DELETE FROM "{DELTAS}" WHERE txid = pg_current_xact_id() RETURNING *)
                INSERT INTO "{TABLE}" ({_COLUMNS})
                SELECT topic_id, facet, actor_id, kind, value, SUM(n) FROM d
                GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5
                ON CONFLICT (topic_id, facet, actor_id, kind, value) DO UPDATE SET n = "{TABLE}".n + excluded.n;
                RETURN NULL;
            END $$""",
        f'CREATE CONSTRAINT TRIGGER "{DELTAS}_folded" AFTER INSERT ON "{DELTAS}" '
        'DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION facet_topic_fold()',
    ]
    for name, (event, body) in _triggers(engine).items():
        table = event.split(" ON ")[1].split()[0]
        each = "STATEMENT" if "REFERENCING" in event else "ROW"
        statements.append(f"CREATE OR REPLACE FUNCTION facet_{name}() RETURNS trigger LANGUAGE plpgsql AS $$ "
                          f"BEGIN {' '.join(body)} RETURN NULL; END $$")
        statements.append(f'DROP TRIGGER IF EXISTS "{name}" ON "{table}"')
        statements.append(f'CREATE TRIGGER "{name}" {event} FOR EACH {each} EXECUTE FUNCTION facet_{name}()')
    statements.append(f'ANALYZE "{TABLE}"')  # the planner then reads a topic's rows by the key
    return statements


def every_value(engine: str) -> str:
    """(topic_id, facet, actor_id, kind, value) once per position, topic of it and facet value: the table's
    contents from scratch."""
    return (f'{_values("position_topic", engine)} UNION ALL '
            "SELECT t.topic_id, 'topic', p.actor_id, p.kind, u.topic_id FROM position_topic t "
            "JOIN position_topic u ON u.position_id = t.position_id JOIN position p ON p.id = t.position_id")
