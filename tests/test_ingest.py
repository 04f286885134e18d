"""Submitting articles and deleting them: API keys, limits with clear errors, no duplicates, no partial writes."""
from __future__ import annotations

import json

import pytest
from test_errors import assert_problem

from models.database import PROJECT_ROOT

SEED = sorted((PROJECT_ROOT / "seeds").glob("*.txt"))[0]
# a seed article with a line added: new text, positions the extractor is known to find
ARTICLE = SEED.read_text(encoding="utf-8") + "\n\nBài viết được gửi tới công cụ kiểm chứng thông tin."
ENGLISH = ("NATO Secretary General Jens Stoltenberg said on Friday that the alliance would not give up its "
           "open-door policy and rejected Russia's demand to halt its eastward expansion, adding that talks "
           "with Moscow would continue next week in Geneva and Brussels. ") * 2


def auth(key: str) -> dict:
    return {"Authorization": f"Bearer {key}"}


def source_count(client) -> int:
    return client.get("/sources?per_page=1").get_json()["total"]


@pytest.fixture(scope="module")
def submitted(client, api_key):
    response = client.post("/articles", json={"text": ARTICLE, "outlet": "Kiểm chứng", "title": "Bài gửi thử",
                                              "url": "https://example.vn/bai-gui-thu", "published": "2022-01-08"},
                           headers=auth(api_key))
    yield response
    source_id = response.get_json()["id"]
    client.delete(f"/sources/{source_id}", headers=auth(api_key))


@pytest.fixture(scope="module")
def client(app):
    return app.test_client()


def test_submission_answers_201_with_the_source_and_its_positions(submitted):
    assert submitted.status_code == 201, submitted.get_data(as_text=True)[:500]
    body = submitted.get_json()
    assert submitted.headers["Location"].endswith(f"/sources/{body['id']}")
    assert body["text"] == ARTICLE and body["outlet"] == "Kiểm chứng" and body["url"] == "https://example.vn/bai-gui-thu"
    assert body["published"] == "2022-01-08" and body["name"] is None
    assert body["positions"] and body["position_count"] == len(body["positions"])
    for p in body["positions"]:
        assert ARTICLE[p["start"]:p["end"]] == p["text"] and p["source"]["id"] == body["id"]


def test_submitted_positions_are_served_like_seeded_ones(client, submitted):
    source_id = submitted.get_json()["id"]
    listed = client.get(f"/positions?source={source_id}&per_page=100").get_json()
    assert listed["total"] == len(submitted.get_json()["positions"])
    assert client.get(f"/sources/{source_id}").get_json()["id"] == source_id


def test_the_same_text_again_answers_the_existing_source(client, api_key, submitted):
    before = source_count(client)
    again = client.post("/articles", json={"text": ARTICLE}, headers=auth(api_key))
    assert again.status_code == 200
    assert again.get_json()["id"] == submitted.get_json()["id"]
    assert again.get_json()["positions"] == submitted.get_json()["positions"]
    assert source_count(client) == before


@pytest.mark.parametrize("headers, needle", [
    ({}, "needs an API key"),
    ({"Authorization": "Bearer not-a-key"}, "not valid"),
    ({"Authorization": "Basic dXNlcjpwYXNz"}, "needs an API key"),
    ({"Authorization": "Bearer "}, "needs an API key"),
])
def test_writes_without_a_valid_key_are_401(client, headers, needle):
    before = source_count(client)
    for response in (client.post("/articles", json={"text": ARTICLE + " khác"}, headers=headers),
                     client.delete("/sources/0123456789abcdef", headers=headers)):
        body = assert_problem(response, 401)
        assert needle in body["detail"]
        assert response.headers["WWW-Authenticate"].startswith("Bearer")
    assert source_count(client) == before


def test_reads_stay_open(client):
    assert client.get("/sources").status_code == 200


