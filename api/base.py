"""Project-wide API policy: strict parameter schemas, 400 for bad parameters, page-number pagination."""
from __future__ import annotations

import functools
import json
import math
import re
from collections.abc import Mapping
from urllib.parse import unquote_to_bytes, urlencode

import flask_smorest
import orjson
from flask import after_this_request, request
from marshmallow import RAISE, Schema, ValidationError, fields, pre_load, validate, validates_schema
from webargs import core
from webargs.flaskparser import FlaskParser, abort, is_json_request

from models import queries

MAX_PER_PAGE = 100
MAX_LIST_ITEMS = 50  # values of one list parameter


BAD_PERCENT_ESCAPE = re.compile(r"%(?![0-9A-Fa-f]{2})")
# C0 controls but tab, and DEL: no text we store or search has them; NUL is also refused by PostgreSQL
CONTROL_CHARACTERS = re.compile("[\x00-\x08\x0a-\x1f\x7f]")
LONE_SURROGATES = re.compile("[\ud800-\udfff]")  # not text: they cannot even be encoded as UTF-8
ASCII_INTEGER = re.compile(r"-?[0-9]{1,30}")
FULL_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


class StrictParser(FlaskParser):
    """Unknown query parameters are errors (a typo must not silently widen a query), reported as 400;
    so are query strings that are not percent-encoded UTF-8, single-valued parameters given twice, and
    JSON bodies that are not strict JSON (duplicate keys, NaN, nesting past 1024 levels, lone surrogates)."""

    DEFAULT_UNKNOWN_BY_LOCATION: dict = {}
    DEFAULT_VALIDATION_STATUS = 400

    def _get_schema(self, argmap, req):
        # flask-smorest hands over schema classes and webargs would build one per request (~0.6 ms of a
        # list page): a schema instance holds no request state, so one per class serves every request
        if isinstance(argmap, type) and issubclass(argmap, Schema):
            return _schema_instance(argmap)
        return super()._get_schema(argmap, req)

    def load_querystring(self, req, schema):
        errors = _malformed_query(req.environ.get("QUERY_STRING", "")) or _repeated_parameters(req.args, schema)
        if errors:
            abort(400, messages={"query": errors})
        return self._makeproxy(QueryArgs(req.args), schema)

    def load_json(self, req, schema):
        if not is_json_request(req):
            return core.missing
        body = req.get_data(cache=True)
        if not body.strip():
            return core.missing  # reported as the missing required fields
        try:
            return strict_json(body)
        except ValueError as error:  # orjson's JSONDecodeError, UnicodeDecodeError, duplicate keys
            abort(400, exc=error, messages={"json": [f"Invalid JSON body: {str(error)[:200]}."]})


class QueryArgs(dict):
    """A query string's parameters (name -> values, in order) as webargs reads them. webargs asks for every
    field of the schema, and werkzeug's MultiDict raises, and builds a BadRequestKeyError for, each one absent
    (~20 a list request)."""

    def __init__(self, multidict):
        super().__init__(multidict.lists())

    def get(self, key, default=None):
        values = dict.get(self, key)
        return values[0] if values else default

    def getlist(self, key) -> list:
        return list(dict.get(self, key, ()))


@functools.cache
def _schema_instance(schema_class: type[Schema]) -> Schema:
    return schema_class()


def strict_json(body: bytes):
    """The JSON document in `body`, refusing what RFC 8259 leaves ambiguous or a parser may choke on."""
    orjson.loads(body)  # UTF-8, no NaN/Infinity, no lone surrogate, numbers in range, depth <= 1024
    try:
        return json.loads(body, object_pairs_hook=_object_without_duplicate_keys)
    except RecursionError:  # orjson's depth limit is above the interpreter's recursion limit
        raise ValueError("nested too deeply") from None


def _object_without_duplicate_keys(pairs: list) -> dict:
    # a duplicate key means two readers (a proxy that validates, this app) may see different documents
    obj = {}
    for key, value in pairs:
        if key in obj:
            raise ValueError(f"duplicate key {key[:50]!r}")
        obj[key] = value
    return obj


