"""Claims: positions of one party that state the same thing, across articles, grouped under one id.

Several outlets report one statement, or one article restates what another reported: those positions are
one claim. Two positions are linked when they are the same party's, from different articles, dated
within WINDOW_DAYS of each other (said_on when it gives the day, else the article's publication date),
and their folded words
overlap enough (`near_duplicates`). A claim is a connected group of linked positions (single link), so
grouping does not depend on the order articles arrive in; its id is the smallest id of its positions.

How well this finds the pairs a person would group: scripts/evaluate_claims.py on the pairs labelled in
tests/data/claims/pairs.jsonl (docs/claims.md). Grouping is kept current by models/ingest.py: an
article's new positions join (and may merge) the claims they link to; a deleted article's claims are
grouped again from the positions left.
"""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass

from peewee import JOIN, Case

from .database import database
from .entities import Position, Source
from .text import fold

WINDOW_DAYS = 7  # a restatement reported a week later is still the same news cycle
MIN_JACCARD = 0.35  # shared words / all words of the two
MIN_CONTAINMENT = 0.7  # shared words / words of the shorter (one clause reported inside a longer one)
MIN_CONTAINED_WORDS = 8  # ... when the shorter has at least this many words (short clauses match by chance)
UPDATE_CHUNK = 500  # ids per UPDATE ... WHERE id IN (...)

_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Appearance:
    """What grouping reads of a position."""
    id: str
    source: str
    actor: str
    day: dt.date | None
    words: frozenset

    @classmethod
    def of(cls, id, source, actor, day, text) -> "Appearance":
        return cls(id, source, actor, _as_date(day), words(text))


def words(text: str | None) -> frozenset:
    """The folded words of a text: case, diacritics and punctuation aside ("Đài Loan," -> {"dai", "loan"})."""
    return frozenset(_WORD.findall(fold(text)))


def near_duplicates(a: frozenset, b: frozenset) -> bool:
    """The same statement in other words: most words shared, or the shorter one held in the longer."""
    if not a or not b:
        return False
    shared = len(a & b)
    if shared / len(a | b) >= MIN_JACCARD:
        return True
    shorter = min(len(a), len(b))
    return shorter >= MIN_CONTAINED_WORDS and shared / shorter >= MIN_CONTAINMENT


def linked(a: Appearance, b: Appearance) -> bool:
    return (a.actor == b.actor and a.source != b.source and _close(a.day, b.day)
            and near_duplicates(a.words, b.words))


def _close(a: dt.date | None, b: dt.date | None) -> bool:
    return a is None or b is None or abs((a - b).days) <= WINDOW_DAYS


def group(appearances: Iterable[Appearance]) -> dict[str, str]:
    """Position id -> claim id (the smallest id of its connected group) for these positions."""
    items = sorted(appearances, key=lambda a: a.id)
    parent = {a.id: a.id for a in items}

    def root(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    by_actor: dict[str, list[Appearance]] = {}
    for a in items:
        by_actor.setdefault(a.actor, []).append(a)
    for same_party in by_actor.values():
        dated = sorted((a for a in same_party if a.day), key=lambda a: a.day)
        undated = [a for a in same_party if not a.day]
        for i, a in enumerate(dated):  # dated pairs: only those within the window are compared
            for b in dated[i + 1:]:
                if (b.day - a.day).days > WINDOW_DAYS:
                    break
                if linked(a, b):
                    _union(parent, root, a.id, b.id)
        for i, a in enumerate(undated):
            for b in [*undated[i + 1:], *dated]:
                if linked(a, b):
                    _union(parent, root, a.id, b.id)
    return {a.id: root(a.id) for a in items}


def _union(parent: dict, root, a: str, b: str) -> None:
    ra, rb = root(a), root(b)
    if ra != rb:
        parent[max(ra, rb)] = min(ra, rb)  # the root stays the smallest id: the claim's id


# the database -----------------------------------------------------------------------------------------------

# the day a position was said when the article gives it, else the article's date (a month is too coarse
# for a window of days)
_DAY = Case(None, [(Position.date_precision == "day", Position.said_from)], Source.published)


def _appearances(query) -> list[Appearance]:
    rows = (query.select(Position.id, Position.source, Position.actor, _DAY, Position.text)
            .join(Source, JOIN.INNER, on=(Position.source == Source.id)).tuples())
    return [Appearance.of(*row) for row in rows]


def regroup_sources(source_ids: Iterable[str]) -> None:
    """Group the positions of these (newly stored) articles with what they link to; call inside the
    write's transaction. The claims they join are grouped again as a whole, so claims they bridge merge."""
    new = _appearances(Position.select().where(Position.source.in_(list(source_ids))))
    if not new:
        return
    neighbours = _appearances(_candidates(new))
    claims = {a.id for a in neighbours}
    members = _appearances(Position.select().where(Position.claim_id.in_(
        Position.select(Position.claim_id).where(Position.id.in_(list(claims)))))) if claims else []
    _store(group({a.id: a for a in [*new, *neighbours, *members]}.values()))


def regroup_claims(claim_ids: Iterable[str]) -> None:
    """Group again the positions left in these claims (after a delete: a claim may split)."""
    claim_ids = [c for c in set(claim_ids) if c]
    if claim_ids:
        _store(group(_appearances(Position.select().where(Position.claim_id.in_(claim_ids)))))


def regroup_all() -> None:
    """Group every position from scratch (a migration, or a corpus written in bulk)."""
    _store(group(_appearances(Position.select())))


def _candidates(new: list[Appearance]):
    """Positions of the same parties, in other articles, within the window of a new one (or undated)."""
    days = [a.day for a in new if a.day]
    sources = list({a.source for a in new})
    query = Position.select().where(Position.actor.in_(list({a.actor for a in new})) & Position.source.not_in(sources))
    if days and all(a.day for a in new):
        low, high = min(days) - dt.timedelta(days=WINDOW_DAYS), max(days) + dt.timedelta(days=WINDOW_DAYS)
        query = query.where(_DAY.is_null() | _DAY.between(low, high))
    return query


def _store(claims: dict[str, str]) -> None:
    by_claim: dict[str, list[str]] = {}
    for pid, claim in claims.items():
        by_claim.setdefault(claim, []).append(pid)
    current = dict(Position.select(Position.id, Position.claim_id).where(Position.id.in_(list(claims))).tuples()) \
        if len(claims) <= 10_000 else dict(Position.select(Position.id, Position.claim_id).tuples())
    for claim, ids in by_claim.items():
        changed = [pid for pid in ids if current.get(pid) != claim]
        for i in range(0, len(changed), UPDATE_CHUNK):
            Position.update(claim_id=claim).where(Position.id.in_(changed[i:i + UPDATE_CHUNK])).execute()


def _as_date(value) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value)[:10])


__all__ = ["Appearance", "group", "linked", "near_duplicates", "regroup_all", "regroup_claims", "regroup_sources",
           "words", "database"]
