"""Shared by the reliability tests and scripts/soak.py: made-to-order articles, a private seeded database of
the suite's engine, gunicorn's worker processes, and what the database holds."""
from __future__ import annotations

import time
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SPEAKERS = (
    "Tổng thư ký NATO Jens Stoltenberg tuyên bố liên minh sẽ rút quân khỏi",
    "Ngoại trưởng Nga Sergei Lavrov yêu cầu Mỹ rút quân khỏi",
    "Ngoại trưởng Mỹ Antony Blinken cảnh báo Nga không được tấn công",
)
NUMBERS_PER_PARAGRAPH = 14


def paragraph(n: int) -> str:
    """The n-th paragraph: a dated statement, demand or warning naming 14 numbers no other paragraph has.

    The numbers are most of its words, so the extractor never takes two paragraphs for one position said
    twice; it finds a position in about two paragraphs in three."""
    numbers = ", ".join(str(100_000 + NUMBERS_PER_PARAGRAPH * n + k) for k in range(NUMBERS_PER_PARAGRAPH))
    return f"Ngày {n % 28 + 1}/{n % 12 + 1}/2022, {SPEAKERS[n % len(SPEAKERS)]} các điểm {numbers}."


def article(first: int, paragraphs: int = 3) -> str:
    """Paragraphs first .. first + paragraphs - 1 under a title: distinct texts for distinct ranges."""
    body = "\n\n".join(paragraph(n) for n in range(first, first + paragraphs))
    return f"Bản tin số {first}: đàm phán an ninh châu Âu\n\n{body}"


def expected_positions(text: str) -> int:
    """What the extractor finds in `text` submitted without metadata, as POST /articles runs it."""
    import extraction

    return len(extraction.extract(text, extraction.ArticleMeta()).positions)


@contextmanager
def fresh_database(tmp_path: Path):
    """A seeded database of its own, on the suite's engine (TEST_DATABASE_URL, else SQLite)."""
    from conftest import seeded_database

    with seeded_database(tmp_path) as url:
        yield url


def worker_pids(master_pid: int) -> list[int]:
    """gunicorn's workers: the master's child processes."""
    import psutil

    return [child.pid for child in psutil.Process(master_pid).children()]


def wait_for_workers(master_pid: int, count: int, without: set[int] = frozenset(), timeout: float = 60) -> list[int]:
    """The worker pids once `count` are running and none is in `without` (replacements of killed ones)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        pids = worker_pids(master_pid)
        if len(pids) == count and not set(pids) & set(without):
            return pids
        time.sleep(0.05)
    raise AssertionError(f"gunicorn did not get back to {count} workers in {timeout} s")


def database_counts(url: str) -> dict:
    """Rows per table, and rows whose parent is gone (the foreign keys of position, its targets, topics)."""
    import models

    db = models.bind(url)
    with db.connection_context():
        def one(sql: str) -> int:
            return db.execute_sql(sql).fetchone()[0]

        return {
            "sources": one('SELECT COUNT(*) FROM "source"'),
            "positions": one('SELECT COUNT(*) FROM "position"'),
            "orphan_positions": one('SELECT COUNT(*) FROM "position" p WHERE NOT EXISTS '
                                    '(SELECT 1 FROM "source" s WHERE s.id = p.source_id)'),
            "orphan_targets": one('SELECT COUNT(*) FROM "position_target" t WHERE NOT EXISTS '
                                  '(SELECT 1 FROM "position" p WHERE p.id = t.position_id)'),
            "orphan_topics": one('SELECT COUNT(*) FROM "position_topic" t WHERE NOT EXISTS '
                                 '(SELECT 1 FROM "position" p WHERE p.id = t.position_id)'),
        }


def stored_sources(url: str) -> list[tuple[str, str | None, str, int]]:
    """(id, seed name, text, position count) of every stored source."""
    import models
    from peewee import JOIN, fn

    db = models.bind(url)
    with db.connection_context():
        query = (models.Source.select(models.Source.id, models.Source.name, models.Source.text,
                                      fn.COUNT(models.Position.id))
                 .join(models.Position, JOIN.LEFT_OUTER).group_by(models.Source.id).tuples())
        return list(query)
