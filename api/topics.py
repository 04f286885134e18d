"""Topics positions are about (the annotation guidelines' list)."""
from __future__ import annotations

from flask.views import MethodView

from models import queries

from .base import Blueprint, NoQueryArgs
from .schemas import TopicSchema

blp = Blueprint("topics", __name__, description="Topics")


@blp.route("/topics")
class Topics(MethodView):
    @blp.doc(operationId="listTopics")
    @blp.arguments(NoQueryArgs, location="query", as_kwargs=True)
    @blp.response(200, TopicSchema(many=True))
    def get(self):
        """List topics with their position counts"""
        return list(queries.topics_with_counts())
