"""Schema migrations on both engines: a database made by the version-1 code keeps every row, and gains
the text search, when the current code starts on it.

The old database is built from the frozen version-1 DDL (models/schema_v1.py, as commit b4e97b7 made
it, with no schema_version table) and filled with plain SQL, never through today's models.
"""
from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys

import pytest

from conftest import POSTGRES_URL, ROOT, private_schema, require_postgres

import models
from models import fold, migrations, schema_v1

ACTORS = [("RUSSIA", "Russia", "Nga", '["Moscow"]'), ("NATO", "NATO", None, "[]"), ("US", "United States", "Mỹ", "[]")]
TOPICS = [("diplomacy", "Diplomacy"), ("security", "Security")]
SOURCES = [("aaaaaaaaaaaaaaaa", "a" * 64, "old-one.txt", "VTC", "Đàm phán an ninh", None, dt.date(2022, 1, 10),
            "Nga yêu cầu đàm phán về an ninh. NATO bác bỏ.", dt.datetime(2022, 1, 11, 8, 0)),
           ("bbbbbbbbbbbbbbbb", "b" * 64, None, "VnExpress", "Mỹ cảnh báo", "https://example.vn/b", None,
            "Mỹ cảnh báo Nga về hậu quả. Điện Kremlin phản đối.", dt.datetime(2022, 1, 12, 9, 30))]
POSITIONS = [
    # id, source, actor, kind, text, quote, said_on, precision, said_from, start, end, targets, topics, rebuts
    ("1000000000000001", "aaaaaaaaaaaaaaaa", "RUSSIA", "demand", "Nga yêu cầu đàm phán về an ninh.", None,
     "2022-01-10", "day", dt.date(2022, 1, 10), 0, 32, '["NATO"]', '["diplomacy", "security"]', None),
    ("1000000000000002", "aaaaaaaaaaaaaaaa", "NATO", "rebuttal", "NATO bác bỏ.", "Chúng tôi bác bỏ đề nghị 50%_x",
     "2022-01", "month", dt.date(2022, 1, 1), 33, 45, '["RUSSIA"]', '["security"]', "1000000000000001"),
    ("1000000000000003", "bbbbbbbbbbbbbbbb", "US", "warning", "Mỹ cảnh báo Nga về hậu quả.", "ĐÀM PHÁN hay trả giá",
     None, "unknown", None, 0, 27, '["RUSSIA"]', "[]", None),
    ("1000000000000004", "bbbbbbbbbbbbbbbb", "RUSSIA", "rebuttal", "Điện Kremlin phản đối.", None,
     "2022-01-12", "day", dt.date(2022, 1, 12), 28, 50, '["US"]', '["diplomacy"]', "1000000000000003"),
]
SPEAKER = "Sergei Lavrov"
# queries the tests run, and what they must find: every folded word inside the folded text, quote, speaker
SEARCHES = ["đàm phán", "dam PHAN", "nga", "lavrov", "my", "an", "phan doi", "kremlin phan", "50%_x", "%", "_",
            "hau qua nga", "ninh", "xyz", "dien"]


def search_text(position) -> str:
    speaker = SPEAKER if position[0] == "1000000000000001" else None
    return fold(" ".join(filter(None, [position[4], position[5], speaker])))


def expected_ids(q: str) -> set[str]:
    words = fold(q).split()
    return {p[0] for p in POSITIONS if all(w in search_text(p) for w in words)}


