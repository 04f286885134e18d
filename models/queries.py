"""Queries the API sends, named for what they return. Each list query is one SELECT with its joins."""
from __future__ import annotations

import threading
from collections import OrderedDict

from peewee import JOIN, OP, SQL, Case, Column, Expression, ModelSelect, Select, Table, Value, fn

from .database import database, is_sqlite
from .entities import Actor, Claim, Person, Position, PositionTarget, PositionTopic, Source, Topic
from .migrations import SEARCH_TABLE
from .text import fold, query_words

# FTS5's trigram index finds a word of at least this many characters; shorter ones are matched on the row
TRIGRAM = 3
# a q= search this large, in rows and in share of all positions, is paged in list order (MatchingPositions):
# walking position_newest then meets a match every few rows
LARGE_SEARCH = 2000
LARGE_SHARE = 0.1
BEST_TIER_READ_AHEAD = 5  # newest matches read per row of the page looked for in the best tier
MAX_BEST_TIER_PAGE = 2000  # rows up to the page's end; deeper pages rank every match


NEWEST_FIRST = (Position.said_from.desc(nulls="LAST"), Position.id)
INGESTED_FIRST = (Position.ingest_seq, Position.id)  # the ingestion cursor's order (index position_ingested)
LATEST_FIRST = (Position.ingest_seq.desc(), Position.id.desc())  # feeds: the last ingested first
START = (-1, "")  # a cursor before every row
DATA_VERSION = Table("data_version", ("version",))  # moved on by every write (models/migrations.py)
CURRENT_VERSION = 'SELECT "version" FROM "data_version"'
MAX_CACHED_COUNTS = 1024
_counts: OrderedDict = OrderedDict()  # (database, sql, params) -> (data version, count)
_counts_lock = threading.Lock()
MAX_CACHED_STATEMENTS = 4096  # compiled list SELECTs, one per filters: the wide benchmark mix has 540 (~1 KB each)
_statements: OrderedDict = OrderedDict()  # (database, filters) -> (SELECT of ids without order, params, ORDER BY)
COUNT_WITH_VERSION = 'SELECT "version", (SELECT COUNT(1) FROM ({}) AS "_counted") FROM "data_version"'
SOURCE_REFERENCE = (Source.id, Source.name, Source.outlet, Source.title, Source.url, Source.published)


def positions(*, rank=False, latest=False, **filters):
    """Positions matching every filter given, newest said first (undated last), then by id; with q and
    rank, best match first (_relevance), then newest; with `after` (a cursor, see ingested_after), in
    ingestion order; with latest, the last ingested first."""
    # the source's reference fields only: its full text would be read for every row of a list
    query = (Position.select(Position, Actor, *SOURCE_REFERENCE, Person)
             .join(Actor, on=(Position.actor == Actor.code)).switch(Position)
             .join(Source, on=(Position.source == Source.id)).switch(Position)
             .join(Person, JOIN.LEFT_OUTER, on=(Position.speaker == Person.id)))
    return _filtered(query, **filters).order_by(*_order(filters, rank, latest))


def matching_positions(*, rank=False, latest=False, **filters):
    """The ids of positions(**filters), in the same order, from the position table alone: counting
    it and paging through it read only the newest-first indexes (docs/benchmarks.md)."""
    query = _filtered(MatchingPositions(Position, [Position.id]), **filters)
    query = query.order_by(*_order(filters, rank, latest))
    query.filters, query.rank, query.latest = filters, rank, latest
    return query


