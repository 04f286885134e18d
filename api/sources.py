"""Sources: the articles positions come from, with their full text for checking offsets."""
from __future__ import annotations

from flask.views import MethodView
from flask_smorest import abort

from models import ingest, queries

from .auth import WRITE_SECURITY, require_api_key
from .base import Blueprint, NoQueryArgs, PageArgs, page_schema, paginate, path_parameter
from .lookup import find_by_id
from .problems import problem_response
from .ratelimit import write_rate_limited
from .schemas import SourceDetailSchema, SourceSchema

blp = Blueprint("sources", __name__, description="Articles")

SourcePage = page_schema(SourceSchema, "SourcePage")


def write_refused(error: ingest.WriteRefused):
    """503 while the database is read-only, 507 when it is full: the operator must act, reads still work."""
    if error.full:
        return problem_response(507, "The database has no space left: the write was not made. Reads still "
                                     "work; an operator must free space before writes can succeed.")
    return problem_response(503, "The database is read-only: the write was not made. Reads still work; "
                                 "writes succeed again once an operator makes the database writable.")


blp.register_error_handler(ingest.WriteRefused, write_refused)


def source_detail(source_id: str):
    """A source with its text and its positions in text order."""
    row = find_by_id(queries.source, source_id, "source")
    row.positions = list(queries.positions(source=source_id).order_by(queries.Position.start))
    return row


@blp.route("/sources")
class Sources(MethodView):
    @blp.doc(operationId="listSources")
    @blp.arguments(PageArgs, location="query", as_kwargs=False)
    @blp.response(200, SourcePage)
    def get(self, args):
        """List sources

        Newest published first.
        """
        return paginate(queries.sources_with_counts(), args)


@blp.route("/sources/<string:source_id>", parameters=[path_parameter(
    "source_id", "Source id (16 hex digits), as listed by /sources", "5f0c2a9d41b7e3aa")])
class SourceById(MethodView):
    @blp.doc(operationId="getSource")
    @blp.arguments(NoQueryArgs, location="query", as_kwargs=True)
    @blp.response(200, SourceDetailSchema)
    @blp.alt_response(404, response="NOT_FOUND")
    def get(self, source_id):
        """Get one source with its text and positions"""
        return source_detail(source_id)

    @require_api_key
    @write_rate_limited
    @blp.doc(operationId="deleteSource", security=WRITE_SECURITY)
    @blp.arguments(NoQueryArgs, location="query", as_kwargs=True)
    @blp.response(204, description="Deleted, with its positions")
    @blp.alt_response(401, response="UNAUTHORIZED")
    @blp.alt_response(404, response="NOT_FOUND")
    @blp.alt_response(409, response="CONFLICT")
    @blp.alt_response(429, response="TOO_MANY_REQUESTS")
    @blp.alt_response(503, response="SERVICE_UNAVAILABLE")
    @blp.alt_response(507, response="INSUFFICIENT_STORAGE")
    def delete(self, source_id):
        """Delete a submitted source and its positions

        Only sources submitted through POST /articles can be deleted; seeded sources (from seeds/) answer
        409, since re-seeding would bring them back. Needs an API key; each key may make
        WRITE_RATE_LIMIT writes (60 a minute unless the operator set another limit), then gets 429.
        """
        source = find_by_id(queries.source_by_id, source_id, "source")
        if source.name:
            abort(409, message=f"Source '{source_id}' was seeded from seeds/{source.name}: remove the seed "
                               "file and re-seed instead; only submitted articles can be deleted here.")
        ingest.delete_source(source)
