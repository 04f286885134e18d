"""Concurrent ingest on real gunicorn: 8 clients submit 50 articles each at once, a fifth of them duplicates
sent by two clients in the same instant. Every article is stored once with all its positions; no client sees
a 5xx or "database is locked". Runs on the suite's engine (SQLite, or TEST_DATABASE_URL's PostgreSQL)."""
from __future__ import annotations

import os
import threading
import time
from collections import Counter

import pytest
import requests
from conftest import Server, create_api_key
from reliability_support import article, database_counts, expected_positions, fresh_database

CLIENTS = 8
ROUNDS = 50  # submissions per client
WORKERS = 4
PARAGRAPHS = 3  # short articles: the test measures the store, not the extractor


def submission_plan() -> list[list[int]]:
    """plan[round][client]: the article each client sends in each round, all clients at once.

    In 20 of the 50 rounds the clients go in pairs, both of a pair sending the same new article (a
    different pairing each time): 80 of the 400 submissions repeat another client's simultaneous one."""
    plan, next_article = [], 0
    for round_ in range(ROUNDS):
        if round_ % 5 in (0, 2):
            partner = 1 + round_ % (CLIENTS - 1)  # client c pairs with c XOR partner
            numbers = {}
            for client in range(CLIENTS):
                pair = min(client, client ^ partner)
                if pair not in numbers:
                    numbers[pair], next_article = next_article, next_article + 1
            plan.append([numbers[min(c, c ^ partner)] for c in range(CLIENTS)])
        else:
            plan.append(list(range(next_article, next_article + CLIENTS)))
            next_article += CLIENTS
    return plan


def text_of(number: int) -> str:
    return article(PARAGRAPHS * number, PARAGRAPHS)


@pytest.fixture(scope="module")
def ingest_server(tmp_path_factory):
    with fresh_database(tmp_path_factory.mktemp("concurrency")) as url:
        key = create_api_key(url, "concurrency")
        server = Server(url, workers=WORKERS)  # WRITE_RATE_LIMIT: conftest sets a limit the test stays under
        try:
            server.wait_ready()
            yield server, key, url
        finally:
            server.stop()


def totals(server) -> tuple[int, int]:
    sources = requests.get(f"{server.url}/sources?per_page=1", timeout=30).json()["total"]
    positions = requests.get(f"{server.url}/positions?per_page=1", timeout=30).json()["total"]
    return sources, positions


def submit_all(server, key, plan) -> dict:
    """Run the plan: one thread and one HTTP session per client, a barrier before each round."""
    barrier = threading.Barrier(CLIENTS)
    results: dict[tuple[int, int], tuple[int, dict | str]] = {}
    failures: list[BaseException] = []

    def client(index: int) -> None:
        with requests.Session() as session:
            session.headers["Authorization"] = f"Bearer {key}"
            try:
                for round_, row in enumerate(plan):
                    barrier.wait(timeout=120)
                    response = session.post(f"{server.url}/articles", json={"text": text_of(row[index])},
                                            timeout=120)
                    is_json = response.headers.get("Content-Type", "").endswith("json")
                    results[round_, index] = (response.status_code, response.json() if is_json else response.text)
            except BaseException as error:  # noqa: BLE001 - reported by the test, not lost in a thread
                failures.append(error)
                barrier.abort()

    threads = [threading.Thread(target=client, args=(i,)) for i in range(CLIENTS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not failures, failures
    return results


def test_concurrent_submissions_store_each_article_once_with_all_its_positions(ingest_server):
    server, key, url = ingest_server
    plan = submission_plan()
    distinct = sorted({number for row in plan for number in row})
    expected = {number: expected_positions(text_of(number)) for number in distinct}
    sources_before, positions_before = totals(server)

    started = time.perf_counter()
    results = submit_all(server, key, plan)
    elapsed = time.perf_counter() - started
    print(f"{CLIENTS} clients x {ROUNDS} articles ({len(distinct)} distinct) on {WORKERS} workers: {elapsed:.1f} s")

    statuses = Counter(status for status, _ in results.values())
    assert set(statuses) <= {200, 201}, statuses
    assert not [body for _, body in results.values() if "locked" in str(body).lower()]
    for round_, row in enumerate(plan):
        for number in set(row):
            senders = [client for client, sent in enumerate(row) if sent == number]
            answers = [results[round_, client] for client in senders]
            # one submission creates the source; its simultaneous twin gets that same source with 200
            assert sorted(status for status, _ in answers) == ([200, 201] if len(senders) == 2 else [201])
            assert {body["id"] for _, body in answers} == {answers[0][1]["id"]}
            assert all(body["position_count"] == expected[number] for _, body in answers)
    assert statuses == {201: len(distinct), 200: CLIENTS * ROUNDS - len(distinct)}

    sources_after, positions_after = totals(server)
    assert sources_after - sources_before == len(distinct) == 320
    assert positions_after - positions_before == sum(expected.values())
    stored = database_counts(url)
    assert (stored["sources"], stored["positions"]) == (sources_after, positions_after)
    assert stored["orphan_positions"] == stored["orphan_targets"] == stored["orphan_topics"] == 0
