"""Batches run by workers, end to end on real processes: gunicorn servers, RQ workers on the real Redis
(a queue name of this run's own, in Redis DB 13), and the embedded default (no Redis: the servers' own
background runners). Mixed good and bad articles, workers SIGKILLed mid-batch, two workers on one queue,
and jobs read through a second server.
"""
from __future__ import annotations

import json
import os
import secrets
import signal
import subprocess
import sys
import time
from contextlib import ExitStack, contextmanager
from pathlib import Path

import pytest
import requests
from conftest import ROOT, Server, create_api_key
from fault_launcher import FAILS, KILLS, STALLS
from reliability_support import article, database_counts, expected_positions, fresh_database, stored_sources

REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/13")
LAUNCHER = str(ROOT / "tests" / "fault_launcher.py")
SEED_TEXT = sorted((ROOT / "seeds").glob("*.txt"))[0].read_text(encoding="utf-8")
# fast recovery for tests: a dead RQ worker's article is retried ~10 s after its last heartbeat; an embedded
# runner's after a 6 s lease
RQ_SETTINGS = {"INGEST_MONITORING_INTERVAL": "2", "INGEST_HEARTBEAT_MARGIN": "5", "INGEST_MAINTENANCE_INTERVAL": "3"}
EMBEDDED_SETTINGS = {"INGEST_LEASE_SECONDS": "6", "INGEST_POLL_SECONDS": "0.5"}


def require_redis() -> None:
    try:
        import redis

        redis.Redis.from_url(REDIS_URL, socket_connect_timeout=3).ping()
    except Exception as error:
        message = f"Redis not reachable at {REDIS_URL} ({type(error).__name__}): start it or set TEST_REDIS_URL"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)


@pytest.fixture()
def redis_queue():
    """(REDIS_URL, queue name, job ids): a queue of this test alone; the keys of its queue and of the jobs
    the test adds to the list are removed afterwards (other runs may share the Redis DB)."""
    require_redis()
    import redis

    name = f"pytest-{os.getpid()}-{secrets.token_hex(4)}"
    job_ids: list[str] = []
    yield REDIS_URL, name, job_ids
    connection = redis.Redis.from_url(REDIS_URL)
    for pattern in (f"*{name}*", *(f"*ingest-{job_id}-*" for job_id in job_ids)):
        for key in connection.scan_iter(pattern, count=1000):
            connection.delete(key)
    connection.srem("rq:queues", f"rq:queue:{name}")  # RQ's set of every queue name ever used


class BatchServer(Server):
    """gunicorn on `database_url` with extra environment, started through the fault launcher."""

    def __init__(self, database_url: str, env: dict, *, workers: int = 2):
        from conftest import free_port

        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.process = subprocess.Popen(
            [sys.executable, LAUNCHER, "gunicorn", "--bind", f"127.0.0.1:{self.port}", "--workers", str(workers),
             "--access-logfile", "-", "api:create_app()"], cwd=ROOT,
            env={**os.environ, "DATABASE_URL": database_url, **env}, stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE)