def _malformed_query(raw: str) -> dict:
    """Per-parameter errors for a raw query string that is not percent-encoded UTF-8.

    werkzeug decodes leniently (a bad escape stays as typed, a bad byte becomes U+FFFD or %XX), which
    would search for text the user never meant; say what is wrong instead."""
    errors = {}
    for pair in filter(None, raw.split("&")):
        name, _, value = pair.partition("=")
        label = unquote_to_bytes(name.replace("+", " ")).decode("utf-8", "replace") or "(empty name)"
        if BAD_PERCENT_ESCAPE.search(pair):
            errors[label] = ["Malformed percent-encoding: '%' must be followed by two hex digits "
                             "(send a literal '%' as %25)."]
            continue
        try:
            for part in (name, value):
                unquote_to_bytes(_wsgi_bytes(part.replace("+", " "))).decode("utf-8")
        except UnicodeDecodeError:
            errors[label] = ["Not valid UTF-8 once percent-decoded: encode the text as UTF-8."]
    return errors


def _wsgi_bytes(text: str) -> bytes:
    # WSGI hands the raw bytes over as latin-1 text; a test client may hand over already-decoded text
    try:
        return text.encode("latin-1")
    except UnicodeEncodeError:
        return text.encode("utf-8")


def _repeated_parameters(args, schema) -> dict:
    """A single-valued parameter given twice is ambiguous (which one counts?): refuse it."""
    fields_by_name = {field.data_key or name: field for name, field in schema.fields.items()}
    return {name: [f"Given {len(args.getlist(name))} times; give it once."] for name in args
            if len(args.getlist(name)) > 1 and name in fields_by_name
            and not isinstance(fields_by_name[name], fields.List)}


class Blueprint(flask_smorest.Blueprint):
    ARGUMENTS_PARSER = StrictParser()


class BaseSchema(Schema):
    class Meta:
        unknown = RAISE
        ordered = True

    @pre_load
    def _refuse_control_characters(self, data, **kwargs):
        # no text we store contains NUL, and PostgreSQL refuses it in a query parameter: say so, as a 400;
        # query parameters also refuse the other control characters (a submitted text may carry a stray one)
        if not isinstance(data, Mapping):  # a JSON body that is not an object: marshmallow reports it
            return data
        in_query = hasattr(data, "getlist")
        bad = {}
        for name in data:
            values = [v for v in (data.getlist(name) if in_query else [data[name]]) if isinstance(v, str)]
            if any("\x00" in v for v in values):
                bad[name] = ["NUL characters are not allowed."]
            elif in_query and any(CONTROL_CHARACTERS.search(v) for v in values):
                bad[name] = ["Control characters (U+0001-U+001F but tab, U+007F) are not allowed."]
            elif any(LONE_SURROGATES.search(v) for v in values):
                bad[name] = ["Lone UTF-16 surrogates are not text: send valid Unicode."]
        if bad:
            raise ValidationError(bad)
        return data


class WholeNumber(fields.Integer):
    """An integer in ASCII digits: int() alone would also take ' 1', '+1', '1_000' and Arabic-Indic digits."""

    def _deserialize(self, value, attr, data, **kwargs):
        if isinstance(value, str) and not ASCII_INTEGER.fullmatch(value):
            raise self.make_error("invalid")
        return super()._deserialize(value, attr, data, **kwargs)


class IsoDate(fields.Date):
    """YYYY-MM-DD (RFC 3339 full-date, as the contract says): not the week (2022-W01) or basic (20220101)
    forms that date.fromisoformat also reads."""

    def _deserialize(self, value, attr, data, **kwargs):
        if isinstance(value, str) and not FULL_DATE.fullmatch(value):
            raise self.make_error("invalid")
        return super()._deserialize(value, attr, data, **kwargs)


class NoQueryArgs(BaseSchema):
    """For operations that take no query parameters: any given is reported, not ignored."""


class CommaList(fields.List):
    """A list parameter given repeated (?actor=NATO&actor=US) or comma-separated (?actor=NATO,US)."""

    def __init__(self, cls_or_instance, **kwargs):
        kwargs.setdefault("validate", validate.Length(max=MAX_LIST_ITEMS))
        super().__init__(cls_or_instance, **kwargs)

    def _deserialize(self, value, attr, data, **kwargs):
        items = value if isinstance(value, list) else [value]
        split = [part.strip() for item in items for part in str(item).split(",")]
        return super()._deserialize(split, attr, data, **kwargs)


def path_parameter(name: str, description: str, example: str) -> dict:
    """OpenAPI documentation of a path parameter (flask-smorest documents only its type)."""
    return {"in": "path", "name": name, "description": description, "example": example, "required": True,
            "schema": {"type": "string"}}


class PageArgs(BaseSchema):
    page = WholeNumber(load_default=1, validate=validate.Range(min=1, max=10_000_000),
                          metadata={"description": "Page number, from 1", "example": 1})
    per_page = WholeNumber(load_default=20, validate=validate.Range(min=1, max=MAX_PER_PAGE),
                              metadata={"description": f"Items per page (at most {MAX_PER_PAGE})", "example": 20})


