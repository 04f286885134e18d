"""Ingest jobs: a batch of articles (POST /articles/batch, scripts/ingest.py --api) and each article's outcome.

Jobs live in the database, not in a server or a queue, so any API server answers for any job and the
queue only carries item ids. An item's life: queued -> running (claimed by a worker, `attempts` counted
at the claim) -> done | duplicate | failed; a line that failed validation is stored as invalid and never
queued. The move to done or duplicate commits in the same transaction as the article's source and
positions, so an article is either stored and marked, or neither: a worker killed at any point leaves an
item that the next attempt can take again, and never a second copy.
"""
from __future__ import annotations

import datetime as dt
import json
import secrets

from peewee import SQL, fn

from .database import is_sqlite
from .entities import IngestItem, IngestJob
from .ingest import write_transaction

QUEUED, RUNNING, DONE, DUPLICATE, FAILED, INVALID = "queued", "running", "done", "duplicate", "failed", "invalid"
STATUSES = (QUEUED, RUNNING, DONE, DUPLICATE, FAILED, INVALID)
FINAL = (DONE, DUPLICATE, FAILED, INVALID)
INSERT_CHUNK = 100  # rows of 7 values per INSERT: under SQLite's oldest bound-parameter limit (999)


def now() -> dt.datetime:
    # naive UTC: SQLite stores text and PostgreSQL a TIMESTAMP without zone; both compare the same way
    return dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)


def create_job(lines: list[tuple[int, dict | None, str | None]]) -> tuple[IngestJob, list[int]]:
    """Store a job with one item per line: (line number, article fields, None) for a valid line,
    (line number, None, error) for an invalid one. Return the job and the ids of its queued items, in order of
    publication date (undated last, then line order): the chunks workers.dispatch queues then hold articles
    of the same days, whose claim upkeep reads the same candidates once (models/claims.py: a week's window)."""
    job_id = secrets.token_hex(8)
    rows = [{"job": job_id, "line": number, "status": QUEUED if article is not None else INVALID,
             "article": json.dumps(article, ensure_ascii=False, default=str) if article is not None else "",
             "error": error, "attempts": 0, "finished_at": None if article is not None else now()}
            for number, article, error in lines]
    with write_transaction(claims=False):  # no position nor claim: no claims lock on PostgreSQL
        job = IngestJob.create(id=job_id, created_at=now(), submitted=len(lines))
        for start in range(0, len(rows), INSERT_CHUNK):
            IngestItem.insert_many(rows[start:start + INSERT_CHUNK]).execute()
    published = {number: str(article.get("published") or "") for number, article, _ in lines if article is not None}
    queued = IngestItem.select(IngestItem.id, IngestItem.line).where(
        (IngestItem.job == job_id) & (IngestItem.status == QUEUED)).tuples()
    return job, [item_id for _, _, item_id in sorted((not published[line], published[line], item_id)
                                                      for item_id, line in queued)]


def discard_job(job_id: str) -> None:
    """Remove a job that could not be queued (the queue engine was unreachable): it never existed."""
    with write_transaction(claims=False):  # no position nor claim: no claims lock on PostgreSQL
        IngestItem.delete().where(IngestItem.job == job_id).execute()
        IngestJob.delete().where(IngestJob.id == job_id).execute()


def job_report(job_id: str) -> dict | None:
    """The job's state, counts per status and every line's outcome; None for an unknown job."""
    job = IngestJob.get_or_none(IngestJob.id == job_id)
    if job is None:
        return None
    items = list(IngestItem.select(IngestItem.line, IngestItem.status, IngestItem.source_id, IngestItem.error,
                                   IngestItem.attempts, IngestItem.finished_at)
                 .where(IngestItem.job == job_id).order_by(IngestItem.line).dicts())
    counts = dict.fromkeys(STATUSES, 0)
    for item in items:
        counts[item["status"]] += 1
    pending = counts[QUEUED] + counts[RUNNING]
    started = len(items) - counts[QUEUED] - counts[INVALID]
    state = "done" if not pending else "running" if started else "queued"
    finished = max((i["finished_at"] for i in items if i["finished_at"]), default=None) if not pending else None
    return {"id": job.id, "state": state, "created_at": _utc(job.created_at), "finished_at": _utc(finished),
            "counts": {"submitted": job.submitted, **counts}, "articles": items}


def _utc(moment: dt.datetime | None) -> dt.datetime | None:
    return moment.replace(tzinfo=dt.timezone.utc) if moment else None


