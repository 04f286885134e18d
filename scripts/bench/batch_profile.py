#!/usr/bin/env python3
"""Where one ingest worker's time goes, article by article: the task path of a work horse
(workers.tasks.run_item) run in this process under cProfile, split into extraction, store (without its
claim upkeep), claim upkeep, job bookkeeping and connecting.

usage: batch_profile.py [--articles 200] [--chunk 4] [--database-url URL] [--skip 0] [--top 25]

The articles are batch.py's (the dev corpus and seeds, numbered so none is a duplicate); the database is a
fresh one as in batch.py (a SQLite file, or a schema of its own on --database-url). `--skip N` stores the
first N articles unprofiled first (the database then holds what a batch's later articles meet). --chunk:
articles an RQ job, as workers.dispatch queues them (workers.tasks.run_items; 0: run_item each). Not a
fork per article as RQ does: what a fork costs is in the wall and CPU figures of batch.py, not here.
"""
from __future__ import annotations

import argparse
import cProfile
import json
import pstats
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from batch import ROOT, articles, fresh_database, prepare  # noqa: E402

sys.path.insert(0, str(ROOT))

# (label, module file suffix, function name): cumulative time of each, in the profile
PARTS = [
    ("extraction", "extraction/__init__.py", "extract"),
    ("store (write_article; store_article before)", "models/ingest.py", "write_article|store_article"),
    ("  claim upkeep: keep_claims (chunks)", "models/ingest.py", "keep_claims"),
    ("  claim upkeep: regroup_sources", "models/claims.py", "regroup_sources"),
    ("  claim upkeep: regroup_claims", "models/claims.py", "regroup_claims"),
    ("  positions: _insert_positions", "models/ingest.py", "_insert_positions"),
    ("job: claim", "models/jobs.py", "claim|claim_many"),
    ("job: unfinished (chunks)", "models/jobs.py", "unfinished"),
    ("job: lock_unfinished", "models/jobs.py", "lock_unfinished|locked_unfinished|lock_unfinished_many"),
    ("job: mark_stored", "models/jobs.py", "mark_stored"),
    ("job: duplicate check", "workers/tasks.py|models/queries.py", "_stored_id|source_by_hash"),
    ("write_transaction (all: the time in write transactions)", "models/ingest.py", "write_transaction"),
    ("connect", "peewee.py", "connect"),
    ("close", "peewee.py", "close"),
    ("json.loads (item.article)", "json/__init__.py", "loads"),
]


def cumulative(stats: pstats.Stats, suffix: str, name: str) -> tuple[float, int]:
    total, calls = 0.0, 0
    for (filename, _, function), (_, ncalls, _, cumtime, callers) in stats.stats.items():
        if function in name.split("|") and filename.endswith(tuple(suffix.split("|"))):
            if function == "store_article" and any(f == "write_article" for (_, _, f) in stats.stats):
                continue  # store_article calls write_article: counted once
            total += cumtime
            calls += ncalls
    return total, calls


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--skip", type=int, default=0)
    parser.add_argument("--chunk", type=int, default=4, help="articles an RQ job (0: workers.tasks.run_item)")
    parser.add_argument("--database-url")
    parser.add_argument("--top", type=int, default=25)
    parser.add_argument("--dump", help="write the raw profile here (pstats format)")
    args = parser.parse_args(argv)

    import extraction
    import models
    from models import jobs
    from models.database import database
    from workers import tasks
    from workers.rq_worker import WARM_UP_ARTICLE

    extraction.extract(*extraction.read_article(WARM_UP_ARTICLE))  # as the worker does before its first fork
    batch = articles(args.skip + args.articles)
    with fresh_database(args.database_url) as url:
        prepare(url)
        models.bind(url)
        with database.connection_context():
            _, items = jobs.create_job([(n + 1, article, None) for n, article in enumerate(batch)])
        def run(ids):
            if not args.chunk:
                for item_id in ids:
                    tasks.run_item(item_id)
            for start in range(0, len(ids) if args.chunk else 0, args.chunk or 1):
                tasks.run_items(ids[start:start + args.chunk])

        run(items[:args.skip])
        profile = cProfile.Profile()
        cpu0, wall0 = time.process_time(), time.perf_counter()
        profile.enable()
        run(items[args.skip:])
        profile.disable()
        cpu, wall = time.process_time() - cpu0, time.perf_counter() - wall0
        with database.connection_context():
            job_id = jobs.IngestItem.get_by_id(items[0]).job_id
            outcome = {k: v for k, v in jobs.job_report(job_id)["counts"].items() if v}
        database.close()
    if args.dump:
        profile.dump_stats(args.dump)
    stats = pstats.Stats(profile)
    n = args.articles
    print(f"{n} articles (after {args.skip}), {url.split(':', 1)[0]}: wall {wall / n * 1000:.1f} ms an article, "
          f"CPU {cpu / n * 1000:.1f} ms an article (profiled: cProfile adds its own overhead)")
    rows = {}
    for label, suffix, name in PARTS:
        seconds, calls = cumulative(stats, suffix, name)
        rows[label] = round(seconds / n * 1000, 1)
        print(f"  {label:42s} {seconds / n * 1000:8.1f} ms an article  ({calls} calls)")
    print(json.dumps({"ms_per_article": rows, "outcome": outcome}))
    stats.sort_stats("cumulative").print_stats(args.top)
    return 0


if __name__ == "__main__":
    sys.exit(main())
