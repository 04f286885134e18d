#!/usr/bin/env python3
"""Build a large, realistic corpus for load tests: N synthetic articles of M positions each.

usage: python scripts/build_corpus.py (--db PATH | DATABASE_URL=...) [--sources 10000]
                                      [--positions-per-source 10] [--from 2018-01-01] [--to 2025-12-31]
                                      [--seed 0] [--replace]

The material is the extractor's own output on seeds/: every synthetic position copies one real
position, so actor, kind, speaker, targets and topics keep the seed corpus's joint distribution; its
text is recombined from real clauses of positions of the same kind up to a real length; its date is
shifted by as much as its article's publication date, drawn uniformly between --from and --to. The same
--seed gives the same corpus, with the project's stable ids (models.ingest), on SQLite and PostgreSQL.
Rows are written with insert_many in one transaction per batch of articles, then ANALYZEd.
"""
from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import re
import sys
from dataclasses import dataclass, replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tqdm import tqdm  # noqa: E402

import extraction  # noqa: E402
import models  # noqa: E402
from extraction import ArticleMeta, ExtractedPosition, ExtractionResult  # noqa: E402
from models import Actor, Person, Position, PositionTarget, PositionTopic, Source, Topic  # noqa: E402
from models.database import is_sqlite  # noqa: E402
from models.claims import regroup_all  # noqa: E402
from models.ingest import (content_hash, ingest_sequence, position_id, said_from, search_columns,  # noqa: E402
                           sync_reference)

ARTICLES_PER_BATCH = 200
ROWS_PER_INSERT = 1000  # 17 columns x 1000 rows stays under SQLite's 32,766 bound parameters

# a clause ends at a comma or semicolon followed by a space: "Nga cho rằng, phương Tây cần ..."
_CLAUSE_BREAK = re.compile(r"(?<=[,;])\s+")


@dataclass(frozen=True)
class SeedArticle:
    meta: ArticleMeta
    published: dt.date
    result: ExtractionResult


@dataclass(frozen=True)
class SyntheticArticle:
    text: str
    meta: ArticleMeta
    result: ExtractionResult


def load_seed_articles(articles: Path) -> list[SeedArticle]:
    """The extractor's output on every article of `articles` that yields a dated article with positions."""
    seeds = []
    for path in sorted(articles.glob("*.txt")):
        text, meta = extraction.read_article(path)
        result = extraction.extract(text, meta)
        published = result.published or meta.published
        if result.positions and published:
            seeds.append(SeedArticle(meta, dt.date.fromisoformat(published), result))
    if not seeds:
        raise SystemExit(f"the extractor found no positions in dated articles of {articles}")
    return seeds


def clauses(text: str) -> list[str]:
    return [c for c in _CLAUSE_BREAK.split(text.strip()) if c]


class CorpusSynthesizer:
    """Synthetic articles from seed material; the n-th article is the same on every run for one rng_seed."""

    def __init__(self, seeds: list[SeedArticle], *, first_day: dt.date, last_day: dt.date, rng_seed: int = 0):
        self.seeds = seeds
        self.first_day, self.days = first_day, (last_day - first_day).days + 1
        self.rng_seed = rng_seed
        self.templates = [(seed, p) for seed in seeds for p in seed.result.positions]
        self.tails_by_kind: dict[str, list[str]] = {}
        self.lengths_by_kind: dict[str, list[int]] = {}
        for _, position in self.templates:
            self.tails_by_kind.setdefault(position.kind, []).extend(clauses(position.text)[1:])
            self.lengths_by_kind.setdefault(position.kind, []).append(len(position.text))

    def article(self, n: int, positions: int) -> SyntheticArticle:
        rng = random.Random(f"{self.rng_seed}:{n}")
        base = rng.choice(self.seeds)
        published = self.first_day + dt.timedelta(days=rng.randrange(self.days))
        picked = [rng.choice(self.templates) for _ in range(positions)]
        texts = [self._text(rng, template) for _, template in picked]
        title = base.meta.title or texts[0][:90]
        url = f"https://bench.invalid/articles/{n:07d}"
        body, starts = _layout(title, texts, credit=f"Nguồn: {url}")  # the URL keeps every text unique
        moved = [_moved(template, text, start, published - base.published + (base.published - seed.published))
                 for (seed, template), text, start in zip(picked, texts, starts)]
        meta = ArticleMeta(name=f"bench_{n:07d}.txt", title=title, outlet=base.meta.outlet or base.result.outlet,
                           url=url, published=published.isoformat())
        result = ExtractionResult(positions=_link_rebuttals(moved, [t for _, t in picked]),
                                  published=meta.published, title=title, outlet=meta.outlet)
        return SyntheticArticle(body, meta, result)

    def _text(self, rng: random.Random, template: ExtractedPosition) -> str:
        """The template's first clause, then real clauses of the same kind up to a real length."""
        parts = clauses(template.text)
        tails = self.tails_by_kind[template.kind]
        if len(parts) < 2 or not tails or rng.random() < 0.3:
            return template.text
        target = rng.choice(self.lengths_by_kind[template.kind])
        text = parts[0]
        while len(text) < target:
            text = f"{text} {rng.choice(tails)}"
        return text.rstrip(",; ")


