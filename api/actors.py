"""Parties (states, alliances, organisations) and how many positions each holds."""
from __future__ import annotations

from flask.views import MethodView

from extraction.types import KINDS
from models import queries

from .base import Blueprint, NoQueryArgs, path_parameter
from .lookup import find_actor, get_or_404
from .schemas import ActorDetailSchema, ActorSchema

blp = Blueprint("actors", __name__, description="Parties that hold positions")


@blp.route("/actors")
class Actors(MethodView):
    @blp.doc(operationId="listActors")
    @blp.arguments(NoQueryArgs, location="query", as_kwargs=True)
    @blp.response(200, ActorSchema(many=True))
    def get(self):
        """List actors

        Most positions first. Every code, name and alias listed works in the actor and target filters.
        """
        return list(queries.actors_with_counts())


@blp.route("/actors/<string:code>", parameters=[path_parameter(
    "code", "Actor code, name or alias (NATO, RUSSIA, Nga, Moscow, Mỹ)", "RUSSIA")])
class ActorByCode(MethodView):
    @blp.doc(operationId="getActor")
    @blp.arguments(NoQueryArgs, location="query", as_kwargs=True)
    @blp.response(200, ActorDetailSchema)
    @blp.alt_response(404, response="NOT_FOUND")
    def get(self, code):
        """Get one actor with its counts per kind

        The code may also be a name or alias (Nga, Moscow, Mỹ).
        """
        found = get_or_404(find_actor(code), "actor", code)
        row = queries.actors_with_counts().where(queries.Actor.code == found).first()
        row.counts_by_kind = {kind: 0 for kind in KINDS} | queries.actor_counts_by_kind(row.code)
        return row