class MatchingPositions(ModelSelect):
    """matching_positions(): pages of a search that matches many rows are read in list order instead of
    sorting every match (a word in half the corpus: ~150 ms sorted, a few ms read in order).

    count() records the total. From LARGE_SEARCH matches and LARGE_SHARE of all rows on (rarer words are
    sorted quickly, and a walk would pass many rows for each match), a page sorted newest first walks
    position_newest and stops at the page. A page ranked by relevance comes from the best tier (every
    sort key of _relevance at its best), whose rows all rank alike, so newest first among them: when the
    newest matches (read in list order, a bounded number) hold enough of that tier for the page, those
    are the page; otherwise every match is ranked as for a small search. The same rows in the same
    order either way (tests/test_search.py)."""

    filters: dict = {}
    rank = False
    latest = False
    total: int | None = None

    def paginate(self, page, paginate_by=20):
        words = fold(self.filters.get("q")).split() if self.filters.get("q") else []
        need = page * paginate_by
        if (not words or self.filters.get("after") is not None or self.latest
                or self.total is None or self.total < LARGE_SEARCH or need > MAX_BEST_TIER_PAGE
                or self.total < LARGE_SHARE * count(Position.select(Position.id))):
            return super().paginate(page, paginate_by)
        in_list_order = (_filtered(Position.select(Position.id), walk_newest=True, **self.filters)
                         .order_by(*NEWEST_FIRST))
        if not self.rank:
            return in_list_order.paginate(page, paginate_by)
        parts = _best_tier_parts(*query_words(self.filters["q"]))
        newest = (in_list_order.select(Position.id, Position.ranking_words)
                  .limit(need * BEST_TIER_READ_AHEAD).tuples())
        best = [pid for pid, ranked in newest if all(part in ranked for part in parts)][:need]
        if len(best) < need:
            return super().paginate(page, paginate_by)
        ids = Position.select(Position.id).where(Position.id.in_(best[need - paginate_by:]))
        return ids.order_by(*NEWEST_FIRST)  # the best tier ranks alike: newest first is its ranked order


def with_relations(page) -> list:
    """The positions a page of matching_positions() selects, with actor, source and speaker, in its order."""
    return list(positions().where(Position.id.in_(page)).order_by(*page._order_by))


def export_chunks(size: int, *, rank=False, latest=False, **filters):
    """Every row of positions(rank=rank, latest=latest, **filters), in its order, as lists of at most
    `size`: each list read by one query that starts where the last one ended, so an export of N rows reads
    O(N) rows (OFFSET paging read O(N^2)). Newest first walks the list order by keyset (said_from, id); a
    ranked search, ingestion order (after=) and last ingested first (latest) first read their ordered ids
    alone (16 bytes a row), then the rows by id, `size` at a time."""
    if (rank and search_words(filters.get("q"))) or latest or filters.get("after") is not None:
        ids = [i for (i,) in matching_positions(rank=rank, latest=latest, **filters).tuples()]
        for start in range(0, len(ids), size):
            wanted = ids[start:start + size]
            found = {p.id: p for p in positions().where(Position.id.in_(wanted))}
            yield [found[i] for i in wanted if i in found]
        return
    after: list = []  # conditions for "after the last row read"; none: from the start
    dated = None  # None at the start, True while walking dated rows, False for the undated ones after them
    while True:
        query = positions(**filters)
        chunk = list((query.where(*after) if after else query).limit(size))
        if chunk:
            yield chunk
        if len(chunk) == size:
            last = chunk[-1]
            dated = last.said_from is not None
            after = ([Position.said_from <= last.said_from,
                      (Position.said_from < last.said_from) | (Position.id > last.id)] if dated
                     else [Position.said_from.is_null(), Position.id > last.id])
        elif dated:  # the dated rows are done (the condition left out NULLs): the undated ones follow
            dated, after = False, [Position.said_from.is_null()]
        else:
            return


def search_words(q: str | None) -> list[str]:
    """The folded words of a q= search."""
    return fold(q).split() if q else []