def _layout(title: str, texts: list[str], *, credit: str) -> tuple[str, list[int]]:
    """An article body: the title line, one paragraph per position, a credit line; each position's start."""
    body, starts = title + "\n", []
    for text in texts:
        starts.append(len(body))
        body += text + ".\n"
    return body + credit + "\n", starts


def _moved(template: ExtractedPosition, text: str, start: int, delta: dt.timedelta) -> ExtractedPosition:
    return replace(template, text=text, start=start, end=start + len(text),
                   date=_shift_date(template.date, template.date_precision, delta),
                   quote=template.quote if template.quote and template.quote in text else None,
                   targets=list(template.targets), topics=list(template.topics), rebuts=None)


def _shift_date(date: str | None, precision: str, delta: dt.timedelta) -> str | None:
    if date is None or precision == "unknown":
        return None
    if precision == "month":
        return (dt.date.fromisoformat(f"{date}-15") + delta).strftime("%Y-%m")
    return (dt.date.fromisoformat(date) + delta).isoformat()


def _link_rebuttals(positions: list[ExtractedPosition], templates: list[ExtractedPosition]):
    """A rebuttal whose template answered something answers the latest earlier position of another party
    (a demand when there is one), as in the seed articles."""
    linked = []
    for i, (position, template) in enumerate(zip(positions, templates)):
        earlier = [j for j in range(i) if positions[j].actor != position.actor]
        demands = [j for j in earlier if positions[j].kind == "demand"]
        answered = (demands or earlier or [None])[-1] if template.rebuts is not None else None
        linked.append(replace(position, rebuts=answered))
    return linked


class CorpusWriter:
    """Rows as models.ingest.store_article writes them, inserted in bulk (tests/test_corpus_builder.py
    checks that both give the same rows)."""

    def __init__(self, seeds: list[SeedArticle]):
        self.ingested_at = dt.datetime.now(dt.timezone.utc)
        templates = [p for seed in seeds for p in seed.result.positions]
        self.person_ids = self._ensure_reference(templates)

    @staticmethod
    def _ensure_reference(templates: list[ExtractedPosition]) -> dict[str, int]:
        """Every actor, topic and speaker the templates name exists; the speakers' ids by name."""
        codes = {c for p in templates for c in (p.actor, p.speaker_actor, *p.targets) if c}
        with models.database.atomic():
            for code in sorted(codes):
                Actor.insert(code=code, name_en=code, aliases=[]).on_conflict_ignore().execute()
            for code in sorted({t for p in templates for t in p.topics}):
                Topic.insert(code=code, label=code).on_conflict_ignore().execute()
            for p in templates:
                if p.speaker:
                    Person.insert(name=p.speaker, role=p.speaker_role,
                                  actor=p.speaker_actor or p.actor).on_conflict_ignore().execute()
        names = {p.speaker for p in templates if p.speaker}
        return {row.name: row.id for row in Person.select(Person.id, Person.name).where(Person.name.in_(names))}

    def rows(self, article: SyntheticArticle) -> tuple[dict, list[dict], list[dict], list[dict]]:
        """The source row, position rows, target rows and topic rows of one article."""
        text, meta, result = article.text, article.meta, article.result
        digest = content_hash(text)
        published = result.published or meta.published
        source = {"id": digest[:16], "content_hash": digest, "name": meta.name, "text": text,
                  "outlet": result.outlet or meta.outlet, "title": result.title or meta.title, "url": meta.url,
                  "published": dt.date.fromisoformat(published) if published else None,
                  "ingested_at": self.ingested_at}
        ids = [position_id(digest, p.start, p.end, p.actor) for p in result.positions]
        positions, targets, topics = [], [], []
        for p, pid in zip(result.positions, ids):
            positions.append({
                "id": pid, "source": source["id"], "actor": p.actor, "speaker": self.person_ids.get(p.speaker),
                "speaker_role": p.speaker_role, "kind": p.kind, "text": p.text, "quote": p.quote,
                "said_on": p.date, "date_precision": p.date_precision, "said_from": said_from(p.date),
                "start": p.start, "end": p.end, "targets": p.targets, "topics": p.topics,
                "rebuts": ids[p.rebuts] if p.rebuts is not None and ids[p.rebuts] != pid else None,
                **search_columns(p.text, p.quote, p.speaker),
            })
            targets += [{"position": pid, "actor": code} for code in dict.fromkeys(p.targets)]
            topics += [{"position": pid, "topic": code} for code in dict.fromkeys(p.topics)]
        return source, positions, targets, topics

    def write(self, articles: list[SyntheticArticle]) -> int:
        """Insert a batch of articles in one transaction; the number of positions written."""
        batch = [self.rows(a) for a in articles]
        with models.database.atomic():
            sequence = ingest_sequence()  # one batch, one transaction: one step of the ingestion cursor
            for row in (r for b in batch for r in b[1]):
                row["ingest_seq"] = sequence
            for model, rows in ((Source, [b[0] for b in batch]), (Position, [r for b in batch for r in b[1]]),
                                (PositionTarget, [r for b in batch for r in b[2]]),
                                (PositionTopic, [r for b in batch for r in b[3]])):
                for i in range(0, len(rows), ROWS_PER_INSERT):
                    model.insert_many(rows[i:i + ROWS_PER_INSERT]).on_conflict_ignore().execute()
        return sum(len(b[1]) for b in batch)


