#!/usr/bin/env python3
"""Create an API key for writes (POST /articles, DELETE /sources/{id}) and print it once.

usage: python scripts/create_api_key.py NAME   (DATABASE_URL selects the database; only a sha256 is stored)
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import models  # noqa: E402
from models.apikeys import create_key  # noqa: E402
from models.entities import ApiKey  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("name", help="who the key is for, e.g. factcheck-desk (unique)")
    args = parser.parse_args()
    db = models.bind()
    with db.connection_context():
        db.create_tables([ApiKey], safe=True)
        if ApiKey.get_or_none(ApiKey.name == args.name):
            sys.exit(f"A key named '{args.name}' exists already: choose another name.")
        print(create_key(args.name))


if __name__ == "__main__":
    main()
