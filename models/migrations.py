"""Schema migrations: numbered, named steps, applied in order, recorded in the `schema_version` table.

`migrate()` (run by models.create_tables(): the seed script, the corpus builder, every API worker at
start) brings any database up to date in one transaction, serialized between processes (SQLite: the
write lock taken up front; PostgreSQL: an advisory lock), so concurrent starts apply each step once.
A database made before migrations existed (tables, no `schema_version`) is version 1; a database whose
tables were dropped (tests, `build_corpus.py --replace`) starts again from 0.

To change the schema, append a step; never edit an applied one (version 1 is frozen in schema_v1.py).
"""
from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass
from typing import Callable

from . import facet_columns, facet_columns_pg, facet_table, facet_topic_table, schema_v1
from .claims import regroup_all
from .database import database, is_sqlite

log = logging.getLogger(__name__)

MIGRATION_LOCK = 0x706F7369  # pg_advisory_xact_lock key ("posi"), with the schema's hash as the second
SEARCH_TABLE = "position_search"  # SQLite: the FTS5 index of position.search_text
SEARCH_INDEX = "position_search_trgm"  # PostgreSQL: the trigram index of position.search_text


@dataclass(frozen=True)
class Migration:
    version: int
    name: str
    apply: Callable[[str], None]  # called with the engine: "sqlite" or "postgresql"


def _initial_schema(engine: str) -> None:
    for sql in schema_v1.statements(engine):
        database.execute_sql(sql)


def _search_index(engine: str) -> None:
    """Substring search of position.search_text through trigrams, the one index both engines have
    for `word anywhere in the text` (queries.py states the semantics)."""
    if engine == "sqlite":
        _sqlite_search_table()
    else:
        _postgres_trigram_index()


def _sqlite_search_table() -> None:
    # external content: the index reads the text from position by rowid (VACUUM keeps the rowids of a
    # table whose rows are never renumbered by hand); triggers keep it in step with every write path
    for sql in (
        f'DROP TABLE IF EXISTS "{SEARCH_TABLE}"',  # a stale one outlives position when tables are dropped
        f"""CREATE VIRTUAL TABLE "{SEARCH_TABLE}" USING fts5(search_text, content='position',
            content_rowid='rowid', tokenize='trigram case_sensitive 1')""",
        'DROP TRIGGER IF EXISTS "position_search_insert"',
        f"""CREATE TRIGGER "position_search_insert" AFTER INSERT ON "position" BEGIN
            INSERT INTO "{SEARCH_TABLE}"(rowid, search_text) VALUES (new.rowid, new.search_text); END""",
        'DROP TRIGGER IF EXISTS "position_search_delete"',
        f"""CREATE TRIGGER "position_search_delete" AFTER DELETE ON "position" BEGIN
            INSERT INTO "{SEARCH_TABLE}"("{SEARCH_TABLE}", rowid, search_text)
            VALUES ('delete', old.rowid, old.search_text); END""",
        'DROP TRIGGER IF EXISTS "position_search_update"',
        f"""CREATE TRIGGER "position_search_update" AFTER UPDATE OF search_text ON "position" BEGIN
            INSERT INTO "{SEARCH_TABLE}"("{SEARCH_TABLE}", rowid, search_text)
            VALUES ('delete', old.rowid, old.search_text);
            INSERT INTO "{SEARCH_TABLE}"(rowid, search_text) VALUES (new.rowid, new.search_text); END""",
        f"""INSERT INTO "{SEARCH_TABLE}"("{SEARCH_TABLE}") VALUES ('rebuild')""",  # the rows already there
    ):
        database.execute_sql(sql)


def _postgres_trigram_index() -> None:
    schema = _pg_trgm_schema()
    if schema is None:  # the extension is one per database: the lock of the database, not the schema
        database.execute_sql("SELECT pg_advisory_xact_lock(%s)", (MIGRATION_LOCK,))
        # in public, not the first schema of search_path: dropping a private schema (the tests') must not
        # drop the extension that other schemas' indexes use
        database.execute_sql("CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public")
        schema = _pg_trgm_schema()
    database.execute_sql(f'CREATE INDEX IF NOT EXISTS "{SEARCH_INDEX}" ON "position" '
                         f'USING gin ("search_text" "{schema}".gin_trgm_ops)')


