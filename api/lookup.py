"""Turning what users type into database keys, with errors that name the valid values."""
from __future__ import annotations

import re
import threading

from flask import current_app
from flask_smorest import abort

from models import fold, queries


ID_PATTERN = re.compile(r"[0-9a-f]{16}")


class ActorResolver:
    """Actor code from a code, English or Vietnamese name or alias, any case, with or without diacritics.

    The table, and the list of known actors an error names, are cached per process under the data version
    they were read at (models/queries.py): a name not found reloads them only when a write has committed
    since (an ingest may have added an actor). Rebuilding both for every unknown name made a miss cost ten
    times a hit (issue 11, finding 4).
    """

    def __init__(self):
        self._names: dict[str, str] = {}
        self._known = ""
        self._version: int | None = None
        self._lock = threading.Lock()

    def find(self, value: str) -> str | None:
        key = fold(value)
        code = self._names.get(key) if self._version is not None else None
        if code is None:
            self._refresh_if_moved()
            code = self._names.get(key)
        return code

    def resolve(self, value: str, *, parameter: str = "actor") -> str:
        code = self.find(value)
        if code is None:
            abort(400, message=f"Unknown {parameter} '{value}'. Known actors: {self.known()}. "
                               "Codes, English or Vietnamese names and aliases (Nga, Moscow, Mỹ, Washington) work.")
        return code

    def known(self) -> str:
        self._refresh_if_moved()
        return self._known

    def _refresh_if_moved(self) -> None:
        version = queries.data_version()
        with self._lock:
            if version == self._version:
                return
            names = queries.actor_names()
            main = [row.code for row in queries.actors_with_counts() if row.position_count]
            self._names, self._version = names, version
            self._known = ", ".join(main[:30]) + (", ..." if len(main) > 30 else "") + " (GET /actors lists all)"


def resolve_actors(values, *, parameter: str) -> list[str]:
    """Actor codes for the names a user gave; 400 naming the valid values when one is unknown."""
    resolver = current_app.extensions["actor_resolver"]
    return list(dict.fromkeys(resolver.resolve(v, parameter=parameter) for v in values or ()))


def find_actor(value: str) -> str | None:
    return current_app.extensions["actor_resolver"].find(value)


def find_by_id(fetch, key: str, what: str):
    """fetch(key) for a well-formed id (16 hex digits), else 404 without asking the database."""
    return get_or_404(fetch(key) if ID_PATTERN.fullmatch(key) else None, what, key)


def get_or_404(row, what: str, key: str):
    if row is None:
        abort(404, message=f"No {what} with id or code '{key}'.")
    return row
