"""Other representations of positions: schema.org Claims (JSON-LD), and CSV / NDJSON exports of a whole filter.

JSON stays the default and the first media type documented everywhere (generated SDKs read only the
first); `format=` or the Accept header chooses another.
"""
from __future__ import annotations

import csv
import io

import orjson
from flask import Response, request, stream_with_context, url_for
from flask_smorest import abort
from marshmallow import fields, validate

from models import database

from .schemas import PositionSchema

JSON, JSONLD, CSV, NDJSON = "application/json", "application/ld+json", "text/csv", "application/x-ndjson"
ATOM = "application/atom+xml"
FORMATS = {"json": JSON, "jsonld": JSONLD, "csv": CSV, "ndjson": NDJSON, "atom": ATOM}
EXPORT_CHUNK = 500  # rows read per query while streaming an export
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
    if not request.host:  # werkzeug gives "" for a Host header with invalid characters: "http:///..." ids
        abort(400, message="The Host header is not a valid host name; JSON-LD ids are absolute URLs "
                           "built from it.")
    return url_for(endpoint, _external=True, **values)


def _iso(date) -> str | None:
    return date.isoformat() if date else None


def _without_nulls(document: dict) -> dict:
    return {k: v for k, v in document.items() if v not in (None, [], {})}


# exports -----------------------------------------------------------------------------------------------------

def export(query, media_type: str, name: str) -> Response:
    """Every row of `query`, streamed in chunks of EXPORT_CHUNK (never the whole body in memory)."""
    rows = _chunks(query)
    body = _csv_lines(rows) if media_type == CSV else _ndjson_lines(rows)
    extension = "csv" if media_type == CSV else "ndjson"
    response = Response(stream_with_context(body), mimetype=media_type)
    response.headers["Content-Disposition"] = f'attachment; filename="{name}.{extension}"'
    return response


def _chunks(query):
    database.connect(reuse_if_open=True)
    page = 1
    while True:
        chunk = list(query.paginate(page, EXPORT_CHUNK))
        if not chunk:
            return
        yield chunk
        page += 1


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
