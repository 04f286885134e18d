#!/usr/bin/env python3
"""Search (q=) latency in-process: each query's best time of 7 after a first, untimed request (which fills
the per-process total cache, as a busy server has it), through the Flask test client.

usage: DATABASE_URL=... python scripts/benchmark_search.py   (a corpus from scripts/build_corpus.py)
"""
from __future__ import annotations

import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

QUERIES = ["/positions?q=Nga", "/positions?q=Nga&sort=newest", "/positions?q=Biden", "/positions?q=trung%20quoc",
           "/positions?q=dam%20phan", "/positions?q=NATO%20bac%20bo", "/positions?q=b%C3%A1c%20b%E1%BB%8F",
           "/positions?q=Biden&actor=NATO", "/explore?q=dam%20phan", "/explore"]
RUNS = 7


def main() -> None:
    from api import create_app

    client = create_app({"DATABASE_URL": os.environ["DATABASE_URL"]}).test_client()
    total = client.get("/health").get_json()["positions"]
    print(f"{total} positions, load average {os.getloadavg()[0]:.1f}")
    for url in QUERIES:
        first = client.get(url)
        if first.status_code != 200:
            print(f"{url}: {first.status_code}")
            continue
        times = []
        for _ in range(RUNS):
            started = time.perf_counter()
            client.get(url)
            times.append((time.perf_counter() - started) * 1000)
        matches = first.get_json()["total"] if first.is_json else "-"
        print(f"{url:45} {matches:>8} matches  best {min(times):7.1f} ms  median {sorted(times)[RUNS // 2]:7.1f} ms")


if __name__ == "__main__":
    main()
