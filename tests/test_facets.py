"""Facets (facet=): counts by field over every row of a list's filters, beside the page."""
from __future__ import annotations

import json
from collections import Counter

import pytest
from test_errors import assert_problem
from test_ingest import ARTICLE, auth

from models.facets import FACETS

FILTERS = ["", "actor=Nga", "kind=demand,rebuttal", "topic=nato-enlargement", "q=NATO", "since=2022-01-25",
           "speaker=stoltenberg"]


def every_row(client, path: str, query: str) -> list[dict]:
    body = client.get(f"{path}?{query}&format=ndjson").get_data(as_text=True)
    return [json.loads(line) for line in body.splitlines() if line]


def expected(rows: list[dict], facet: str) -> Counter:
    values = {
        "actor": lambda p: [p["actor"]["code"]], "kind": lambda p: [p["kind"]], "topic": lambda p: p["topics"],
        "outlet": lambda p: [p["source"]["outlet"]] if p["source"]["outlet"] else [],
        "speaker": lambda p: [p["speaker"]["name"]] if p["speaker"] else [],
        "month": lambda p: [p["date"][:7]] if p["date"] else [],
    }[facet]
    return Counter(v for p in rows for v in values(p))


@pytest.mark.parametrize("query", FILTERS)
def test_facets_count_every_row_of_the_filter(client, query):
    page = client.get(f"/positions?{query}&facet={','.join(FACETS)}&per_page=1").get_json()
    rows = every_row(client, "/positions", query)
    assert page["total"] == len(rows) and len(page["items"]) == min(1, len(rows))
    for facet in FACETS:
        got = page["facets"][facet]
        assert not got["truncated"]
        assert Counter({v["value"]: v["count"] for v in got["values"]}) == expected(rows, facet), facet
        counts = [v["count"] for v in got["values"]]
        assert counts == sorted(counts, reverse=True)  # most first


def test_facets_only_when_asked_and_on_every_list(client):
    assert "facets" not in client.get("/positions").get_json()
    demands = client.get("/demands?facet=kind,actor").get_json()
    assert [v["value"] for v in demands["facets"]["kind"]["values"]] == ["demand"]
    rebuttals = client.get("/rebuttals?facet=kind&facet=month").get_json()
    assert set(rebuttals["facets"]) == {"kind", "month"}


def test_facets_follow_writes(client, api_key):
    before = client.get("/positions?facet=outlet").get_json()["facets"]["outlet"]["values"]
    created = client.post("/articles", json={"text": ARTICLE, "outlet": "Facet thử"}, headers=auth(api_key))
    try:
        after = client.get("/positions?facet=outlet").get_json()["facets"]["outlet"]["values"]
        added = {v["value"]: v["count"] for v in after}.get("Facet thử")
        assert added == len(created.get_json()["positions"]) and added
        assert "Facet thử" not in {v["value"] for v in before}
    finally:
        client.delete(f"/sources/{created.get_json()['id']}", headers=auth(api_key))
    gone = client.get("/positions?facet=outlet").get_json()["facets"]["outlet"]["values"]
    assert gone == before


@pytest.mark.parametrize("query", ["facet=colour", "facet=actor,", "facet=" + ",".join(["kind"] * 51)])
def test_unknown_facets_are_400(client, query):
    assert_problem(client.get(f"/positions?{query}"), 400)
