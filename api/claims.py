"""Claims: one party stating the same thing across articles (models/claims.py groups the positions)."""
from __future__ import annotations

from flask import jsonify
from flask.views import MethodView
from marshmallow import Schema, fields, validate

from models import queries, rows

from .base import Blueprint, PageArgs, page_schema, paginate, path_parameter
from .lookup import find_by_id
from .positions import FilterArgs, filter_arguments
from .schemas import PositionSchema

blp = Blueprint("claims", __name__, description="The same claim across articles and outlets")


class ClaimListArgs(FilterArgs, PageArgs):
    sort = fields.String(load_default="outlets", validate=validate.OneOf(queries.CLAIM_SORTS), metadata={
        "description": "outlets (the default: reported by the most outlets first, then by the most articles, then "
                       "first seen earliest), first_seen (newest first) or last_seen (newest first)",
        "example": "outlets"})


class ClaimSchema(Schema):
    id = fields.String(required=True, metadata={
        "description": "The claim's id: the smallest id of its positions (it changes only when that position is "
                       "deleted or the claim merges with another)", "example": "3f9a1c0b7d2e4f61"})
    appearance_count = fields.Integer(required=True, metadata={"description": "Positions in the claim"})
    source_count = fields.Integer(required=True, metadata={"description": "Articles it appears in"})
    outlet_count = fields.Integer(required=True, metadata={
        "description": "Outlets it appears in (an article without an outlet counts as one of its own)"})
    outlets = fields.List(fields.String(), required=True, metadata={
        "description": "Named outlets, in the order they first reported it", "example": ["TTXVN", "VTC News"]})
    first_seen = fields.Date(allow_none=True, metadata={
        "description": "Earliest day said (or published, for a position without a day)", "example": "2022-01-25"})
    last_seen = fields.Date(allow_none=True, metadata={"description": "Latest such day", "example": "2022-01-30"})
    position = fields.Nested(PositionSchema, required=True, metadata={
        "description": "The claim's first appearance (the position whose id is the claim's)"})


AppearancePage = page_schema(PositionSchema, "AppearancePage")


class ClaimDetailSchema(ClaimSchema):
    appearances = fields.Nested(AppearancePage, required=True, metadata={
        "description": "The claim's positions, first seen first, each with its source: a page of them "
                       "(page= and per_page= choose it; links page through them all)"})


ClaimPage = page_schema(ClaimSchema, "ClaimPage")


def claim_documents(summaries: list[dict]) -> list[dict]:
    """The claims' JSON documents: counts, outlets and the first position."""
    positions = {p["id"]: p for p in rows.position_dicts([s["id"] for s in summaries])}
    return [{**summary, "first_seen": rows.iso(summary["first_seen"]), "last_seen": rows.iso(summary["last_seen"]),
             "position": positions.get(summary["id"])}
            for summary in summaries]


@blp.route("/claims")
class Claims(MethodView):
    @blp.doc(operationId="listClaims")
    @blp.arguments(ClaimListArgs, location="query", as_kwargs=False)
    @blp.response(200, ClaimPage)
    def get(self, args):
        """List claims

        Claims with at least one position matching every filter given (the filters of GET /positions), with
        counts over all their positions: reported by the most outlets first unless sort= says otherwise.
        """
        page = paginate(queries.claims(sort=args["sort"], **filter_arguments(args)), args, fetch=list)
        page["items"] = claim_documents(page["items"])
        return jsonify(page)


@blp.route("/claims/<string:claim_id>", parameters=[path_parameter(
    "claim_id", "Claim id (16 hex digits), as a position's claim field gives it", "3f9a1c0b7d2e4f61")])
class ClaimById(MethodView):
    @blp.doc(operationId="getClaim")
    @blp.arguments(PageArgs, location="query", as_kwargs=False)
    @blp.response(200, ClaimDetailSchema)
    @blp.alt_response(404, response="NOT_FOUND")
    def get(self, args, claim_id):
        """Get one claim with its appearances

        First and last seen, the outlets, and the claim's positions with their sources, first seen first,
        a page at a time (page=, per_page=).
        """
        summary = find_by_id(lambda key: queries.claims(claim_id=key).first(), claim_id, "claim")
        document = claim_documents([summary])[0]
        document["appearances"] = paginate(queries.claim_members(claim_id), args,
                                           fetch=lambda ids: rows.position_dicts([i for (i,) in ids.tuples()]))
        return jsonify(document)
