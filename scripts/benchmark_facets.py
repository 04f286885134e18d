#!/usr/bin/env python3
"""Latency of facets and timelines on a large corpus, through the app in-process (no network, one thread).

usage: python scripts/benchmark_facets.py (--db /tmp/corpus.sqlite3 | --database-url postgresql://...) [--repeat 20]
       (build the corpus first: python scripts/build_corpus.py --db /tmp/corpus.sqlite3, 100,000 positions;
       on PostgreSQL: DATABASE_URL=postgresql://... python scripts/build_corpus.py)

For each URL: `cold` p50/p90 with the per-process facet cache emptied before every request (what the first
request after a write costs), then `warm` p50/p90 (the same URL again, the data unchanged), both with the
whole-response cache off (RESPONSE_CACHE_BYTES=0: the facet and count caches alone), then `again` p50/p90:
the same URL through the app as served, whose response cache answers a page asked before under the same
data version; then `written` p50/p90: one position rewritten before every request (its kind set to itself:
a real write, moving the data version, the kept counts and the facet change log as any write does; response
cache off): totals, pages and facets all computed again, as on the first request after a write. The facet
columns kept in memory (models/facet_columns.py) are loaded once per process before the URLs are measured;
that load is printed on its own. Prints the
load average beside the numbers: the machine is shared, and a loaded machine gives slower figures; the last
two columns are the CPU time of this process for cold and written (time.process_time: what other load
disturbs least; the database server's own CPU, on PostgreSQL, is not in it).
"""
from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from api import create_app  # noqa: E402
from models import facet_columns, facets  # noqa: E402
from models.database import database as proxy  # noqa: E402
from models.queries import CURRENT_VERSION  # noqa: E402

ALL = ",".join(facets.FACETS)
URLS = [
    f"/positions?facet={ALL}",
    f"/positions?actor=NATO&facet={ALL}",
    f"/positions?actor=RUSSIA&kind=demand&since=2022-01-01&facet={ALL}",
    f"/positions?topic=nato-enlargement&facet={ALL}",
    f"/positions?q=Nga&facet={ALL}",
    "/positions?facet=actor,kind",
    f"/demands?facet={ALL}",
    "/timeline",
    "/timeline?interval=week",
    "/timeline?interval=day&actor=NATO",
    "/timeline?interval=week&actor=RUSSIA&kind=demand,warning",
    "/timeline?interval=month&topic=nato-enlargement&format=svg",
]


def percentiles(samples: list[float]) -> tuple[float, float]:
    ordered = sorted(samples)
    return statistics.median(ordered), ordered[min(len(ordered) - 1, int(len(ordered) * 0.9))]


def measure(client, url: str, repeat: int, *, before=None, cpu: list[float] | None = None) -> list[float]:
    """Wall-clock ms of each request; its CPU ms appended to `cpu` when given."""
    samples = []
    for _ in range(repeat):
        if before:
            before()
        started, started_cpu = time.perf_counter(), time.process_time()
        response = client.get(url)
        samples.append((time.perf_counter() - started) * 1000)
        if cpu is not None:
            cpu.append((time.process_time() - started_cpu) * 1000)
        if response.status_code != 200:
            raise SystemExit(f"{url} answered {response.status_code}: {response.get_data(as_text=True)[:300]}")
    return samples


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    where = parser.add_mutually_exclusive_group(required=True)
    where.add_argument("--db", type=Path, help="SQLite corpus (scripts/build_corpus.py)")
    where.add_argument("--database-url", help="a database URL instead (PostgreSQL)")
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--url", action="append", help="measure these URLs instead")
    args = parser.parse_args(argv)
    database = args.database_url or f"sqlite:///{args.db.resolve()}"
    app = create_app({"DATABASE_URL": database, "RESPONSE_CACHE_BYTES": 0})
    client = app.test_client()
    served = create_app({"DATABASE_URL": database}).test_client()
    total = client.get("/positions?per_page=1").get_json()["total"]
    print(f"{total:,} positions; load average {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    print("| URL | cold p50 ms | cold p90 ms | warm p50 ms | warm p90 ms | again p50 ms | again p90 ms "
          "| written p50 ms | written p90 ms | cold CPU p50 ms | written CPU p50 ms |\n"
          "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")

    def write():  # a real write: every cache keyed by the data version misses, the change log moves on
        with app.app_context():
            proxy.execute_sql('UPDATE "position" SET "kind" = "kind" WHERE "id" = (SELECT MIN("id") FROM "position")')

    for each in (app, served.application):  # each app's columns read before measuring: no load beside a request
        with each.app_context(), proxy.atomic():
            version = proxy.execute_sql(CURRENT_VERSION).fetchone()[0]
            started = time.perf_counter()
            if facet_columns.current(version) is None:  # read by a thread of their own
                facet_columns.wait_loaded()
            print(f"facet columns loaded in {(time.perf_counter() - started) * 1000:.0f} ms (once per process)")

    for url in args.url or URLS:
        client.get(url)  # the SQLite page cache warm, as on a serving worker
        cold_cpu, written_cpu = [], []
        cold = percentiles(measure(client, url, args.repeat, before=facets._cache.clear, cpu=cold_cpu))
        warm = percentiles(measure(client, url, args.repeat))
        served.get(url)
        again = percentiles(measure(served, url, args.repeat))
        written = percentiles(measure(client, url, args.repeat, before=write, cpu=written_cpu))
        print(f"| `{url}` | {cold[0]:.1f} | {cold[1]:.1f} | {warm[0]:.1f} | {warm[1]:.1f} | {again[0]:.1f} | "
              f"{again[1]:.1f} | {written[0]:.1f} | {written[1]:.1f} | {statistics.median(cold_cpu):.1f} | "
              f"{statistics.median(written_cpu):.1f} |", flush=True)
    print(f"load average after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
