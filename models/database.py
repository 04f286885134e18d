"""One database proxy for the whole process, bound from DATABASE_URL (peewee's playhouse.db_url)."""
from __future__ import annotations

import os
import select
from pathlib import Path

from peewee import DatabaseProxy, SqliteDatabase
from playhouse.db_url import connect

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATABASE_URL = f"sqlite:///{PROJECT_ROOT / 'data' / 'positions.sqlite3'}"

# WAL lets readers work while a writer commits; the busy timeout makes writers queue instead of failing.
SQLITE_PRAGMAS = {"journal_mode": "wal", "busy_timeout": 5000, "foreign_keys": 1, "synchronous": "normal"}

PG_CONNECT_TIMEOUT_S = 5

database = DatabaseProxy()


def database_url() -> str:
    return os.environ.get("DATABASE_URL") or DEFAULT_DATABASE_URL


def bind(url: str | None = None):
    """Bind the proxy to the database named by `url` (default: DATABASE_URL) and return that database."""
    url = url or database_url()
    if url.startswith("postgres://"):
        url = "postgresql://" + url[len("postgres://"):]
    if url.startswith("sqlite:///"):
        Path(url[len("sqlite:///"):]).parent.mkdir(parents=True, exist_ok=True)
        db = connect(url, pragmas=SQLITE_PRAGMAS)
    else:
        # an unreachable server fails a request in seconds (503) instead of holding a worker
        db = connect(url, **({} if "connect_timeout=" in url else {"connect_timeout": PG_CONNECT_TIMEOUT_S}))
    database.initialize(db)
    return db


def use(db) -> None:
    """Point the proxy at `db` again when another app in this process (tests) bound it elsewhere."""
    if database.obj is not db:
        database.initialize(db)


def create_tables() -> None:
    """Create the tables or bring them up to the latest schema (models/migrations.py)."""
    from .migrations import migrate

    migrate()


def ensure_connection() -> None:
    """Open the connection, first replacing one the server has dropped since the last use.

    A PostgreSQL connection is kept across requests (connecting costs more than most queries); when the
    server restarts or a proxy cuts it, the idle socket becomes readable (a termination notice or EOF)
    while nothing was asked: that connection is dead, and a fresh one is opened instead.
    """
    if not database.is_closed() and not is_sqlite() and not _idle_connection_alive():
        discard_connection()
    database.connect(reuse_if_open=True)


def discard_connection() -> None:
    """Drop the current connection without talking to the server (it may be gone); the next
    ensure_connection() opens a new one."""
    db = database.obj
    if db is None or db.is_closed():
        return
    try:
        db.connection().close()
    except Exception:  # already broken: nothing to close
        pass
    db.dispose()  # forgets the connection and any transaction state tied to it


def connection_usable() -> bool:
    """False when the last statement left the connection broken or in a failed transaction."""
    if database.is_closed():
        return True
    try:
        return database.obj.is_connection_usable()
    except Exception:  # the driver cannot even say: not usable
        return False


def _idle_connection_alive() -> bool:
    connection = database.connection()
    if getattr(connection, "closed", False):
        return False
    try:
        readable, _, _ = select.select([connection.fileno()], [], [], 0)
    except (OSError, ValueError):
        return False
    return not readable


def is_sqlite() -> bool:
    return isinstance(database.obj, SqliteDatabase)
