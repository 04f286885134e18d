#!/usr/bin/env python3
"""Throughput of the extraction pipeline on one core.

usage: python scripts/benchmark_extraction.py [--articles seeds] [--min-bytes 1000000] [--json]

Builds a corpus of the development articles repeated until it holds at least --min-bytes of UTF-8
text, extracts every article once (after one warm-up article, so model loading is not counted) and
reports characters and articles per second of wall time and of this process's CPU time (one core:
the CPU figure holds when other work shares the machine; the load average is printed beside it).
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from extraction import extract, read_article  # noqa: E402


def corpus(articles: Path, min_bytes: int):
    base = [read_article(p) for p in sorted(articles.glob("*.txt"))]
    if not base:
        raise SystemExit(f"no articles in {articles}")
    out, size = [], 0
    while size < min_bytes or not out:  # at least once through (--min-bytes 0)
        for text, meta in base:
            out.append((text, meta))
            size += len(text.encode("utf-8"))
    return out


def run(articles: Path, min_bytes: int) -> dict:
    docs = corpus(articles, min_bytes)
    extract(*docs[0])  # warm-up: loads underthesea's models and the reference tables
    chars = sum(len(t) for t, _ in docs)
    positions = 0
    load = os.getloadavg()[0]
    t0, c0 = time.perf_counter(), time.process_time()
    for text, meta in docs:
        positions += len(extract(text, meta).positions)
    elapsed, cpu = time.perf_counter() - t0, time.process_time() - c0
    return {
        "cpu_seconds": round(cpu, 3), "chars_per_cpu_second": round(chars / cpu), "load_average": load,
        "articles": len(docs), "characters": chars, "bytes": sum(len(t.encode("utf-8")) for t, _ in docs),
        "positions": positions, "seconds": round(elapsed, 3),
        "chars_per_second": round(chars / elapsed), "articles_per_second": round(len(docs) / elapsed, 1),
    }


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", type=Path, default=ROOT / "seeds")
    ap.add_argument("--min-bytes", type=int, default=1_000_000)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    r = run(args.articles, args.min_bytes)
    if args.json:
        print(json.dumps(r))
    else:
        print(f"{r['articles']} articles, {r['characters']:,} characters ({r['bytes']:,} bytes), "
              f"{r['positions']} positions in {r['seconds']:.2f} s")
        print(f"{r['chars_per_second']:,} chars/s  {r['articles_per_second']} articles/s (wall)")
        print(f"{r['chars_per_cpu_second']:,} chars per CPU second (one core); load average {r['load_average']:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
