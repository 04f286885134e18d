#!/usr/bin/env python3
"""Ingest throughput: articles per second through the seed path (extract + models.ingest.store_article),
in one process pinned to one core, into a fresh SQLite file (or DATABASE_URL with --database-url).

usage: ingest.py [--articles 200] [--database-url URL] [--json]

The seed articles are repeated, each copy made a new article by a credit line of its own (the seed path
would otherwise recognise the text and take its cheaper re-seed branch). One warm-up article loads the
NLP models first, so their loading is not counted.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

import extraction  # noqa: E402
import models  # noqa: E402
from models.ingest import store_article, sync_reference  # noqa: E402


def articles(count: int, seeds_dir: Path = ROOT / "seeds"):
    base = [extraction.read_article(path) for path in sorted(seeds_dir.glob("*.txt"))]
    for n in range(count):
        text, meta = base[n % len(base)]
        yield f"{text}\nNguồn: https://bench.invalid/ingest/{n}\n", meta


def run(count: int, database_url: str) -> dict:
    models.bind(database_url)
    models.create_tables()
    sync_reference(extraction.reference)
    warm_text, warm_meta = next(articles(1))
    extraction.extract(warm_text, warm_meta)
    batch = list(articles(count))
    positions = 0
    started = time.perf_counter()
    for text, meta in batch:
        result = extraction.extract(text, meta)
        store_article(text, meta, result)
        positions += len(result.positions)
    elapsed = time.perf_counter() - started
    return {"articles": count, "positions": positions, "seconds": round(elapsed, 3),
            "articles_per_s": round(count / elapsed, 1), "database": database_url.split(":", 1)[0]}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--database-url", help="default: a fresh SQLite file")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})
    with tempfile.TemporaryDirectory() as tmp:
        result = run(args.articles, args.database_url or f"sqlite:///{tmp}/ingest.sqlite3")
    print(json.dumps(result) if args.json else
          f"{result['articles']} articles, {result['positions']} positions in {result['seconds']} s: "
          f"{result['articles_per_s']} articles/s on one core ({result['database']})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
