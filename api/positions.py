"""Positions: the rows fact-checkers cite, with filters, and the demand/rebuttal views."""
from __future__ import annotations

import functools
from types import SimpleNamespace

from flask import jsonify, request, url_for
from flask.views import MethodView
from marshmallow import ValidationError, fields, validate, validates

from extraction.types import KINDS
from models import facets, queries, rows
from models.text import fold
from models.text import highlight as fold_highlight

from .base import (BaseSchema, Blueprint, CommaList, DateRangeMixin, IsoDate, PageArgs, page_schema, paginate,
                   path_parameter)
from .lookup import find_by_id, resolve_actors
from .feeds import atom_feed, decode_cursor, encode_cursor
from .representations import (ATOM, CSV, JSON, JSONLD, NDJSON, chosen, claim_document, claims_document, documented,
                              export, format_field)
from .schemas import DemandSchema, PositionSchema, RebuttalSchema

blp = Blueprint("positions", __name__, description="Positions stated by parties, with provenance")

SORTS = ("relevance", "newest", "ingested", "latest")
MAX_SEARCH_WORDS = 20  # 80 one-letter words overflowed SQLite's parser stack (60 did not)
LIST_FORMATS = ("json", "jsonld", "csv", "ndjson", "atom")


class FilterArgs(DateRangeMixin, BaseSchema):
    actor = CommaList(fields.String(validate=validate.Length(min=1, max=200)), metadata={
        "description": "Party holding the position: code, English or Vietnamese name, or alias, any case "
                       "(NATO, Nga, Russia, Moscow, Kremlin, Mỹ, Washington, Anh, London). Repeat the "
                       "parameter or separate with commas for several.", "example": ["NATO"]})
    kind = CommaList(fields.String(validate=validate.OneOf(KINDS)), metadata={
        "description": "Kind of position; several allowed", "example": ["demand"]})
    topic = CommaList(fields.String(validate=validate.Length(min=1, max=100)), metadata={
        "description": "Topic code (GET /topics lists them); several allowed", "example": ["nato-enlargement"]})
    target = CommaList(fields.String(validate=validate.Length(min=1, max=200)), metadata={
        "description": "Party the position is directed at (same names as actor); several allowed",
        "example": ["RUSSIA"]})
    speaker = fields.String(validate=validate.Length(min=1, max=200), metadata={
        "description": "Part of the speaker's name, any case", "example": "Stoltenberg"})
    source = fields.String(validate=validate.Length(min=1, max=64), metadata={
        "description": "Source id (GET /sources lists them)", "example": "5f0c2a9d41b7e3aa"})
    since = IsoDate(metadata={"description": "Said on or after this ISO date (a month-precision date "
                                             "counts as its whole month)", "example": "2022-01-01"})
    until = IsoDate(metadata={"description": "Said on or before this ISO date", "example": "2022-01-31"})
    has_quote = fields.Boolean(metadata={"description": "Only positions with (true) or without (false) a "
                                                        "verbatim quote", "example": True})
    q = fields.String(validate=validate.Length(min=1, max=200), metadata={
        "description": "Words that must all occur in the text, quote or speaker, each anywhere, also inside a "
                       "longer word (nga also finds ngay); case and Vietnamese diacritics are ignored (dam phan "
                       "finds đàm phán). Results come best match first unless sort=newest: the whole phrase as typed, "
                       "then without diacritics, then the adjacent words found together, then the words found whole "
                       "as typed, then whole without diacritics; each carries a highlight", "example": "đàm phán"})
    sort = fields.String(validate=validate.OneOf(SORTS), metadata={
        "description": "relevance (the default when q is given: best match first, then newest), newest "
                       "(newest said first, undated last; the default without q), ingested (in the order the "
                       "API stored them, oldest first: pages carry a `cursor` for after=) or latest (the last "
                       "stored first; the default of format=atom)", "example": "newest"})

    @validates("q")
    def _has_words(self, q: str, **kwargs):
        # only spaces or accents: no word to search for, and no filter would silently mean every row
        words = fold(q).split()
        if not words:
            raise ValidationError("q has no word to search for (only spaces or combining marks).")
        if len(words) > MAX_SEARCH_WORDS:  # each is a condition and a ranking term: SQLite's parser gives up
            raise ValidationError(f"q has {len(words)} words; search with at most {MAX_SEARCH_WORDS}.")


class FacetArgs(BaseSchema):
    facet = CommaList(fields.String(validate=validate.OneOf(facets.FACETS)), metadata={
        "description": "Count the rows matching the filters (every page) by these fields, returned in `facets` "
                       "beside the page, as Datasette's facets: " + ", ".join(facets.FACETS) + " (month of the "
                       "date said, YYYY-MM); several allowed. JSON pages only", "example": ["actor", "kind"]})


