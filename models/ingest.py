"""Writing articles and their extracted positions; the seed script and the ingest endpoint share it."""
from __future__ import annotations

import datetime as dt
import functools
import hashlib
from contextlib import contextmanager
from pathlib import Path

import yaml

from peewee import InternalError, OperationalError

from . import claims
from .database import database, is_sqlite
from .entities import Actor, Person, Position, PositionTarget, PositionTopic, Source, Topic
from .text import fold, ranking_words

POSTGRES_READ_ONLY = "25006"  # read_only_sql_transaction: a standby, or default_transaction_read_only
POSTGRES_DISK_FULL = "53100"
WRITE_LOCK = 0x77726974  # pg_advisory_xact_lock key ("writ"), with the schema's hash as the second


class WriteRefused(Exception):
    """The database refuses writes for a reason that retrying at once will not cure: it is read-only
    (`full` False) or out of space (`full` True). Nothing was written."""

    def __init__(self, full: bool):
        super().__init__("the database is full" if full else "the database is read-only")
        self.full = full


@contextmanager
def write_transaction(*, claims: bool = True):
    """One transaction for a write, taking SQLite's write lock at BEGIN.

    A deferred SQLite transaction that reads first and writes later fails at once with "database is
    locked" when another worker committed in between (its snapshot is stale; busy_timeout cannot help);
    BEGIN IMMEDIATE makes concurrent writers queue on busy_timeout instead. A read-only or full database
    raises WriteRefused.

    On PostgreSQL, writes that keep claims (models/claims.py) take one lock per schema at BEGIN, as SQLite's
    write lock serialises them; `claims=False` for a write that touches no position or claim (job
    bookkeeping, models/jobs.py), or one that takes the lock itself later with lock_claims().
    """
    try:
        with database.atomic(lock_type="IMMEDIATE") if is_sqlite() else database.atomic():
            if claims:
                lock_claims()
            yield
    except (OperationalError, InternalError) as error:
        full = _refusal(error)
        if full is None:
            raise
        raise WriteRefused(full) from error


def lock_claims() -> None:
    """Inside a write transaction: one article write at a time per schema until it commits. SQLite's write
    lock, taken at BEGIN, does that already; on PostgreSQL, claims are read and rewritten by each write,
    and two at once would count from the same snapshot."""
    if not is_sqlite():
        database.execute_sql("SELECT pg_advisory_xact_lock(%s, hashtext(current_schema()))", (WRITE_LOCK,))


def _refusal(error: BaseException | None) -> bool | None:
    """True for a full database, False for a read-only one, None for anything else.

    The chain is searched: when SQLite's COMMIT fails for want of space, SQLite has already rolled back,
    and peewee's own ROLLBACK then raises "no transaction is active" over the error that tells why."""
    for _ in range(8):  # a chain is short; this bounds a cyclic one
        if error is None:
            return None
        code = getattr(getattr(error, "orig", None), "pgcode", None)  # peewee keeps the driver's error as .orig
        message = str(error).lower()
        if code == POSTGRES_DISK_FULL or "database or disk is full" in message:
            return True
        if code == POSTGRES_READ_ONLY or "readonly database" in message:
            return False
        error = error.__cause__ or error.__context__
    return None


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def position_id(source_hash: str, start: int, end: int, actor: str) -> str:
    """Stable id: the same article, span and party give the same id on every re-seed."""
    return hashlib.sha256(f"{source_hash}:{start}:{end}:{actor}".encode()).hexdigest()[:16]


def said_from(said_on: str | None) -> dt.date | None:
    if not said_on:
        return None
    year, month, *day = (int(x) for x in said_on.split("-"))
    return dt.date(year, month, day[0] if day else 1)


OWN_INSTITUTIONS = Path(__file__).resolve().parent / "data" / "own_institutions.yaml"


@functools.cache
def _own_institutions() -> dict[str, str]:
    return yaml.safe_load(OWN_INSTITUTIONS.read_text(encoding="utf-8")) or {}


def stored_aliases(code: str, aliases) -> list[str]:
    """The aliases an actor is listed and found by: one spelling per case ("phía Nga", not also "Phía Nga"),
    and no generated name of another state's own institution ("Bộ Ngoại giao và Thịnh vượng chung Nga")."""
    foreign = tuple(f"{word} " for word, owner in _own_institutions().items() if owner != code)
    kept: dict[str, str] = {}
    for alias in aliases:
        if not alias.startswith(foreign):
            kept.setdefault(alias.casefold(), alias)
    return list(kept.values())


