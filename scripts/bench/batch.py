#!/usr/bin/env python3
"""Batch ingest throughput: 1,000 articles through POST /articles/batch and 1, then 2, RQ workers.

usage: batch.py [--articles 1000] [--workers 1 2] [--database-url URL] [--redis-url URL] [--json]

The articles are the real ones in ../shared/dev/train and seeds/ (read at run time, never copied into
the project), repeated with a numbered sentence appended so that no two are the same text (a duplicate
would skip its extraction). For each worker count: a fresh database (a new SQLite file, or a new schema
of --database-url on PostgreSQL), a gunicorn server with REDIS_URL, that many `scripts/worker.py`
processes (started, and their NLP models loaded, before the clock starts), then one batch is posted and
the clock runs until GET /jobs/{id} says done. Prints articles per second, the scaling factor, and the
machine's load average before and after each run (the machine may be shared), and the workers' CPU
seconds per article (their work horses included), which the machine's other load does not change much,
and on a local PostgreSQL the server's CPU seconds per article (its backends do the SQL work there).
"""
from __future__ import annotations

import argparse
import json
import os
import secrets
import subprocess
import sys
import tempfile
import time
from contextlib import ExitStack, contextmanager
from pathlib import Path

import machine
import servers

ROOT = Path(__file__).resolve().parents[2]
DEV_TRAIN = ROOT.parent / "shared" / "dev" / "train"
sys.path.insert(0, str(ROOT))


def articles(count: int) -> list[dict]:
    """`count` distinct articles from the dev corpus and the seeds, each with its sidecar's metadata."""
    import extraction

    paths = sorted(DEV_TRAIN.glob("*.txt")) + sorted((ROOT / "seeds").glob("*.txt"))
    if not paths:
        raise SystemExit(f"no articles in {DEV_TRAIN} or seeds/")
    base = [extraction.read_article(path) for path in paths]
    made = []
    for n in range(count):
        text, meta = base[n % len(base)]
        made.append({"text": f"{text}\n\nBản lưu trữ số {n + 1} của kho bài viết.", "outlet": meta.outlet,
                     "title": meta.title, "url": meta.url, "published": meta.published})
    return made


@contextmanager
def fresh_database(url: str | None):
    """A new empty database: a SQLite file, or a schema of its own on the PostgreSQL of `url`."""
    if not url:
        with tempfile.TemporaryDirectory() as tmp:
            yield f"sqlite:///{tmp}/batch.sqlite3"
        return
    import psycopg2

    schema = f"bench_batch_{secrets.token_hex(4)}"
    connection = psycopg2.connect(url.replace("postgresql://", "postgres://", 1))
    connection.autocommit = True
    connection.cursor().execute(f'CREATE SCHEMA "{schema}"')
    try:
        yield f"{url}{'&' if '?' in url else '?'}options=-csearch_path%3D{schema}"
    finally:
        connection.cursor().execute(f'DROP SCHEMA "{schema}" CASCADE')
        connection.close()


def prepare(database_url: str) -> str:
    """Schema, reference data and an API key in the fresh database; returns the key."""
    import extraction
    import models
    from models.apikeys import create_key
    from models.ingest import sync_reference

    db = models.bind(database_url)
    with db.connection_context():
        models.create_tables()
        sync_reference(extraction.reference)
        key = create_key("bench")
    db.close()
    return key


def start_worker(env: dict, name: str, log_dir: Path) -> subprocess.Popen:
    log = (log_dir / f"{name}.log").open("wb")
    return subprocess.Popen([sys.executable, str(ROOT / "scripts" / "worker.py"), "--name", name], cwd=ROOT,
                            env=env, stdout=log, stderr=subprocess.STDOUT)


def wait_listening(log: Path, process: subprocess.Popen, timeout: float = 300) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"worker exited: {log.read_text()[-2000:]}")
        if "Listening on" in log.read_text(errors="replace"):
            return
        time.sleep(0.2)
    raise RuntimeError("worker not listening in time")


