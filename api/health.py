"""Liveness and database reachability, for load balancers and operators."""
from __future__ import annotations

from flask.views import MethodView

from models import database, queries
from models.database import is_sqlite

from .base import Blueprint, NoQueryArgs
from .schemas import HealthSchema

blp = Blueprint("health", __name__, description="Service health")


@blp.route("/health")
class Health(MethodView):
    @blp.doc(operationId="getHealth")
    @blp.arguments(NoQueryArgs, location="query", as_kwargs=True)
    @blp.response(200, HealthSchema)
    @blp.alt_response(503, response="SERVICE_UNAVAILABLE")
    def get(self):
        """Check the service and its database"""
        return {"status": "ok", "database": "sqlite" if is_sqlite() else "postgresql",
                "positions": queries.Position.select().count()}
