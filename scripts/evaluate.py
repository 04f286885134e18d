#!/usr/bin/env python3
"""Run the extraction pipeline on the evaluation sets and score it against their gold.

usage: python scripts/evaluate.py [--shared ../shared] [--set NAME ...] [--errors] [--json]
       python scripts/evaluate.py --articles DIR --gold GOLD.jsonl [--errors] [--json]

The sets: seeds (seeds/, tests/data/gold/seeds.jsonl), heldout8 (tests/data/heldout, docs/heldout.md),
synthetic (tests/data/synthetic: 1,485 articles written and annotated by independent helpers, its README.md),
dev-train (../shared/dev/train) and dev-test (../shared/dev/test, figures only: its errors are never listed,
so that nobody tunes to them).
Prints the same figures as tests/data/score.py (whose `score` function it uses); --errors also lists,
for seeds and dev-train, missed gold positions, spurious predictions and field disagreements.
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from scripts.extract import rows  # noqa: E402


def load_scorer():
    spec = importlib.util.spec_from_file_location("score", ROOT / "tests" / "data" / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def predict(articles: Path) -> list[dict]:
    return [row for path in sorted(articles.glob("*.txt")) for row in rows(path)]


def evaluate(*, articles: Path = ROOT / "seeds", gold: Path = ROOT / "tests/data/gold/seeds.jsonl"):
    scorer = load_scorer()
    gold_rows = scorer.load(gold)
    pred = predict(articles)
    return scorer.score(gold_rows, pred, str(articles)), gold_rows, pred, scorer


def _report(r: dict) -> None:
    d, s = r["detection"], r["strict"]
    print(f"gold {r['gold']}  predicted {r['pred']}  matched {r['matched']}  unplaced {r['unplaced_predictions']}")
    print(f"detection  P {d['p']:.3f}  R {d['r']:.3f}  F1 {d['f1']:.3f}")
    print(f"strict     P {s['p']:.3f}  R {s['r']:.3f}  F1 {s['f1']:.3f}")
    print("field accuracy on matches: " + "  ".join(f"{k} {v:.3f}" for k, v in r["field_accuracy"].items()))
    for k, v in r["per_kind"].items():
        print(f"  {k:<10} gold {v['gold']:>3}  pred {v['pred']:>3}  F1 {v['f1']:.3f}")
    print(f"strict F1 {s['f1']:.3f}")


def pairs(gold_rows: list[dict], pred_rows: list[dict], articles: Path, scorer):
    """The scorer's one-to-one matching, which its `score` does not return: (matched (gold, prediction) pairs, missed
    gold lines, spurious predictions). Same article and actor, spans overlapping by half the shorter ("also" passages
    count), pairs that agree on kind first, then the largest overlaps."""
    matched, missed, spurious = [], [], []
    for art in sorted({g["article"] for g in gold_rows} | {p["article"] for p in pred_rows}):
        text = (articles / art).read_text(encoding="utf-8")
        golds = [g for g in gold_rows if g["article"] == art]
        preds = [p for p in pred_rows if p["article"] == art]
        spans = [[scorer.span_of(g, text, "evidence")] + [scorer.span_of(g, text, "evidence", a) for a in g.get("also") or []]
                 for g in golds]
        candidates = []
        for i, g in enumerate(golds):
            for j, p in enumerate(preds):
                if scorer.code(g["actor"]) != scorer.code(p["actor"]):
                    continue
                ov = max(scorer.overlap(s, (p["start"], p["end"])) for s in spans[i])
                if ov >= 0.5:
                    candidates.append((g["kind"] == p["kind"], ov, i, j))
        used_g, used_p = set(), set()
        for _, _, i, j in sorted(candidates, key=lambda c: (not c[0], -c[1])):
            if i not in used_g and j not in used_p:
                used_g.add(i), used_p.add(j)
                matched.append((golds[i], preds[j]))
        missed += [g for i, g in enumerate(golds) if i not in used_g]
        spurious += [p for j, p in enumerate(preds) if j not in used_p]
    return matched, missed, spurious


def _errors(gold_rows, pred, scorer, articles: Path) -> None:
    """Missed gold positions, spurious predictions and field disagreements, as the scorer pairs them."""
    matched, missed, spurious = pairs(gold_rows, pred, articles, scorer)
    for g in missed:
        print(f"MISS {g['article'][:3]} {g['actor']} {g['kind']}: {g['evidence'][:110]}")
    for p in spurious:
        print(f"SPURIOUS {p['article'][:3]} {p['actor']} {p['kind']} {p['speaker']}: {p['text'][:110]}")
    for g, p in matched:
        for f in ("kind", "speaker", "date", "targets", "quote"):
            gv, pv = g.get(f), p.get(f)
            if f == "targets":
                if g["kind"] == "statement":
                    continue
                gv, pv = sorted(gv or []), sorted(pv or [])
            if f == "quote":
                gv, pv = bool(gv), bool(pv)
            if (gv or None) != (pv or None):
                print(f"FIELD {f} {g['article'][:3]} {g['actor']} {g['kind']} gold={gv} pred={pv}: {g['evidence'][:80]}")


def sets(shared: Path) -> dict[str, tuple[Path, Path]]:
    """name -> (articles, gold) of the evaluation sets."""
    return {"seeds": (ROOT / "seeds", ROOT / "tests/data/gold/seeds.jsonl"),
            "heldout8": (ROOT / "tests/data/heldout", ROOT / "tests/data/heldout/gold.jsonl"),
            "synthetic": (ROOT / "tests/data/synthetic", ROOT / "tests/data/synthetic/gold.jsonl"),
            "dev-train": (shared / "dev/train", shared / "gold/dev-train.jsonl"),
            "dev-test": (shared / "dev/test", shared / "gold/dev-test.jsonl")}


SCORE_ONLY = {"dev-test"}  # figures only: read no errors there


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--set", action="append", choices=("seeds", "heldout8", "synthetic", "dev-train", "dev-test"),
                    dest="sets")
    ap.add_argument("--articles", type=Path, help="score this folder instead of the named sets")
    ap.add_argument("--gold", type=Path)
    ap.add_argument("--errors", action="store_true")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    if args.articles:
        chosen = {args.articles.name: (args.articles, args.gold or ROOT / "tests/data/gold/seeds.jsonl")}
    else:
        available = sets(args.shared)
        chosen = {n: available[n] for n in (args.sets or available)}
    results = {}
    for name, (articles, gold) in chosen.items():
        if not gold.exists():
            print(f"{name}: {gold} not found (is ../shared beside the project?)", file=sys.stderr)
            return 2
        result, gold_rows, pred, scorer = evaluate(articles=articles, gold=gold)
        results[name] = result
        if args.json:
            continue
        print(f"== {name} ({articles})")
        _report(result)
        if args.errors and name not in SCORE_ONLY:
            _errors(gold_rows, pred, scorer, articles)
        print()
    if args.json:
        print(json.dumps(results, ensure_ascii=False, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
