"""People who voiced positions, with their titles and parties."""
from __future__ import annotations

from flask.views import MethodView
from marshmallow import fields

from models import queries

from .base import BaseSchema, Blueprint, PageArgs, page_schema, paginate
from .schemas import PersonSchema

blp = Blueprint("people", __name__, description="Speakers")

PersonPage = page_schema(PersonSchema, "PersonPage")


class PeopleArgs(PageArgs, BaseSchema):
    has_positions = fields.Boolean(load_default=True, metadata={
        "description": "true (the default): people who voiced at least one position; false: the people the "
                       "reference data knows who have voiced none yet", "example": True})


@blp.route("/people")
class People(MethodView):
    @blp.doc(operationId="listPeople")
    @blp.arguments(PeopleArgs, location="query", as_kwargs=False)
    @blp.response(200, PersonPage)
    def get(self, args):
        """List people

        Most positions first, a page at a time like the other lists; only those who voiced a position
        unless has_positions=false. The speaker filter of /positions matches these names.
        """
        return paginate(queries.people_with_counts(has_positions=args["has_positions"]), args)
