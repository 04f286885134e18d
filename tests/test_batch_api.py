"""POST /articles/batch and GET /jobs/{id} in-process: line-by-line validation, limits with clear errors,
and the outcome of each line once the jobs are run (here in the test's own thread, by the embedded
runner's loop; tests/test_batch_jobs.py runs them on real workers)."""
from __future__ import annotations

import json
import time

import pytest
from test_errors import assert_problem

import models
from models.database import PROJECT_ROOT
from workers import embedded

SEED = sorted((PROJECT_ROOT / "seeds").glob("*.txt"))[0]
SEED_TEXT = SEED.read_text(encoding="utf-8")
NDJSON = "application/x-ndjson"


def auth(key: str) -> dict:
    return {"Authorization": f"Bearer {key}"}


def article(n: int) -> str:
    return SEED_TEXT + f"\n\nBản lưu trữ số {n} gửi theo lô."


def post(client, key, lines: list[str] | bytes, content_type: str = NDJSON):
    body = lines if isinstance(lines, bytes) else "\n".join(lines).encode("utf-8")
    return client.post("/articles/batch", data=body, content_type=content_type, headers=auth(key))


def run_jobs(client, location: str, timeout: float = 120) -> dict:
    """Run waiting articles here until the job is done (a gunicorn of the suite may take some too)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        job = client.get(location).get_json()  # also binds the app's database to this thread
        if job["state"] == "done":
            return job
        embedded.run_pending()
        time.sleep(0.1)
    raise AssertionError(f"job not done: {job['counts']}")


def source_count(client) -> int:
    return client.get("/sources?per_page=1").get_json()["total"]


def test_a_mixed_batch_queues_the_valid_lines_and_reports_the_others(client, api_key):
    lines = [json.dumps({"text": article(1), "outlet": "Lô", "published": "2022-01-09"}, ensure_ascii=False),
             json.dumps({"text": "ngắn"}), "", '{"text": ', json.dumps({"text": SEED_TEXT}, ensure_ascii=False),
             json.dumps({"text": article(1)}, ensure_ascii=False), json.dumps(["not", "an", "object"]),
             json.dumps({"text": article(2), "published": "2022-02-30"}, ensure_ascii=False)]
    response = post(client, api_key, lines)
    assert response.status_code == 202, response.get_data(as_text=True)[:500]
    accepted = response.get_json()
    assert response.headers["Location"] == f"/jobs/{accepted['id']}"
    assert accepted["state"] == "queued" and accepted["finished_at"] is None
    assert accepted["counts"] == {"submitted": 7, "queued": 3, "running": 0, "done": 0, "duplicate": 0,
                                  "failed": 0, "invalid": 4}
    errors = {a["line"]: a["error"] for a in accepted["articles"] if a["status"] == "invalid"}
    assert sorted(errors) == [2, 4, 7, 8]  # line 3 is blank: skipped, still counted
    assert "at least 200" in errors[2] and "JSON" in errors[4] and "published" in errors[8]

    job = run_jobs(client, response.headers["Location"])
    by_line = {a["line"]: a for a in job["articles"]}
    assert [by_line[n]["status"] for n in (1, 5, 6)] == ["done", "duplicate", "duplicate"]
    assert by_line[6]["source_id"] == by_line[1]["source_id"]
    assert job["counts"]["done"] == 1 and job["counts"]["duplicate"] == 2 and job["finished_at"]
    source = client.get(f"/sources/{by_line[1]['source_id']}").get_json()
    assert source["text"] == article(1) and source["outlet"] == "Lô" and source["published"] == "2022-01-09"
    assert source["position_count"] > 0
    client.delete(f"/sources/{source['id']}", headers=auth(api_key))


def test_an_article_the_extractor_fails_on_fails_alone_after_bounded_retries(client, api_key, monkeypatch):
    import extraction

    real = extraction.extract
    calls = []

    def failing(text, meta=None):
        if "hỏng" in text:
            calls.append(text)
            raise ValueError("cannot read this article")
        return real(text, meta)

    monkeypatch.setattr(extraction, "extract", failing)
    response = post(client, api_key, [json.dumps({"text": article(3) + " hỏng"}, ensure_ascii=False),
                                      json.dumps({"text": article(4)}, ensure_ascii=False)])
    job = run_jobs(client, response.headers["Location"])
    first, second = job["articles"]
    assert first["status"] == "failed" and first["attempts"] == 3 and len(calls) == 3
    assert "ValueError: cannot read this article" in first["error"] and first["source_id"] is None
    assert second["status"] == "done"
    client.delete(f"/sources/{second['source_id']}", headers=auth(api_key))


@pytest.mark.parametrize("body, content_type, status, needle", [
    (b'{"text": "x"}', "application/json", 415, NDJSON),
    (b"", NDJSON, 400, "empty"),
    (b"\n\n", NDJSON, 400, "empty"),
    (b'{"text": "\xff"}', NDJSON, 400, "UTF-8"),
    ('{"text": "ngắn"}\n{"bad'.encode(), NDJSON, 400, "line 1"),
])
def test_refused_batches_queue_nothing(client, api_key, body, content_type, status, needle):
    before = source_count(client)
    problem = assert_problem(post(client, api_key, body, content_type), status)
    assert needle in problem["detail"]
    assert source_count(client) == before


def test_a_batch_with_no_valid_line_names_each_line(client, api_key):
    problem = assert_problem(post(client, api_key, [json.dumps({"text": "ngắn"}), "", "[1]"]), 400)
    assert set(problem["errors"]) == {"line 1", "line 3"}


def test_batch_limits_are_413(client, api_key):
    too_many = [json.dumps({"text": article(5)}, ensure_ascii=False)] * 1001
    assert "1001 articles" in assert_problem(post(client, api_key, too_many), 413)["detail"]
    too_large = b'{"text": "' + b"a" * (20 * 1024 * 1024) + b'"}'
    assert "bytes" in assert_problem(post(client, api_key, too_large), 413)["detail"]


def test_a_batch_needs_a_key(client):
    response = client.post("/articles/batch", data=b'{"text": "x"}', content_type=NDJSON)
    assert assert_problem(response, 401) and response.headers["WWW-Authenticate"].startswith("Bearer")


def test_an_unknown_job_is_404(client):
    assert "POST /articles/batch" in assert_problem(client.get("/jobs/0123456789abcdef"), 404)["detail"]
    assert_problem(client.get("/jobs/x"), 404)


def test_a_job_is_revalidated_not_cached(client, api_key):
    response = post(client, api_key, [json.dumps({"text": SEED_TEXT}, ensure_ascii=False)])
    job = client.get(response.headers["Location"])
    assert job.headers["Cache-Control"] == "no-cache" and job.headers["ETag"]
    again = client.get(response.headers["Location"], headers={"If-None-Match": job.headers["ETag"]})
    assert again.status_code in (200, 304)  # 304 unless a worker moved the job on meanwhile
    run_jobs(client, response.headers["Location"])


def test_an_unreachable_queue_is_503_and_leaves_no_job(client, api_key, monkeypatch):
    monkeypatch.setenv("REDIS_URL", "redis://127.0.0.1:1/0")  # nothing listens on port 1
    with models.database.connection_context():
        jobs_before = models.entities.IngestJob.select().count()
    problem = assert_problem(post(client, api_key, [json.dumps({"text": article(6)}, ensure_ascii=False)]), 503)
    assert "queue" in problem["detail"]
    with models.database.connection_context():
        assert models.entities.IngestJob.select().count() == jobs_before
