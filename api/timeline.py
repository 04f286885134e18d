"""Timelines: counts per day, week or month by kind, as JSON or as an SVG chart to embed."""
from __future__ import annotations

from flask import Response, jsonify, request
from flask.views import MethodView
from flask_smorest import abort
from marshmallow import Schema, fields, validate

from extraction.types import KINDS
from models.timeline import INTERVALS, timeline

from .base import Blueprint
from .charts import timeline_svg
from .positions import FilterArgs, filter_arguments

blp = Blueprint("timeline", __name__, description="Positions over time")

SVG = "image/svg+xml"
MAX_CHART_PERIODS = 1000  # bars a 800-pixel chart can show; JSON has no limit


class TimelineArgs(FilterArgs):
    class Meta:
        exclude = ("sort",)

    interval = fields.String(load_default="month", validate=validate.OneOf(INTERVALS), metadata={
        "description": "Length of a period: day, week (ISO, from Monday) or month (the default). Positions "
                       "dated only by month count in month timelines only", "example": "week"})
    format = fields.String(validate=validate.OneOf(("json", "svg")), metadata={
        "description": "json (the default) or svg (image/svg+xml: a stacked bar chart, no script, to embed "
                       "with <img>); Accept: image/svg+xml does the same", "example": "svg"})


class PeriodSchema(Schema):
    start = fields.Date(required=True, metadata={"description": "First day of the period", "example": "2022-01-24"})
    label = fields.String(required=True, metadata={"description": "The day, ISO week or month",
                                                   "example": "2022-W04"})
    counts = fields.Dict(keys=fields.String(), values=fields.Integer(), required=True, metadata={
        "description": "Positions said in the period, by kind (every kind, zeros included)",
        "example": {kind: 0 for kind in KINDS}})
    total = fields.Integer(required=True)


class TimelineSchema(Schema):
    interval = fields.String(required=True, metadata={"enum": list(INTERVALS), "example": "month"})
    periods = fields.List(fields.Nested(PeriodSchema), required=True, metadata={
        "description": "From the first period with a position to the last, empty periods included"})
    not_placed = fields.Integer(required=True, metadata={
        "description": "Matching positions without a date as precise as the interval (undated, or dated only "
                       "by month in a day or week timeline)"})


@blp.route("/timeline")
class Timeline(MethodView):
    @blp.doc(operationId="getTimeline", responses={200: {"content": {SVG: {"schema": {
        "type": "string", "description": "A stacked bar chart of the same counts"}}}}})
    @blp.arguments(TimelineArgs, location="query", as_kwargs=False)
    @blp.response(200, TimelineSchema)
    def get(self, args):
        """Count positions per period by kind

        Positions matching every filter given (the filters of GET /positions), counted per day, week or
        month of the date said, by kind; as JSON, or as an SVG chart (format=svg or Accept: image/svg+xml).
        """
        counts = {"interval": args["interval"], **timeline(args["interval"], **filter_arguments(args))}
        if not wants_svg(args):
            return jsonify(counts)
        if len(counts["periods"]) > MAX_CHART_PERIODS:
            abort(400, message=f"{len(counts['periods'])} {args['interval']}s are too many bars for a chart (at most "
                               f"{MAX_CHART_PERIODS}): use a longer interval, or since= and until=.")
        return Response(timeline_svg(counts, title=chart_title(args)), mimetype=SVG)


def wants_svg(args: dict) -> bool:
    if args.get("format"):
        return args["format"] == "svg"
    return bool(request.accept_mimetypes) and request.accept_mimetypes.best_match(
        ["application/json", SVG], default="application/json") == SVG


def chart_title(args: dict) -> str:
    """What the chart counts, from the filters given: "Positions per month: actor NATO, kind demand"."""
    given = [f"{name} {', '.join(map(str, value)) if isinstance(value, list) else value}"
             for name, value in args.items() if name not in ("interval", "format") and value not in (None, [])]
    return f"Positions per {args['interval']}" + (": " + "; ".join(given) if given else "")
