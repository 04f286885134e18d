"""Other representations of positions: schema.org Claims (JSON-LD), and CSV / NDJSON exports of a whole filter.

JSON stays the default and the first media type documented everywhere (generated SDKs read only the
first); `format=` or the Accept header chooses another.
"""
from __future__ import annotations

import csv
import hashlib
import io
import logging
import os
import socket
import threading

import orjson
from flask import Response, current_app, request, stream_with_context, url_for
from flask_smorest import abort
from marshmallow import fields, validate

from models import database, queries

from .problems import problem_response
from .schemas import PositionSchema

JSON, JSONLD, CSV, NDJSON = "application/json", "application/ld+json", "text/csv", "application/x-ndjson"
ATOM = "application/atom+xml"
FORMATS = {"json": JSON, "jsonld": JSONLD, "csv": CSV, "ndjson": NDJSON, "atom": ATOM}
EXPORT_CHUNK = 500  # rows read per query while streaming an export
READ_CACHE_CONTROL = "public, max-age=60"
log = logging.getLogger(__name__)
# A client reading an export just fast enough holds the thread writing it (server/worker.py): at most this
# many exports stream at once in a process, one thread fewer than it has (THREADS, as gunicorn.conf.py reads
# it), so they can never take every thread from the other requests. A further export is 503 with Retry-After.
EXPORTS_PER_PROCESS = int(os.environ.get("EXPORTS_PER_PROCESS") or max(1, int(os.environ.get("THREADS", "2")) - 1))
_export_slots = threading.BoundedSemaphore(EXPORTS_PER_PROCESS)
CSV_COLUMNS = ["id", "kind", "actor", "actor_name", "speaker", "speaker_role", "date", "date_precision", "summary",
               "text", "quote", "targets", "topics", "rebuts", "source_id", "source_outlet", "source_title",
               "source_url", "source_published", "start", "end", "claim"]


def format_field(*names: str) -> fields.String:
    return fields.String(validate=validate.OneOf(names), metadata={
        "description": "Representation, instead of the Accept header: " + ", ".join(
            f"{n} ({FORMATS[n]})" for n in names) + ". csv and ndjson hold every row of the filter, not a page; atom is a page as a feed.",
        "example": names[0]})


def chosen(args: dict, *allowed: str) -> str:
    """The media type asked for: format= first, else the Accept header, else JSON."""
    if args.get("format"):
        return FORMATS[args["format"]]
    offered = [FORMATS[name] for name in allowed]
    return request.accept_mimetypes.best_match(offered, default=JSON) if request.accept_mimetypes else JSON


def documented(*names: str) -> dict:
    """blp.doc() addition: the other media types of a 200 response, after application/json."""
    schemas = {JSONLD: {"type": "object", "description": "schema.org Claim(s) as JSON-LD"},
               CSV: {"type": "string", "description": "One row per position, with a header row"},
               NDJSON: {"type": "string", "description": "One JSON position per line"},
               ATOM: {"type": "string", "description": "The page as an Atom feed (RFC 4287), the last ingested "
                                                      "first unless sort= or after= is given"}}
    return {"responses": {200: {"content": {FORMATS[n]: {"schema": schemas[FORMATS[n]]} for n in names}}}}


# JSON-LD ---------------------------------------------------------------------------------------------------

def claim(position) -> dict:
    """A position as a schema.org Claim: who (author), when (dateCreated), where it appeared, what was said."""
    actor = {"@type": "Organization", "name": position.actor.short_name, "alternateName": position.actor.name_vi,
             "identifier": position.actor.code}
    author = actor
    if position.speaker_id is not None:
        info = position.speaker_info
        author = {"@type": "Person", "name": info["name"], "jobTitle": info["role"], "affiliation": actor}
    source = position.source
    appearance = {"@type": "NewsArticle", "@id": _absolute("sources.SourceById", source_id=source.id),
                  "url": source.url, "headline": source.title, "datePublished": _iso(source.published),
                  "publisher": {"@type": "Organization", "name": source.outlet} if source.outlet else None,
                  "inLanguage": "vi"}
    document = {"@type": "Claim", "@id": _absolute("positions.PositionById", position_id=position.id),
                "identifier": position.id, "text": position.quote or position.text, "description": position.summary,
                "inLanguage": "vi", "author": author, "dateCreated": position.said_on,
                "appearance": _without_nulls(appearance), "firstAppearance": _without_nulls(appearance),
                "about": list(position.topics), "mentions": [{"@type": "Organization", "identifier": code}
                                                             for code in position.targets]}
    return _without_nulls(document)


def claim_document(position) -> Response:
    return _jsonld({"@context": "https://schema.org", **claim(position)})


def claims_document(positions) -> Response:
    return _jsonld({"@context": "https://schema.org", "@graph": [claim(p) for p in positions]})


def _jsonld(document: dict) -> Response:
    return Response(orjson.dumps(document), mimetype=JSONLD)


