"""scripts/build_corpus.py: a tiny corpus has the counts asked for, the rows the seed path would write,
and the API serves it."""
from __future__ import annotations

import datetime as dt
import importlib.util
import sys
from pathlib import Path

import pytest

import models
from models.ingest import delete_source, store_article

ROOT = Path(__file__).resolve().parent.parent
SOURCES, PER_SOURCE = 20, 3


def load_builder():
    spec = importlib.util.spec_from_file_location("build_corpus", ROOT / "scripts" / "build_corpus.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def builder():
    return load_builder()


@pytest.fixture(scope="module")
def corpus_url(builder, tmp_path_factory):
    """A tiny corpus in its own SQLite file; the database proxy is bound back afterwards, since the
    session's app fixture shares it."""
    previous = models.database.obj
    url = f"sqlite:///{tmp_path_factory.mktemp('corpus') / 'corpus.sqlite3'}"
    builder.main(["--db", url[len("sqlite:///"):], "--sources", str(SOURCES),
                  "--positions-per-source", str(PER_SOURCE), "--replace", "--quiet"])
    yield url
    if not models.database.is_closed():
        models.database.close()
    if previous is not None:
        models.database.initialize(previous)


def test_counts_are_what_was_asked(corpus_url):
    models.bind(corpus_url)
    assert models.Source.select().count() == SOURCES
    assert models.Position.select().count() == SOURCES * PER_SOURCE
    assert models.Position.select().where(models.Position.search_text == "").count() == 0


def test_rows_match_what_the_seed_path_writes(builder, corpus_url):
    """The bulk writer and models.ingest.store_article give the same rows for the same article."""
    models.bind(corpus_url)
    seeds = builder.load_seed_articles(ROOT / "seeds")
    synthesizer = builder.CorpusSynthesizer(seeds, first_day=dt.date(2018, 1, 1), last_day=dt.date(2025, 12, 31))
    article = synthesizer.article(0, PER_SOURCE)
    source_id = builder.CorpusWriter(seeds).rows(article)[0]["id"]

    def stored_rows():
        # ingest_seq aside: it is when the rows were written, which differs by design
        positions = [{k: v for k, v in row.items() if k != "ingest_seq"} for row in models.Position.select()
                     .where(models.Position.source == source_id).order_by(models.Position.id).dicts()]
        ids = [p["id"] for p in positions]
        targets = sorted(models.PositionTarget.select().where(models.PositionTarget.position.in_(ids)).tuples())
        topics = sorted(models.PositionTopic.select().where(models.PositionTopic.position.in_(ids)).tuples())
        return positions, targets, topics

    bulk = stored_rows()
    delete_source(models.Source.get_by_id(source_id))
    store_article(article.text, article.meta, article.result)
    assert stored_rows() == bulk
    assert len(bulk[0]) == PER_SOURCE


def test_positions_are_served(corpus_url):
    from api import create_app

    client = create_app({"DATABASE_URL": corpus_url, "TESTING": True}).test_client()
    page = client.get("/positions?per_page=5").get_json()
    assert page["total"] == SOURCES * PER_SOURCE
    assert len(page["items"]) == 5
    first = page["items"][0]
    source = client.get(f"/sources/{first['source']['id']}").get_json()
    assert source["text"][first["start"]:first["end"]] == first["text"]
    actor = first["actor"]["code"]
    assert client.get(f"/positions?actor={actor}").get_json()["total"] >= 1
    assert client.get(f"/positions/{first['id']}").status_code == 200
