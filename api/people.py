"""People who voiced positions, with their titles and parties."""
from __future__ import annotations

from flask.views import MethodView

from models import queries

from .base import Blueprint, NoQueryArgs
from .schemas import PersonSchema

blp = Blueprint("people", __name__, description="Speakers")


@blp.route("/people")
class People(MethodView):
    @blp.doc(operationId="listPeople")
    @blp.arguments(NoQueryArgs, location="query", as_kwargs=True)
    @blp.response(200, PersonSchema(many=True))
    def get(self):
        """List people

        Most positions first; the speaker filter of /positions matches these names.
        """
        return list(queries.people_with_counts())
