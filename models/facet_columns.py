"""Facet columns kept in memory per process: each position's facet values as integer codes in numpy arrays,
so a filter that matches much of the corpus (a search for "Nga" matches half of it) is counted by numpy over
its matching rows instead of SQL reading and grouping every matching row (docs/benchmarks.md, facets).

SQLite: indexed by rowid, kept current from the database itself in the reading request's transaction, so the
arrays always hold the snapshot that request reads: rows past the largest rowid seen are read as new; rows
whose facet values changed in place (an update, a delete, their topics or their source's outlet rewritten)
are listed by triggers in the table `facet_change` (migration 11) and read again. The log is trimmed by its
writers; a process that fell behind the trimmed part reads everything again.

PostgreSQL (models/facet_columns_pg.py): indexed by a slot per position id, with each position's search text
beside (a search is matched in memory: the trigram index reads every match's row, 70 ms for "nga"), kept
current by a log of every change read by transaction visibility.
"""
from __future__ import annotations

import datetime as dt
import logging
import threading
from collections import OrderedDict
from dataclasses import dataclass, field

import numpy as np
from peewee import SqliteDatabase

from . import facet_columns_pg
from .database import database

log = logging.getLogger(__name__)

CHANGES = "facet_change"
KEEP_CHANGES = 100_000  # log entries kept; a process further behind than this reloads
REREAD_AT_MOST = 10_000  # rows read again one by one; more changed than this, and everything is read again
ABSENT = -1  # the code of a missing value (no month, no outlet, no speaker) and of a rowid with no row

FACET_COLUMNS = ("actor", "kind", "month", "outlet", "speaker")
# said_from as a day number and its precision (PRECISIONS' index, ABSENT for any other): for the since and until
# filters and timelines, not facets
DATE_COLUMNS = ("day", "precision")
PRECISIONS = ("day", "month")
_ROWS = ('SELECT p.rowid, p.actor_id, p.kind, substr(p.said_from, 1, 7), s.outlet, p.speaker_id, p.said_from, '
         'p.date_precision, p.search_text '
         'FROM position p LEFT JOIN source s ON s.id = p.source_id')
_LINKS = 'SELECT p.rowid, t.topic_id FROM position_topic t JOIN position p ON p.id = t.position_id'


# the position columns kept; migration 11 watched the first five: the date's precision (the since filter) and the
# search text (words shorter than a trigram, matched in memory) joined in migration 13
WATCHED = ("actor_id", "kind", "said_from", "source_id", "speaker_id", "date_precision", "search_text")
WATCHED_BEFORE_13 = WATCHED[:5]


def change_log(watched: tuple[str, ...] = WATCHED) -> list[str]:
    """The statements of migrations 11 and 13: the log and the triggers that fill and trim it."""
    log = f'INSERT INTO "{CHANGES}" ("row")'
    triggers = {
        "facet_change_deleted": ("AFTER DELETE ON position", f"{log} VALUES (old.rowid);"),
        "facet_change_updated": (f"AFTER UPDATE OF {', '.join(watched)} ON position",
                                 f"{log} VALUES (old.rowid); {log} VALUES (new.rowid);"),
        "facet_change_topic_added": ("AFTER INSERT ON position_topic",
                                     f"{log} SELECT rowid FROM position WHERE id = new.position_id;"),
        "facet_change_topic_removed": ("AFTER DELETE ON position_topic",
                                       f"{log} SELECT rowid FROM position WHERE id = old.position_id;"),
        "facet_change_topic_rewritten": ("AFTER UPDATE ON position_topic",
                                         f"{log} SELECT rowid FROM position "
                                         "WHERE id IN (old.position_id, new.position_id);"),
        "facet_change_outlet": ("AFTER UPDATE OF outlet ON source",
                                f"{log} SELECT rowid FROM position WHERE source_id = new.id;"),
        # every thousandth entry trims what is older than KEEP_CHANGES: writers pay it, a moment each time
        "facet_change_trimmed": (f'AFTER INSERT ON "{CHANGES}" WHEN new.seq % 1000 = 0',
                                 f'DELETE FROM "{CHANGES}" WHERE seq <= new.seq - {KEEP_CHANGES};'),
    }
    table = f'CREATE TABLE IF NOT EXISTS "{CHANGES}" (seq INTEGER PRIMARY KEY AUTOINCREMENT, "row" INTEGER NOT NULL)'
    statements = [table]
    for name, (event, body) in triggers.items():
        statements.append(f'DROP TRIGGER IF EXISTS "{name}"')
        statements.append(f'CREATE TRIGGER "{name}" {event} BEGIN {body} END')
    return statements


