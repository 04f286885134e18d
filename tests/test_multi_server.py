"""Two API servers (gunicorn, 2 workers each, on different ports) sharing one database: what is written
through one is read, and deleted, through the other. No state the answers depend on lives in a server.
"""
from __future__ import annotations

import pytest
import requests

from conftest import POSTGRES_URL, ROOT, Server, create_api_key, private_schema, require_postgres, run_seed

SEED = sorted((ROOT / "seeds").glob("*.txt"))[0]
ARTICLE = SEED.read_text(encoding="utf-8") + "\n\nBản gửi qua máy chủ thứ nhất, đọc qua máy chủ thứ hai."


@pytest.fixture(params=["postgresql", "sqlite"])
def two_servers(request, tmp_path):
    """(first, second, api_key): two gunicorn servers on one seeded database."""
    if request.param == "postgresql":
        require_postgres()
        with private_schema(POSTGRES_URL) as url:
            yield from _serve_twice(url)
    else:
        yield from _serve_twice(f"sqlite:///{tmp_path / 'shared.sqlite3'}")


def _serve_twice(url: str):
    run_seed(url)
    key = create_api_key(url, "multi-server")
    servers = [Server(url), Server(url)]
    try:
        for server in servers:
            server.wait_ready()
        yield servers[0], servers[1], key
    finally:
        for server in servers:
            server.stop()


def get(server: Server, path: str) -> requests.Response:
    return requests.get(server.url + path, timeout=30)


def test_written_through_one_read_and_deleted_through_the_other(two_servers):
    first, second, key = two_servers
    auth = {"Authorization": f"Bearer {key}"}
    assert first.port != second.port
    total_before = get(second, "/positions").json()["total"]

    created = requests.post(first.url + "/articles", json={"text": ARTICLE}, headers=auth, timeout=300)
    assert created.status_code == 201, created.text[:1000]
    source = created.json()
    ids = sorted(p["id"] for p in source["positions"])
    assert ids, "the article should yield positions"

    for server in (second, first):  # each of the other server's workers, and the writer itself
        for _ in range(3):
            detail = get(server, f"/sources/{source['id']}")
            assert detail.status_code == 200
            assert detail.json()["text"] == ARTICLE
            assert sorted(p["id"] for p in detail.json()["positions"]) == ids
            listed = get(server, f"/positions?source={source['id']}&per_page=100").json()
            assert sorted(p["id"] for p in listed["items"]) == ids and listed["total"] == len(ids)
    assert get(second, "/positions").json()["total"] == total_before + len(ids)

    assert requests.delete(second.url + f"/sources/{source['id']}", headers=auth, timeout=30).status_code == 204
    for server in (first, second):
        for _ in range(3):
            assert get(server, f"/sources/{source['id']}").status_code == 404
            assert get(server, f"/positions?source={source['id']}").json()["total"] == 0
            assert get(server, f"/positions/{ids[0]}").status_code == 404
    assert get(first, "/positions").json()["total"] == total_before


CACHED_PAGES = ("/positions", "/positions?per_page=5", "/positions?format=jsonld&per_page=5")


def test_pages_each_worker_has_kept_are_answered_again_after_a_write_elsewhere(two_servers):
    """Whole list pages are kept per worker (api/response_cache.py) while the data version holds: a write through
    the other server moves it, and every worker of both servers answers the next read with the new rows."""
    first, second, key = two_servers
    auth = {"Authorization": f"Bearer {key}"}
    before = {}
    for server in (first, second):
        for path in CACHED_PAGES:
            answers = [get(server, path) for _ in range(6)]  # both workers of each server keep it
            assert len({a.headers["ETag"] for a in answers}) == 1
            before[server.port, path] = answers[0]
    total = before[second.port, "/positions"].json()["total"]

    created = requests.post(first.url + "/articles", json={"text": ARTICLE}, headers=auth, timeout=300)
    assert created.status_code == 201, created.text[:1000]
    added = len(created.json()["positions"])
    assert added
    for server in (second, first):
        for _ in range(6):
            for path in CACHED_PAGES:
                answer = get(server, path)
                assert answer.status_code == 200
                if "jsonld" not in path:  # the JSON pages carry the total; a page of claims may hold the same 5
                    assert answer.headers["ETag"] != before[server.port, path].headers["ETag"], (server.port, path)
            assert get(server, "/positions").json()["total"] == total + added
            etag = before[server.port, "/positions"].headers["ETag"]
            stale = requests.get(server.url + "/positions", headers={"If-None-Match": etag}, timeout=30)
            assert stale.status_code == 200

    assert requests.delete(second.url + f"/sources/{created.json()['id']}", headers=auth, timeout=30).status_code == 204
    for server in (first, second):
        for _ in range(6):
            assert get(server, "/positions").json()["total"] == total