def run(batch: list[dict], worker_count: int, database_url: str, redis_url: str) -> dict:
    import requests

    key = prepare(database_url)
    queue = f"bench-{os.getpid()}-{secrets.token_hex(3)}"
    env = {**os.environ, "DATABASE_URL": database_url, "REDIS_URL": redis_url, "INGEST_QUEUE": queue,
           "WRITE_RATE_LIMIT": "1000/minute", "ACCESS_LOG": "/dev/null"}
    body = "\n".join(json.dumps(article, ensure_ascii=False) for article in batch).encode("utf-8")
    with tempfile.TemporaryDirectory() as logs, ExitStack() as stack:
        workers = [start_worker(env, f"{queue}-{n}", Path(logs)) for n in range(worker_count)]
        for process in workers:
            stack.callback(lambda p=process: (p.terminate(), p.wait(timeout=60)))
        url = stack.enter_context(servers.gunicorn("api:create_app()", env=env, cwd=str(ROOT), ready_path="/health"))
        for n, process in enumerate(workers):
            wait_listening(Path(logs) / f"{queue}-{n}.log", process)
        load_before = machine.load_average()
        cpu_before = cpu_seconds(workers)
        server_before = database_server_cpu(database_url)
        started = time.perf_counter()
        response = requests.post(f"{url}/articles/batch", data=body, timeout=300, headers={
            "Authorization": f"Bearer {key}", "Content-Type": "application/x-ndjson"})
        response.raise_for_status()
        location = response.headers["Location"]
        while True:
            job = requests.get(url + location, timeout=60).json()
            if job["state"] == "done":
                break
            time.sleep(0.5)
        elapsed = time.perf_counter() - started
        cpu = cpu_seconds(workers) - cpu_before
        server_cpu = database_server_cpu(database_url) - server_before
    _clear_queue(redis_url, queue, job["id"])
    return {"workers": worker_count, "articles": len(batch), "seconds": round(elapsed, 1),
            "articles_per_s": round(len(batch) / elapsed, 2), "counts": job["counts"],
            "worker_cpu_s_per_article": round(cpu / len(batch), 3),
            "database_server_cpu_s_per_article": round(server_cpu / len(batch), 3) if server_cpu else None,
            "load_before": load_before, "load_after": machine.load_average(),
            "database": database_url.split(":", 1)[0]}


def cpu_seconds(processes: list[subprocess.Popen]) -> float:
    """CPU time of the workers and of their finished work horses (one per article): what the work cost,
    whatever else the machine was running."""
    import psutil

    total = 0.0
    for process in processes:
        times = psutil.Process(process.pid).cpu_times()
        total += times.user + times.system + times.children_user + times.children_system
    return total


def database_server_cpu(database_url: str) -> float:
    """CPU seconds of the local PostgreSQL server so far (its postmaster's processes, live and exited: each
    horse's connection is a backend of its own); 0 for SQLite, whose work is in the workers' own CPU. The
    whole server's: other users of it on this machine count too."""
    import psutil

    if database_url.startswith("sqlite"):
        return 0.0
    total = 0.0
    for process in psutil.process_iter(["name", "ppid"]):
        try:
            if process.info["name"] == "postgres" and psutil.Process(process.info["ppid"]).name() != "postgres":
                times = process.cpu_times()  # the postmaster: its exited children's time is in children_*
                total += times.user + times.system + times.children_user + times.children_system
                total += sum(sum(child.cpu_times()[:2]) for child in process.children())
        except psutil.Error:
            continue
    return total


def _clear_queue(redis_url: str, queue: str, job_id: str) -> None:
    import redis

    connection = redis.Redis.from_url(redis_url)
    for pattern in (f"*{queue}*", f"*ingest-{job_id}-*"):
        for key in connection.scan_iter(pattern, count=1000):
            connection.delete(key)
    connection.srem("rq:queues", f"rq:queue:{queue}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--database-url", help="a PostgreSQL URL (a schema of its own is made); default SQLite")
    parser.add_argument("--redis-url", default=os.environ.get("REDIS_URL") or "redis://127.0.0.1:6379/14")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    batch = articles(args.articles)
    results = []
    for count in args.workers:
        with fresh_database(args.database_url) as url:
            results.append(run(batch, count, url, args.redis_url))
        print(json.dumps(results[-1]), flush=True)
    base = results[0]["articles_per_s"]
    summary = {"machine": machine.describe(), "runs": results,
               "scaling": {r["workers"]: round(r["articles_per_s"] / base, 2) for r in results}}
    print(json.dumps(summary) if args.json else
          "\n".join(f"{r['workers']} worker(s): {r['articles']} articles in {r['seconds']} s = {r['articles_per_s']} "
                    f"articles/s, {r['worker_cpu_s_per_article']} CPU s an article"
                    + (f" + {r['database_server_cpu_s_per_article']} in the database server"
                       if r['database_server_cpu_s_per_article'] else "") + f" ({r['database']}; load "
                    f"{r['load_before']} -> {r['load_after']})" for r in results)
          + f"\nscaling: {summary['scaling']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
