"""Queries too large for the database are the request's fault (issue 11, finding 3): 400 problem+json, not a
false outage (503 with Retry-After and a warning in the log), and never an error inside a streamed export
(gunicorn's 500 and a traceback quoting the query string)."""
from __future__ import annotations

import pytest
import requests
from peewee import OperationalError
from test_errors import assert_problem
from test_security import LoggingServer

MANY_WORDS = " ".join(["a"] * 80)  # 159 characters: within q's 200, and SQLite's parser stack overflowed


@pytest.mark.parametrize("path", [
    f"/positions?q={MANY_WORDS}",
    f"/positions?q={MANY_WORDS}&sort=newest",
    f"/positions?q={MANY_WORDS}&format=csv",
    f"/positions?q={MANY_WORDS}&format=ndjson",
    f"/positions?q={MANY_WORDS}&format=jsonld",
    f"/rebuttals?q={MANY_WORDS}",
    f"/demands?q={MANY_WORDS}&format=csv",
])
def test_a_search_of_many_words_is_a_400_naming_q(client, path):
    body = assert_problem(client.get(path), 400)
    assert "q" in body["errors"] and "at most 20" in body["detail"]


def test_twenty_words_are_searched(client):
    response = client.get("/positions?q=" + " ".join(["a"] * 20))
    assert response.status_code == 200


@pytest.fixture(scope="module")
def too_complex_app(database_url):
    """The real app with a route failing as SQLite and PostgreSQL fail on a statement too deep to run."""
    from api import create_app

    app = create_app({"DATABASE_URL": database_url})

    def overflow():
        raise OperationalError("parser stack overflow")

    app.add_url_rule("/too-complex", "too_complex", overflow)
    return app


def test_a_statement_too_complex_for_the_engine_is_400_not_an_outage(too_complex_app, caplog):
    response = too_complex_app.test_client().get("/too-complex")
    body = assert_problem(response, 400)
    assert "Retry-After" not in response.headers and "too large" in body["detail"]
    assert "database unavailable" not in caplog.text


def test_a_refused_export_is_answered_before_its_stream_and_logs_no_query(database_url, tmp_path):
    server = LoggingServer(database_url, tmp_path)
    secret = "querystring" + "x" * 10
    try:
        server.wait_ready()
        for fmt in ("csv", "ndjson"):
            response = requests.get(f"{server.url}/positions?format={fmt}&q={MANY_WORDS} {secret}", timeout=30)
            assert response.status_code == 400
            assert response.headers["Content-Type"].startswith("application/problem+json")
    finally:
        server.stop()
    logs = server.access_log.read_text() + server.error_log.read_text()
    assert "/positions" in logs  # the requests were logged...
    assert secret not in logs and "Traceback" not in logs and "Error handling request" not in logs  # ...alone
