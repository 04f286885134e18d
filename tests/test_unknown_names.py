"""An unknown name costs what a known one does (issue 11, finding 4): the alias table and the list of known
actors an error names are read again only after a write, not for every name that is not found."""
from __future__ import annotations

import logging

import pytest
from test_errors import assert_problem


class Statements(logging.Handler):
    """The SQL peewee sends (it logs each statement at DEBUG on the "peewee" logger)."""

    def __init__(self):
        super().__init__(logging.DEBUG)
        self.sql: list[str] = []

    def emit(self, record):
        self.sql.append(str(record.msg[0]) if isinstance(record.msg, tuple) else record.getMessage())


@pytest.fixture()
def statements():
    logger, handler = logging.getLogger("peewee"), Statements()
    level = logger.level
    logger.setLevel(logging.DEBUG)
    logger.addHandler(handler)
    yield handler.sql
    logger.removeHandler(handler)
    logger.setLevel(level)


@pytest.mark.parametrize("path, status", [
    ("/positions?actor=zzzz", 400), ("/positions?target=zzzz", 400), ("/actors/zzzz", 404),
    ("/positions?actor=NATO", 200),
])
def test_a_name_asked_again_reads_no_actor_table(client, statements, path, status):
    client.get(path)  # the first may load the tables
    statements.clear()
    for _ in range(3):
        response = client.get(path)
        assert response.status_code == status
    reads = [sql for sql in statements if 'FROM "actor"' in sql]
    assert not reads, reads


def test_an_unknown_actor_still_names_the_known_ones(client):
    body = assert_problem(client.get("/positions?actor=zzzz"), 400)
    assert "NATO" in body["detail"] and "GET /actors lists all" in body["detail"]
