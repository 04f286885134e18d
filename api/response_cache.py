"""Whole rendered list pages, kept per process while the data version holds (issue 11, throughput).

A list page is a function of its URL, its representation and the data: the same GET answered again costs
routing, argument parsing, the page query, building the rows and JSON, and the after-request hooks (~1 ms
of CPU for a page of 20, more for 100), while the data version (models/migrations.py: moved on by every
committed write to positions, sources, their targets and topics, actors and people) says in one small query
whether anything a page shows may have changed. This WSGI middleware, in front of Flask, keeps the final
200 answers of the list endpoints (status, every header the app set, ETag, Cache-Control, Vary, CORS,
Link, security headers, and the body) under

    (path, raw query string, Accept, scheme, Host, server name and port, script root)

and the data version read before the page was built; a request for the same key while that version is still
the database's gets the same bytes without entering Flask. If-None-Match, HEAD and the like are answered by
werkzeug's own make_conditional on the stored response, as Flask would have.

What is never kept (the app answers every time): anything but GET (HEAD reads what GET stored); other paths
than LIST_PATHS; requests carrying Authorization (per-key holder), a Cookie, or a conditional or range header
other than If-None-Match; the ingestion order (`after=`, `sort=ingested`: on PostgreSQL its rows depend on
running transactions, not only on the version); answers other than 200, streamed ones (exports), ones without
Content-Length or ETag, other media types than JSON and JSON-LD (Atom feeds carry the time when empty), ones
that set a cookie, say private or no-store, or Vary on a header outside the key.

Bounded per process: RESPONSE_CACHE_BYTES (config or environment; default 64 MiB, 0 turns the cache off),
least recently used first out, no single answer above MAX_ENTRY_BYTES. Answers kept under an older version
are dropped as soon as a request sees the version move.
"""
from __future__ import annotations

import os
import threading
from collections import OrderedDict

from peewee import PeeweeException
from werkzeug.wrappers import Request, Response

from models import queries
from models.database import connection_usable, discard_connection, ensure_connection, use

DEFAULT_BYTES = 64 * 1024 * 1024
MAX_ENTRY_BYTES = 2 * 1024 * 1024
LIST_PATHS = frozenset({"/positions", "/demands", "/rebuttals"})
CACHED_TYPES = ("application/json", "application/ld+json")
# a request with any of these is answered by the app: what it asks depends on more than the key
BYPASS = ("HTTP_AUTHORIZATION", "HTTP_COOKIE", "HTTP_IF_MATCH", "HTTP_IF_MODIFIED_SINCE",
          "HTTP_IF_UNMODIFIED_SINCE", "HTTP_IF_RANGE", "HTTP_RANGE")
VARY_IN_KEY = {"accept"}