def _pg_trgm_schema() -> str | None:
    row = database.execute_sql("SELECT extnamespace::regnamespace::text FROM pg_extension "
                               "WHERE extname = 'pg_trgm'").fetchone()
    return row[0].strip('"') if row else None


VERSIONED_TABLES = ("position", "source", "position_target", "position_topic")  # what list totals count
# what list pages also show (names of actors and speakers): cached whole pages are kept under the version too
SHOWN_TABLES = ("actor", "person")


def _data_version(engine: str) -> None:
    """A counter every committed write to the counted tables moves on: list totals are cached per
    process under it (queries.count), so every worker and server sees a write at its next request."""
    bigint = "INTEGER" if engine == "sqlite" else "BIGINT"
    database.execute_sql(f'CREATE TABLE IF NOT EXISTS "data_version" ("id" INTEGER NOT NULL PRIMARY KEY '
                         f'CHECK ("id" = 1), "version" {bigint} NOT NULL)')
    # starts at the clock, in microseconds: a table made again never repeats a version an old cache holds
    start = int(dt.datetime.now(dt.timezone.utc).timestamp() * 1_000_000)
    database.execute_sql(f'INSERT INTO "data_version" ("id", "version") SELECT 1, {start} '
                         'WHERE NOT EXISTS (SELECT 1 FROM "data_version")')
    if engine == "sqlite":
        _version_triggers(engine, VERSIONED_TABLES)
        return
    # PostgreSQL: deferred to the commit, once per transaction, so the row lock is the writer's last
    # (taken earlier, two ingests that also insert the same new actor could deadlock on it)
    database.execute_sql('ALTER TABLE "data_version" ADD COLUMN IF NOT EXISTS "bumped_by" xid8')
    database.execute_sql("""CREATE OR REPLACE FUNCTION bump_data_version() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            UPDATE "data_version" SET "version" = "version" + 1, "bumped_by" = pg_current_xact_id()
            WHERE "bumped_by" IS DISTINCT FROM pg_current_xact_id();
            RETURN NULL;
        END $$""")
    _version_triggers(engine, VERSIONED_TABLES)


def _version_triggers(engine: str, tables) -> None:
    """Every committed write to `tables` moves the data version on."""
    if engine == "sqlite":  # one writer at a time: the row is never contended
        for table in tables:
            for event in ("INSERT", "UPDATE", "DELETE"):
                trigger = f"{table}_{event.lower()}_bumps_version"
                database.execute_sql(f'DROP TRIGGER IF EXISTS "{trigger}"')
                database.execute_sql(f'CREATE TRIGGER "{trigger}" AFTER {event} ON "{table}" BEGIN '
                                     'UPDATE "data_version" SET "version" = "version" + 1; END')
        return
    for table in tables:  # deferred to the commit, once per transaction (bump_data_version)
        trigger = f"{table}_bumps_version"
        database.execute_sql(f'DROP TRIGGER IF EXISTS "{trigger}" ON "{table}"')
        database.execute_sql(f'CREATE CONSTRAINT TRIGGER "{trigger}" AFTER INSERT OR UPDATE OR DELETE ON "{table}" '
                             'DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_data_version()')


def _shown_tables_versioned(engine: str) -> None:
    """Writes to actors and people (their names and roles, which list pages show) move the data version on:
    whole pages are cached under it (api/response_cache.py), as the actor-name table already was."""
    _version_triggers(engine, SHOWN_TABLES)


def _rate_limit_counts(engine: str) -> None:
    """Write counts per API key and window, shared by every worker and server (models/ratelimits.py)."""
    real = "REAL" if engine == "sqlite" else "DOUBLE PRECISION"
    database.execute_sql('CREATE TABLE IF NOT EXISTS "rate_limit" ("key" VARCHAR(255) NOT NULL PRIMARY KEY, '
                         f'"hits" INTEGER NOT NULL, "expires_at" {real} NOT NULL)')