@pytest.fixture(params=["sqlite", "postgresql"])
def empty_database(request, tmp_path):
    """(url, engine) of an empty database: a new SQLite file, or a PostgreSQL schema of its own."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'positions.sqlite3'}", "sqlite"
        return
    require_postgres()
    with private_schema(POSTGRES_URL) as url:
        yield url, "postgresql"


@pytest.fixture()
def old_database(empty_database):
    """(url, engine) of a database with the version-1 schema and rows, as the old code left it."""
    build_version_1(*empty_database)
    return empty_database


def build_version_1(url: str, engine: str) -> None:
    db = models.bind(url)
    p = "?" if engine == "sqlite" else "%s"

    def insert(table: str, columns: str, rows) -> None:
        placeholders = ", ".join([p] * len(columns.split(",")))
        for row in rows:
            db.execute_sql(f'INSERT INTO "{table}" ({columns}) VALUES ({placeholders})', row)

    with db.connection_context(), db.atomic():
        for sql in schema_v1.statements(engine):
            db.execute_sql(sql)
        insert("actor", '"code", "name_en", "name_vi", "aliases"', ACTORS)
        insert("topic", '"code", "label"', TOPICS)
        insert("person", '"name", "role", "actor_id"', [(SPEAKER, "Ngoại trưởng", "RUSSIA")])
        speaker_id = db.execute_sql('SELECT "id" FROM "person"').fetchone()[0]
        insert("source", '"id", "content_hash", "name", "outlet", "title", "url", "published", "text", "ingested_at"',
               SOURCES)
        insert("position", '"id", "source_id", "actor_id", "speaker_id", "kind", "text", "quote", "said_on", '
                           '"date_precision", "said_from", "start", "end", "targets", "topics", "search_text"',
               [(x[0], x[1], x[2], speaker_id if x[0].endswith("1") else None, *x[3:13], search_text(x))
                for x in POSITIONS])
        for x in POSITIONS:  # rebuttals point at rows inserted above
            if x[13]:
                db.execute_sql(f'UPDATE "position" SET "rebuts_id" = {p} WHERE "id" = {p}', (x[13], x[0]))
        insert("position_target", '"position_id", "actor_id"',
               [(x[0], t) for x in POSITIONS for t in json.loads(x[11])])
        insert("position_topic", '"position_id", "topic_id"', [(x[0], t) for x in POSITIONS for t in json.loads(x[12])])
    db.close()


# columns later steps add to version-1 tables: migration 4 (test_claims_are_grouped_on_migration checks them),
# migration 5 (filled, checked below)
ADDED_COLUMNS = {"claim_id", "ingest_seq", "ranking_words"}


def table_rows(db) -> dict[str, list[tuple]]:
    """Every row of every version-1 table, its version-1 columns, in a stable order (dates as ISO text: engines
    differ in types)."""
    rows = {}
    for table in ("actor", "topic", "person", "source", "position", "position_target", "position_topic"):
        cursor = db.execute_sql(f'SELECT * FROM "{table}"')
        names = [c[0] for c in cursor.description]
        rows[table] = sorted(tuple(sorted((n, str(v)[:19]) for n, v in zip(names, row) if n not in ADDED_COLUMNS))
                             for row in cursor.fetchall())
    return rows


def test_an_old_database_keeps_every_row_and_gains_search(old_database):
    url, engine = old_database
    db = models.bind(url)
    with db.connection_context():
        before = table_rows(db)
        assert migrations.current_version() == 1  # tables without schema_version: made by the old code
        assert migrations.migrate() == migrations.LATEST
        assert table_rows(db) == before
        # migration 4 groups the rows already there: each in a claim, older than any ingestion cursor
        grouped = db.execute_sql('SELECT "id", "claim_id", "ingest_seq" FROM "position"').fetchall()
        assert grouped and all(claim and seq == 0 for _, claim, seq in grouped)
        versions = [r[0] for r in db.execute_sql('SELECT "version" FROM "schema_version" ORDER BY 1')]
        assert versions == [v for v in range(2, migrations.LATEST + 1)]
        assert migrations.migrate() == migrations.LATEST  # idempotent: nothing left to apply
        assert table_rows(db) == before
        ranked = dict(db.execute_sql('SELECT "id", "ranking_words" FROM "position"').fetchall())
        assert ranked and all(" | " in words and words.strip() for words in ranked.values())  # filled for old rows
    db.close()

    from api import create_app

    client = create_app({"DATABASE_URL": url}).test_client()
    for q in SEARCHES:
        body = client.get("/positions", query_string={"q": q, "per_page": 100}).get_json()
        assert {p["id"] for p in body["items"]} == expected_ids(q), (engine, q)
        assert body["total"] == len(expected_ids(q)), (engine, q)
    assert expected_ids("dam phan") == {"1000000000000001", "1000000000000003"}  # the test's own premise
    detail = client.get("/sources/aaaaaaaaaaaaaaaa").get_json()
    assert [p["id"] for p in detail["positions"]] == ["1000000000000001", "1000000000000002"]
    rebuttals = client.get("/rebuttals?per_page=100").get_json()["items"]
    assert {r["id"]: r["rebutted"]["id"] for r in rebuttals} == {"1000000000000002": "1000000000000001",
                                                                 "1000000000000004": "1000000000000003"}


def test_kept_facet_counts_are_filled_from_the_rows_already_there(old_database):
    """Migrations 9 and 10 fill the counts they keep from the old rows, exactly (tests/test_facet_counts.py
    follows them through writes)."""
    from models import facet_table, facet_topic_table

    url, engine = old_database
    db = models.bind(url)
    with db.connection_context():
        migrations.migrate()
        for table, key in ((facet_table, "facet, actor_id, kind, value"),
                           (facet_topic_table, "topic_id, facet, actor_id, kind, value")):
            kept = db.execute_sql(f'SELECT {key}, n FROM "{table.TABLE}" ORDER BY {key}').fetchall()
            fresh = db.execute_sql(f"SELECT {key}, COUNT(*) FROM ({table.every_value(engine)}) AS v "
                                   f"WHERE value IS NOT NULL GROUP BY {key} ORDER BY {key}").fetchall()
            assert kept == fresh and kept, table.TABLE
        # the old rows' pairs of topics: position 1 has diplomacy and security, 2 security, 4 diplomacy
        pairs = db.execute_sql(f'SELECT topic_id, value, SUM(n) FROM "{facet_topic_table.TABLE}" '
                               "WHERE facet = 'topic' GROUP BY 1, 2 ORDER BY 1, 2").fetchall()
        assert pairs == [("diplomacy", "diplomacy", 2), ("diplomacy", "security", 1),
                         ("security", "diplomacy", 1), ("security", "security", 2)]
    db.close()


def test_search_follows_inserts_updates_and_deletes(old_database):
    url, engine = old_database
    db = models.bind(url)
    from models import Position, Source, queries

    def search(q):
        return sorted(p.id for p in queries.matching_positions(q=q))

    with db.connection_context():
        models.create_tables()
        Position.update(search_text=fold("NATO: thượng đỉnh Geneva")).where(Position.id == "1000000000000002").execute()
        assert search("thuong dinh") == ["1000000000000002"]
        assert search("bac bo") == []  # its old text is gone from the index
        text = "NATO sẵn sàng đối thoại tại Geneva."
        Position.create(id="1000000000000005", source="bbbbbbbbbbbbbbbb", actor="NATO", kind="statement", text=text,
                        date_precision="unknown", start=51, end=80, targets=[], topics=[], search_text=fold(text))
        assert search("geneva") == ["1000000000000002", "1000000000000005"]
        Source.delete().where(Source.id == "aaaaaaaaaaaaaaaa").execute()  # its positions go by cascade
        assert search("geneva") == ["1000000000000005"]
        assert search("nga") == ["1000000000000003"]
        assert search("dam phan") == ["1000000000000003"]
        if engine == "sqlite":  # the FTS index agrees with its content table
            db.execute_sql(f"INSERT INTO {migrations.SEARCH_TABLE}({migrations.SEARCH_TABLE}) "
                           "VALUES ('integrity-check')")
    db.close()


def test_a_new_database_has_every_column_the_models_use(empty_database):
    """Migrations, not the models, make the schema: a model field without a step to add it fails here."""
    db = models.bind(empty_database[0])
    with db.connection_context():
        models.create_tables()
        for model in models.ALL_MODELS:
            cursor = db.execute_sql(f'SELECT * FROM "{model._meta.table_name}" WHERE 1 = 0')
            assert {c[0] for c in cursor.description} == {f.column_name for f in model._meta.sorted_fields}
    db.close()


def test_dropped_tables_are_made_again(empty_database):
    """Tests and build_corpus.py --replace drop the tables but not schema_version: start again from 0."""
    url, _ = empty_database
    db = models.bind(url)
    with db.connection_context():
        models.create_tables()
        db.drop_tables(models.ALL_MODELS, cascade=not url.startswith("sqlite"))
        assert migrations.current_version() == 0
        models.create_tables()
        from models import queries

        assert queries.matching_positions(q="nga").count() == 0
    db.close()


MIGRATE = "import sys, models; from models.migrations import migrate; models.bind(sys.argv[1]); print(migrate())"


def test_concurrent_starts_apply_each_step_once(empty_database):
    """Workers starting together on a new database: the lock lets one migrate, the others find it done."""
    url, _ = empty_database
    runs = [subprocess.Popen([sys.executable, "-c", MIGRATE, url], cwd=ROOT, stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, text=True) for _ in range(3)]
    outputs = [run.communicate(timeout=120) for run in runs]
    assert [run.returncode for run in runs] == [0, 0, 0], [err[-1500:] for _, err in outputs]
    assert [out.strip() for out, _ in outputs] == [str(migrations.LATEST)] * 3
    db = models.bind(url)
    with db.connection_context():
        versions = [r[0] for r in db.execute_sql('SELECT "version" FROM "schema_version" ORDER BY 1')]
    db.close()
    assert versions == list(range(1, migrations.LATEST + 1))


def raw_connection(url: str, engine: str):
    """A connection of the driver's own, as another worker or server has: not the one queries.count uses."""
    if engine == "sqlite":
        import sqlite3

        connection = sqlite3.connect(url[len("sqlite:///"):], isolation_level=None)
        connection.execute("PRAGMA foreign_keys = ON")
        return connection, "?"
    import psycopg2

    connection = psycopg2.connect(url.replace("postgresql://", "postgres://", 1))
    connection.autocommit = True
    return connection, "%s"


