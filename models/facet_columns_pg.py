"""The facet columns (models/facet_columns.py) on PostgreSQL: the change log and reading it.

PostgreSQL has no rowid, and its transactions commit in any order, so no "rows past the largest seen" either:
every write (a position inserted, updated, deleted; its topics; its source's outlet) is logged by triggers in
`facet_change` with its transaction id. A process remembers the snapshot it last read the log in; the entries
of transactions that snapshot did not see (committed since) name the positions to read again. Entries of
transactions older than that snapshot's xmin were seen (applied or rolled back). Writers trim the log to its
last KEEP_CHANGES entries and record the newest transaction they trimmed: a process whose snapshot's xmin is not
past it may have missed a change and reads everything again.
"""
from __future__ import annotations

import numpy as np

from .database import database

CHANGES = "facet_change"
TRIMMED = "facet_change_trimmed"
KEEP_CHANGES = 100_000
XID = "pg_current_xact_id()::text::bigint"

ROWS = ("SELECT p.id, p.actor_id, p.kind, to_char(p.said_from, 'YYYY-MM'), s.outlet, p.speaker_id, p.said_from, "
        "p.date_precision, p.search_text FROM position p LEFT JOIN source s ON s.id = p.source_id")
LINKS = "SELECT t.position_id, t.topic_id FROM position_topic t"


def change_log() -> list[str]:
    """The statements of migration 12: the log, the trimmed mark and the triggers that fill and trim the log."""
    log = f'INSERT INTO "{CHANGES}" (position_id)'
    triggers = {
        # the search text too: processes match searches in memory
        "facet_change_position": (
            "AFTER INSERT OR DELETE OR UPDATE OF id, actor_id, kind, said_from, date_precision, source_id, speaker_id, "
        "search_text "
            'ON "position"',
            f"IF TG_OP <> 'INSERT' THEN {log} VALUES (old.id); END IF; "
            f"IF TG_OP <> 'DELETE' THEN {log} VALUES (new.id); END IF;"),
        "facet_change_topic": (
            'AFTER INSERT OR DELETE OR UPDATE ON "position_topic"',
            f"IF TG_OP <> 'INSERT' THEN {log} VALUES (old.position_id); END IF; "
            f"IF TG_OP <> 'DELETE' THEN {log} VALUES (new.position_id); END IF;"),
        "facet_change_outlet": (
            'AFTER UPDATE OF outlet ON "source"',
            f'{log} SELECT id FROM "position" WHERE source_id = new.id;'),
        # every thousandth entry trims what is older than KEEP_CHANGES: writers pay it, a moment each time
        "facet_change_trim": (
            f'AFTER INSERT ON "{CHANGES}"',
            f"IF mod(new.seq, 1000) = 0 THEN "  # not %: the driver formats it
            f'WITH gone AS (DELETE FROM "{CHANGES}" WHERE seq <= new.seq - {KEEP_CHANGES} RETURNING xid) '
            f'UPDATE "{TRIMMED}" SET xid = GREATEST(xid, (SELECT MAX(xid) FROM gone)); END IF;'),
    }
    statements = [
        f'CREATE TABLE IF NOT EXISTS "{CHANGES}" (seq BIGSERIAL PRIMARY KEY, position_id VARCHAR(16) NOT NULL, '
        f"xid BIGINT NOT NULL DEFAULT {XID})",
        f'CREATE INDEX IF NOT EXISTS "{CHANGES}_xid" ON "{CHANGES}" (xid)',
        f'CREATE TABLE IF NOT EXISTS "{TRIMMED}" (xid BIGINT NOT NULL)',
        f'INSERT INTO "{TRIMMED}" SELECT 0 WHERE NOT EXISTS (SELECT 1 FROM "{TRIMMED}")',
    ]
    for name, (event, body) in triggers.items():
        table = event.rsplit(" ON ", 1)[1]
        statements += [
            f"CREATE OR REPLACE FUNCTION {name}() RETURNS trigger LANGUAGE plpgsql AS $$ "
            f"BEGIN {body} RETURN NULL; END $$",
            f'DROP TRIGGER IF EXISTS "{name}" ON {table}',
            f'CREATE TRIGGER "{name}" {event} FOR EACH ROW EXECUTE FUNCTION {name}()',
        ]
    return statements


def changed_since(snapshot: str, limit: int) -> tuple[str, bool, list[str]]:
    """(the current snapshot, whether the log still holds every change `snapshot` did not see, the ids of the
    positions changed since: at most `limit` + 1), read in one statement, so in one snapshot."""
    return database.execute_sql(
        f"""SELECT pg_current_snapshot()::text,
                   (SELECT xid FROM "{TRIMMED}") < pg_snapshot_xmin(%s::pg_snapshot)::text::bigint,
                   ARRAY(SELECT DISTINCT position_id FROM "{CHANGES}"
                         WHERE xid >= pg_snapshot_xmin(%s::pg_snapshot)::text::bigint
                           AND NOT pg_visible_in_snapshot(xid::text::xid8, %s::pg_snapshot)
                         LIMIT %s)""",
        (snapshot, snapshot, snapshot, limit + 1)).fetchone()


def reread(columns, ids: list[str]) -> None:
    """Read the positions `ids` again into `columns` (a copy of its own): those gone stay cleared."""
    known = [columns.slots[i] for i in ids if i in columns.slots]
    execute = database.execute_sql
    columns.read(execute(f"{ROWS} WHERE p.id = ANY(%s)", (ids,)).fetchall(),
                 execute(f"{LINKS} WHERE t.position_id = ANY(%s)", (ids,)).fetchall(), np.array(known, np.int64))


def read_everything(db, columns) -> int:
    """Every row into the empty `columns`, in one snapshot of a transaction of its own (the log is read from it
    on); returns the data version of that snapshot."""
    with db.atomic(isolation_level="REPEATABLE READ"):  # inside a caller's transaction: a savepoint of it
        version, columns.snapshot = db.execute_sql(
            'SELECT "version", pg_current_snapshot()::text FROM "data_version"').fetchone()
        columns.read(db.execute_sql(ROWS).fetchall(), db.execute_sql(LINKS).fetchall(), np.zeros(0, np.int64))
    return version