def search_columns(text: str, quote: str | None, speaker: str | None) -> dict:
    """position.search_text (what q= matches) and ranking_words (how matches rank) of one position."""
    searched = " ".join(filter(None, [text, quote, speaker]))
    return {"search_text": fold(searched), "ranking_words": ranking_words(searched)}


def sync_reference(reference) -> None:
    """Upsert actors, people and topics from the extractor's reference data (extraction.reference)."""
    with database.atomic():
        for a in reference.load_actors():
            row = {"name_en": a.name_en, "name_vi": a.name_vi, "aliases": stored_aliases(a.code, a.aliases)}
            Actor.insert(code=a.code, **row).on_conflict(conflict_target=[Actor.code], update=row).execute()
        for t in reference.load_topics():
            Topic.insert(code=t.code, label=t.label).on_conflict(
                conflict_target=[Topic.code], update={Topic.label: t.label}).execute()
        for p in reference.load_people():
            _ensure_actor(p.actor)
            row = {"role": p.role, "actor": p.actor}
            Person.insert(name=p.name, **row).on_conflict(conflict_target=[Person.name], update=row).execute()


def store_article(text: str, meta, result, *, keep_existing: bool = False) -> tuple[Source, bool]:
    """Save one article and its positions in one transaction; return (source, created).

    Re-storing the same text replaces its positions (the extractor may have changed) and keeps the ids
    of the positions it finds again; with `keep_existing` (a submission through the API) the stored
    source is returned untouched instead.
    """
    source_id, created = write_article(text, meta, result, keep_existing=keep_existing)
    return Source.get_by_id(source_id), created


class ClaimUpkeep:
    """The claim upkeep of several articles written in one transaction, done once at the end (keep_claims):
    grouping the new positions of N articles together costs about what grouping one article's does (the
    candidates are read once), and it holds the write lock that long once instead of N times."""

    def __init__(self):
        self.sources: list[str] = []
        self.left_claims: set[str] = set()


def write_article(text: str, meta, result, *, keep_existing: bool = False,
                  upkeep: ClaimUpkeep | None = None) -> tuple[str, bool]:
    """store_article without reading the stored source back: (its id, created).

    A new text with no name (an API submission, a batch's article) only inserts rows: on PostgreSQL it
    takes the claims lock (lock_claims) after its inserts, just before its claim upkeep, so concurrent
    workers insert in parallel and queue for the upkeep alone. Any write that deletes (a re-store, a seed
    file's new version) takes it at BEGIN. SQLite has one writer from BEGIN either way. With `upkeep`
    (inside a transaction of the caller's), the claims are left to keep_claims(upkeep), before the commit.
    """
    digest = content_hash(text)
    published = result.published or meta.published
    with write_transaction(claims=False):
        found = Source.select(Source.id).where(Source.content_hash == digest).tuples().first()
        created = found is None
        if not created and keep_existing:
            return found[0], False
        source_id = digest[:16] if created else found[0]
        inserts_only = created and not meta.name
        if not inserts_only:
            lock_claims()
        fields = {"name": meta.name, "outlet": result.outlet or meta.outlet, "title": result.title or meta.title,
                  "url": meta.url, "published": dt.date.fromisoformat(published) if published else None}
        left_claims: set[str] = set()  # claims that lose positions here: grouped again from what is left
        if meta.name:  # the same seed file with edited text: its old version goes, not kept beside it
            for stale in Source.select().where((Source.name == meta.name) & (Source.content_hash != digest)):
                left_claims |= _delete_positions(stale)
                stale.delete_instance()
        if created:
            Source.insert(id=source_id, content_hash=digest, text=text,
                          ingested_at=dt.datetime.now(dt.timezone.utc), **fields).execute()
        else:
            Source.update(**fields).where(Source.id == source_id).execute()
            left_claims |= _delete_positions(source_id)
        _insert_positions(source_id, digest, result.positions)
        if upkeep is None:
            if inserts_only:
                lock_claims()
            claims.regroup_claims(left_claims)
            claims.regroup_sources([source_id])
        else:  # last: an article whose inserts failed (its savepoint rolled back) is not grouped
            upkeep.sources.append(source_id)
            upkeep.left_claims |= left_claims
    return source_id, created


def keep_claims(upkeep: ClaimUpkeep) -> None:
    """The claims of the articles written with `upkeep`, inside their transaction, before it commits."""
    if upkeep.sources or upkeep.left_claims:
        lock_claims()
        claims.regroup_claims(upkeep.left_claims)
        if upkeep.sources:
            claims.regroup_sources(upkeep.sources)


def delete_source(source: Source) -> None:
    with write_transaction():
        left_claims = _delete_positions(source)
        source.delete_instance()
        claims.regroup_claims(left_claims)


