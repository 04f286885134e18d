"""openapi.yaml is the contract: generated from the code, valid, complete for SDK generators."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from openapi_spec_validator import validate

ROOT = Path(__file__).resolve().parent.parent
sys_path_scripts = ROOT / "scripts"


@pytest.fixture(scope="module")
def contract() -> dict:
    return yaml.safe_load((ROOT / "openapi.yaml").read_text(encoding="utf-8"))


def operations(contract):
    for path, item in contract["paths"].items():
        for method, op in item.items():
            if method in ("get", "put", "post", "patch", "delete"):
                yield path, method, op


def test_committed_contract_matches_the_code():
    import sys

    sys.path.insert(0, str(sys_path_scripts))
    from export_openapi import generated_contract

    assert (ROOT / "openapi.yaml").read_text(encoding="utf-8") == generated_contract(), \
        "openapi.yaml is out of date: run python scripts/export_openapi.py"


def test_contract_is_valid_openapi(contract):
    validate(contract)


def test_served_contract_is_the_committed_one(client, contract):
    assert yaml.safe_load(client.get("/openapi.yaml").get_data(as_text=True)) == contract
    assert client.get("/openapi.json").get_json() == contract


def test_every_operation_is_documented(contract):
    ids = []
    for path, method, op in operations(contract):
        ids.append(op["operationId"])
        assert op["summary"], (path, method)
        for param in op.get("parameters", []) + contract["paths"][path].get("parameters", []):
            assert param.get("description"), (path, param["name"])
            assert "example" in param["schema"] or "example" in param, (path, param["name"])
        errors = {code for code in op["responses"] if code.startswith("4") or code == "default"}
        assert errors, f"{method} {path} documents no error response"
        success = min(code for code in op["responses"] if code.startswith("2"))
        if success != "204":  # generated SDKs read only the first media type: JSON comes first everywhere
            assert list(op["responses"][success]["content"])[0] == "application/json", (path, method)
    assert len(ids) == len(set(ids))


def test_writes_document_the_bearer_scheme_and_reads_stay_open(contract):
    assert contract["components"]["securitySchemes"]["bearerAuth"] == {
        "type": "http", "scheme": "bearer", "description": contract["components"]["securitySchemes"]
        ["bearerAuth"]["description"]}
    writes = 0
    for path, method, op in operations(contract):
        if method == "get":
            assert "security" not in op, (path, method)
            continue
        writes += 1
        assert op["security"] == [{"bearerAuth": []}], (path, method)
        assert "401" in op["responses"], (path, method)
    assert writes == 3
    submit = contract["paths"]["/articles"]["post"]
    assert {"200", "201", "400", "401", "413", "415"} <= submit["responses"].keys()
    assert list(submit["requestBody"]["content"]) == ["application/json"]
    batch = contract["paths"]["/articles/batch"]["post"]
    assert {"202", "400", "401", "413", "415", "503"} <= batch["responses"].keys()
    assert list(batch["requestBody"]["content"]) == ["application/x-ndjson"]


def test_error_responses_are_problem_json(contract):
    for name, response in contract["components"]["responses"].items():
        assert list(response["content"]) == ["application/problem+json"], name