def build(*, sources: int, per_source: int, first_day: dt.date, last_day: dt.date, rng_seed: int = 0,
          seeds_dir: Path = ROOT / "seeds", progress: bool = True) -> int:
    """Write the corpus into the bound database (tables created if missing); the positions written."""
    models.create_tables()
    sync_reference(extraction.reference)
    seeds = load_seed_articles(seeds_dir)
    synthesizer = CorpusSynthesizer(seeds, first_day=first_day, last_day=last_day, rng_seed=rng_seed)
    writer = CorpusWriter(seeds)
    written = 0
    with tqdm(total=sources * per_source, unit=" positions", disable=not progress, smoothing=0) as bar:
        for first in range(0, sources, ARTICLES_PER_BATCH):
            articles = [synthesizer.article(n, per_source) for n in range(first, min(first + ARTICLES_PER_BATCH, sources))]
            count = writer.write(articles)
            written += count
            bar.update(count)
    regroup_all()  # claims, as store_article keeps them (models/claims.py)
    # the planner's statistics, so it picks the filters' indexes; VACUUM also lets PostgreSQL count from them
    models.database.execute_sql("ANALYZE" if is_sqlite() else "VACUUM ANALYZE")
    return written


def replace_database(url: str) -> None:
    """Start from empty: delete the SQLite file, or drop the project's tables on another engine."""
    if url.startswith("sqlite:///"):
        path = Path(url[len("sqlite:///"):])
        for leftover in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
            leftover.unlink(missing_ok=True)
        models.bind(url)
    else:
        models.bind(url)
        models.database.drop_tables(models.ALL_MODELS, safe=True, cascade=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, help="SQLite file to write (default: DATABASE_URL)")
    parser.add_argument("--sources", type=int, default=10_000, help="synthetic articles (default 10,000)")
    parser.add_argument("--positions-per-source", type=int, default=10, help="positions per article (default 10)")
    parser.add_argument("--from", dest="first_day", type=dt.date.fromisoformat, default=dt.date(2018, 1, 1),
                        help="earliest publication date (default 2018-01-01)")
    parser.add_argument("--to", dest="last_day", type=dt.date.fromisoformat, default=dt.date(2025, 12, 31),
                        help="latest publication date (default 2025-12-31)")
    parser.add_argument("--seed", type=int, default=0, help="random seed: the same seed, the same corpus")
    parser.add_argument("--replace", action="store_true", help="empty the database first")
    parser.add_argument("--quiet", action="store_true", help="no progress bar")
    args = parser.parse_args(argv)
    if not args.db and not os.environ.get("DATABASE_URL"):
        parser.error("name the database to fill: --db PATH or DATABASE_URL (never the default one by accident)")
    url = f"sqlite:///{args.db.resolve()}" if args.db else models.database_url()
    if args.replace:
        replace_database(url)
    else:
        models.bind(url)
    written = build(sources=args.sources, per_source=args.positions_per_source, first_day=args.first_day,
                    last_day=args.last_day, rng_seed=args.seed, progress=not args.quiet)
    print(f"wrote {args.sources:,} sources and {written:,} positions into {url}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
