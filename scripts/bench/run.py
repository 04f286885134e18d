#!/usr/bin/env python3
"""Load benchmark of the positions API: the same queries, side by side, on the same corpus.

usage: run.py [--workdir DIR] [--duration S] [--pg-url URL | --no-pg] [--write-docs]
       run.py --mixes [--corpus DB] [--duration S] [--write-docs]   (the two URL mixes of issue 11)

Builds (once, cached in --workdir) a 100,000-position and a 1,000-position SQLite corpus with
scripts/build_corpus.py, then measures with wrk (-t2 -c16 --latency, fixed duration, 127.0.0.1 only):
  * the API under gunicorn (gunicorn.conf.py, 2 workers) on SQLite at 100k: the five benchmark queries;
  * Datasette serving the same file (immutable) on the equivalent filtered JSON query;
  * a bare WSGI app returning a body as large as the API's, under the same gunicorn (the ceiling);
  * the API on the 1k corpus (latency must not grow with the corpus);
  * the API on PostgreSQL loaded with the same corpus (a database of its own, see --pg-url);
  * ingest: articles per second through the seed path on one core.
Prints a markdown table and the ratios against the targets; --write-docs puts them into
docs/benchmarks.md between the `bench:begin`/`bench:end` markers.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

import machine
import mixes
import servers
from wrk import LoadResult, run_wrk, run_wrk_mix

ROOT = Path(__file__).resolve().parents[2]
BUILD_CORPUS = ROOT / "scripts" / "build_corpus.py"
DOCS = ROOT / "docs" / "benchmarks.md"
BEGIN, END = "<!-- bench:begin -->", "<!-- bench:end -->"
MIXES_BEGIN, MIXES_END = "<!-- mixes:begin -->", "<!-- mixes:end -->"
TARGET_MIX_P99_MS = 50.0
DEFAULT_PG_URL = "postgresql://postgres@127.0.0.1:5432/positions_bench"

TARGET_VS_DATASETTE = 5.0
TARGET_VS_BARE = 0.35
TARGET_P99_MS = 25.0
TARGET_GROWTH_1K_TO_100K = 1.5

COMMON_WORD = "Nga"  # "Russia": in a large share of the corpus, so the search must page and count a lot


@dataclass(frozen=True)
class Row:
    engine: str
    corpus: str
    query: str
    result: LoadResult


def api_queries(position_id: str) -> dict[str, str]:
    return {
        "actor": "/positions?actor=NATO",
        "actor+kind+since": "/positions?actor=RUSSIA&kind=demand&since=2022-01-01",
        "q": f"/positions?q={COMMON_WORD}",
        "by id": f"/positions/{position_id}",
        "page 200": "/positions?page=200&per_page=20",
    }


def datasette_query(db_path: Path) -> str:
    """Datasette's equivalent of /positions?actor=NATO: filter, newest first, 20 rows, the count."""
    return f"/{db_path.stem}/position.json?actor_id=NATO&_sort_desc=said_from&_size=20"


def build_corpus(target: Path | str, sources: int, per_source: int, *, env: dict | None = None) -> None:
    args = [sys.executable, str(BUILD_CORPUS), "--sources", str(sources),
            "--positions-per-source", str(per_source), "--replace"]
    args += ["--db", str(target)] if isinstance(target, Path) else []
    subprocess.run(args, check=True, cwd=ROOT, env={**os.environ, **(env or {})})


def corpus_key() -> str:
    """Changes whenever the models or the builder change, so a cached corpus is never stale."""
    digest = hashlib.sha256()
    for path in sorted([*(ROOT / "models").glob("*.py"), BUILD_CORPUS]):
        digest.update(path.read_bytes())
    return digest.hexdigest()[:8]


def sqlite_corpus(workdir: Path, name: str, sources: int, per_source: int) -> Path:
    path = workdir / f"{name}_{corpus_key()}.sqlite"
    if not path.exists():
        build_corpus(path, sources, per_source)
    return path


def pg_corpus(workdir: Path, pg_url: str) -> None:
    """The 100k corpus in PostgreSQL, rebuilt unless this version of it is already there."""
    marker = workdir / f"pg_{corpus_key()}.built"
    if not marker.exists() or pg_positions(pg_url) != 100_000:
        build_corpus(pg_url, 10_000, 10, env={"DATABASE_URL": pg_url})
        marker.touch()


