"""What /explore shows beside a filter's results and a position, read from the modules that compute it for
the JSON API: facets (models/facets.py), the timeline chart (GET /timeline?format=svg, api/timeline.py) and
a position's claim (GET /claims/{id}, api/claims.py)."""
from __future__ import annotations

from urllib.parse import urlencode

from flask import url_for

from models import facets as counting
from models import queries, rows

from .claims import claim_documents
from .positions import filter_arguments

MAX_APPEARANCES = 100  # shown on a position's page, first seen first (GET /claims/{id} pages through all)
FACET_LINKS = {"actor": "actor", "kind": "kind", "topic": "topic", "speaker": "speaker"}  # facet -> filter


def facets(args: dict) -> dict:
    """{facet: {"values": [{"value", "count"}], "truncated"}} over every row of the filter."""
    return counting.facet_counts(counting.FACETS, **filter_arguments(args))


def timeline_url(query: dict) -> str:
    """The SVG chart of the filter's positions per week by kind (the sort order means nothing there)."""
    shown = {name: values for name, values in query.items() if name != "sort"}
    return url_for("timeline.Timeline") + "?" + urlencode({**shown, "interval": "week", "format": "svg"}, doseq=True)


def claim(position: dict) -> dict | None:
    """The position's claim with every appearance and its outlets, when other articles report it too."""
    summary = queries.claims(claim_id=position["claim"]).first() if position.get("claim") else None
    if summary is None or summary["appearance_count"] < 2:
        return None
    document = claim_documents([summary])[0]
    members = queries.claim_members(summary["id"]).limit(MAX_APPEARANCES)
    document["appearances"] = rows.position_dicts([i for (i,) in members.tuples()])
    return document
