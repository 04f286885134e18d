"""Sources: the articles positions come from, with their full text for checking offsets."""
from __future__ import annotations

from flask.views import MethodView

from models import queries

from .base import Blueprint, NoQueryArgs, PageArgs, page_schema, paginate, path_parameter
from .lookup import find_by_id
from .schemas import SourceDetailSchema, SourceSchema

blp = Blueprint("sources", __name__, description="Articles")

SourcePage = page_schema(SourceSchema, "SourcePage")


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
        row = find_by_id(queries.source, source_id, "source")
        row.positions = list(queries.positions(source=source_id).order_by(queries.Position.start))
        return row
