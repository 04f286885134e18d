#!/usr/bin/env python3
"""Write models/data/claim_weights.json: how common each folded syllable and syllable pair is in news text.

usage: python scripts/build_claim_weights.py [--out models/data/claim_weights.json]

Claim grouping (models/claims.py) weighs the words two positions share by their inverse document frequency,
so that "nguyên liệu thô" or "Crimea" count for more than "sẽ" or "của". The documents are the sentences of
the seed articles (seeds/) and of the development articles ../shared/dev/train (never ../shared/dev/test):
Vietnamese world news of 2020-2022. Only the syllables and pairs found in at least MIN_DF sentences are
kept (a count, not text); any other counts as found in one. No labels are read: the file is the same
whatever tests/data/claims/pairs.jsonl says, but the articles are those the labelled pairs come from
(docs/claims.md).
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from models.claims import WEIGHTS, terms  # noqa: E402

ARTICLES = [ROOT / "seeds", ROOT.parent / "shared" / "dev" / "train"]
MIN_DF = 2
_SENTENCE = re.compile(r"(?<=[.!?…])\s+|\n+")


def sentences(folders: list[Path]) -> list[str]:
    out = []
    for folder in folders:
        for path in sorted(folder.glob("*.txt")):
            out += [s for s in _SENTENCE.split(path.read_text(encoding="utf-8")) if s.strip()]
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=WEIGHTS)
    args = parser.parse_args(argv)
    docs = [t for t in map(terms, sentences(ARTICLES)) if t]
    df = Counter(term for doc in docs for term in doc)
    kept = {term: n for term, n in sorted(df.items(), key=lambda kv: (-kv[1], kv[0])) if n >= MIN_DF}
    args.out.write_text(json.dumps({"about": "sentence frequency of folded syllables and syllable pairs in news "
                                             "text: scripts/build_claim_weights.py",
                                    "sentences": len(docs), "min_df": MIN_DF, "df": kept},
                                   ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
    print(f"{len(docs)} sentences, {len(df)} terms, {len(kept)} kept (in >= {MIN_DF} sentences) -> {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