def claim(item_id: int, lease_seconds: float, *, only_if_free: bool = False) -> IngestItem | None:
    """Take an item to work on (status running, one more attempt, a lease); None when it is finished, or,
    with `only_if_free` (the embedded runner, which polls), when another worker holds a live lease.

    A queue engine hands an item to one worker at a time and hands it again only when that worker died:
    it may always take a running item back."""
    moment = now()
    free = (IngestItem.status == QUEUED) | ((IngestItem.status == RUNNING) & (IngestItem.lease_until < moment))
    condition = free if only_if_free else IngestItem.status.in_([QUEUED, RUNNING])
    with write_transaction(claims=False):  # no position nor claim: no claims lock on PostgreSQL
        taken = (IngestItem.update(status=RUNNING, attempts=IngestItem.attempts + 1,
                                   lease_until=moment + dt.timedelta(seconds=lease_seconds))
                 .where((IngestItem.id == item_id) & condition).execute())
    return IngestItem.get_by_id(item_id) if taken else None


def claim_many(item_ids: list[int], lease_seconds: float) -> list[IngestItem]:
    """claim() for the items of one queued chunk at once (one transaction): those not finished, taken."""
    moment = now()
    with write_transaction(claims=False):  # no position nor claim: no claims lock on PostgreSQL
        (IngestItem.update(status=RUNNING, attempts=IngestItem.attempts + 1,
                           lease_until=moment + dt.timedelta(seconds=lease_seconds))
         .where(IngestItem.id.in_(item_ids) & IngestItem.status.in_([QUEUED, RUNNING])).execute())
    return list(IngestItem.select().where(IngestItem.id.in_(item_ids) & (IngestItem.status == RUNNING))
                .order_by(IngestItem.id))


def unfinished(item_ids: list[int]) -> list[IngestItem]:
    """The items not finished yet, without their text, in id order."""
    return list(IngestItem.select(IngestItem.id, IngestItem.attempts)
                .where(IngestItem.id.in_(item_ids) & IngestItem.status.not_in(FINAL)).order_by(IngestItem.id))


def next_free_item() -> int | None:
    """The oldest item waiting, or whose worker's lease ran out (it died mid-article)."""
    row = (IngestItem.select(IngestItem.id)
           .where((IngestItem.status == QUEUED) | ((IngestItem.status == RUNNING) & (IngestItem.lease_until < now())))
           .order_by(IngestItem.id).limit(1).tuples().first())
    return row[0] if row else None


def requeue(item_id: int) -> None:
    """Give an item back after an attempt failed, for the next attempt."""
    with write_transaction(claims=False):  # no position nor claim: no claims lock on PostgreSQL
        IngestItem.update(status=QUEUED, lease_until=None).where(
            (IngestItem.id == item_id) & (IngestItem.status == RUNNING)).execute()


def fail(item_id: int, reason: str) -> None:
    with write_transaction(claims=False):  # no position nor claim: no claims lock on PostgreSQL
        IngestItem.update(status=FAILED, error=reason[:1000], lease_until=None, finished_at=now()).where(
            (IngestItem.id == item_id) & IngestItem.status.not_in(FINAL)).execute()


def lock_unfinished(item_id: int) -> bool:
    """Inside a write transaction: lock the item against a second finisher; False when already finished.
    (SQLite's write lock, taken at BEGIN, already excludes every other writer.) Its id alone is read: the
    article's text is known to whoever asks."""
    query = IngestItem.select(IngestItem.id).where((IngestItem.id == item_id) & IngestItem.status.not_in(FINAL))
    return (query if is_sqlite() else query.for_update()).tuples().first() is not None


def lock_unfinished_many(item_ids: list[int]) -> set[int]:
    """lock_unfinished for several items: the ids of those not finished, locked."""
    query = IngestItem.select(IngestItem.id).where(IngestItem.id.in_(item_ids) & IngestItem.status.not_in(FINAL))
    return {row[0] for row in (query if is_sqlite() else query.order_by(IngestItem.id).for_update()).tuples()}


def mark_stored(item_id: int, source_id: str, created: bool) -> None:
    """Inside the transaction that stored the article (or found it stored): done, or duplicate."""
    IngestItem.update(status=DONE if created else DUPLICATE, source_id=source_id, article="", error=None,
                      lease_until=None, finished_at=now()).where(IngestItem.id == item_id).execute()


def pending_count() -> int:
    return IngestItem.select(fn.COUNT(SQL("*"))).where(IngestItem.status.in_([QUEUED, RUNNING])).scalar()
