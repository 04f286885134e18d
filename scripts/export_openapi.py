#!/usr/bin/env python3
"""Write openapi.yaml from the code's schemas and decorators (the one source of truth).

usage: python scripts/export_openapi.py [--check]   (--check: exit 1 when the committed file differs)
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
CONTRACT = ROOT / "openapi.yaml"


def generated_contract() -> str:
    from api import contract_yaml, create_app

    # an in-memory database: generating the contract must not touch (or create) the real one
    return contract_yaml(create_app({"DATABASE_URL": "sqlite:///:memory:"}))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="fail when openapi.yaml is out of date")
    args = parser.parse_args()
    text = generated_contract()
    if args.check:
        if CONTRACT.read_text(encoding="utf-8") != text:
            sys.exit("openapi.yaml is out of date: run python scripts/export_openapi.py")
        print("openapi.yaml is up to date")
        return
    CONTRACT.write_text(text, encoding="utf-8")
    print(f"wrote {CONTRACT}")


if __name__ == "__main__":
    main()
