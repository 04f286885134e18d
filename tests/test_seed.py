"""The seed script: idempotent, stable ids, replaces a source's positions when the extractor changes."""
from __future__ import annotations

import shutil

from conftest import reset_database, run_seed

from models.database import PROJECT_ROOT


def snapshot(url):
    import models

    db = models.bind(url)
    with db.connection_context():
        return (sorted(models.Source.select(models.Source.id).tuples()),
                sorted(models.Position.select(models.Position.id, models.Position.kind).tuples()))


def test_seeding_twice_gives_the_same_database(tmp_path):
    url = f"sqlite:///{tmp_path / 'twice.sqlite3'}"
    reset_database(url)
    run_seed(url)
    first = snapshot(url)
    run_seed(url)
    assert snapshot(url) == first
    assert len(first[0]) == 5 and len(first[1]) > 40


def test_reseed_replaces_positions_and_keeps_ids(tmp_path):
    import extraction
    import models
    from models.ingest import store_article, sync_reference

    url = f"sqlite:///{tmp_path / 'replace.sqlite3'}"
    reset_database(url)
    db = models.bind(url)
    models.create_tables()
    sync_reference(extraction.reference)
    path = sorted((PROJECT_ROOT / "seeds").glob("*.txt"))[0]
    text, meta = extraction.read_article(path)
    result = extraction.extract(text, meta)
    store_article(text, meta, result)
    before = {p.id for p in models.Position.select()}
    result.positions = result.positions[1:]  # an extractor that no longer finds the first position
    source, created = store_article(text, meta, result)
    after = {p.id for p in models.Position.select()}
    assert not created and after < before and len(after) == len(before) - 1
    db.close()


def test_an_edited_seed_article_replaces_its_old_version(tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    for path in sorted((PROJECT_ROOT / "seeds").glob("000_*")):
        shutil.copy(path, seeds)
    url = f"sqlite:///{tmp_path / 'edited.sqlite3'}"
    reset_database(url)
    run_seed(url, "--seeds", str(seeds))
    sources, positions = snapshot(url)
    article = next(seeds.glob("*.txt"))
    first, rest = article.read_text(encoding="utf-8").split("\n", 1)
    article.write_text(first + " \n" + rest, encoding="utf-8")  # a new content hash, the same positions
    run_seed(url, "--seeds", str(seeds))
    edited_sources, edited_positions = snapshot(url)
    assert len(edited_sources) == len(sources) == 1 and edited_sources != sources
    assert len(edited_positions) == len(positions) > 0
