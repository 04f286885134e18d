"""Facet counts are exact: the same as a plain GROUP BY over the same filters, on either engine, for the filters
the kept counts answer (none, actor, kind; one topic with or without them) and for the rest, before and after
articles are written, rewritten and deleted; and timelines counted over the in-memory columns are those SQL
counts."""
from __future__ import annotations

import datetime as dt
from collections import Counter

import numpy as np
import pytest
from peewee import SQL, Case, fn
from test_ingest import ARTICLE, auth

from models import (Person, Position, PositionTopic, Source, facet_columns, facet_columns_pg, facet_table,
                    facet_topic_table, facets, timeline)
from models.claims import regroup_all
from models.database import is_sqlite
from models.facets import FACETS, facet_counts
from models.queries import CURRENT_VERSION, _filtered

FILTERS = [{}, {"actors": ["RUSSIA"]}, {"kinds": ["demand", "rebuttal"]}, {"actors": ["NATO", "US"], "kinds": ["statement"]},
           {"topics": ["nato-enlargement"]}, {"q": "nga"}, {"since": dt.date(2022, 1, 25)},
           {"actors": ["RUSSIA"], "has_quote": True}, {"speaker": "lavrov"},
           # one topic (and actor, kind) is read from the counts kept per topic; two topics are not
           {"topics": ["invasion-risk"]}, {"topics": ["diplomacy"], "actors": ["RUSSIA"]},
           {"topics": ["troop-deployment"], "kinds": ["demand", "warning"]},
           {"topics": ["diplomacy", "invasion-risk"]},
           # a search alone is answered by its index; with a short word or another filter, by SQL
           {"q": "nga mỹ"}, {"q": "nato", "kinds": ["demand"]}, {"q": "zzzz"},
           {"q": "nga", "actors": ["RUSSIA", "US"], "kinds": ["statement", "warning"]},
           {"q": "nga", "actors": ["NOBODY"]},
           {"q": "nga", "since": dt.date(2022, 1, 25)},
           # applied by the in-memory columns: topics, since a month's first day, until; with a search too
           {"topics": ["diplomacy", "invasion-risk"], "since": dt.date(2022, 1, 1)},
           {"until": dt.date(2022, 1, 20)}, {"since": dt.date(2022, 2, 1), "until": dt.date(2022, 2, 28)},
           {"q": "nga", "topics": ["sanctions", "diplomacy"], "until": dt.date(2022, 1, 31)},
           {"actors": ["RUSSIA"], "kinds": ["demand"], "since": dt.date(2022, 1, 1)}]
TOPIC_FILTERS = [f for f in FILTERS if f.get("topics")]


def group_by(facet: str, filters: dict) -> Counter:
    """The straightforward count: one GROUP BY per facet over the filtered positions."""
    matching = _filtered(Position.select(Position.id), **filters)
    counted = fn.COUNT(SQL("*"))
    if facet == "month":  # counted in Python from the dates themselves, not by either engine's date functions
        dates = _filtered(Position.select(Position.said_from), **filters).where(Position.said_from.is_null(False))
        return Counter(str(d)[:7] for (d,) in dates.tuples())
    query = {
        "actor": Position.select(Position.actor, counted).group_by(Position.actor),
        "kind": Position.select(Position.kind, counted).group_by(Position.kind),
        "topic": PositionTopic.select(PositionTopic.topic, counted).where(PositionTopic.position.in_(matching))
                 .group_by(PositionTopic.topic),
        "outlet": Position.select(Source.outlet, counted).join(Source, on=(Position.source == Source.id))
                  .where(Source.outlet.is_null(False)).group_by(Source.outlet),
        "speaker": Position.select(Person.name, counted).join(Person, on=(Position.speaker == Person.id))
                   .group_by(Person.name),
    }[facet]
    if facet != "topic":
        query = query.where(Position.id.in_(matching))
    return Counter({str(value): n for value, n in query.tuples()})


def assert_exact(filters: dict) -> None:
    assert_columns_kept()
    for interval in timeline.INTERVALS:  # timelines are counted over the same columns
        in_memory = timeline.counted_in_memory(interval, filters)
        assert in_memory is not None
        rows, total = in_memory
        sql_rows, sql_total = timeline.counted_in_sql(interval, filters)
        assert (Counter({(start, kind): n for start, kind, n in rows}), total) == (
            Counter({(str(start)[:10], kind): int(n) for start, kind, n in sql_rows}), sql_total), (interval, filters)
    got = facet_counts(FACETS, **filters)
    for facet in FACETS:
        values = got[facet]["values"]
        assert not got[facet]["truncated"]
        assert Counter({v["value"]: v["count"] for v in values}) == group_by(facet, filters), (facet, filters)
        assert [v["count"] for v in values] == sorted((v["count"] for v in values), reverse=True)