def _filtered(query, *, actors=(), kinds=(), topics=(), targets=(), speaker=None, source=None, since=None,
              until=None, has_quote=None, q=None, after=None, walk_newest=False):
    if after is not None:
        query = query.where(*ingested_after(after))
    if actors:
        query = query.where(Position.actor.in_(list(actors)))
    if kinds:
        query = query.where(Position.kind.in_(list(kinds)))
    if topics:
        query = query.where(Position.id.in_(
            PositionTopic.select(PositionTopic.position).where(PositionTopic.topic.in_(list(topics)))))
    if targets:
        query = query.where(Position.id.in_(
            PositionTarget.select(PositionTarget.position).where(PositionTarget.actor.in_(list(targets)))))
    if speaker:
        query = query.where(Position.speaker.in_(
            Person.select(Person.id).where(fn.LOWER(Person.name).contains(speaker.lower()))))
    if source:
        query = query.where(Position.source == source)
    if since and since.day == 1:
        # the same rows: a month-dated position's said_from is the month's first day. Without the precision
        # check the newest-first indexes alone answer, no table row read (counts ~2.5x faster a row)
        query = query.where(Position.said_from >= since)
    elif since:
        # a position dated only by month counts as said in that month: since=2022-01-15 keeps "2022-01"
        query = query.where((Position.said_from >= since.replace(day=1)) & (
            (Position.said_from >= since) | (Position.date_precision == "month")))
    if until:
        query = query.where(Position.said_from <= until)
    if has_quote is not None:
        query = query.where(Position.quote.is_null(not has_quote))
    words = fold(q).split() if q else []
    if words:
        query = query.where(*_search(words, walk_newest=walk_newest))
    return query


def ingested_after(cursor: tuple[int, str]) -> list:
    """Conditions for rows ingested after `cursor` (ingest_seq, id), committed for good.

    PostgreSQL numbers a transaction's rows with its id, and transactions commit in any order: only rows of
    transactions older than every one still running are served (the snapshot's xmin), so a row that
    commits later always sorts after every cursor already handed out. SQLite has one writer at a time: every
    committed row is final (models/ingest.py: ingest_sequence)."""
    seq, pid = cursor
    conditions = [(Position.ingest_seq > seq) | ((Position.ingest_seq == seq) & (Position.id > pid))]
    if not is_sqlite():
        conditions.append(Position.ingest_seq < SQL("pg_snapshot_xmin(pg_current_snapshot())::text::bigint"))
    return conditions


def ingest_cursor(position_id: str) -> tuple[int, str] | None:
    """The cursor just after one position."""
    row = Position.select(Position.ingest_seq).where(Position.id == position_id).tuples().first()
    return (row[0], position_id) if row else None


def _search(words: list[str], *, walk_newest: bool = False) -> list:
    """Every folded word of q occurs in search_text, anywhere (a substring: "phan" finds "phán" and
    "phản"), on both engines, read from a trigram index: FTS5 on SQLite, pg_trgm on PostgreSQL
    (models/migrations.py). The same rows on both: each is exactly `word in position.search_text`."""
    if not is_sqlite():
        return [_contains(Position.search_text, word) for word in words]  # the pg_trgm index serves LIKE
    indexed = [w for w in words if len(w) >= TRIGRAM]
    conditions = [_contains(Position.search_text, w) for w in words if len(w) < TRIGRAM]
    if indexed:
        phrases = _fts_phrases(indexed)
        # `rowid + 0`: not a column SQLite can look rows up by, so it walks an index in list order and checks
        # each row against the matches, instead of fetching every match and sorting them
        rowid = Column(Position, "rowid") + 0 if walk_newest else Column(Position, "rowid")
        conditions.append(rowid.in_(
            SQL(f'(SELECT rowid FROM "{SEARCH_TABLE}" WHERE "{SEARCH_TABLE}" MATCH ?)', [phrases])))
    return conditions


def _fts_phrases(words: list[str]) -> str:
    """An FTS5 query matching rows that hold every word: each a quoted string, taken literally."""
    return " AND ".join('"' + w.replace('"', '""') + '"' for w in words)


def _order(filters: dict, rank: bool, latest: bool = False) -> tuple:
    if filters.get("after") is not None:
        return INGESTED_FIRST
    if latest:
        return LATEST_FIRST
    q = filters.get("q")
    return (*_relevance(q), *NEWEST_FIRST) if rank and q and fold(q).split() else NEWEST_FIRST