class CursorArgs(BaseSchema):
    after = fields.String(validate=validate.Length(min=1, max=64), metadata={
        "description": "Ingestion cursor: only rows stored after the row this cursor marks, in the order stored "
                       "(sort=ingested). Pass the `cursor` of the last page read: polling so never misses or "
                       "repeats a row (a re-seeded article's positions come again). Opaque",
        "example": "MTcwMTIzNDU2Nzg5MC4zZjlhMWMwYjdkMmU0ZjYx"})

    @validates("after")
    def _is_a_cursor(self, after: str, **kwargs):
        decode_cursor(after)


class PositionListArgs(FilterArgs, FacetArgs, CursorArgs, PageArgs):
    format = format_field("json", "jsonld", "csv", "ndjson", "atom")


class PositionArgs(BaseSchema):
    format = format_field("json", "jsonld")


PositionPage = page_schema(PositionSchema, "PositionPage", facets=True, cursor=True)
DemandPage = page_schema(DemandSchema, "DemandPage", facets=True, cursor=True)
RebuttalPage = page_schema(RebuttalSchema, "RebuttalPage", facets=True, cursor=True)


def filtered(args: dict, *, ids_only: bool = False, **fixed):
    """The positions query for a request's filters (names resolved to codes), in the order asked for;
    with ids_only, the join-free query of their ids that pages count and page through."""
    return (queries.matching_positions if ids_only else queries.positions)(**filters_of(args, **fixed))


def filters_of(args: dict, **fixed) -> dict:
    """The query functions' keywords for a request: the order asked for (a feed: the last ingested
    first) and the filters."""
    sort = args.get("sort") or ("latest" if chosen(args, *LIST_FORMATS) == ATOM else "relevance")
    return dict(rank=sort == "relevance", latest=sort == "latest", **filter_arguments(args, **fixed))


def filter_arguments(args: dict, **fixed) -> dict:
    """A request's filters as the query functions take them, names resolved to codes (400 when unknown)."""
    return dict(
        actors=resolve_actors(args.get("actor"), parameter="actor"),
        targets=resolve_actors(args.get("target"), parameter="target"),
        kinds=fixed.get("kinds") or args.get("kind") or (), topics=args.get("topic") or (),
        speaker=args.get("speaker"), source=args.get("source"), since=args.get("since"),
        until=args.get("until"), has_quote=args.get("has_quote"), q=args.get("q"), after=cursor_of(args))


def cursor_of(args: dict) -> tuple[int, str] | None:
    """The ingestion cursor a request pages from: after=, or the start for sort=ingested."""
    if args.get("after"):
        return decode_cursor(args["after"])
    return queries.START if args.get("sort") == "ingested" else None


def listing(args: dict, name: str, **fixed):
    """A page as JSON (None: the caller completes it), JSON-LD or Atom, or every row as CSV or NDJSON."""
    media_type = chosen(args, *LIST_FORMATS)
    if media_type in (CSV, NDJSON):
        return None, export(functools.partial(queries.export_chunks, **filters_of(args, **fixed)), media_type, name)
    if media_type == ATOM:
        return None, feed(args, name, **fixed)
    page = paginate(filtered(args, ids_only=True, **fixed), args, fetch=queries.with_relations)
    if args.get("q"):
        for position in page["items"]:
            position.highlight = highlight(position, args["q"])
    if media_type == JSONLD:
        return page, claims_document(page["items"])
    return with_facets(page, args, **fixed), None


def with_facets(page: dict, args: dict, **fixed) -> dict:
    """The page with the facets asked for (facet=), counted over every row of the filters, and in ingestion
    order the cursor after its last row."""
    if args.get("facet"):
        page["facets"] = facets.facet_counts(args["facet"], **filter_arguments(args, **fixed))
    start = cursor_of(args)
    if start is not None:
        last = page["items"][-1] if page["items"] else None
        last_id = last["id"] if isinstance(last, dict) else getattr(last, "id", None)
        page["cursor"] = encode_cursor((last_id and queries.ingest_cursor(last_id)) or start)
    return page


def feed(args: dict, name: str, **fixed):
    """A page of the filter as an Atom feed; the next page as its rel=next link."""
    page = paginate(filtered(args, ids_only=True, **fixed), args,
                    fetch=lambda ids: rows.position_dicts([i for (i,) in ids.tuples()]))
    given = [f"{key}={value if not isinstance(value, list) else ','.join(map(str, value))}"
             for key, value in request.args.items() if key not in ("format", "page", "per_page")]
    title = f"Positions API: {name}" + (f" ({'; '.join(given)})" if given else "")
    next_url = page["links"]["next"] and url_for(request.endpoint, _external=True,
                                                 **{**request.args.to_dict(flat=False), "page": page["page"] + 1})
    return atom_feed(page["items"], title=title, next_url=next_url)


