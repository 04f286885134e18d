"""Writes are rate-limited per API key (Flask-Limiter, fixed windows); reads are not limited.

WRITE_RATE_LIMIT (config or environment, default 60/minute) is one budget shared by every write of a key, and
one count shared by every worker and server: the counts live in the database (database://, the default:
models/ratelimits.py), or in Redis when REDIS_URL is set. RATELIMIT_STORAGE_URI overrides both (memory://
counts per worker process, so N workers would allow N times the limit). If Redis cannot be reached, each
worker falls back to counting in memory rather than refusing writes.
"""
from __future__ import annotations

import functools
import math
import os
import time

from flask import Flask, current_app, request
from flask_limiter import Limiter, RateLimitExceeded
from limits import parse_many

from models import ratelimits  # noqa: F401 - registers the database:// storage with `limits`
from models.apikeys import key_digest

from .problems import problem_response

DEFAULT_WRITE_RATE_LIMIT = "60/minute"
DEFAULT_STORAGE_URI = "database://"
EXTENSION = "write_rate_limit"
RETRY_AFTER = {"Retry-After": {"description": "Seconds until this API key may write again",
                               "schema": {"type": "integer", "minimum": 1}}}


def init_rate_limits(app: Flask, spec) -> None:
    """A limiter of the app's own (apps made in one process, as in tests, keep separate counts and settings),
    and the Retry-After header every documented 429 carries."""
    app.config.setdefault("WRITE_RATE_LIMIT", os.environ.get("WRITE_RATE_LIMIT") or DEFAULT_WRITE_RATE_LIMIT)
    try:  # a typo must stop the server at start, not fail every write
        parse_many(app.config["WRITE_RATE_LIMIT"])
    except ValueError as error:
        raise ValueError(f"WRITE_RATE_LIMIT={app.config['WRITE_RATE_LIMIT']!r} is not a rate limit such as "
                         "'60/minute'") from error
    app.config.setdefault("RATELIMIT_STORAGE_URI", os.environ.get("RATELIMIT_STORAGE_URI")
                          or app.config.get("REDIS_URL") or os.environ.get("REDIS_URL") or DEFAULT_STORAGE_URI)
    # a prefix for the keys: servers sharing one storage but not one budget (tests) set one of their own
    app.config.setdefault("RATELIMIT_KEY_PREFIX", os.environ.get("RATELIMIT_KEY_PREFIX", ""))
    # fixed windows: the one strategy every storage counts exactly with a single atomic increment
    limiter = Limiter(key_func=_api_key_bucket, strategy="fixed-window",
                      storage_uri=app.config["RATELIMIT_STORAGE_URI"], key_prefix=app.config["RATELIMIT_KEY_PREFIX"],
                      in_memory_fallback_enabled=True)
    hooks = (app.before_request_funcs, app.after_request_funcs, app.teardown_request_funcs)
    before = [list(registered.get(None, ())) for registered in hooks]
    limiter.init_app(app)
    # only writes are limited (the block form inside their views): reads skip the limiter's request hooks,
    # which resolve limits that never apply to them and read and reset a per-request context (~8 % of the CPU
    # of a list page the response cache does not hold)
    for registered, old in zip(hooks, before):
        registered[None] = [hook if hook in old else _writes_only(hook) for hook in registered.get(None, [])]
    app.extensions[EXTENSION] = limiter.shared_limit(lambda: current_app.config["WRITE_RATE_LIMIT"], "writes")
    spec.components.responses.setdefault("TOO_MANY_REQUESTS", {}).setdefault("headers", {}).update(RETRY_AFTER)


READS = frozenset({"GET", "HEAD", "OPTIONS"})


def _writes_only(hook):
    """`hook` (a before, after or teardown request function) run for writes only; for reads it passes on what
    it was given (an after-request hook's response; the others' return values are not used)."""

    @functools.wraps(hook)
    def on_writes(*args):
        if request.method in READS:
            return args[0] if args else None
        return hook(*args)

    return on_writes


def write_rate_limited(view):
    """429 problem+json with Retry-After once the key has used its budget; goes inside require_api_key, so
    only requests with a valid key are counted."""

    @functools.wraps(view)
    def limited(*args, **kwargs):
        limit = current_app.extensions[EXTENSION]
        try:
            with limit:  # Flask-Limiter's block form: entering counts one write, or raises past the budget
                pass
        except RateLimitExceeded as breach:
            return _too_many_writes(breach, limit.limiter)
        return view(*args, **kwargs)

    return limited


def _api_key_bucket() -> str:
    # a digest, not the key itself: the counts may live in a shared Redis
    _, _, key = request.headers.get("Authorization", "").partition(" ")
    return key_digest(key.strip())[:32]


def _too_many_writes(breach: RateLimitExceeded, limiter: Limiter):
    current = limiter.current_limit
    period = breach.limit.limit.get_expiry()  # reset_at is rounded up: never say more than the window
    wait = min(period, max(1, math.ceil(current.reset_at - time.time()))) if current else 1
    response = problem_response(429, f"Too many writes with this API key: the limit is {breach.limit.limit}; "
                                     f"retry in {wait} s.")
    response.headers["Retry-After"] = str(wait)
    return response
