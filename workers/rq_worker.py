"""The RQ worker class for ingest: `python scripts/worker.py` starts it with the intervals below; `rq worker
-w workers.rq_worker.IngestWorker --url $REDIS_URL QUEUE` also works, but passes RQ's own (slower) ones.

RQ forks a work horse per article; the NLP models are loaded once here, before any fork, so each horse
starts with them in memory. RQ retries an article whose horse died (SIGKILL, out of memory, over the
time limit) at once; one whose whole worker died is retried by another worker's maintenance once the
dead worker's heartbeat has run out (HEARTBEAT_MARGIN_S after its last one). RQ gives the horse a
process group of its own: a horse whose parent alone was killed finishes its article, and the retry
then finds it stored (models/jobs.py: the item is final) and does nothing.
"""
from __future__ import annotations

import os

from rq import Worker

from models.database import PROJECT_ROOT

HEARTBEAT_MARGIN_S = int(os.environ.get("INGEST_HEARTBEAT_MARGIN", "20"))  # RQ's own margin is 60 s
MONITORING_INTERVAL_S = int(os.environ.get("INGEST_MONITORING_INTERVAL", "5"))  # the parent's heartbeat
MAINTENANCE_INTERVAL_S = int(os.environ.get("INGEST_MAINTENANCE_INTERVAL", "15"))  # looks for dead workers' jobs


class IngestWorker(Worker):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("job_monitoring_interval", MONITORING_INTERVAL_S)
        kwargs.setdefault("maintenance_interval", MAINTENANCE_INTERVAL_S)
        # an idle worker waits on the queue for worker_ttl - 15 s between maintenance runs (RQ: 405 s), and
        # an idle survivor must still find a dead worker's article soon
        kwargs.setdefault("worker_ttl", MAINTENANCE_INTERVAL_S + 15)
        super().__init__(*args, **kwargs)
        prepare_process()

    def get_heartbeat_ttl(self, job, working_time: float = 0.0) -> int:
        # the parent beats every job_monitoring_interval while its horse works; a dead worker's articles
        # are given to another after this much silence instead of RQ's 60 s margin
        ttl = super().get_heartbeat_ttl(job, working_time)
        return ttl - 60 + HEARTBEAT_MARGIN_S


def prepare_process() -> None:
    """Bind and migrate DATABASE_URL and load the NLP models, then close the connection (horses open
    their own: a connection must never be shared across a fork)."""
    import extraction
    import models
    from models.database import database

    if database.obj is None:
        models.bind()
    models.create_tables()
    database.close()
    # a whole article, not a sentence: the extractor loads some of its tables on first use, and what a horse
    # loads is lost when it exits (a sentence left each horse 0.4-0.8 s of loading, a seed article ~0)
    extraction.extract(*extraction.read_article(WARM_UP_ARTICLE))


WARM_UP_ARTICLE = sorted((PROJECT_ROOT / "seeds").glob("*.txt"))[0]