def position_page(args: dict):
    """A JSON page of GET /positions: its rows read as tuples and written straight to JSON, the list's hot
    path (models/rows.py; tests/test_rows.py holds it to PositionSchema)."""
    filters = filters_of(args)
    # the filters determine the SQL, except for a search, whose pages depend on its total (MatchingPositions)
    key = None if args.get("q") else tuple(sorted(
        (name, tuple(value) if isinstance(value, list) else value) for name, value in filters.items()))

    def query():
        return queries.matching_positions(**filters)

    # a search is built once: its pages are read from the instance its count recorded the total on
    matching = query if key else query()

    version = queries.data_version()  # read once, before the ids: documents written at it are still the rows'
    # items as dicts where this function completes them (a search's highlight, the cursor after the last row),
    # else as JSON already written, kept per row under the data version (models/rows.py: position_json)
    as_dicts = args.get("q") or cursor_of(args) is not None

    def items(number, per_page):
        ids = queries.page_ids(matching, number, per_page, key)
        return rows.position_dicts(ids) if as_dicts else rows.position_json(ids, version)

    with queries.pinned_version(version):
        page = paginate(matching, args, key=key, page_of=items)
    if args.get("q"):
        for item in page["items"]:
            item["highlight"] = highlight(SimpleNamespace(**item), args["q"])
    return jsonify(with_facets(page, args))


def highlight(position, q: str) -> str | None:
    return fold_highlight(position.text, q) or fold_highlight(position.quote or "", q) or None


@blp.route("/positions")
class Positions(MethodView):
    @blp.doc(operationId="listPositions", **documented("jsonld", "csv", "ndjson", "atom"))
    @blp.arguments(PositionListArgs, location="query", as_kwargs=False)
    @blp.response(200, PositionPage)
    def get(self, args):
        """List positions

        Newest said first (undated positions last), then by id; with q, best match first unless
        sort=newest. Every filter given must hold. JSON pages by default; Accept or format= gives a page
        of schema.org Claims (application/ld+json), or every row of the filter as CSV (text/csv) or
        NDJSON (application/x-ndjson), streamed; while a server process is streaming as many exports as
        it allows (EXPORTS_PER_PROCESS), another is 503 with Retry-After. An export that fails once it has
        begun ends without the chunked body's last chunk: clients report an incomplete transfer, never a
        shorter file that looks whole.
        """
        if chosen(args, *LIST_FORMATS) == JSON:
            return position_page(args)
        page, other = listing(args, "positions")
        return other or page


@blp.route("/positions/<string:position_id>", parameters=[path_parameter(
    "position_id", "Position id (16 hex digits), as listed by /positions", "3f9a1c0b7d2e4f61")])
class PositionById(MethodView):
    @blp.doc(operationId="getPosition", **documented("jsonld"))
    @blp.arguments(PositionArgs, location="query", as_kwargs=False)
    @blp.response(200, PositionSchema)
    @blp.alt_response(404, response="NOT_FOUND")
    def get(self, args, position_id):
        """Get one position

        As JSON, or as a schema.org Claim (Accept: application/ld+json or format=jsonld) that a
        ClaimReview can reference by its @id.
        """
        if chosen(args, "json", "jsonld") == JSONLD:
            return claim_document(find_by_id(queries.position, position_id, "position"))
        return jsonify(find_by_id(rows.position_dict, position_id, "position"))  # the hot path, as lists


class DemandListArgs(PositionListArgs):
    class Meta:
        exclude = ("kind",)


@blp.route("/demands")
class Demands(MethodView):
    @blp.doc(operationId="listDemands", **documented("jsonld", "csv", "ndjson", "atom"))
    @blp.arguments(DemandListArgs, location="query", as_kwargs=False)
    @blp.response(200, DemandPage)
    def get(self, args):
        """List demands with the rebuttals that answer them

        Also as JSON-LD, CSV or NDJSON, like GET /positions (exports list the demands themselves).
        """
        page, other = listing(args, "demands", kinds=["demand"])
        if other:
            return other
        answers = queries.rebuttals_of(p.id for p in page["items"])
        for demand in page["items"]:
            demand.rebuttals = answers.get(demand.id, [])
        return page


@blp.route("/rebuttals")
class Rebuttals(MethodView):
    @blp.doc(operationId="listRebuttals", **documented("jsonld", "csv", "ndjson", "atom"))
    @blp.arguments(DemandListArgs, location="query", as_kwargs=False)
    @blp.response(200, RebuttalPage)
    def get(self, args):
        """List rebuttals with the position each one rebuts

        Also as JSON-LD, CSV or NDJSON, like GET /positions (exports list the rebuttals themselves).
        """
        page, other = listing(args, "rebuttals", kinds=["rebuttal"])
        if other:
            return other
        rebutted = queries.positions_by_id({p.rebuts_id for p in page["items"] if p.rebuts_id})
        for rebuttal in page["items"]:
            rebuttal.rebutted = rebutted.get(rebuttal.rebuts_id)
        return page
