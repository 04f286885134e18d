"""Quality floors on the evaluation sets, scored by tests/data/score.py (the team's scorer).

- seeds: the five seed articles (tests/data/gold/seeds.jsonl);
- heldout8: eight press-style articles annotated before anyone looked at the extractor (docs/heldout.md);
- synthetic: 1,485 articles written and annotated by independent helpers (tests/data/synthetic/README.md);
- dev-train and dev-test: real news in ../shared/dev (read from there, never copied into the project).
  dev-test is scored only: nobody reads its articles or errors while working on the extractor.

Each floor sits a little under what the pipeline reaches (docs/extraction.md), so a change that loses
accuracy fails here before it reaches the seed script or the API. The ../shared sets are skipped
with the reason when ../shared is not beside the project; in CI (CI=true) that is a failure.
"""
import importlib.util
import json
import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"

# set -> floors on strict F1, detection F1 and field accuracy on matches
FLOORS = {
    "seeds": {"strict": 0.95, "detection": 0.96, "speaker": 0.97, "targets": 0.95, "date": 0.93, "quote": 0.97},
    "heldout8": {"strict": 0.86, "detection": 0.92, "date": 0.78},  # 0.874 (stop 38: its 2 denied intents are rebuttals)
    "synthetic": {"strict": 0.79, "detection": 0.875, "kind": 0.895, "speaker": 0.93},
    "dev-train": {"strict": 0.80, "detection": 0.86, "speaker": 0.95, "date": 0.895, "kind": 0.92, "targets": 0.84},
    "dev-test": {"strict": 0.70, "detection": 0.76},
}
SETS = {
    "seeds": (ROOT / "seeds", ROOT / "tests/data/gold/seeds.jsonl"),
    "heldout8": (ROOT / "tests/data/heldout", ROOT / "tests/data/heldout/gold.jsonl"),
    "synthetic": (ROOT / "tests/data/synthetic", ROOT / "tests/data/synthetic/gold.jsonl"),
    "dev-train": (SHARED / "dev/train", SHARED / "gold/dev-train.jsonl"),
    "dev-test": (SHARED / "dev/test", SHARED / "gold/dev-test.jsonl"),
}


@pytest.fixture(scope="module")
def evaluate():
    spec = importlib.util.spec_from_file_location("evaluate", ROOT / "scripts" / "evaluate.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.evaluate


@pytest.fixture(scope="module", params=sorted(FLOORS))
def scored(request, evaluate):
    articles, gold = SETS[request.param]
    if not gold.exists():
        if os.environ.get("CI"):
            pytest.fail(f"{gold} is missing: CI must have ../shared beside the project")
        pytest.skip(f"{gold} not found: put ../shared beside the project to score {request.param}")
    result, *_ = evaluate(articles=articles, gold=gold)
    return request.param, result


def test_floors(scored):
    name, result = scored
    reached = {"strict": result["strict"]["f1"], "detection": result["detection"]["f1"], **result["field_accuracy"]}
    below = {k: round(reached[k], 3) for k, floor in FLOORS[name].items() if reached[k] < floor}
    assert not below, f"{name} below its floors {FLOORS[name]}: {below}"


def test_every_prediction_is_placed(scored):
    _, result = scored
    assert result["unplaced_predictions"] == 0


def test_a_body_pasted_onto_one_line_scores_as_the_article(evaluate, tmp_path):
    """Text whose paragraph breaks were lost (pasted or scraped onto one line) reads as the article does: each
    sentence of an over-long block a paragraph, a caption inside a paragraph no caption. dev-train so rewritten
    scored 0.694 strict F1 before (0.793 as written)."""
    articles, gold = SETS["dev-train"]
    if not gold.exists():
        if os.environ.get("CI"):
            pytest.fail(f"{gold} is missing: CI must have ../shared beside the project")
        pytest.skip(f"{gold} not found: put ../shared beside the project")
    for path in articles.glob("*.txt"):
        lines = path.read_text(encoding="utf-8").split("\n")
        body = " ".join(line.strip() for line in lines[3:] if line.strip())
        (tmp_path / path.name).write_text("\n".join(lines[:3] + [body]), encoding="utf-8")
        sidecar = path.with_suffix(".meta.json")
        if sidecar.exists():
            (tmp_path / sidecar.name).write_bytes(sidecar.read_bytes())
    rows = [json.loads(line) for line in gold.read_text(encoding="utf-8").splitlines() if line.strip()]
    moved_gold = tmp_path / "gold.jsonl"  # the offsets index the article as written: find the evidence instead
    moved_gold.write_text("".join(json.dumps({k: v for k, v in r.items() if k not in ("start", "end")},
                                             ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    as_written, *_ = evaluate(articles=articles, gold=moved_gold)
    one_line, *_ = evaluate(articles=tmp_path, gold=moved_gold)
    assert one_line["strict"]["f1"] >= as_written["strict"]["f1"] - 0.02, (one_line["strict"], as_written["strict"])