def _ingest_jobs(engine: str) -> None:
    """Batches of submitted articles (POST /articles/batch) and each article's outcome, in the database so
    that any API server can answer for any job and any worker can take any article (models/jobs.py)."""
    auto, datetime = ("INTEGER", "DATETIME") if engine == "sqlite" else ("SERIAL", "TIMESTAMP")
    for sql in (
        f'CREATE TABLE IF NOT EXISTS "ingest_job" ("id" VARCHAR(32) NOT NULL PRIMARY KEY, '
        f'"created_at" {datetime} NOT NULL, "submitted" INTEGER NOT NULL)',
        # article: the submitted fields as JSON, emptied once stored (the text then lives in source)
        f'CREATE TABLE IF NOT EXISTS "ingest_item" ("id" {auto} NOT NULL PRIMARY KEY, '
        '"job_id" VARCHAR(32) NOT NULL, "line" INTEGER NOT NULL, "status" VARCHAR(16) NOT NULL, '
        '"article" TEXT NOT NULL, "source_id" VARCHAR(16), "error" TEXT, "attempts" INTEGER NOT NULL, '
        f'"lease_until" {datetime}, "finished_at" {datetime}, '
        'FOREIGN KEY ("job_id") REFERENCES "ingest_job" ("id") ON DELETE CASCADE)',
        'CREATE UNIQUE INDEX IF NOT EXISTS "ingest_item_job_id_line" ON "ingest_item" ("job_id", "line")',
        # the embedded runner's question: the next article waiting (or whose worker's lease ran out)
        'CREATE INDEX IF NOT EXISTS "ingest_item_status_id" ON "ingest_item" ("status", "id")',
    ):
        database.execute_sql(sql)


def _claims_and_ingestion_order(engine: str) -> None:
    """position.claim_id and the claim table of their counts (models/claims.py groups the rows already
    there), and position.ingest_seq, the ingestion cursor's key (models/ingest.py; rows already there are
    older than any cursor: 0)."""
    database.execute_sql('CREATE TABLE IF NOT EXISTS "claim" ("id" VARCHAR(16) NOT NULL PRIMARY KEY, '
                         '"actor_id" VARCHAR(64) NOT NULL REFERENCES "actor" ("code"), '
                         '"appearance_count" INTEGER NOT NULL, "source_count" INTEGER NOT NULL, '
                         '"outlet_count" INTEGER NOT NULL, "outlets" TEXT NOT NULL DEFAULT \'[]\', '
                         '"first_seen" DATE, "last_seen" DATE)')
    # GET /claims' default order, and one party's claims in it
    database.execute_sql('CREATE INDEX IF NOT EXISTS "claim_most_outlets" ON "claim" '
                         '("outlet_count" DESC, "source_count" DESC, "first_seen", "id")')
    database.execute_sql('CREATE INDEX IF NOT EXISTS "claim_actor" ON "claim" ("actor_id")')
    database.execute_sql('ALTER TABLE "position" ADD COLUMN "claim_id" VARCHAR(16)')
    database.execute_sql('ALTER TABLE "position" ADD COLUMN "ingest_seq" BIGINT NOT NULL DEFAULT 0')
    database.execute_sql('CREATE INDEX IF NOT EXISTS "position_claim_id" ON "position" ("claim_id")')
    database.execute_sql('CREATE INDEX IF NOT EXISTS "position_ingested" ON "position" ("ingest_seq", "id")')
    regroup_all()


