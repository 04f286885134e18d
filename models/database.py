"""One database proxy for the whole process, bound from DATABASE_URL (peewee's playhouse.db_url)."""
from __future__ import annotations

import os
from pathlib import Path

from peewee import DatabaseProxy, SqliteDatabase
from playhouse.db_url import connect

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATABASE_URL = f"sqlite:///{PROJECT_ROOT / 'data' / 'positions.sqlite3'}"

# WAL lets readers work while a writer commits; the busy timeout makes writers queue instead of failing.
SQLITE_PRAGMAS = {"journal_mode": "wal", "busy_timeout": 5000, "foreign_keys": 1, "synchronous": "normal"}

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
        db = connect(url)
    database.initialize(db)
    return db


def create_tables() -> None:
    from .entities import ALL_MODELS
    from .migrations import create_indexes

    database.create_tables(ALL_MODELS, safe=True)
    create_indexes()


def is_sqlite() -> bool:
    return isinstance(database.obj, SqliteDatabase)
