"""Monitoring: the ingestion cursor (after=) and Atom feeds (format=atom) of any list filter.

A cursor is opaque to clients: base64url of "ingest_seq.id" of the last row a client has seen; rows
come after it in ingestion order (models/queries.py: ingested_after says why none is missed or repeated).
"""
from __future__ import annotations

import base64
import binascii
import datetime as dt
import re

from feedgen.feed import FeedGenerator
from flask import Response, request, url_for
from marshmallow import ValidationError

from models import Source

ATOM = "application/atom+xml"
CURSOR = re.compile(r"(-?[0-9]{1,20})\.([0-9a-f]{0,16})")


def encode_cursor(cursor: tuple[int, str]) -> str:
    return base64.urlsafe_b64encode(f"{cursor[0]}.{cursor[1]}".encode()).decode().rstrip("=")


def decode_cursor(token: str) -> tuple[int, str]:
    """(ingest_seq, id) from a token this API gave; ValidationError (a 400) for anything else."""
    try:
        text = base64.urlsafe_b64decode(token + "=" * (-len(token) % 4)).decode("ascii")
    except (binascii.Error, ValueError):
        text = ""
    match = CURSOR.fullmatch(text)
    if not match:
        raise ValidationError("Not a cursor this API gave: pass the `cursor` of a page listed with "
                              "sort=ingested or after= unchanged.")
    return int(match[1]), match[2]


def atom_feed(items: list[dict], *, title: str, next_url: str | None) -> Response:
    """The positions (as rows.position_dicts gives them) as an Atom feed, entries in the order given."""
    ingested = dict(Source.select(Source.id, Source.ingested_at)
                    .where(Source.id.in_(list({p["source"]["id"] for p in items}))).tuples()) if items else {}
    feed = FeedGenerator()
    feed.id(request.url)
    feed.title(title)
    feed.link(href=request.url, rel="self", type=ATOM)
    feed.link(href=url_for("positions.Positions", _external=True), rel="alternate", type="application/json")
    if next_url:
        feed.link(href=next_url, rel="next", type=ATOM)  # RFC 5005 paging
    feed.generator("positions API")
    feed.language("vi")
    times = [_aware(ingested.get(p["source"]["id"])) for p in items]
    feed.updated(max((t for t in times if t), default=dt.datetime.now(dt.timezone.utc)))
    for position, when in reversed(list(zip(items, times))):  # feedgen prepends: add in reverse to keep order
        _entry(feed.add_entry(), position, when)
    return Response(feed.atom_str(pretty=True), mimetype=ATOM)


def _entry(entry, position: dict, ingested: dt.datetime | None) -> None:
    url = url_for("positions.PositionById", position_id=position["id"], _external=True)
    entry.id(url)
    entry.title(position["summary"])
    # one link: feedgen 1.0 writes an entry's links without rel or type, so a second would be a second
    # "alternate", which RFC 4287 forbids; the source goes in the content instead
    entry.link(href=url)
    source = position["source"]
    source_url = source["url"] or url_for("sources.SourceById", source_id=source["id"], _external=True)
    entry.updated(ingested or dt.datetime.now(dt.timezone.utc))
    if position["date"] and position["date_precision"] == "day":
        entry.published(dt.datetime.fromisoformat(position["date"]).replace(tzinfo=dt.timezone.utc))
    speaker = position["speaker"]["name"] if position["speaker"] else None
    entry.author(name=speaker or position["actor"]["short_name"])
    entry.category(term=position["kind"], label=position["kind"])
    for topic in position["topics"]:
        entry.category(term=topic)
    quote = f"\n«{position['quote']}»" if position["quote"] and position["quote"] not in position["text"] else ""
    cited = ", ".join(filter(None, [source["outlet"], source["title"], source["published"]]))
    entry.content(f"{position['text']}{quote}\n\n{cited}\n{source_url}".strip(), type="text")
    entry.summary(position["summary"])


def _aware(value) -> dt.datetime | None:
    if value is None:
        return None
    if isinstance(value, str):  # SQLite hands datetimes back as text
        value = dt.datetime.fromisoformat(value)
    return value if value.tzinfo else value.replace(tzinfo=dt.timezone.utc)
