"""Schema version 1, frozen: the tables and indexes as commit b4e97b7 created them (peewee's DDL for the
models of then, plus the newest-first indexes), so migration 1 and databases made before migrations agree.

Never edit this to follow the models: a schema change is a new step in models/migrations.py.
The engines differ only in the auto-increment type, the timestamp type and NULLS LAST (SQLite keeps
NULLs lowest, so its `DESC` already puts them last, but it refuses `NULLS LAST` in CREATE INDEX;
PostgreSQL needs it spelled out to read the list order from the index).
"""
from __future__ import annotations

ENGINE_WORDS = {
    "sqlite": {"AUTO": "INTEGER", "DATETIME": "DATETIME", "DESC": "DESC"},
    "postgresql": {"AUTO": "SERIAL", "DATETIME": "TIMESTAMP", "DESC": "DESC NULLS LAST"},
}

DDL = [
    'CREATE TABLE IF NOT EXISTS "actor" ("code" VARCHAR(64) NOT NULL PRIMARY KEY, "name_en" VARCHAR(255) NOT NULL, '
    '"name_vi" VARCHAR(255), "aliases" TEXT NOT NULL)',
    'CREATE TABLE IF NOT EXISTS "api_key" ("id" {AUTO} NOT NULL PRIMARY KEY, "name" VARCHAR(255) NOT NULL, '
    '"key_hash" VARCHAR(64) NOT NULL, "created_at" {DATETIME} NOT NULL)',
    'CREATE UNIQUE INDEX IF NOT EXISTS "api_key_name" ON "api_key" ("name")',
    'CREATE UNIQUE INDEX IF NOT EXISTS "api_key_key_hash" ON "api_key" ("key_hash")',
    'CREATE TABLE IF NOT EXISTS "person" ("id" {AUTO} NOT NULL PRIMARY KEY, "name" VARCHAR(255) NOT NULL, '
    '"role" VARCHAR(255), "actor_id" VARCHAR(64), '
    'FOREIGN KEY ("actor_id") REFERENCES "actor" ("code") ON DELETE SET NULL)',
    'CREATE UNIQUE INDEX IF NOT EXISTS "person_name" ON "person" ("name")',
    'CREATE INDEX IF NOT EXISTS "person_actor_id" ON "person" ("actor_id")',
    'CREATE TABLE IF NOT EXISTS "source" ("id" VARCHAR(16) NOT NULL PRIMARY KEY, "content_hash" VARCHAR(64) NOT NULL, '
    '"name" VARCHAR(255), "outlet" VARCHAR(255), "title" TEXT, "url" TEXT, "published" DATE, "text" TEXT NOT NULL, '
    '"ingested_at" {DATETIME} NOT NULL)',
    'CREATE UNIQUE INDEX IF NOT EXISTS "source_content_hash" ON "source" ("content_hash")',
    'CREATE INDEX IF NOT EXISTS "source_published" ON "source" ("published")',
    'CREATE TABLE IF NOT EXISTS "position" ("id" VARCHAR(16) NOT NULL PRIMARY KEY, "source_id" VARCHAR(16) NOT NULL, '
    '"actor_id" VARCHAR(64) NOT NULL, "speaker_id" INTEGER, "speaker_role" VARCHAR(255), "kind" VARCHAR(16) NOT NULL, '
    '"text" TEXT NOT NULL, "quote" TEXT, "said_on" VARCHAR(10), "date_precision" VARCHAR(8) NOT NULL, '
    '"said_from" DATE, "start" INTEGER NOT NULL, "end" INTEGER NOT NULL, "targets" TEXT NOT NULL, '
    '"topics" TEXT NOT NULL, "rebuts_id" VARCHAR(16), "search_text" TEXT NOT NULL, '
    'FOREIGN KEY ("source_id") REFERENCES "source" ("id") ON DELETE CASCADE, '
    'FOREIGN KEY ("actor_id") REFERENCES "actor" ("code"), FOREIGN KEY ("speaker_id") REFERENCES "person" ("id"), '
    'FOREIGN KEY ("rebuts_id") REFERENCES "position" ("id") ON DELETE SET NULL)',
    'CREATE INDEX IF NOT EXISTS "position_source_id" ON "position" ("source_id")',
    'CREATE INDEX IF NOT EXISTS "position_actor_id" ON "position" ("actor_id")',
    'CREATE INDEX IF NOT EXISTS "position_speaker_id" ON "position" ("speaker_id")',
    'CREATE INDEX IF NOT EXISTS "position_rebuts_id" ON "position" ("rebuts_id")',
    'CREATE INDEX IF NOT EXISTS "position_source_id_start" ON "position" ("source_id", "start")',
    'CREATE TABLE IF NOT EXISTS "position_target" ("position_id" VARCHAR(16) NOT NULL, "actor_id" VARCHAR(64) NOT NULL, '
    'FOREIGN KEY ("position_id") REFERENCES "position" ("id") ON DELETE CASCADE, '
    'FOREIGN KEY ("actor_id") REFERENCES "actor" ("code"))',
    'CREATE INDEX IF NOT EXISTS "position_target_position_id" ON "position_target" ("position_id")',
    'CREATE INDEX IF NOT EXISTS "position_target_actor_id" ON "position_target" ("actor_id")',
    'CREATE UNIQUE INDEX IF NOT EXISTS "position_target_actor_id_position_id" ON "position_target" '
    '("actor_id", "position_id")',
    'CREATE TABLE IF NOT EXISTS "topic" ("code" VARCHAR(64) NOT NULL PRIMARY KEY, '
    '"label" VARCHAR(255) NOT NULL)',
    'CREATE TABLE IF NOT EXISTS "position_topic" ("position_id" VARCHAR(16) NOT NULL, "topic_id" VARCHAR(64) NOT NULL, '
    'FOREIGN KEY ("position_id") REFERENCES "position" ("id") ON DELETE CASCADE, '
    'FOREIGN KEY ("topic_id") REFERENCES "topic" ("code"))',
    'CREATE INDEX IF NOT EXISTS "position_topic_position_id" ON "position_topic" ("position_id")',
    'CREATE INDEX IF NOT EXISTS "position_topic_topic_id" ON "position_topic" ("topic_id")',
    'CREATE UNIQUE INDEX IF NOT EXISTS "position_topic_topic_id_position_id" ON "position_topic" '
    '("topic_id", "position_id")',
    # newest-first: the list order (said_from DESC NULLS LAST, id) read from an index, after each filter
    'CREATE INDEX IF NOT EXISTS "position_newest" ON "position" ("said_from" {DESC}, "id")',
    'CREATE INDEX IF NOT EXISTS "position_actor_newest" ON "position" ("actor_id", "said_from" {DESC}, "id")',
    'CREATE INDEX IF NOT EXISTS "position_kind_newest" ON "position" ("kind", "said_from" {DESC}, "id")',
    'CREATE INDEX IF NOT EXISTS "position_actor_kind_newest" ON "position" '
    '("actor_id", "kind", "said_from" {DESC}, "id")',
]


def statements(engine: str) -> list[str]:
    """The version-1 DDL for "sqlite" or "postgresql"."""
    words = ENGINE_WORDS[engine]
    return [sql.format(**words) for sql in DDL]