def _ranking_words(engine: str) -> None:
    """position.ranking_words: whole words as written and folded, which relevance ranks by (queries.py):
    the exact spelling and whole words first. Filled here for the rows already stored."""
    from .text import ranking_words

    if engine == "postgresql":  # an earlier step's row updates left deferred triggers, which ALTER TABLE refuses
        database.execute_sql("SET CONSTRAINTS ALL IMMEDIATE")
    database.execute_sql('ALTER TABLE "position" ADD COLUMN "ranking_words" TEXT NOT NULL DEFAULT \'\'')
    rows = database.execute_sql('SELECT p."id", p."text", p."quote", pe."name" FROM "position" p '
                                'LEFT OUTER JOIN "person" pe ON pe."id" = p."speaker_id"').fetchall()
    update = f'UPDATE "position" SET "ranking_words" = {_param()} WHERE "id" = {_param()}'
    for pid, text, quote, speaker in rows:
        database.execute_sql(update, (ranking_words(" ".join(filter(None, [text, quote, speaker]))), pid))


def _facet_counts(engine: str) -> None:
    """Facets (models/facets.py) read the matching rows' facet columns from covering indexes, not from the
    wide rows; lists filtered by actor and kind alone sum counts kept by triggers (facet_table)."""
    if engine == "postgresql":  # an earlier step's row updates left deferred triggers, which CREATE INDEX refuses
        database.execute_sql("SET CONSTRAINTS ALL IMMEDIATE")
    database.execute_sql('CREATE INDEX IF NOT EXISTS "position_facets" ON "position" '
                         '("id", "actor_id", "kind", "said_from", "source_id", "speaker_id")')
    # the list order's index for actor and kind, widened to hold the facet columns: it replaces the narrow one
    desc = "DESC" if engine == "sqlite" else "DESC NULLS LAST"
    database.execute_sql('CREATE INDEX IF NOT EXISTS "position_actor_kind_facets" ON "position" '
                         f'("actor_id", "kind", "said_from" {desc}, "id", "source_id", "speaker_id")')
    database.execute_sql('DROP INDEX IF EXISTS "position_actor_kind_newest"')
    database.execute_sql('CREATE INDEX IF NOT EXISTS "source_outlet" ON "source" ("id", "outlet")')
    database.execute_sql('CREATE INDEX IF NOT EXISTS "position_topic_facets" ON "position_topic" '
                         '("position_id", "topic_id")')
    database.execute_sql('DROP INDEX IF EXISTS "position_topic_position_id"')  # the one above serves its lookups
    for sql in facet_table.create(engine):
        database.execute_sql(sql)
    if engine == "sqlite":
        # where the planner has statistics (an ANALYZEd corpus), give it the new indexes' too: without them it
        # prefers the older single-column ones and reads the wide rows
        if _table_exists("sqlite_stat1"):
            for index in ("position_facets", "position_actor_kind_facets", "source_outlet", "position_topic_facets"):
                database.execute_sql(f'ANALYZE "{index}"')


def _facet_counts_by_topic(engine: str) -> None:
    """Lists filtered by one topic (and optionally actor and kind) sum counts kept per topic by triggers
    (facet_topic_table), as lists filtered by actor and kind alone sum facet_count's."""
    if engine == "postgresql":  # an earlier step's row updates left deferred triggers, which DDL may refuse
        database.execute_sql("SET CONSTRAINTS ALL IMMEDIATE")
    for sql in facet_topic_table.create(engine):
        database.execute_sql(sql)
    if engine == "sqlite" and _table_exists("sqlite_stat1"):  # statistics beside the others' (migration 9)
        database.execute_sql(f'ANALYZE "{facet_topic_table.TABLE}"')


def _facet_change_log(engine: str) -> None:
    """SQLite processes keep facet columns in memory (models/facet_columns.py), told by this log which rows
    changed in place (PostgreSQL counted in SQL then: its log is migration 12's)."""
    if engine == "sqlite":
        for sql in facet_columns.change_log(facet_columns.WATCHED_BEFORE_13):
            database.execute_sql(sql)


def _facet_change_log_postgres(engine: str) -> None:
    """PostgreSQL processes keep the facet columns in memory too, with the search texts (models/facet_columns.py),
    told by this log which positions changed (models/facet_columns_pg.py)."""
    if engine == "postgresql":
        database.execute_sql("SET CONSTRAINTS ALL IMMEDIATE")  # deferred triggers pending refuse DDL
        for sql in facet_columns_pg.change_log():
            database.execute_sql(sql)