def _relevance(q: str) -> list:
    """Sort keys for a search, best first: the whole phrase as typed, then folded; then how many adjacent
    pairs of its words occur as phrases (the syllables of one Vietnamese word: "bac bo" is "bác bỏ", not
    "Bắc ... công bố"); then how many words occur whole as typed (diacritics included), then whole folded.
    Each key tests position.ranking_words, where every word stands between spaces."""
    return [sum((_has(part) for part in parts), Value(0)).desc() for parts in _rank_keys(*query_words(q))]


def _rank_keys(typed: list[str], folded: list[str]) -> list[list[str]]:
    """The parts each sort key counts, as " word " / " two words " strings; keys that cannot tell rows
    apart (every match has them alike) are left out."""
    keys = []
    accented = typed != folded  # typed with diacritics: the exact spelling ranks above its folded twins
    if accented and len(typed) > 1:
        keys.append([f" {' '.join(typed)} "])
    if len(folded) > 1:
        keys.append([f" {' '.join(folded)} "])
    if len(folded) > 2:
        keys.append([f" {a} {b} " for a, b in zip(folded, folded[1:])])
    if accented:
        keys.append([f" {word} " for word in typed])
    if folded:
        keys.append([f" {word} " for word in folded])
    return keys


def _best_tier_parts(typed: list[str], folded: list[str]) -> list[str]:
    """What a row holds to have every sort key at its best: such rows rank alike (MatchingPositions)."""
    return [part for parts in _rank_keys(typed, folded) for part in parts]


def _has(part: str):
    # a plain substring test (both sides are lower case already): instr/strpos cost a fraction of LIKE's
    # pattern match, which counts here, where every match is tested several times before it is sorted
    found = fn.instr(Position.ranking_words, part) if is_sqlite() else fn.strpos(Position.ranking_words, part)
    return Case(None, [(found > 0, 1)], 0)


def _contains(text, part: str):
    """`part` occurs in `text`, LIKE's wildcards in it taken literally. search_text and the words are
    folded to lower case already, so a case-sensitive LIKE is exact; on PostgreSQL it is several times
    cheaper than ILIKE (SQLite's LIKE, and peewee's contains() there, ignore ASCII case)."""
    if is_sqlite():
        return text.contains(part)
    escaped = part.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")  # backslash: LIKE's escape
    return Expression(text, OP.LIKE, f"%{escaped}%")


_request = threading.local()


def data_version() -> int:
    """The data version: moved on by every committed write to the positions and their sources (and to the
    actors and people they name); within pinned_version(), the one read at the start of the request."""
    pinned = getattr(_request, "version", None)
    if pinned is not None:
        return pinned
    return database.execute_sql(CURRENT_VERSION).fetchone()[0]


class pinned_version:
    """Within the block, this thread's data_version() is `version`, read at the start of the request
    (api/response_cache.py): a request reads it once. Reading it earlier than the statements that follow is
    what reading it again would be, a moment sooner: totals and pages stay those of that version or a newer."""

    def __init__(self, version: int):
        self.version = version

    def __enter__(self):
        self.outer = getattr(_request, "version", None)
        _request.version = self.version

    def __exit__(self, *exc):
        _request.version = self.outer


def count(query, key=None) -> int:
    """How many rows `query` selects (limit and order aside), counted again only after a write.

    The data version is read first: when it is the one this process counted under, the cached total is
    served. Otherwise one statement reads the version and the count from one snapshot, so each total is
    cached under the version it was counted at, and no worker or server serves a total that a committed
    write has changed. `query` may be a function that builds it and `key` what determines its SQL (the
    filters): then a cached total costs neither building nor compiling the query (~1 ms of a list page)."""
    keyed = key is not None
    if not keyed:
        query = _built(query)
        sql, params = query.sql()
        key = (sql, tuple(params))
    full = (database.obj, key)
    with _counts_lock:
        cached_version, cached_total = _counts.get(full, (None, None))
    if cached_version is not None and data_version() == cached_version:
        if not callable(query):
            query.total = cached_total  # the common case, without compiling the counting statement (~0.3 ms)
        return cached_total
    if keyed:  # written from the statement the pages use: one compilation per filters
        sql, params, _ = _compiled_ids(query, key)
        row = database.execute_sql(COUNT_WITH_VERSION.format(sql), params).fetchone()
    else:
        row = database.execute(DATA_VERSION.select(DATA_VERSION.version, _count_of(query))).fetchone()
        query.total = row[1]  # MatchingPositions pages by it
    with _counts_lock:
        _counts[full] = row
        _counts.move_to_end(full)
        while len(_counts) > MAX_CACHED_COUNTS:
            _counts.popitem(last=False)
    return row[1]