@dataclass
class Labels:
    """Values and their codes, a code given to each new value as it is first seen."""
    values: list = field(default_factory=list)
    codes: dict = field(default_factory=dict)

    def code(self, value) -> int:
        if value is None:
            return ABSENT
        found = self.codes.get(value)
        if found is None:
            found = self.codes[value] = len(self.values)
            self.values.append(value)
        return found


@dataclass
class FacetColumns:
    """One snapshot's facet codes: `columns[name][row]`, the topic links as two parallel arrays and `texts[row]`,
    each position's search text. A row is the rowid (SQLite), or the slot `slots` gives a position id
    (PostgreSQL, where `snapshot` is the one the change log was read up to)."""
    version: int = -1
    last_change: int = 0  # the last log entry applied (SQLite)
    largest: int = 0  # the largest rowid read: rows past it are new (SQLite)
    columns: dict = field(default_factory=lambda: {name: np.full(0, ABSENT, np.int32)
                                                   for name in (*FACET_COLUMNS, *DATE_COLUMNS)})
    link_rows: np.ndarray = field(default_factory=lambda: np.zeros(0, np.int64))
    link_topics: np.ndarray = field(default_factory=lambda: np.zeros(0, np.int32))
    labels: dict = field(default_factory=lambda: {name: Labels() for name in (*FACET_COLUMNS, "topic")})
    slots: dict | None = None
    texts: list | None = None
    snapshot: str | None = None

    @property
    def size(self) -> int:
        return len(self.columns["actor"])

    def counts(self, name: str, rowids: np.ndarray) -> list[tuple]:
        """(value, count) of facet `name` over the rows `rowids`, every value that occurs."""
        if name == "topic":
            chosen = np.zeros(self.size, bool)
            chosen[rowids] = True
            codes = self.link_topics[chosen[self.link_rows]]
        else:
            codes = self.columns[name][rowids]
            codes = codes[codes != ABSENT]
        tally = np.bincount(codes, minlength=0) if len(codes) else np.zeros(0, np.int64)
        values = self.labels[name].values
        return [(values[code], int(tally[code])) for code in np.flatnonzero(tally)]

    def having(self, rowids: np.ndarray, name: str, values: list) -> np.ndarray:
        """The rows of `rowids` whose facet `name` is one of `values`."""
        codes = [self.labels[name].codes[value] for value in values if value in self.labels[name].codes]
        return rowids[np.isin(self.columns[name][rowids], codes)]

    def present(self) -> np.ndarray:
        """Every row that holds a position (a deleted one has no actor)."""
        return np.flatnonzero(self.columns["actor"] != ABSENT)

    def filtered(self, rows: np.ndarray, filters: dict) -> np.ndarray:
        """The rows of `rows` that pass these filters of queries._filtered: actors, kinds, topics (any of them),
        since and until, with its meanings (since a day in a month keeps the positions dated by that month)."""
        for name, key in (("actor", "actors"), ("kind", "kinds")):
            if filters.get(key):
                rows = self.having(rows, name, list(filters[key]))
        if filters.get("topics"):
            codes = [self.labels["topic"].codes[t] for t in filters["topics"] if t in self.labels["topic"].codes]
            chosen = np.zeros(self.size, bool)
            chosen[self.link_rows[np.isin(self.link_topics, codes)]] = True
            rows = rows[chosen[rows]]
        day = self.columns["day"][rows]
        keep = np.ones(len(rows), bool)
        if since := filters.get("since"):  # undated rows are ABSENT, before every day
            keep &= (day >= since.replace(day=1).toordinal()) & (
                (day >= since.toordinal()) | (self.columns["precision"][rows] == PRECISIONS.index("month")))
        if until := filters.get("until"):
            keep &= (day != ABSENT) & (day <= until.toordinal())
        return rows[keep]

    def search(self, words: list[str]) -> np.ndarray:
        """The rows whose search text holds every word, as queries._search's SQL matches them."""
        first, rest = words[0], words[1:]
        found = [row for row, text in enumerate(self.texts) if text is not None and first in text]
        if rest:
            found = [row for row in found if all(word in self.texts[row] for word in rest)]
        return np.array(found, np.int64)

    def copy(self) -> FacetColumns:
        """Arrays of its own to change (readers of this one may be counting); the labels and the slots only grow
        (and only the one refreshing, under _lock, looks a slot up), so shared."""
        return FacetColumns(version=self.version, last_change=self.last_change, largest=self.largest,
                            columns={name: column.copy() for name, column in self.columns.items()},
                            link_rows=self.link_rows, link_topics=self.link_topics, labels=self.labels,
                            slots=self.slots, texts=None if self.texts is None else list(self.texts),
                            snapshot=self.snapshot)

    def slots_of(self, ids: list[str]) -> np.ndarray:
        """The slots of these position ids (PostgreSQL), leaving out any committed after these columns' snapshot."""
        slots = self.slots
        return np.fromiter((slots[i] for i in ids if i in slots), np.int64)

    def rows_of(self, keys) -> np.ndarray:
        """The rows of these rowids (SQLite) or position ids (PostgreSQL: a new id takes the next slot)."""
        if self.slots is None:
            return np.fromiter(keys, np.int64)
        slots = self.slots
        return np.fromiter((slots.setdefault(key, len(slots)) for key in keys), np.int64)

    def read(self, rows: list[tuple], links: list[tuple], reread: np.ndarray) -> None:
        """Put `rows` (key, facet values and, on PostgreSQL, the search text) in place, first clearing the rows
        `reread`, whose links `links` (key, topic) replace."""
        places = self.rows_of(row[0] for row in rows)
        largest = int(places.max()) if len(places) else 0
        self.largest = max(self.largest, largest)
        size = self.size
        if largest >= size:  # grown by a quarter at least, so that appending rows one article at a time is cheap
            more = np.full(max(largest + 1, int(size * 1.25)) - size, ABSENT, np.int32)
            self.columns = {name: np.concatenate([column, more]) for name, column in self.columns.items()}
            if self.texts is not None:
                self.texts.extend([None] * len(more))
        for column in self.columns.values():
            column[reread] = ABSENT  # rows deleted since stay absent; the others are read again below
        if self.texts is not None:
            for row in reread.tolist():
                self.texts[row] = None
            for place, row in zip(places.tolist(), rows):
                self.texts[place] = row[-1]
        for place, name in enumerate(FACET_COLUMNS, start=1):
            code = self.labels[name].code
            self.columns[name][places] = np.fromiter((code(row[place]) for row in rows), np.int32, len(rows))
        said = len(FACET_COLUMNS) + 1  # said_from, then date_precision
        self.columns["day"][places] = np.fromiter((_day(row[said]) for row in rows), np.int32, len(rows))
        self.columns["precision"][places] = np.fromiter((_precision(row[said + 1]) for row in rows), np.int32,
                                                        len(rows))
        if len(reread):  # their links go, the ones read replace them (a scan of every link: only when needed)
            kept = ~np.isin(self.link_rows, reread)
            self.link_rows, self.link_topics = self.link_rows[kept], self.link_topics[kept]
        code = self.labels["topic"].code
        self.link_rows = np.concatenate([self.link_rows, self.rows_of(key for key, _ in links)])
        self.link_topics = np.concatenate([self.link_topics, np.fromiter((code(t) for _, t in links), np.int32,
                                                                          len(links))])


