#!/usr/bin/env python3
"""Pair precision and recall of claim grouping (models/claims.py) on hand-labelled pairs.

usage: python scripts/evaluate_claims.py [--pairs tests/data/claims/pairs.jsonl] [--verbose]

The positions grouped are the gold positions of ../shared/gold/dev-train.jsonl (articles in
../shared/dev/train) and tests/data/gold/seeds.jsonl (seeds/): their evidence is the text, their party the
actor, their date the said date when it gives the day, else the article's publication date (its
.meta.json). tests/data/claims/pairs.jsonl lists, by article, offsets and actor, every pair of positions
in different articles that a person judged to state the same thing (docs/claims.md says how they were
labelled); every other cross-article pair counts as different. Prints the pairs found, missed and wrongly
grouped, precision, recall and time. ../shared/dev/test is never read.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import time
from itertools import combinations
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from models.claims import Appearance, group  # noqa: E402

SHARED = ROOT.parent / "shared"
GOLD = [(SHARED / "gold" / "dev-train.jsonl", SHARED / "dev" / "train"),
        (ROOT / "tests" / "data" / "gold" / "seeds.jsonl", ROOT / "seeds")]
PAIRS = ROOT / "tests" / "data" / "claims" / "pairs.jsonl"


def key(row: dict) -> tuple:
    return row["article"], row["start"], row["end"], row["actor"]


def gold_positions() -> list[dict]:
    rows = []
    for gold, articles in GOLD:
        for line in gold.read_text(encoding="utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                meta = json.loads((articles / row["article"]).with_suffix(".meta.json").read_text(encoding="utf-8"))
                row["published"] = meta.get("published")
                rows.append(row)
    return rows


def appearance(row: dict) -> Appearance:
    said = row.get("date") if row.get("date") and len(row["date"]) == 10 else None
    day = dt.date.fromisoformat(said or row["published"]) if (said or row.get("published")) else None
    return Appearance.of("|".join(map(str, key(row))), row["article"], row["actor"], day, row["evidence"])


def labelled_pairs(path: Path) -> set[frozenset]:
    pairs = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            pair = json.loads(line)
            pairs.add(frozenset("|".join(map(str, key(pair[side]))) for side in ("a", "b")))
    return pairs


def evaluate(pairs_path: Path = PAIRS) -> dict:
    rows = gold_positions()
    appearances = [appearance(r) for r in rows]
    known = {a.id for a in appearances}
    truth = labelled_pairs(pairs_path)
    unknown = [sorted(p) for p in truth if not p <= known]
    if unknown:
        raise SystemExit(f"labelled pairs name positions not in the gold files: {unknown[:3]}")
    started = time.perf_counter()
    claims = group(appearances)
    seconds = time.perf_counter() - started
    by_claim: dict[str, list[Appearance]] = {}
    for a in appearances:
        by_claim.setdefault(claims[a.id], []).append(a)
    found = {frozenset((a.id, b.id)) for members in by_claim.values() for a, b in combinations(members, 2)
             if a.source != b.source}
    right = found & truth
    return {"positions": len(appearances), "labelled": len(truth), "found": len(found), "right": len(right),
            "precision": len(right) / len(found) if found else 1.0, "recall": len(right) / len(truth) if truth else 1.0,
            "seconds": seconds, "missed": sorted(map(sorted, truth - found)), "wrong": sorted(map(sorted, found - truth))}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pairs", type=Path, default=PAIRS)
    parser.add_argument("--verbose", action="store_true", help="list the missed and wrongly grouped pairs")
    args = parser.parse_args(argv)
    result = evaluate(args.pairs)
    if args.verbose:
        for label in ("missed", "wrong"):
            for pair in result[label]:
                print(f"{label}: {pair[0]}  ~  {pair[1]}")
    print(f"positions {result['positions']}, labelled same-claim pairs {result['labelled']}, "
          f"pairs grouped {result['found']} ({result['right']} right)")
    print(f"pair precision {result['precision']:.3f}  recall {result['recall']:.3f}  "
          f"({result['seconds'] * 1000:.1f} ms to group)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