def _facet_change_log_precision(engine: str) -> None:
    """The in-memory columns apply the since filter, which reads the date's precision, and match words shorter
    than a trigram over the search texts: SQLite's log follows both (PostgreSQL's, from migration 12, did)."""
    if engine == "sqlite":
        for sql in facet_columns.change_log():
            database.execute_sql(sql)


MIGRATIONS = [
    Migration(1, "initial schema (commit b4e97b7)", _initial_schema),
    Migration(2, "text search index on position.search_text", _search_index),
    Migration(3, "data version for cached list totals", _data_version),
    Migration(4, "shared rate-limit counts", _rate_limit_counts),
    Migration(5, "ingest jobs and their articles (POST /articles/batch)", _ingest_jobs),
    Migration(6, "claims and the ingestion cursor", _claims_and_ingestion_order),
    Migration(7, "position.ranking_words for relevance ranking", _ranking_words),
    Migration(8, "actors and people move the data version", _shown_tables_versioned),
    Migration(9, "facet counts and covering indexes", _facet_counts),
    Migration(10, "facet counts per topic", _facet_counts_by_topic),
    Migration(11, "facet change log for the in-memory facet columns", _facet_change_log),
    Migration(12, "facet change log on PostgreSQL", _facet_change_log_postgres),
    Migration(13, "facet change log follows the date's precision and the search text", _facet_change_log_precision),
]
LATEST = MIGRATIONS[-1].version


def migrate(target: int = LATEST) -> int:
    """Apply the steps after the database's version up to `target`; return the version reached."""
    if (recorded := _recorded_version()) is not None and recorded >= target:
        return recorded  # up to date: nothing written, no lock taken (a read-only database serves reads)
    engine = "sqlite" if is_sqlite() else "postgresql"
    db = database.obj
    with (db.atomic(lock_type="IMMEDIATE") if engine == "sqlite" else db.atomic()):
        if engine == "postgresql":  # per schema: databases shared by schemas (the tests') do not queue
            database.execute_sql("SELECT pg_advisory_xact_lock(%s, hashtext(current_schema()))", (MIGRATION_LOCK,))
        database.execute_sql('CREATE TABLE IF NOT EXISTS "schema_version" ("version" INTEGER NOT NULL PRIMARY KEY, '
                             '"name" VARCHAR(255) NOT NULL, "applied_at" VARCHAR(32) NOT NULL)')
        current = current_version()
        for step in MIGRATIONS:
            if current < step.version <= target:
                log.info("applying migration %d: %s", step.version, step.name)
                step.apply(engine)
                database.execute_sql('INSERT INTO "schema_version" ("version", "name", "applied_at") '
                                     f'VALUES ({_param()}, {_param()}, {_param()})',
                                     (step.version, step.name, dt.datetime.now(dt.timezone.utc).isoformat()))
                current = step.version
    return current


def _recorded_version() -> int | None:
    """The version schema_version records, read without writing; None when it cannot tell."""
    if not (_table_exists("schema_version") and _table_exists("position")):
        return None
    return database.execute_sql('SELECT MAX("version") FROM "schema_version"').fetchone()[0]


def current_version() -> int:
    """The version the database is at (call inside migrate's lock to act on it)."""
    if not _table_exists("position"):
        if _table_exists("schema_version"):
            database.execute_sql('DELETE FROM "schema_version"')  # its tables were dropped: start again
        return 0
    if _table_exists("schema_version"):
        row = database.execute_sql('SELECT MAX("version") FROM "schema_version"').fetchone()
        if row[0] is not None:
            return row[0]
    return 1  # tables made before migrations: version 1 by definition


def _table_exists(name: str) -> bool:
    if is_sqlite():
        sql = "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?"
    else:
        sql = "SELECT to_regclass(quote_ident(%s)) IS NOT NULL"  # in the search_path, like the queries
    row = database.execute_sql(sql, (name,)).fetchone()
    return bool(row and row[0])


def _param() -> str:
    return "?" if is_sqlite() else "%s"