def _precision(value) -> int:
    return PRECISIONS.index(value) if value in PRECISIONS else ABSENT


def _day(said_from) -> int:
    """A said_from (a date, or its ISO text on SQLite) as a day number; ABSENT when undated."""
    if said_from is None:
        return ABSENT
    return (said_from if isinstance(said_from, dt.date) else dt.date.fromisoformat(said_from[:10])).toordinal()


DATABASES_KEPT = 4  # a server reads one database; a test run or a benchmark opens a few
_current: OrderedDict = OrderedDict()  # database -> its FacetColumns, the one used last at the end
_loading: dict = {}  # database -> the thread reading its rows afresh
_lock = threading.Lock()


def current(version: int) -> FacetColumns | None:
    """The columns as of data version `version`, read in the caller's transaction (which read `version`).
    None (the caller counts in SQL) while they are first read, or read again after many changes, by a thread
    of their own: no request waits for the whole table (0.6 s at 100,000 positions); and when another
    request already brought them to a newer snapshot than this one reads."""
    db = database.obj
    with _lock:
        columns = _current.get(db)
        if columns is None or columns.version > version:
            if columns is None:
                _load_in_background(db)
            return None
        if columns.version < version:
            columns = refreshed(columns, version)
            if columns is None:
                del _current[db]
                _load_in_background(db)
                return None
            _keep(db, columns)
        return columns