def some_position_id(base_url: str) -> str:
    status, body = servers.fetch(f"{base_url}/positions?per_page=1&page=50")
    if status != 200:
        raise RuntimeError(f"/positions answered {status}: {body[:500]!r}")
    return json.loads(body)["items"][0]["id"]


def measure(base_url: str, path: str, duration_s: int) -> LoadResult:
    status, body = servers.fetch(base_url + path)
    if status != 200:
        raise RuntimeError(f"{path} answered {status}: {body[:500]!r}")
    return run_wrk(base_url + path, duration_s=duration_s)


def bench_api(db_url: str, engine: str, corpus: str, duration_s: int, only: set[str] | None = None):
    """The benchmark queries against `gunicorn 'api:create_app()'` bound to db_url."""
    rows, nato_body = [], b""
    with servers.gunicorn("api:create_app()", env={"DATABASE_URL": db_url}, cwd=str(ROOT),
                          ready_path="/positions?per_page=1") as base:
        for name, path in api_queries(some_position_id(base)).items():
            if only is None or name in only:
                rows.append(Row(engine, corpus, f"`{path}`", measure(base, path, duration_s)))
        nato_body = servers.fetch(base + api_queries("")["actor"])[1]
    return rows, nato_body


def bench_datasette(db_path: Path, corpus: str, duration_s: int) -> Row:
    path = datasette_query(db_path)
    with servers.datasette(db_path, ready_path=f"/{db_path.stem}.json") as base:
        return Row("Datasette 0.65 (1 process)", corpus, f"`{path}`", measure(base, path, duration_s))


def bench_bare(body: bytes, duration_s: int) -> Row:
    with tempfile.NamedTemporaryFile(suffix=".json") as body_file:
        body_file.write(body)
        body_file.flush()
        with servers.gunicorn("bare_wsgi:app", env={"BENCH_BODY_FILE": body_file.name},
                              cwd=str(Path(__file__).parent)) as base:
            result = measure(base, "/", duration_s)
    return Row("bare WSGI, gunicorn", "-", f"fixed {len(body):,}-byte JSON body", result)


@dataclass(frozen=True)
class MixRow:
    mix: str
    api: LoadResult
    datasette: LoadResult
    bare: LoadResult


