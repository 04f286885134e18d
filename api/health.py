"""Liveness and database reachability, for load balancers and operators."""
from __future__ import annotations

from flask.views import MethodView

from models import database, queries
from models.database import is_sqlite

from .base import Blueprint
from .schemas import HealthSchema

blp = Blueprint("health", __name__, description="Service health")


@blp.route("/health")
class Health(MethodView):
    @blp.response(200, HealthSchema)
    @blp.alt_response(503, description="The database is unreachable", content_type="application/problem+json")
    def get(self):
        """Check the service and its database"""
        return {"status": "ok", "database": "sqlite" if is_sqlite() else "postgresql",
                "positions": queries.Position.select().count()}