def test_cached_totals_follow_writes_made_elsewhere(old_database):
    url, engine = old_database
    db = models.bind(url)
    from models import queries

    lists = {"all": queries.matching_positions(), "nato": queries.matching_positions(actors=["NATO"]),
             "diplomacy": queries.matching_positions(topics=["diplomacy"]),
             "targets us": queries.matching_positions(targets=["US"]), "q=nga": queries.matching_positions(q="nga")}

    def totals():
        return {name: queries.count(query) for name, query in lists.items()}

    other, p = raw_connection(url, engine)
    with db.connection_context():
        models.create_tables()
        first = {"all": 4, "nato": 1, "diplomacy": 2, "targets us": 1, "q=nga": 2}
        assert totals() == first
        assert totals() == first  # unchanged data: the cached totals
        writes = [
            (f'INSERT INTO "position_topic" ("position_id", "topic_id") VALUES ({p}, {p})',
             ("1000000000000002", "diplomacy"), {"diplomacy": 3}),
            (f'UPDATE "position" SET "actor_id" = {p} WHERE "id" = {p}', ("NATO", "1000000000000004"), {"nato": 2}),
            (f'UPDATE "position" SET "search_text" = {p} WHERE "id" = {p}', ("my canh bao", "1000000000000003"),
             {"q=nga": 1}),
            (f'DELETE FROM "position_target" WHERE "actor_id" = {p}', ("US",), {"targets us": 0}),
            (f'DELETE FROM "source" WHERE "id" = {p}', ("bbbbbbbbbbbbbbbb",),  # cascades to its positions
             {"all": 2, "nato": 1, "diplomacy": 2}),
        ]
        expected = dict(first)
        for sql, params, changed in writes:
            cursor = other.cursor()
            cursor.execute(sql, params)
            expected.update(changed)
            assert totals() == expected, sql
    other.close()
    db.close()
