"""The one error shape: every error is RFC 9457 problem+json with the right status, never HTML or a 500."""
from __future__ import annotations

import pytest

PROBLEM_KEYS = {"type", "title", "status", "detail", "instance"}


def assert_problem(response, status: int) -> dict:
    assert response.status_code == status, response.get_data(as_text=True)[:500]
    assert response.headers["Content-Type"].startswith("application/problem+json")
    body = response.get_json(force=True)
    assert PROBLEM_KEYS <= body.keys()
    assert body["status"] == status
    assert "Traceback" not in body["detail"] and "SELECT" not in body["detail"]
    return body


# bad query parameters: 400
@pytest.mark.parametrize("url, needle", [
    ("/positions?actor=XYZ", "Known actors: "),
    ("/positions?actr=NATO", "actr"),
    ("/positions?since=2022-13-01", "since"),
    ("/positions?until=yesterday", "until"),
    ("/positions?since=2022-02-01&until=2022-01-01", "since"),
    ("/positions?kind=opinion", "kind"),
    ("/positions?page=0", "page"),
    ("/positions?page=9999", "out of range"),
    ("/positions?per_page=1000", "per_page"),
    ("/positions?has_quote=maybe", "has_quote"),
    ("/positions?target=Atlantis", "Unknown target"),
    ("/demands?kind=demand", "kind"),
    ("/actors?sort=name", "sort"),
    ("/sources?page=-1", "page"),
    ("/positions?q=a%00b", "NUL"),
    ("/positions?topic=%00", "NUL"),
    ("/positions?actor=NATO,%00", "NUL"),
])
def test_bad_parameters_are_400(client, url, needle):
    body = assert_problem(client.get(url), 400)
    assert needle in body["detail"]


def test_unknown_actor_names_the_valid_values(client):
    body = assert_problem(client.get("/positions?actor=NAT0"), 400)
    assert "Unknown actor 'NAT0'" in body["detail"]
    for code in ("NATO", "RUSSIA", "US"):
        assert code in body["detail"]


# unknown resources: 404
@pytest.mark.parametrize("url", ["/positions/0000000000000000", "/sources/nope", "/actors/ATLANTIS",
                                 "/no-such-page", "/positions/..%2F..%2Fetc%2Fpasswd",
                                 "/positions/%00", "/sources/abc%00def", "/actors/%00"])
def test_unknown_resources_are_404(client, url):
    assert_problem(client.get(url), 404)


def test_wrong_method_is_405(client):
    body = assert_problem(client.delete("/positions"), 405)
    assert "GET" in client.delete("/positions").headers["Allow"]
    assert body["title"] == "Method Not Allowed"


def test_database_down_is_503():
    from api import create_app

    app = create_app({"DATABASE_URL": "postgresql://nobody@127.0.0.1:1/none"})
    body = assert_problem(app.test_client().get("/health"), 503)
    assert "database" in body["detail"].lower()


def test_a_bug_is_a_logged_500_problem_without_internals(database_url, caplog):
    from api import create_app

    app = create_app({"DATABASE_URL": database_url})
    app.add_url_rule("/boom", "boom", lambda: {"ratio": 1 / 0})
    body = assert_problem(app.test_client().get("/boom"), 500)
    assert "ZeroDivisionError" not in body["detail"]
    assert any("ZeroDivisionError" in (r.exc_text or "") for r in caplog.records), "the traceback is logged"
