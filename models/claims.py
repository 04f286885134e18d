"""Claims: positions of one party that state the same thing, across articles, grouped under one id.

Several outlets report one statement, or one article restates what another reported: those positions are
one claim. Two positions are linked when they are the same party's, from different articles, dated
within WINDOW_DAYS of each other (said_on when it gives the day, else the article's publication date),
and their folded syllables and syllable pairs overlap enough, each weighted by how rare it is in news text
(`near_duplicates`, models/data/claim_weights.json). A claim is a connected group of linked
positions (single link), so grouping does not depend on the order articles arrive in; its id is the
smallest id of its positions.

How well this finds the pairs a person would group: scripts/evaluate_claims.py on the pairs labelled in
tests/data/claims/pairs.jsonl (docs/claims.md). Grouping is kept current by models/ingest.py: an
article's new positions join (and may merge) the claims they link to; a deleted article's claims are
grouped again from the positions left (up to REGROUP_LIMIT positions). The claim table holds each claim's
counts, refreshed with it.
"""
from __future__ import annotations

import datetime as dt
import functools
import json
import math
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from peewee import JOIN, Case, Value, fn

from .database import database
from .entities import Claim, Position, Source
from .text import fold

WINDOW_DAYS = 7  # a restatement reported a week later is still the same news cycle
MIN_SIMILARITY = 0.20  # weighted share of the two positions' terms that both hold (near_duplicates)
UPDATE_CHUNK = 500  # ids per UPDATE ... WHERE id IN (...)
REGROUP_LIMIT = 100  # positions of a claim grouped again after a delete; larger claims are not split

_WORD = re.compile(r"\w+")
WEIGHTS = Path(__file__).resolve().parent / "data" / "claim_weights.json"  # scripts/build_claim_weights.py


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


class Terms(frozenset):
    """A position's terms (folded syllables and adjacent pairs of them) and their summed weight."""
    weight: float = 0.0


def terms(text: str | None) -> frozenset:
    """The folded syllables of a text (case, diacritics and punctuation aside) and each adjacent pair, as
    "a b": "Nguyên liệu thô," -> {"nguyen", "lieu", "tho", "nguyen lieu", "lieu tho"}. Vietnamese writes a
    word as one to three syllables, so the pairs hold the words and the set phrases ("lằn ranh đỏ")."""
    syllables = _WORD.findall((text or "").translate(_fold_table()).casefold())
    return frozenset([*syllables, *map(" ".join, zip(syllables, syllables[1:]))])


def words(text: str | None) -> Terms:
    """terms(text) with their weight, what near_duplicates compares."""
    found = Terms(terms(text))
    found.weight = sum(map(_weight, found))
    return found


def _weight(term: str) -> float:
    """Inverse sentence frequency in news text: log((N + 1) / (df + 1)), df 1 for a term not in the file."""
    return _weights()[term]


class _Weights(dict):
    """term -> weight, from models/data/claim_weights.json; a term not in the file weighs as one in 1 sentence."""

    def __init__(self, sentences: int, df: dict[str, int]):
        super().__init__((term, math.log((sentences + 1) / (n + 1))) for term, n in df.items())
        self.rarest = math.log((sentences + 1) / 2)

    def __missing__(self, term: str) -> float:
        return self.rarest


@functools.cache
def _weights() -> _Weights:
    data = json.loads(WEIGHTS.read_text(encoding="utf-8"))
    return _Weights(data["sentences"], data["df"])


@functools.cache
def _fold_table() -> dict[int, str | None]:
    """models.text.fold as a translation table over the Latin letters Vietnamese uses, and combining marks
    dropped: the same words, several times faster (grouping folds every candidate's text on each write)."""
    table: dict[int, str | None] = {code: None for code in range(0x300, 0x370)}
    for code in (*range(0xC0, 0x250), *range(0x1E00, 0x1F00)):
        if fold(chr(code)) != chr(code).casefold():
            table[code] = fold(chr(code))
    return table


def near_duplicates(a: frozenset, b: frozenset) -> bool:
    """The same statement in other words: the terms both hold weigh at least MIN_SIMILARITY of all the terms
    of the two (a Jaccard index weighted by rarity: sharing "nguyên liệu thô" or "Crimea" counts, sharing
    "sẽ" or "của" hardly)."""
    shared = a & b
    if not shared:
        return False
    inter = sum(map(_weight, shared))
    union = _total(a) + _total(b) - inter
    return union > 0 and inter / union >= MIN_SIMILARITY


