"""GET /positions and friends on the seeded corpus: filters, order, pagination, embedded provenance."""
from __future__ import annotations

import re

import pytest

from models import Position, database


def items(client, url):
    response = client.get(url)
    assert response.status_code == 200, response.get_data(as_text=True)
    return response.get_json()["items"]


def ids(client, url):
    return [p["id"] for p in items(client, url + ("&" if "?" in url else "?") + "per_page=100")]


@pytest.mark.parametrize("alias", ["RUSSIA", "russia", "Nga", "nga", "Moscow", "Kremlin", "Điện Kremlin", "Mátxcơva"])
def test_actor_aliases_give_the_same_rows(client, alias):
    russian = ids(client, "/positions?actor=RUSSIA")
    assert russian and ids(client, f"/positions?actor={alias}") == russian


@pytest.mark.parametrize("alias, code", [("Mỹ", "US"), ("Washington", "US"), ("my", "US"), ("Anh", "UK"),
                                         ("London", "UK"), ("nato", "NATO")])
def test_actor_names_resolve_to_codes(client, alias, code):
    rows = items(client, f"/positions?actor={alias}&per_page=100")
    assert rows and {p["actor"]["code"] for p in rows} == {code}


def test_nato_positions_come_from_four_articles_with_provenance(client):
    rows = items(client, "/positions?actor=NATO&per_page=100")
    assert len({p["source"]["id"] for p in rows}) >= 4
    assert any(p["speaker"] and p["speaker"]["name"] == "Jens Stoltenberg" for p in rows)
    assert any(p["quote"] for p in rows) and any(p["date"] for p in rows)
    for p in rows:
        assert p["source"]["title"] and p["source"]["published"]


def test_several_actors_by_repeat_or_comma(client):
    repeated = set(ids(client, "/positions?actor=NATO&actor=UK"))
    assert repeated == set(ids(client, "/positions?actor=NATO,UK"))
    assert repeated == set(ids(client, "/positions?actor=NATO")) | set(ids(client, "/positions?actor=UK"))


def test_offsets_point_into_the_source_text(client):
    for p in items(client, "/positions?per_page=100"):
        source = client.get(f"/sources/{p['source']['id']}").get_json()
        assert source["text"][p["start"]:p["end"]] == p["text"]


def test_order_is_newest_said_first_undated_last(client):
    rows = items(client, "/positions?per_page=100")
    dates = [p["date"] for p in rows]
    dated = [d for d in dates if d]
    assert dates[:len(dated)] == dated, "undated positions come last"
    assert [d.ljust(10, "~") for d in dated] == sorted((d.ljust(10, "~") for d in dated), reverse=True) or \
        [d[:7] for d in dated] == sorted((d[:7] for d in dated), reverse=True)


@pytest.mark.parametrize("query", ["kind=demand", "kind=rebuttal,warning", "topic=diplomacy", "target=Nga",
                                   "speaker=stoltenberg", "has_quote=true", "has_quote=false",
                                   "since=2022-01-25", "until=2022-01-12", "since=2022-01-01&until=2022-01-31"])
def test_filters_hold_on_every_row(client, query):
    rows = items(client, f"/positions?{query}&per_page=100")
    assert rows
    for p in rows:
        if "kind=" in query:
            assert p["kind"] in query.split("=")[1].split(",")
        if "topic=" in query:
            assert "diplomacy" in p["topics"]
        if "target=" in query:
            assert "RUSSIA" in p["targets"]
        if "speaker=" in query:
            assert p["speaker"]["name"] == "Jens Stoltenberg"
        if query == "has_quote=true":
            assert p["quote"]
        if query == "has_quote=false":
            assert p["quote"] is None
        if "since=2022-01-25" in query:
            assert p["date"] >= "2022-01"  and (p["date_precision"] == "month" or p["date"] >= "2022-01-25")
        if "until=2022-01-12" in query:
            assert p["date"] <= "2022-01-12"


