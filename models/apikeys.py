"""Operator API keys: created once and shown once; only a sha256 digest is stored, compared in constant time."""
from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import secrets

from .entities import ApiKey


def key_digest(key: str) -> str:
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


def create_key(name: str) -> str:
    """A new random key stored under `name` (its digest only); the caller shows it once."""
    key = secrets.token_urlsafe(32)
    while key.startswith("-"):  # a leading dash reads as an option to `ingest.py --key KEY` and other CLIs
        key = secrets.token_urlsafe(32)
    ApiKey.create(name=name, key_hash=key_digest(key), created_at=dt.datetime.now(dt.timezone.utc))
    return key


def key_owner(key: str) -> str | None:
    """The name of the key's owner, or None; every stored digest is compared, each in constant time."""
    digest = key_digest(key)
    owner = None
    for name, stored in ApiKey.select(ApiKey.name, ApiKey.key_hash).tuples():
        if hmac.compare_digest(stored, digest):
            owner = name
    return owner
