"""Timelines: how many positions matching a list's filters were said in each day, week or month, by kind.

Counted over the facet columns each process keeps in memory (models/facet_columns.py: each position's day,
date precision and kind), as facets are; in SQL while a process first reads them."""
from __future__ import annotations

import datetime as dt

from peewee import SQL, fn

from extraction.types import KINDS

import numpy as np

from . import facet_columns, facets
from .database import database, is_sqlite
from .entities import Position
from .facets import cached_rows
from .queries import _filtered

INTERVALS = ("day", "week", "month")
# a month-precision date counts in its month, not in a day or week it may not have been said in
PLACED = {"day": ("day",), "week": ("day",), "month": ("day", "month")}


def _period(interval: str):
    """The first day of the period said_from falls in, as YYYY-MM-DD text on both engines."""
    if is_sqlite():
        return {"day": Position.said_from,
                "week": fn.DATE(Position.said_from, "weekday 0", "-6 days"),  # the Monday (ISO weeks)
                "month": fn.SUBSTR(Position.said_from, 1, 7).concat("-01")}[interval]
    unit = {"day": "day", "week": "week", "month": "month"}[interval]
    return fn.TO_CHAR(fn.DATE_TRUNC(unit, Position.said_from), "YYYY-MM-DD")


def timeline(interval: str, **filters) -> dict:
    """{"periods": [{"start", "counts": {kind: n}, "total"}] from the first period to the last, empty ones
    included; "not_placed": matching positions without a date as precise as the interval}."""
    rows, total = counted_in_memory(interval, filters) or counted_in_sql(interval, filters)
    by_start: dict[str, dict[str, int]] = {}
    for start, kind, count in rows:
        by_start.setdefault(str(start)[:10], {})[kind] = int(count)
    starts = _every_period(sorted(by_start), interval)
    periods = [{"start": start, "label": label(start, interval),
                "counts": {kind: by_start.get(start, {}).get(kind, 0) for kind in KINDS},
                "total": sum(by_start.get(start, {}).values())} for start in starts]
    return {"periods": periods, "not_placed": total - sum(p["total"] for p in periods)}


def counted_in_sql(interval: str, filters: dict) -> tuple[list[tuple], int]:
    """(start, kind, count) rows of the placed positions, and how many match in all."""
    period, counted = _period(interval), fn.COUNT(SQL("*"))
    placed = (_filtered(Position.select(period, Position.kind, counted), **filters)
              .where(Position.said_from.is_null(False) & Position.date_precision.in_(PLACED[interval]))
              .group_by(SQL("1"), Position.kind).order_by(SQL("1")))
    everything = _filtered(Position.select(counted), **filters)
    return cached_rows(f"timeline-{interval}", placed), cached_rows("timeline-total", everything)[0][0]


EPOCH = dt.date(1970, 1, 1).toordinal()


def counted_in_memory(interval: str, filters: dict) -> tuple[list[tuple], int] | None:
    """The same from the facet columns each process keeps (models/facet_columns.py): the matching rows'
    days and kinds, counted by numpy; None while the columns are read afresh (counted in SQL then)."""
    plan = facets.plan_of(filters)

    def compute(version: int):
        columns = facet_columns.current(version)
        if columns is None:
            return None
        rows = facets.matching_rows(columns, plan)
        day, precision = columns.columns["day"][rows], columns.columns["precision"][rows]
        known = [facet_columns.PRECISIONS.index(p) for p in PLACED[interval]]
        placed = (day != facet_columns.ABSENT) & np.isin(precision, known)
        days = (day[placed] - EPOCH).astype("datetime64[D]")
        starts = {"day": days, "week": days - ((day[placed] - 1) % 7).astype("timedelta64[D]"),  # ISO: Monday
                  "month": days.astype("datetime64[M]").astype("datetime64[D]")}[interval]
        kinds, values = columns.columns["kind"][rows][placed], columns.labels["kind"].values
        if not len(kinds):
            return [], len(rows)
        start_days = starts.astype(np.int64)
        first = int(start_days.min())
        # one bin per (period start, kind): a count over a few thousand bins, not a sort of the rows
        tally = np.bincount((start_days - first) * len(values) + kinds)
        found = []
        for at in np.flatnonzero(tally).tolist():
            start, kind = divmod(at, len(values))
            found.append((str(np.datetime64(first + start, "D")), values[kind], int(tally[at])))
        return found, len(rows)

    with database.atomic():  # the version and the columns from one snapshot, as facets' counts
        return facets.cached(("timeline", interval, *facets.plan_key(plan)), compute)


def _every_period(starts: list[str], interval: str) -> list[str]:
    if not starts:
        return []
    first, last = dt.date.fromisoformat(starts[0]), dt.date.fromisoformat(starts[-1])
    days = []
    while first <= last:
        days.append(first.isoformat())
        first = (first + dt.timedelta(days=1 if interval == "day" else 7) if interval != "month"
                 else (first.replace(day=28) + dt.timedelta(days=4)).replace(day=1))
    return days


def label(start: str, interval: str) -> str:
    """2022-01-24 as its day, ISO week (2022-W04) or month (2022-01)."""
    day = dt.date.fromisoformat(start)
    if interval == "week":
        year, week, _ = day.isocalendar()
        return f"{year}-W{week:02d}"
    return start[:7] if interval == "month" else start