def test_text_search_ignores_diacritics_and_case(client):
    accented = ids(client, "/positions?q=đàm phán")
    assert accented
    assert ids(client, "/positions?q=dam phan") == accented
    assert ids(client, "/positions?q=ĐÀM PHÁN") == accented
    for p in items(client, "/positions?q=dam%20phan&per_page=100"):
        assert "đàm phán" in (p["text"] + (p["quote"] or "")).lower() or "đàm phán" in p["text"].lower()


def test_search_wildcards_are_literal(client):
    assert items(client, "/positions?q=%25") == []
    assert items(client, "/positions?q=_") == []


def test_pages_cover_everything_once_with_links(client):
    first = client.get("/positions?per_page=7").get_json()
    seen, page = [], first
    while True:
        seen += [p["id"] for p in page["items"]]
        if not page["links"]["next"]:
            break
        page = client.get(page["links"]["next"]).get_json()
    assert len(seen) == len(set(seen)) == first["total"] == Position.select().count()
    assert first["links"]["prev"] is None and first["pages"] == -(-first["total"] // 7)


@pytest.mark.parametrize("path, most", [("/positions", 3), ("/demands", 3), ("/rebuttals", 3), ("/sources", 3)])
def test_page_query_count_does_not_grow_with_page_size(app, path, most):
    with app.test_client() as c:  # the total is counted once, then served from the cache while no write lands
        assert c.get(f"{path}?per_page=1").status_code == 200
    counts = []
    for per_page in (5, 50):
        with app.test_client() as c, _count_queries() as queries:
            assert c.get(f"{path}?per_page={per_page}").status_code == 200
        counts.append(len(queries))
    assert 2 <= counts[0] == counts[1] <= most, (path, counts)


def test_position_by_id_embeds_what_a_citation_needs(client):
    first = items(client, "/positions?actor=NATO&has_quote=true")[0]
    p = client.get(f"/positions/{first['id']}").get_json()
    assert p == first
    assert {"code", "name_en", "name_vi"} <= p["actor"].keys()
    assert {"id", "outlet", "title", "url", "published"} <= p["source"].keys()


def test_demands_embed_their_rebuttals_and_rebuttals_what_they_rebut(client):
    demands = items(client, "/demands?per_page=100")
    assert demands and all(d["kind"] == "demand" for d in demands)
    rebuttals = items(client, "/rebuttals?per_page=100")
    assert rebuttals and all(r["kind"] == "rebuttal" for r in rebuttals)
    linked = [r for r in rebuttals if r["rebuts"]]
    assert linked, "the seed corpus links at least one rebuttal to what it rejects"
    for r in linked:
        assert r["rebutted"]["id"] == r["rebuts"]
        answered = {d["id"]: d for d in demands}.get(r["rebuts"])
        if answered:
            assert r["id"] in [x["id"] for x in answered["rebuttals"]]


class _count_queries:
    """Counts SQL statements sent through the database proxy while active."""

    def __enter__(self):
        self.queries = []
        db = database.obj
        self._original = db.execute_sql

        def counting(sql, params=None, *args, **kwargs):
            self.queries.append(sql)
            return self._original(sql, params, *args, **kwargs)

        db.execute_sql = counting
        return self.queries

    def __exit__(self, *exc):
        database.obj.execute_sql = self._original


@pytest.mark.parametrize("path", ["/positions", "/demands", "/sources", "/positions?format=jsonld"])
def test_pages_repeat_their_links_in_a_link_header(client, path):
    """RFC 8288: clients that page by headers (GitHub-style) see the same links as the body."""
    joiner = "&" if "?" in path else "?"
    response = client.get(f"{path}{joiner}per_page=2&page=2")
    assert response.status_code == 200
    header = {rel: url for url, rel in re.findall(r'<([^>]+)>; rel="(\w+)"', response.headers["Link"])}
    assert {"self", "first", "last", "prev"} <= set(header)
    links = response.get_json().get("links")  # JSON-LD pages carry no links object of their own
    if links is not None:
        assert header == {rel: url for rel, url in links.items() if url}
    assert client.get(header["first"]).status_code == 200