def ingest_sequence() -> int:
    """The ingestion cursor's key for the rows this transaction writes: later commits get larger ones.

    SQLite: the data version as this transaction starts (it holds the write lock, and its own writes move
    the version on, so the next writer reads a larger one). PostgreSQL: the transaction id; a reader
    serves only rows of transactions older than every one still running (queries.ingested_after), so a
    transaction that commits later can never slip in behind a cursor already handed out."""
    if is_sqlite():
        return database.execute_sql('SELECT "version" FROM "data_version"').fetchone()[0]
    return database.execute_sql("SELECT pg_current_xact_id()::text::bigint").fetchone()[0]


def _delete_positions(source: Source | str) -> set[str]:
    """Delete the source's positions; the claims they were in."""
    left = {c for (c,) in Position.select(Position.claim_id).where(Position.source == source).tuples() if c}
    ids = Position.select(Position.id).where(Position.source == source)
    PositionTarget.delete().where(PositionTarget.position.in_(ids)).execute()
    PositionTopic.delete().where(PositionTopic.position.in_(ids)).execute()
    Position.update(rebuts=None).where(Position.source == source).execute()
    Position.delete().where(Position.source == source).execute()
    return left


ROWS_PER_INSERT = 50  # positions have 17 columns: under SQLite's oldest bound-parameter limit (999)


def _insert_positions(source: Source | str, digest: str, extracted) -> None:
    """A few multi-row INSERTs, not one per row: the store is the part of an ingest that holds the write
    lock (one writer at a time on SQLite), so its length bounds how far parallel workers scale."""
    ids = [position_id(digest, p.start, p.end, p.actor) for p in extracted]
    speakers = _ensure_references(extracted)
    sequence = ingest_sequence()
    rows: dict[str, dict] = {}
    for p, pid in zip(extracted, ids):  # one party, one span: a repeat within an article is the same row
        rows.setdefault(pid, dict(
            id=pid, source=source, actor=p.actor, speaker=speakers.get(p.speaker), speaker_role=p.speaker_role,
            kind=p.kind,
            text=p.text, quote=p.quote, said_on=p.date, date_precision=p.date_precision,
            said_from=said_from(p.date), start=p.start, end=p.end, targets=p.targets, topics=p.topics,
            **search_columns(p.text, p.quote, p.speaker), ingest_seq=sequence))
    _insert_many(Position, list(rows.values()))
    for p, pid in zip(extracted, ids):
        if p.rebuts is not None and 0 <= p.rebuts < len(ids) and ids[p.rebuts] != pid:
            Position.update(rebuts=ids[p.rebuts]).where(Position.id == pid).execute()
    _insert_many(PositionTarget, [{"position": pid, "actor": code} for pid, code in
                                  dict.fromkeys((pid, code) for p, pid in zip(extracted, ids) for code in p.targets)])
    _insert_many(PositionTopic, [{"position": pid, "topic": code} for pid, code in
                                 dict.fromkeys((pid, code) for p, pid in zip(extracted, ids) for code in p.topics)])


def _insert_many(model, rows: list[dict]) -> None:
    for start in range(0, len(rows), ROWS_PER_INSERT):
        model.insert_many(rows[start:start + ROWS_PER_INSERT]).on_conflict_ignore().execute()


def _ensure_references(extracted) -> dict[str, Person]:
    """Add the actors, people and topics the positions name and are not stored yet; return the speakers.

    Each kind goes in sorted order: two concurrent PostgreSQL ingests adding the same new names then
    wait for each other in the same order instead of deadlocking.
    """
    actors = {code for p in extracted for code in (p.actor, *p.targets, p.speaker_actor) if code}
    people: dict[str, tuple] = {}
    for p in extracted:
        if p.speaker:
            people.setdefault(p.speaker, (p.speaker_role, p.speaker_actor or p.actor))
    # one multi-row INSERT a kind, not one a row: this runs while holding the write lock on SQLite
    _insert_many(Actor, [{"code": code, "name_en": code, "aliases": []}
                         for code in sorted(actors | {actor for _, actor in people.values() if actor})])
    _insert_many(Topic, [{"code": code, "label": code} for code in sorted({c for p in extracted for c in p.topics})])
    _insert_many(Person, [{"name": name, "role": people[name][0], "actor": people[name][1]} for name in sorted(people)])
    return {person.name: person for person in Person.select().where(Person.name.in_(list(people)))} if people else {}


def _ensure_actor(code: str | None) -> None:
    if code:
        Actor.insert(code=code, name_en=code, aliases=[]).on_conflict_ignore().execute()
