"""The tables: parties, people, articles, positions, and the join tables the filters use."""
from __future__ import annotations

import json

from peewee import (BigIntegerField, CharField, DateField, DateTimeField, ForeignKeyField, IntegerField, Model,
                    TextField)

from .database import database
from .summary import short_name, summarize


class JSONList(TextField):
    """A list stored as JSON text (both engines read it the same way)."""

    def db_value(self, value):
        return json.dumps(list(value or []), ensure_ascii=False)

    def python_value(self, value):
        return json.loads(value) if value else []


class BaseModel(Model):
    class Meta:
        database = database
        legacy_table_names = False


class Actor(BaseModel):
    code = CharField(primary_key=True, max_length=64)
    name_en = CharField()
    name_vi = CharField(null=True)
    aliases = JSONList(default=list)

    @property
    def short_name(self) -> str:
        return short_name(self.code, self.name_en)


class Person(BaseModel):
    name = CharField(unique=True)
    role = CharField(null=True)
    actor = ForeignKeyField(Actor, null=True, backref="people", on_delete="SET NULL")


class Topic(BaseModel):
    code = CharField(primary_key=True, max_length=64)
    label = CharField()


class Source(BaseModel):
    id = CharField(primary_key=True, max_length=16)  # first 16 hex digits of content_hash
    content_hash = CharField(unique=True, max_length=64)  # sha256 of the UTF-8 text
    name = CharField(null=True)  # seed file name, when it came from seeds/
    outlet = CharField(null=True)
    title = TextField(null=True)
    url = TextField(null=True)
    published = DateField(null=True, index=True)
    text = TextField()
    ingested_at = DateTimeField()


class Position(BaseModel):
    id = CharField(primary_key=True, max_length=16)  # digest of source, span and actor: stable across re-seeds
    source = ForeignKeyField(Source, backref="positions", on_delete="CASCADE")
    actor = ForeignKeyField(Actor, backref="positions")
    speaker = ForeignKeyField(Person, null=True, backref="positions")
    speaker_role = CharField(null=True)  # the title as this article gives it
    kind = CharField(max_length=16)
    text = TextField()
    quote = TextField(null=True)
    said_on = CharField(null=True, max_length=10)  # "YYYY-MM-DD" or "YYYY-MM" as the article allows
    date_precision = CharField(max_length=8, default="unknown")
    said_from = DateField(null=True)  # first day said_on covers: the sort and range-filter key
    start = IntegerField()
    end = IntegerField()
    targets = JSONList(default=list)
    topics = JSONList(default=list)
    rebuts = ForeignKeyField("self", null=True, backref="rebuttals", on_delete="SET NULL")
    search_text = TextField()  # fold(text + quote + speaker): what q= matches
    ranking_words = TextField(default="")  # text.ranking_words(text + quote + speaker): how q= ranks them
    claim_id = CharField(null=True, max_length=16)  # the claim it belongs to (models/claims.py)
    ingest_seq = BigIntegerField(default=0)  # ingestion order, the after= cursor's key (models/ingest.py)

    @property
    def speaker_info(self) -> dict | None:
        if self.speaker_id is None:
            return None
        return {"name": self.speaker.name, "role": self.speaker_role or self.speaker.role}

    @property
    def summary(self) -> str:
        return summarize(self)

    class Meta:
        # the list filters' indexes are newest-first, spelled per engine: models/migrations.py
        indexes = ((("source", "start"), False),)


class Claim(BaseModel):
    """A claim's counts over its positions (models/claims.py keeps them with the grouping)."""
    id = CharField(primary_key=True, max_length=16)  # the smallest id of its positions
    actor = ForeignKeyField(Actor, backref="claims")
    appearance_count = IntegerField()
    source_count = IntegerField()
    outlet_count = IntegerField()  # an article without an outlet counts as one of its own
    outlets = JSONList(default=list)  # the named ones, in the order they first reported it
    first_seen = DateField(null=True)  # said, else published
    last_seen = DateField(null=True)

    class Meta:
        # the table is made by migration 4 (models/migrations.py), with the list order's index
        table_name = "claim"


class PositionTarget(BaseModel):
    position = ForeignKeyField(Position, on_delete="CASCADE")
    actor = ForeignKeyField(Actor)

    class Meta:
        primary_key = False
        indexes = ((("actor", "position"), True),)


class PositionTopic(BaseModel):
    position = ForeignKeyField(Position, on_delete="CASCADE")
    topic = ForeignKeyField(Topic)

    class Meta:
        primary_key = False
        indexes = ((("topic", "position"), True),)


class ApiKey(BaseModel):
    """An operator's key for writes: only its sha256 is stored (scripts/create_api_key.py prints the key once)."""

    name = CharField(unique=True)
    key_hash = CharField(max_length=64, unique=True)
    created_at = DateTimeField()


class IngestJob(BaseModel):
    id = CharField(primary_key=True, max_length=32)
    created_at = DateTimeField()
    submitted = IntegerField()  # lines in the batch, valid or not


class IngestItem(BaseModel):
    job = ForeignKeyField(IngestJob, backref="items", on_delete="CASCADE")
    line = IntegerField()  # 1-based line number in the submitted NDJSON
    status = CharField(max_length=16)
    article = TextField()  # the submitted fields as JSON; emptied once the article is stored
    source_id = CharField(null=True, max_length=16)  # no foreign key: deleting a source keeps the job's record
    error = TextField(null=True)
    attempts = IntegerField(default=0)
    lease_until = DateTimeField(null=True)  # a running item whose lease ran out was left by a dead worker
    finished_at = DateTimeField(null=True)


ALL_MODELS = [Actor, Person, Topic, Source, Position, PositionTarget, PositionTopic, ApiKey, IngestJob, IngestItem,
              Claim]