class ResponseCache:
    """WSGI middleware: `app.wsgi_app = ResponseCache(app.wsgi_app, db, max_bytes)` (module docstring)."""

    def __init__(self, wsgi_app, db, max_bytes: int = DEFAULT_BYTES):
        self.wsgi_app = wsgi_app
        self.db = db
        self.max_bytes = max_bytes
        self.entries: OrderedDict = OrderedDict()  # key -> (version, status, headers, body)
        self.size = 0
        self.version = None  # the newest version a request has seen
        self.lock = threading.Lock()
        self.hits = self.misses = 0

    def __call__(self, environ, start_response):
        key = self._key(environ)
        if key is None:
            return self.wsgi_app(environ, start_response)
        version = self._current_version()
        if version is None:  # the database cannot say: the app answers (and reports the outage)
            return self.wsgi_app(environ, start_response)
        with self.lock:
            if version != self.version:
                if self.version is None or version > self.version:
                    self.entries.clear()
                    self.size = 0
                    self.version = version
            entry = self.entries.get(key)
            if entry is not None and entry[0] == version:
                self.entries.move_to_end(key)
                self.hits += 1
            else:
                entry = None
                self.misses += 1
        if entry is not None:
            return self._serve(entry, environ, start_response)
        if environ["REQUEST_METHOD"] != "GET":
            return self.wsgi_app(environ, start_response)
        return self._fill(key, version, environ, start_response)

    @staticmethod
    def _key(environ):
        if environ.get("REQUEST_METHOD") not in ("GET", "HEAD") or environ.get("PATH_INFO") not in LIST_PATHS:
            return None
        for name in BYPASS:
            if name in environ:
                return None
        query = environ.get("QUERY_STRING", "")
        if "after" in query or "ingested" in query:  # the ingestion order (or a filter value naming it)
            return None
        return (environ["PATH_INFO"], query, environ.get("HTTP_ACCEPT"), environ.get("wsgi.url_scheme"),
                environ.get("HTTP_HOST"), environ.get("SERVER_NAME"), environ.get("SERVER_PORT"),
                environ.get("SCRIPT_NAME", ""))

    def _current_version(self):
        try:
            use(self.db)
            ensure_connection()
            return queries.data_version()
        except PeeweeException:
            if not connection_usable():
                discard_connection()
            return None

    def _serve(self, entry, environ, start_response):
        _, status, headers, body = entry
        if environ["REQUEST_METHOD"] == "GET" and "HTTP_IF_NONE_MATCH" not in environ:
            start_response(status, list(headers))
            return [body]
        # HEAD, If-None-Match: what werkzeug would answer for this response, as Flask's hooks did
        response = Response(body, status=status, headers=headers)
        response.make_conditional(Request(environ))
        return response(environ, start_response)

    def _fill(self, key, version, environ, start_response):
        captured = []

        def capture(status, headers, exc_info=None):
            captured[:] = [status, headers]
            return start_response(status, headers, exc_info) if exc_info else start_response(status, headers)

        with queries.pinned_version(version):  # the app's totals and name lookups do not read it again
            app_iter = self.wsgi_app(environ, capture)
        if not captured or not _cacheable(*captured):
            return app_iter
        try:
            body = b"".join(app_iter)
        finally:
            if hasattr(app_iter, "close"):
                app_iter.close()
        status, headers = captured
        if len(body) == _content_length(headers) and len(body) <= min(MAX_ENTRY_BYTES, self.max_bytes):
            self._store(key, (version, status, tuple(headers), body))
        return [body]

    def _store(self, key, entry) -> None:
        with self.lock:
            if entry[0] != self.version:  # the version moved while this page was built
                return
            old = self.entries.pop(key, None)
            if old is not None:
                self.size -= _size(key, old)
            self.entries[key] = entry
            self.size += _size(key, entry)
            while self.size > self.max_bytes and self.entries:
                dropped_key, dropped = self.entries.popitem(last=False)
                self.size -= _size(dropped_key, dropped)


def _size(key, entry) -> int:
    """What an entry holds, roughly: its body, its query string (up to 64 KB), its headers."""
    return len(entry[3]) + len(key[1]) + sum(len(name) + len(value) for name, value in entry[2]) + 256


def _content_length(headers) -> int | None:
    for name, value in headers:
        if name.lower() == "content-length":
            return int(value)
    return None


def _cacheable(status: str, headers) -> bool:
    if not status.startswith("200 "):
        return False
    names = {}
    for name, value in headers:
        names.setdefault(name.lower(), []).append(value)
    media_type = names.get("content-type", [""])[0].split(";")[0].strip().lower()
    cache_control = ",".join(names.get("cache-control", [])).lower()
    vary = {v.strip().lower() for value in names.get("vary", []) for v in value.split(",") if v.strip()}
    return (media_type in CACHED_TYPES and "content-length" in names and "etag" in names
            and "set-cookie" not in names and "private" not in cache_control and "no-store" not in cache_control
            and vary <= VARY_IN_KEY)


def configured_bytes(config) -> int:
    """RESPONSE_CACHE_BYTES from the app's config, else the environment, else DEFAULT_BYTES."""
    value = config.get("RESPONSE_CACHE_BYTES", os.environ.get("RESPONSE_CACHE_BYTES"))
    if value in (None, ""):
        return DEFAULT_BYTES
    try:
        number = int(value)
    except (TypeError, ValueError):
        raise ValueError(f"RESPONSE_CACHE_BYTES={value!r} is not a number of bytes") from None
    if number < 0:
        raise ValueError(f"RESPONSE_CACHE_BYTES={value!r} is not a number of bytes")
    return number


def install(app, db) -> None:
    """Put the cache in front of `app` unless RESPONSE_CACHE_BYTES is 0."""
    max_bytes = configured_bytes(app.config)
    if max_bytes:
        app.wsgi_app = ResponseCache(app.wsgi_app, db, max_bytes)
        app.extensions["response_cache"] = app.wsgi_app
