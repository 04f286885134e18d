"""One article of a job, whoever runs it (an RQ worker's work horse or the embedded runner)."""
from __future__ import annotations

import json
import logging
import os

from peewee import DatabaseError, IntegrityError, InterfaceError

from models import jobs
from models.database import database
from models.entities import Source
from models.ingest import content_hash, write_article, write_transaction

log = logging.getLogger(__name__)

MAX_ATTEMPTS = int(os.environ.get("INGEST_MAX_ATTEMPTS", "3"))
# how long a claimed article is left to its worker before the embedded runners take it back: far above
# an extraction (a 1 MB article takes ~10 s), since taking it back too soon only does the work twice
LEASE_S = float(os.environ.get("INGEST_LEASE_SECONDS", "300"))
ARTICLE_TIMEOUT_S = int(os.environ.get("INGEST_ARTICLE_TIMEOUT", "120"))  # RQ kills the work horse past it


def run_item(item_id: int) -> str:
    """RQ's entry point. Raises to have RQ retry the article; RQ also retries it when the work horse dies."""
    _bind_once()
    try:
        return process(jobs.claim(item_id, LEASE_S), raise_to_retry=True)
    finally:
        database.close()  # a work horse ends here; its parent must not inherit an open connection either


def process(item, *, raise_to_retry: bool) -> str:
    """Extract and store one claimed item (None: nothing to do). Returns its outcome."""
    if item is None:
        return "finished before"
    if item.attempts > MAX_ATTEMPTS:
        jobs.fail(item.id, f"Gave up after {MAX_ATTEMPTS} attempts: the worker stopped in the middle of this "
                           "article each time (killed, out of memory or past the time limit).")
        return jobs.FAILED
    try:
        return store(item.id, json.loads(item.article))
    except Exception as error:  # the extractor's, the database's: retried a bounded number of times
        reason = _reason(error)
        if item.attempts >= MAX_ATTEMPTS:
            log.warning("item %s failed for good after %d attempts: %s", item.id, item.attempts, reason)
            jobs.fail(item.id, f"Failed {item.attempts} times; the last time: {reason}")
            return jobs.FAILED
        log.warning("item %s failed (attempt %d of %d): %s", item.id, item.attempts, MAX_ATTEMPTS, reason)
        if raise_to_retry:
            raise
        jobs.requeue(item.id)
        return "retry"


def _reason(error: Exception) -> str:
    """What GET /jobs shows: the extractor's message; of a database error only its kind (no SQL, no hosts)."""
    if isinstance(error, (DatabaseError, InterfaceError)):
        return f"{type(error).__name__}: the database refused or lost the write"
    return f"{type(error).__name__}: {str(error)[:300]}"


def store(item_id: int, article: dict) -> str:
    """Extract the article unless its text is stored already; store it and mark the item in one transaction.

    The extraction runs before, outside any transaction; inside, only the writes and the claim upkeep
    (write_article), with nothing read back that is known already."""
    import extraction  # loads the NLP models: once per worker process

    text = article["text"]
    meta = extraction.ArticleMeta(title=article.get("title"), outlet=article.get("outlet"), url=article.get("url"),
                                  published=article.get("published"))
    digest = content_hash(text)
    result = None if _stored_id(digest) is not None else extraction.extract(text, meta)
    # PostgreSQL: write_article takes the claims lock itself, after its inserts (SQLite: one writer from BEGIN)
    with write_transaction(claims=False):
        if not jobs.lock_unfinished(item_id):
            return "finished before"  # a retry after the first attempt's commit: nothing to do twice
        try:
            source_id, created = (_existing(digest) if result is None
                                  else write_article(text, meta, result, keep_existing=True))
        except IntegrityError:  # the same text, from another job or line, committed first meanwhile
            source_id, created = _existing(digest)
        jobs.mark_stored(item_id, source_id, created)
    return jobs.DONE if created else jobs.DUPLICATE


def _stored_id(digest: str) -> str | None:
    row = Source.select(Source.id).where(Source.content_hash == digest).tuples().first()
    return row[0] if row else None


def _existing(digest: str) -> tuple[str, bool]:
    source_id = _stored_id(digest)
    if source_id is None:  # deleted between the check and now: the next attempt extracts it
        raise LookupError("the stored copy of this text was deleted meanwhile")
    return source_id, False


def _bind_once() -> None:
    """A plain `rq worker` imports this module alone: bind DATABASE_URL on first use."""
    import models

    if database.obj is None:
        models.bind()
        models.create_tables()
        database.close()