def page_ids(query, page: int, per_page: int, key=None) -> list[str]:
    """The ids of one page of a matching_positions() query (or of the function that builds it). With `key`
    (what determines the SQL: the filters), from the statement compiled once for those filters (_compiled_ids),
    LIMIT and OFFSET its last parameters, as peewee writes them."""
    if key is None:
        return [i for (i,) in _built(query).paginate(page, per_page).tuples()]
    sql, params, order = _compiled_ids(query, key)
    statement = f"{sql}{order} LIMIT {database.param} OFFSET {database.param}"
    return [i for (i,) in database.execute_sql(statement, (*params, per_page, (page - 1) * per_page)).fetchall()]


def _compiled_ids(query, key) -> tuple[str, tuple, str]:
    """A matching_positions() query (or the function that builds it) compiled once per `key` (its filters): its
    SELECT of ids without order, the parameters, and its ORDER BY clause. The total and every page of those
    filters are written from them: compiling (~0.3 ms a statement) was most of what a list page cost the first
    time its filters were asked for, and the wide benchmark mix asks for 540 filters at 5 page sizes."""
    full = (database.obj, key)
    with _counts_lock:
        found = _statements.get(full)
        if found is not None:
            _statements.move_to_end(full)
            return found
    query = _built(query)
    sql, params = query.order_by().sql()
    # the order as peewee writes it after a SELECT of position ids (the table is "t1" there, as in `sql`)
    ordered = Position.select(Position.id).order_by(*query._order_by).sql()[0]
    found = (sql, tuple(params), ordered[ordered.index(" ORDER BY "):])
    with _counts_lock:
        _statements[full] = found
        while len(_statements) > MAX_CACHED_STATEMENTS:
            _statements.popitem(last=False)
    return found


def _built(query):
    return query() if callable(query) else query


def _count_of(query):
    """SELECT COUNT of `query`'s rows. A search alone on SQLite counts its matches in the FTS5 index: the
    triggers keep one entry there per row of position (0.7 ms for 3,105 matches, 14 ms joined)."""
    filters = getattr(query, "filters", None)
    words = fold(filters.get("q")).split() if filters and filters.get("q") else []
    search_only = words and all(value in (None, (), []) for key, value in filters.items() if key != "q")
    if search_only and is_sqlite() and all(len(w) >= TRIGRAM for w in words):
        return (Select([Table(SEARCH_TABLE)], [fn.COUNT(SQL("*"))])
                .where(SQL(f'"{SEARCH_TABLE}" MATCH ?', [_fts_phrases(words)])))
    return Select([query.order_by().limit(None).offset(None).alias("_counted")], [fn.COUNT(SQL("1"))])


def position(position_id: str):
    return positions().where(Position.id == position_id).first()


def rebuttals_of(demand_ids) -> dict[str, list]:
    """Rebuttals answering each of the given positions, by rebutted id."""
    found: dict[str, list] = {}
    for p in positions().where(Position.rebuts.in_(list(demand_ids))):
        found.setdefault(p.rebuts_id, []).append(p)
    return found


def positions_by_id(ids) -> dict:
    return {p.id: p for p in positions().where(Position.id.in_(list(ids)))} if ids else {}


def actors_with_counts():
    return (Actor.select(Actor, fn.COUNT(Position.id).alias("position_count"))
            .join(Position, JOIN.LEFT_OUTER, on=(Position.actor == Actor.code))
            .group_by(Actor.code).order_by(fn.COUNT(Position.id).desc(), Actor.code))