def assert_table_matches_rows() -> None:
    """The kept counts (per actor and kind, and per topic) are those a count from scratch gives (zeros aside),
    and no deltas are left over."""
    engine = "sqlite" if is_sqlite() else "postgresql"
    for table, key in ((facet_table, "facet, actor_id, kind, value"),
                       (facet_topic_table, "topic_id, facet, actor_id, kind, value")):
        kept = Position._meta.database.execute_sql(
            f'SELECT {key}, n FROM "{table.TABLE}" WHERE n != 0 ORDER BY {key}').fetchall()
        fresh = Position._meta.database.execute_sql(
            f"SELECT {key}, COUNT(*) FROM ({table.every_value(engine)}) AS v "
            f"WHERE value IS NOT NULL GROUP BY {key} ORDER BY {key}").fetchall()
        assert kept == fresh, table.TABLE
        if engine == "postgresql":
            assert Position._meta.database.execute_sql(f'SELECT COUNT(*) FROM "{table.DELTAS}"').fetchone()[0] == 0


def assert_columns_kept() -> None:
    """The facet columns a process keeps from the change log hold, row by row, what a load from scratch holds
    (models/facet_columns.py), search texts included on PostgreSQL."""
    db = Position._meta.database
    with db.atomic():
        version = db.execute_sql(CURRENT_VERSION).fetchone()[0]
        if facet_columns.current(version) is None:  # read afresh by a thread of their own: counted in SQL meanwhile
            facet_columns.wait_loaded()
        kept, fresh = facet_columns.current(version), facet_columns.loaded(db)
        keys = [k for (k,) in db.execute_sql(f"SELECT {'rowid' if is_sqlite() else 'id'} FROM position")]
    assert kept is not None and kept is not fresh
    for columns in (kept, fresh):
        assert columns.version == version

    def rows(columns) -> dict:
        places = columns.rows_of(keys) if columns.slots is None else np.array([columns.slots[k] for k in keys])
        decoded = {name: [columns.labels[name].values[c] if c >= 0 else None for c in columns.columns[name][places]]
                   for name in facet_columns.FACET_COLUMNS}
        decoded["day"] = columns.columns["day"][places].tolist()
        decoded["precision"] = columns.columns["precision"][places].tolist()
        decoded["text"] = [columns.texts[p] for p in places]
        key_of = dict(zip(places.tolist(), keys))
        links = [(key_of.get(r), columns.labels["topic"].values[c])
                 for r, c in zip(columns.link_rows.tolist(), columns.link_topics)]
        return {"rows": dict(zip(keys, zip(*decoded.values()))), "topics": Counter(links)}

    assert rows(kept) == rows(fresh)
    present = set(keys) if kept.slots is None else {kept.slots[k] for k in keys}  # rows gone have no text left
    assert all(t is None for row, t in enumerate(kept.texts) if row not in present)


@pytest.fixture()
def context(app):
    with app.app_context():
        yield


@pytest.mark.parametrize("filters", FILTERS, ids=[str(f) for f in FILTERS])
def test_facets_equal_a_group_by(context, filters):
    assert_exact(filters)


def _renames_without_twins(ids) -> dict[str, str]:
    """Topics of these positions renamed to others they have (each to a distinct one, no chains) such that no
    position gets a topic twice, whatever the extractor read."""
    held: dict[int, set[str]] = {}
    for row in PositionTopic.select().where(PositionTopic.position.in_(ids)):
        held.setdefault(row.position_id, set()).add(row.topic_id)
    topics = sorted({t for ts in held.values() for t in ts})
    renamed: dict[str, str] = {}
    for source in topics:
        for target in topics:
            if (source != target and source not in renamed.values() and target not in renamed
                    and target not in renamed.values()
                    and not any(source in ts and target in ts for ts in held.values())):
                renamed[source] = target
                break
    return renamed


