#!/usr/bin/env python3
"""Audit the kind cues of seeds/reference/cues.yaml against the annotated sets.

usage: python scripts/audit_cues.py [--shared ../shared] [--set NAME ...] [--min-rows 5] [--below 1.0]

For every cue word of a kind (demand, rebuttal, proposal, warning), the predicted rows of that kind whose evidence
holds the word and no other cue word of that kind, and the annotated kinds of those rows ("SPUR": no gold line).
A cue whose rows mostly carry another kind is a candidate to drop (stop 30 dropped those under a fifth, where
seeds, heldout8 and dev-train did not lose: docs/extraction.md). dev-test is never read here.
"""
from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from extraction.cues import has_word  # noqa: E402
from extraction.reference import load_cues  # noqa: E402
from scripts.evaluate import load_scorer, pairs, predict, sets  # noqa: E402

KINDS = ("demand", "rebuttal", "proposal", "warning")
AUDITED_SETS = ("seeds", "heldout8", "synthetic", "dev-train")


def matched(gold_rows: list[dict], pred_rows: list[dict], articles: Path, scorer) -> list[tuple[dict, dict | None]]:
    """Each prediction with the gold line the scorer pairs it with (None: spurious)."""
    paired, _, spurious = pairs(gold_rows, pred_rows, articles, scorer)
    return [(p, g) for g, p in paired] + [(p, None) for p in spurious]


def audit(rows: list[tuple[dict, dict | None]], min_rows: int) -> list[tuple[float, str, str, int, Counter]]:
    """(agreement, kind, cue word, rows, annotated kinds) for every cue word giving at least min_rows rows alone."""
    lexicon = load_cues()
    out = []
    for kind in KINDS:
        words = [w for w in lexicon.get(kind) or () if isinstance(w, str)]
        for word in words:
            others = [o for o in words if o != word and word not in o and o not in word]
            kinds = Counter(("SPUR" if g is None else g["kind"]) for p, g in rows
                            if p["kind"] == kind and has_word(p["text"].lower(), word)
                            and not any(has_word(p["text"].lower(), o) for o in others))
            n = sum(kinds.values())
            if n >= min_rows:
                out.append((kinds[kind] / n, kind, word, n, kinds))
    return sorted(out)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--set", action="append", choices=AUDITED_SETS, dest="sets")
    ap.add_argument("--min-rows", type=int, default=5)
    ap.add_argument("--below", type=float, default=1.0, help="print only cues whose agreement is under this")
    args = ap.parse_args(argv)
    scorer, available, rows = load_scorer(), sets(args.shared), []
    for name in args.sets or AUDITED_SETS:
        articles, gold = available[name]
        if not gold.exists():
            print(f"{name}: {gold} not found (is ../shared beside the project?)", file=sys.stderr)
            return 2
        rows += matched(scorer.load(gold), predict(articles), articles, scorer)
    for agreement, kind, word, n, kinds in audit(rows, args.min_rows):
        if agreement < args.below:
            print(f"{agreement:.2f}  {kind:<9} {word!r:<30} rows {n:<4} {dict(kinds.most_common())}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