class LinksSchema(Schema):
    self = fields.String(metadata={"description": "This page"})
    first = fields.String(metadata={"description": "The first page"})
    last = fields.String(metadata={"description": "The last page"})
    next = fields.String(allow_none=True, metadata={"description": "The next page, null on the last page"})
    prev = fields.String(allow_none=True, metadata={"description": "The previous page, null on the first page"})


class FacetValueSchema(Schema):
    value = fields.String(required=True, metadata={"example": "RUSSIA"})
    count = fields.Integer(required=True, metadata={"example": 42})


class FacetSchema(Schema):
    values = fields.List(fields.Nested(FacetValueSchema), required=True, metadata={
        "description": "Values with their counts, most first (at most 30)"})
    truncated = fields.Boolean(required=True, metadata={"description": "More values than listed"})


def page_schema(item_schema, name: str, *, facets: bool = False, cursor: bool = False):
    """The envelope of a paginated list: items plus total count and navigation links (and facets)."""
    extra = {"facets": fields.Dict(keys=fields.String(), values=fields.Nested(FacetSchema), metadata={
        "description": "Only when facet= is given: for each facet asked for, the rows matching the filters "
                       "(all pages) counted by its values",
        "example": {"kind": {"values": [{"value": "statement", "count": 30}, {"value": "demand", "count": 12}],
                             "truncated": False}}})} if facets else {}
    if cursor:
        extra["cursor"] = fields.String(metadata={
            "description": "Only in ingestion order (sort=ingested or after=): the cursor after this page's last "
                           "row; pass it as after= to read on from there", "example": "MTcwMTIzNDU2Nzg5MC4zZjlh"})
    return type(name, (Schema,), {**extra,
        "items": fields.List(fields.Nested(item_schema), required=True),
        "total": fields.Integer(required=True, metadata={"description": "Items matching the filters"}),
        "page": fields.Integer(required=True),
        "per_page": fields.Integer(required=True),
        "pages": fields.Integer(required=True, metadata={"description": "Number of pages (at least 1)"}),
        "links": fields.Nested(LinksSchema, required=True),
    })


def paginate(query, args: dict, fetch=list, *, key=None, page_of=None) -> dict:
    """One page of `query` (a peewee SelectQuery already ordered) with total and links; 400 past the end.
    With `key` (what determines the query's SQL), `query` may be the function that builds it, and
    page_of(page, per_page) gives the items (models.queries.count, page_ids)."""
    page, per_page = args["page"], args["per_page"]
    total = queries.count(query, key)  # cached per process until a write commits (models/queries.py)
    pages = max(1, math.ceil(total / per_page))
    if page > pages:
        flask_smorest.abort(400, message=f"Page {page} is out of range: there are {pages} page(s) "
                                         f"of {per_page} for these filters.")
    # e.g. a lean query's ids into full rows
    items = page_of(page, per_page) if page_of else fetch(query.paginate(page, per_page))
    links = _links(page, pages)

    @after_this_request
    def _link_header(response):  # the same links as RFC 8288 Link header, for clients that page by headers
        if response.status_code == 200:
            response.headers["Link"] = ", ".join(f'<{url}>; rel="{rel}"' for rel, url in links.items() if url)
        return response

    return {"items": items, "total": total, "page": page, "per_page": per_page, "pages": pages, "links": links}


URL_SAFE = "!$'()*,/:;?@"  # what werkzeug's url_for leaves unescaped in a query string


def _links(page: int, pages: int) -> dict:
    # the URL url_for would build (this path, its parameters in order, page replaced), without routing it
    # again five times a page (~10 % of a list request)
    base = request.script_root + request.path + "?"
    params = request.args.to_dict(flat=False)
    params.setdefault("page", None)  # where page= goes: its own place, else last
    # each other parameter encoded once, not five times (urlencode joins its pairs with "&" in this order)
    parts = [None if name == "page" else urlencode({name: values}, doseq=True, safe=URL_SAFE)
             for name, values in params.items()]
    at = parts.index(None)

    def link(n):
        parts[at] = f"page={n}"
        return base + "&".join(parts)

    return {"self": link(page), "first": link(1), "last": link(pages),
            "next": link(page + 1) if page < pages else None, "prev": link(page - 1) if page > 1 else None}


class DateRangeMixin:
    @validates_schema
    def _since_before_until(self, data, **kwargs):
        if data.get("since") and data.get("until") and data["since"] > data["until"]:
            raise ValidationError("since must not be after until.", "since")