def test_facets_stay_exact_through_writes(context, client, api_key):
    created = client.post("/articles", json={"text": ARTICLE, "outlet": "Kiểm đếm"}, headers=auth(api_key))
    assert created.status_code == 201, created.get_data(as_text=True)
    source_id = created.get_json()["id"]
    try:
        assert_table_matches_rows()
        for filters in FILTERS:
            assert_exact(filters)
        # an outlet rewritten (a re-submission with another outlet) moves its positions' counts
        Source.update(outlet="Kiểm đếm lại").where(Source.id == source_id).execute()
        assert_table_matches_rows()
        for filters in [{}, {"actors": ["RUSSIA"]}, *TOPIC_FILTERS]:
            assert_exact(filters)
        # no write path does these, but the triggers keep them too: a position's columns and topics rewritten
        # by SQL, several rows a statement
        Position.update(kind="rebuttal", said_from=dt.date(2021, 12, 1)).where(Position.source == source_id).execute()
        ids = Position.select(Position.id).where(Position.source == source_id)
        renamed = _renames_without_twins(ids)
        assert len(renamed) >= 2, renamed
        assert PositionTopic.update(topic=Case(PositionTopic.topic, list(renamed.items()))).where(
            PositionTopic.position.in_(ids), PositionTopic.topic.in_(list(renamed))).execute() >= 3
        assert_table_matches_rows()
        for filters in [{}, *TOPIC_FILTERS]:
            assert_exact(filters)
        # a date's precision alone rewritten: the since filter of a day in a month keeps month-dated positions
        Position.update(date_precision="month").where(Position.source == source_id).execute()
        for filters in [{"since": dt.date(2021, 12, 15)}, {"q": "nga", "since": dt.date(2021, 12, 15)}]:
            assert_exact(filters)
        # the search text alone rewritten: a word shorter than a trigram is matched over the kept texts
        assert not facet_counts(["kind"], q="zq")["kind"]["values"]
        Position.update(search_text=SQL("'zq ' || search_text")).where(Position.source == source_id).execute()
        for filters in [{"q": "zq"}, {"q": "zq", "kinds": ["rebuttal"]}, {"q": "zq nga"}]:
            assert_exact(filters)
    finally:
        assert client.delete(f"/sources/{source_id}", headers=auth(api_key)).status_code == 204
    assert_table_matches_rows()
    for filters in FILTERS:
        assert_exact(filters)


def test_cascading_deletes_keep_the_counts(context, client, api_key):
    """A source deleted by SQL alone (its positions and topics by the cascade) leaves exact counts."""
    created = client.post("/articles", json={"text": ARTICLE, "outlet": "Xoá thẳng"}, headers=auth(api_key))
    assert created.status_code == 201, created.get_data(as_text=True)
    with Source._meta.database.atomic():
        Source.delete().where(Source.id == created.get_json()["id"]).execute()
        regroup_all()  # the claims the API would have regrouped, for the tests after this one
    assert_table_matches_rows()
    assert_exact({})
    assert_exact({"kinds": ["demand"]})


def trim_log() -> None:
    """What the writers' trim does, down to the last entry."""
    db = Position._meta.database
    last = db.execute_sql(f'SELECT MAX(seq) FROM "{facet_columns.CHANGES}"').fetchone()[0]
    if is_sqlite():
        db.execute_sql(f'DELETE FROM "{facet_columns.CHANGES}" WHERE seq < ?', (last,))
        return
    db.execute_sql(f'WITH gone AS (DELETE FROM "{facet_columns.CHANGES}" WHERE seq < %s RETURNING xid) '
                   f'UPDATE "{facet_columns_pg.TRIMMED}" SET xid = GREATEST(xid, (SELECT MAX(xid) FROM gone))', (last,))


def test_a_trimmed_change_log_reloads_the_columns(context, client, api_key):
    """A process further behind than the log keeps reads every row again, and its counts stay exact."""
    assert_exact({"q": "nga"})
    created = client.post("/articles", json={"text": ARTICLE, "outlet": "Cắt sổ"}, headers=auth(api_key))
    assert created.status_code == 201, created.get_data(as_text=True)
    try:
        Position.update(kind="warning").where(Position.source == created.get_json()["id"]).execute()
        db = Position._meta.database
        assert db.execute_sql(f'SELECT COUNT(*) FROM "{facet_columns.CHANGES}"').fetchone()[0] > 0
        trim_log()
        assert_exact({"q": "nga"})
        assert_exact({"kinds": ["warning"], "since": dt.date(2022, 1, 1)})
    finally:
        assert client.delete(f"/sources/{created.get_json()['id']}", headers=auth(api_key)).status_code == 204
    assert_exact({"q": "nga"})


def test_a_request_reading_an_older_snapshot_counts_in_sql(context):
    db = Position._meta.database
    with db.atomic():
        version = db.execute_sql(CURRENT_VERSION).fetchone()[0]
        if facet_columns.current(version) is None:
            facet_columns.wait_loaded()
        assert facet_columns.current(version) is not None
        assert facet_columns.current(version - 1) is None


@pytest.mark.parametrize("filters", [{"q": "nga"}, {"q": "nato", "kinds": ["demand"]}, {"speaker": "lavrov"}])
def test_counts_in_sql_while_the_columns_load(context, filters):
    """A process's first facets are counted in SQL while a thread reads the columns; the same counts after."""
    with facet_columns._lock:
        facet_columns._current.clear()
    facets._cache.clear()
    expected = {facet: group_by(facet, filters) for facet in FACETS}
    for _ in range(2):
        got = facet_counts(FACETS, **filters)
        assert {facet: Counter({v["value"]: v["count"] for v in got[facet]["values"]}) for facet in FACETS} == expected
        facet_columns.wait_loaded()
        facets._cache.clear()
    assert facet_columns._current
