"""Peewee models and the database binding (DATABASE_URL, default a SQLite file in data/)."""
from .database import DEFAULT_DATABASE_URL, bind, create_tables, database, database_url
from .entities import ALL_MODELS, Actor, ApiKey, Claim, Person, Position, PositionTarget, PositionTopic, Source, Topic
from .text import fold

__all__ = [
    "DEFAULT_DATABASE_URL", "bind", "create_tables", "database", "database_url", "ALL_MODELS", "Actor", "ApiKey", "Claim",
    "Person", "Position", "PositionTarget", "PositionTopic", "Source", "Topic", "fold",
]
