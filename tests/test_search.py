"""q= pages of large searches are read in list order (models.queries.MatchingPositions) instead of
sorting every match: the same rows, in the same order, as sorting them all.

On the seeded corpus of the pass's engine, LARGE_SEARCH and LARGE_SHARE are lowered so that every search
takes the large-search path, and each page is compared with the one sorting every match gives.
"""
from __future__ import annotations

import logging

import pytest

from models import queries

# one word, several, short ones, inside words; pairs found both as a phrase and apart (tiers differ)
SEARCHES = ["nga", "NATO", "dam phan", "an ninh", "my", "nga my", "my nga", "nga nato", "nato my", "nga se",
            "nato va", "cac quan", "e", "phan", "yeu cau"]
FILTERS = ["", "&sort=newest", "&actor=RUSSIA", "&kind=demand", "&sort=newest&actor=NATO"]


def pages(client, q: str, extra: str) -> list[list[str]]:
    found, page = [], 1
    while True:
        body = client.get(f"/positions?q={q}{extra}&per_page=5&page={page}").get_json()
        found.append([p["id"] for p in body["items"]])
        if page >= body["pages"]:
            return found
        page += 1


@pytest.mark.parametrize("extra", FILTERS)
def test_large_search_pages_are_the_sorted_pages(client, monkeypatch, extra):
    sorted_pages = {q: pages(client, q, extra) for q in SEARCHES}
    monkeypatch.setattr(queries, "LARGE_SEARCH", 1)
    monkeypatch.setattr(queries, "LARGE_SHARE", 0)
    for q in SEARCHES:
        assert pages(client, q, extra) == sorted_pages[q], (q, extra)
    assert any(len(p) > 1 for p in sorted_pages.values())  # several pages: deeper pages are compared too


def test_a_large_search_reads_its_first_page_from_the_best_tier(app, monkeypatch):
    monkeypatch.setattr(queries, "LARGE_SEARCH", 1)
    monkeypatch.setattr(queries, "LARGE_SHARE", 0)
    with app.test_request_context("/positions"):
        app.preprocess_request()  # the request hooks bind and connect this app's database
        query = queries.matching_positions(q="nga", rank=True)
        queries.count(query)
        page = query.paginate(1, 3)
        assert "CASE" not in page.sql()[0]  # not ranked by sorting every match
        assert [i for (i,) in page.tuples()] == [i for (i,) in queries.matching_positions(q="nga", rank=True)
                                                 .order_by(*query._order_by).limit(3).tuples()]


def test_the_list_endpoint_pages_a_large_search_from_the_best_tier(client, monkeypatch, caplog):
    # the page is read from the query its total was counted on: a fresh one has no total, and was sorted whole
    monkeypatch.setattr(queries, "LARGE_SEARCH", 1)
    monkeypatch.setattr(queries, "LARGE_SHARE", 0)
    with caplog.at_level(logging.DEBUG, logger="peewee"):
        assert client.get("/positions?q=nga&per_page=3").status_code == 200
    statements = [str(r.msg[0]) for r in caplog.records if r.name == "peewee" and isinstance(r.msg, tuple)]
    assert any('"ranking_words"' in s and "LIMIT" in s for s in statements), statements  # the tier was read
    assert not any("CASE" in s for s in statements), statements  # no statement ranked every match
