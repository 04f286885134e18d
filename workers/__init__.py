"""Running ingest jobs: on RQ workers when REDIS_URL is set, else in the background of each API server.

The queue carries item ids only; what to do and what came of it is in the database (models/jobs.py).
With REDIS_URL, `python scripts/worker.py` (or `rq worker -w workers.rq_worker.IngestWorker`) on any
machine that reaches Redis and the database takes articles from the queue INGEST_QUEUE. Without it, each
gunicorn worker process of the API runs one background thread that takes waiting articles from the
database (workers/embedded.py): no extra service, and `make serve` stays one command.
"""
from __future__ import annotations

import functools
import os

DEFAULT_QUEUE = "positions-ingest"


def redis_url() -> str | None:
    return os.environ.get("REDIS_URL") or None


def queue_name() -> str:
    return os.environ.get("INGEST_QUEUE") or DEFAULT_QUEUE


@functools.cache
def _redis(url: str):
    from redis import Redis

    # a down Redis fails the submission in seconds (503) instead of holding a server worker
    return Redis.from_url(url, socket_connect_timeout=5, socket_timeout=30)


def rq_queue():
    """The RQ queue named by INGEST_QUEUE on REDIS_URL."""
    from rq import Queue

    return Queue(queue_name(), connection=_redis(redis_url()))


class QueueUnavailable(Exception):
    """The queue engine could not take the job (Redis unreachable): nothing was queued."""


def dispatch(job_id: str, item_ids: list[int]) -> None:
    """Hand the items to whoever runs them: RQ when configured, else this server's background runner
    (the database already holds them; this only wakes the runner)."""
    if not item_ids:
        return
    if redis_url() is None:
        from . import embedded

        embedded.wake()
        return
    from redis.exceptions import RedisError
    from rq import Queue, Retry

    from .tasks import ARTICLE_TIMEOUT_S, MAX_ATTEMPTS, chunks

    try:
        queue = rq_queue()
        # up to INGEST_CHUNK articles a job (workers/tasks.py run_items: stored together, one claim upkeep); its
        # time is its articles' time. Retries: after the first run, a run of a chunk finishes articles or
        # spends one attempt of the one it stopped at, so its size x MAX_ATTEMPTS retries always reach the end
        # (the first run claims the whole chunk: an article it did not reach before its horse died has one
        # attempt fewer left). Outcomes live in the database, so RQ keeps a finished job ten minutes (a
        # backfill's million articles would otherwise hold their job records in Redis)
        queue.enqueue_many([Queue.prepare_data("workers.tasks.run_items", (chunk,),
                                               job_id=f"ingest-{job_id}-{chunk[0]}",
                                               timeout=ARTICLE_TIMEOUT_S * len(chunk),
                                               retry=Retry(max=MAX_ATTEMPTS * len(chunk)), result_ttl=600,
                                               failure_ttl=7 * 86400)
                            for chunk in chunks(item_ids)])
    except RedisError as error:
        raise QueueUnavailable(str(error)) from error
