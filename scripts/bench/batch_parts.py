#!/usr/bin/env python3
"""Where a batch's time goes, without a profiler: batch.py's articles through workers.tasks.run_items in this
one process, in the chunks workers.dispatch queues (INGEST_CHUNK, INGEST_MIN_JOBS apply), with a timer on
each part: extraction, the inserts (write_article), the claim upkeep (keep_claims), job bookkeeping.

usage: batch_parts.py [ARTICLES (1000)] [DATABASE_URL (- for a fresh SQLite file; PostgreSQL: a schema of its own)]

Prints milliseconds of wall time per article for each part, and in all. On SQLite everything but the
extraction holds the write lock; on PostgreSQL the claim upkeep holds the claims lock (models/ingest.py).
"""
import collections
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from batch import ROOT, articles, fresh_database, prepare  # noqa: E402

sys.path.insert(0, str(ROOT))
import extraction  # noqa: E402
import models  # noqa: E402
from models import jobs  # noqa: E402
from models.database import database  # noqa: E402
from workers import tasks  # noqa: E402
from workers.rq_worker import WARM_UP_ARTICLE  # noqa: E402

T = collections.Counter()
def timed(mod, name, label):
    real = getattr(mod, name)
    def wrapper(*a, **k):
        t = time.perf_counter()
        try: return real(*a, **k)
        finally: T[label] += time.perf_counter() - t
    setattr(mod, name, wrapper)
timed(extraction, "extract", "extraction")
timed(tasks, "write_article", "inserts (write_article)")
timed(tasks, "keep_claims", "claim upkeep (keep_claims)")
timed(tasks.jobs, "claim_many", "job: claim_many")
timed(tasks.jobs, "lock_unfinished_many", "job: lock_unfinished_many")
timed(tasks.jobs, "mark_stored", "job: mark_stored")
extraction.extract(*extraction.read_article(WARM_UP_ARTICLE))  # as a worker does before its first job
T.clear()
n = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
url = sys.argv[2] if len(sys.argv) > 2 and sys.argv[2] != "-" else None
batch = articles(n)
with fresh_database(url) as u:
    prepare(u)
    models.bind(u)
    with database.connection_context():
        _, items = jobs.create_job([(i + 1, a, None) for i, a in enumerate(batch)])
    chunks = tasks.chunks(items)
    t0, c0 = time.perf_counter(), time.process_time()
    for chunk in chunks:
        tasks.run_items(chunk)
    wall, cpu = time.perf_counter() - t0, time.process_time() - c0
print(json.dumps({"db": u.split(":")[0], "articles": n, "chunks": len(chunks), "wall_ms_per_article": round(wall / n * 1000, 1),
                  "cpu_ms_per_article": round(cpu / n * 1000, 1),
                  **{k: round(v / n * 1000, 1) for k, v in T.items()}}, ensure_ascii=False))
