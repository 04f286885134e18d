#!/usr/bin/env python3
"""Check tests/data/heldout/gold.jsonl: every evidence (and 'also' passage) occurs verbatim in its article,
start/end point at it, 25-200 chars, fields and codes are well-formed."""
import json, re, sys
from pathlib import Path
D = Path(__file__).resolve().parent
KINDS = {"statement", "demand", "rebuttal", "proposal", "warning"}
TOPICS = {"nato-enlargement", "ukraine-membership", "troop-deployment", "missiles", "arms-control", "military-exercises",
          "security-guarantees", "sanctions", "arms-supply", "diplomacy", "invasion-risk"}
bad = 0
rows = [json.loads(l) for l in (D / "gold.jsonl").read_text(encoding="utf-8").splitlines() if l.strip()]
for n, r in enumerate(rows, 1):
    t = (D / r["article"]).read_text(encoding="utf-8")
    ev = r["evidence"]
    errs = []
    if ev not in t: errs.append("evidence not in article")
    elif t[r["start"]:r["end"]] != ev: errs.append("start/end do not point at evidence")
    if not 25 <= len(ev) <= 200: errs.append(f"evidence length {len(ev)}")
    errs += [f"also not in article: {a}" for a in r.get("also", []) if a not in t]
    if r["kind"] not in KINDS: errs.append("kind")
    if set(r["topics"]) - TOPICS: errs.append("topics")
    if r["date"] is not None and not re.fullmatch(r"20(21|22)-\d\d(-\d\d)?", r["date"]): errs.append("date")
    if not re.fullmatch(r"[A-Z]+", r["actor"]) or any(not re.fullmatch(r"[A-Z]+", x) for x in r["targets"]): errs.append("codes")
    for e in errs:
        bad += 1; print(f"line {n} ({r['article']}): {e}")
print(f"{len(rows)} positions checked, {bad} problems")
sys.exit(1 if bad else 0)