@pytest.mark.parametrize("body, content_type, status, needle", [
    (json.dumps({"text": ARTICLE + " 415"}), "text/plain", 415, "application/json"),
    ("text=" + ARTICLE, "application/x-www-form-urlencoded", 415, "application/json"),
    (b'{"text": "\xff\xfe bad"}', "application/json", 400, "UTF-8"),
    ("{not json", "application/json", 400, "JSON"),
    (json.dumps({"text": ""}), "application/json", 400, "empty"),
    (json.dumps({"text": "   \n "}), "application/json", 400, "empty"),
    (json.dumps({"text": "Nga yêu cầu NATO ngừng mở rộng."}), "application/json", 400, "at least"),
    (json.dumps({"text": ENGLISH}), "application/json", 400, "Vietnamese"),
    (json.dumps({"text": "1234567890 " * 40}), "application/json", 400, "Vietnamese"),
    (json.dumps({"url": "https://example.vn"}), "application/json", 400, "text"),
    (json.dumps({"text": ARTICLE, "url": "not a url"}), "application/json", 400, "url"),
    (json.dumps({"text": ARTICLE, "published": "2022-02-30"}), "application/json", 400, "published"),
    (json.dumps({"text": ARTICLE, "author": "x"}), "application/json", 400, "author"),
    (json.dumps(["not", "an", "object"]), "application/json", 400, "Invalid"),
])
def test_bad_submissions_are_refused_and_change_nothing(client, api_key, body, content_type, status, needle):
    before = source_count(client)
    body = assert_problem(client.post("/articles", data=body, content_type=content_type,
                                      headers=auth(api_key)), status)
    assert needle in body["detail"]
    assert source_count(client) == before


def test_a_body_over_1_mb_is_413(client, api_key):
    big = json.dumps({"text": "Nga và NATO đàm phán. " * 60_000})
    body = assert_problem(client.post("/articles", data=big, content_type="application/json",
                                      headers=auth(api_key)), 413)
    assert "bytes" in body["detail"]


def test_seeded_sources_cannot_be_deleted(client, api_key):
    seeded = next(s for s in client.get("/sources?per_page=100").get_json()["items"] if s["name"])
    body = assert_problem(client.delete(f"/sources/{seeded['id']}", headers=auth(api_key)), 409)
    assert "seed" in body["detail"]
    assert client.get(f"/sources/{seeded['id']}").status_code == 200


def test_unknown_sources_are_404_to_delete(client, api_key):
    assert_problem(client.delete("/sources/0123456789abcdef", headers=auth(api_key)), 404)
    assert_problem(client.delete("/sources/nope", headers=auth(api_key)), 404)


def test_a_submitted_source_is_deleted_with_its_positions(client, api_key):
    text = ARTICLE + "\n\nBản thứ hai, để thử xoá."
    created = client.post("/articles", json={"text": text}, headers=auth(api_key))
    assert created.status_code == 201
    source_id = created.get_json()["id"]
    assert client.delete(f"/sources/{source_id}", headers=auth(api_key)).status_code == 204
    assert_problem(client.get(f"/sources/{source_id}"), 404)
    assert client.get(f"/positions?source={source_id}").get_json()["total"] == 0
    assert_problem(client.delete(f"/sources/{source_id}", headers=auth(api_key)), 404)


READS_ONLY = """
import sys
from api import create_app
client = create_app({"DATABASE_URL": sys.argv[1]}).test_client()
for url in ("/positions?q=dam%20phan", "/positions?format=csv", "/positions?format=jsonld", "/sources", "/actors"):
    assert client.get(url).status_code == 200, url
print("underthesea" in sys.modules, "extraction.pipeline" in sys.modules)
"""


def test_workers_that_only_read_never_load_the_nlp_models(database_url):
    import subprocess
    import sys

    result = subprocess.run([sys.executable, "-c", READS_ONLY, database_url], cwd=PROJECT_ROOT, capture_output=True,
                            text=True, timeout=120)
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.split() == ["False", "False"]
