#!/usr/bin/env python3
"""Extract every article in seeds/ into the database named by DATABASE_URL (idempotent).

usage: python scripts/seed.py [--seeds DIR]
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import models  # noqa: E402
from models.ingest import store_article, sync_reference  # noqa: E402


def seed(seeds_dir: Path) -> tuple[int, int]:
    """Seed every *.txt of seeds_dir; return (articles, positions)."""
    import extraction

    models.bind()
    models.create_tables()
    sync_reference(extraction.reference)
    articles = positions = 0
    for path in sorted(seeds_dir.glob("*.txt")):
        text, meta = extraction.read_article(path)
        result = extraction.extract(text, meta)
        store_article(text, meta, result)
        articles += 1
        positions += len(result.positions)
    return articles, positions


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=Path, default=ROOT / "seeds", help="folder of *.txt articles")
    args = parser.parse_args()
    started = time.perf_counter()
    articles, positions = seed(args.seeds)
    print(f"seeded {articles} articles, {positions} positions into {models.database_url()} "
          f"in {time.perf_counter() - started:.1f} s")


if __name__ == "__main__":
    main()
