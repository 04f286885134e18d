"""Summaries, JSON-LD Claims, CSV/NDJSON exports, search ranking and highlights, ETag and CORS."""
from __future__ import annotations

import csv
import io
import json

import pytest
from test_errors import assert_problem

from api import representations
from models.text import fold


def test_every_position_has_an_english_summary(client):
    items = client.get("/positions?per_page=100").get_json()["items"]
    for p in items:
        assert p["summary"].lower().startswith(p["actor"]["short_name"].lower())
        assert (p["date"] or "undated") in p["summary"]
        if p["speaker"]:
            assert f"({p['speaker']['name']})" in p["summary"]
    russia = next(p for p in items if p["actor"]["code"] == "RUSSIA")
    assert russia["actor"]["short_name"] == "Russia" and russia["summary"].startswith("Russia")
    nato = next(p for p in items if p["actor"]["code"] == "NATO")
    assert nato["actor"]["short_name"] == "NATO"


@pytest.mark.parametrize("url, headers", [("/positions?actor=NATO&format=csv", {}),
                                          ("/positions?actor=NATO", {"Accept": "text/csv"})])
def test_csv_export_has_every_row_of_the_filter(client, url, headers):
    total = client.get("/positions?actor=NATO&per_page=1").get_json()["total"]
    response = client.get(url, headers=headers)
    assert response.status_code == 200 and response.mimetype == "text/csv"
    assert "attachment" in response.headers["Content-Disposition"]
    rows = list(csv.DictReader(io.StringIO(response.get_data(as_text=True))))
    assert len(rows) == total > 1 and {r["actor"] for r in rows} == {"NATO"}
    assert list(rows[0]) == representations.CSV_COLUMNS and rows[0]["summary"] and rows[0]["text"]


def test_ndjson_export_streams_in_chunks_and_keeps_the_order(client, monkeypatch):
    monkeypatch.setattr(representations, "EXPORT_CHUNK", 7)
    listed = [p["id"] for p in client.get("/positions?per_page=100&sort=newest").get_json()["items"]]
    with client.get("/positions?format=ndjson", buffered=False) as response:
        assert response.is_streamed and response.mimetype == "application/x-ndjson"
        lines = [json.loads(line) for line in response.get_data(as_text=True).splitlines()]
    assert [p["id"] for p in lines][:len(listed)] == listed
    assert len(lines) == client.get("/positions?per_page=1").get_json()["total"] > 7


def test_a_database_failure_mid_export_cuts_the_answer_instead_of_ending_it(client, monkeypatch, caplog):
    """Once the status is sent the failure cannot be told by status: the body must not end as a whole
    export would (under gunicorn the connection closes without the chunked body's end; here it raises)."""
    import peewee

    from models import queries

    def failing(size, **filters):
        yield next(real(size, **filters))
        raise peewee.OperationalError("the server closed the connection")

    real = queries.export_chunks
    monkeypatch.setattr(representations, "EXPORT_CHUNK", 5)
    monkeypatch.setattr(queries, "export_chunks", failing)
    with client.get("/positions?format=ndjson", buffered=False) as response:
        assert response.status_code == 200
        with pytest.raises(representations.ExportCut, match="the database failed"):
            response.get_data()
    assert "export of /positions cut: the database failed (OperationalError)" in caplog.text


def test_demand_and_rebuttal_lists_export_too(client):
    lines = client.get("/demands", headers={"Accept": "application/x-ndjson"}).get_data(as_text=True).splitlines()
    assert lines and all(json.loads(line)["kind"] == "demand" for line in lines)
    assert client.get("/rebuttals?format=csv").mimetype == "text/csv"


def test_a_position_as_a_schema_org_claim(client):
    first = client.get("/positions?actor=NATO&per_page=1").get_json()["items"][0]
    for response in (client.get(f"/positions/{first['id']}?format=jsonld"),
                     client.get(f"/positions/{first['id']}", headers={"Accept": "application/ld+json"})):
        assert response.status_code == 200 and response.mimetype == "application/ld+json"
        claim = response.get_json(force=True)
        assert claim["@context"] == "https://schema.org" and claim["@type"] == "Claim"
        assert claim["@id"].endswith(f"/positions/{first['id']}") and claim["identifier"] == first["id"]
        assert claim["description"] == first["summary"] and claim["text"] in (first["quote"], first["text"])
        author = claim["author"]
        assert author["name"] == (first["speaker"]["name"] if first["speaker"] else "NATO")
        appearance = claim["appearance"]
        assert appearance["@type"] == "NewsArticle"
        assert appearance["@id"].endswith(f"/sources/{first['source']['id']}")
        assert appearance.get("url") == first["source"]["url"]
        assert None not in claim.values()


def test_a_page_of_claims(client):
    graph = client.get("/positions?per_page=5&format=jsonld").get_json(force=True)
    assert graph["@context"] == "https://schema.org"
    assert len(graph["@graph"]) == 5 and {c["@type"] for c in graph["@graph"]} == {"Claim"}


