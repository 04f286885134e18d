"""Timelines: counts per day, week or month by kind, as JSON and as an embeddable SVG chart."""
from __future__ import annotations

import datetime as dt
import json
import xml.etree.ElementTree as ET
from collections import Counter

import pytest
from test_errors import assert_problem

from extraction.types import KINDS

SVG_NS = "{http://www.w3.org/2000/svg}"


def every_row(client, query: str) -> list[dict]:
    body = client.get(f"/positions?{query}&format=ndjson").get_data(as_text=True)
    return [json.loads(line) for line in body.splitlines() if line]


def period_of(position: dict, interval: str) -> str | None:
    date, precision = position["date"], position["date_precision"]
    if not date or precision == "unknown" or (precision == "month" and interval != "month"):
        return None
    day = dt.date.fromisoformat(date if precision == "day" else f"{date}-01")
    start = {"day": day, "week": day - dt.timedelta(days=day.weekday()), "month": day.replace(day=1)}[interval]
    return start.isoformat()


@pytest.mark.parametrize("interval", ["day", "week", "month"])
@pytest.mark.parametrize("query", ["", "actor=NATO", "kind=demand,warning", "topic=diplomacy", "q=Nga"])
def test_counts_per_period_and_kind_match_the_rows(client, interval, query):
    body = client.get(f"/timeline?{query}&interval={interval}").get_json()
    rows = every_row(client, query)
    expected = Counter((period_of(p, interval), p["kind"]) for p in rows)
    got = Counter({(period["start"], kind): n for period in body["periods"] for kind, n in period["counts"].items()
                   if n})
    assert got == Counter({key: n for key, n in expected.items() if key[0]})
    assert body["not_placed"] == sum(n for key, n in expected.items() if key[0] is None)
    assert body["interval"] == interval
    for period in body["periods"]:
        assert list(period["counts"]) == list(KINDS) and period["total"] == sum(period["counts"].values())


def test_periods_are_contiguous_with_labels(client):
    weeks = client.get("/timeline?interval=week").get_json()["periods"]
    starts = [dt.date.fromisoformat(p["start"]) for p in weeks]
    assert all(b - a == dt.timedelta(days=7) for a, b in zip(starts, starts[1:])) and starts[0].weekday() == 0
    assert weeks[0]["label"] == "{}-W{:02d}".format(*starts[0].isocalendar()[:2])
    months = client.get("/timeline").get_json()
    assert months["interval"] == "month" and all(p["label"] == p["start"][:7] for p in months["periods"])


def test_svg_chart_is_a_self_contained_image(client):
    response = client.get("/timeline?actor=NATO&interval=day&format=svg")
    assert response.status_code == 200 and response.mimetype == "image/svg+xml"
    root = ET.fromstring(response.get_data())
    assert root.tag == f"{SVG_NS}svg"
    text = response.get_data(as_text=True)
    assert "<script" not in text and "href" not in text  # nothing to run, nothing fetched
    bars = [r for r in root.iter(f"{SVG_NS}rect") if r.get("height") not in (None, "10", "320")]
    days = client.get("/timeline?actor=NATO&interval=day").get_json()["periods"]
    assert len(bars) == sum(1 for p in days for n in p["counts"].values() if n)  # one bar segment per kind and day
    assert "Positions per day: actor NATO" in text
    assert client.get("/timeline", headers={"Accept": "image/svg+xml"}).mimetype == "image/svg+xml"


def test_svg_of_nothing_says_so(client):
    text = client.get("/timeline?since=1990-01-01&until=1990-12-31&format=svg").get_data(as_text=True)
    assert "No dated positions match these filters" in text


@pytest.mark.parametrize("query", ["interval=year", "sort=newest", "format=png", "actor=XYZ", "interval=day&interval=week"])
def test_timeline_errors(client, query):
    assert_problem(client.get(f"/timeline?{query}"), 400)
