"""/explore: a server-rendered page for people to search and filter positions, see the facets and the
timeline, and open a position with its evidence marked in the article and the other outlets of its claim.

Plain HTML from Jinja templates (api/templates/explore/) and one stylesheet (api/static/), all served by the
API itself: no build step, no script, no CDN. The page reads the same query functions as the JSON API and
takes the same filter parameters as GET /positions, validated by the same schema.
"""
from __future__ import annotations

import calendar
import re
from urllib.parse import urlencode

from flask import Blueprint, redirect, render_template, request, url_for
from markupsafe import Markup, escape
from werkzeug.exceptions import HTTPException

from extraction.types import KINDS
from models import queries, rows
from models.text import match_spans

from . import base, insights
from .lookup import ID_PATTERN
from .positions import FilterArgs, filtered

blp = Blueprint("explore", __name__, template_folder="templates", static_folder="static",
                static_url_path="/explore/static")

PER_PAGE = 20
MONTH = re.compile(r"[0-9]{4}-(0[1-9]|1[0-2])")
FILTERS = ("q", "actor", "kind", "topic", "target", "speaker", "source", "since", "until", "has_quote", "sort")
# the page's own policy: its stylesheet and same-origin images (the timeline chart), forms sent to itself
POLICY = ("default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; base-uri 'none'; "
          "frame-ancestors 'none'")


class ExploreArgs(FilterArgs, base.PageArgs):
    pass


@blp.context_processor
def _helpers():
    return {"link": link, "facet_links": insights.FACET_LINKS, "month_link": month_link}


@blp.after_request
def _policy(response):
    response.headers["Content-Security-Policy"] = POLICY
    return response


@blp.get("/explore")
def explore():
    """Search and filter positions: the results, the facets of the filter and its timeline."""
    given = [(name, value) for name, value in request.args.items(multi=True) if value.strip()]
    if len(given) < len(list(request.args.items(multi=True))):
        # the form sends its empty fields too: one redirect to the URL with the filters actually chosen
        return redirect(url_for("explore.explore") + ("?" + urlencode(given) if given else ""))
    try:
        args = base.Blueprint.ARGUMENTS_PARSER.parse(ExploreArgs, request, location="query")
        args["per_page"] = PER_PAGE
        page = base.paginate(filtered(args, ids_only=True), args,
                             fetch=lambda ids: rows.position_dicts([i for (i,) in ids.tuples()]))
    except HTTPException as error:
        return render_template("explore/search.html", error=_message(error), **_choices(request.args)), 400
    for item in page["items"]:
        item["marked"] = _marked(item, args.get("q"))
    query = _query(args)
    return render_template(
        "explore/search.html", page=page, args=args, query=query, facets=insights.facets(args),
        timeline_url=insights.timeline_url(query), page_url=lambda n: url_for("explore.explore", **query, page=n),
        export_url=lambda name: url_for("positions.Positions", **query, format=name), **_choices(request.args))


@blp.get("/explore/positions/<position_id>")
def position(position_id: str):
    """One position: its fields, its evidence marked in the article's text, and its claim's other outlets."""
    found = rows.position_dict(position_id) if ID_PATTERN.fullmatch(position_id) else None
    if found is None:
        return render_template("explore/missing.html", position_id=position_id), 404
    article = marked(queries.source(found["source"]["id"]).text, [(found["start"], found["end"])], mark_id="evidence")
    return render_template("explore/position.html", position=found, article=article,
                           claim=insights.claim(found), back=request.args.get("back"))


def _marked(item: dict, q: str | None) -> Markup:
    """The position's text, or its quote when only the quote matched, with what matched in <mark>."""
    if not q:
        return escape(item["text"])
    text = item["text"]
    spans = match_spans(text, q)
    if not spans and item["quote"]:
        text, spans = item["quote"], match_spans(item["quote"], q)
    return marked(text, spans)


def marked(text: str, spans, *, mark_id: str | None = None) -> Markup:
    """`text`, escaped, with each span wrapped in <mark> (one given mark_id: a single span)."""
    opening = Markup(f'<mark id="{mark_id}">') if mark_id else Markup("<mark>")
    html, last = Markup(), 0
    for start, end in spans:
        html += escape(text[last:start]) + opening + escape(text[start:end]) + Markup("</mark>")
        last = end
    return html + escape(text[last:])


def _query(args: dict) -> dict:
    """The filters as given, to carry into links (page numbers, facets, the chart)."""
    return {name: request.args.getlist(name) for name in FILTERS if request.args.get(name)}


def _choices(given) -> dict:
    """What the form offers: kinds, topics and the actors that hold positions, with what was chosen."""
    return {"kinds": KINDS, "topics": list(queries.topics_with_counts()),
            "actors": [a for a in queries.actors_with_counts() if a.position_count],
            "given": {name: given.get(name, "") for name in FILTERS}}


def _message(error: HTTPException) -> str:
    data = getattr(error, "data", None) or {}
    if data.get("messages"):
        return "; ".join(f"{name}: {' '.join(map(str, problems)) if isinstance(problems, list) else problems}"
                         for by_name in data["messages"].values() for name, problems in by_name.items())
    return data.get("message") or error.description or "The request is not valid."


def month_link(query: dict, month: str) -> str | None:
    """The page narrowed to one month of the month facet ("2022-01": since 2022-01-01, until 2022-01-31)."""
    if not MONTH.fullmatch(month):
        return None
    year, number = (int(part) for part in month.split("-"))
    last = calendar.monthrange(year, number)[1]
    return link(**{**query, "since": f"{month}-01", "until": f"{month}-{last:02d}"})


def link(**query) -> str:
    return url_for("explore.explore") + ("?" + urlencode(query, doseq=True) if query else "")
