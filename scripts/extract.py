#!/usr/bin/env python3
"""Print the positions of Vietnamese news articles, one JSON object per line.

usage: python scripts/extract.py FILE...
       python scripts/extract.py --trace FILE   (every layer: blocks, mentions, dates, candidates with
                                                 their features and decisions, positions)

Reads <name>.meta.json beside each file when present (url, outlet, published, title); otherwise the
pipeline infers the reference date and outlet from the text.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from extraction import extract, read_article, run  # noqa: E402


def rows(path: Path, decider=None):
    """The positions of one article file as scorer rows (`decider`: see extraction.pipeline.extract)."""
    text, meta = read_article(path)
    result = extract(text, meta, decider=decider)
    for p in result.positions:
        yield {
            "article": path.name, "actor": p.actor, "kind": p.kind, "speaker": p.speaker,
            "speaker_role": p.speaker_role, "targets": p.targets, "date": p.date,
            "date_precision": p.date_precision, "quote": p.quote is not None, "quote_text": p.quote,
            "text": p.text, "start": p.start, "end": p.end, "topics": p.topics, "rebuts": p.rebuts,
        }


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("files", nargs="+", type=Path)
    ap.add_argument("--trace", action="store_true", help="print every layer of each article instead")
    args = ap.parse_args(argv)
    missing = [str(p) for p in args.files if not p.exists()]
    if missing:
        print("not found: " + ", ".join(missing), file=sys.stderr)
        return 2
    for path in args.files:
        if path.is_dir() or path.name.endswith(".meta.json"):  # caught by a glob such as seeds/*
            continue
        if args.trace:
            print(f"== {path}")
            print("\n".join(run(*read_article(path), tracing=True).trace()))
            continue
        for row in rows(path):
            print(json.dumps(row, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
