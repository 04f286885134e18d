"""Positions as plain dicts in the shape of api.schemas.PositionSchema, read as tuples.

The list pages' hot path: building peewee model graphs (position + actor + source + speaker) and
dumping them through nested marshmallow schemas costs ~2.7 ms for a page of 20 at 100,000 positions;
one prepared SELECT read as tuples and turned into dicts costs ~0.4 ms (docs/benchmarks.md).
tests/test_rows.py checks that both paths give the same documents for every seeded position.
"""
from __future__ import annotations

import datetime as dt
import functools
import threading
from collections import OrderedDict
from types import SimpleNamespace

import orjson

from .database import database
from .summary import short_name, summarize

# the columns read, in the order the tuples carry them
COLUMNS = (
    'p."id"', 'p."kind"', 'p."text"', 'p."quote"', 'p."said_on"', 'p."date_precision"', 'p."start"', 'p."end"',
    'p."targets"', 'p."topics"', 'p."rebuts_id"', 'p."speaker_id"', 'p."speaker_role"',
    'a."code"', 'a."name_en"', 'a."name_vi"',
    's."id"', 's."outlet"', 's."title"', 's."url"', 's."published"',
    'pe."name"', 'pe."role"', 'p."claim_id"',
)
FROM = ('FROM "position" p JOIN "actor" a ON a."code" = p."actor_id" JOIN "source" s ON s."id" = p."source_id" '
        'LEFT OUTER JOIN "person" pe ON pe."id" = p."speaker_id"')


@functools.lru_cache(maxsize=128)
def _select(count: int, param: str) -> str:
    """The SELECT for `count` ids, compiled once per page size and engine placeholder."""
    return f'SELECT {", ".join(COLUMNS)} {FROM} WHERE p."id" IN ({", ".join([param] * count)})'


MAX_KEPT_DOCUMENTS = 20_000  # per process: ~40 MB at most


class _Documents:
    """Documents already written as JSON, per id, for the data version they were read at (a write to any
    table a document shows moves it on: models/migrations.py). The pages of many filters share their newest
    rows: the wide benchmark mix built each row ~20 times. Kept as orjson Fragments (bytes, which the garbage
    collector does not walk: 20,000 documents as dicts made its full collections stall a worker ~70 ms)."""

    def __init__(self):
        self.by_id: OrderedDict = OrderedDict()
        self.version = None
        self.lock = threading.Lock()

    def get(self, version, ids) -> dict:
        with self.lock:
            if version != self.version:
                return {}
            found = {}
            for i in ids:
                document = self.by_id.get(i)
                if document is not None:
                    self.by_id.move_to_end(i)
                    found[i] = document
            return found

    def put(self, version, documents: dict) -> None:
        with self.lock:
            if version != self.version:
                if self.version is not None and version < self.version:
                    return  # read at an older version than another thread already saw
                self.by_id.clear()
                self.version = version
            self.by_id.update(documents)
            while len(self.by_id) > MAX_KEPT_DOCUMENTS:
                self.by_id.popitem(last=False)


_documents: dict = {}  # database -> _Documents


def position_dicts(ids: list[str]) -> list[dict]:
    """The positions with these ids, in the order given, as PositionSchema dumps them."""
    if not ids:
        return []
    by_id = _built(ids)
    return [by_id[i] for i in ids if i in by_id]


def position_json(ids: list[str], version: int) -> list[orjson.Fragment]:
    """position_dicts(ids) already written as JSON (what the app's orjson provider writes for each dict), for
    a page whose ids were read at data version `version` or later: documents written before under that
    version are reused, and those written now are kept for the next pages."""
    if not ids:
        return []
    kept = _documents.get(database.obj)
    if kept is None:
        kept = _documents.setdefault(database.obj, _Documents())
    by_id = kept.get(version, ids)
    missing = [i for i in dict.fromkeys(ids) if i not in by_id]
    if missing:
        written = {i: orjson.Fragment(orjson.dumps(document, default=str, option=orjson.OPT_NON_STR_KEYS))
                   for i, document in _built(missing).items()}
        kept.put(version, written)
        by_id.update(written)
    return [by_id[i] for i in ids if i in by_id]


def _built(ids: list[str]) -> dict:
    cursor = database.execute_sql(_select(len(ids), database.param), list(ids))
    return {row[0]: _document(row) for row in cursor.fetchall()}


def position_dict(position_id: str) -> dict | None:
    found = position_dicts([position_id])
    return found[0] if found else None


def _document(row: tuple) -> dict:
    (pid, kind, text, quote, said_on, precision, start, end, targets, topics, rebuts, speaker_id, speaker_role,
     code, name_en, name_vi, source_id, outlet, title, url, published, speaker_name, person_role, claim) = row
    targets, topics = _json_list(targets), _json_list(topics)
    speaker = None if speaker_id is None else {"name": speaker_name, "role": speaker_role or person_role}
    summary = summarize(SimpleNamespace(
        actor=SimpleNamespace(code=code, name_en=name_en), speaker_id=speaker_id,
        speaker=SimpleNamespace(name=speaker_name), targets=targets, kind=kind, topics=topics, said_on=said_on))
    return {
        "id": pid, "kind": kind, "summary": summary,
        "actor": {"code": code, "name_en": name_en, "name_vi": name_vi, "short_name": short_name(code, name_en)},
        "speaker": speaker, "text": text, "quote": quote, "date": said_on, "date_precision": precision,
        "source": {"id": source_id, "outlet": outlet, "title": title, "url": url, "published": iso(published)},
        "start": start, "end": end, "targets": targets, "topics": topics, "rebuts": rebuts, "claim": claim,
    }


def _json_list(value) -> list:
    return orjson.loads(value) if value else []  # the same lists as json.loads, in a fifth of the time


def iso(value) -> str | None:
    """SQLite hands dates back as text, PostgreSQL as datetime.date."""
    if value is None or isinstance(value, str):
        return value
    return value.isoformat() if isinstance(value, dt.date) else str(value)
