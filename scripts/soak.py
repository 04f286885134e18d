#!/usr/bin/env python3
"""Soak test: real gunicorn under a steady mix of reads and writes for a while, counting every failure.

usage: python scripts/soak.py [--seconds 60] [--connections 32] [--workers 2] [--write-share 0.05]
                              [--database-url URL] [--json PATH]

Without --database-url it seeds a fresh SQLite database in a temporary folder. With one (e.g. a PostgreSQL
URL) it seeds that database (idempotent) and removes what the soak added when it ends. The load comes from
--connections threads (spread over two processes) on loopback, each sending one request after another:
lists, filters, lookups by id and text searches, and POST /articles with an API key for --write-share of
them. Every request is valid, so anything but 2xx counts as a failure. Prints requests served, failures,
latency percentiles per kind, and the workers' resident memory from start to end; gunicorn replacing a
worker (a crash) shows as a changed worker pid.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import multiprocessing
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter, defaultdict
from pathlib import Path
from urllib.parse import quote

import requests

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))  # made-to-order articles, shared with the reliability tests
sys.path.insert(0, str(ROOT / "scripts" / "bench"))

from reliability_support import article  # noqa: E402 (after the path setup)

LOAD_PROCESSES = 2  # one Python process cannot drive 32 connections alone (the GIL)
WRITE_RATE_LIMIT = "1000000/minute"  # the soak is one key writing as fast as it can: not what is measured
SAMPLE_SECONDS = 5


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--write-share", type=float, default=0.05)
    parser.add_argument("--database-url", help="default: a fresh seeded SQLite database in a temporary folder")
    parser.add_argument("--json", type=Path, help="also write the results here")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="soak-") as folder:
        url = args.database_url or f"sqlite:///{folder}/positions.sqlite3"
        key = prepare(url)
        since = dt.datetime.now(dt.timezone.utc)
        try:
            results = soak(url, key, args)
        finally:
            if args.database_url:
                cleanup(url, since)
    report(results)
    if args.json:
        args.json.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def prepare(url: str) -> str:
    """Seed the database and make the soak's API key (scripts as an operator runs them)."""
    env = {**os.environ, "DATABASE_URL": url}
    subprocess.run([sys.executable, str(ROOT / "scripts" / "seed.py")], env=env, check=True, capture_output=True)
    made = subprocess.run([sys.executable, str(ROOT / "scripts" / "create_api_key.py"), f"soak-{os.getpid()}"],
                          env=env, check=True, capture_output=True, text=True)
    return made.stdout.strip()


def cleanup(url: str, since: dt.datetime) -> None:
    """Remove the soak's sources and key: a database given with --database-url is left as it was found."""
    import models
    from models.ingest import delete_source

    db = models.bind(url)
    with db.connection_context():
        submitted = models.Source.name.is_null() & (models.Source.ingested_at >= since)
        for source in models.Source.select().where(submitted):
            delete_source(source)
        models.ApiKey.delete().where(models.ApiKey.name == f"soak-{os.getpid()}").execute()