def _keep(db, columns: FacetColumns) -> None:
    """Keep `db`'s columns, and those of the few databases used last (the caller holds _lock)."""
    _current[db] = columns
    _current.move_to_end(db)
    while len(_current) > DATABASES_KEPT:
        _current.popitem(last=False)


def refreshed(columns: FacetColumns, version: int) -> FacetColumns | None:
    """A copy of `columns` brought to the snapshot being read (new rows and logged ones read again); None
    when so much changed that reading every row is the cheaper way."""
    if columns.slots is not None:
        return _refreshed_from_transactions(columns, version)
    execute = database.execute_sql
    oldest, last = execute(f'SELECT MIN(seq), MAX(seq) FROM "{CHANGES}"').fetchone()
    if oldest is not None and oldest > columns.last_change + 1:
        return None  # the log was trimmed past what these columns applied
    seen = columns.largest
    logged = sorted({row for (row,) in execute(f'SELECT "row" FROM "{CHANGES}" WHERE seq > ?',
                                                (columns.last_change,)) if row <= seen})
    new = execute("SELECT COUNT(*) FROM position WHERE rowid > ?", (seen,)).fetchone()[0]
    if len(logged) + new > REREAD_AT_MOST:
        return None
    columns = columns.copy()
    reread = np.array(logged, np.int64)
    marks = ", ".join("?" * len(logged))
    where = f"WHERE p.rowid > ? OR p.rowid IN ({marks})" if logged else "WHERE p.rowid > ?"
    params = (seen, *logged)
    columns.read(execute(f"{_ROWS} {where}", params).fetchall(), execute(f"{_LINKS} {where}", params).fetchall(),
                 reread)
    columns.version, columns.last_change = version, max(columns.last_change, last or 0)
    return columns


def _refreshed_from_transactions(columns: FacetColumns, version: int) -> FacetColumns | None:
    """PostgreSQL's refreshed: the positions the transactions committed since the columns' snapshot changed
    are read again (facet_columns_pg). Read after the snapshot, they may be newer still: those changes are
    read again next time, and reading a row twice is harmless."""
    snapshot, complete, changed = facet_columns_pg.changed_since(columns.snapshot, REREAD_AT_MOST)
    if not complete or len(changed) > REREAD_AT_MOST:
        return None
    columns = columns.copy()
    if changed:
        facet_columns_pg.reread(columns, changed)
    columns.version, columns.snapshot = version, snapshot
    return columns


def loaded(db) -> FacetColumns:
    """Every row of database `db` read afresh, in one snapshot (the caller's transaction, or one of its own)."""
    if not isinstance(getattr(db, "obj", db), SqliteDatabase):  # a database or the proxy bound to one
        columns = FacetColumns(slots={}, texts=[])
        columns.version = facet_columns_pg.read_everything(db, columns)
        return columns
    with db.atomic():
        version = db.execute_sql('SELECT "version" FROM "data_version"').fetchone()[0]
        last_change = db.execute_sql(f'SELECT MAX(seq) FROM "{CHANGES}"').fetchone()[0] or 0
        columns = FacetColumns(version=version, last_change=last_change, texts=[])
        columns.read(db.execute_sql(_ROWS).fetchall(), db.execute_sql(_LINKS).fetchall(), np.zeros(0, np.int64))
    return columns


def _load_in_background(db) -> None:
    """Start reading `db`'s columns afresh in a thread, unless one is at it (the caller holds _lock)."""
    if db in _loading:
        return
    thread = _loading[db] = threading.Thread(target=_load, args=(db,), name="facet-columns", daemon=True)
    thread.start()


def _load(db) -> None:
    try:
        with db.connection_context():
            columns = loaded(db)
        with _lock:
            kept = _current.get(db)
            if kept is None or kept.version < columns.version:
                _keep(db, columns)
    except Exception:  # the requests count in SQL meanwhile, and the next one to need them tries again
        log.exception("reading the facet columns failed")
    finally:
        with _lock:
            _loading.pop(db, None)


def wait_loaded(timeout: float = 60) -> None:
    """Return once no thread is reading columns afresh (tests and benchmarks: the in-memory path measured)."""
    with _lock:
        threads = list(_loading.values())
    for thread in threads:
        thread.join(timeout)
