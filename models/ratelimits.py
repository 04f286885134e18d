"""Write counts of the rate limit in the database (table `rate_limit`, migration 4): one count per API key and
window for every worker and server that shares the database (issue 11, finding 7).

A `limits` storage (scheme `database://`): Flask-Limiter's fixed-window strategy needs only incr, get and
get_expiry. incr is one upsert that starts a new window when the old one has expired and returns the count
after it, atomic on both engines (SQLite serializes writers; PostgreSQL locks the key's row), so N workers
allow exactly the limit, not N times it. The statements run on the request's own connection, outside any
transaction: each commits as it runs.
"""
from __future__ import annotations

import time

from limits.storage import Storage
from peewee import PeeweeException

from .database import database, is_sqlite

TABLE = "rate_limit"


def _sql(statement: str) -> str:
    return statement if is_sqlite() else statement.replace("?", "%s")


class DatabaseStorage(Storage):
    STORAGE_SCHEME = ["database"]

    def __init__(self, uri: str | None = None, wrap_exceptions: bool = False, **options):
        super().__init__(uri, wrap_exceptions=wrap_exceptions, **options)

    @property
    def base_exceptions(self):
        return PeeweeException

    def incr(self, key: str, expiry: int, amount: int = 1) -> int:
        now = time.time()
        database.execute_sql(_sql(f'DELETE FROM "{TABLE}" WHERE "expires_at" < ?'), (now - 3600,))  # stays small
        upsert = f'''INSERT INTO "{TABLE}" ("key", "hits", "expires_at") VALUES (?, ?, ?)
            ON CONFLICT ("key") DO UPDATE SET
              "hits" = CASE WHEN "{TABLE}"."expires_at" <= ? THEN excluded."hits"
                            ELSE "{TABLE}"."hits" + excluded."hits" END,
              "expires_at" = CASE WHEN "{TABLE}"."expires_at" <= ? THEN excluded."expires_at"
                                  ELSE "{TABLE}"."expires_at" END
            RETURNING "hits"'''
        return database.execute_sql(_sql(upsert), (key, amount, now + expiry, now, now)).fetchone()[0]

    def get(self, key: str) -> int:
        row = database.execute_sql(_sql(f'SELECT "hits" FROM "{TABLE}" WHERE "key" = ? AND "expires_at" > ?'),
                                   (key, time.time())).fetchone()
        return row[0] if row else 0

    def get_expiry(self, key: str) -> float:
        row = database.execute_sql(_sql(f'SELECT "expires_at" FROM "{TABLE}" WHERE "key" = ?'), (key,)).fetchone()
        return max(row[0], time.time()) if row else time.time()

    def check(self) -> bool:
        try:
            database.execute_sql(f'SELECT 1 FROM "{TABLE}" LIMIT 1')
            return True
        except PeeweeException:
            return False

    def reset(self) -> int | None:
        return database.execute_sql(f'DELETE FROM "{TABLE}"').rowcount

    def clear(self, key: str) -> None:
        database.execute_sql(_sql(f'DELETE FROM "{TABLE}" WHERE "key" = ?'), (key,))
