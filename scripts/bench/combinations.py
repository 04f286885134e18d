#!/usr/bin/env python3
"""Which filter combinations of the wide mix are slow: every URL of it timed in-process (Flask test client,
one request at a time, the second of two asks: totals cached; --cold: the first, with the total counted), grouped by combination shape
(which of kind, since, until are given) and per_page.

usage: combinations.py DB_PATH [--repeat N]
"""
from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import mixes  # noqa: E402


def shape(url: str) -> tuple[str, int]:
    params = dict(p.split("=", 1) for p in url.split("?", 1)[1].split("&"))
    given = "+".join(name for name in ("kind", "since", "until") if name in params) or "actor only"
    return given, int(params.get("per_page", 20))


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("db", type=Path)
    parser.add_argument("--repeat", type=int, default=2)
    parser.add_argument("--cold", action="store_true", help="time the first ask (the total counted) instead")
    args = parser.parse_args(argv)
    from api import create_app

    client = create_app({"DATABASE_URL": f"sqlite:///{args.db}"}).test_client()
    times: dict[tuple[str, int], list[float]] = defaultdict(list)
    worst: list[tuple[float, str]] = []
    for url in mixes.wide(mixes.top_actors(args.db)):
        for attempt in range(args.repeat):
            started = time.perf_counter()
            response = client.get(url)
            elapsed = (time.perf_counter() - started) * 1000
            assert response.status_code == 200, (url, response.status_code, response.get_data()[:300])
            if args.cold:
                break
        times[shape(url)].append(elapsed)
        worst.append((elapsed, url))
    print("| given | per_page | URLs | median ms | max ms |\n|---|---:|---:|---:|---:|")
    for (given, per_page), values in sorted(times.items(), key=lambda kv: -statistics.median(kv[1])):
        print(f"| {given} | {per_page} | {len(values)} | {statistics.median(values):.1f} | {max(values):.1f} |")
    print("\nslowest URLs:")
    for elapsed, url in sorted(worst, reverse=True)[:15]:
        print(f"  {elapsed:7.1f} ms  {url}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
