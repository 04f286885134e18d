"""What /explore shows beside a filter's results and a position, read from the modules that compute it:
facets (models/facets.py), the timeline chart (GET /timeline?format=svg) and claims (models/claims.py).
Each is None when this build lacks it, and the page says so instead of failing."""
from __future__ import annotations

import importlib.util
from urllib.parse import urlencode

from flask import current_app

FACETS = ("actor", "kind", "topic", "outlet", "speaker", "month")


def _available(module: str) -> bool:
    return importlib.util.find_spec(module) is not None


def facets(args: dict) -> dict | None:
    """{facet: {"values": [{"value", "count"}], "truncated"}} for the filter, or None."""
    if not _available("models.facets"):
        return None
    from models import facets as counting

    from .positions import filter_arguments

    return counting.facet_counts([f for f in FACETS if f in counting.FACETS], **filter_arguments(args))


def timeline_url(query: dict) -> str | None:
    """The SVG chart of the filter's positions per month, or None."""
    if "timeline.Timeline" not in current_app.view_functions:
        return None
    shown = {name: values for name, values in query.items() if name != "sort"}  # order means nothing there
    return "/timeline?" + urlencode({**shown, "format": "svg"}, doseq=True)


def claim(position: dict) -> dict | None:
    """The position's claim with its appearances (every outlet that reported it), or None."""
    if not position.get("claim") or not _available("models.claims"):
        return None
    from .claims import claim_detail

    return claim_detail(position["claim"])
