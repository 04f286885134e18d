"""Monitoring: the ingestion cursor (sort=ingested, after=) and Atom feeds (format=atom) of any filter."""
from __future__ import annotations

import json
import os
import threading
import xml.etree.ElementTree as ET

import pytest
from test_errors import assert_problem
from test_ingest import ARTICLE, auth

from peewee import ForeignKeyField

import models
from models import Position
from models.database import is_sqlite
from models.ingest import ingest_sequence

ATOM = "{http://www.w3.org/2005/Atom}"


def poll(client, query: str, cursor: str | None = None, per_page: int = 7) -> tuple[list[str], str]:
    """Every row after the cursor, page by page as a poller reads them; the cursor to poll from next."""
    ids = []
    url = f"/positions?{query}&per_page={per_page}&" + (f"after={cursor}" if cursor else "sort=ingested")
    while True:
        page = client.get(url).get_json()
        ids += [p["id"] for p in page["items"]]
        if not page["items"]:
            return ids, page["cursor"]
        url = f"/positions?{query}&per_page={per_page}&after={page['cursor']}"


def test_a_poller_reads_every_row_once(client):
    ids, _ = poll(client, "")
    assert len(ids) == len(set(ids)) == client.get("/positions?per_page=1").get_json()["total"]
    nato, _ = poll(client, "actor=NATO", per_page=3)
    assert set(nato) == {p["id"] for p in client.get("/positions?actor=NATO&per_page=100").get_json()["items"]}


def test_polling_after_a_submission_gives_its_rows_then_nothing(client, api_key):
    _, cursor = poll(client, "")
    created = client.post("/articles", json={"text": ARTICLE, "outlet": "Poll"}, headers=auth(api_key)).get_json()
    try:
        new, cursor = poll(client, "", cursor)
        assert sorted(new) == sorted(p["id"] for p in created["positions"]) and new
        assert poll(client, "", cursor) == ([], cursor)  # nothing repeated
        export = client.get(f"/positions?after={cursor}&format=ndjson").get_data(as_text=True)
        assert export == ""
    finally:
        client.delete(f"/sources/{created['id']}", headers=auth(api_key))


def test_cursor_pages_and_exports_agree(client):
    first = client.get("/positions?sort=ingested&per_page=5").get_json()
    rest = client.get(f"/positions?after={first['cursor']}&format=ndjson").get_data(as_text=True)
    exported = [json.loads(line)["id"] for line in rest.splitlines()]
    everything, _ = poll(client, "")
    assert [p["id"] for p in first["items"]] + exported == everything
    assert "cursor" not in client.get("/positions").get_json()  # only in ingestion order


@pytest.mark.parametrize("after", ["zzz", "bm90IGEgY3Vyc29y", "MS4yLjM", "x" * 65])
def test_foreign_cursors_are_400(client, after):
    assert_problem(client.get(f"/positions?after={after}"), 400)


def test_atom_feed_of_a_filter(client):
    response = client.get("/positions?actor=NATO&format=atom&per_page=5")
    assert response.status_code == 200 and response.mimetype == "application/atom+xml"
    feed = ET.fromstring(response.get_data())
    entries = feed.findall(f"{ATOM}entry")
    assert len(entries) == 5
    links = {link.get("rel"): link.get("href") for link in feed.findall(f"{ATOM}link")}
    assert "page=2" in links["next"] and "format=atom" in links["self"]
    for entry in entries:
        position_id = entry.find(f"{ATOM}id").text.rsplit("/", 1)[1]
        position = client.get(f"/positions/{position_id}").get_json()
        assert position["actor"]["code"] == "NATO"
        assert entry.find(f"{ATOM}title").text == position["summary"]
        assert position["text"] in entry.find(f"{ATOM}content").text
        assert entry.find(f"{ATOM}category").get("term") == position["kind"]
    latest = client.get("/positions?actor=NATO&sort=latest&per_page=5").get_json()["items"]
    assert [e.find(f"{ATOM}id").text.rsplit("/", 1)[1] for e in entries] == [p["id"] for p in latest]


def test_atom_by_accept_header_and_on_demands(client):
    response = client.get("/demands?per_page=3", headers={"Accept": "application/atom+xml"})
    assert response.mimetype == "application/atom+xml"
    terms = {c.get("term") for c in ET.fromstring(response.get_data()).iter(f"{ATOM}category") if c.get("label")}
    assert terms == {"demand"}


@pytest.mark.skipif(not os.environ.get("TEST_DATABASE_URL", "").startswith("postgres"), reason="PostgreSQL only: SQLite has one writer at a time, so commits come in cursor order")
def test_a_transaction_committing_late_is_not_skipped(client, app):
    """A writer that started first and commits last: its rows must not sort behind a cursor already given."""
    _, cursor = poll(client, "")
    started, finish = threading.Event(), threading.Event()
    template = Position.select().order_by(Position.id).first()

    def slow_writer():
        with app.app_context():
            db = models.database.obj
            with db.connection_context(), db.atomic():
                copy(template, "f000000000000001")
                started.set()
                finish.wait(10)

    writer = threading.Thread(target=slow_writer)
    writer.start()
    started.wait(10)
    try:
        with models.database.obj.atomic():
            copy(template, "f000000000000002")  # a later transaction, committed first
        seen, cursor_between = poll(client, "", cursor)
        assert "f000000000000002" not in seen  # held back while an older transaction is open
    finally:
        finish.set()
        writer.join()
    try:
        after, _ = poll(client, "", cursor_between)
        assert {"f000000000000001", "f000000000000002"} <= set(after)
    finally:
        Position.delete().where(Position.id.in_(["f000000000000001", "f000000000000002"])).execute()


def copy(template, new_id: str) -> None:
    """A copy of a position under another id, written as models.ingest writes rows (its ingest_seq)."""
    assert not is_sqlite()
    row = {f.name: getattr(template, f.name + "_id" if isinstance(f, ForeignKeyField) else f.name)
           for f in Position._meta.sorted_fields}
    row.update(id=new_id, ingest_seq=ingest_sequence(), start=row["start"] + 100000, rebuts=None)
    Position.insert(**row).execute()
