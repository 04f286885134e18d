"""Project-wide API policy: strict parameter schemas, 400 for bad parameters, page-number pagination."""
from __future__ import annotations

import math
from collections.abc import Mapping

import flask_smorest
from flask import request, url_for
from marshmallow import RAISE, Schema, ValidationError, fields, pre_load, validate, validates_schema
from webargs.flaskparser import FlaskParser

MAX_PER_PAGE = 100
MAX_LIST_ITEMS = 50  # values of one list parameter


class StrictParser(FlaskParser):
    """Unknown query parameters are errors (a typo must not silently widen a query), reported as 400."""

    DEFAULT_UNKNOWN_BY_LOCATION: dict = {}
    DEFAULT_VALIDATION_STATUS = 400


class Blueprint(flask_smorest.Blueprint):
    ARGUMENTS_PARSER = StrictParser()


class BaseSchema(Schema):
    class Meta:
        unknown = RAISE
        ordered = True

    @pre_load
    def _refuse_nul_characters(self, data, **kwargs):
        # no text we store contains NUL, and PostgreSQL refuses it in a query parameter: say so, as a 400
        if not isinstance(data, Mapping):  # a JSON body that is not an object: marshmallow reports it
            return data
        bad = {name: ["NUL characters are not allowed."] for name in data
               if any("\x00" in str(v) for v in (data.getlist(name) if hasattr(data, "getlist") else [data[name]]))}
        if bad:
            raise ValidationError(bad)
        return data


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
    page = fields.Integer(load_default=1, validate=validate.Range(min=1, max=10_000_000),
                          metadata={"description": "Page number, from 1", "example": 1})
    per_page = fields.Integer(load_default=20, validate=validate.Range(min=1, max=MAX_PER_PAGE),
                              metadata={"description": f"Items per page (at most {MAX_PER_PAGE})", "example": 20})


class LinksSchema(Schema):
    self = fields.String(metadata={"description": "This page"})
    first = fields.String(metadata={"description": "The first page"})
    last = fields.String(metadata={"description": "The last page"})
    next = fields.String(allow_none=True, metadata={"description": "The next page, null on the last page"})
    prev = fields.String(allow_none=True, metadata={"description": "The previous page, null on the first page"})


def page_schema(item_schema, name: str):
    """The envelope of a paginated list: items plus total count and navigation links."""
    return type(name, (Schema,), {
        "items": fields.List(fields.Nested(item_schema), required=True),
        "total": fields.Integer(required=True, metadata={"description": "Items matching the filters"}),
        "page": fields.Integer(required=True),
        "per_page": fields.Integer(required=True),
        "pages": fields.Integer(required=True, metadata={"description": "Number of pages (at least 1)"}),
        "links": fields.Nested(LinksSchema, required=True),
    })


def paginate(query, args: dict, fetch=list) -> dict:
    """One page of `query` (a peewee SelectQuery already ordered) with total and links; 400 past the end."""
    page, per_page = args["page"], args["per_page"]
    total = query.count(clear_limit=True)
    pages = max(1, math.ceil(total / per_page))
    if page > pages:
        flask_smorest.abort(400, message=f"Page {page} is out of range: there are {pages} page(s) "
                                         f"of {per_page} for these filters.")
    items = fetch(query.paginate(page, per_page))  # e.g. a lean query's ids into full rows
    return {"items": items, "total": total, "page": page, "per_page": per_page, "pages": pages,
            "links": _links(page, pages)}


def _links(page: int, pages: int) -> dict:
    def link(n):
        params = request.args.to_dict(flat=False)
        params["page"] = [str(n)]
        return url_for(request.endpoint, **(request.view_args or {}), **params)

    return {"self": link(page), "first": link(1), "last": link(pages),
            "next": link(page + 1) if page < pages else None, "prev": link(page - 1) if page > 1 else None}


class DateRangeMixin:
    @validates_schema
    def _since_before_until(self, data, **kwargs):
        if data.get("since") and data.get("until") and data["since"] > data["until"]:
            raise ValidationError("since must not be after until.", "since")