def _absolute(endpoint: str, **values) -> str:
    """An absolute URL for JSON-LD ids: under PUBLIC_BASE_URL when one is configured (api.public_base_url),
    else from the request's Host and scheme (which gunicorn takes from X-Forwarded-* only from the
    addresses in FORWARDED_ALLOW_IPS)."""
    base = current_app.config.get("PUBLIC_BASE_URL")
    if base:
        return base + url_for(endpoint, **values)
    if not request.host:  # werkzeug gives "" for a Host header with invalid characters: "http:///..." ids
        abort(400, message="The Host header is not a valid host name; JSON-LD ids are absolute URLs "
                           "built from it.")
    return url_for(endpoint, _external=True, **values)


def _iso(date) -> str | None:
    return date.isoformat() if date else None


def _without_nulls(document: dict) -> dict:
    return {k: v for k, v in document.items() if v not in (None, [], {})}


# exports -----------------------------------------------------------------------------------------------------

def export(read_chunks, media_type: str, name: str) -> Response:
    """Every row of a filter, streamed from read_chunks(EXPORT_CHUNK) (lists of rows, as
    models.queries.export_chunks gives them: never the whole body in memory), with a weak ETag that moves
    with the data (304 to If-None-Match)."""
    extension = "csv" if media_type == CSV else "ndjson"
    etag = _export_etag(media_type)
    if request.if_none_match.contains_weak(etag):
        response = Response(status=304, mimetype=media_type)
    elif not _export_slots.acquire(blocking=False):
        response = problem_response(503, f"{EXPORTS_PER_PROCESS} export(s) are streaming from this server "
                                         "process already; retry shortly, or ask for pages (per_page, page).")
        response.headers["Retry-After"] = "5"
        return response
    else:
        slot = _ExportSlot()
        try:
            # the first chunk is read here, before the answer starts: a query the database refuses is answered
            # by the error handlers (400, 503) instead of failing inside a stream whose status is already sent
            rows = _resumed(read_chunks(EXPORT_CHUNK))
        except BaseException:
            slot.release()
            raise
        body = _csv_lines(rows) if media_type == CSV else _ndjson_lines(rows)
        response = Response(stream_with_context(_releasing(body, slot)), mimetype=media_type)
        response.call_on_close(slot.release)  # also when the body was never read
        response.headers["Content-Disposition"] = f'attachment; filename="{name}.{extension}"'
    response.headers["ETag"] = f'W/"{etag}"'
    response.headers["Cache-Control"] = READ_CACHE_CONTROL
    return response


class _ExportSlot:
    """One of the process's export slots, given back once: when the body ends or fails, or the answer is
    closed (the server closes it when its client went away, read or not)."""

    def __init__(self):
        self._lock = threading.Lock()
        self._held = True

    def release(self) -> None:
        with self._lock:
            if self._held:
                self._held = False
                _export_slots.release()


def _releasing(body, slot: _ExportSlot):
    try:
        yield from body
    finally:
        slot.release()


class ExportCut(Exception):
    """An export stopped before its end (the database failed once its answer had begun)."""


def _cut(reason: str) -> None:
    """Ends an export's answer so that its client sees it incomplete: the connection closes without the end
    of the chunked body (ended cleanly, a cut export would pass for the whole filter). Under gunicorn the
    socket is shut, so the end of the body it writes next fails as a hang-up does (quietly); elsewhere the
    body raises ExportCut. The caller returns."""
    log.warning("export of %s cut: %s", request.path, reason)
    sock = request.environ.get("gunicorn.socket")
    if sock is None:
        raise ExportCut(reason)
    try:
        sock.shutdown(socket.SHUT_RDWR)
    except OSError:
        pass


def _export_etag(media_type: str) -> str:
    """The data version (moved on by every committed write) and what was asked: the same export while
    neither changes. Weak: the bytes are not hashed (they are not all read yet)."""
    version = queries.data_version()
    asked = f"{version}\n{request.full_path}\n{media_type}".encode()
    return hashlib.sha256(asked).hexdigest()[:32]


def _resumed(chunks):
    """`chunks` with its first item read now; a failure after the answer has started (its status is sent)
    cuts the answer off, logged without the query string."""
    database.connect(reuse_if_open=True)
    first = next(chunks, None)

    def rest():
        if first is None:
            return
        yield first
        try:
            yield from chunks
        except Exception as error:  # noqa: BLE001 - no status can be sent once the body has begun
            _cut(f"the database failed ({type(error).__name__})")

    return rest()


def _ndjson_lines(chunks):
    schema = PositionSchema()
    for chunk in chunks:
        yield b"".join(orjson.dumps(row) + b"\n" for row in schema.dump(chunk, many=True))


def _csv_lines(chunks):
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for chunk in chunks:
        writer.writerows(_csv_row(p) for p in chunk)
        yield buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
    yield buffer.getvalue()


def _csv_row(p) -> list:
    speaker = p.speaker_info or {}
    source = p.source
    return [p.id, p.kind, p.actor.code, p.actor.short_name, speaker.get("name"), speaker.get("role"), p.said_on,
            p.date_precision, p.summary, p.text, p.quote, ";".join(p.targets), ";".join(p.topics), p.rebuts_id,
            source.id, source.outlet, source.title, source.url, _iso(source.published), p.start, p.end, p.claim_id]
