"""The learned decisions: is a candidate claim a position, and of which kind.

Two logistic regressions over the features of extraction/features.py, trained by
scripts/train_extractor.py on the seed, heldout8, dev-train and synthetic gold (never the sealed sets), stored as JSON weights
(extraction/model.json, with the sha256 of the data they were trained on). Scoring is a sum of
weights: no scikit-learn at run time. Which decision is learned and which stays with the rules is
also in the file, chosen by cross-validation by article (the training script reports both).
"""
from __future__ import annotations

import functools
import json
import math
from dataclasses import dataclass
from pathlib import Path

MODEL_PATH = Path(__file__).with_name("model.json")
# a claim whose own verb gives its kind; the model weighs the wording of the others (a verb of saying, a shape)
KIND_VERB = frozenset({"cue:demand", "cue:rebuttal", "cue:proposal", "cue:warning"})


@dataclass(frozen=True)
class Decision:
    keep: bool
    kind: str
    probability: float


class Decider:
    """Applies a trained model; `None` fields in the model leave that decision to the rules."""

    def __init__(self, model: dict):
        self.model = model
        detect = model.get("detect")
        self._detect = (detect["bias"], detect["weights"]) if detect else None
        # per candidate source: a rule claim is kept unless the model is sure it is none, an extra
        # candidate only when it is sure it is one
        self.thresholds = model.get("thresholds", {})
        kind = model.get("kind")
        self._kind = (kind["classes"], kind["bias"], kind["weights"]) if kind else None
        # the candidate sources whose kind the model gives (the rules keep theirs for the others)
        self.kind_sources = frozenset(model.get("kind_sources", ("rule", "subject", "carried")))
        self.kind_margin = float(model.get("kind_margin", 0.0))

    def needs_features(self, source: str) -> bool:
        """Whether a candidate of this source is decided on its features (a kind model alone reads only its sources')."""
        return self._detect is not None or (self._kind is not None and source in self.kind_sources)

    def probability(self, features: list[str]) -> float:
        bias, weights = self._detect
        z = bias + sum(weights.get(f, 0.0) for f in features)
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def kind(self, features: list[str], rule_kind: str, source: str = "subject") -> str:
        """The model's kind; for a rule claim, only when it is surer of it than of the rules' kind by the model's
        `kind_margin` (probabilities)."""
        if self._kind is None or source not in self.kind_sources:
            return rule_kind
        if source == "rule" and not KIND_VERB.isdisjoint(features):
            return rule_kind  # reported with a verb of its kind ("cảnh báo", "yêu cầu", "bác bỏ"): the rules read it
        classes, bias, weights = self._kind
        scores = list(bias)
        for f in features:
            w = weights.get(f)
            if w:
                scores = [s + x for s, x in zip(scores, w)]
        best = max(range(len(classes)), key=scores.__getitem__)
        if source == "rule" and rule_kind in classes and self.kind_margin > 0:
            top = max(scores)
            exp = [math.exp(s - top) for s in scores]
            if (exp[best] - exp[classes.index(rule_kind)]) / sum(exp) <= self.kind_margin:
                return rule_kind
        return classes[best]

    def decide(self, features: list[str], source: str, rule_kind: str) -> Decision:
        if self._detect is None:  # the rules decide which claims are positions; the model may give their kind
            keep = source == "rule"
            return Decision(keep, self.kind(features, rule_kind, source) if keep else rule_kind, 1.0 if keep else 0.0)
        p = self.probability(features)
        return Decision(p >= self.thresholds.get(source, 0.5), self.kind(features, rule_kind, source), p)


RULES_ONLY = Decider({})


@functools.lru_cache(maxsize=1)
def default_decider() -> Decider:
    if not MODEL_PATH.exists():
        return RULES_ONLY
    return Decider(json.loads(MODEL_PATH.read_text(encoding="utf-8")))
