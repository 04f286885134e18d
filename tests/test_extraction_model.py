"""The learned decisions' model file is in step with the data it was trained on, and loads."""
import importlib.util
import json
import os
from pathlib import Path

import pytest

from extraction.decide import MODEL_PATH, Decider

ROOT = Path(__file__).resolve().parent.parent


def _trainer():
    spec = importlib.util.spec_from_file_location("train_extractor", ROOT / "scripts" / "train_extractor.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_model_was_trained_on_the_current_data():
    trainer = _trainer()
    sets = trainer.corpora(ROOT.parent / "shared")
    if not all(gold.exists() for _, gold in sets.values()):
        if os.environ.get("CI"):
            pytest.fail("../shared is missing beside the project")
        pytest.skip("../shared not beside the project: cannot hash dev-train")
    model = json.loads(MODEL_PATH.read_text(encoding="utf-8"))
    assert model["data_sha256"] == trainer.data_hash(sets), "data changed: run `make train` and commit the model"


def test_model_states_its_cross_validation_and_loads():
    model = json.loads(MODEL_PATH.read_text(encoding="utf-8"))
    assert model["configuration"] in _trainer().CONFIGS
    assert model["cross_validation_strict_f1"]
    decider = Decider(model)
    decision = decider.decide(["src:rule", "rk:demand", "cue:demand"], "rule", "demand")
    assert decision.kind in ("statement", "demand", "rebuttal", "proposal", "warning")