def soak(url: str, key: str, args) -> dict:
    import psutil

    port = free_port()
    base = f"http://127.0.0.1:{port}"
    env = {**os.environ, "DATABASE_URL": url, "WRITE_RATE_LIMIT": WRITE_RATE_LIMIT}
    server = subprocess.Popen([sys.executable, "-m", "gunicorn", "--bind", f"127.0.0.1:{port}", "--workers",
                               str(args.workers), "--access-logfile", "/dev/null", "api:create_app()"],
                              cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        wait_ready(server, base)
        master = psutil.Process(server.pid)
        targets = read_targets(base)
        start_pids = sorted(child.pid for child in master.children())
        memory = [{"second": 0, "rss_mib": rss_mib(start_pids)}]
        cpu_before, load_before = cpu_seconds(start_pids), os.getloadavg()[0]
        sources_before = requests.get(f"{base}/sources?per_page=1", timeout=30).json()["total"]

        per_process = -(-args.connections // LOAD_PROCESSES)
        with multiprocessing.Pool(LOAD_PROCESSES) as pool:
            jobs = [pool.apply_async(drive, (base, key, targets, args.seconds, args.write_share,
                                             min(per_process, args.connections - i * per_process), i))
                    for i in range(LOAD_PROCESSES)]
            started = time.monotonic()
            while not all(job.ready() for job in jobs):
                time.sleep(1)
                if time.monotonic() - started >= len(memory) * SAMPLE_SECONDS:
                    pids = sorted(child.pid for child in master.children())
                    memory.append({"second": round(time.monotonic() - started), "rss_mib": rss_mib(pids)})
            samples = [job.get() for job in jobs]
        end_pids = sorted(child.pid for child in master.children())
        memory.append({"second": round(time.monotonic() - started), "rss_mib": rss_mib(end_pids)})
        # the machine is shared with the load generator (and whatever else runs): what the server got of it
        workers_cpu = round(cpu_seconds(end_pids) - cpu_before, 1) if end_pids == start_pids else None
        load_average = (round(load_before, 2), round(os.getloadavg()[0], 2))
        sources_after = requests.get(f"{base}/sources?per_page=1", timeout=30).json()["total"]
    finally:
        server.terminate()
        server.wait(timeout=30)
    results = summarize(samples, args)
    results.update(memory=memory, worker_pids_start=start_pids, worker_pids_end=end_pids,
                   workers_cpu_seconds=workers_cpu, load_average_start_end=load_average,
                   sources_added=sources_after - sources_before, database=engine_of(url), machine=machine())
    return results


def read_targets(base: str) -> dict:
    """Ids, codes and page numbers that exist, so every request the soak sends is valid."""
    positions = requests.get(f"{base}/positions?per_page=100", timeout=30).json()
    sources = requests.get(f"{base}/sources?per_page=100", timeout=30).json()
    actors = requests.get(f"{base}/actors", timeout=30).json()
    actor_codes = [a["code"] for a in (actors["items"] if isinstance(actors, dict) else actors)]
    return {"position_ids": [p["id"] for p in positions["items"]], "source_ids": [s["id"] for s in sources["items"]],
            "actors": actor_codes[:20], "position_pages": max(1, positions["total"] // 20)}


def drive(base: str, key: str, targets: dict, seconds: float, write_share: float, connections: int,
          process_index: int) -> list:
    """One load process: `connections` threads, each one request after another until the time is up."""
    deadline = time.monotonic() + seconds
    outcomes: list = []
    lock = threading.Lock()

    def connection(index: int) -> None:
        rng = random.Random(process_index * 1000 + index)
        articles = iter(range(10**7 * (process_index + 1) + 10**5 * index, 10**9, 3))
        mine = []
        with requests.Session() as session:
            while time.monotonic() < deadline:
                kind, method, path, body = pick(rng, targets, write_share, articles)
                started = time.perf_counter()
                try:
                    response = session.request(method, base + path, json=body, timeout=60,
                                               headers={"Authorization": f"Bearer {key}"} if body else None)
                    status = response.status_code
                except requests.RequestException as error:
                    status = type(error).__name__
                mine.append((kind, status, time.perf_counter() - started))
        with lock:
            outcomes.extend(mine)

    threads = [threading.Thread(target=connection, args=(i,)) for i in range(connections)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return outcomes


QUERIES = ("đàm phán", "NATO", "Ukraine", "an ninh", "trừng phạt")


def pick(rng: random.Random, targets: dict, write_share: float, articles) -> tuple:
    """(kind, method, path, JSON body) of one valid request."""
    if rng.random() < write_share:
        return "write", "POST", "/articles", {"text": article(next(articles))}
    roll = rng.random()
    if roll < 0.3:
        return "list", "GET", rng.choice((f"/positions?page={rng.randint(1, targets['position_pages'])}",
                                          "/sources", "/actors", "/topics", "/people")), None
    if roll < 0.6:
        actor = rng.choice(targets["actors"])
        return "filter", "GET", rng.choice((f"/positions?actor={actor}", f"/positions?actor={actor}&kind=demand",
                                            "/positions?since=2022-01-01&until=2022-02-28", f"/demands?actor={actor}",
                                            "/positions?has_quote=true&sort=newest")), None
    if roll < 0.9:
        return "by_id", "GET", rng.choice((f"/positions/{rng.choice(targets['position_ids'])}",
                                           f"/sources/{rng.choice(targets['source_ids'])}",
                                           f"/actors/{rng.choice(targets['actors'])}")), None
    return "search", "GET", f"/positions?q={quote(rng.choice(QUERIES))}", None


def summarize(samples: list[list], args) -> dict:
    outcomes = [outcome for sample in samples for outcome in sample]
    by_kind: dict[str, list] = defaultdict(list)
    for kind, status, seconds in outcomes:
        by_kind[kind].append((status, seconds))
    failures = Counter(f"{kind} {status}" for kind, status, _ in outcomes
                       if not (isinstance(status, int) and 200 <= status < 300))
    return {
        "seconds": args.seconds, "connections": args.connections, "workers": args.workers,
        "write_share": args.write_share, "requests": len(outcomes),
        "requests_per_second": round(len(outcomes) / args.seconds, 1),
        "errors": sum(1 for _, status, _ in outcomes if not isinstance(status, int)),
        "non_2xx": sum(1 for _, status, _ in outcomes if isinstance(status, int) and not 200 <= status < 300),
        "failures": dict(failures),
        "kinds": {kind: {"requests": len(rows), **percentiles([s for _, s in rows]),
                         "statuses": dict(Counter(str(status) for status, _ in rows))}
                  for kind, rows in sorted(by_kind.items())},
    }


def percentiles(seconds: list[float]) -> dict:
    if len(seconds) < 2:
        return {}
    cuts = statistics.quantiles(seconds, n=100)
    return {"p50_ms": round(cuts[49] * 1000, 1), "p95_ms": round(cuts[94] * 1000, 1),
            "p99_ms": round(cuts[98] * 1000, 1), "max_ms": round(max(seconds) * 1000, 1)}


def report(results: dict) -> None:
    print(f"{results['database']}, {results['workers']} workers, {results['connections']} connections, "
          f"{results['seconds']:.0f} s, writes {results['write_share']:.0%}  ({results['machine']})")
    print(f"requests served: {results['requests']} ({results['requests_per_second']}/s); "
          f"errors (no answer): {results['errors']}; non-2xx: {results['non_2xx']} {results['failures'] or ''}")
    for kind, row in results["kinds"].items():
        print(f"  {kind:7} {row['requests']:7} requests  p50 {row.get('p50_ms')} ms  p95 {row.get('p95_ms')} ms  "
              f"p99 {row.get('p99_ms')} ms  max {row.get('max_ms')} ms  {row['statuses']}")
    created = results["kinds"].get("write", {}).get("statuses", {}).get("201", 0)
    print(f"sources added: {results['sources_added']} (201 answers: {created})")
    replaced = results["worker_pids_start"] != results["worker_pids_end"]
    print(f"workers {results['worker_pids_start']} -> {results['worker_pids_end']}"
          f"{' (REPLACED: a worker died)' if replaced else ' (none replaced)'}")
    print(f"workers' CPU time: {results['workers_cpu_seconds']} s of {results['seconds']:.0f} s x "
          f"{os.cpu_count()} cores; load average at start and end {results['load_average_start_end']}")
    print("worker RSS (MiB) over time: " + "; ".join(f"{m['second']} s {m['rss_mib']}" for m in results["memory"]))


def cpu_seconds(pids) -> float:
    import psutil

    return sum(sum(psutil.Process(pid).cpu_times()[:2]) for pid in pids)


def rss_mib(pids) -> list[float]:
    import psutil

    return [round(psutil.Process(pid).memory_info().rss / 2**20, 1) for pid in pids]


def wait_ready(server: subprocess.Popen, base: str, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit("gunicorn exited: " + server.stderr.read().decode()[-2000:])
        try:
            if requests.get(f"{base}/health", timeout=2).status_code == 200:
                return
        except (requests.ConnectionError, requests.Timeout):  # not listening yet, or no worker booted yet
            pass
        time.sleep(0.2)
    raise SystemExit("gunicorn did not answer /health in time")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def engine_of(url: str) -> str:
    return "SQLite" if url.startswith("sqlite") else "PostgreSQL"


def machine() -> str:
    import machine as bench_machine

    described = bench_machine.describe()
    return f"{described['cpu']}, {described['ram']}, Python {described['python']}"


if __name__ == "__main__":
    main()