def _total(terms_: frozenset) -> float:
    return terms_.weight if isinstance(terms_, Terms) else sum(map(_weight, terms_))


def linked(a: Appearance, b: Appearance) -> bool:
    return (a.actor == b.actor and a.source != b.source and _close(a.day, b.day)
            and near_duplicates(a.words, b.words))


def _close(a: dt.date | None, b: dt.date | None) -> bool:
    return a is None or b is None or abs((a - b).days) <= WINDOW_DAYS


def group(appearances: Iterable[Appearance]) -> dict[str, str]:
    """Position id -> claim id (the smallest id of its connected group) for these positions."""
    items = sorted(appearances, key=lambda a: a.id)
    groups = _Groups(a.id for a in items)

    by_actor: dict[str, list[Appearance]] = {}
    for a in items:
        by_actor.setdefault(a.actor, []).append(a)
    for same_party in by_actor.values():
        dated = sorted((a for a in same_party if a.day), key=lambda a: a.day)
        undated = [a for a in same_party if not a.day]
        days = [a.day.toordinal() for a in dated]
        for i, a in enumerate(dated):  # dated pairs: only those within the window are compared
            for j in range(i + 1, len(dated)):  # by index: a slice would copy the rest of the list each time
                if days[j] - days[i] > WINDOW_DAYS:
                    break
                b = dated[j]  # the same party, within the window: the rest of linked()
                if (a.source != b.source and groups.root(a.id) != groups.root(b.id)
                        and near_duplicates(a.words, b.words)):
                    groups.union(a.id, b.id)
        for i, a in enumerate(undated):
            for b in [*undated[i + 1:], *dated]:
                if groups.root(a.id) != groups.root(b.id) and linked(a, b):
                    groups.union(a.id, b.id)
    return {a.id: groups.root(a.id) for a in items}


