"""Positions: the rows fact-checkers cite, with filters, and the demand/rebuttal views."""
from __future__ import annotations

from flask.views import MethodView
from marshmallow import fields, validate

from extraction.types import KINDS
from models import queries

from .base import BaseSchema, Blueprint, CommaList, DateRangeMixin, NoQueryArgs, PageArgs, page_schema, paginate, path_parameter
from .lookup import find_by_id, resolve_actors
from .schemas import DemandSchema, PositionSchema, RebuttalSchema

blp = Blueprint("positions", __name__, description="Positions stated by parties, with provenance")


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
    since = fields.Date(metadata={"description": "Said on or after this ISO date (a month-precision date "
                                                 "counts as its whole month)", "example": "2022-01-01"})
    until = fields.Date(metadata={"description": "Said on or before this ISO date", "example": "2022-01-31"})
    has_quote = fields.Boolean(metadata={"description": "Only positions with (true) or without (false) a "
                                                        "verbatim quote", "example": True})
    q = fields.String(validate=validate.Length(min=1, max=200), metadata={
        "description": "Words that must all occur in the text, quote or speaker; case and Vietnamese "
                       "diacritics are ignored (dam phan finds đàm phán)", "example": "đàm phán"})


class PositionListArgs(FilterArgs, PageArgs):
    pass


PositionPage = page_schema(PositionSchema, "PositionPage")
DemandPage = page_schema(DemandSchema, "DemandPage")
RebuttalPage = page_schema(RebuttalSchema, "RebuttalPage")


def filtered(args: dict, **fixed):
    """The positions query for a request's filters (names resolved to codes)."""
    return queries.positions(
        actors=resolve_actors(args.get("actor"), parameter="actor"),
        targets=resolve_actors(args.get("target"), parameter="target"),
        kinds=fixed.get("kinds") or args.get("kind") or (), topics=args.get("topic") or (),
        speaker=args.get("speaker"), source=args.get("source"), since=args.get("since"),
        until=args.get("until"), has_quote=args.get("has_quote"), q=args.get("q"))


@blp.route("/positions")
class Positions(MethodView):
    @blp.doc(operationId="listPositions")
    @blp.arguments(PositionListArgs, location="query", as_kwargs=False)
    @blp.response(200, PositionPage)
    def get(self, args):
        """List positions

        Newest said first (undated positions last), then by id; every filter given must hold.
        """
        return paginate(filtered(args), args)


@blp.route("/positions/<string:position_id>", parameters=[path_parameter(
    "position_id", "Position id (16 hex digits), as listed by /positions", "3f9a1c0b7d2e4f61")])
class PositionById(MethodView):
    @blp.doc(operationId="getPosition")
    @blp.arguments(NoQueryArgs, location="query", as_kwargs=True)
    @blp.response(200, PositionSchema)
    @blp.alt_response(404, response="NOT_FOUND")
    def get(self, position_id):
        """Get one position"""
        return find_by_id(queries.position, position_id, "position")


class DemandListArgs(FilterArgs, PageArgs):
    class Meta:
        exclude = ("kind",)


@blp.route("/demands")
class Demands(MethodView):
    @blp.doc(operationId="listDemands")
    @blp.arguments(DemandListArgs, location="query", as_kwargs=False)
    @blp.response(200, DemandPage)
    def get(self, args):
        """List demands with the rebuttals that answer them"""
        page = paginate(filtered(args, kinds=["demand"]), args)
        answers = queries.rebuttals_of(p.id for p in page["items"])
        for demand in page["items"]:
            demand.rebuttals = answers.get(demand.id, [])
        return page


@blp.route("/rebuttals")
class Rebuttals(MethodView):
    @blp.doc(operationId="listRebuttals")
    @blp.arguments(DemandListArgs, location="query", as_kwargs=False)
    @blp.response(200, RebuttalPage)
    def get(self, args):
        """List rebuttals with the position each one rebuts"""
        page = paginate(filtered(args, kinds=["rebuttal"]), args)
        rebutted = queries.positions_by_id({p.rebuts_id for p in page["items"] if p.rebuts_id})
        for rebuttal in page["items"]:
            rebuttal.rebutted = rebutted.get(rebuttal.rebuts_id)
        return page