def actor_counts_by_kind(code: str) -> dict[str, int]:
    rows = (Position.select(Position.kind, fn.COUNT(Position.id).alias("n"))
            .where(Position.actor == code).group_by(Position.kind).tuples())
    return dict(rows)


def people_with_counts(*, has_positions: bool | None = None):
    """People with their position counts, most first; only those with (True) or without (False) any."""
    query = (Person.select(Person, fn.COUNT(Position.id).alias("position_count"))
             .join(Position, JOIN.LEFT_OUTER, on=(Position.speaker == Person.id))
             .group_by(Person.id).order_by(fn.COUNT(Position.id).desc(), Person.name, Person.id))
    if has_positions is not None:
        query = query.having(fn.COUNT(Position.id) > 0 if has_positions else fn.COUNT(Position.id) == 0)
    return query


def topics_with_counts():
    return (Topic.select(Topic, fn.COUNT(PositionTopic.position).alias("position_count"))
            .join(PositionTopic, JOIN.LEFT_OUTER, on=(PositionTopic.topic == Topic.code))
            .group_by(Topic.code).order_by(Topic.code))


def sources_with_counts():
    return (Source.select(Source.id, Source.name, Source.outlet, Source.title, Source.url, Source.published,
                          Source.content_hash, fn.COUNT(Position.id).alias("position_count"))
            .join(Position, JOIN.LEFT_OUTER, on=(Position.source == Source.id))
            .group_by(Source.id).order_by(Source.published.desc(nulls="LAST"), Source.id))


def source(source_id: str):
    return sources_with_counts().select_extend(Source.text).where(Source.id == source_id).first()


def source_by_id(source_id: str):
    return Source.get_or_none(Source.id == source_id)


def source_by_hash(digest: str):
    return Source.get_or_none(Source.content_hash == digest)


def actor_names() -> dict[str, str]:
    """Every folded code, name and alias -> actor code (codes win over names, names over aliases)."""
    names: dict[str, str] = {}
    actors = list(Actor.select(Actor.code, Actor.name_en, Actor.name_vi, Actor.aliases))
    for actor in actors:
        for alias in actor.aliases:
            names.setdefault(fold(alias), actor.code)
    for actor in actors:
        for name in (actor.name_en, actor.name_vi):
            if name:
                names[fold(name)] = actor.code
    names.update({fold(a.code): a.code for a in actors})
    return names

# claims (models/claims.py groups them) ------------------------------------------------------------------------

CLAIM_SORTS = ("outlets", "first_seen", "last_seen")
# the day a position appeared: said, else published (undated positions of undated articles sort last)
SEEN = fn.COALESCE(Position.said_from, Source.published)


def claims(*, sort: str = "outlets", claim_id: str | None = None, **filters):
    """Claims with a position matching every filter (or the one claim_id), with their counts over all their
    positions (the claim table, models/claims.py): the most outlets first (then the most articles, then
    first seen), or first seen or last seen newest first."""
    order = {"outlets": (Claim.outlet_count.desc(), Claim.source_count.desc(), Claim.first_seen.asc(nulls="LAST")),
             "first_seen": (Claim.first_seen.desc(nulls="LAST"),),
             "last_seen": (Claim.last_seen.desc(nulls="LAST"),)}[sort]
    query = Claim.select(Claim.id, Claim.appearance_count, Claim.source_count, Claim.outlet_count, Claim.outlets,
                         Claim.first_seen, Claim.last_seen)
    if claim_id:
        query = query.where(Claim.id == claim_id)
    elif set(k for k, v in filters.items() if v not in (None, (), [])) <= {"actors"}:
        query = query.where(Claim.actor.in_(list(filters["actors"]))) if filters.get("actors") else query
    else:
        query = query.where(Claim.id.in_(_filtered(Position.select(Position.claim_id), **filters)))
    return query.order_by(*order, Claim.id).dicts()


def claim_members(claim_id: str):
    """The ids of a claim's positions, first seen first (then by id)."""
    return (Position.select(Position.id).join(Source, on=(Position.source == Source.id))
            .where(Position.claim_id == claim_id).order_by(SEEN.asc(nulls="LAST"), Position.id))