def checked(base: str, paths: list[str], sample: int = 120) -> list[str]:
    """`paths`, after a spread sample of them answered 200 (a refused URL would be measured as an error)."""
    for path in paths[::max(1, len(paths) // sample)]:
        status, body = servers.fetch(base + path)
        if status != 200:
            raise RuntimeError(f"{path} answered {status}: {body[:300]!r}")
    return paths


def bench_mixes(db_path: Path, duration_s: int) -> list[MixRow]:
    """Both URL mixes (scripts/bench/mixes.py) against the API, Datasette and the bare ceiling."""
    actors = mixes.top_actors(db_path)
    lists = {"108 URLs: `/positions?actor=A[&kind=K][&since=D]`": mixes.narrow(actors),
             "2,700 URLs: the same plus `until` and `per_page` 5-100": mixes.wide(actors)}
    api, datasette = {}, {}
    with servers.gunicorn("api:create_app()", env={"DATABASE_URL": f"sqlite:///{db_path}"}, cwd=str(ROOT),
                          ready_path="/positions?per_page=1") as base:
        for name, paths in lists.items():
            api[name] = run_wrk_mix(base, checked(base, paths), duration_s=duration_s)
        body = servers.fetch(base + mixes.narrow(actors)[0])[1]  # a page of 20, as the narrow mix's pages
    table = f"/{db_path.stem}/position.json"
    with servers.datasette(db_path, ready_path=f"/{db_path.stem}.json") as base:
        for name, paths in lists.items():
            translated = [mixes.datasette(path, table) for path in paths]
            datasette[name] = run_wrk_mix(base, checked(base, translated), duration_s=duration_s)
    bare = bench_bare(body, duration_s).result
    return [MixRow(name, api[name], datasette[name], bare) for name in lists]


def render_mixes(rows: list[MixRow], loads: tuple[str, str], commit: str, duration_s: int) -> str:
    lines = ["| mix of list queries | API req/s | Datasette | bare WSGI | API / Datasette | API / bare | API p50 | "
             "API p99 | Datasette p99 | errors (API, Datasette) |",
             "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for r in rows:
        lines.append(f"| {r.mix} | {r.api.requests_per_s:,.0f} | {r.datasette.requests_per_s:,.0f} | "
                     f"{r.bare.requests_per_s:,.0f} | {r.api.requests_per_s / r.datasette.requests_per_s:.1f}x | "
                     f"{r.api.requests_per_s / r.bare.requests_per_s:.0%} | {r.api.p50_ms:.1f} ms | "
                     f"{r.api.p99_ms:.1f} ms | {r.datasette.p99_ms:.1f} ms | {r.api.errors}, {r.datasette.errors} |")
    lines += ["", "| target | wanted | measured | met |", "|---|---|---|---|"]
    for i, r in enumerate(rows):
        short = "108 URLs" if i == 0 else "2,700 URLs"
        ratio = r.api.requests_per_s / r.datasette.requests_per_s
        lines.append(f"| API ÷ Datasette, {short} | >= {TARGET_VS_DATASETTE:g}x | {ratio:.1f}x | "
                     f"{'yes' if ratio >= TARGET_VS_DATASETTE else '**no**'} |")
        lines.append(f"| API p99, {short} | <= {TARGET_MIX_P99_MS:g} ms | {r.api.p99_ms:.1f} ms | "
                     f"{'yes' if r.api.p99_ms <= TARGET_MIX_P99_MS else '**no**'} |")
        if i == 0:
            bare_ratio = r.api.requests_per_s / r.bare.requests_per_s
            lines.append(f"| API ÷ bare WSGI, {short} | >= {TARGET_VS_BARE:.0%} | {bare_ratio:.0%} | "
                         f"{'yes' if bare_ratio >= TARGET_VS_BARE else '**no**'} |")
    info = machine.describe()
    lines += ["", f"Commit {commit}. Machine: {info['cpu']}, {info['ram']} RAM, Python {info['python']}; {info['wrk']}; "
              f"wrk -t2 -c16 -d{duration_s}s per mix and server, on 127.0.0.1; {rows[0].api.requests:,} and "
              f"{rows[1].api.requests:,} API requests. Run {info['date']}; load average "
              f"(1, 5, 15 min) {loads[0]} before, {loads[1]} after (the machine is shared)."]
    return "\n".join(lines)


def ingest_rate() -> float:
    """Articles per second through the seed path on one core (see ingest.py)."""
    done = subprocess.run([sys.executable, str(Path(__file__).parent / "ingest.py"), "--json"],
                          check=True, capture_output=True, text=True, cwd=ROOT)
    return json.loads(done.stdout)["articles_per_s"]


def pg_ready(pg_url: str) -> bool:
    database = pg_url.rsplit("/", 1)[1]
    created = subprocess.run(["createdb", "-h", "127.0.0.1", "-U", "postgres", database],
                             capture_output=True, text=True)
    return created.returncode == 0 or "already exists" in created.stderr


def pg_positions(pg_url: str) -> int:
    done = subprocess.run(["psql", pg_url, "-tAc", "SELECT count(*) FROM position"], capture_output=True, text=True)
    return int(done.stdout.strip()) if done.returncode == 0 and done.stdout.strip().isdigit() else -1


def ratios(rows: list[Row]) -> list[tuple[str, str, str, bool]]:
    def find(engine_prefix: str, corpus: str, query_part: str = "") -> LoadResult | None:
        return next((r.result for r in rows if r.engine.startswith(engine_prefix)
                     and r.corpus == corpus and query_part in r.query), None)

    nato = find("API, SQLite", "100k", "actor=NATO`")
    checks = []
    if nato is None:
        return checks
    if (datasette := find("Datasette", "100k")) is not None:
        ratio = nato.requests_per_s / datasette.requests_per_s
        checks.append(("API ÷ Datasette req/s, actor=NATO", f">= {TARGET_VS_DATASETTE:g}x",
                       f"{ratio:.1f}x", ratio >= TARGET_VS_DATASETTE))
    if (bare := find("bare", "-")) is not None:
        ratio = nato.requests_per_s / bare.requests_per_s
        checks.append(("API ÷ bare WSGI req/s, actor=NATO", f">= {TARGET_VS_BARE:.0%}",
                       f"{ratio:.0%}", ratio >= TARGET_VS_BARE))
    checks.append(("p99, actor=NATO at 100k", f"<= {TARGET_P99_MS:g} ms", f"{nato.p99_ms:.1f} ms",
                   nato.p99_ms <= TARGET_P99_MS))
    if (small := find("API, SQLite", "1k", "actor=NATO`")) is not None:
        for label, big, little in (("p50", nato.p50_ms, small.p50_ms), ("p99", nato.p99_ms, small.p99_ms)):
            ratio = big / little
            checks.append((f"{label} at 100k ÷ {label} at 1k, actor=NATO", f"<= {TARGET_GROWTH_1K_TO_100K:g}x",
                           f"{ratio:.2f}x", ratio <= TARGET_GROWTH_1K_TO_100K))
    return checks


def render(rows: list[Row], checks, ingest: float | None, loads: tuple[str, str]) -> str:
    lines = ["| engine | corpus | query | req/s | p50 ms | p99 ms | errors |",
             "|---|---|---|---:|---:|---:|---:|"]
    lines += [f"| {r.engine} | {r.corpus} | {r.query} | {r.result.requests_per_s:,.0f} | "
              f"{r.result.p50_ms:.2f} | {r.result.p99_ms:.2f} | {r.result.errors} |" for r in rows]
    lines += ["", "| target | wanted | measured | met |", "|---|---|---|---|"]
    lines += [f"| {name} | {wanted} | {measured} | {'yes' if ok else '**no**'} |"
              for name, wanted, measured, ok in checks]
    if ingest is not None:
        lines += ["", f"Ingest through the seed path, one core: **{ingest:.1f} articles/s**."]
    info = machine.describe()
    lines += ["", f"Machine: {info['cpu']}, {info['ram']} RAM, Python {info['python']}, {info['os']}; "
              f"{info['wrk']}. Run {info['date']}; load average (1, 5, 15 min) {loads[0]} before, "
              f"{loads[1]} after. Other engineers' test suites may have been running on the same 2 cores."]
    return "\n".join(lines)


def write_docs(table: str, begin: str = BEGIN, end: str = END) -> None:
    text = DOCS.read_text(encoding="utf-8") if DOCS.exists() else f"# Benchmarks\n\n{begin}\n{end}\n"
    head, rest = text.split(begin, 1)
    tail = rest.split(end, 1)[1]
    DOCS.write_text(f"{head}{begin}\n{table}\n{end}{tail}", encoding="utf-8")


def current_commit() -> str:
    done = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, cwd=ROOT)
    dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"], capture_output=True,
                           text=True, cwd=ROOT).stdout.strip()
    return done.stdout.strip() + (" (with uncommitted changes)" if dirty else "")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--workdir", type=Path, default=Path(tempfile.gettempdir()) / "positions-bench")
    parser.add_argument("--duration", type=int, default=10, help="seconds of load per query (default 10)")
    parser.add_argument("--pg-url", default=DEFAULT_PG_URL, help="a PostgreSQL database of its own")
    parser.add_argument("--no-pg", action="store_true", help="skip PostgreSQL")
    parser.add_argument("--no-ingest", action="store_true", help="skip the ingest measurement")
    parser.add_argument("--write-docs", action="store_true", help=f"write the results into {DOCS.name}")
    parser.add_argument("--mixes", action="store_true", help="only the two URL mixes (scripts/bench/mixes.py)")
    parser.add_argument("--corpus", type=Path, help="a 100k SQLite corpus already built (default: build one)")
    args = parser.parse_args(argv)
    args.workdir.mkdir(parents=True, exist_ok=True)

    big = args.corpus or sqlite_corpus(args.workdir, "positions100k", 10_000, 10)
    if args.mixes:
        load_before = machine.load_average()
        table = render_mixes(bench_mixes(big, args.duration), (load_before, machine.load_average()),
                             current_commit(), args.duration)
        print(table)
        if args.write_docs:
            write_docs(table, MIXES_BEGIN, MIXES_END)
        return 0
    small = sqlite_corpus(args.workdir, "positions1k", 100, 10)
    load_before = machine.load_average()
    rows, nato_body = bench_api(f"sqlite:///{big}", "API, SQLite", "100k", args.duration)
    rows.append(bench_datasette(big, "100k", args.duration))
    rows.append(bench_bare(nato_body, args.duration))
    rows += bench_api(f"sqlite:///{small}", "API, SQLite", "1k", args.duration, only={"actor"})[0]
    if not args.no_pg:
        if not pg_ready(args.pg_url):
            print(f"PostgreSQL database for {args.pg_url} could not be created; skipping", file=sys.stderr)
        else:
            pg_corpus(args.workdir, args.pg_url)
            rows += bench_api(args.pg_url, "API, PostgreSQL", "100k", args.duration)[0]
    ingest = None if args.no_ingest else ingest_rate()
    table = render(rows, ratios(rows), ingest, (load_before, machine.load_average()))
    print(table)
    if args.write_docs:
        write_docs(table)
    return 0


if __name__ == "__main__":
    sys.exit(main())
