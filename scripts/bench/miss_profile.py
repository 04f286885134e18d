#!/usr/bin/env python3
"""What a page of the wide mix costs on the response cache's miss path: the 2,700 URLs of mixes.wide run
in-process through the whole WSGI app (middleware, Flask, hooks) with RESPONSE_CACHE_BYTES=0, one request at
a time, in a shuffled order as wrk's threads ask them. Prints the CPU time per page (process time, best of
--rounds passes after a first pass that fills the per-process caches of totals and rows, as a worker has after
its first seconds), by per_page and filters given, and with --profile the functions that took it (cProfile).
Each measured pass starts with the compiled page statements forgotten: under wrk a worker meets most URLs of
the wide mix for the first time on the response cache's miss path. --cold: the first pass alone (totals
counted, rows built).

usage: miss_profile.py DB_PATH [--rounds 3] [--profile] [--top 30] [--cold]
"""
from __future__ import annotations

import argparse
import cProfile
import io
import pstats
import random
import statistics
import sys
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import mixes  # noqa: E402
from combinations import shape  # noqa: E402


def environ(url: str) -> dict:
    path, _, query = url.partition("?")
    return {"REQUEST_METHOD": "GET", "PATH_INFO": path, "QUERY_STRING": query, "SCRIPT_NAME": "",
            "SERVER_NAME": "127.0.0.1", "SERVER_PORT": "8000", "SERVER_PROTOCOL": "HTTP/1.1",
            "HTTP_HOST": "127.0.0.1:8000", "wsgi.url_scheme": "http", "wsgi.input": io.BytesIO(),
            "wsgi.errors": sys.stderr, "wsgi.multithread": True, "wsgi.multiprocess": True,
            "wsgi.run_once": False, "wsgi.version": (1, 0)}


def serve(app, url: str) -> bytes:
    status = []
    body = b"".join(app(environ(url), lambda s, h, e=None: status.append(s)))
    assert status[0].startswith("200"), (url, status, body[:300])
    return body


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("db", type=Path)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--profile", action="store_true")
    parser.add_argument("--top", type=int, default=30)
    parser.add_argument("--cold", action="store_true", help="measure the first pass (caches empty) alone")
    args = parser.parse_args(argv)
    from api import create_app
    from models import queries

    app = create_app({"DATABASE_URL": f"sqlite:///{args.db}", "RESPONSE_CACHE_BYTES": 0}).wsgi_app
    urls = mixes.wide(mixes.top_actors(args.db))
    random.Random(11).shuffle(urls)
    if not args.cold:
        for url in urls:
            serve(app, url)
    best: dict[str, float] = {}
    profiler = cProfile.Profile() if args.profile else None
    for _ in range(1 if args.cold else args.rounds):
        times = {}
        queries._statements.clear()
        if profiler:
            profiler.enable()
        for url in urls:
            started = time.process_time()
            serve(app, url)
            times[url] = time.process_time() - started
        if profiler:
            profiler.disable()
        best = {url: min(t, best.get(url, t)) for url, t in times.items()}
    by_per_page, by_given = defaultdict(list), defaultdict(list)
    for url, t in best.items():
        given, per_page = shape(url)
        by_per_page[per_page].append(t)
        by_given[given].append(t)
    print(f"CPU ms per page ({'cold' if args.cold else f'best of {args.rounds}'}), {len(urls)} URLs: "
          f"mean {statistics.mean(best.values()) * 1000:.3f}")
    for label, groups in (("per_page", by_per_page), ("given", by_given)):
        for key, values in sorted(groups.items(), key=lambda kv: str(kv[0])):
            print(f"  {label} {key}: mean {statistics.mean(values) * 1000:.3f} ms, "
                  f"max {max(values) * 1000:.3f} ms ({len(values)} URLs)")
    if profiler:
        out = io.StringIO()
        pstats.Stats(profiler, stream=out).sort_stats("tottime").print_stats(args.top)
        print(out.getvalue())
        out = io.StringIO()
        pstats.Stats(profiler, stream=out).sort_stats("cumulative").print_stats(args.top)
        print(out.getvalue())
    return 0


if __name__ == "__main__":
    sys.exit(main())
