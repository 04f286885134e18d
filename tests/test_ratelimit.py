"""Writes are limited per API key (WRITE_RATE_LIMIT): past it 429 problem+json with Retry-After; reads are not."""
from __future__ import annotations

import os
import uuid
from concurrent.futures import ThreadPoolExecutor

import pytest
import requests
import yaml
from conftest import ROOT, Server, create_api_key
from reliability_support import article
from test_errors import assert_problem

LIMIT = 3
UNKNOWN_SOURCE = "/sources/0123456789abcdef"  # deleting it is a write that answers 404 and changes nothing


def auth(key: str) -> dict:
    return {"Authorization": f"Bearer {key}"}


@pytest.fixture()
def limited_client(database_url):
    """An app of its own (its own counts) allowing LIMIT writes per key per hour: the test never crosses a
    window."""
    from api import create_app

    return create_app({"DATABASE_URL": database_url, "WRITE_RATE_LIMIT": f"{LIMIT}/hour",
                       "RATELIMIT_KEY_PREFIX": unique_prefix()}).test_client()


def unique_prefix() -> str:
    """Counts of their own for one app or server: the storage (the database, Redis) outlives it."""
    return f"test-{os.getpid()}-{uuid.uuid4().hex[:8]}"


@pytest.fixture(scope="module")
def second_key(database_url) -> str:
    return create_api_key(database_url, "rate-limit-second")


def test_writes_past_the_limit_are_429_with_retry_after(limited_client, api_key):
    for _ in range(LIMIT):
        assert_problem(limited_client.delete(UNKNOWN_SOURCE, headers=auth(api_key)), 404)
    response = limited_client.delete(UNKNOWN_SOURCE, headers=auth(api_key))
    body = assert_problem(response, 429)
    assert f"{LIMIT} per 1 hour" in body["detail"]
    assert 1 <= int(response.headers["Retry-After"]) <= 3600
    assert "Retry-After" in response.headers["Access-Control-Expose-Headers"]  # browsers may read it


def test_articles_and_deletions_share_one_budget(limited_client, api_key):
    for _ in range(LIMIT):
        limited_client.delete(UNKNOWN_SOURCE, headers=auth(api_key))
    before = limited_client.get("/sources?per_page=1").get_json()["total"]
    assert_problem(limited_client.post("/articles", json={"text": article(0)}, headers=auth(api_key)), 429)
    assert limited_client.get("/sources?per_page=1").get_json()["total"] == before  # refused before any work


def test_each_key_has_its_own_budget(limited_client, api_key, second_key):
    for _ in range(LIMIT + 1):
        limited_client.delete(UNKNOWN_SOURCE, headers=auth(api_key))
    assert_problem(limited_client.delete(UNKNOWN_SOURCE, headers=auth(second_key)), 404)


def test_requests_without_a_valid_key_are_401_and_use_no_budget(limited_client, api_key):
    for headers in ({}, auth("not-a-key")) * LIMIT:
        assert_problem(limited_client.delete(UNKNOWN_SOURCE, headers=headers), 401)
    for _ in range(LIMIT):
        assert_problem(limited_client.delete(UNKNOWN_SOURCE, headers=auth(api_key)), 404)


def test_reads_are_not_limited(limited_client, api_key):
    for _ in range(LIMIT + 1):
        limited_client.delete(UNKNOWN_SOURCE, headers=auth(api_key))
    for url in ("/positions", "/sources", "/actors", "/positions?q=NATO") * 5:
        assert limited_client.get(url, headers=auth(api_key)).status_code == 200, url


def test_a_limit_that_does_not_parse_stops_the_app_at_start(database_url):
    from api import create_app

    with pytest.raises(ValueError, match="WRITE_RATE_LIMIT"):
        create_app({"DATABASE_URL": database_url, "WRITE_RATE_LIMIT": "sixty a minute"})


def test_gunicorn_takes_the_limit_from_the_environment(database_url, api_key, monkeypatch):
    monkeypatch.setenv("WRITE_RATE_LIMIT", "2/hour")
    monkeypatch.setenv("RATELIMIT_KEY_PREFIX", unique_prefix())
    server = Server(database_url, workers=1)
    try:
        server.wait_ready()
        statuses = [requests.delete(server.url + UNKNOWN_SOURCE, headers=auth(api_key), timeout=30).status_code
                    for _ in range(3)]
        refused = requests.delete(server.url + UNKNOWN_SOURCE, headers=auth(api_key), timeout=30)
        assert statuses == [404, 404, 429] and refused.status_code == 429
        assert refused.headers["Content-Type"].startswith("application/problem+json")
        assert int(refused.headers["Retry-After"]) >= 1
        assert requests.get(server.url + "/sources", timeout=30).status_code == 200
    finally:
        server.stop()


REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/11")  # a DB number of the suite's own


@pytest.mark.parametrize("storage", [{}, {"REDIS_URL": REDIS_URL}], ids=["database", "redis"])
def test_one_count_for_every_worker_of_every_server(database_url, api_key, storage):
    """Two servers of two workers each on one database: 24 writes sent at once over fresh connections (so
    every worker gets some) are answered exactly 10 times; memory:// allowed up to 40 (issue 11, finding 7)."""
    if storage:
        redis = pytest.importorskip("redis")
        try:
            redis.Redis.from_url(REDIS_URL, socket_connect_timeout=3).ping()
        except redis.RedisError as error:
            if os.environ.get("CI") == "true":
                raise
            pytest.skip(f"Redis not reachable at {REDIS_URL}: {error}")
    env = {"WRITE_RATE_LIMIT": "10/hour", "RATELIMIT_KEY_PREFIX": unique_prefix(), **storage}
    servers = [Server(database_url, workers=2, env=env) for _ in range(2)]
    try:
        for server in servers:
            server.wait_ready()

        def write(n: int) -> int:
            url = servers[n % 2].url + UNKNOWN_SOURCE
            return requests.delete(url, headers={**auth(api_key), "Connection": "close"}, timeout=60).status_code

        with ThreadPoolExecutor(8) as pool:
            statuses = list(pool.map(write, range(24)))
    finally:
        for server in servers:
            server.stop()
    assert sorted(statuses) == [404] * 10 + [429] * 14, statuses


def test_the_contract_documents_429_on_writes_only():
    contract = yaml.safe_load((ROOT / "openapi.yaml").read_text(encoding="utf-8"))
    for path, operations in contract["paths"].items():
        for method, operation in operations.items():
            if not isinstance(operation, dict) or "responses" not in operation:
                continue
            assert ("429" in operation["responses"]) == (method in ("post", "delete")), (method, path)
    too_many = contract["components"]["responses"]["TOO_MANY_REQUESTS"]
    assert too_many["headers"]["Retry-After"]["schema"]["type"] == "integer"
