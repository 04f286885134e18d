#!/usr/bin/env python3
"""An ingest worker: takes articles of batch jobs from the RQ queue and stores them in the database.

usage: REDIS_URL=redis://HOST:6379/0 DATABASE_URL=postgresql://USER@HOST:5432/DB python scripts/worker.py
       [--burst] [--name NAME]

Start as many as there are cores, on as many machines as reach Redis and the database; each runs one
article at a time (in a forked work horse, with the NLP models loaded once before). The same as
`rq worker -w workers.rq_worker.IngestWorker --url $REDIS_URL positions-ingest`. --burst stops when the
queue is empty. INGEST_QUEUE names another queue (default positions-ingest).
"""
from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import workers  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--burst", action="store_true", help="stop once the queue is empty")
    parser.add_argument("--name", help="worker name shown by `rq info` (default: host and pid)")
    args = parser.parse_args(argv)
    if workers.redis_url() is None:
        parser.error("set REDIS_URL (e.g. redis://127.0.0.1:6379/0): without it the API servers run the jobs "
                     "themselves and no worker is needed")
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(levelname)s %(message)s")
    from workers.rq_worker import IngestWorker

    queue = workers.rq_queue()
    worker = IngestWorker([queue], connection=queue.connection, name=args.name)
    worker.work(burst=args.burst, logging_level="INFO")
    return 0


if __name__ == "__main__":
    sys.exit(main())
