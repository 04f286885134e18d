"""The two URL mixes of list queries (issue 11): many filter combinations, so no cache of a few answers
carries the run.

* narrow, 108 URLs: `/positions?actor=A[&kind=K][&since=D]`: 6 actors x (no kind or one of 5) x (no since or
  one of 2), pages of 20;
* wide, 2,700 URLs: the same x (no until or one of 4) x per_page 5, 10, 20, 50, 100.

Every until is after every since, so no URL is refused. The same filters in Datasette's table API (codes for
actors, `said_from__gte`/`__lte`, newest first, its count, `_labels=on`) make its mix.
"""
from __future__ import annotations

import itertools
import sqlite3
from pathlib import Path
from urllib.parse import parse_qsl

KINDS = ("statement", "demand", "rebuttal", "proposal", "warning")
SINCE = ("2018-06-01", "2020-01-01")
UNTIL = ("2021-01-01", "2022-06-30", "2023-12-31", "2025-06-30")
PER_PAGE = (5, 10, 20, 50, 100)


def top_actors(db_path: Path, n: int = 6) -> list[str]:
    """The n actors with most positions in the corpus."""
    with sqlite3.connect(f"file:{db_path}?mode=ro", uri=True) as connection:
        rows = connection.execute("SELECT actor_id FROM position GROUP BY actor_id ORDER BY count(*) DESC, actor_id "
                                  "LIMIT ?", (n,)).fetchall()
    return [code for (code,) in rows]


def narrow(actors: list[str]) -> list[str]:
    urls = []
    for actor, kind, since in itertools.product(actors, (None, *KINDS), (None, *SINCE)):
        url = f"/positions?actor={actor}"
        url += f"&kind={kind}" if kind else ""
        url += f"&since={since}" if since else ""
        urls.append(url)
    return urls


def wide(actors: list[str]) -> list[str]:
    return [url + (f"&until={until}" if until else "") + f"&per_page={per_page}"
            for url, until, per_page in itertools.product(narrow(actors), (None, *UNTIL), PER_PAGE)]


def datasette(api_url: str, table_path: str) -> str:
    """The same filter, order, page size and count in Datasette's table API (`/db/position.json`)."""
    params = dict(parse_qsl(api_url.split("?", 1)[1]))
    query = [f"actor_id={params['actor']}"]
    query += [f"kind={params['kind']}"] if "kind" in params else []
    query += [f"said_from__gte={params['since']}"] if "since" in params else []
    query += [f"said_from__lte={params['until']}"] if "until" in params else []
    query += ["_sort_desc=said_from", f"_size={params.get('per_page', 20)}", "_labels=on"]
    return f"{table_path}?{'&'.join(query)}"
