#!/usr/bin/env python3
"""Load many articles: folders of .txt files (each with an optional <name>.meta.json) or NDJSON files.

usage: python scripts/ingest.py PATH... [--jobs N] [--state FILE]                  # into DATABASE_URL
       python scripts/ingest.py PATH... --api URL --key KEY [--jobs N] [--state FILE]  # through the API

PATH is a folder (its *.txt files), a .txt file, or an .ndjson/.jsonl file (one article a line, the fields
of POST /articles). Directly, N processes extract and store (N <= cores). Through the API, articles go
in batches of up to 1,000 (POST /articles/batch), N batches in flight, and the server's workers extract
them. Every article's outcome is appended to the state file as it is known; run the same command again
after an interruption and the articles recorded there are skipped (one cut off mid-way is simply sent
again: a text stored before is recognised by its hash and not stored twice).
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import threading
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

BATCH_ARTICLES = 1000
BATCH_BYTES = 19 * 1024 * 1024  # under the API's 20 MiB, leaving room for the line breaks
ATTEMPTS = 3
FIELDS = ("text", "url", "outlet", "title", "published")


def read_inputs(paths: list[Path]):
    """(key, article fields or None, error) for every article under `paths`, in a stable order."""
    for path in paths:
        if path.is_dir():
            yield from (_text_file(p) for p in sorted(path.glob("*.txt")))
        elif path.suffix in (".ndjson", ".jsonl"):
            with path.open(encoding="utf-8") as lines:
                for number, line in enumerate(lines, 1):
                    if line.strip():
                        yield _ndjson_line(f"{path}:{number}", line)
        elif path.is_file():
            yield _text_file(path)
        else:
            raise SystemExit(f"{path}: not a folder, a .txt file or an .ndjson/.jsonl file")


def _text_file(path: Path):
    meta_path = path.with_name(path.stem + ".meta.json")
    try:
        meta = json.loads(meta_path.read_text(encoding="utf-8")) if meta_path.is_file() else {}
        article = {"text": path.read_text(encoding="utf-8"), **{k: meta.get(k) for k in FIELDS[1:] if meta.get(k)}}
    except (UnicodeDecodeError, ValueError) as error:
        return str(path.resolve()), None, f"unreadable: {error}"
    return str(path.resolve()), article, None


def _ndjson_line(key: str, line: str):
    try:
        article = json.loads(line)
    except ValueError as error:
        return key, None, f"invalid JSON: {error}"
    if not isinstance(article, dict):
        return key, None, "not a JSON object"
    return key, article, None


class State:
    """The outcomes recorded so far: one JSON object a line, appended and flushed as each is known."""

    def __init__(self, path: Path):
        self.path = path
        self.done: set[str] = set()
        if path.exists():
            for line in path.read_text(encoding="utf-8").splitlines():
                try:
                    self.done.add(json.loads(line)["key"])
                except (ValueError, KeyError):  # a line cut off by the interruption
                    continue
        self._file = path.open("a", encoding="utf-8")
        if path.stat().st_size and not path.read_bytes().endswith(b"\n"):
            self._file.write("\n")  # end the line the interruption cut off; it is skipped on reading
        self._lock = threading.Lock()
        self.counts: Counter = Counter()

    def record(self, key: str, status: str, source_id: str | None = None, error: str | None = None) -> None:
        with self._lock:
            self._file.write(json.dumps({"key": key, "status": status, "source_id": source_id, "error": error},
                                        ensure_ascii=False) + "\n")
            self._file.flush()
            self.counts[status] += 1


# ---- directly into the database, in N processes

def _start_process() -> None:
    import extraction
    import models

    models.bind()
    extraction.extract(*extraction.read_article(sorted((ROOT / "seeds").glob("*.txt"))[0]))  # load the models


def _store_one(task: tuple[str, dict]) -> tuple[str, str, str | None, str | None]:
    """(key, status, source id, error) of one article, stored as POST /articles stores it."""
    from marshmallow import ValidationError

    from api.articles import ArticleSchema
    from models.ingest import WriteRefused

    key, fields = task
    try:
        article = ArticleSchema().load(fields)
    except ValidationError as error:
        return key, "invalid", None, json.dumps(error.messages, ensure_ascii=False)[:500]
    from api.articles import ingest_article
    from models.database import database

    for attempt in range(1, ATTEMPTS + 1):
        try:
            with database.connection_context():
                source, created = ingest_article(article)
            return key, "done" if created else "duplicate", source.id, None
        except WriteRefused:
            raise
        except Exception as error:  # the extractor's, or a database busy for longer than its timeout
            if attempt == ATTEMPTS:
                return key, "failed", None, f"{type(error).__name__}: {str(error)[:300]}"
            time.sleep(attempt)


def run_direct(tasks: list[tuple[str, dict]], jobs: int, state: State, progress) -> None:
    import multiprocessing

    import models

    models.bind()
    with models.database.connection_context():
        models.create_tables()
    with multiprocessing.get_context("fork").Pool(jobs, initializer=_start_process) as pool:
        for key, status, source_id, error in pool.imap_unordered(_store_one, tasks):
            state.record(key, status, source_id, error)
            progress.update(1)


# ---- through the API

def batches(tasks: list[tuple[str, dict]]):
    batch, size = [], 0
    for key, article in tasks:
        line = json.dumps(article, ensure_ascii=False)
        length = len(line.encode("utf-8")) + 1
        if batch and (len(batch) == BATCH_ARTICLES or size + length > BATCH_BYTES):
            yield batch
            batch, size = [], 0
        batch.append((key, line))
        size += length
    if batch:
        yield batch


def run_batch(session, api: str, key: str, batch: list[tuple[str, str]], state: State, progress) -> None:
    body = "\n".join(line for _, line in batch).encode("utf-8")
    headers = {"Authorization": f"Bearer {key}", "Content-Type": "application/x-ndjson"}
    for attempt in range(1, 11):
        response = session.post(f"{api}/articles/batch", data=body, headers=headers, timeout=300)
        if response.status_code not in (429, 503):
            break
        time.sleep(float(response.headers.get("Retry-After", 5)))
    if response.status_code == 400:  # no valid line: every line's error is in the problem document
        errors = response.json().get("errors", {})
        for number, (article_key, _) in enumerate(batch, 1):
            state.record(article_key, "invalid", error=" ".join(errors.get(f"line {number}", ["invalid"])))
        progress.update(len(batch))
        return
    if response.status_code != 202:
        raise SystemExit(f"POST /articles/batch answered {response.status_code}: {response.text[:500]}")
    location, reported = response.headers["Location"], set()
    while True:
        job = session.get(f"{api}{location}", timeout=60).json()
        for article in job["articles"]:
            if article["status"] not in ("queued", "running") and article["line"] not in reported:
                reported.add(article["line"])
                state.record(batch[article["line"] - 1][0], article["status"], article["source_id"], article["error"])
                progress.update(1)
        if job["state"] == "done":
            return
        time.sleep(1)


def run_api(tasks: list[tuple[str, dict]], jobs: int, api: str, key: str, state: State, progress) -> None:
    from concurrent.futures import ThreadPoolExecutor

    import requests

    session = requests.Session()
    with ThreadPoolExecutor(jobs) as pool:
        for future in [pool.submit(run_batch, session, api.rstrip("/"), key, batch, state, progress)
                       for batch in batches(tasks)]:
            future.result()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="+", type=Path, metavar="PATH")
    parser.add_argument("--api", metavar="URL", help="submit through this API server instead of DATABASE_URL")
    parser.add_argument("--key", default=os.environ.get("API_KEY"), help="API key for --api (or API_KEY)")
    parser.add_argument("--jobs", type=int, default=1, help="processes (direct) or batches in flight (--api)")
    parser.add_argument("--state", type=Path, default=Path(".ingest-state.jsonl"),
                        help="outcomes so far; what it lists is skipped (default .ingest-state.jsonl)")
    args = parser.parse_args(argv)
    if args.api and not args.key:
        parser.error("--api needs --key (or API_KEY)")
    from tqdm import tqdm

    state = State(args.state)
    tasks, skipped = [], 0
    for key, article, error in read_inputs(args.paths):
        if key in state.done:
            skipped += 1
        elif article is None:
            state.record(key, "invalid", error=error)
        else:
            tasks.append((key, article))
    with tqdm(total=len(tasks), unit="article", desc="ingest", disable=None) as progress:
        if args.api:
            run_api(tasks, max(1, args.jobs), args.api, args.key, state, progress)
        else:
            run_direct(tasks, max(1, args.jobs), state, progress)
    counts = ", ".join(f"{n} {status}" for status, n in sorted(state.counts.items())) or "nothing new"
    print(f"{counts}; {skipped} skipped (in {args.state} from before)")
    return 1 if state.counts["failed"] or state.counts["invalid"] else 0


if __name__ == "__main__":
    sys.exit(main())
