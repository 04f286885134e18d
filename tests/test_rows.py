"""The list pages' fast path (models/rows.py) writes the same documents as the marshmallow schemas."""
from __future__ import annotations

import pytest

import models
from api.schemas import PositionSchema
from models import queries, rows
from models.entities import Position


@pytest.fixture(scope="module")
def all_ids(app):
    with app.app_context(), models.database.connection_context():
        return [p.id for p in queries.positions()]


def test_every_position_reads_as_the_schema_dumps_it(app, all_ids):
    with app.app_context(), models.database.connection_context():
        by_schema = PositionSchema(many=True).dump(queries.positions())
        fast = rows.position_dicts(all_ids)
    assert len(all_ids) > 50
    assert fast == by_schema


def test_order_follows_the_ids_given_and_unknown_ids_are_skipped(app, all_ids):
    wanted = [all_ids[5], "0000000000000000", all_ids[0], all_ids[3]]
    with app.app_context(), models.database.connection_context():
        assert [d["id"] for d in rows.position_dicts(wanted)] == [all_ids[5], all_ids[0], all_ids[3]]
        assert rows.position_dicts([]) == []


@pytest.mark.parametrize("query", [
    "/positions?actor=NATO", "/positions?kind=demand,rebuttal&per_page=7&page=2", "/positions?q=đàm phán",
    "/positions?q=dam phan&sort=newest", "/positions?since=2022-01-10&until=2022-01-31&has_quote=true",
])
def test_list_pages_validate_against_the_page_schema(client, query):
    """The page written without marshmallow still loads through it (nothing missing, nothing extra)."""
    from api.positions import PositionPage

    page = client.get(query).get_json()
    assert page["items"], query
    assert PositionPage().load(page) is not None
    first = Position.get_by_id(page["items"][0]["id"])
    assert page["items"][0]["text"] == first.text


def test_one_position_reads_as_the_schema_dumps_it(app, client, all_ids):
    with app.app_context(), models.database.connection_context():
        expected = [PositionSchema().dump(queries.position(i)) for i in all_ids[:10]]
    assert [client.get(f"/positions/{i}").get_json() for i in all_ids[:10]] == expected
    assert client.get("/positions/0000000000000000").status_code == 404
