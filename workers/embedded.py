"""Without a queue engine (no REDIS_URL), each API server process runs one background thread that takes
waiting articles from the database: `make serve` needs no extra service, any server runs any job, and an
article whose server died mid-way is taken again by any server once its lease (INGEST_LEASE_SECONDS)
has run out. Started by gunicorn's post_worker_init (gunicorn.conf.py); INGEST_EMBEDDED=0 turns it off.

It shares the server's CPU with the requests: for a backfill, set REDIS_URL and start workers instead.
"""
from __future__ import annotations

import logging
import os
import threading

from models import jobs
from models.database import database, discard_connection

from . import redis_url
from .tasks import LEASE_S, process

log = logging.getLogger(__name__)
POLL_S = float(os.environ.get("INGEST_POLL_SECONDS", "1"))
_wakeup = threading.Event()
_started: list[threading.Thread] = []


def enabled() -> bool:
    return redis_url() is None and os.environ.get("INGEST_EMBEDDED", "1") != "0"


def start() -> threading.Thread | None:
    """Start this process's runner (once); the database proxy must be bound already."""
    if not enabled() or _started:
        return None
    thread = threading.Thread(target=_run, name="ingest-runner", daemon=True)
    thread.start()
    _started.append(thread)
    return thread


def wake() -> None:
    """A job was queued by this process: look now rather than at the next poll."""
    _wakeup.set()


def run_pending(limit: int | None = None) -> int:
    """Work through waiting articles in the calling thread until none is left (or `limit`); return how
    many were taken. The runner's loop, and a synchronous way to drain the queue (tests, scripts)."""
    taken = 0
    while limit is None or taken < limit:
        item_id = jobs.next_free_item()
        if item_id is None:
            break
        item = jobs.claim(item_id, LEASE_S, only_if_free=True)
        if item is not None:  # another runner may have taken it between the look and the claim
            process(item, raise_to_retry=False)
            taken += 1
    return taken


MAX_BACKOFF_S = 30.0


def _run() -> None:
    failures = 0
    while True:
        try:
            database.connect(reuse_if_open=True)
            run_pending()
            if failures:
                log.warning("ingest runner: working again after %d failed attempts", failures)
            failures = 0
        except Exception as error:  # the database is down, or a bug: keep the thread, try again later
            if not failures:  # once per outage: a server's log must not fill with one line a second
                log.warning("ingest runner: %s; retrying with back-off", type(error).__name__, exc_info=True)
            failures += 1
            discard_connection()
        _wakeup.wait(min(MAX_BACKOFF_S, POLL_S * 2 ** min(failures, 6)) if failures else POLL_S)
        _wakeup.clear()