class Worker:
    """scripts/worker.py, through the fault launcher."""

    def __init__(self, database_url: str, redis_url: str, queue: str, name: str, log_dir: Path):
        self.name = name
        self.log = log_dir / f"{name}.log"
        env = {**os.environ, "DATABASE_URL": database_url, "REDIS_URL": redis_url, "INGEST_QUEUE": queue,
               **RQ_SETTINGS}
        with self.log.open("wb") as log:
            self.process = subprocess.Popen([sys.executable, LAUNCHER, str(ROOT / "scripts" / "worker.py"),
                                             "--name", name], cwd=ROOT, env=env, stdout=log,
                                            stderr=subprocess.STDOUT, start_new_session=True)

    def wait_listening(self, timeout: float = 120) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"worker exited: {self.log.read_text()[-2000:]}")
            if "Listening on" in self.log.read_text(errors="replace"):
                return
            time.sleep(0.2)
        raise RuntimeError(f"worker not listening in {timeout} s: {self.log.read_text()[-2000:]}")

    def horse(self) -> int | None:
        import psutil

        children = psutil.Process(self.process.pid).children()
        return children[0].pid if children else None

    def wait_mid_article(self, database_url: str, timeout: float = 120) -> None:
        """Return once this worker's work horse has claimed an article (its item is running in the database:
        the claim commits before the extraction, which takes most of a second, begins)."""
        import models
        import redis
        from models.entities import IngestItem
        from rq import Worker as RQWorker

        connection = redis.Redis.from_url(REDIS_URL)

        def current_job() -> str | None:
            worker = RQWorker.find_by_key(f"rq:worker:{self.name}", connection=connection)
            return worker.get_current_job_id() if worker else None

        deadline = time.monotonic() + timeout
        db = models.bind(database_url)
        with db.connection_context():
            while time.monotonic() < deadline:
                job_id = current_job()
                if job_id and self.horse():
                    item = IngestItem.get_or_none(IngestItem.id == int(job_id.rsplit("-", 1)[1]))
                    if item is not None and item.status == "running" and current_job() == job_id:
                        return
                time.sleep(0.01)
        raise AssertionError(f"worker {self.name} took no article in {timeout} s")

    def kill(self) -> None:
        """SIGKILL the worker and its work horse together, as a machine's crash would (the horse is in a
        process group of its own: RQ puts it there)."""
        horse = self.horse()
        os.killpg(self.process.pid, signal.SIGKILL)
        if horse is not None:
            os.kill(horse, signal.SIGKILL)
        self.process.wait(timeout=30)

    def stop(self) -> None:
        if self.process.poll() is None:
            os.kill(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.kill()


@contextmanager
def running(*processes):
    with ExitStack() as stack:
        for process in processes:
            stack.callback(process.stop)
        for process in processes:
            (process.wait_listening if isinstance(process, Worker) else process.wait_ready)()
        yield processes


def submit(server, key: str, lines: list[str]) -> requests.Response:
    return requests.post(f"{server.url}/articles/batch", data="\n".join(lines).encode("utf-8"), timeout=120,
                         headers={"Authorization": f"Bearer {key}", "Content-Type": "application/x-ndjson"})


def wait_done(server, location: str, timeout: float = 300) -> dict:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        job = requests.get(server.url + location, timeout=30).json()
        if job["state"] == "done":
            return job
        time.sleep(0.3)
    raise AssertionError(f"job not done in {timeout} s: {job['counts']}")


def wait_running(server, location: str, timeout: float = 120, together: int = 1) -> dict:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        job = requests.get(server.url + location, timeout=30).json()
        if job["counts"]["running"] >= together and job["counts"]["done"]:
            return job
        time.sleep(0.05)
    raise AssertionError(f"no article running in {timeout} s: {job['counts']}")


def line(text: str, **fields) -> str:
    return json.dumps({"text": text, **fields}, ensure_ascii=False)


def mixed_batch(first: int, *, kills: bool) -> tuple[list[str], dict[int, str]]:
    """Lines of good and bad articles, and each line's expected status."""
    good = [article(first + 3 * n) for n in range(4)]
    lines = {
        1: (line(good[0], outlet="Kiểm chứng", published="2022-01-08"), "done"),
        2: (line("Nga yêu cầu NATO ngừng mở rộng."), "invalid"),  # too short
        3: ('{"text": "Nga", ', "invalid"),  # not JSON
        4: (line(good[0]), "duplicate"),  # the same text as line 1
        5: (line(SEED_TEXT), "duplicate"),  # seeded before
        6: (line(good[1], author="x"), "invalid"),  # unknown field
        7: (line(good[1] + "\n\n" + FAILS), "failed"),  # the extractor raises, every time
        8: (line(good[2], url="https://example.vn/8"), "done"),
        10: (line(good[3]), "done"),  # line 9 is blank: skipped, still counted
    }
    if kills:  # RQ only: an embedded runner cannot be stopped from outside, nor outlive its server process
        lines[11] = (line(article(first + 30) + "\n\n" + KILLS), "failed")  # kills its process, every time
        lines[12] = (line(article(first + 33) + "\n\n" + STALLS), "failed")  # past INGEST_ARTICLE_TIMEOUT
    text_lines = [lines[n][0] if n in lines else "" for n in range(1, max(lines) + 1)]
    return text_lines, {n: status for n, (_, status) in lines.items()}


def assert_mixed_outcome(job: dict, expected: dict[int, str], url: str, seeded_id: str) -> None:
    outcome = {a["line"]: a["status"] for a in job["articles"]}
    # lines 1 and 4 carry the same text: whichever a worker finished first is stored, the other is its duplicate
    assert sorted([outcome.pop(1), outcome.pop(4)]) == ["done", "duplicate"]
    assert outcome == {n: status for n, status in expected.items() if n not in (1, 4)}, job["articles"]
    by_line = {a["line"]: a for a in job["articles"]}
    assert by_line[4]["source_id"] == by_line[1]["source_id"] and by_line[5]["source_id"] == seeded_id
    assert "at least 200" in by_line[2]["error"] and "JSON" in by_line[3]["error"] and "author" in by_line[6]["error"]
    assert "injected fault" in by_line[7]["error"] and by_line[7]["attempts"] == 3
    if 11 in by_line:
        assert "Gave up after 3 attempts" in by_line[11]["error"]
        assert "JobTimeoutException" in by_line[12]["error"] and by_line[12]["attempts"] == 3
    counts = job["counts"]
    assert counts["duplicate"] == 2 and counts["done"] == sum(s == "done" for s in expected.values())
    assert counts["submitted"] == len(expected) and counts["queued"] == counts["running"] == 0
    assert counts["failed"] == sum(s == "failed" for s in expected.values())
    stored = {source_id: (text, count) for source_id, _, text, count in stored_sources(url)}
    for n, status in expected.items():
        if status == "done":
            text, count = stored[by_line[n]["source_id"]]
            assert count == expected_positions(text) and count > 0  # stored whole


@pytest.fixture()
def database(tmp_path):
    with fresh_database(tmp_path) as url:
        yield url, create_api_key(url, "batch-jobs")


def seeded_source_id(url: str) -> str:
    from models.ingest import content_hash

    return content_hash(SEED_TEXT)[:16]


def test_rq_mixed_batch_two_workers_one_queue_read_through_a_second_server(database, redis_queue, tmp_path):
    url, key = database
    redis_url, queue, job_ids = redis_queue
    env = {"REDIS_URL": redis_url, "INGEST_QUEUE": queue, "INGEST_ARTICLE_TIMEOUT": "5"}  # given at enqueueing
    first, second = BatchServer(url, env, workers=1), BatchServer(url, env, workers=1)
    workers = [Worker(url, redis_url, queue, f"{queue}-w{n}", tmp_path) for n in (1, 2)]
    with running(first, second, *workers):
        lines, expected = mixed_batch(3_000_000, kills=True)
        response = submit(first, key, lines)
        assert response.status_code == 202, response.text[:1000]
        job_ids.append(response.json()["id"])
        assert response.headers["Location"] == f"/jobs/{response.json()['id']}"
        accepted = response.json()
        assert accepted["counts"]["invalid"] == 3 and accepted["counts"]["queued"] == len(expected) - 3
        job = wait_done(second, response.headers["Location"])  # read through the server that did not take it
        assert requests.get(first.url + response.headers["Location"], timeout=30).json()["articles"] == job["articles"]
    assert_mixed_outcome(job, expected, url, seeded_source_id(url))
    # both workers took articles from the one queue
    import redis
    from rq.job import Job

    connection = redis.Redis.from_url(redis_url)
    names = {Job.fetch(job_id.decode(), connection=connection).worker_name
             for job_id in connection.scan_iter(f"rq:job:ingest-{job['id']}-*") for job_id in [job_id[len("rq:job:"):]]}
    assert names >= {w.name for w in workers}, names


def test_rq_chunks_of_articles_stored_together_fail_and_retry_article_by_article(database, redis_queue, tmp_path):
    """Articles queued in chunks of 4 (workers/tasks.py run_items): a chunk's first run stores its articles
    in one transaction; an article that raises, kills its process or stalls makes the later runs take the
    chunk's articles one at a time, and fails alone, with the same outcomes as one article a job."""
    url, key = database
    redis_url, queue, job_ids = redis_queue
    env = {"REDIS_URL": redis_url, "INGEST_QUEUE": queue, "INGEST_ARTICLE_TIMEOUT": "5", "INGEST_CHUNK": "4",
           "INGEST_MIN_JOBS": "1"}
    server = BatchServer(url, env, workers=1)
    worker = Worker(url, redis_url, queue, f"{queue}-w1", tmp_path)
    with running(server, worker):
        lines, expected = mixed_batch(7_000_000, kills=True)
        response = submit(server, key, lines)
        assert response.status_code == 202, response.text[:1000]
        job_ids.append(response.json()["id"])
        job = wait_done(server, response.headers["Location"])
    assert_mixed_outcome(job, expected, url, seeded_source_id(url))
    import redis

    queued = len(expected) - 3  # the invalid lines are never queued
    rq_jobs = list(redis.Redis.from_url(redis_url).scan_iter(f"rq:job:ingest-{job['id']}-*"))
    assert len(rq_jobs) == -(-queued // 4), rq_jobs  # in chunks of 4


def test_embedded_mixed_batch_run_by_two_servers_read_through_either(database):
    url, key = database
    first, second = BatchServer(url, EMBEDDED_SETTINGS), BatchServer(url, EMBEDDED_SETTINGS)
    with running(first, second):
        lines, expected = mixed_batch(4_000_000, kills=False)
        response = submit(first, key, lines)
        assert response.status_code == 202, response.text[:1000]
        job = wait_done(second, response.headers["Location"])
        assert requests.get(first.url + response.headers["Location"], timeout=30).json() == job
    assert_mixed_outcome(job, expected, url, seeded_source_id(url))


KILL_BATCH = 12
PARAGRAPHS = 600  # ~0.3 s of extraction and as long to store an article on a quiet machine (200: a kill once
# fell after the article it aimed at): kills fall on articles in progress


def assert_killed_batch_whole(job: dict, texts: list[str], url: str) -> dict:
    counts = job["counts"]
    stored = {source_id: (text, count) for source_id, _, text, count in stored_sources(url)}
    ids = [a["source_id"] for a in job["articles"]]
    assert counts["done"] == len(texts) and counts["failed"] == counts["duplicate"] == 0, job["articles"]
    assert len(set(ids)) == len(texts)
    for source_id, text in zip(ids, texts):
        assert stored[source_id][0] == text and stored[source_id][1] == expected_positions(text)
    assert sum(1 for text, _ in stored.values() if text in texts) == len(texts)  # none twice
    database = database_counts(url)
    assert database["orphan_positions"] == database["orphan_targets"] == database["orphan_topics"] == 0
    return {"submitted": counts["submitted"], "stored": counts["done"], "duplicates": counts["duplicate"],
            "failed": counts["failed"], "retried": sum(a["attempts"] > 1 for a in job["articles"]),
            "attempts": sum(a["attempts"] for a in job["articles"])}


def test_rq_workers_sigkilled_mid_batch_lose_nothing_and_store_nothing_twice(database, redis_queue, tmp_path):
    url, key = database
    redis_url, queue, job_ids = redis_queue
    texts = [article(5_000_000 + PARAGRAPHS * n, PARAGRAPHS) for n in range(KILL_BATCH)]
    server = BatchServer(url, {"REDIS_URL": redis_url, "INGEST_QUEUE": queue}, workers=1)
    victim, survivor = (Worker(url, redis_url, queue, f"{queue}-{role}", tmp_path) for role in ("victim", "survivor"))
    with running(server, victim, survivor):
        response = submit(server, key, [line(text) for text in texts])
        assert response.status_code == 202, response.text[:1000]
        job_ids.append(response.json()["id"])
        location = response.headers["Location"]
        victim.wait_mid_article(url)
        os.kill(victim.horse(), signal.SIGKILL)  # first only its work horse: RQ retries the article at once
        time.sleep(0.5)
        victim.wait_mid_article(url)
        victim.kill()  # then the whole worker: the survivor retries its article once its heartbeat runs out
        job = wait_done(server, location)
    outcome = assert_killed_batch_whole(job, texts, url)
    print(f"RQ kill test: {outcome}")
    assert outcome["attempts"] >= len(texts) + 2  # both killed articles were taken again


def test_embedded_server_worker_sigkilled_mid_batch_loses_nothing(database):
    from reliability_support import wait_for_workers

    url, key = database
    texts = [article(6_000_000 + PARAGRAPHS * n, PARAGRAPHS) for n in range(KILL_BATCH)]
    server = BatchServer(url, EMBEDDED_SETTINGS)
    with running(server):
        response = submit(server, key, [line(text) for text in texts])
        assert response.status_code == 202, response.text[:1000]
        location = response.headers["Location"]
        wait_running(server, location, together=2)  # both server processes' runners are mid-article
        pids = wait_for_workers(server.process.pid, 2)
        for pid in pids:
            os.kill(pid, signal.SIGKILL)
        wait_for_workers(server.process.pid, 2, without=set(pids))
        job = wait_done(server, location)
    outcome = assert_killed_batch_whole(job, texts, url)
    print(f"embedded kill test: {outcome}")
    assert outcome["attempts"] >= len(texts) + 1  # at least one article was taken again