class _Groups:
    """Union-find over position ids: each group's root is its smallest id, the claim's id."""

    def __init__(self, ids):
        self.parent = {i: i for i in ids}

    def add(self, x: str) -> None:
        self.parent.setdefault(x, x)

    def root(self, x: str) -> str:
        parent = self.parent
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def union(self, a: str, b: str) -> None:
        ra, rb = self.root(a), self.root(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


# the database -----------------------------------------------------------------------------------------------

# the day a position was said when the article gives it, else the article's date (a month is too coarse
# for a window of days)
_DAY = Case(None, [(Position.date_precision == "day", Position.said_from)], Source.published)


def _appearances(query) -> list[Appearance]:
    rows = (query.select(Position.id, Position.source, Position.actor, _DAY, Position.text)
            .join(Source, JOIN.INNER, on=(Position.source == Source.id)).tuples())
    return [Appearance.of(*row) for row in rows]


def regroup_sources(source_ids: Iterable[str]) -> None:
    """Group the positions of these (newly stored) articles, inside the write's transaction: each joins the
    claims it links to, and claims it bridges merge under the smallest id. Adding positions only joins
    groups, so the claims already there need not be read: only the new rows and the merged claims' ids
    are written, whatever the claims' size."""
    new = _appearances(Position.select().where(Position.source.in_(list(source_ids))))
    if not new:
        return
    candidates = _appearances(_candidates(new))
    claim_of = dict(Position.select(Position.id, Position.claim_id)
                    .where(Position.id.in_([b.id for b in candidates])).tuples()) if candidates else {}
    groups = _Groups(a.id for a in new)

    for pid, claim in group(new).items():  # new positions of different articles (a bulk store) link too
        groups.union(pid, claim)
    for b in candidates:
        claim = claim_of.get(b.id) or b.id
        for a in new:
            if linked(a, b):
                groups.add(claim)
                groups.union(a.id, claim)
    new_ids = {a.id for a in new}
    assigned = {pid: groups.root(pid) for pid in new_ids}
    merged = {node: groups.root(node) for node in groups.parent
              if node not in new_ids and node != groups.root(node)}
    _assign(assigned, {})
    for old, target in merged.items():  # a bridged claim takes the id of the claim it joins
        Position.update(claim_id=target).where(Position.claim_id == old).execute()
    existing: dict[str, list[str]] = {}  # claim id -> the claims already there that it now holds
    for node in groups.parent:
        if node not in new_ids:
            existing.setdefault(groups.root(node), []).append(node)
    targets = set(assigned.values())
    recount = sorted(t for t in targets if len(existing.get(t, [])) > 1)  # merged claims: counted again
    for chunk in _chunks(recount):
        Claim.delete().where(Claim.id.in_(chunk + [c for t in chunk for c in existing[t]])).execute()
        _refresh_stats(chunk)
    _add_to_stats({t: (existing.get(t) or [None])[0] for t in targets if len(existing.get(t, [])) <= 1},
                  source_ids)


def _add_to_stats(targets: dict[str, str | None], source_ids: Iterable[str]) -> None:
    """The counts of claims that gained the new articles' positions, from their counts before (the claim
    row `targets` maps each to, or none) and the new rows alone: a claim of 15,000 positions is not re-read."""
    if not targets:
        return
    before = {c.id: c for c in Claim.select().where(Claim.id.in_([b for b in targets.values() if b]))}
    added = (Position.select(Position.claim_id, Position.actor, Position.source, Source.outlet,
                             fn.COALESCE(Position.said_from, Source.published))
             .join(Source, on=(Position.source == Source.id))
             .where(Position.source.in_(list(source_ids)) & Position.claim_id.in_(list(targets))).tuples())
    claims: dict[str, dict] = {}
    for claim_id, actor, source, outlet, seen in added:
        if claim_id not in claims:
            old = before.get(targets[claim_id])
            claims[claim_id] = {"id": claim_id, "actor": actor, "appearance_count": old.appearance_count if old else 0,
                                "source_count": old.source_count if old else 0,
                                "outlet_count": old.outlet_count if old else 0,
                                "outlets": list(old.outlets) if old else [],
                                "first_seen": old.first_seen if old else None,
                                "last_seen": old.last_seen if old else None, "sources": set()}
        claim = claims[claim_id]
        claim["appearance_count"] += 1
        if source not in claim["sources"]:  # a new article: new to the claim too
            claim["sources"].add(source)
            claim["source_count"] += 1
            if outlet is None or outlet not in claim["outlets"]:
                claim["outlet_count"] += 1
                claim["outlets"] += [outlet] if outlet is not None else []
        seen = _as_date(seen)
        claim["first_seen"] = _earliest(_as_date(claim["first_seen"]), seen, min)
        claim["last_seen"] = _earliest(_as_date(claim["last_seen"]), seen, max)
    Claim.delete().where(Claim.id.in_([*claims, *(b for b in targets.values() if b)])).execute()
    rows = [{k: v for k, v in claim.items() if k != "sources"} for claim in claims.values()]
    for i in range(0, len(rows), UPDATE_CHUNK // 5):
        Claim.insert_many(rows[i:i + UPDATE_CHUNK // 5]).execute()


def regroup_claims(claim_ids: Iterable[str]) -> None:
    """After a delete: the positions left in these claims, grouped again (a claim may split, or go). A claim
    of more than REGROUP_LIMIT positions is not split (reading it all would hold the write for seconds): it
    keeps its positions, under the smallest id left."""
    claim_ids = [c for c in set(claim_ids) if c]
    if not claim_ids:
        return
    sizes = dict(Position.select(Position.claim_id, fn.COUNT(Position.id)).where(Position.claim_id.in_(claim_ids))
                 .group_by(Position.claim_id).tuples())
    small = [c for c in claim_ids if sizes.get(c, 0) <= REGROUP_LIMIT]
    if small:
        _store(group(_appearances(Position.select().where(Position.claim_id.in_(small)))), also=small)
    for claim in (c for c in claim_ids if sizes.get(c, 0) > REGROUP_LIMIT):
        smallest = Position.select(fn.MIN(Position.id)).where(Position.claim_id == claim).scalar()
        if smallest != claim:  # the claim's own position went: the smallest left names it
            Position.update(claim_id=smallest).where(Position.claim_id == claim).execute()
        Claim.delete().where(Claim.id.in_([claim, smallest])).execute()
        _refresh_stats([smallest])


def regroup_all() -> None:
    """Group every position from scratch (a migration, or a corpus written in bulk)."""
    claims = group(_appearances(Position.select()))
    _assign(claims, dict(Position.select(Position.id, Position.claim_id).tuples()))
    Claim.delete().execute()
    _refresh_stats(None)


def _candidates(new: list[Appearance]):
    """Positions of the same parties, in other articles, within the window of a new one (or undated).

    The window is spelled for indexes: a position dated to the day by said_from (position_actor_newest),
    any other by its article's publication date (source_published), not by the CASE of _DAY, which would
    join every position of the party to its article first (~200 ms for Russia at 100,000 positions)."""
    sources = list({a.source for a in new})
    query = Position.select().where(Position.actor.in_(list({a.actor for a in new})) & Position.source.not_in(sources))
    if all(a.day for a in new):
        ranges: list[list[dt.date]] = []  # the new positions' windows, overlapping ones merged
        for day in sorted({a.day for a in new}):
            low, high = day - dt.timedelta(days=WINDOW_DAYS), day + dt.timedelta(days=WINDOW_DAYS)
            if ranges and low <= ranges[-1][1]:
                ranges[-1][1] = high
            else:
                ranges.append([low, high])
        published = Source.published.is_null()
        said = Position.said_from.is_null() & (Position.date_precision == "day")  # none: the CASE gives NULL
        for low, high in ranges:
            published |= Source.published.between(low, high)
            said |= Position.said_from.between(low, high)
        by_article = Position.source.in_(Source.select(Source.id).where(published))
        query = query.where(((Position.date_precision == "day") & said)
                            | ((Position.date_precision != "day") & by_article))
    return query


def _store(claims: dict[str, str], also: Iterable[str] = ()) -> None:
    """Record these positions' claims, and the counts of every claim that gained or lost positions."""
    current = dict(Position.select(Position.id, Position.claim_id).where(Position.id.in_(list(claims))).tuples()) \
        if claims else {}
    _assign(claims, current)
    touched = {*claims.values(), *(c for c in current.values() if c), *also}
    for chunk in _chunks(sorted(touched)):
        Claim.delete().where(Claim.id.in_(chunk)).execute()
        _refresh_stats(chunk)


def _assign(claims: dict[str, str], current: dict[str, str | None]) -> None:
    by_claim: dict[str, list[str]] = {}
    for pid, claim in claims.items():
        if current.get(pid) != claim:
            by_claim.setdefault(claim, []).append(pid)
    alone = [pid for pid, ids in by_claim.items() if ids == [pid]]  # the common case: one UPDATE per chunk
    for chunk in _chunks(alone):
        Position.update(claim_id=Position.id).where(Position.id.in_(chunk)).execute()
    for claim, ids in by_claim.items():
        if ids != [claim]:
            for chunk in _chunks(ids):
                Position.update(claim_id=claim).where(Position.id.in_(chunk)).execute()


def _refresh_stats(claim_ids: list[str] | None) -> None:
    """claim rows computed from their positions (all claims when claim_ids is None), in one pass: counts
    per claim and outlet, summed per claim here (an article without an outlet counts as one of its own)."""
    seen = fn.COALESCE(Position.said_from, Source.published)
    first = fn.MIN(seen)
    query = (Position.select(Position.claim_id, Source.outlet, fn.MIN(Position.actor), fn.COUNT(Position.id),
                             fn.COUNT(Position.source.distinct()), first, fn.MAX(seen))
             .join(Source, on=(Position.source == Source.id)).where(Position.claim_id.is_null(False))
             .group_by(Position.claim_id, Source.outlet)
             .order_by(Position.claim_id, first.asc(nulls="LAST"), Source.outlet))
    if claim_ids is not None:
        query = query.where(Position.claim_id.in_(claim_ids))
    claims: dict[str, dict] = {}
    for claim_id, outlet, actor, count, sources, first_seen, last_seen in query.tuples():
        claim = claims.setdefault(claim_id, {"id": claim_id, "actor": actor, "appearance_count": 0, "source_count": 0,
                                             "outlet_count": 0, "outlets": [], "first_seen": None, "last_seen": None})
        claim["appearance_count"] += count
        claim["source_count"] += sources
        claim["outlet_count"] += 1 if outlet is not None else sources
        if outlet is not None:
            claim["outlets"].append(outlet)
        claim["first_seen"] = _earliest(claim["first_seen"], first_seen, min)
        claim["last_seen"] = _earliest(claim["last_seen"], last_seen, max)
    rows = list(claims.values())
    for i in range(0, len(rows), UPDATE_CHUNK // 5):  # 8 columns a row: under SQLite's bound parameters
        Claim.insert_many(rows[i:i + UPDATE_CHUNK // 5]).execute()


def _earliest(a, b, pick):
    """min or max of two dates, either missing (SQLite gives dates as text: the same order)."""
    return b if a is None else a if b is None else pick(a, b)


def _chunks(items: list) -> Iterable[list]:
    for i in range(0, len(items), UPDATE_CHUNK):
        yield items[i:i + UPDATE_CHUNK]


def _as_date(value) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value)[:10])


__all__ = ["Appearance", "group", "linked", "near_duplicates", "regroup_all", "regroup_claims", "regroup_sources",
           "terms", "words", "database"]