def test_json_stays_the_default(client):
    for headers in ({}, {"Accept": "*/*"}, {"Accept": "text/html,application/xhtml+xml,*/*;q=0.8"}):
        assert client.get("/positions?per_page=1", headers=headers).mimetype == "application/json"


@pytest.mark.parametrize("url", ["/positions?format=xml", "/positions/0123456789abcdef?format=csv",
                                 "/positions?sort=oldest"])
def test_unknown_formats_and_sorts_are_400(client, url):
    assert_problem(client.get(url), 400)


def test_search_ranks_the_phrase_first_and_highlights_it(client):
    ranked = client.get("/positions?q=dam%20phan&per_page=100").get_json()["items"]
    assert ranked
    phrase = [fold(p["text"] + " " + (p["quote"] or "") + " " + (p["speaker"] or {}).get("name", "")).count("dam phan") > 0
              for p in ranked]
    assert phrase == sorted(phrase, reverse=True), "every phrase match before every other match"
    for p in ranked:
        if p["highlight"]:
            assert "«" in p["highlight"] and p["highlight"].replace("«", "").replace("»", "") in (p["text"], p["quote"])
    assert any("«đàm phán»" in (p["highlight"] or "").lower() for p in ranked)
    newest = client.get("/positions?q=dam%20phan&per_page=100&sort=newest").get_json()["items"]
    assert sorted(p["id"] for p in newest) == sorted(p["id"] for p in ranked)
    dates = [p["date"] or "" for p in newest if p["date"]]
    assert dates == sorted(dates, reverse=True)


def test_no_highlight_without_a_search(client):
    assert "highlight" not in client.get("/positions?per_page=1").get_json()["items"][0]


def test_reads_carry_an_etag_and_answer_304(client):
    first = client.get("/positions?actor=NATO")
    assert first.headers["ETag"] and "max-age" in first.headers["Cache-Control"]
    again = client.get("/positions?actor=NATO", headers={"If-None-Match": first.headers["ETag"]})
    assert again.status_code == 304 and not again.get_data()
    other = client.get("/positions?actor=NATO&per_page=5", headers={"If-None-Match": first.headers["ETag"]})
    assert other.status_code == 200


def test_browsers_may_call_from_any_origin(client):
    response = client.get("/positions?per_page=1", headers={"Origin": "https://factcheck.example"})
    assert response.headers["Access-Control-Allow-Origin"] == "*"
    assert "ETag" in response.headers["Access-Control-Expose-Headers"]
    preflight = client.options("/articles", headers={"Origin": "https://factcheck.example",
                                                     "Access-Control-Request-Method": "POST",
                                                     "Access-Control-Request-Headers": "authorization, content-type"})
    assert preflight.status_code == 200
    assert "POST" in preflight.headers["Access-Control-Allow-Methods"]
    assert "Authorization" in preflight.headers["Access-Control-Allow-Headers"]


# exports read by keyset, with an ETag (issue 11, finding 8) ----------------------------------------------

def all_pages(client, url: str) -> list[str]:
    ids, page = [], 1
    while True:
        body = client.get(f"{url}&per_page=100&page={page}").get_json()
        ids += [p["id"] for p in body["items"]]
        if page >= body["pages"]:
            return ids
        page += 1


@pytest.mark.parametrize("filters", ["sort=newest", "actor=NATO", "q=nga", "q=an ninh&sort=newest",
                                     "q=an ninh", "has_quote=false&sort=newest"])
def test_an_export_holds_every_row_once_in_list_order_without_offset(client, monkeypatch, filters):
    """Chunks of 7: each read by one query that starts after the last row (an OFFSET made an export of N
    rows read O(N^2) of them); undated rows come last, as in the list."""
    from test_unknown_names import Statements
    import logging

    monkeypatch.setattr(representations, "EXPORT_CHUNK", 7)
    listed = all_pages(client, f"/positions?{filters}")
    logger, statements = logging.getLogger("peewee"), Statements()
    logger.setLevel(logging.DEBUG)
    logger.addHandler(statements)
    try:
        exported = client.get(f"/positions?{filters}&format=ndjson").get_data(as_text=True).splitlines()
    finally:
        logger.removeHandler(statements)
        logger.setLevel(logging.NOTSET)
    assert [json.loads(line)["id"] for line in exported] == listed and len(listed) > 7
    assert not [sql for sql in statements.sql if "OFFSET" in sql.upper()]


def test_exports_carry_an_etag_that_moves_with_the_data(app, client):
    import models

    first = client.get("/positions?actor=NATO&format=csv")
    etag = first.headers["ETag"]
    assert etag.startswith('W/"') and first.headers["Cache-Control"].startswith("public")
    assert client.get("/positions?actor=NATO&format=ndjson").headers["ETag"] != etag  # another representation
    again = client.get("/positions?actor=NATO&format=csv", headers={"If-None-Match": etag})
    assert again.status_code == 304 and not again.get_data()
    with app.app_context():
        models.database.execute_sql('UPDATE "data_version" SET "version" = "version" + 1')  # what a write does
    moved = client.get("/positions?actor=NATO&format=csv", headers={"If-None-Match": etag})
    assert moved.status_code == 200 and moved.headers["ETag"] != etag and moved.get_data()
