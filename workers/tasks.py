"""One article of a job, whoever runs it (an RQ worker's work horse or the embedded runner)."""
from __future__ import annotations

import json
import logging
import os

from peewee import DatabaseError, IntegrityError, InterfaceError
from rq.timeouts import BaseTimeoutException

from models import jobs
from models.database import database
from models.entities import Source
from models.ingest import ClaimUpkeep, content_hash, keep_claims, write_article, write_transaction

log = logging.getLogger(__name__)

MAX_ATTEMPTS = int(os.environ.get("INGEST_MAX_ATTEMPTS", "3"))
# how long a claimed article is left to its worker before the embedded runners take it back: far above
# an extraction (a 1 MB article takes ~10 s), since taking it back too soon only does the work twice
LEASE_S = float(os.environ.get("INGEST_LEASE_SECONDS", "300"))
ARTICLE_TIMEOUT_S = int(os.environ.get("INGEST_ARTICLE_TIMEOUT", "120"))  # RQ kills the work horse past it
# articles of a job per RQ job: extracted one after the other, then stored in one transaction with one claim
# upkeep for them all (the part that holds the write lock; it costs about the same for 1 article or 8)
CHUNK = max(1, int(os.environ.get("INGEST_CHUNK", "4")))
# ... but a batch is spread over at least this many RQ jobs first (smaller chunks; 1 article each below 2 x
# this): a small batch goes to every worker at once rather than to a few
MIN_JOBS = max(1, int(os.environ.get("INGEST_MIN_JOBS", "16")))


def chunks(item_ids: list[int]) -> list[list[int]]:
    """The item ids of a batch, in chunks for the RQ jobs that run them."""
    size = max(1, min(CHUNK, len(item_ids) // MIN_JOBS))
    return [item_ids[start:start + size] for start in range(0, len(item_ids), size)]


def run_item(item_id: int) -> str:
    """RQ's entry point. Raises to have RQ retry the article; RQ also retries it when the work horse dies."""
    _bind_once()
    try:
        return process(jobs.claim(item_id, LEASE_S), raise_to_retry=True)
    finally:
        database.close()  # a work horse ends here; its parent must not inherit an open connection either


def run_items(item_ids: list[int]) -> str:
    """RQ's entry point for a chunk of a job's articles (workers.dispatch).

    The first time, every article of the chunk is claimed (one more attempt each), extracted, and those
    extracted are stored together: one transaction, one claim upkeep. Each article is stored whole or
    not at all; an extractor error fails that article alone. Any later run of the chunk (RQ retries it
    when this raises, or when the work horse died: killed, out of memory, past the time limit) takes
    the articles left one at a time, as run_item does, and stops at the first that fails: only that one
    spends an attempt, and the next run starts with it again, until it has spent its attempts."""
    _bind_once()
    try:
        left = jobs.unfinished(item_ids)
        if not left:
            return "finished before"
        if any(item.attempts for item in left):
            for item in left:
                outcome = process(jobs.claim(item.id, LEASE_S), raise_to_retry=True)  # raises to retry
            return outcome
        return _store_together(jobs.claim_many([item.id for item in left], LEASE_S))
    finally:
        database.close()


def _store_together(items) -> str:
    import extraction

    work, errors = [], {}
    for item in items:
        text, meta = _article(json.loads(item.article))
        digest = content_hash(text)
        try:
            result = None if _stored_id(digest) is not None else extraction.extract(text, meta)
        except BaseTimeoutException as error:  # past the chunk's time: the articles left wait for the retry
            errors[item.id] = error
            break
        except Exception as error:  # the extractor's: this article's alone
            errors[item.id] = error
            continue
        work.append((item.id, text, meta, digest, result))
    upkeep = ClaimUpkeep()
    with write_transaction(claims=False):
        left = jobs.lock_unfinished_many([item_id for item_id, *_ in work])
        for item_id, text, meta, digest, result in work:
            if item_id not in left:
                continue  # finished before
            jobs.mark_stored(item_id, *_write(text, meta, digest, result, upkeep))
        keep_claims(upkeep)
    for item in items:
        if item.id in errors:  # the others are stored: retried alone (or failed for good past its attempts)
            _failed(item, errors[item.id], raise_to_retry=True)
    return f"{len(work)} stored" + (f", {len(errors)} failed" if errors else "")


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
        return _failed(item, error, raise_to_retry=raise_to_retry)


def _failed(item, error: Exception, *, raise_to_retry: bool) -> str:
    reason = _reason(error)
    if item.attempts >= MAX_ATTEMPTS:
        log.warning("item %s failed for good after %d attempts: %s", item.id, item.attempts, reason)
        jobs.fail(item.id, f"Failed {item.attempts} times; the last time: {reason}")
        return jobs.FAILED
    log.warning("item %s failed (attempt %d of %d): %s", item.id, item.attempts, MAX_ATTEMPTS, reason)
    if raise_to_retry:
        raise error
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

    text, meta = _article(article)
    digest = content_hash(text)
    result = None if _stored_id(digest) is not None else extraction.extract(text, meta)
    # PostgreSQL: write_article takes the claims lock itself, after its inserts (SQLite: one writer from BEGIN)
    with write_transaction(claims=False):
        if not jobs.lock_unfinished(item_id):
            return "finished before"  # a retry after the first attempt's commit: nothing to do twice
        source_id, created = _write(text, meta, digest, result)
        jobs.mark_stored(item_id, source_id, created)
    return jobs.DONE if created else jobs.DUPLICATE


def _article(article: dict):
    """A queued article's text and metadata (the fields of POST /articles)."""
    import extraction

    meta = extraction.ArticleMeta(title=article.get("title"), outlet=article.get("outlet"), url=article.get("url"),
                                  published=article.get("published"))
    return article["text"], meta


def _write(text: str, meta, digest: str, result, upkeep: ClaimUpkeep | None = None) -> tuple[str, bool]:
    """(source id, created): the article written (result None: its text is stored already)."""
    try:
        return (_existing(digest) if result is None
                else write_article(text, meta, result, keep_existing=True, upkeep=upkeep))
    except IntegrityError:  # the same text, from another job or line, committed first meanwhile
        return _existing(digest)


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
